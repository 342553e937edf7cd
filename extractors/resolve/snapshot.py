"""The people snapshot: Parley's memory of who is who across articles, as a versioned JSON file.

Built from Parley's own confident resolutions (participants and speakers with a country, from extraction
output), loaded by workers at start. Extraction stays a pure function of (article, snapshot): the snapshot is
read-only while extracting, and its version is part of the extractor version.

Rules the resolver follows when it consults a snapshot (extractors/resolve/people_country.py):
- the article's own words always win: the snapshot only fills a country/role the text leaves open;
- time: an entry is trusted only when its last sighting is at most `MAX_AGE_DAYS` before the article's date
  (and it was first seen no more than `MAX_AGE_DAYS` after it). When the article has no date, entries WITH
  dates are trusted (the snapshot is the only memory there is); entries without any date are trusted only
  for articles without a date.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from extractors.resolve.data import words

SNAPSHOT_FORMAT = 1
MAX_AGE_DAYS = 3 * 366
MIN_NAME_WORDS = 2  # only full names teach the snapshot ("Lavrov" alone is too weak to learn from)
MIN_AGREEMENT = 0.8  # share of sightings that must agree on the country
GENERIC_WORDS = frozenset(
    "official officials ministry department office administration government spokesman spokesperson spokeswoman "
    "diplomat diplomats source sources embassy agency newspaper reports media delegation leaders".split()
)
STOP = frozenset({"mr", "mrs", "ms", "dr", "the", "a", "an", "of", "miss"})


def name_key(name: str) -> str:
    """Normalised key of a person's name: lower-case words without honorifics ("Mr. Sergey Lavrov" -> "sergey
    lavrov")."""
    return " ".join(w.lower() for w, _, _ in words(name) if w.lower().rstrip(".") not in STOP)


def _looks_like_a_name(name: str) -> bool:
    """A person's name, not a description ("a Foreign Ministry official", "U.S. officials", "the Kremlin")."""
    ws = [w for w, _, _ in words(name)]
    if not ws or not ws[0][:1].isupper() or ws[0].lower() in ("a", "an", "the", "one", "two"):
        return False
    return not any(w.lower() in GENERIC_WORDS for w in ws)


def _day(value: Any) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    return None


def _sightings(record: Mapping[str, Any], published: str | None) -> Iterable[tuple[str, str, str | None, str | None]]:
    for m in record.get("meetings") or []:
        for p in m.get("participants") or []:
            yield p.get("name") or "", p.get("country") or "", p.get("role"), published
    for q in record.get("quotes") or []:
        yield q.get("speaker") or "", q.get("speaker_country") or "", q.get("speaker_role"), published


