"""The public event contract on a real worker and broker: every record the worker emits matches the JSON Schema its
`schema_version` names (with nothing undeclared), the headers repeat version and content type, keys follow the
documented rule, re-sending an article upserts the same ids, and a changed article retracts what it no longer
yields."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import orjson
import pytest
from aiokafka.admin import AIOKafkaAdminClient

from extractors import extract_batch
from schemas import registry
from schemas.article import article_from_mapping
from schemas.events import event_codes, meeting_event, quote_event
from streams.kafka.local_broker import free_port
from tests.integration.helpers import REPO, consume, produce

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

ARTICLES = [
    {"id": "contract-canberra", "url": "https://news.example/canberra", "source": "Southern Cross Wire",
     "published": "2024-06-03", "title": "Neighbours talk trade",
     "text": ("CANBERRA - Australian Foreign Minister Penny Wong met Indonesian Foreign Minister Retno Marsudi in "
              "Canberra on Monday to discuss fisheries and trade, officials said.\n\n"
              "\"Our partnership has never been stronger,\" Wong told reporters after the meeting.")},
    {"id": "contract-call", "source": "Rhine Desk", "published": "2024-06-05",
     "text": ("French President Emmanuel Macron spoke by telephone with German Chancellor Olaf Scholz on Tuesday "
              "about the budget, the Elysee said.")},
    {"id": "contract-visit", "published": "2024-06-07T08:30:00Z",
     "text": ("Indian Prime Minister Narendra Modi will visit Washington next month for talks with U.S. President "
              "Joe Biden, the two governments announced on Friday.")},
    {"id": "contract-no-contact", "published": "2024-06-08",
     "text": "Heavy rain closed several roads in the north of the country on Saturday, the weather service said."},
]


def offline_events(articles: list[dict[str, Any]], nlp) -> tuple[dict[str, dict], dict[str, dict]]:
    """The events the contract says these articles give: the offline extractor (the same function the worker's NLP
    processes call) wrapped by the same builders; ids are deterministic, so they must match the stream's."""
    parsed = [article_from_mapping(a) for a in articles]
    meetings, quotes = {}, {}
    for article, result in zip(parsed, extract_batch(parsed, nlp), strict=True):
        for m in result.to_dict()["meetings"]:
            e = meeting_event(article, m, "offline")
            meetings[e["event_id"]] = e
        for q in result.to_dict()["quotes"]:
            e = quote_event(article, q, "offline")
            quotes[e["event_id"]] = e
    return meetings, quotes


def check_record(record: Any) -> dict[str, Any]:
    event = orjson.loads(record.value)
    headers = {k: v.decode() for k, v in record.headers}
    assert headers["content_type"] == "application/json"
    assert headers["schema_version"] == event["schema_version"]
    assert headers["extractor_version"] == event["extractor_version"]
    assert registry.errors(event, strict=True) == [], event
    return event


async def test_every_emitted_event_matches_its_schema_headers_and_key(start_worker, kafka_bootstrap: str,
                                                                      nlp) -> None:
    worker = start_worker()
    prefix = start_worker.prefix
    want_meetings, want_quotes = offline_events(ARTICLES, nlp)
    assert want_meetings and want_quotes, "the test articles must yield events, or this test proves nothing"
    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(a) for a in ARTICLES],
                  [a["id"].encode() for a in ARTICLES])
    meetings = await consume(kafka_bootstrap, f"{prefix}.meetings", expect=len(want_meetings), timeout=60, settle=1)
    quotes = await consume(kafka_bootstrap, f"{prefix}.quotes", expect=len(want_quotes), timeout=30, settle=1)

    got_meetings = {}
    for record in meetings:
        event = check_record(record)
        assert record.key.decode() == "|".join(sorted(event["countries"])), "meetings are keyed by country set"
        assert {k: event[k] for k in ("cameo_code", "plover_mode")} == {
            k: event_codes(event)[k] for k in ("cameo_code", "plover_mode")}
        got_meetings[event["event_id"]] = event
    got_quotes = {}
    for record in quotes:
        event = check_record(record)
        assert record.key.decode() == (event["speaker_country"] or "none"), "quotes are keyed by speaker country"
        got_quotes[event["event_id"]] = event
    assert set(got_meetings) == set(want_meetings), worker.log_tail()
    assert set(got_quotes) == set(want_quotes)
    by_article = {e["article"]["id"]: e for e in got_meetings.values()}
    assert by_article["contract-call"]["cameo_code"] == "041"
    assert by_article["contract-canberra"]["article"] == {
        "id": "contract-canberra", "url": "https://news.example/canberra", "source": "Southern Cross Wire",
        "published": "2024-06-03", "title": "Neighbours talk trade"}
    assert "contract-no-contact" not in by_article

    # The same articles again (at-least-once redelivery, or a re-feed): the same ids, nothing retracted.
    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(a) for a in ARTICLES],
                  [a["id"].encode() for a in ARTICLES])
    again = await consume(kafka_bootstrap, f"{prefix}.meetings", expect=2 * len(meetings), timeout=60, settle=2)
    versions = sorted(orjson.loads(r.value)["schema_version"] for r in again)
    assert versions == ["meeting.v1"] * (2 * len(meetings))
    assert {orjson.loads(r.value)["event_id"] for r in again} == set(want_meetings)


