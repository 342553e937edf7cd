"""The event builders produce what the published schemas promise, and the schemas reject what they must."""

from __future__ import annotations

import pytest

from schemas import registry
from schemas.article import Article, InputRejected, decode_article
from schemas.events import (
    event_codes,
    event_refs,
    meeting_event,
    meeting_key,
    quote_event,
    quote_key,
    retractions,
)

ARTICLE = Article(text="Placeholder text.", id="wire-42", url="https://news.example/a", source="Example Wire",
                  published="2024-05-14", title="Ministers meet")


def a_meeting(**changes: object) -> dict:
    meeting = {
        "countries": ["AUS", "JPN"],
        "participants": [{"name": "Yoko Kamikawa", "country": "JPN", "role": "foreign minister"}],
        "kind": "talks", "status": "held", "evidence": "Kamikawa held talks with Wong.", "evidence_start": 0,
        "evidence_end": 30, "date": "2024-05-13", "date_text": "on Monday", "date_granularity": "day",
        "date_period": "2024-05-13", "location": "Tokyo", "location_country": "JPN", "host_country": None,
        "confidence": 0.8,
    }
    meeting.update(changes)
    return meeting


def a_quote(**changes: object) -> dict:
    quote = {"speaker": "Yoko Kamikawa", "speaker_country": "JPN", "speaker_role": "foreign minister",
             "type": "direct", "text": "We agreed.", "cue": "said", "start": 40, "end": 50, "parts": [[40, 50]],
             "confidence": 0.9}
    quote.update(changes)
    return quote


def test_meeting_event_matches_its_schema_with_nothing_undeclared() -> None:
    event = meeting_event(ARTICLE, a_meeting(), "1.2.3")
    assert registry.errors(event, strict=True) == []
    assert event["schema_version"] == "meeting.v1" and event["article"]["id"] == "wire-42"


def test_quote_event_matches_its_schema_with_nothing_undeclared() -> None:
    event = quote_event(ARTICLE, a_quote(), "1.2.3")
    assert registry.errors(event, strict=True) == []


def test_event_ids_do_not_depend_on_extractor_version_or_time() -> None:
    one = meeting_event(ARTICLE, a_meeting(), "1.0.0", "2024-05-14T00:00:00.000Z")
    two = meeting_event(ARTICLE, a_meeting(confidence=0.3), "2.0.0", "2025-01-01T00:00:00.000Z")
    assert one["event_id"] == two["event_id"]
    assert quote_event(ARTICLE, a_quote(), "1.0.0")["event_id"] == quote_event(ARTICLE, a_quote(), "9")["event_id"]
    other_article = Article(text="x", id="wire-43")
    assert meeting_event(other_article, a_meeting(), "1.0.0")["event_id"] != one["event_id"]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"kind": "lunch"}, "kind"),
        ({"status": "rumoured"}, "status"),
        ({"countries": ["JPN"]}, "countries"),
        ({"countries": ["JPN", "jp"]}, "countries/1"),
        ({"confidence": 1.5}, "confidence"),
        ({"date": "14 May 2024"}, "date"),
        ({"evidence_start": -1}, "evidence_start"),
    ],
)
def test_schema_rejects_a_broken_meeting(change: dict, where: str) -> None:
    event = meeting_event(ARTICLE, a_meeting(**change), "1.2.3")
    assert any(e.startswith(where) for e in registry.errors(event)), registry.errors(event)


def test_schema_rejects_missing_provenance_and_bad_ids() -> None:
    event = quote_event(ARTICLE, a_quote(), "1.2.3")
    del event["article"]["url"]
    event["event_id"] = "not-a-hash"
    event["extracted_at"] = "yesterday"
    problems = registry.errors(event)
    assert any(p.startswith("article") for p in problems)
    assert any(p.startswith("event_id") for p in problems)
    assert any(p.startswith("extracted_at") for p in problems)


def test_unknown_fields_are_allowed_for_consumers_but_caught_in_strict_mode() -> None:
    event = meeting_event(ARTICLE, a_meeting(), "1.2.3") | {"mood": "cordial"}
    assert registry.errors(event) == []
    assert registry.errors(event, strict=True) != []


@pytest.mark.parametrize(
    ("changes", "code", "mode"),
    [
        ({"kind": "call"}, "041", "phone"),
        ({"kind": "call", "location_country": "USA"}, "041", "phone"),
        ({"kind": "visit", "host_country": "JPN"}, "042", "visit"),
        ({"kind": "meeting", "host_country": "JPN"}, "043", "host"),
        ({"kind": "summit", "location": "Geneva", "location_country": "CHE"}, "044", "third-party"),
        ({"kind": "negotiation", "location_country": "CHE"}, "046", "third-party"),
        ({"kind": "negotiation", "location_country": None}, "046", "meet"),
        ({"kind": "talks"}, "040", "meet"),
        ({"kind": "dialogue", "location_country": None}, "040", "meet"),
    ],
)
def test_cameo_and_plover_codes(changes: dict, code: str, mode: str) -> None:
    codes = event_codes(a_meeting(**changes))
    assert (codes["cameo_code"], codes["plover_event"], codes["plover_mode"]) == (code, "CONSULT", mode)


def test_keys_keep_a_pair_and_a_speaker_country_together() -> None:
    assert meeting_key(a_meeting(countries=["JPN", "AUS"])) == meeting_key(a_meeting()) == "AUS|JPN"
    assert quote_key(a_quote()) == "JPN" and quote_key(a_quote(speaker_country=None)) == "none"


def test_a_changed_article_retracts_exactly_the_events_it_no_longer_yields() -> None:
    kept = meeting_event(ARTICLE, a_meeting(), "1")
    gone_meeting = meeting_event(ARTICLE, a_meeting(evidence_start=100, evidence_end=140), "1")
    gone_quote = quote_event(ARTICLE, a_quote(start=200, end=210), "1")
    before = event_refs([(kept, "AUS|JPN"), (gone_meeting, "AUS|JPN"), (gone_quote, "JPN")])
    after = event_refs([(kept, "AUS|JPN")])
    out = retractions(ARTICLE, before, after, "2")
    assert sorted((key, r["event_id"], r["retracts"]) for key, r in out) == sorted(
        [("AUS|JPN", gone_meeting["event_id"], "meeting.v1"), ("JPN", gone_quote["event_id"], "quote.v1")])
    for _, r in out:
        assert registry.errors(r, strict=True) == []
    assert retractions(ARTICLE, before, before, "2") == [], "the same article again retracts nothing"
    assert retractions(ARTICLE, [], after, "2") == [], "a new article retracts nothing"


@pytest.mark.parametrize(
    "raw",
    [b'{"text": "Talks."}', b'{"text": "Talks.", "id": "x", "published": "2024-05-14"}',
     b'{"text": "Talks.", "published": "2024-05-14T09:30:00Z", "extra": {"a": 1}}',
     b'{"text": "Talks.", "url": null, "language": "en"}', b'{}', b'{"text": ""}', b'{"text": 5}',
     b'{"text": "ok", "id": 7}', b'{"text": "ok", "published": "March 20th"}', b'{"text": "   "}'],
)
def test_article_schema_agrees_with_the_worker_on_what_is_an_article(raw: bytes) -> None:
    import orjson

    try:
        decode_article(raw)
        accepted = True
    except InputRejected:
        accepted = False
    assert (registry.errors(orjson.loads(raw), "article.v1") == []) == accepted
