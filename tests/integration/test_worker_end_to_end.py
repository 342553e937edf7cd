"""A real worker on a real broker: an article in, meeting and quote events out; bad input to the dead letters."""

from __future__ import annotations

import orjson
import pytest

from tests.integration.helpers import consume, produce

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]

ARTICLE = {
    "id": "own-tokyo-talks-1",
    "url": "https://news.example/tokyo-talks",
    "source": "Example Wire",
    "published": "2024-05-14",
    "text": (
        "TOKYO - Japanese Foreign Minister Yoko Kamikawa held talks with her Australian counterpart Penny Wong "
        "in Tokyo on Monday, the two governments said.\n\n"
        "\"We agreed to deepen our cooperation on maritime security,\" Kamikawa told reporters after the meeting."
    ),
}


async def test_article_becomes_meeting_and_quote_events(start_worker, kafka_bootstrap: str) -> None:
    worker = start_worker()
    prefix = start_worker.prefix
    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(ARTICLE)], [ARTICLE["id"].encode()])
    meetings = await consume(kafka_bootstrap, f"{prefix}.meetings", expect=1, timeout=60, settle=1)
    quotes = await consume(kafka_bootstrap, f"{prefix}.quotes", expect=1, timeout=30, settle=1)
    assert len(meetings) == 1, worker.log_tail()
    meeting = orjson.loads(meetings[0].value)
    assert meetings[0].key == b"AUS|JPN"
    assert meeting["countries"] == ["AUS", "JPN"] and meeting["status"] == "held"
    assert meeting["article"]["id"] == ARTICLE["id"]
    assert ARTICLE["text"][meeting["evidence_start"]:meeting["evidence_end"]] == meeting["evidence"]
    assert len(quotes) == 1
    quote = orjson.loads(quotes[0].value)
    assert quote["speaker_country"] == "JPN" and "Kamikawa" in quote["speaker"]
    assert quote["text"].startswith("We agreed to deepen our cooperation")
    assert quotes[0].key == b"JPN"


async def test_malformed_messages_are_dead_lettered_and_the_worker_lives_on(start_worker, kafka_bootstrap: str) -> None:
    worker = start_worker()
    prefix = start_worker.prefix
    bad = [b"\xff\xfe not utf-8", b"{not json", b"[1,2]", b'{"text": 5}', b'{"text": ""}',
           b'{"text": "x", "published": "yesterday"}', b'{"text": "' + b"word " * 50_000 + b'"}']
    await produce(kafka_bootstrap, f"{prefix}.articles", bad)
    dead = await consume(kafka_bootstrap, f"{prefix}.articles.dlq", expect=len(bad), timeout=60, settle=1)
    reasons = sorted(dict(r.headers)["dlq_reason"].decode() for r in dead)
    assert reasons == sorted(["not_utf8", "not_json", "not_object", "wrong_type", "empty_text", "bad_published",
                              "text_too_long"])
    assert {r.value for r in dead} == set(bad), "the original bytes are dead-lettered unchanged"
    assert worker.alive()
    status, health = worker.get("/health")
    assert status == 200 and sum(health["dead_letters"].values()) == len(bad)
    # and it still processes good articles afterwards
    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps({"text": "A quiet day. Nothing happened."})])
    for _ in range(100):
        if worker.get("/health")[1]["counts"].get("articles_extracted", 0) >= 1:
            break
        import asyncio

        await asyncio.sleep(0.1)
    assert worker.get("/health")[1]["counts"]["articles_extracted"] == 1