async def test_a_changed_article_retracts_the_events_it_no_longer_yields(start_worker, kafka_bootstrap: str,
                                                                         nlp) -> None:
    worker = start_worker()
    prefix = start_worker.prefix
    first = ARTICLES[0]
    changed = {**first, "text": "CANBERRA - Officials said the weather was fine on Monday.\n\n" + first["text"]}
    before, before_quotes = offline_events([first], nlp)
    after, after_quotes = offline_events([changed], nlp)
    gone = set(before) - set(after)
    gone_quotes = set(before_quotes) - set(after_quotes)
    assert gone, "moving the evidence must change the meeting's anchor, or this test proves nothing"
    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(first)], [first["id"].encode()])
    await consume(kafka_bootstrap, f"{prefix}.meetings", expect=len(before), timeout=60)
    worker.stop()
    start_worker()  # what the article yielded is remembered across a restart (the ledger's changelog)
    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(changed)], [first["id"].encode()])
    records = await consume(kafka_bootstrap, f"{prefix}.meetings", expect=len(before) + len(after) + len(gone),
                            timeout=60, settle=1)
    quote_records = await consume(kafka_bootstrap, f"{prefix}.quotes",
                                  expect=len(before_quotes) + len(after_quotes) + len(gone_quotes), timeout=30,
                                  settle=1)
    retracted = {}
    for record in [*records, *quote_records]:
        event = check_record(record)
        if event["schema_version"] == "retraction.v1":
            retracted[event["event_id"]] = (record.key, record.topic)
    assert set(retracted) == gone | gone_quotes
    for event_id in gone:
        assert retracted[event_id] == ("|".join(sorted(before[event_id]["countries"])).encode(),
                                       f"{prefix}.meetings"), "a retraction follows its event: same topic and key"

    # A consumer that keeps the latest record per event_id ends with exactly the changed article's events.
    state: dict[str, dict] = {}
    for record in records:
        event = orjson.loads(record.value)
        if event["schema_version"] == "retraction.v1":
            state.pop(event["event_id"], None)
        else:
            state[event["event_id"]] = event
    assert set(state) == set(after)


async def test_reprocess_republishes_the_same_event_ids_under_a_new_app_version(start_worker, kafka_bootstrap: str,
                                                                                nlp) -> None:
    worker = start_worker()
    prefix = start_worker.prefix
    want, _ = offline_events(ARTICLES[:2], nlp)
    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(a) for a in ARTICLES[:2]],
                  [a["id"].encode() for a in ARTICLES[:2]])
    first = await consume(kafka_bootstrap, f"{prefix}.meetings", expect=len(want), timeout=60)
    worker.stop()  # as before an extractor upgrade

    env = {**worker.env, "PARLEY_WEB_PORT": str(free_port())}
    done = subprocess.run([sys.executable, "-m", "streams.cli", "reprocess", "--app-version", "2"], env=env,
                          cwd=REPO, capture_output=True, timeout=180)
    assert done.returncode == 0, done.stdout.decode(errors="replace")[-3000:]
    records = await consume(kafka_bootstrap, f"{prefix}.meetings", expect=2 * len(first), timeout=30, settle=1)
    events = [orjson.loads(r.value) for r in records]
    assert len(events) == 2 * len(first) and {e["event_id"] for e in events} == set(want), "upserts, no new ids"
    for event_id in want:
        copies = sorted(e["extracted_at"] for e in events if e["event_id"] == event_id)
        assert len(copies) == 2 and copies[0] < copies[1]

    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        committed = await admin.list_consumer_group_offsets(f"{prefix}-worker-v2-articles")
    finally:
        await admin.close()
    assert sum(o.offset for tp, o in committed.items() if tp.topic == f"{prefix}.articles") == 2, \
        "the new app version's own consumer group read the whole articles topic"
