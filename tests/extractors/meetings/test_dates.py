"""A contact's day where the parser hangs the time phrase off the contact word: on the verb the contact noun hangs
on through a preposition, or on the last party named inside the contact's own phrase. Our own short articles."""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str, str, list[Row]]] = [
    (
        "the verb a summit hangs on through 'in' dates it",
        "2024-06-14",
        "On June 12, President of Chile Ana Rojas took part in the summit of the leaders of the Pacific Alliance in "
        "Lima, together with Peruvian President Luis Quispe and Colombian President Ivan Duque.",
        [(("CHL", "COL", "PER"), "summit", "held", "2024-06-12")],
    ),
    (
        "the same with a weekday",
        "2024-06-14",
        "On Wednesday, Kenyan President Daniel Kiptoo took part in the summit of the heads of state of the East "
        "African Community in Arusha, together with Tanzanian President Amina Hassan.",
        [(("KEN", "TZA"), "summit", "held", "2024-06-12")],
    ),
    (
        "a time on the verb that talks follow ('after talks') is their day",
        "2024-03-06",
        "Ghana's President Kofi Mensah and Togo's President Yawo Agbeko agreed on Tuesday to reopen the border, "
        "after talks at the presidential palace in Lome.",
        [(("GHA", "TGO"), "talks", "held", "2024-03-05")],
    ),
    (
        "a time hung on the last party inside 'a meeting between A and B'",
        "2016-09-15",
        "The joint communique came out of a meeting between Argentine Deputy Foreign Minister Carlos Foradori and "
        "the UK Minister of State Alan Duncan in Buenos Aires on Tuesday.",
        [(("ARG", "GBR"), "meeting", "held", "2016-09-13")],
    ),
    (
        "a trip made for talks dates them",
        "2024-05-08",
        "Malawi's President Peter Banda flew to Lusaka on Monday to hold talks with Zambian President Hakainde "
        "Hichilema on the railway.",
        [(("MWI", "ZMB"), "talks", "held", "2024-05-06")],
    ),
    (
        "a trip still ahead makes the talks it is for planned",
        "2024-05-08",
        "Fiji's Prime Minister Sitiveni Rabuka will fly to Wellington on Thursday to meet New Zealand Prime Minister "
        "Christopher Luxon, his office said.",
        [(("FJI", "NZL"), "meeting", "planned", "2024-05-09")],
    ),
    (
        "a time of another clause stays out",
        "2024-10-10",
        "The accord, signed on Monday by the fisheries agencies, followed a meeting between Norwegian Foreign Minister "
        "Erik Dahl and Icelandic Foreign Minister Gudrun Olafsdottir in Reykjavik.",
        [(("ISL", "NOR"), "meeting", "held", None)],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_contact_day(nlp, name: str, published: str, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
