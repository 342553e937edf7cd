"""The officeholders dictionary: who held which office when, so a name alone resolves to its country.

Wire copy names people without their countries ("Marco Rubio held talks with Badr Abdelatty"). The dictionary
(`extractors/data/officeholders/*.tsv`, format in the README there) answers "whose official is this name at the
article's date?". The resolver asks it only after the article's own words (a title, a demonym, a possessive), and
before the learned people snapshot and the article's context; it never guesses: a name that fits people of several
states ("Kim", "Abdullah") resolves only when the text supports one of them (the title it gives, a country it
names), else stays unresolved.

Dates: a term given by year only counts from January of its first year to December of its last. A person named
after their term still belongs to their state (a former prime minister); a bare surname is trusted only for
people in office around the article's date, since surnames are shared far more often than full names.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from anyascii import anyascii

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "officeholders"
COLUMNS = ("name", "variants", "short", "country", "role", "office", "start", "end")
ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "spokesperson",
                   "heir", "deputy_head", "minister", "igo_head", "igo_official"})
# Words news puts before a name that are not part of it; dropped before a second lookup ("Sheikh Tamim" is also
# listed as written, so styles that are part of how a person is named still match first).
HONORIFICS = frozenset(
    "mr mrs ms miss dr sir dame lord lady his her their majesty highness royal excellency he hm hrh "
    "sheikh sheikha shaikh king queen prince princess crown emir amir sultan president premier chancellor "
    "general gen marshal field prime minister foreign defence defense secretary state pope cardinal archbishop "
    "former ex late the".split()
)
SURNAME_GRACE_MONTHS = 6
SHARED_PEOPLE = 3  # a bare surname: in office within this many months of the article's date
# Words in a title the article gives -> the dictionary roles that title can denote (support for ambiguous names).
TITLE_ROLES = (
    (("supreme leader", "president", "king", "queen", "emir", "amir", "sultan", "emperor", "leader", "monarch",
      "grand duke", "pope", "head of state", "chairman"), {"head_of_state"}),
    (("prime minister", "premier", "chancellor", "taoiseach", "head of government"), {"head_of_government"}),
    (("foreign minister", "foreign secretary", "secretary of state", "external affairs", "foreign affairs",
      "top diplomat"), {"foreign_minister"}),
    (("defence", "defense", "armed forces", "war minister"), {"defence_minister"}),
    (("spokes", "press secretary", "chief cabinet secretary"), {"spokesperson"}),
    (("crown prince", "heir"), {"heir"}),
    (("vice president", "vice-president", "deputy prime minister", "deputy premier"), {"deputy_head"}),
    (("secretary-general", "secretary general", "director-general", "director general", "managing director",
      "high commissioner", "high representative", "commission president", "envoy", "commissioner"),
     {"igo_head", "igo_official"}),
)


class DictionaryError(ValueError):
    """A dictionary file that cannot be used; the message names the file and the row."""


@dataclass(frozen=True, slots=True)
class Term:
    """One row: one person in one office for one span of months."""

    name: str
    key: str  # norm(name): with the country, the person
    country: str
    role: str
    office: str
    start: tuple[int, int]  # (year, month), month 1 when only the year is known
    end: tuple[int, int] | None  # (year, month), month 12 when only the year is known; None while in office
    source: str  # "file:row", for `parley actors who`

    def covers(self, month: tuple[int, int], grace: int = 0) -> bool:
        lo = _shift(self.start, -grace)
        hi = _shift(self.end, grace) if self.end else (9999, 12)
        return lo <= month <= hi

    def ended_before(self, month: tuple[int, int]) -> bool:
        return self.end is not None and self.end < month

    def span(self) -> str:
        end = f"{self.end[0]}-{self.end[1]:02d}" if self.end else "now"
        return f"{self.start[0]}-{self.start[1]:02d} to {end}"


@dataclass(slots=True)
class Answer:
    """What the dictionary says about one name at one date, with the reason (shown by `parley actors who`)."""

    country: str | None
    reason: str
    terms: list[Term] = field(default_factory=list)  # the terms the answer rests on (all candidates if ambiguous)


@dataclass(slots=True)
class Dictionary:
    full: dict[str, list[Term]]  # normalised full name or variant -> terms
    short: dict[str, list[Term]]  # normalised short form ("lavrov", "sheikh tamim") -> terms
    shared: frozenset[str]  # short forms many people bear ("kim", "khan") or that are a given name ("abdullah")
    starts: dict[str, int]  # first word of a full name or variant -> the most words such a name has
    rows: int


NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_DROP = re.compile(r"[.'`\u2019]")
_SPLIT = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """Lower-case ASCII words: diacritics and transliteration marks folded, dots and apostrophes dropped, hyphens
    as spaces, so "Recep Tayyip Erdoğan", "S. Jaishankar" and "Sahle-Work" meet their plain spellings."""
    if name.isascii() and name.replace(" ", "").isalpha():  # the common case, without regular expressions
        return " ".join(name.lower().split())
    text = name if name.isascii() else anyascii(unicodedata.normalize("NFC", name))
    return " ".join(_SPLIT.split(_DROP.sub("", text.lower()))).strip()


def _shift(month: tuple[int, int], by: int) -> tuple[int, int]:
    n = month[0] * 12 + (month[1] - 1) + by
    return n // 12, n % 12 + 1


def _parse_month(value: str, end: bool) -> tuple[int, int]:
    if len(value) == 4 and value.isdigit():
        return int(value), 12 if end else 1
    year, _, month = value.partition("-")
    if len(value) == 7 and year.isdigit() and month.isdigit() and 1 <= int(month) <= 12:
        return int(year), int(month)
    raise ValueError(f"date {value!r} is not YYYY or YYYY-MM")


@functools.lru_cache(maxsize=1)
def _valid_codes() -> frozenset[str]:
    import json

    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    reference = json.loads((DATA_DIR.parent / "reference.json").read_text(encoding="utf-8"))
    return frozenset(codes | set(reference["igos"]))


Row = tuple[Term, list[str], list[str]]  # a term with its name variants and short forms


def read_rows(path: Path) -> list[Row]:
    """The terms of one file, validated; a DictionaryError names the file and row of the first problem."""
    rows: list[Row] = []
    seen: dict[tuple[str, str, str, tuple[int, int]], int] = {}
    codes = _valid_codes()
    lines = path.read_text(encoding="utf-8").splitlines()
    header = tuple(lines[0].split("\t")) if lines else ()
    if header != COLUMNS:
        raise DictionaryError(f"{path}:1: header must be {' '.join(COLUMNS)} (tab-separated), got {header!r}")
    fname = str(path)
    for row_no, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        row = line.split("\t")
        if len(row) != len(COLUMNS):
            raise DictionaryError(f"{fname}:{row_no}: {len(row)} fields, expected {len(COLUMNS)} (tab-separated)")
        name, variants, short, country, role, office, start, end = (c.strip() for c in row)
        problem = _row_problem(name, variants, short, country, role, office, codes)
        try:
            began = _parse_month(start, end=False)
            ended = _parse_month(end, end=True) if end else None
        except ValueError as exc:
            problem = problem or str(exc)
        else:
            if ended is not None and ended < began:
                problem = problem or f"term ends ({end}) before it starts ({start})"
        if problem:
            raise DictionaryError(f"{fname}:{row_no}: {problem}")
        key = (norm(name), country, role, began)
        if key in seen:
            raise DictionaryError(f"{fname}:{row_no}: duplicate of row {seen[key]} (same name, country, role, start)")
        seen[key] = row_no
        term = Term(name, key[0], country, role, office, began, ended, f"{fname}:{row_no}")
        rows.append((term, variants.split("|") if variants else [], short.split("|") if short else []))
    return rows


def _row_problem(name: str, variants: str, short: str, country: str, role: str, office: str,
                 codes: frozenset[str]) -> str | None:
    if not name or not office:
        return "name and office are required"
    if country not in codes:
        return f"unknown country code {country!r} (ISO 3166-1 alpha-3 or IGO:XX)"
    if role not in ROLES:
        return f"unknown role {role!r} (one of {', '.join(sorted(ROLES))})"
    if "||" in f"|{variants}|" and variants or "||" in f"|{short}|" and short:
        return "empty name variant (a stray '|')"
    return None


def builtin_files() -> list[Path]:
    return sorted(DATA_DIR.glob("*.tsv"))


def build(paths: Sequence[Path]) -> Dictionary:
    """Reads and validates every file, then indexes full names, variants and short forms. A full name that the
    files do not list ("Mike Pompeo" for "Michael Pompeo") is not matched by its parts: given names differ too
    often between namesakes ("Sonny Young" is not "Stuart Young")."""
    full: dict[str, list[Term]] = defaultdict(list)
    short: dict[str, list[Term]] = defaultdict(list)
    given: set[str] = set()
    rows = 0
    for path in paths:
        for term, variants, shorts in read_rows(path):
            rows += 1
            given.add(term.key.split(" ", 1)[0])
            names = {term.key} | {norm(v) for v in variants}
            for key in names:
                if key:
                    full[key].append(term)
            for s in shorts:
                if norm(s):
                    short[norm(s)].append(term)
    # A short form is "shared" when it is someone's given name or names three people or more: common surnames
    # ("Kim", "Khan", "Singh") that news uses for many people the dictionary does not list.
    shared = {k for k, terms in short.items() if len({t.key for t in terms}) >= SHARED_PEOPLE or k in given}
    starts: dict[str, int] = {}
    for key in full:
        words = key.split()
        starts[words[0]] = max(starts.get(words[0], 0), len(words))
    return Dictionary(dict(full), dict(short), frozenset(shared), starts, rows)


_extra_files: tuple[Path, ...] = ()


def configure(extra_files: Iterable[str | Path]) -> Dictionary:
    """Adds users' own dictionary files (the PARLEY_ACTORS_FILES setting) to the built-in ones and validates them
    now, so a bad file stops the start with its file and row rather than failing on the first article."""
    global _extra_files
    _extra_files = tuple(Path(p) for p in extra_files)
    dictionary.cache_clear()
    return dictionary()


@functools.lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    return build([*builtin_files(), *_extra_files])


def dictionary_version() -> str:
    """Part of the extractor version: a hash of every dictionary file's bytes (built-in and the users')."""
    digest = hashlib.sha256()
    for path in [*builtin_files(), *_extra_files]:
        digest.update(path.read_bytes())
    return "oh-" + digest.hexdigest()[:12]


def _roles_of_title(title: str | None) -> set[str]:
    if not title:
        return set()
    low = title.lower()
    out: set[str] = set()
    for words, roles in TITLE_ROLES:
        if any(w in low for w in words):
            out |= roles
    return out


def _person(t: Term) -> tuple[str, str]:
    return t.key, t.country


def _decide(terms: list[Term], reason: str, title: str | None, countries: set[str] | None,
            need_support: bool = False) -> Answer:
    """One country when the candidates agree, or when the title or the text's countries single one out."""
    found = {t.country for t in terms}
    if len(found) == 1 and not need_support:
        return Answer(found.pop(), reason, terms)
    hint = _roles_of_title(title)
    if hint:
        fitting = [t for t in terms if t.role in hint]
        if len({t.country for t in fitting}) == 1:
            return Answer(fitting[0].country, reason + ", title " + repr(title), fitting)
    if countries:
        named = [t for t in terms if t.country in countries]
        if len({t.country for t in named}) == 1:
            return Answer(named[0].country, reason + ", country named in the article", named)
    return Answer(None, "ambiguous: " + ", ".join(sorted(found)), terms)


