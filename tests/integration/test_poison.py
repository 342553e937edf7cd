"""No poison message: a 7 MB article (under the 8 MiB `articles` limit, far over PARLEY_MAX_TEXT_CHARS) is
dead-lettered whole, the articles after it flow, a restarted worker does not meet it again, and /health reports
delivery trouble. Issue 18 reproduced the opposite: the worker's 1 MB producer could not write the dead letter, so
every later article stalled, /health stayed 200, SIGTERM was ignored and every restart met the same message."""

from __future__ import annotations

import asyncio
import hashlib
import time
from pathlib import Path

import orjson
import pytest

from tests.integration.helpers import WorkerProcess, consume, produce, unique_prefix
from tests.integration.test_faults import expected_event_ids
from tests.integration.test_tables import ARTICLES, settled

pytestmark = [pytest.mark.integration, pytest.mark.timeout(420)]


async def test_a_7_mb_article_is_dead_lettered_and_the_stream_flows_on(kafka_bootstrap: str, tmp_path: Path,
                                                                      nlp) -> None:
    prefix = unique_prefix()
    worker = WorkerProcess(kafka_bootstrap, prefix, tmp_path).start()
    worker.wait_ready()
    huge = orjson.dumps({"id": "huge-1", "text": "The ministers met again. " * (7 * 1024 * 1024 // 25)})
    assert 7 * 1024 * 1024 <= len(huge) < 8 * 1024 * 1024
    after = ARTICLES[:6]
    await produce(kafka_bootstrap, f"{prefix}.articles", [huge, *(orjson.dumps(a) for a in after)],
                  [b"huge-1", *(a["id"].encode() for a in after)])
    expected = expected_event_ids(after, nlp)["meetings"]
    records = await consume(kafka_bootstrap, f"{prefix}.meetings", expect=len(expected), timeout=120)
    assert {orjson.loads(r.value)["event_id"] for r in records} == expected, worker.log_tail()
    [dead] = await consume(kafka_bootstrap, f"{prefix}.articles.dlq", expect=1, timeout=30, settle=1)
    headers = dict(dead.headers)
    assert headers["dlq_reason"] == b"text_too_long" and headers["source_offset"] == b"0"
    assert hashlib.sha256(dead.value).digest() == hashlib.sha256(huge).digest(), "the whole original is kept"
    await settled(kafka_bootstrap, prefix)
    status, health = worker.get("/health")
    assert status == 200 and health["reasons"] == [] and health["dead_letters"] == {"text_too_long": 1}

    # a restart does not meet it again: it was committed with its batch
    assert worker.stop(timeout=60) == 0, worker.log_tail()
    again = WorkerProcess(kafka_bootstrap, prefix, tmp_path).start()
    try:
        again.wait_ready()
        await asyncio.sleep(3)
        status, health = again.get("/health")
        assert health["counts"].get("articles_in", 0) == 0 and health["dead_letters"] == {}, again.log_tail()
    finally:
        again.stop()
    print(f"7 MB article: dead-lettered whole, the next {len(after)} articles' {len(expected)} meetings out, "
          f"not met again after a restart")


async def test_a_dead_letter_the_dlq_refuses_goes_out_as_a_small_copy(kafka_bootstrap: str,
                                                                      tmp_path: Path) -> None:
    """The DLQ's limit lowered behind the worker's back (100 KB): the broker refuses the 2 MB dead letter, the
    worker sends a cut copy with the original's size and digest instead of retrying forever, and goes on."""
    prefix = unique_prefix()
    worker = WorkerProcess(kafka_bootstrap, prefix, tmp_path).start()
    try:
        worker.wait_ready()
        await alter_topic(kafka_bootstrap, f"{prefix}.articles.dlq", {"max.message.bytes": "100000"})
        bad = b"\xff" * (2 * 1024 * 1024)  # not UTF-8: dead-lettered as it is
        await produce(kafka_bootstrap, f"{prefix}.articles", [bad, orjson.dumps(ARTICLES[0])], [b"bad-1", b"ok"])
        [dead] = await consume(kafka_bootstrap, f"{prefix}.articles.dlq", expect=1, timeout=60, settle=1)
        headers = dict(dead.headers)
        assert headers["dlq_truncated"] == b"true" and headers["dlq_original_size"] == str(len(bad)).encode()
        assert headers["dlq_original_sha256"] == hashlib.sha256(bad).hexdigest().encode()
        assert headers["dlq_reason"] == b"not_utf8" and bad.startswith(dead.value)
        await settled(kafka_bootstrap, prefix)
    finally:
        worker.stop()


async def test_health_is_503_while_delivery_fails_and_sigterm_stops_at_once_uncommitted(
        kafka_bootstrap: str, tmp_path: Path) -> None:
    """The DLQ deleted under a running worker: the dead letter cannot be delivered. /health answers 503 with the
    reason; SIGTERM stops the worker within the grace period, without committing, so once the topic is back a
    restarted worker writes the dead letter."""
    from aiokafka.admin import AIOKafkaAdminClient

    prefix = unique_prefix()
    worker = WorkerProcess(kafka_bootstrap, prefix, tmp_path, PARLEY_SESSION_TIMEOUT_S="10").start()
    worker.wait_ready()
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        await admin.delete_topics([f"{prefix}.articles.dlq"])
    finally:
        await admin.close()
    await produce(kafka_bootstrap, f"{prefix}.articles", [b"{broken"], [b"bad-1"])
    deadline = time.monotonic() + 120
    status, health = 0, {}
    while time.monotonic() < deadline:
        status, health = worker.get("/health")
        if status == 503 and any(r.startswith("delivery failing") for r in health["reasons"]):
            break
        await asyncio.sleep(0.5)
    assert status == 503 and health["status"] == "failing", (status, health, worker.log_tail())
    began = time.monotonic()
    code = worker.stop(timeout=60)
    stopped_s = time.monotonic() - began
    assert code == 75 and stopped_s < 45, (code, stopped_s, worker.log_tail())
    again = WorkerProcess(kafka_bootstrap, prefix, tmp_path).start()  # recreates the DLQ at start
    try:
        again.wait_ready(timeout=120)
        [dead] = await consume(kafka_bootstrap, f"{prefix}.articles.dlq", expect=1, timeout=60)
        assert dict(dead.headers)["dlq_reason"] == b"not_json"
    finally:
        again.stop()
    print(f"delivery failing: /health 503 {health['reasons']}; SIGTERM -> exit {code} in {stopped_s:.1f} s; "
          f"the dead letter written after the restart")


async def alter_topic(bootstrap: str, topic: str, configs: dict[str, str]) -> None:
    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs)])
    finally:
        await admin.close()
