"""Resolving the time words of a news sentence against the article's publication date.

Event coders usually stamp every event with the publication date; Parley instead resolves only what the words
support. A weekday, "today" or "March 3" gives a day; "December", "late April" or "last month" gives a month
(never an invented day); "in 2014" gives a year; ranges and durations ("next week", "two days", "shortly")
keep their words but resolve to nothing. Without a publication date nothing resolves (the words are kept).

Pure stdlib; every regex is a flat alternation so matching stays linear in the input.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH_NUM = {m: i + 1 for i, m in enumerate(MONTHS)} | _MONTH_ABBR

_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MON = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
)
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_MOD = r"(?:(?:late|early|later|earlier|mid|last|next|this|coming)\s+)?"

# Ordered: the longest, most specific forms first; one scan over the text picks non-overlapping matches.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?:19|20)\d{2}-[01]\d-[0-3]\d\b"),
    ("wd_md", rf"\b{_WD},?\s+{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"),
    ("md", rf"\b{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"),
    ("dm", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+\d{{4}})?\b"),
    ("nth", rf"\bon\s+the\s+\d{{1,2}}(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_MON})"),
    ("wd", rf"\b{_MOD}{_WD}{_PART}\b"),
    ("rel_day", r"\b(?:(?:earlier|later)\s+in\s+the\s+day|today|tonight|yesterday|tomorrow|just\s+now"
                r"|this\s+(?:morning|afternoon|evening)|(?:late\s+)?last\s+night)\b"),
    ("rel_anchor", r"\b(?:(?:the|a|one)\s+day\s+(?:after|before|earlier|later)|the\s+same\s+day"
                   r"|(?:two|three|four|five|six|[2-6])\s+days\s+(?:after|before|earlier|later)"
                   r"|the\s+(?:previous|following|next)\s+(?:day|morning|afternoon|evening|night)"
                   r"|the\s+(?:day|night|evening|morning)\s+before)\b"),
    ("rel_month", r"\b(?:last|next|this|earlier\s+this|later\s+this|the\s+previous|the\s+following)\s+month(?:'s)?"),
    ("rel_year", r"\b(?:last|next|this|earlier\s+this|later\s+this)\s+year(?:'s)?"),
    ("rel_week", r"\b(?:last|next|this|earlier\s+this|later\s+this)\s+week(?:end)?(?:'s)?"),
    ("month_year", rf"\b(?:(?:late|early|mid|last|next|this)[\s-]+)?{_MON}\s+\d{{4}}\b"),
    ("month", rf"\b(?:(?:late|early|mid|last|next|this)[\s-]+)?{_MON}\b"),
    ("year", r"\b(?:19|20)\d{2}\b"),
    ("ago", r"\b(?:a|an|one|two|three|four|five|six|several|few|\d{1,2})\s+(?:days?|weeks?|months?|years?)\s+ago\b"),
    ("vague", r"\b(?:shortly|soon|in\s+the\s+near\s+future|in\s+the\s+coming\s+(?:days|weeks|months))\b"),
)
# Every pattern starts at a word boundary with one of these characters; testing both once, before the alternation,
# spares the 13 alternatives at every other position (about 3x faster, the same matches:
# tests/extractors/core/test_dates).
_FIRST_CHARS = "0-9acdefijlmnostwy"
_B = r"\b"
assert all(rx.startswith(_B) for _, rx in _PATTERNS)
_SCAN = re.compile(rf"{_B}(?=[{_FIRST_CHARS}])(?:" + "|".join(f"(?P<{name}>{rx.removeprefix(_B)})"
                                                             for name, rx in _PATTERNS) + ")", re.IGNORECASE)
_NUM = re.compile(r"\d+")
_RANGE = re.compile(r"\d\s*(?:-|–|to|through|until|and)\s*\d")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int  # offsets into the string that was scanned
    end: int
    kind: str  # the pattern name that matched


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    date: str | None  # YYYY-MM-DD, only when a day is given
    text: str | None
    granularity: str | None  # day | month | year
    period: str | None  # "2017-04-03", "2017-04" or "2017"


def find_dates(text: str) -> list[DateMention]:
    """Every time expression in `text`, left to right, longest first where they overlap."""
    return list(_find_dates(text))


@functools.lru_cache(maxsize=32)
def _find_dates(text: str) -> tuple[DateMention, ...]:
    """Memoised over the last few sentences (about one article's contact sentences, not a corpus): every contact
    word of a sentence asks for that sentence's dates, and the scan costs more than the rest of the date logic."""
    found: list[DateMention] = []
    for m in _SCAN.finditer(text):
        kind = m.lastgroup or "vague"
        words = m.group(0)
        if kind == "month" and words.lower().rstrip(".") in ("may", "mar", "jan", "jun", "dec", "oct", "nov"):
            # "may" is mostly the modal verb; a bare abbreviation is too ambiguous to trust.
            if words[0].islower() or words.lower() != "may" and len(words) <= 4:
                continue
            if words == "May" and m.start() == 0:
                continue
        if kind == "year" and not _plausible_year(text, m.start(), m.end()):
            continue
        if kind == "nth" and not _bare_day_of_month(text, m.end()):
            continue
        found.append(DateMention(words, m.start(), m.end(), kind))
    return tuple(found)


# Words that may follow "on the 14th" when it is a day of the month; any other word makes the ordinal a count of
# something else ("on the 14th floor", "on the 75th anniversary").
_AFTER_NTH = frozenset({"at", "in", "and", "when", "with", "after", "before", "to", "for", "as", "but", "while",
                        "during", "or", "amid", "ahead", "following", "on", "over", "by"})


def _bare_day_of_month(text: str, end: int) -> bool:
    """"met on the 14th, ...": an ordinal with no noun after it is the day of the current month."""
    nxt = _WORD.match(text[end:].lstrip().lower())
    return nxt is None or not text[end:end + 1].isspace() or nxt.group(0) in _AFTER_NTH


def _plausible_year(text: str, start: int, end: int) -> bool:
    """A four-digit number is a year unless it is part of a larger figure ("1,600 homes", "2000 troops")."""
    before = text[max(0, start - 1) : start]
    after = text[end : end + 1]
    if before in (",", ".", "$") or after in (",", ".") and text[end + 1 : end + 2].isdigit():
        return False
    tail = text[end : end + 12].lower()
    return not re.match(r"\s+(?:troops|people|homes|soldiers|members|km|miles|dollars|tons)\b", tail)


def _weekday(text: str) -> int | None:
    low = text.lower()
    for i, name in enumerate(WEEKDAYS):
        if name in low:
            return i
    return None


_ANCHORED_DAY = re.compile(
    r"^(?:on\s+)?(?:(?:the|a|one)\s+day\s+(?P<a>after|later|before|earlier)|the\s+(?P<b>previous|following|next)\s+(?:day|morning|afternoon|evening|night)"
    r"|the\s+(?:day|night|evening|morning)\s+(?P<c>before)|the\s+(?P<same>same)\s+day"
    r"|(?P<n>two|three|four|five|six|[2-6])\s+days\s+(?P<d>after|later|before|earlier))$"
)
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def day_shift(text: str | None) -> int | None:
    """For words that place a day one day from another event ("the day after", "the previous day", "a day
    before", "the previous evening", "two days earlier"): the shift in days from that event (+1, -1, -2; 0 for
    "the same day"); None for any other words.
    `resolve_date` gives them no day: the other event's day is the caller's to find."""
    if not text:
        return None
    m = _ANCHORED_DAY.match(" ".join(text.lower().split()))
    if m is None:
        return None
    if m.group("same"):
        return 0  # "On the same day": the other event's own day
    if m.group("n"):  # "two days earlier": as many days
        n = _COUNT.get(m.group("n")) or int(m.group("n"))
        return n if m.group("d") in ("after", "later") else -n
    word = m.group("a") or m.group("b") or m.group("c")
    return 1 if word in ("after", "later", "following", "next") else -1


def _month(text: str) -> int | None:
    for w in _WORD.findall(text.lower()):
        if w in _MONTH_NUM:
            return _MONTH_NUM[w]
    return None


def _year_in(text: str) -> int | None:
    for n in _NUM.findall(text):
        if len(n) == 4:
            return int(n)
    return None


def _day_in(text: str) -> int | None:
    for n in _NUM.findall(text):
        if len(n) <= 2:
            return int(n)
    return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_date(text: str | None, published: date | None, future: bool = False) -> ResolvedDate:
    """Resolve the words `text` against `published`; `future` says the sentence speaks of what is to come.

    Weekdays go to the most recent such day on or before `published` (past) or the first on or after it
    (future); month names without a year go to the nearest such month in the same direction.
    """
    if not text:
        return ResolvedDate(None, None, None, None)
    low = " ".join(text.lower().split())
    if published is None:
        return ResolvedDate(None, text, None, None)
    iso = _ISO.fullmatch(low)
    if iso is not None:  # "2024-05-06": a readout's date, no year to infer
        d = _valid_day(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if d is not None:
            return ResolvedDate(d.isoformat(), text, "day", d.isoformat())
    if low.endswith(" ago"):
        return ResolvedDate(None, text, None, None)  # "two weeks ago": a distance, not a calendar unit
    if _RANGE.search(low):
        return ResolvedDate(None, text, None, None)  # "July 13 to 14", "3-5 May": a range names no single day
    year_given = _year_in(low)
    month = _month(low)
    wd = _weekday(low)
    if month is not None and (day := _day_in(low)) is not None:
        year = year_given or _infer_year(published, month, day, future)
        d = _valid_day(year, month, day)
        if d is not None:
            return ResolvedDate(d.isoformat(), text, "day", d.isoformat())
    if wd is not None:
        d = _resolve_weekday(wd, published, future, low)
        return ResolvedDate(d.isoformat(), text, "day", d.isoformat())
    nth = _NTH_DAY.fullmatch(low)
    if nth is not None:
        return _day_of_month(int(nth.group(1)), text, published, future)
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening)|in the day|just now)\b", low):
        return ResolvedDate(published.isoformat(), text, "day", published.isoformat())
    if "yesterday" in low or "last night" in low:
        d = published - timedelta(days=1)
        return ResolvedDate(d.isoformat(), text, "day", d.isoformat())
    if "tomorrow" in low:
        d = published + timedelta(days=1)
        return ResolvedDate(d.isoformat(), text, "day", d.isoformat())
    if re.search(r"\bmonth\b", low):
        delta = -1 if re.search(r"\b(last|previous)\b", low) else 1 if re.search(r"\b(next|following)\b", low) else 0
        y, m = _shift_month(published.year, published.month, delta)
        return ResolvedDate(None, text, "month", f"{y:04d}-{m:02d}")
    if re.search(r"\byear\b", low):
        delta = -1 if "last" in low else 1 if "next" in low else 0
        return ResolvedDate(None, text, "year", f"{published.year + delta:04d}")
    if month is not None:
        if year_given is not None:
            return ResolvedDate(None, text, "month", f"{year_given:04d}-{month:02d}")
        y = _infer_year(published, month, None, future or "next " in low)
        if "last " in low:
            y = published.year if month < published.month else published.year - 1
        return ResolvedDate(None, text, "month", f"{y:04d}-{month:02d}")
    if year_given is not None and re.fullmatch(r"(in |since |the )?(19|20)\d\d", low):
        return ResolvedDate(None, text, "year", f"{year_given:04d}")
    return ResolvedDate(None, text, None, None)


