"""The contact tables as values: the fan-out of a meeting event, the update rule, and the queryable state.

No Faust and no Kafka here, so every rule is unit-testable and the integration test can compute the expected
tables from the same rule in one batch. The rule in one sentence: every stored value is a join (a merge that is
commutative, associative and idempotent) of the facts seen for its key, so the tables are a function of the SET
of facts within the horizon: arrival order, replays and at-least-once redelivery cannot change them.

Two keyed stores hold the state (both keyed by country first, so they live in that country's partition):
- contacts, `COUNTRY|contact_key`: one real-world contact seen from one country (countries, resolved date,
  statuses, kinds, the most recent meetings reporting it);
- articles, `COUNTRY|article_id`: which contacts one article reported for that country, its outlet and time.
Mentions and sources are counted from the articles store (exact distinct articles and outlets, with every value
bounded); contacts are counted from the contacts store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

UPDATE_SCHEMA = "contact-update.v1"
STATUSES = ("held", "planned", "cancelled")
# A contact reported with several statuses takes the strongest: it happened beats it was called off beats it is
# expected. A max over a fixed order, so the arrival order of the reports cannot matter.
STATUS_RANK = {"planned": 0, "cancelled": 1, "held": 2}
UNDATED = "undated"
CODE_RE = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z0-9]{1,16})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SEP = "|"  # store key separator: COUNTRY|contact_key, COUNTRY|article_id

MAX_KEYS_PER_ARTICLE = 64  # contacts one article can add for one country; far above any real article
MAX_KINDS = 8
MAX_PARTICIPANTS = 8
MAX_TEXT = 300  # evidence and names copied into the recent meetings
MAX_SOURCE = 200
DEFAULT_RECENT = 10


class Store(Protocol):
    """What the update rule needs from a keyed table: a Faust table adapter or a plain dict."""

    def get(self, key: str) -> dict[str, Any] | None: ...

    def __setitem__(self, key: str, value: dict[str, Any]) -> None: ...


# ---------------------------------------------------------------------------------------------- fan-out

def valid_code(code: Any) -> bool:
    return isinstance(code, str) and bool(CODE_RE.match(code))


def _article(event: Mapping[str, Any]) -> Mapping[str, Any]:
    article = event.get("article")
    return article if isinstance(article, Mapping) else {}


def resolved_date(event: Mapping[str, Any]) -> str | None:
    """Only a day the extractor resolved; never the publication date in its place."""
    value = event.get("date")
    if isinstance(value, str) and DATE_RE.match(value):
        try:
            date.fromisoformat(value)
            return value
        except ValueError:
            return None
    return None


def _normalise_time(value: Any) -> str | None:
    """ISO dates stay days; datetimes become UTC seconds ("2024-05-14T09:00:00Z") so strings compare in time order."""
    if not isinstance(value, str) or not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ms_to_iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def date_bucket(event: Mapping[str, Any]) -> str:
    """The resolved date, else the article's publication day (UTC), else "undated". Not the kind and not the status:
    those are what reports of one contact disagree on most."""
    day = resolved_date(event)
    if day:
        return day
    published = _normalise_time(_article(event).get("published"))
    return published[:10] if published else UNDATED


def meeting_countries(event: Mapping[str, Any]) -> list[str]:
    countries = event.get("countries")
    return sorted({c for c in countries if valid_code(c)}) if isinstance(countries, list) else []


def contact_key(event: Mapping[str, Any]) -> str | None:
    """Computed from the meeting alone, so every worker and every replay gives the same key: "AUS+JPN@2024-05-13"."""
    countries = meeting_countries(event)
    if len(countries) < 2:
        return None
    return "+".join(countries) + "@" + date_bucket(event)


def key_countries(key: str) -> list[str]:
    return key.rsplit("@", 1)[0].split("+")


def _source(article: Mapping[str, Any]) -> str | None:
    """The outlet: the article's source, else its web host (syndicated copies share neither)."""
    source = article.get("source")
    if isinstance(source, str) and source.strip():
        return source.strip()[:MAX_SOURCE]
    url = article.get("url")
    if isinstance(url, str) and url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")[:MAX_SOURCE]
    return None


def _cap(value: Any, limit: int = MAX_TEXT) -> Any:
    return value[:limit] if isinstance(value, str) else None


