"""The events Parley publishes: one per meeting on `meetings`, one per quote on `quotes`, and a retraction on the
same topic and key when a re-sent article no longer yields an event it yielded before.

These records are a public contract (JSON Schemas `meeting.v1`, `quote.v1`, `retraction.v1` beside this module):
within a major version fields are only ever added, so a consumer written today keeps working.

Event ids are deterministic: a hash of the article id and the event's anchor in the text (never run-time state
and never the extractor version), so re-processing an article upserts the same ids. Keys keep related events in
order on one partition: meetings by their sorted country set, quotes by speaker country.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from schemas.article import Article

MEETING_SCHEMA = "meeting.v1"
QUOTE_SCHEMA = "quote.v1"
RETRACTION_SCHEMA = "retraction.v1"
ARTICLE_SCHEMA = "article.v1"
CONTENT_TYPE = "application/json"
NO_COUNTRY_KEY = "none"
RETRACTED_BECAUSE_ARTICLE_CHANGED = "article_changed"

# CAMEO 04x (CONSULT) codes and their names, as GDELT 1.0/2.0 uses them.
CAMEO_NAMES = {
    "040": "Consult, not specified below",
    "041": "Discuss by telephone",
    "042": "Make a visit",
    "043": "Host a visit",
    "044": "Meet at a third location",
    "045": "Mediate",
    "046": "Engage in negotiation",
}
PLOVER_EVENT = "CONSULT"


def _event_id(kind: str, article_id: str, anchor: str) -> str:
    return hashlib.sha256(f"{kind}|{article_id}|{anchor}".encode()).hexdigest()[:32]


def provenance(article: Article) -> dict[str, Any]:
    return {"id": article.id, "url": article.url, "source": article.source, "published": article.published,
            "title": article.title}


def event_codes(meeting: Mapping[str, Any]) -> dict[str, Any]:
    """CAMEO and PLOVER codes of a meeting, so users of GDELT-style data can join ours.

    Our meetings are undirected (a country set), so each gets the one code that fits the contact as a whole; for a
    visit the visitor's side is 042 and the host's side (`host_country`) would be 043 in a directed coding.
    The first rule that matches wins: a call is 041 whatever else is said; a negotiation 046; a visit 042; a
    meeting hosted by one of its countries 043; a meeting in a country none of the parties belongs to 044; else 040.
    045 (mediation) is never emitted: the extractors do not tell a mediator from a party.
    """
    kind = meeting.get("kind")
    countries = set(meeting.get("countries") or ())
    host = meeting.get("host_country")
    place = meeting.get("location_country")
    third_location = bool(place) and place not in countries
    if kind == "call":
        code, mode = "041", "phone"
    elif kind == "negotiation":
        code, mode = "046", "third-party" if third_location else ("host" if host in countries else "meet")
    elif kind == "visit":
        code, mode = "042", "visit"
    elif host and host in countries:
        code, mode = "043", "host"
    elif third_location:
        code, mode = "044", "third-party"
    else:
        code, mode = "040", "meet"
    return {"cameo_code": code, "cameo_name": CAMEO_NAMES[code], "plover_event": PLOVER_EVENT, "plover_mode": mode}


def _versioned(article_version: int | None) -> dict[str, Any]:
    """The optional `article_version` (the article's offset on `articles`): only when known."""
    return {} if article_version is None else {"article_version": article_version}


def meeting_event(article: Article, meeting: dict[str, Any], extractor_version: str,
                  extracted_at: str | None = None, article_version: int | None = None) -> dict[str, Any]:
    anchor = f"{meeting['evidence_start']}:{meeting['evidence_end']}|{'-'.join(meeting['countries'])}"
    return {
        "schema_version": MEETING_SCHEMA,
        "event_id": _event_id("meeting", article.id, anchor),
        "article": provenance(article),
        "extracted_at": extracted_at or now_iso(),
        "extractor_version": extractor_version,
        **_versioned(article_version),
        **meeting,
        **event_codes(meeting),
    }


def quote_event(article: Article, quote: dict[str, Any], extractor_version: str,
                extracted_at: str | None = None, article_version: int | None = None) -> dict[str, Any]:
    return {
        "schema_version": QUOTE_SCHEMA,
        "event_id": _event_id("quote", article.id, f"{quote['start']}:{quote['end']}"),
        "article": provenance(article),
        "extracted_at": extracted_at or now_iso(),
        "extractor_version": extractor_version,
        **_versioned(article_version),
        **quote,
    }


def retraction_event(article: Article, retracted_schema: str, retracted_event_id: str, extractor_version: str,
                     extracted_at: str | None = None, article_version: int | None = None,
                     key: str | None = None) -> dict[str, Any]:
    """Withdraws an event an earlier version of the article yielded. It carries the retracted event's id as its
    own `event_id`, so a consumer that keeps the latest record per `event_id` simply deletes that entry; with
    `article_version` the version that no longer yields it and, for a meeting, its `countries` (from its key)."""
    event = {
        "schema_version": RETRACTION_SCHEMA,
        "event_id": retracted_event_id,
        "retracts": retracted_schema,
        "reason": RETRACTED_BECAUSE_ARTICLE_CHANGED,
        "article": provenance(article),
        "extracted_at": extracted_at or now_iso(),
        "extractor_version": extractor_version,
        **_versioned(article_version),
    }
    if retracted_schema == MEETING_SCHEMA and key:
        event["countries"] = key.split("|")
    return event


# What the ledger remembers of one published event: (schema_version, event_id, key).
EventRef = tuple[str, str, str]


def event_refs(events: Iterable[tuple[Mapping[str, Any], str]]) -> list[EventRef]:
    """(event, key) pairs to what the retraction ledger stores per article: small, and enough to retract."""
    return sorted({(e["schema_version"], e["event_id"], key) for e, key in events})


def retractions(article: Article, previous: Iterable[EventRef], current: Iterable[EventRef],
                extractor_version: str, article_version: int | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(key, retraction event) for every event the article yielded before and does not yield now. The key is the
    retracted event's own key, so the retraction lands on its partition, after it."""
    now_ids = {event_id for _, event_id, _ in current}
    at = now_iso()
    return [(key, retraction_event(article, schema, event_id, extractor_version, at, article_version, key))
            for schema, event_id, key in sorted(set(previous)) if event_id not in now_ids]


def meeting_key(meeting: dict[str, Any]) -> str:
    return "|".join(sorted(meeting["countries"]))


def quote_key(quote: dict[str, Any]) -> str:
    return quote.get("speaker_country") or NO_COUNTRY_KEY


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
