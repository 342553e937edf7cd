"""Two workers, a stream of generated articles, and a worker SIGKILLed at seeded random moments: afterwards the
contact tables equal a batch recomputation from the input topic, and the distinct event ids on the output topics
equal those of an offline extraction of the same articles. No NLP process outlives its killed worker."""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections import Counter
from pathlib import Path

import orjson
import pytest

from schemas.article import article_from_mapping
from streams.kafka.read import read_topic
from streams.settings import Settings
from tests.article_generator import articles
from tests.integration.helpers import WorkerProcess, unique_prefix, wait_workers_stable
from tests.integration.test_faults import offline_events
from tests.integration.test_tables import feed, settled, wait_for_reference
from tests.streams.tables.reference import reference_tables

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.timeout(900)]

ARTICLES = int(os.environ.get("PARLEY_CHAOS_ARTICLES", "2000"))
KILLS = int(os.environ.get("PARLEY_CHAOS_KILLS", "5"))
SEED = int(os.environ.get("PARLEY_CHAOS_SEED", "20261127"))


def descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except FileNotFoundError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    kids = {int(k) for k in fh.read().split()}
            except FileNotFoundError:
                continue
            todo.extend(kids - found)
            found |= kids
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[1][0] not in "ZX"
    except (FileNotFoundError, IndexError):
        return False


async def chaos(workers: list[WorkerProcess], make: callable, rng: random.Random, kills: int,
                log: list[str]) -> list[int]:
    """Kills a random worker `kills` times at random moments and restarts it; returns the orphans found."""
    orphans: list[int] = []
    for n in range(kills):
        await asyncio.sleep(rng.uniform(2.0, 6.0))
        index = rng.randrange(len(workers))
        victim = workers[index]
        assert victim.proc is not None
        children = descendants(victim.proc.pid)
        victim.kill()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(alive(c) for c in children):
            await asyncio.sleep(0.1)
        orphans += [c for c in children if alive(c)]
        log.append(f"kill {n + 1}: worker {index} (pid {victim.proc.pid}, {len(children)} NLP process(es))")
        replacement = make()
        await asyncio.to_thread(replacement.wait_ready, 120)
        workers[index] = replacement
        env = replacement.env
        await wait_workers_stable(env["KAFKA_BOOTSTRAP_SERVERS"], env["PARLEY_TOPIC_PREFIX"], members=len(workers))
    return orphans


async def explain_missing(bootstrap: str, prefix: str, fed: list[dict], missing: set[str], nlp,
                          logs: Path) -> str:
    """Where the articles of missing events went: their input position, dead letters, worker log lines. Returned for
    the assertion message, which CI shows first (a printed explanation is cut from long outputs)."""
    from extractors import extract_batch
    from schemas.events import meeting_event, quote_event

    arts = [article_from_mapping(a) for a in fed]
    owners = {}
    for art, ext in zip(arts, extract_batch(arts, nlp), strict=True):
        d = ext.to_dict()
        for m in d["meetings"]:
            owners[meeting_event(art, m, "x")["event_id"]] = art.id
        for q in d["quotes"]:
            owners[quote_event(art, q, "x")["event_id"]] = art.id
    ids = {owners.get(e) for e in missing}
    inputs = await read_topic(bootstrap, f"{prefix}.articles")
    where = {orjson.loads(r.value)["id"]: (r.partition, r.offset) for r in inputs if r.key}
    dead = await read_topic(bootstrap, f"{prefix}.articles.dlq")
    found = sorted((where.get(i) or (-1, -1), i) for i in ids if i)
    lines = [f"{len(missing)} events missing, of {len(found)} articles at (partition, offset) {found[:40]}; "
             f"{len(dead)} dead letters: {[dict(r.headers).get('dlq_reason') for r in dead][:10]}"]
    for log in sorted(logs.glob("worker-*.log")):
        for line in log.read_text(errors="replace").splitlines():
            if (any(i and i in line for i in ids) or "exiting without" in line or "Traceback" in line
                    or "Setting newly assigned" in line or "Revoking" in line or "dead letter" in line):
                lines.append(f"{log.name} {line[:200]}")
    return "\n".join(lines[:80])


