"""A bounded in-memory store of recent quotes, for `GET /quotes` and the dashboard.

Fed by the dashboard's consumer of the event topics (streams/web/dashboard.py: no group, every partition), so
every worker holds the same recent quotes. Bounded twice: at most MAX_TOTAL quotes overall (the oldest arrival
goes first) and at most MAX_PER_COUNTRY per speaker country (a talkative country evicts its own oldest quotes, not
the others'). At start the consumer reads back up to BACKFILL records of each `quotes` partition. A quote
re-delivered with the same `event_id` replaces itself; a retraction removes it. Each quote is kept compact
(text and names capped), so the store stays within a few MB.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from streams.tables.fold import valid_code

MAX_TOTAL = 5000
MAX_PER_COUNTRY = 500
BACKFILL = 1000  # records read back per `quotes` partition when a worker starts
MAX_TEXT = 1000
NONE = "none"  # the speaker country of a quote whose speaker has none


def _cap(value: Any, limit: int = 300) -> str | None:
    return value[:limit] if isinstance(value, str) else None


def compact(event: Mapping[str, Any]) -> dict[str, Any] | None:
    event_id = event.get("event_id")
    text = event.get("text")
    if not isinstance(event_id, str) or not event_id or not isinstance(text, str):
        return None
    article = event.get("article") if isinstance(event.get("article"), Mapping) else {}
    published = _cap(article.get("published"), 40)
    extracted = _cap(event.get("extracted_at"), 40)
    country = event.get("speaker_country")
    return {
        "event_id": event_id[:64], "speaker": _cap(event.get("speaker"), 200),
        "speaker_country": country if valid_code(country) else None,
        "speaker_role": _cap(event.get("speaker_role"), 200),
        "type": _cap(event.get("type"), 20), "text": text[:MAX_TEXT],
        "day": (published or extracted or "")[:10] or None,
        "article": {"id": _cap(article.get("id"), 512), "url": _cap(article.get("url"), 1000),
                    "source": _cap(article.get("source"), 200), "title": _cap(article.get("title")),
                    "published": published},
        "extracted_at": extracted,
    }


class QuoteStore:
    def __init__(self, max_total: int = MAX_TOTAL, max_per_country: int = MAX_PER_COUNTRY) -> None:
        self.max_total = max_total
        self.max_per_country = max_per_country
        self.quotes: OrderedDict[str, dict[str, Any]] = OrderedDict()  # event_id -> quote, oldest arrival first
        self.by_country: dict[str, OrderedDict[str, None]] = {}

    def __len__(self) -> int:
        return len(self.quotes)

    def add(self, event: Mapping[str, Any]) -> None:
        quote = compact(event)
        if quote is None:
            return
        self.remove(quote["event_id"])
        country = quote["speaker_country"] or NONE
        self.quotes[quote["event_id"]] = quote
        mine = self.by_country.setdefault(country, OrderedDict())
        mine[quote["event_id"]] = None
        while len(mine) > self.max_per_country:
            self.remove(next(iter(mine)))
        while len(self.quotes) > self.max_total:
            self.remove(next(iter(self.quotes)))

    def remove(self, event_id: str) -> None:
        quote = self.quotes.pop(event_id, None)
        if quote is None:
            return
        country = quote["speaker_country"] or NONE
        mine = self.by_country.get(country)
        if mine is not None:
            mine.pop(event_id, None)
            if not mine:
                del self.by_country[country]

    def query(self, countries: set[str] | None = None, article: str | None = None, start: str | None = None,
              end: str | None = None) -> list[dict[str, Any]]:
        """Newest day first (then by event id, descending: the paging order); `countries`: speaker countries;
        `start` and `end`: days, inclusive (a quote's day is its article's publication day, else its extraction's)."""
        if countries is not None:
            ids = [i for c in countries for i in self.by_country.get(c, ())]
            order = {i: n for n, i in enumerate(self.quotes)}
            candidates = [self.quotes[i] for i in sorted(ids, key=order.__getitem__)]
        else:
            candidates = list(self.quotes.values())
        out = []
        for q in candidates:
            if article is not None and q["article"]["id"] != article:
                continue
            if start is not None or end is not None:
                day = q["day"]
                if day is None or (start is not None and day < start) or (end is not None and day > end):
                    continue
            out.append(q)
        return sorted(out, key=lambda q: (q["day"] or "", q["event_id"]), reverse=True)