def compact_meeting(event: Mapping[str, Any], reported: str | None) -> dict[str, Any]:
    article = _article(event)
    people = event.get("participants")
    participants = [
        {"name": _cap(p.get("name"), 100), "country": p.get("country") if valid_code(p.get("country")) else None,
         "role": _cap(p.get("role"), 100)}
        for p in (people if isinstance(people, list) else [])[:MAX_PARTICIPANTS] if isinstance(p, Mapping)]
    return {
        "event_id": _cap(event.get("event_id"), 64),
        "article_id": _cap(article.get("id"), 512),
        "source": _source(article),
        "url": _cap(article.get("url"), 1000),
        "title": _cap(article.get("title")),
        "reported": reported,
        "countries": meeting_countries(event),
        "status": event.get("status"),
        "kind": _cap(event.get("kind"), 40),
        "date": resolved_date(event),
        "date_text": _cap(event.get("date_text"), 100),
        "location": _cap(event.get("location"), 100),
        "participants": participants,
        "evidence": _cap(event.get("evidence")),
    }


def fan_out(event: Mapping[str, Any], arrival_ms: int) -> list[dict[str, Any]]:
    """One contact update per participating country (a group_by gives one key per event, so it cannot do this).
    `arrival_ms` (the meeting record's timestamp) stands in for `reported` only when the article has no date."""
    key = contact_key(event)
    article = _article(event)
    article_id = article.get("id")
    status = event.get("status")
    if key is None or not isinstance(status, str) or status not in STATUS_RANK or not isinstance(article_id, str) \
            or not article_id:
        return []
    reported = _normalise_time(article.get("published")) or ms_to_iso(arrival_ms)
    countries = key_countries(key)
    common = {
        "schema_version": UPDATE_SCHEMA,
        "contact_key": key,
        "countries": countries,
        "article_id": article_id[:512],
        "source": _source(article),
        "reported": reported,
        "status": status,
        "date": resolved_date(event),
        "kind": _cap(event.get("kind"), 40),
        "meeting": compact_meeting(event, reported),
    }
    return [{"country": country, **common} for country in countries]


# ---------------------------------------------------------------------------------------------- update rule

def _meeting_order(m: Mapping[str, Any]) -> tuple[str, str, str]:
    return (m.get("date") or "", m.get("reported") or "", m.get("event_id") or "")