async def feed_slowly(bootstrap: str, prefix: str, rows: list[dict], chunk: int = 50, pause: float = 0.5) -> None:
    for start in range(0, len(rows), chunk):
        await feed(bootstrap, prefix, rows[start:start + chunk])
        await asyncio.sleep(pause)


async def test_killed_workers_lose_nothing_and_count_nothing_twice(kafka_bootstrap: str, tmp_path: Path,
                                                                   nlp) -> None:
    prefix = unique_prefix()
    rng = random.Random(SEED)
    rows = articles(ARTICLES, seed=SEED, diplomatic_share=0.4)

    def make() -> WorkerProcess:
        return WorkerProcess(kafka_bootstrap, prefix, tmp_path).start()

    workers = [make(), make()]
    for w in workers:
        w.wait_ready()
    await wait_workers_stable(kafka_bootstrap, prefix, members=2)  # ready = the groups are stable, per the broker
    log: list[str] = []
    began = time.monotonic()
    _, orphans = await asyncio.gather(feed_slowly(kafka_bootstrap, prefix, rows),
                                      chaos(workers, make, rng, KILLS, log))
    try:
        await settled(kafka_bootstrap, prefix, timeout=600)
        # The batch recomputation reads the input topic back: what was really fed, not what we meant to feed.
        fed = [orjson.loads(r.value) for r in await read_topic(kafka_bootstrap, f"{prefix}.articles")]
        assert len({a["id"] for a in fed}) == ARTICLES
        print("\n".join(log))
        expected, meetings = offline_events(fed, nlp)
        # Everything is on the topics once the group has committed all articles (events are delivered first):
        # read each topic to its end, not to a count, since redeliveries make counts meaningless.
        delivered = {t: [orjson.loads(r.value) for r in await read_topic(kafka_bootstrap, f"{prefix}.{t}")]
                     for t in expected}
        duplicates = {}
        twice: set[str | None] = set()  # articles with an event delivered more than once
        for topic, events in delivered.items():
            ids = [e["event_id"] for e in events if e.get("schema_version", "").startswith(topic[:-1])]
            missing = expected[topic] - set(ids)
            why = await explain_missing(kafka_bootstrap, prefix, fed, missing, nlp, tmp_path) if missing else ""
            assert not missing, f"{topic}: {why}"
            assert set(ids) <= expected[topic], f"{topic}: events no offline extraction yields"
            duplicates[topic] = len(ids) - len(set(ids))
            seen = Counter(ids)
            twice |= {(e.get("article") or {}).get("id") for e in events if seen.get(e.get("event_id"), 0) > 1}
        assert orphans == [], "NLP processes outlived their killed worker"
        # the tables against the separately written reference fold (not the fold the workers run)
        want = reference_tables(meetings)
        await wait_for_reference(workers, want, timeout=180)
    finally:
        for w in workers:
            w.stop()
    seconds = time.monotonic() - began
    print(f"chaos: {ARTICLES} articles, {KILLS} kills, {sum(len(v) for v in expected.values())} distinct events, "
          f"duplicate deliveries {duplicates}, tables equal to the reference fold: yes ({len(want)} countries), "
          f"{seconds:.0f} s")
    # At least once, not exactly once: a batch's events go out at its end and it is committed right after, so only a
    # kill inside that window (its events partly or wholly on the broker, its offsets not yet committed) redelivers
    # anything: at most the one batch each kill interrupts. A rebalance alone redelivers nothing (a batch fetched
    # before a revocation is dropped and fetched again), and nothing is lost (asserted above).
    batch = Settings().nlp_batch_size
    assert len(twice) <= KILLS * batch, (duplicates, sorted(twice))
    assert [a for a in fed if article_from_mapping(a).id != a["id"]] == []
