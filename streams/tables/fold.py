"""The contact tables as values: the fan-out of meeting events and retractions, the fold rule, the queryable state.

No Faust and no Kafka here, so every rule is unit-testable. The rule (README, "Contact tables", is the definition):
the tables are a pure function of the set of LIVE meeting events. For each article, the live events are those of
its latest version (`article_version`, the `articles` offset it came from; an older version never overwrites a
newer one), minus those retracted at that version. Each live event is one fact; a contact groups the facts of one
country set and date bucket, and its status, kinds, mentions and sources are derived from its facts at query time.
So arrival order, replays, duplicates and retractions cannot change the tables (tests/streams/tables/
test_fold_property.py checks it against a separately written reference fold).

Two keyed stores hold the state, keyed by country first so they live in that country's partition:
- articles, `COUNTRY|article_id` -> {"v": the article's latest version seen for this country, "facts":
  {event_id: fact}, "gone": event ids retracted at that version, "seen": the last time it changed}; bounded
  (MAX_FACTS facts of at most a few hundred bytes each);
- history, `COUNTRY|contact_key` -> the contact's compact final facts (`fold_history`), into which an article entry
  is folded once it has not changed for the horizon (the sweep, streams/tables/agents.py); kept for good.
A contact's counts come from both, so they stay the same when its articles are folded.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

UPDATE_SCHEMA = "contact-update.v2"  # v1 (one update per report, no version) is refused
STATUSES = ("held", "planned", "cancelled")
# A contact reported with several statuses takes the strongest: it happened beats it was called off beats it is
# expected. A max over a fixed order, so the arrival order of the reports cannot matter.
STATUS_RANK = {"planned": 0, "cancelled": 1, "held": 2}
UNDATED = "undated"
CODE_RE = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z0-9]{1,16})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PERIOD_RE = re.compile(r"^\d{4}(-\d{2})?$")  # a resolved month or year
UNRESOLVED = "unresolved"
SEP = "|"  # store key separator: COUNTRY|article_id

MAX_FACTS = 32  # meetings one article version can report for one country; far above any real article
MAX_GONE = 64
MAX_KINDS = 8
MAX_HISTORY_ARTICLES = 512  # reports remembered (as 12-hex digests) per contact once its articles are folded
MAX_HISTORY_SOURCES = 64
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


def resolved_period(event: Mapping[str, Any]) -> str | None:
    """A resolved month ("2024-05") or year ("2024") when the text gives no day."""
    period = event.get("date_period")
    if event.get("date_granularity") in ("month", "year") and isinstance(period, str) and PERIOD_RE.match(period):
        return period
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
    """Which reports are one contact (with the countries): the resolved day; else the resolved month or year; else,
    for a held report, the publication day (UTC) or "undated"; else (a plan or cancellation without a date)
    "unresolved:<publication day>" or "unresolved", so an undated plan never merges with a meeting held that day.
    Not the kind and not the status: those are what reports of one contact disagree on most."""
    day = resolved_date(event) or resolved_period(event)
    if day:
        return day
    published = _normalise_time(_article(event).get("published"))
    if event.get("status") == "held":
        return published[:10] if published else UNDATED
    return f"{UNRESOLVED}:{published[:10]}" if published else UNRESOLVED


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


def key_bucket(key: str) -> str:
    return key.rsplit("@", 1)[1]


def _source(article: Mapping[str, Any]) -> str | None:
    """The outlet: the article's source, else its web host (syndicated copies share neither)."""
    source = article.get("source")
    if isinstance(source, str) and source.strip():
        return source.strip()[:MAX_SOURCE]
    url = article.get("url")
    if isinstance(url, str) and url:
        try:
            host = urlsplit(url).hostname
        except ValueError:
            return None
        if host:
            return host.removeprefix("www.")[:MAX_SOURCE]
    return None


def _cap(value: Any, limit: int = MAX_TEXT) -> Any:
    return value[:limit] if isinstance(value, str) else None


def article_version(event: Mapping[str, Any]) -> int:
    """The `articles` offset the event's article came from; -1 for events published before versions existed."""
    v = event.get("article_version")
    return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else -1


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


def _retracted_countries(event: Mapping[str, Any], key: bytes | str | None) -> list[str]:
    """A retraction names the retracted meeting's countries (`countries`), else its record key does ("AUS|JPN")."""
    countries = event.get("countries")
    if isinstance(countries, list):
        return sorted({c for c in countries if valid_code(c)})
    if isinstance(key, bytes):
        key = key.decode("utf-8", "replace")
    return sorted({c for c in key.split("|") if valid_code(c)}) if isinstance(key, str) else []