# Months before a term's start in which a full name is still read as that office's (appointments are reported ahead)
FULL_NAME_GRACE_MONTHS = 3


def _at(month: tuple[int, int] | None, terms: list[Term], grace: int = 0) -> list[Term]:
    if month is None:
        return terms
    return [t for t in terms if t.covers(month, grace)]


def who(name: str, on: date | None = None, title: str | None = None, countries: set[str] | None = None,
        book: Dictionary | None = None) -> Answer:
    """The state `name` spoke for at the date `on`, with the reason; None when unknown or ambiguous.

    `title` is the office the article gives the person, `countries` the states the article names: both only
    narrow an ambiguous name, never overrule a unique one (the caller asks only when the text says nothing)."""
    book = book or dictionary()
    month = (on.year, on.month) if on else None
    key = norm(name)
    words = key.split()
    # "Marcos Jr.", "Ferdinand Marcos Jr": a generational suffix is no part of the name the dictionary lists
    bare = [w for w in words if w not in HONORIFICS and w not in NAME_SUFFIXES] or words
    for k in dict.fromkeys((key, " ".join(bare))):
        terms = book.full.get(k)
        if terms:
            people = {_person(t) for t in terms}
            if len(people) > 1 and month:  # namesakes: the one in office then, else the one in office before
                terms = _at(month, terms) or [t for t in terms if t.ended_before(month)] or terms
            if month and all(month < _shift(t.start, -FULL_NAME_GRACE_MONTHS) for t in terms) and any(
                    t.country.startswith("IGO:") for t in terms):
                # "Economy Minister Christine Lagarde" years before she led the IMF: she spoke for a state then,
                # which the text must tell
                return Answer(None, f"full name {k!r}: in an international office only later", terms)
            return _decide(terms, f"full name {k!r}", title, countries)
    for k in dict.fromkeys((key, " ".join(bare))):
        terms = book.short.get(k)
        if terms:
            in_office = _at(month, terms, SURNAME_GRACE_MONTHS)
            if month and not in_office:
                return Answer(None, f"short name {k!r}: nobody of that name in office then", terms)
            if k in book.shared:  # "Kim", "Khan", "Abdullah": the date alone is not enough, the text must say
                return _decide(in_office, f"shared short name {k!r}", title, countries, need_support=True)
            return _decide(in_office, f"short name {k!r}", title, countries)
    return Answer(None, "not in the dictionary")


