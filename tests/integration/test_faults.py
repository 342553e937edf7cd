"""Faults on the real broker: a graceful stop loses nothing, and a broker restart mid-stream loses nothing."""

from __future__ import annotations

import asyncio
import shutil
import time
from pathlib import Path

import orjson
import pytest

from extractors import extract_batch
from schemas.article import article_from_mapping
from schemas.events import meeting_event, quote_event
from streams.kafka.local_broker import LocalKafka, free_port
from streams.settings import Settings
from tests.article_generator import articles
from tests.integration.helpers import WorkerProcess, consume, produce, unique_prefix

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.timeout(420)]


def offline_events(rows: list[dict], nlp) -> tuple[dict[str, set[str]], list[dict]]:
    """Per topic, the ids an offline extraction of the same articles gives (the code path the worker runs), and its
    meeting events as JSON (each article once), for the reference fold of the contact tables."""
    arts = [article_from_mapping(r) for r in rows]
    ids: dict[str, set[str]] = {"meetings": set(), "quotes": set()}
    meetings: list[dict] = []
    for art, ext in zip(arts, extract_batch(arts, nlp), strict=True):
        d = ext.to_dict()
        events = [orjson.loads(orjson.dumps(meeting_event(art, m, "x"))) for m in d["meetings"]]
        meetings.extend(events)
        ids["meetings"].update(e["event_id"] for e in events)
        ids["quotes"].update(quote_event(art, q, "x")["event_id"] for q in d["quotes"])
    return ids, meetings


def expected_event_ids(rows: list[dict], nlp) -> dict[str, set[str]]:
    return offline_events(rows, nlp)[0]


async def delivered_ids(bootstrap: str, prefix: str, expected: dict[str, set[str]], timeout: float) -> dict[str, list]:
    """Event ids on each output topic, read until the expected number of distinct ids arrived (or the timeout)."""
    out = {}
    for topic, want in expected.items():
        deadline = time.monotonic() + timeout
        ids: list[str] = []
        while time.monotonic() < deadline:
            records = await consume(bootstrap, f"{prefix}.{topic}", expect=len(want), timeout=10, settle=1)
            ids = [orjson.loads(r.value)["event_id"] for r in records]
            if len(set(ids)) >= len(want):
                break
        out[topic] = ids
    return out


def wait_for_progress(worker: WorkerProcess, at_least: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, body = worker.get("/health")
        if status == 200 and body["counts"].get("articles_extracted", 0) >= at_least:
            return
        time.sleep(0.1)
    raise AssertionError(f"no progress to {at_least} articles:\n{worker.log_tail()}")


async def test_sigterm_commits_what_is_done_and_loses_nothing(kafka_bootstrap: str, tmp_path: Path, nlp) -> None:
    prefix = unique_prefix()
    rows = articles(80, seed=11)
    expected = expected_event_ids(rows, nlp)
    assert len(expected["meetings"]) > 20 and len(expected["quotes"]) > 20
    first = WorkerProcess(kafka_bootstrap, prefix, tmp_path).start()
    first.wait_ready()
    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(r) for r in rows],
                  [r["id"].encode() for r in rows])
    wait_for_progress(first, 10)
    assert first.stop(timeout=60) == 0, first.log_tail()
    second = WorkerProcess(kafka_bootstrap, prefix, tmp_path).start()
    try:
        second.wait_ready()
        seen = await delivered_ids(kafka_bootstrap, prefix, expected, timeout=180)
    finally:
        second.stop()
    for topic in expected:
        assert set(seen[topic]) == expected[topic], topic
    duplicates = sum(len(ids) - len(set(ids)) for ids in seen.values())
    total = sum(len(ids) for ids in expected.values())
    print(f"graceful stop: {len(rows)} articles, {total} events, {duplicates} duplicate deliveries")
    assert duplicates == 0, "a graceful stop delivers and commits the batches in hand: nothing is sent twice"


@pytest.mark.skipif(shutil.which("java") is None or shutil.which("mvn") is None, reason="needs Java and Maven")
async def test_broker_restart_mid_stream_loses_nothing(tmp_path: Path, nlp) -> None:
    broker = LocalKafka(Settings().kafka_home, port=free_port(), controller_port=free_port())
    broker.start()
    worker = None
    try:
        prefix = unique_prefix()
        rows = articles(60, seed=12)
        expected = expected_event_ids(rows, nlp)
        worker = WorkerProcess(broker.bootstrap, prefix, tmp_path).start()
        worker.wait_ready()
        await produce(broker.bootstrap, f"{prefix}.articles", [orjson.dumps(r) for r in rows],
                      [r["id"].encode() for r in rows])
        wait_for_progress(worker, 5)
        broker.stop()
        await asyncio.sleep(3)
        broker.start()
        seen = await delivered_ids(broker.bootstrap, prefix, expected, timeout=240)
        assert worker.alive(), worker.log_tail()
        for topic in expected:
            assert set(seen[topic]) == expected[topic], worker.log_tail()
        duplicates = sum(len(ids) - len(set(ids)) for ids in seen.values())
        print(f"broker restart: {len(rows)} articles, {sum(map(len, expected.values()))} events, "
              f"{duplicates} duplicate deliveries")
    finally:
        if worker is not None:
            worker.stop()
        broker.reset()
