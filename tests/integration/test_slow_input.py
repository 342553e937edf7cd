"""A pathological article that exhausts its CPU budget is dead-lettered alone, and does not set off a rebalance
storm: the consumer group stays stable (asked through the admin API) while it is being worked on."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import orjson
import pytest

from tests.article_generator import articles
from tests.integration.helpers import (
    WorkerProcess,
    consume,
    group_state,
    produce,
    unique_prefix,
    wait_workers_stable,
    worker_groups,
)
from tests.integration.test_faults import delivered_ids, expected_event_ids

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.timeout(600)]


def rebalances(worker: WorkerProcess) -> float:
    with urllib.request.urlopen(worker.url + "/metrics", timeout=5) as resp:
        text = resp.read().decode()
    found = re.search(r"^parley_rebalances_total (\S+)$", text, re.M)
    assert found, "no rebalance counter on /metrics"
    return float(found.group(1))


async def test_a_slow_article_times_out_alone_without_a_rebalance(kafka_bootstrap: str, tmp_path: Path,
                                                                   nlp) -> None:
    prefix = unique_prefix()
    budget = {"PARLEY_ARTICLE_TIMEOUT_S": "0.5"}
    workers = [WorkerProcess(kafka_bootstrap, prefix, tmp_path, **budget).start() for _ in range(2)]
    try:
        for w in workers:
            w.wait_ready()
        await wait_workers_stable(kafka_bootstrap, prefix, members=2)
        before = [rebalances(w) for w in workers]
        # Dense text, 197,000 characters (under the limit): short sentences full of names and quotation marks, about
        # 2 s of CPU here, four times the budget; the generated good articles take a few hundredths of a second each.
        hostile = " ".join(f'"Talks," said Minister Aa{i} of Bb{i}. Cc{i} met Dd{i} in Ee{i}.' for i in range(2900))
        slow = [{"id": f"slow-{i}", "text": hostile} for i in range(2)]
        good = articles(40, seed=5)
        rows = good[:20] + slow + good[20:]
        await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(r) for r in rows],
                      [r["id"].encode() for r in rows])
        dead = await consume(kafka_bootstrap, f"{prefix}.articles.dlq", expect=2, timeout=240, settle=1)
        expected = expected_event_ids(good, nlp)
        seen = await delivered_ids(kafka_bootstrap, prefix, expected, timeout=240)
        for group in worker_groups(prefix):
            assert await group_state(kafka_bootstrap, group) == ("Stable", 2), group
        after = [rebalances(w) for w in workers]
    finally:
        for w in workers:
            w.stop()
    assert sorted((r.key, dict(r.headers)["dlq_reason"]) for r in dead) == [
        (b"slow-0", b"extraction_timeout"), (b"slow-1", b"extraction_timeout")]
    for topic in expected:
        assert set(seen[topic]) == expected[topic], topic
    assert after == before, f"rebalances during the slow articles: {before} -> {after}"