def fan_out(event: Mapping[str, Any], arrival_ms: int, key: bytes | str | None = None) -> list[dict[str, Any]]:
    """One contact update per participating country (a group_by gives one key per event, so it cannot do this): a
    fact for a meeting event, a retraction for a `retraction.v1` of a meeting (its countries from the event, else
    from its record `key`). `arrival_ms` (the record's timestamp) stands in for `reported` only when the article
    has no date."""
    article = _article(event)
    article_id, event_id = article.get("id"), event.get("event_id")
    if not isinstance(article_id, str) or not article_id or not isinstance(event_id, str) or not event_id:
        return []
    common = {"schema_version": UPDATE_SCHEMA, "article_id": article_id[:512], "event_id": event_id[:64],
              "version": article_version(event)}
    if event.get("schema_version") == "retraction.v1":
        countries = _retracted_countries(event, key)
        if event.get("retracts") != "meeting.v1" or len(countries) < 2:
            return []
        return [{"country": country, "op": "retract", **common} for country in countries]
    if event.get("schema_version", "meeting.v1") != "meeting.v1":
        return []
    ckey = contact_key(event)
    status = event.get("status")
    if ckey is None or not isinstance(status, str) or status not in STATUS_RANK:
        return []
    reported = _normalise_time(article.get("published")) or ms_to_iso(arrival_ms)
    fact = {**compact_meeting(event, reported), "key": ckey}
    return [{"country": country, "op": "fact", **common, "fact": fact} for country in key_countries(ckey)]


# ---------------------------------------------------------------------------------------------- the fold