def build_snapshot(records: Iterable[Mapping[str, Any]], published_by_id: Mapping[str, Any] | None = None,
                   min_sightings: int = 1) -> dict[str, Any]:
    """A snapshot dict from extraction rows (`parley extract` output lines, or gold-format articles).

    Each record gives meetings' participants and quotes' speakers; its date is `record["published"]` or
    `published_by_id[record["id"]]`. A person is kept when named with at least two words, with a country in at
    least `min_sightings` sightings that agree on one country (>= 80%); IGO codes are kept as countries. Roles
    are kept per role with first/last dates seen. The result is deterministic for the same input set (sorted)."""
    by_key: dict[str, dict[str, Any]] = {}
    countries: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, dict[str, list[str | None]]] = defaultdict(dict)
    seen: dict[str, list[str]] = defaultdict(list)
    undated: Counter[str] = Counter()
    for rec in records:
        pub = _day(rec.get("published"))
        if pub is None and published_by_id is not None:
            pub = _day(published_by_id.get(str(rec.get("id"))))
        for name, country, role, day in _sightings(rec, pub):
            key = name_key(name)
            if len(key.split()) < MIN_NAME_WORDS or not country or not _looks_like_a_name(name):
                continue
            countries[key][country] += 1
            names[key][name.strip()] += 1
            if day:
                seen[key].append(day)
            else:
                undated[key] += 1
            if role:
                span = roles[key].setdefault(role, [day, day])
                if day:
                    span[0] = min(d for d in (span[0], day) if d) if span[0] else day
                    span[1] = max(d for d in (span[1], day) if d) if span[1] else day
    for key in sorted(countries):
        total = sum(countries[key].values())
        country, n = sorted(countries[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if n < min_sightings or n / total < MIN_AGREEMENT:
            continue
        days = sorted(seen[key])
        by_key[key] = {
            "name": sorted(names[key].items(), key=lambda kv: (-len(kv[0]), -kv[1], kv[0]))[0][0],
            "country": country,
            "roles": {r: {"first_seen": v[0], "last_seen": v[1]} for r, v in sorted(roles[key].items())},
            "first_seen": days[0] if days else None,
            "last_seen": days[-1] if days else None,
            "sightings": total,
        }
    snap: dict[str, Any] = {"format": SNAPSHOT_FORMAT, "people": by_key}
    snap["version"] = snapshot_version(snap)
    return snap


def snapshot_version(snapshot: Mapping[str, Any] | None) -> str:
    """"people-none" without a snapshot, else "people-" + 12 hex digits of the SHA-256 of its people table."""
    if not snapshot:
        return "people-none"
    canon = json.dumps(snapshot.get("people", {}), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "people-" + hashlib.sha256(canon.encode("utf-8")).hexdigest()[:12]


def save_snapshot(snapshot: Mapping[str, Any], path: str | Path) -> None:
    """Writes the snapshot as sorted, indented JSON (diffable; same content gives the same bytes)."""
    Path(path).write_text(json.dumps(snapshot, sort_keys=True, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load_snapshot(path: str | Path) -> dict[str, Any]:
    """Reads a snapshot file, checks its format and version, and adds the surname index used by `lookup`."""
    snap = json.loads(Path(path).read_text(encoding="utf-8"))
    if snap.get("format") != SNAPSHOT_FORMAT:
        raise ValueError(f"unsupported people snapshot format: {snap.get('format')!r}")
    if snap.get("version") != snapshot_version(snap):
        raise ValueError("people snapshot version does not match its content (edited by hand?)")
    return index_snapshot(snap)


def index_snapshot(snap: dict[str, Any]) -> dict[str, Any]:
    """Adds `_by_surname` (last word -> keys) so one-word mentions ("Lavrov said") can be looked up."""
    idx: dict[str, list[str]] = defaultdict(list)
    for key in snap.get("people", {}):
        idx[key.split()[-1]].append(key)
    snap["_by_surname"] = {k: sorted(v) for k, v in idx.items()}
    return snap


def _trusted(entry: Mapping[str, Any], published: date | None) -> bool:
    first, last = entry.get("first_seen"), entry.get("last_seen")
    if published is None:
        return True
    if not last:
        return False
    if date.fromisoformat(last) < published - timedelta(days=MAX_AGE_DAYS):
        return False
    return not (first and date.fromisoformat(first) > published + timedelta(days=MAX_AGE_DAYS))


def _role_at(entry: Mapping[str, Any], published: date | None) -> str | None:
    roles = entry.get("roles") or {}
    if not roles:
        return None
    if published is None:
        return sorted(roles.items(), key=lambda kv: (kv[1].get("last_seen") or "", kv[0]))[-1][0]
    pub = published.isoformat()
    covering = [r for r, v in roles.items() if (v.get("first_seen") or "") <= pub <= (v.get("last_seen") or "9999")]
    if covering:
        return sorted(covering)[0]
    before = [(v.get("last_seen") or "", r) for r, v in roles.items() if (v.get("last_seen") or "") <= pub]
    if before:
        last, role = max(before)
        if last and date.fromisoformat(last) >= published - timedelta(days=MAX_AGE_DAYS):
            return role
    return None


def lookup(snapshot: Mapping[str, Any] | None, name: str, published: date | None) -> tuple[str, str | None] | None:
    """(country, role at the article's date or None) for a name in the snapshot, or None when the name is unknown,
    ambiguous (a surname shared by two trusted people) or not trusted at that date."""
    if not snapshot:
        return None
    people = snapshot.get("people") or {}
    key = name_key(name)
    if not key:
        return None
    keys = [key] if key in people else []
    if not keys:
        by_surname = snapshot.get("_by_surname")
        if by_surname is None:
            by_surname = index_snapshot(dict(snapshot))["_by_surname"]
        keys = list(by_surname.get(key.split()[-1], []))
        if len(key.split()) > 1:
            keys = [k for k in keys if k.split()[0][:1] == key.split()[0][:1]]
    trusted = [k for k in keys if _trusted(people[k], published)]
    if len({people[k]["country"] for k in trusted}) != 1:
        return None
    entry = people[trusted[0]]
    return entry["country"], _role_at(entry, published)