_ISO = re.compile(r"(?:on )?(\d{4})-(\d{2})-(\d{2})")
_NTH_DAY = re.compile(r"(?:on )?the (\d{1,2})(?:st|nd|rd|th)")


def _day_of_month(day: int, text: str, published: date, future: bool) -> ResolvedDate:
    """"on the 14th": that day of the publication month, or of the month before (past) or after (future) when
    the publication date is on the wrong side of it."""
    y, m = published.year, published.month
    if not future and day > published.day:
        y, m = _shift_month(y, m, -1)
    elif future and day < published.day:
        y, m = _shift_month(y, m, 1)
    d = _valid_day(y, m, day)
    if d is None:
        return ResolvedDate(None, text, None, None)
    return ResolvedDate(d.isoformat(), text, "day", d.isoformat())


def _infer_year(published: date, month: int, day: int | None, future: bool) -> int:
    """The year that puts (month, day) nearest to `published` on the side the tense points to."""
    key = (month, day or 0)
    now = (published.month, published.day if day else 0)
    if future:
        return published.year + 1 if key < now else published.year
    return published.year - 1 if key > now else published.year


def _resolve_weekday(wd: int, published: date, future: bool, low: str) -> date:
    if "next " in low:
        future = True
    if "last " in low:
        future = False
    delta = wd - published.weekday()
    if future:
        return published + timedelta(days=delta % 7)
    return published - timedelta(days=(-delta) % 7)
