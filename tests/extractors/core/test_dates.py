"""Time words resolved against a publication date: days only when the words give a day, never invented."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.core import dates
from extractors.core.dates import day_shift, find_dates, resolve_date

WED = date(2021, 3, 17)  # a Wednesday

# (words, published, future, date, granularity, period)
RESOLVE_CASES = [
    ("Monday", WED, False, "2021-03-15", "day", "2021-03-15"),
    ("Wednesday", WED, False, "2021-03-17", "day", "2021-03-17"),
    ("Wednesday", WED, True, "2021-03-17", "day", "2021-03-17"),
    ("Friday", WED, True, "2021-03-19", "day", "2021-03-19"),
    ("Friday", WED, False, "2021-03-12", "day", "2021-03-12"),
    ("later Tuesday", date(2021, 3, 16), True, "2021-03-16", "day", "2021-03-16"),
    ("Late Saturday morning", date(2021, 3, 21), False, "2021-03-20", "day", "2021-03-20"),
    ("next Monday", WED, False, "2021-03-22", "day", "2021-03-22"),
    ("last Friday", WED, True, "2021-03-12", "day", "2021-03-12"),
    ("today", WED, False, "2021-03-17", "day", "2021-03-17"),
    ("Earlier in the day", WED, False, "2021-03-17", "day", "2021-03-17"),
    ("this evening", WED, True, "2021-03-17", "day", "2021-03-17"),
    ("yesterday", WED, False, "2021-03-16", "day", "2021-03-16"),
    ("just now", WED, False, "2021-03-17", "day", "2021-03-17"),
    ("tomorrow", WED, True, "2021-03-18", "day", "2021-03-18"),
    ("March 3", WED, False, "2021-03-03", "day", "2021-03-03"),
    ("May 4", WED, True, "2021-05-04", "day", "2021-05-04"),
    ("December 12", WED, False, "2020-12-12", "day", "2020-12-12"),
    ("January 9", WED, True, "2022-01-09", "day", "2022-01-09"),
    ("October 19, 2016", WED, False, "2016-10-19", "day", "2016-10-19"),
    ("5 November 2019", WED, False, "2019-11-05", "day", "2019-11-05"),
    ("December", WED, False, None, "month", "2020-12"),
    ("late April", WED, True, None, "month", "2021-04"),
    ("April", WED, False, None, "month", "2020-04"),
    ("February", WED, False, None, "month", "2021-02"),
    ("next month", WED, True, None, "month", "2021-04"),
    ("last month's", WED, False, None, "month", "2021-02"),
    ("earlier this month", WED, False, None, "month", "2021-03"),
    ("June 2019", WED, False, None, "month", "2019-06"),
    ("later this year", WED, True, None, "year", "2021"),
    ("last year", WED, False, None, "year", "2020"),
    ("2014", WED, False, None, "year", "2014"),
    ("next week", WED, True, None, None, None),
    ("this week", WED, True, None, None, None),
    ("shortly", WED, True, None, None, None),
    ("in the near future", WED, True, None, None, None),
    ("two days", WED, False, None, None, None),
    ("two weeks ago", WED, False, None, None, None),
    ("July 13 to 14", WED, True, None, None, None),
]


@pytest.mark.parametrize(("words", "published", "future", "day", "granularity", "period"), RESOLVE_CASES)
def test_resolve(words: str, published: date, future: bool, day, granularity, period) -> None:
    r = resolve_date(words, published, future=future)
    assert (r.date, r.granularity, r.period) == (day, granularity, period)
    assert r.text == words


@pytest.mark.parametrize("words", ["Monday", "late April", "next month", "October 19, 2016", "today"])
def test_without_published_date_nothing_resolves_but_words_stay(words: str) -> None:
    r = resolve_date(words, None)
    assert (r.date, r.granularity, r.period, r.text) == (None, None, None, words)


def test_empty_words() -> None:
    assert resolve_date(None, WED).text is None
    assert resolve_date("", WED).date is None


# (sentence, the time phrases found in it)
FIND_CASES = [
    ("The ministers met on Tuesday in Rome.", ["Tuesday"]),
    ("He will visit Canberra in late April, officials said.", ["late April"]),
    ("The two leaders last met in December 2019.", ["December 2019"]),
    ("Talks are set for March 3 in Vienna.", ["March 3"]),
    ("A 2000 summit opened the way.", ["2000"]),
    ("Officials may meet again next month.", ["next month"]),
    ("The plan covers 1,600 homes and 2000 troops.", []),
    ("Late Saturday morning, the president called his counterpart.", ["Late Saturday morning"]),
    ("They hope to meet in the near future.", ["in the near future"]),
    ("", []),
]


@pytest.mark.parametrize(("sentence", "expected"), FIND_CASES)
def test_find_dates(sentence: str, expected: list[str]) -> None:
    assert [m.text for m in find_dates(sentence)] == expected


def test_find_dates_offsets_point_into_the_text() -> None:
    text = "After talks on Friday, the envoy left for Oslo on June 2."
    for m in find_dates(text):
        assert text[m.start : m.end] == m.text


def test_find_dates_is_fast_on_long_odd_input() -> None:
    text = ("Monday " * 5000) + ("1" * 10000) + (" may" * 5000)
    assert len(find_dates(text)) >= 5000


_DATE_WORDS = ("Monday", "sunday", "June", "jan.", "Sept", "dec", "May", "March", "late", "Early", "mid", "last",
               "next", "this", "coming", "earlier", "later", "in", "the", "day", "today", "Tonight", "yesterday",
               "tomorrow", "morning", "evening", "month's", "year", "week", "weekend", "previous", "following",
               "ago", "a", "an", "one", "two", "few", "several", "shortly", "Soon", "near", "future", "days",
               "months", "3", "21st", "2014", "1999", "of", "to", ",", "-", "x", "Bay", "Gmay", "2000troops")
_PLAIN_SCAN = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in dates._PATTERNS), re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=14), st.text(max_size=6))
def test_scan_with_its_first_character_check_finds_what_the_plain_alternation_finds(words: list[str],
                                                                                     noise: str) -> None:
    text = noise.join(words) if noise else " ".join(words)
    fast = [(m.lastgroup, m.span()) for m in dates._SCAN.finditer(text)]
    assert fast == [(m.lastgroup, m.span()) for m in _PLAIN_SCAN.finditer(text)]


@pytest.mark.parametrize(("text", "shift"), [("the previous day", -1), ("The previous evening", -1),
                                             ("the evening before", -1), ("the following morning", 1),
                                             ("the next night", 1), ("last evening", None), ("the same day", 0),
                                             ("On the same day", 0)])
def test_day_shift_of_a_part_of_the_day(text: str, shift: int | None) -> None:
    """"The previous evening, X had received Y": a part of the day before the contact told, not a time of its own."""
    assert day_shift(text) == shift
    if shift is not None:
        assert [f.kind for f in find_dates(f"{text}, he met her.")] == ["rel_anchor"]


@pytest.mark.parametrize(("text", "published", "future", "day"), [
    ("They met on the 14th, in Jakarta.", date(2023, 6, 17), False, "2023-06-14"),
    ("They met on the 20th.", date(2023, 6, 17), False, "2023-05-20"),  # still to come this month: the month before
    ("They will meet on the 3rd in Paris.", date(2023, 6, 17), True, "2023-07-03"),
    ("They spoke last night.", date(2024, 7, 20), False, "2024-07-19"),
    ("They met on the 6th of May in Paris.", date(2024, 5, 8), False, "2024-05-06"),  # the month's own reading
    ("They met on 2024-05-06 in Paris.", date(2024, 5, 8), False, "2024-05-06"),  # a readout's ISO date
])
def test_a_bare_day_of_the_month_and_last_night(text: str, published: date, future: bool, day: str) -> None:
    found = find_dates(text)
    assert len(found) == 1
    words = found[0].text.removeprefix("on ")
    assert resolve_date(words, published, future=future).date == day


@pytest.mark.parametrize("text", ["an office on the 14th floor", "talks on the 75th anniversary of ties",
                                  "a goal in the 88th minute"])
def test_an_ordinal_before_a_noun_is_no_day(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(("text", "shift"), [("Two days earlier", -2), ("three days after", 3),
                                             ("2 days before", -2)])
def test_day_shift_counts_its_days(text: str, shift: int) -> None:
    """"Two days earlier, X had met Y": as many days before the event told, not one."""
    assert day_shift(text) == shift
    assert [f.kind for f in find_dates(f"{text}, he met her.")] == ["rel_anchor"]
