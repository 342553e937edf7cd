"""A thousand malformed messages mixed with good articles: every bad one is dead-lettered with its reason, every
good one yields its events, and the worker never restarts."""

from __future__ import annotations

import random
import time
from pathlib import Path

import orjson
import pytest

from tests.article_generator import articles
from tests.integration.helpers import WorkerProcess, consume, produce, unique_prefix
from tests.integration.test_faults import delivered_ids, expected_event_ids

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.timeout(600)]

MAX_TEXT = 5000  # the worker's PARLEY_MAX_TEXT_CHARS here, so "oversized" stays cheap to send


def malformed(rng: random.Random, n: int) -> tuple[bytes, str | None]:
    """The n-th bad message and the reason it must be dead-lettered with (None: skipped, not dead-lettered)."""
    kind = n % 12
    tag = f"bad-{n}"
    if kind == 0:
        return f"not json {tag} {{".encode(), "not_json"
    if kind == 1:
        return b"\xff\xfe" + tag.encode() + bytes([rng.randrange(128, 256)]), "not_utf8"
    if kind == 2:
        return orjson.dumps([tag, 1, 2]), "not_object"
    if kind == 3:
        return orjson.dumps({"id": tag}), "no_text"
    if kind == 4:
        return orjson.dumps({"id": tag, "text": "   "}), "empty_text"
    if kind == 5:
        return orjson.dumps({"id": tag, "text": rng.randrange(10**6)}), "wrong_type"
    if kind == 6:
        return orjson.dumps({"id": tag, "text": "x" * (MAX_TEXT + 1 + n)}), "text_too_long"
    if kind == 7:
        return orjson.dumps({"id": tag, "text": "Talks\u0000resumed."}), "nul_bytes"
    if kind == 8:
        return b'{"id": "' + tag.encode() + b'", "text": "t", "x": ' + b"[" * 200 + b"]" * 200 + b"}", \
            "too_deeply_nested"
    if kind == 9:
        return orjson.dumps({"id": tag, "text": "ok", "published": f"the {n}th of March"}), "bad_published"
    if kind == 10:
        return orjson.dumps({"id": tag, "text": "ok", "url": {"n": n}}), "wrong_type"
    return orjson.dumps({"id": tag, "text": "Les ministres se sont rencontrés à Paris.", "language": "fr"}), None


async def test_a_thousand_malformed_messages(kafka_bootstrap: str, tmp_path: Path, nlp) -> None:
    rng = random.Random(8)
    prefix = unique_prefix()
    good = articles(200, seed=8)
    bad = [malformed(rng, n) for n in range(1100)]
    stream = [(orjson.dumps(a), a["id"].encode()) for a in good] + [(raw, None) for raw, _ in bad]
    rng.shuffle(stream)
    worker = WorkerProcess(kafka_bootstrap, prefix, tmp_path, PARLEY_MAX_TEXT_CHARS=str(MAX_TEXT)).start()
    try:
        worker.wait_ready()
        pid = worker.proc.pid
        began = time.monotonic()
        await produce(kafka_bootstrap, f"{prefix}.articles", [v for v, _ in stream], [k for _, k in stream])
        expected_dead = {raw: reason for raw, reason in bad if reason}
        dead = await consume(kafka_bootstrap, f"{prefix}.articles.dlq", expect=len(expected_dead), timeout=300,
                             settle=2)
        expected = expected_event_ids(good, nlp)
        seen = await delivered_ids(kafka_bootstrap, prefix, expected, timeout=300)
        status, health = worker.get("/health")
        assert worker.alive() and worker.proc.pid == pid, "the worker restarted"
    finally:
        worker.stop()
    got = {r.value: dict(r.headers)["dlq_reason"].decode() for r in dead}
    assert len(dead) == len(expected_dead), "every bad message dead-lettered exactly once"
    assert got == expected_dead, "each with its reason"
    for topic in expected:
        assert set(seen[topic]) == expected[topic], topic
    assert status == 200
    skipped = sum(1 for _, reason in bad if reason is None)
    assert health["skipped"] == {"not_english": skipped}
    assert sum(health["dead_letters"].values()) == len(expected_dead)
    reasons: dict[str, int] = {}
    for reason in got.values():
        reasons[reason] = reasons.get(reason, 0) + 1
    print(f"bad input: {len(bad)} malformed ({len(expected_dead)} dead-lettered, {skipped} skipped as not English) "
          f"among {len(good)} good articles, {time.monotonic() - began:.0f} s; DLQ by reason {sorted(reasons.items())}")