# States whose names put the family name first ("Wang Yi", "Kim Jong Un", "Pham Minh Chinh"): there a shared short
# form is a family name, not a given name.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "VNM"})


def family_name_country(name: str, on: date | None, book: Dictionary | None = None) -> str | None:
    """The state of a family name many officeholders bear when all of them in office at the date are of one
    family-name-first state ("Lavrov met Wang": every Wang then in office is Chinese); None otherwise, and always
    for a given name ("Abdullah") or a surname of several states ("Kim": both Koreas)."""
    if on is None:
        return None
    book = book or dictionary()
    key = norm(name)
    terms = _at((on.year, on.month), book.short.get(key, []), SURNAME_GRACE_MONTHS)
    states = {t.country for t in terms}
    if len(states) != 1 or not states <= FAMILY_NAME_FIRST or any(t.key.split()[0] != key for t in terms):
        return None
    return states.pop()


def office_at(answer: Answer, on: date | None) -> Term | None:
    """The office the person held at the date (the latest one before it, for a former officeholder)."""
    if not answer.terms or answer.country is None:
        return None
    mine = [t for t in answer.terms if t.country == answer.country]
    if on is None:
        return max(mine, key=lambda t: t.start)
    month = (on.year, on.month)
    held = [t for t in mine if t.covers(month)]
    if held:
        return min(held, key=lambda t: sorted(ROLES).index(t.role))
    before = [t for t in mine if t.ended_before(month)]
    return max(before, key=lambda t: t.end or (0, 0)) if before else min(mine, key=lambda t: t.start)
