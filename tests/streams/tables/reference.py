"""A reference fold of the contact tables, written from the README's definition and NOT from streams/tables/fold.py.

It sees the whole record stream at once (meeting events and retractions, duplicates and any order), so it needs no
incremental state: first the set of live facts, then the counts. The property test and the chaos test compare the
streaming fold with it; it shares no code with the fold, so a bug in the fold cannot hide in both.

The definition (README, "Contact tables"):
1. Live facts: for each article, the meeting events of its latest version (the highest `article_version` among
   its events and retractions; none = -1), minus the events retracted at that version.
2. A fact's contact: its sorted countries (at least two valid codes) and a bucket: the resolved day; else the
   resolved month or year (`date_period`); else, for a held report, the publication day (UTC) or `undated`; else
   (a plan or cancellation with no date) `unresolved:<publication day>` or `unresolved`.
3. A contact's status is the strongest of its facts: held, then cancelled, then planned.
4. A plan (not held) on a month or year is fulfilled when a held contact of the same countries lies in that period:
   it is then not counted (the held one is); every other contact counts once under its status.
5. Mentions: distinct articles with a live fact; sources: their distinct outlets (source, else the URL host);
   first/last reported: the articles' publication times; last contact date: the latest resolved day of a live fact.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

_CODE = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z0-9]{1,16})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD = re.compile(r"^\d{4}(-\d{2})?$")
_STRENGTH = {"planned": 1, "cancelled": 2, "held": 3}

FIELDS = ("held", "planned", "cancelled", "contacts", "mentions", "sources", "last_contact_date",
          "first_reported", "last_reported")


def _day(value: Any) -> str | None:
    if isinstance(value, str) and _DAY.match(value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    return None


def _when(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    t = t if t.tzinfo else t.replace(tzinfo=UTC)
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _outlet(article: Mapping[str, Any]) -> str | None:
    if isinstance(article.get("source"), str) and article["source"].strip():
        return article["source"].strip()[:200]
    if isinstance(article.get("url"), str) and article["url"]:
        host = urlsplit(article["url"]).hostname
        return host.removeprefix("www.")[:200] if host else None
    return None


def _bucket(event: Mapping[str, Any], published: str | None) -> str:
    day = _day(event.get("date"))
    if day:
        return day
    period = event.get("date_period")
    if event.get("date_granularity") in ("month", "year") and isinstance(period, str) and _PERIOD.match(period):
        return period
    if event.get("status") == "held":
        return published[:10] if published else "undated"
    return "unresolved:" + published[:10] if published else "unresolved"


def live_facts(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The meeting events that count: per article, its latest version's events not retracted at that version."""
    latest: dict[str, int] = {}
    events: dict[tuple[str, int], dict[str, Mapping[str, Any]]] = defaultdict(dict)
    retracted: dict[tuple[str, int], set[str]] = defaultdict(set)
    for r in records:
        article = r.get("article") or {}
        aid = article.get("id")
        if not isinstance(aid, str) or not aid:
            continue
        v = r.get("article_version")
        v = v if isinstance(v, int) else -1
        latest[aid] = max(latest.get(aid, v), v)
        if r.get("schema_version") == "retraction.v1":
            if r.get("retracts") == "meeting.v1":
                retracted[(aid, v)].add(r["event_id"])
        elif r.get("schema_version", "meeting.v1") == "meeting.v1":
            events[(aid, v)][r["event_id"]] = r
    out = []
    for aid, v in latest.items():
        out.extend(e for eid, e in events[(aid, v)].items() if eid not in retracted[(aid, v)])
    return out


def reference_tables(records: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """country -> {"totals": {...FIELDS, counterparts}, "counterparts": {other: {...FIELDS}}}."""
    facts = []
    for e in live_facts(records):
        countries = e.get("countries")
        codes = tuple(sorted({c for c in countries if isinstance(c, str) and _CODE.match(c)})) \
            if isinstance(countries, list) else ()
        if len(codes) < 2 or e.get("status") not in _STRENGTH:
            continue
        article = e.get("article") or {}
        published = _when(article.get("published"))
        facts.append({"countries": codes, "bucket": _bucket(e, published), "status": e["status"],
                      "day": _day(e.get("date")), "article": article["id"], "outlet": _outlet(article),
                      "reported": published})
    contacts: dict[tuple[tuple[str, ...], str], list[dict]] = defaultdict(list)
    for f in facts:
        contacts[(f["countries"], f["bucket"])].append(f)
    status = {k: max((f["status"] for f in fs), key=_STRENGTH.__getitem__) for k, fs in contacts.items()}
    held = defaultdict(list)
    for (codes, bucket), s in status.items():
        if s == "held":
            held[codes].append(bucket)

    def counted(key: tuple[tuple[str, ...], str]) -> bool:
        codes, bucket = key
        if status[key] == "held" or not _PERIOD.match(bucket):
            return True
        return not any(b != bucket and b.startswith(bucket + "-") for b in held[codes])

    def summary(keys: list, fs: list[dict]) -> dict[str, Any]:
        keys = [k for k in keys if counted(k)]
        reported = [f["reported"] for f in fs if f["reported"]]
        days = [f["day"] for f in fs if f["day"]]
        return {"held": sum(status[k] == "held" for k in keys), "planned": sum(status[k] == "planned" for k in keys),
                "cancelled": sum(status[k] == "cancelled" for k in keys), "contacts": len(keys),
                "mentions": len({f["article"] for f in fs}), "sources": len({f["outlet"] for f in fs if f["outlet"]}),
                "last_contact_date": max(days) if days else None,
                "first_reported": min(reported) if reported else None,
                "last_reported": max(reported) if reported else None}

    out: dict[str, dict[str, Any]] = {}
    for country in sorted({c for f in facts for c in f["countries"]}):
        mine = [f for f in facts if country in f["countries"]]
        keys = [k for k in contacts if country in k[0]]
        others = sorted({c for f in mine for c in f["countries"]} - {country})
        per = {o: summary([k for k in keys if o in k[0]], [f for f in mine if o in f["countries"]]) for o in others}
        out[country] = {"totals": {**summary(keys, mine), "counterparts": len(others)}, "counterparts": per}
    return out


def observed(tables: Any) -> dict[str, dict[str, Any]]:
    """The same view of a ContactTables (or of HTTP answers shaped like it), for comparison."""
    out = {}
    for row in tables.countries():
        detail = tables.country(row["code"])
        out[row["code"]] = {
            "totals": {**{f: detail["totals"][f] for f in FIELDS}, "counterparts": detail["totals"]["counterparts"]},
            "counterparts": {r["code"]: {f: r[f] for f in FIELDS} for r in detail["counterparts"]}}
    return out
