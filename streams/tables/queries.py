"""Filtered, paged and aggregated views of the contact tables, for the HTTP API and the dashboard.

Read-only and kept apart from fold.py (the update rule): everything here is derived from `ContactTables` at query
time, through its per-country derivation (`_contacts`: the contacts of one country and the keys that count), so
the counts here agree with the totals of /countries by construction.

A contact's **day** (what `from`/`to` and the timeline use) is its resolved meeting day, else the first day of its
resolved month or year, else the publication day its bucket carries (an undated held report, or a plan without a
date), else its first report's day; a contact with none of them has no day and is left out of any date filter.
"""

from __future__ import annotations

import base64
import binascii
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import orjson

from streams.tables.fold import DATE_RE, MAX_KINDS, PERIOD_RE, STATUS_RANK, STATUSES, UNRESOLVED, ContactTables

PERIODS = ("week", "month")


class QueryError(ValueError):
    """A parameter the caller got wrong (the API answers 400 with this message)."""


@dataclass(frozen=True)
class Filters:
    start: str | None = None  # ISO day, inclusive
    end: str | None = None  # ISO day, inclusive
    kind: str | None = None
    status: str | None = None
    other: str | None = None  # the counterpart

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def contact_day(bucket: str, dates: Iterable[str], reported: Iterable[str]) -> str | None:
    dates = [d for d in dates if d]
    if dates:
        return max(dates)
    if PERIOD_RE.match(bucket):
        return bucket + "-01-01" if len(bucket) == 4 else bucket + "-01"
    if bucket.startswith(UNRESOLVED + ":"):
        bucket = bucket.partition(":")[2]
    if DATE_RE.match(bucket):
        return bucket
    first = min((r for r in reported if r), default=None)
    return first[:10] if first else None


def _row(c: Any) -> dict[str, Any]:
    return {
        "id": c.key, "countries": list(c.countries), "date": max(c.dates) if c.dates else None, "bucket": c.bucket,
        "day": contact_day(c.bucket, c.dates, c.reported), "status": c.status,
        "statuses": sorted(c.statuses, key=STATUS_RANK.__getitem__), "kinds": sorted(c.kinds)[:MAX_KINDS],
        "mentions": len(c.articles), "sources": len(c.sources),
        "first_reported": min(c.reported) if c.reported else None,
        "last_reported": max(c.reported) if c.reported else None,
    }


def _passes(row: Mapping[str, Any], f: Filters) -> bool:
    if f.other is not None and f.other not in row["countries"]:
        return False
    if f.kind is not None and f.kind not in row["kinds"]:
        return False
    if f.status is not None and row["status"] != f.status:
        return False
    if f.dated:
        day = row["day"]
        if day is None or (f.start is not None and day < f.start) or (f.end is not None and day > f.end):
            return False
    return True


def _order(row: Mapping[str, Any]) -> tuple[str, str]:
    return (row.get("day") or "", row["id"])


def contacts(tables: ContactTables, country: str, f: Filters = Filters()) -> list[dict[str, Any]]:
    """The counted contacts of `country` passing `f`, most recent day first (then by id, descending)."""
    found, counted = tables._contacts(country)
    rows = [_row(found[k]) for k in counted]
    return sorted((r for r in rows if _passes(r, f)), key=_order, reverse=True)


# tables -> (every country with its cached summary object, every contact's row): a summary object is replaced
# exactly when its country's state changes (ContactTables caches it until then), so an unchanged list of the same
# objects means unchanged rows, and the graph costs a pass over the countries between updates.
_ROWS: weakref.WeakKeyDictionary[ContactTables, tuple[list[tuple[str, Any]], list[dict[str, Any]]]] = (
    weakref.WeakKeyDictionary())


def _every_row(tables: ContactTables) -> list[dict[str, Any]]:
    stamp = [(code, tables.country(code)) for code in tables.codes()]
    cached = _ROWS.get(tables)
    if cached is not None and len(cached[0]) == len(stamp) and all(
            a[0] == b[0] and a[1] is b[1] for a, b in zip(cached[0], stamp, strict=True)):
        return cached[1]
    seen: dict[str, dict[str, Any]] = {}
    for code, _ in stamp:
        found, counted = tables._contacts(code)
        for k in counted:
            if k not in seen:
                seen[k] = _row(found[k])
    rows = sorted(seen.values(), key=_order, reverse=True)
    _ROWS[tables] = (stamp, rows)
    return rows


def all_contacts(tables: ContactTables, f: Filters = Filters(), country: str | None = None) -> list[dict[str, Any]]:
    """Every counted contact once (a contact of n countries is seen from each of them: the first view is kept).
    The rows are shared between calls: read them, never change them."""
    if country is not None:
        return contacts(tables, country, f)
    return [r for r in _every_row(tables) if _passes(r, f)]


def _fact_day(fact: Mapping[str, Any]) -> str | None:
    return fact.get("date") or ((fact.get("reported") or "")[:10] or None)


