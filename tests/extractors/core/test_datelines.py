"""Wire datelines, one grammar for the resolver, the meeting and the quote extractors."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.core.datelines import dateline_at, dateline_city, dateline_end, story_day

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


WIDE_CASES = [  # the shapes of outlets beyond the big wires: (text, expected dateline, city)
    ("NEW DELHI, Dec 3 (PTI): Ministers met.", "NEW DELHI, Dec 3 (PTI): ", "NEW DELHI"),
    ("New Delhi, Sep 9 (PTI) Ministers met.", "New Delhi, Sep 9 (PTI) ", "New Delhi"),  # no mark after the agency
    ("Beijing, 3 December (Xinhua) -- Ministers met.", "Beijing, 3 December (Xinhua) -- ", "Beijing"),
    ("MOSCOW, December 3. /TASS/. Ministers met.", "MOSCOW, December 3. /TASS/. ", "MOSCOW"),
    ("Nairobi, Kenya | Dec. 3, 2019 | Ministers met.", "Nairobi, Kenya | Dec. 3, 2019 | ", "Nairobi"),
    ("Abu Dhabi, 3rd December, 2019 (WAM) -- Ministers met.", "Abu Dhabi, 3rd December, 2019 (WAM) -- ", "Abu Dhabi"),
    ("HAVANA, Apr 3 (EFE).- Ministers met.", "HAVANA, Apr 3 (EFE).- ", "HAVANA"),
    ("BAKU, January 12 (APA). Ministers met.", "BAKU, January 12 (APA). ", "BAKU"),
    ("Lausanne, March 31, IRNA -- Ministers met.", "Lausanne, March 31, IRNA -- ", "Lausanne"),
    ("KYIV: Ministers met.", "KYIV: ", "KYIV"),
    ("Kathmandu, Jul 2: Ministers met.", "Kathmandu, Jul 2: ", "Kathmandu"),
    ("Jakarta - Ministers met.", "Jakarta - ", "Jakarta"),
    ("(Reuters) - Ministers met.", "(Reuters) - ", None),
]


@pytest.mark.parametrize(("text", "head", "city"), WIDE_CASES)
def test_wider_datelines(text: str, head: str, city: str | None) -> None:
    assert text[: dateline_end(text)] == head
    assert (dateline_city(text) or None) == city


@pytest.mark.parametrize("text", ["MODERATOR: Good afternoon.", "Kerry (retranslated): Thank you.",
                                  "President Putin (pictured) - said", "Iran: Zarif says no", "Sunday, December 3 - x",
                                  "Lavrov - who met", "Xi (C) - waves", "Update: the talks",
                                  "Moscow (Reuters) Ministers met", "President Ruto, March 3 (right) The"])
def test_labels_and_names_are_no_datelines(text: str) -> None:
    assert dateline_end(text) == 0


def test_story_day_is_the_datelines_day() -> None:
    assert story_day("NEW DELHI, Dec 3 (PTI): x", date(2019, 12, 4)) == date(2019, 12, 3)  # page dated the next day
    assert story_day("Abu Dhabi, 3rd December, 2019 (WAM) -- x", None) == date(2019, 12, 3)  # page not dated
    assert story_day("By Jane Doe\nReuters\n\nSEOUL, Sept. 30 (Yonhap) -- x", date(2019, 10, 1)) == date(2019, 9, 30)
    assert story_day("SEOUL, Dec. 3 (Yonhap) -- x", None) is None  # no year, no page date
    assert story_day("KYIV (Reuters) - x", date(2019, 1, 1)) == date(2019, 1, 1)  # no date: the page's
    assert story_day("MOSCOW, March 3. /TASS/. x", date(2019, 12, 1)) == date(2019, 12, 1)  # far off: the page's


def test_a_dateline_with_no_mark_after_the_agency_gives_its_day() -> None:
    assert story_day("NEW DELHI, Sept 9 (PTI) Ministers met today.", date(2023, 9, 11)) == date(2023, 9, 9)
