"""The events Parley publishes: one per meeting on `meetings`, one per quote on `quotes`.

Event ids are deterministic: a hash of the article id and the event's anchor in the text (never run-time state
and never the extractor version), so re-processing an article upserts the same ids. Keys keep related events in
order on one partition: meetings by their sorted country set, quotes by speaker country.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from schemas.article import Article

MEETING_SCHEMA = "meeting.v1"
QUOTE_SCHEMA = "quote.v1"
CONTENT_TYPE = "application/json"
NO_COUNTRY_KEY = "none"


def _event_id(kind: str, article_id: str, anchor: str) -> str:
    return hashlib.sha256(f"{kind}|{article_id}|{anchor}".encode()).hexdigest()[:32]


def provenance(article: Article) -> dict[str, Any]:
    return {"id": article.id, "url": article.url, "source": article.source, "published": article.published,
            "title": article.title}


def meeting_event(article: Article, meeting: dict[str, Any], extractor_version: str,
                  extracted_at: str | None = None) -> dict[str, Any]:
    anchor = f"{meeting['evidence_start']}:{meeting['evidence_end']}|{'-'.join(meeting['countries'])}"
    return {
        "schema_version": MEETING_SCHEMA,
        "event_id": _event_id("meeting", article.id, anchor),
        "article": provenance(article),
        "extracted_at": extracted_at or now_iso(),
        "extractor_version": extractor_version,
        **meeting,
    }


def quote_event(article: Article, quote: dict[str, Any], extractor_version: str,
                extracted_at: str | None = None) -> dict[str, Any]:
    return {
        "schema_version": QUOTE_SCHEMA,
        "event_id": _event_id("quote", article.id, f"{quote['start']}:{quote['end']}"),
        "article": provenance(article),
        "extracted_at": extracted_at or now_iso(),
        "extractor_version": extractor_version,
        **quote,
    }


def meeting_key(meeting: dict[str, Any]) -> str:
    return "|".join(sorted(meeting["countries"]))


def quote_key(quote: dict[str, Any]) -> str:
    return quote.get("speaker_country") or NO_COUNTRY_KEY


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