def _top_meetings(meetings: Iterable[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The `limit` most recent, by a total order: top-N of a union is the top-N of the top-Ns, so order-free."""
    unique = {(m.get("event_id"), m.get("article_id")): m for m in meetings}
    return sorted(unique.values(), key=_meeting_order, reverse=True)[:limit]


def join_contact(old: Mapping[str, Any] | None, update: Mapping[str, Any], now_ms: int,
                 recent: int = DEFAULT_RECENT) -> dict[str, Any]:
    old = old or {}
    dates = [d for d in (old.get("date"), update.get("date")) if d]
    kinds = sorted(set(old.get("kinds", [])) | ({update["kind"]} if update.get("kind") else set()))[:MAX_KINDS]
    return {
        "countries": update["countries"],
        "bucket": update["contact_key"].rsplit("@", 1)[1],
        "date": max(dates) if dates else None,
        "statuses": sorted(set(old.get("statuses", [])) | {update["status"]}, key=STATUS_RANK.__getitem__),
        "kinds": kinds,
        "meetings": _top_meetings([*old.get("meetings", []), update["meeting"]], recent),
        "seen": max(int(old.get("seen", 0)), now_ms),
    }


def join_article(old: Mapping[str, Any] | None, update: Mapping[str, Any], now_ms: int) -> dict[str, Any]:
    old = old or {}
    sources = [s for s in (old.get("source"), update.get("source")) if s]
    times = [t for t in (old.get("reported"), update.get("reported")) if t]
    return {
        "keys": sorted(set(old.get("keys", [])) | {update["contact_key"]})[:MAX_KEYS_PER_ARTICLE],
        "source": min(sources) if sources else None,
        "reported": min(times) if times else None,
        "seen": max(int(old.get("seen", 0)), now_ms),
    }


def store_keys(update: Mapping[str, Any]) -> tuple[str, str]:
    country = update["country"]
    return f"{country}{SEP}{update['contact_key']}", f"{country}{SEP}{update['article_id']}"


def apply_update(contacts: Store, articles: Store, update: Mapping[str, Any], now_ms: int,
                 recent: int = DEFAULT_RECENT) -> bool:
    """Fold one contact update into the two stores; False when it was already there (a replay: nothing written).

    The contact is written before the article: if the process dies between the two writes, the redelivered update
    is not taken for a replay and the contact join (idempotent) simply happens again."""
    contact_id, article_key = store_keys(update)
    seen = articles.get(article_key)
    if seen is not None and update["contact_key"] in seen.get("keys", []):
        return False
    contacts[contact_id] = join_contact(contacts.get(contact_id), update, now_ms, recent)
    articles[article_key] = join_article(seen, update, now_ms)
    return True


def expired(value: Mapping[str, Any], now_ms: int, horizon_ms: int) -> bool:
    """Dedup state lives `horizon_ms` after the last report that touched it (0: forever)."""
    return horizon_ms > 0 and int(value.get("seen", 0)) < now_ms - horizon_ms


def valid_update(value: Any) -> bool:
    """What the tables agent accepts from the contact-updates topic (anything else is logged and skipped)."""
    if not isinstance(value, dict) or value.get("schema_version") != UPDATE_SCHEMA:
        return False
    key, countries = value.get("contact_key"), value.get("countries")
    optional = ("source", "reported", "date", "kind")
    return (valid_code(value.get("country")) and isinstance(key, str) and "@" in key
            and isinstance(countries, list) and all(valid_code(c) for c in countries)
            and value["country"] in countries and key_countries(key) == countries
            and isinstance(value.get("article_id"), str) and isinstance(value.get("status"), str)
            and value["status"] in STATUS_RANK and isinstance(value.get("meeting"), dict)
            and all(value.get(f) is None or isinstance(value[f], str) for f in optional)
            and all(value["meeting"].get(f) is None or isinstance(value["meeting"][f], str)
                    for f in ("date", "reported", "event_id", "article_id")))


# ---------------------------------------------------------------------------------------------- queryable state

@dataclass
class _Pair:
    contacts: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    reported: list[str] = field(default_factory=list)


def _recent_keys(keys: Iterable[str], values: Mapping[str, Mapping[str, Any]], limit: int) -> list[str]:
    def order(k: str) -> tuple[bool, str, str]:
        bucket = values[k].get("bucket", UNDATED)
        return (bucket != UNDATED, bucket, k)

    return sorted(keys, key=order, reverse=True)[:limit]


def _counts(keys: Iterable[str], values: Mapping[str, Mapping[str, Any]]) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for k in keys:
        counts[effective_status(values[k])] += 1
    return counts


def effective_status(contact: Mapping[str, Any]) -> str:
    return max(contact["statuses"], key=STATUS_RANK.__getitem__)


class ContactTables:
    """Every country's contacts and articles, as held by each worker's full replica (and by the batch rule).

    Answers are computed per country on demand and cached until that country's state changes (every value that
    feeds them is keyed by that country), so a query costs a dict lookup between updates."""

    def __init__(self, recent: int = DEFAULT_RECENT) -> None:
        self.recent = recent
        self.contacts: dict[str, dict[str, dict[str, Any]]] = {}
        self.articles: dict[str, dict[str, dict[str, Any]]] = {}
        self._cache: dict[str, dict[str, Any]] = {}
        self._pair_cache: dict[str, dict[str, dict[str, Any]]] = {}

    # -- loading (changelog records or the batch rule)
    def put(self, store: str, key: str, value: dict[str, Any] | None) -> None:
        country, _, rest = key.partition(SEP)
        if not rest:
            return
        target = self.contacts if store == "contacts" else self.articles
        rows = target.setdefault(country, {})
        if value is None:
            rows.pop(rest, None)
            if not rows:
                target.pop(country, None)
        else:
            rows[rest] = value
        self._cache.pop(country, None)
        self._pair_cache.pop(country, None)

    def known(self, country: str) -> bool:
        return country in self.contacts or country in self.articles

    def codes(self) -> list[str]:
        return sorted(set(self.contacts) | set(self.articles))

    # -- queries
    def _pairs(self, country: str) -> dict[str, _Pair]:
        contacts = self.contacts.get(country, {})
        pairs: dict[str, _Pair] = {}
        for key, value in contacts.items():
            for other in value["countries"]:
                if other != country:
                    pairs.setdefault(other, _Pair()).contacts.append(key)
        for article_id, value in self.articles.get(country, {}).items():
            others = {c for k in value.get("keys", []) for c in key_countries(k)} - {country}
            for other in others:
                pair = pairs.setdefault(other, _Pair())
                pair.articles.add(article_id)
                if value.get("source"):
                    pair.sources.add(value["source"])
                if value.get("reported"):
                    pair.reported.append(value["reported"])
        return pairs

    def _summary(self, country: str) -> dict[str, Any]:
        cached = self._cache.get(country)
        if cached is not None:
            return cached
        contacts = self.contacts.get(country, {})
        articles = self.articles.get(country, {})
        counterparts = []
        for other, pair in sorted(self._pairs(country).items()):
            dates = [contacts[k]["date"] for k in pair.contacts if contacts[k].get("date")]
            counts = _counts(pair.contacts, contacts)
            counterparts.append({
                "code": other,
                **counts,
                "contacts": len(pair.contacts),
                "mentions": len(pair.articles),
                "sources": len(pair.sources),
                "last_contact_date": max(dates) if dates else None,
                "first_reported": min(pair.reported) if pair.reported else None,
                "last_reported": max(pair.reported) if pair.reported else None,
                "recent_contacts": _recent_keys(pair.contacts, contacts, self.recent),
            })
        reported = [v["reported"] for v in articles.values() if v.get("reported")]
        dates = [v["date"] for v in contacts.values() if v.get("date")]
        totals = {
            **_counts(contacts, contacts),
            "contacts": len(contacts),
            "counterparts": len(counterparts),
            "mentions": len(articles),
            "sources": len({v["source"] for v in articles.values() if v.get("source")}),
            "last_contact_date": max(dates) if dates else None,
            "first_reported": min(reported) if reported else None,
            "last_reported": max(reported) if reported else None,
        }
        summary = {"code": country, "totals": totals, "counterparts": counterparts}
        self._cache[country] = summary
        return summary

    def countries(self) -> list[dict[str, Any]]:
        return [{"code": c, **self._summary(c)["totals"]} for c in self.codes()]

    def country(self, country: str) -> dict[str, Any]:
        return self._summary(country)

    def pair(self, country: str, other: str) -> dict[str, Any]:
        pairs = self._pair_cache.setdefault(country, {})
        if other not in pairs:
            pairs[other] = self._pair(country, other)
        return pairs[other]

    def _pair(self, country: str, other: str) -> dict[str, Any]:
        summary = self._summary(country)
        row = next((r for r in summary["counterparts"] if r["code"] == other), None)
        contacts = self.contacts.get(country, {})
        keys = [k for k, v in contacts.items() if other in v["countries"]]
        per_contact: dict[str, list[dict[str, Any]]] = {k: [] for k in keys}
        for value in self.articles.get(country, {}).values():
            for k in value.get("keys", []):
                if k in per_contact:
                    per_contact[k].append(value)
        recent = []
        for k in _recent_keys(keys, contacts, self.recent):
            value, reports = contacts[k], per_contact[k]
            times = [r["reported"] for r in reports if r.get("reported")]
            recent.append({
                "id": k, "countries": value["countries"], "date": value.get("date"), "bucket": value["bucket"],
                "status": effective_status(value), "statuses": value["statuses"], "kinds": value["kinds"],
                "mentions": len(reports), "sources": len({r["source"] for r in reports if r.get("source")}),
                "first_reported": min(times) if times else None, "last_reported": max(times) if times else None,
            })
        meetings = _top_meetings((m for k in keys for m in contacts[k].get("meetings", [])), self.recent)
        empty = {**dict.fromkeys(STATUSES, 0), "contacts": 0, "mentions": 0, "sources": 0,
                 "last_contact_date": None, "first_reported": None, "last_reported": None, "recent_contacts": []}
        totals = {k: v for k, v in (row or empty).items() if k != "code"}
        return {"code": country, "counterpart": other, "totals": totals, "contacts": recent, "meetings": meetings}


def build(updates: Iterable[Mapping[str, Any]], now_ms: int = 0, recent: int = DEFAULT_RECENT) -> ContactTables:
    """Batch recomputation: the tables the stream must converge to, from the same facts in any order."""
    contacts: dict[str, dict[str, Any]] = {}
    articles: dict[str, dict[str, Any]] = {}
    for update in updates:
        apply_update(contacts, articles, update, now_ms, recent)
    return load(contacts, articles, recent)


def load(contacts: Mapping[str, dict[str, Any]], articles: Mapping[str, dict[str, Any]],
         recent: int = DEFAULT_RECENT) -> ContactTables:
    tables = ContactTables(recent)
    for key, value in contacts.items():
        tables.put("contacts", key, value)
    for key, value in articles.items():
        tables.put("articles", key, value)
    return tables
