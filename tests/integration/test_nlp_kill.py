"""The NLP process SIGKILLed mid-batch (the OOM killer, an operator): the pool is rebuilt, passes its canary
article, and the batch is extracted again. No article is dead-lettered and none is lost: an NLP process that dies
is not any article's fault unless that article kills a healthy pool again and again (streams/pipeline/nlp_pool.py)."""

from __future__ import annotations

import asyncio
import os
import signal
import time
import urllib.request
from pathlib import Path

import orjson
import pytest

from tests.article_generator import articles
from tests.integration.helpers import WorkerProcess, consume, produce, unique_prefix
from tests.integration.test_chaos import descendants
from tests.integration.test_faults import delivered_ids, expected_event_ids
from tests.integration.test_tables import settled

pytestmark = [pytest.mark.integration, pytest.mark.timeout(420)]


def metric(worker: WorkerProcess, name: str) -> float:
    """parley_nlp_pool_<name> from the worker's /metrics."""
    with urllib.request.urlopen(worker.url + "/metrics", timeout=5) as resp:
        for line in resp.read().decode().splitlines():
            if line.startswith(f"parley_nlp_pool_{name} "):
                return float(line.split()[1])
    raise AssertionError(f"no parley_nlp_pool_{name} in /metrics")


def nlp_processes(worker: WorkerProcess) -> list[int]:
    assert worker.proc is not None
    found = []
    for pid in descendants(worker.proc.pid):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                if b"spawn_main" in fh.read():
                    found.append(pid)
        except FileNotFoundError:
            continue
    return found


async def test_an_nlp_process_killed_mid_batch_dead_letters_nothing_and_loses_nothing(
        kafka_bootstrap: str, tmp_path: Path, nlp) -> None:
    prefix = unique_prefix()
    rows = articles(120, seed=18, diplomatic_share=0.5)
    expected = expected_event_ids(rows, nlp)
    worker = WorkerProcess(kafka_bootstrap, prefix, tmp_path).start()
    try:
        worker.wait_ready()
        before = nlp_processes(worker)
        assert before, "no NLP process found under the worker"
        await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(r) for r in rows],
                      [r["id"].encode() for r in rows])
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # mid-batch: some batches done, one in the NLP process right now
            _, health = worker.get("/health")
            if health["counts"].get("articles_extracted", 0) >= 16 and metric(worker, "queue_depth") > 0:
                break
            await asyncio.sleep(0.02)
        for pid in before:
            os.kill(pid, signal.SIGKILL)
        killed_at = health["counts"].get("articles_extracted", 0)
        seen = await delivered_ids(kafka_bootstrap, prefix, expected, timeout=180)
        await settled(kafka_bootstrap, prefix)
        _, health = worker.get("/health")
        after = nlp_processes(worker)
        rebuilds = metric(worker, "rebuilds_total")
    finally:
        worker.stop()
    for topic in expected:
        assert set(seen[topic]) == expected[topic], topic
    dead = await consume(kafka_bootstrap, f"{prefix}.articles.dlq", expect=1, timeout=3)
    assert dead == [] and health["dead_letters"] == {}, worker.log_tail()
    assert after and set(after).isdisjoint(before) and rebuilds >= 1, "the pool was rebuilt"
    assert "the NLP pool broke on a batch" in worker.log_path.read_text(errors="replace"), "killed mid-batch"
    print(f"NLP kill: {len(rows)} articles, NLP process(es) {before} killed mid-batch after {killed_at} extracted; "
          f"{sum(map(len, expected.values()))} events all delivered, 0 dead letters, new NLP process(es) {after}")
