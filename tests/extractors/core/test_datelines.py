"""Wire datelines, one grammar for the resolver, the meeting and the quote extractors."""

from __future__ import annotations

import pytest

from extractors.core.datelines import dateline_at, dateline_city, dateline_end

DATELINE_CASES = [  # (text, expected dateline end as the text before it)
    ("KYIV (Reuters) - Russia said it would respond.", "KYIV (Reuters) - "),
    ("NAIROBI, Kenya (AP) — Officials said the vote would go ahead.", "NAIROBI, Kenya (AP) — "),
    ("UNITED NATIONS (AP) — The Security Council met on Friday.", "UNITED NATIONS (AP) — "),
    ("WASHINGTON — The talks resumed.", "WASHINGTON — "),
    ("SÃO PAULO, May 4 (Reuters) - Ministers met.", "SÃO PAULO, May 4 (Reuters) - "),
    ("BOGOTÁ (AP) — The talks resumed.", "BOGOTÁ (AP) — "),
    ("The U.S. - Japan alliance is strong.", ""),
    ("Japan (Tokyo) - said nothing.", ""),
]


@pytest.mark.parametrize(("text", "head"), DATELINE_CASES)
def test_dateline(text: str, head: str) -> None:
    assert text[: dateline_end(text)] == head


@pytest.mark.parametrize(("text", "city"), [
    ("ISLAMABAD (Wire) - Border trade stays suspended.", "ISLAMABAD"),
    ("WASHINGTON -- The defense secretary met his counterpart.", "WASHINGTON"),
    ("UNITED NATIONS (AP) — The Security Council met on Friday.", "UNITED NATIONS"),
    ("NAIROBI, Kenya (AP) — Officials said the vote would go ahead.", "NAIROBI"),
    ("ZÜRICH, Jan. 5 (Wire) - Bankers met regulators.", "ZÜRICH"),
    ("REYKJAVÍK — The ministers met.", "REYKJAVÍK"),
    ("The talks resumed in Geneva.", None),
])
def test_dateline_city(text: str, city: str | None) -> None:
    assert dateline_city(text) == city


def test_strict_reading_takes_one_group_of_words_after_the_comma() -> None:
    text = "ALMATY, Kazakhstan, March 3, 2005 - Officials said the pipeline talks would resume in spring."
    assert text[: dateline_end(text)] == "ALMATY, Kazakhstan, March 3, 2005 - "
    assert dateline_at(text, strict=True) is None
    text = "GENEVA, June 3 -- The talks resumed."
    strict = dateline_at(text, strict=True)
    assert strict is not None and text[: strict.end()] == "GENEVA, June 3 -- "


def test_a_dateline_is_read_where_a_paragraph_starts_and_within_it() -> None:
    text = "First paragraph.\n\nBAGHDAD (Wire) - Second paragraph."
    start = text.index("BAGHDAD")
    m = dateline_at(text, start)
    assert m is not None and text[m.start(1):m.end()] == "BAGHDAD (Wire) - "
    assert dateline_at(text, start, start + 10) is None  # the paragraph ends before the dash
    assert dateline_at(text) is None
