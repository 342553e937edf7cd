"""Dead letters go back to `articles` once their cause is fixed, and are then processed."""

from __future__ import annotations

import os
import subprocess
import sys

import orjson
import pytest

from tests.integration.helpers import REPO, consume, produce

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]


async def test_replay_after_the_limit_is_raised(start_worker, kafka_bootstrap: str) -> None:
    prefix = start_worker.prefix
    small = start_worker(PARLEY_MAX_TEXT_CHARS="60")
    long_article = {"id": "long-1", "text": "The two foreign ministers spoke by telephone on Friday about trade."}
    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(long_article), b"{broken"], [b"long-1", None])
    dead = await consume(kafka_bootstrap, f"{prefix}.articles.dlq", expect=2, timeout=60)
    assert sorted(dict(r.headers)["dlq_reason"] for r in dead) == [b"not_json", b"text_too_long"]
    small.stop()

    fixed = start_worker(PARLEY_MAX_TEXT_CHARS="200000")
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap, "PARLEY_TOPIC_PREFIX": prefix}
    refused = subprocess.run([sys.executable, "-m", "streams.cli", "dlq", "replay"], env=env, cwd=REPO,
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "--reason" in refused.stderr
    done = subprocess.run([sys.executable, "-m", "streams.cli", "dlq", "replay", "--reason", "text_too_long"],
                          env=env, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "replayed 1 dead letter" in done.stdout
    replayed = await consume(kafka_bootstrap, f"{prefix}.articles", expect=3, timeout=30)
    assert [r.key for r in replayed].count(b"long-1") == 2
    for _ in range(300):
        status, health = fixed.get("/health")
        if health["counts"].get("articles_extracted", 0) >= 1:
            break
        import asyncio

        await asyncio.sleep(0.1)
    assert health["counts"]["articles_extracted"] == 1, fixed.log_tail()
    assert health["dead_letters"] == {}, "the fixed worker dead-letters nothing on replay"