def _keep(facts: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """At most MAX_FACTS, the smallest event ids: the kept set of a union does not depend on arrival order."""
    return facts if len(facts) <= MAX_FACTS else {k: facts[k] for k in sorted(facts)[:MAX_FACTS]}


def fold_update(old: Mapping[str, Any] | None, update: Mapping[str, Any], now_ms: int) -> dict[str, Any] | None:
    """The article entry after `update`, or None when nothing changes (a replay or an older version)."""
    version, event_id = int(update["version"]), update["event_id"]
    if old is None or "v" not in old:
        old = {"v": -2, "facts": {}, "gone": []}
    if version < old["v"]:
        return None  # an older version never overwrites a newer one
    if version > old["v"]:
        facts: dict[str, dict[str, Any]] = {}  # the newer version's facts replace the older's
        gone: list[str] = []
    else:
        facts, gone = dict(old["facts"]), list(old.get("gone", []))
    if update["op"] == "retract":
        facts.pop(event_id, None)
        gone = sorted({*gone, event_id})[:MAX_GONE]
    elif event_id not in gone:
        fact = dict(update["fact"])
        previous = facts.get(event_id)
        if previous is not None and previous.get("reported") and fact.get("reported"):
            fact["reported"] = min(previous["reported"], fact["reported"])  # arrival times: the first one
        facts[event_id] = fact
        facts = _keep(facts)
    new = {"v": version, "facts": facts, "gone": gone}
    if old["v"] == version and old["facts"] == facts and list(old.get("gone", [])) == gone:
        return None
    return {**new, "seen": now_ms}


def store_key(update: Mapping[str, Any]) -> str:
    return f"{update['country']}{SEP}{update['article_id']}"


def apply_update(contacts: Store, articles: Store, update: Mapping[str, Any], now_ms: int,
                 recent: int = DEFAULT_RECENT) -> bool:
    """Fold one contact update into the article store; False when nothing changed (nothing is written then).
    `contacts` (the compact history) is not touched by a live update; `recent` is kept for the callers' sake."""
    key = store_key(update)
    new = fold_update(articles.get(key), update, now_ms)
    if new is None:
        return False
    articles[key] = new
    return True


def expired(value: Mapping[str, Any], now_ms: int, horizon_ms: int) -> bool:
    """Per-article state lives `horizon_ms` after the last report that changed it (0: forever)."""
    return horizon_ms > 0 and int(value.get("seen", 0)) < now_ms - horizon_ms


def _str_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def valid_update(value: Any) -> bool:
    """What the tables agent accepts from the contact-updates topic (anything else is logged and skipped)."""
    if not isinstance(value, dict) or value.get("schema_version") != UPDATE_SCHEMA:
        return False
    version = value.get("version")
    if not (valid_code(value.get("country")) and isinstance(value.get("article_id"), str) and value["article_id"]
            and isinstance(value.get("event_id"), str) and value["event_id"]
            and isinstance(version, int) and not isinstance(version, bool) and version >= -1):
        return False
    if value.get("op") == "retract":
        return True
    fact = value.get("fact")
    if value.get("op") != "fact" or not isinstance(fact, dict):
        return False
    key, countries = fact.get("key"), fact.get("countries")
    return (isinstance(key, str) and "@" in key and isinstance(countries, list)
            and all(valid_code(c) for c in countries) and value["country"] in countries
            and key_countries(key) == countries and fact.get("status") in STATUS_RANK
            and all(_str_or_none(fact.get(f)) for f in ("date", "reported", "event_id", "article_id", "source",
                                                         "kind", "url", "title", "date_text", "location",
                                                         "evidence"))
            and isinstance(fact.get("participants", []), list))


# ---------------------------------------------------------------------------------------------- history

HISTORY_SCHEMA = "contact-history.v1"


def article_digest(article_id: str) -> str:
    """How a report is remembered once folded: 12 hex digits of its article id's SHA-1 (48 bits: no collision in
    any realistic contact's reports), so live and folded reports of one article count as one mention."""
    return hashlib.sha1(article_id.encode(), usedforsecurity=False).hexdigest()[:12]


def fold_history(old: Mapping[str, Any] | None, article_id: str, fact: Mapping[str, Any]) -> dict[str, Any] | None:
    """A contact's compact final facts with one more expired report folded in; None when that article is already
    in (a sweep repeated after a crash between the history write and the article's deletion)."""
    digest = article_digest(article_id)
    old = old if old and old.get("schema") == HISTORY_SCHEMA else None
    articles = list(old["articles"]) if old else []
    if digest in articles:
        return None
    dates = [d for d in ((old or {}).get("date"), fact.get("date")) if d]
    reported = [t for t in ((old or {}).get("first_reported"), (old or {}).get("last_reported"),
                            fact.get("reported")) if t]
    key = fact["key"]
    return {
        "schema": HISTORY_SCHEMA,
        "countries": key_countries(key),
        "bucket": key_bucket(key),
        "date": max(dates) if dates else None,
        "statuses": sorted({*(old or {}).get("statuses", []), fact["status"]}, key=STATUS_RANK.__getitem__),
        "kinds": sorted({*(old or {}).get("kinds", []), *([fact["kind"]] if fact.get("kind") else [])})[:MAX_KINDS],
        "articles": sorted([*articles, digest])[:MAX_HISTORY_ARTICLES],
        "sources": sorted({*(old or {}).get("sources", []), *([fact["source"]] if fact.get("source") else [])})
        [:MAX_HISTORY_SOURCES],
        "first_reported": min(reported) if reported else None,
        "last_reported": max(reported) if reported else None,
    }


def fold_expired(history: Store, country: str, article_id: str, entry: Mapping[str, Any]) -> int:
    """Folds an expiring article entry's live facts into its contacts' history (before the entry is deleted);
    returns how many history values it wrote."""
    written = 0
    for fact in (entry.get("facts") or {}).values():
        key = f"{country}{SEP}{fact['key']}"
        new = fold_history(history.get(key), article_id, fact)
        if new is not None:
            history[key] = new
            written += 1
    return written


# ---------------------------------------------------------------------------------------------- queryable state

def effective_status(statuses: Iterable[str]) -> str:
    return max(statuses, key=STATUS_RANK.__getitem__)


def _meeting_order(m: Mapping[str, Any]) -> tuple[str, str, str]:
    return (m.get("date") or "", m.get("reported") or "", m.get("event_id") or "")


def _top_meetings(meetings: Iterable[Mapping[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The `limit` most recent, by a total order."""
    unique = {(m.get("event_id"), m.get("article_id")): m for m in meetings}
    return [_public_meeting(m) for m in sorted(unique.values(), key=_meeting_order, reverse=True)[:limit]]


def _public_meeting(m: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in m.items() if k != "key"}


def _bucket_order(bucket: str) -> str:
    """Dated buckets by date; an unresolved plan by its publication day; "undated" last."""
    if bucket.startswith(UNRESOLVED):
        return bucket.partition(":")[2]
    return "" if bucket == UNDATED else bucket


class _Contact:
    __slots__ = ("key", "countries", "bucket", "statuses", "kinds", "dates", "facts", "articles", "sources",
                 "reported")

    def __init__(self, key: str) -> None:
        self.key = key
        self.countries = key_countries(key)
        self.bucket = key_bucket(key)
        self.statuses: set[str] = set()
        self.kinds: set[str] = set()
        self.dates: set[str] = set()
        self.facts: list[dict[str, Any]] = []
        self.articles: set[str] = set()
        self.sources: set[str] = set()
        self.reported: list[str] = []

    def add(self, article_id: str, fact: Mapping[str, Any]) -> None:
        self.statuses.add(fact["status"])
        if fact.get("kind"):
            self.kinds.add(fact["kind"])
        if fact.get("date"):
            self.dates.add(fact["date"])
        self.facts.append(fact)  # type: ignore[arg-type]
        self.articles.add(article_digest(article_id))
        if fact.get("source"):
            self.sources.add(fact["source"])
        if fact.get("reported"):
            self.reported.append(fact["reported"])

    def add_history(self, folded: Mapping[str, Any]) -> None:
        """The compact final facts of reports whose per-article detail has expired (see `fold_history`)."""
        self.statuses.update(s for s in folded.get("statuses", []) if s in STATUS_RANK)
        self.kinds.update(folded.get("kinds", []))
        if folded.get("date"):
            self.dates.add(folded["date"])
        self.articles.update(folded.get("articles", []))
        self.sources.update(folded.get("sources", []))
        self.reported.extend(t for t in (folded.get("first_reported"), folded.get("last_reported")) if t)

    @property
    def status(self) -> str:
        return effective_status(self.statuses)


def _fulfilled(contact: _Contact, held_buckets: Mapping[tuple[str, ...], list[str]]) -> bool:
    """A plan (or cancellation) on a month or year, with a held contact of the same countries inside that period:
    the plan's outcome, counted once, as the held contact."""
    if contact.status == "held" or not PERIOD_RE.match(contact.bucket):
        return False
    prefix = contact.bucket + "-"
    return any(b.startswith(prefix) for b in held_buckets.get(tuple(contact.countries), ()))


class ContactTables:
    """Every country's live facts, as held by each worker's full replica (and by the batch rule).

    Answers are computed per country on demand from its facts and cached until that country's state changes (every
    value that feeds them is keyed by that country), so a query costs a dict lookup between updates."""

    def __init__(self, recent: int = DEFAULT_RECENT) -> None:
        self.recent = recent
        self.articles: dict[str, dict[str, dict[str, Any]]] = {}  # country -> article id -> entry with live facts
        self.history: dict[str, dict[str, dict[str, Any]]] = {}  # country -> contact key -> folded history
        self._cache: dict[str, dict[str, Any]] = {}
        self._pair_cache: dict[str, dict[str, dict[str, Any]]] = {}

    # -- loading (changelog records or the batch rule)
    def put(self, store: str, key: str, value: dict[str, Any] | None) -> None:
        country, _, rest = key.partition(SEP)
        if not rest:
            return
        if store == "articles":
            rows = self.articles.setdefault(country, {})
            if value is None or not isinstance(value.get("facts"), dict) or not value["facts"]:
                rows.pop(rest, None)  # no live fact (or a value of an older layout): nothing to count
            else:
                rows[rest] = value
            if not rows:
                self.articles.pop(country, None)
        else:
            rows = self.history.setdefault(country, {})
            if value is None or value.get("schema") != HISTORY_SCHEMA or not value.get("statuses"):
                rows.pop(rest, None)  # (a contact value of the older layout is not history)
            else:
                rows[rest] = value
            if not rows:
                self.history.pop(country, None)
        self._cache.pop(country, None)
        self._pair_cache.pop(country, None)

    def known(self, country: str) -> bool:
        return country in self.articles or country in self.history

    def codes(self) -> list[str]:
        return sorted(set(self.articles) | set(self.history))

    # -- derivation
    def _contacts(self, country: str) -> tuple[dict[str, _Contact], set[str]]:
        """Contact key -> contact from this country's live facts, and the keys that count (not fulfilled plans)."""
        contacts: dict[str, _Contact] = {}
        for key, folded in self.history.get(country, {}).items():
            contact = contacts.get(key)
            if contact is None:
                contact = contacts[key] = _Contact(key)
            contact.add_history(folded)
        for article_id, entry in self.articles.get(country, {}).items():
            for fact in entry["facts"].values():
                contact = contacts.get(fact["key"])
                if contact is None:
                    contact = contacts[fact["key"]] = _Contact(fact["key"])
                contact.add(article_id, fact)
        held: dict[tuple[str, ...], list[str]] = {}
        for c in contacts.values():
            if c.status == "held":
                held.setdefault(tuple(c.countries), []).append(c.bucket)
        counted = {k for k, c in contacts.items() if not _fulfilled(c, held)}
        return contacts, counted

    def _recent_keys(self, keys: Iterable[str], contacts: Mapping[str, _Contact]) -> list[str]:
        return sorted(keys, key=lambda k: (_bucket_order(contacts[k].bucket), k), reverse=True)[:self.recent]

    @staticmethod
    def _counts(keys: Iterable[str], contacts: Mapping[str, _Contact],
                members: Iterable[_Contact]) -> dict[str, Any]:
        counts: dict[str, Any] = dict.fromkeys(STATUSES, 0)
        keys = list(keys)
        for k in keys:
            counts[contacts[k].status] += 1
        articles: set[str] = set()
        sources: set[str] = set()
        reported: list[str] = []
        dates: list[str] = []
        for c in members:
            articles |= c.articles
            sources |= c.sources
            reported.extend(c.reported)
            dates.extend(c.dates)
        return {**counts, "contacts": len(keys), "mentions": len(articles), "sources": len(sources),
                "last_contact_date": max(dates) if dates else None,
                "first_reported": min(reported) if reported else None,
                "last_reported": max(reported) if reported else None}

    def _summary(self, country: str) -> dict[str, Any]:
        cached = self._cache.get(country)
        if cached is not None:
            return cached
        contacts, counted = self._contacts(country)
        per_other: dict[str, list[str]] = {}
        for k, c in contacts.items():
            for other in c.countries:
                if other != country:
                    per_other.setdefault(other, []).append(k)
        counterparts = []
        for other, keys in sorted(per_other.items()):
            mine = [k for k in keys if k in counted]
            counterparts.append({"code": other,
                                 **self._counts(mine, contacts, (contacts[k] for k in keys)),
                                 "recent_contacts": self._recent_keys(mine, contacts)})
        totals = {**self._counts(counted, contacts, contacts.values()), "counterparts": len(counterparts)}
        totals = {k: totals[k] for k in (*STATUSES, "contacts", "counterparts", "mentions", "sources",
                                         "last_contact_date", "first_reported", "last_reported")}
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
        contacts, counted = self._contacts(country)
        keys = [k for k, c in contacts.items() if other in c.countries]
        recent = []
        for k in self._recent_keys([k for k in keys if k in counted], contacts):
            c = contacts[k]
            recent.append({
                "id": k, "countries": c.countries, "date": max(c.dates) if c.dates else None, "bucket": c.bucket,
                "status": c.status, "statuses": sorted(c.statuses, key=STATUS_RANK.__getitem__),
                "kinds": sorted(c.kinds)[:MAX_KINDS], "mentions": len(c.articles), "sources": len(c.sources),
                "first_reported": min(c.reported) if c.reported else None,
                "last_reported": max(c.reported) if c.reported else None,
            })
        meetings = _top_meetings((f for k in keys for f in contacts[k].facts), self.recent)
        empty = {**dict.fromkeys(STATUSES, 0), "contacts": 0, "mentions": 0, "sources": 0,
                 "last_contact_date": None, "first_reported": None, "last_reported": None, "recent_contacts": []}
        totals = {k: v for k, v in (row or empty).items() if k != "code"}
        return {"code": country, "counterpart": other, "totals": totals, "contacts": recent, "meetings": meetings}


def build(updates: Iterable[Mapping[str, Any]], now_ms: int = 0, recent: int = DEFAULT_RECENT) -> ContactTables:
    """Batch recomputation with the streaming rule (the property test checks it against the reference fold)."""
    articles: dict[str, dict[str, Any]] = {}
    for update in updates:
        apply_update({}, articles, update, now_ms, recent)
    return load({}, articles, recent)


def load(contacts: Mapping[str, dict[str, Any]], articles: Mapping[str, dict[str, Any]],
         recent: int = DEFAULT_RECENT) -> ContactTables:
    tables = ContactTables(recent)
    for key, value in contacts.items():
        tables.put("contacts", key, value)
    for key, value in articles.items():
        tables.put("articles", key, value)
    return tables