def events(tables: ContactTables, country: str, f: Filters = Filters()) -> list[dict[str, Any]]:
    """The live meeting events (facts) of `country` passing `f` (status and kind of the event itself), newest
    first; an event's day is its resolved date, else its report's day."""
    found, _ = tables._contacts(country)
    out: dict[tuple[Any, Any], dict[str, Any]] = {}
    for contact in found.values():
        if f.other is not None and f.other not in contact.countries:
            continue
        for fact in contact.facts:
            if f.kind is not None and fact.get("kind") != f.kind:
                continue
            if f.status is not None and fact.get("status") != f.status:
                continue
            day = _fact_day(fact)
            if f.dated and (day is None or (f.start and day < f.start) or (f.end and day > f.end)):
                continue
            row = {k: v for k, v in fact.items() if k != "key"}
            out[(fact.get("event_id"), fact.get("article_id"))] = {**row, "contact": fact.get("key"), "day": day}
    return sorted(out.values(), key=lambda r: (r["day"] or "", r.get("event_id") or ""), reverse=True)


# ---------------------------------------------------------------------------------------------- paging

def encode_cursor(row: Mapping[str, Any], id_field: str = "id") -> str:
    raw = orjson.dumps([row.get("day") or "", str(row.get(id_field) or "")])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        day, ident = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if not isinstance(day, str) or not isinstance(ident, str):
            raise TypeError
        return day, ident
    except (ValueError, TypeError, UnicodeEncodeError, binascii.Error, orjson.JSONDecodeError):
        raise QueryError("malformed cursor: pass back the `next` value of the previous page") from None


def page(rows: list[dict[str, Any]], cursor: str | None, limit: int,
         id_field: str = "id") -> tuple[list[dict[str, Any]], str | None]:
    """Rows after the cursor (rows are sorted by (day, id) descending), at most `limit`, and the next cursor."""
    if cursor:
        after = decode_cursor(cursor)
        rows = [r for r in rows if (r.get("day") or "", str(r.get(id_field) or "")) < after]
    chunk = rows[:limit]
    nxt = encode_cursor(chunk[-1], id_field) if len(rows) > limit else None
    return chunk, nxt


# ---------------------------------------------------------------------------------------------- timeline

def period_of(day: str, period: str) -> str:
    """The period a day falls in: ISO week ("2024-W05", starting Monday) or month ("2024-05")."""
    if period == "month":
        return day[:7]
    d = date.fromisoformat(day)
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def period_start(key: str, period: str) -> str:
    if period == "month":
        return key + "-01"
    year, week = key.split("-W")
    return date.fromisocalendar(int(year), int(week), 1).isoformat()


def _next_period(key: str, period: str) -> str:
    if period == "month":
        y, m = int(key[:4]), int(key[5:7])
        return f"{y + (m == 12)}-{(m % 12) + 1:02d}"
    start = date.fromisoformat(period_start(key, period)) + timedelta(days=7)
    return period_of(start.isoformat(), "week")


MAX_PERIODS = 520  # a timeline spans at most ten years of weeks; empty periods are filled in up to this


def timeline(rows: Iterable[Mapping[str, Any]], period: str) -> dict[str, Any]:
    """Contacts per period and status; periods without contacts between the first and the last are zeros."""
    if period not in PERIODS:
        raise QueryError("period: week or month")
    counts: dict[str, dict[str, int]] = {}
    undated = 0
    for row in rows:
        if not row.get("day"):
            undated += 1
            continue
        cell = counts.setdefault(period_of(row["day"], period), dict.fromkeys(STATUSES, 0))
        cell[row["status"]] += 1
    keys = sorted(counts)
    series: list[dict[str, Any]] = []
    if keys:
        key, last = keys[0], keys[-1]
        while len(series) < MAX_PERIODS:
            series.append(_cell(key, period, counts.get(key, dict.fromkeys(STATUSES, 0))))
            if key >= last:
                break
            key = _next_period(key, period)
        else:  # too long a span to fill: the most recent periods that have contacts
            series = [_cell(k, period, counts[k]) for k in keys[-MAX_PERIODS:]]
    return {"period": period, "series": series, "undated": undated}


def _cell(key: str, period: str, cell: Mapping[str, int]) -> dict[str, Any]:
    return {"period": key, "start": period_start(key, period), **cell, "contacts": sum(cell.values())}


# ---------------------------------------------------------------------------------------------- graph

def graph(tables: ContactTables, f: Filters = Filters()) -> dict[str, Any]:
    """Countries as nodes (their contacts passing `f`) and pairs as edges (contacts and held contacts between them);
    a contact of three countries counts on each of its three edges and once per node."""
    rows = all_contacts(tables, Filters(f.start, f.end, f.kind, f.status))
    nodes: dict[str, dict[str, int]] = {}
    edges: dict[tuple[str, str], dict[str, int]] = {}
    kinds: set[str] = set()
    for row in rows:
        kinds.update(row["kinds"])
        cs = row["countries"]
        for c in cs:
            node = nodes.setdefault(c, {"contacts": 0, "held": 0})
            node["contacts"] += 1
            node["held"] += row["status"] == "held"
        for i, a in enumerate(cs):
            for b in cs[i + 1:]:
                edge = edges.setdefault((a, b), {"contacts": 0, "held": 0})
                edge["contacts"] += 1
                edge["held"] += row["status"] == "held"
    return {"nodes": [{"code": c, **n} for c, n in sorted(nodes.items())],
            "edges": [{"source": a, "target": b, **e} for (a, b), e in sorted(edges.items())],
            "kinds": sorted(kinds), "rows": rows}
