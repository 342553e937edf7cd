"""No lost contact updates: the fan-out commits a batch of meeting records only once the broker has every update
it made. Here the broker refuses them (the `contact-updates` topic's limit lowered under the worker): the agent
retries, /health says what fails, and once the topic is fixed the very same meeting reaches the tables. With
faust-streaming's `take_events` (the agent before issue 18) the refused sends crashed the agent, whose buffered
records were acknowledged in a `finally`: the restarted agent went on past them and the contact was lost."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from streams.kafka.topics import topic_specs
from streams.settings import Settings
from tests.integration.test_poison import alter_topic
from tests.integration.test_tables import ARTICLES, feed

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]


async def test_refused_contact_updates_are_retried_not_lost(start_worker: Any, kafka_bootstrap: str) -> None:
    worker = start_worker()
    prefix = start_worker.prefix
    topic = f"{prefix}.contact-updates"
    await alter_topic(kafka_bootstrap, topic, {"cleanup.policy": "delete", "max.message.bytes": "200"})
    await feed(kafka_bootstrap, prefix, ARTICLES[:1])  # Australia and New Zealand
    deadline = time.monotonic() + 90
    status, health = 0, {}
    while time.monotonic() < deadline:
        status, health = worker.get("/health")
        if status == 503 and any(r.startswith("contact-updates failing") for r in health["reasons"]):
            break
        await asyncio.sleep(0.3)
    assert status == 503 and health["status"] == "failing", (status, health, worker.log_tail())
    assert worker.get("/countries") == (200, {"count": 0, "countries": []})
    spec = next(s for s in topic_specs(Settings(topic_prefix=prefix)) if s.name == topic)
    await alter_topic(kafka_bootstrap, topic, spec.configs)  # fixed: the retried sends go through
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        status, body = worker.get("/countries")
        if status == 200 and [c["code"] for c in body["countries"]] == ["AUS", "NZL"]:
            break
        await asyncio.sleep(0.3)
    assert [c["code"] for c in body["countries"]] == ["AUS", "NZL"], worker.log_tail()
    assert worker.get("/health")[0] == 200
    print(f"refused contact updates: /health 503 {health['reasons']}; delivered after the fix, tables complete")
