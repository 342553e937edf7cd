"""The kind of a contact told by several words (round 11, `extractors.meetings.kinds`): a contact word that only
dates, places or motivates another ("before the summit", "at the G20 summit", "to prepare for the summit") does not
name it; talks told with a verb of hosting name the contact the verb tells; a summit outranks a round of talks.
Short articles written for these tests (never corpus text); each case gives (countries, kind) of every contact.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import meetings_of

CASES: list[tuple[str, str, str, list[tuple[tuple[str, ...], str]]]] = [
    (
        "a time phrase naming another contact: the meeting, not the summit",
        "2024-05-20",
        "Before the opening of the summit, Spanish Prime Minister Pedro Sanchez held a brief meeting with "
        "Portuguese Prime Minister Luis Montenegro in Madrid on Monday.",
        [(("ESP", "PRT"), "meeting")],
    ),
    (
        "the talks told first only date the meeting",
        "2024-05-20",
        "After the plenary talks, Polish President Andrzej Duda had a one-on-one meeting with Lithuanian President "
        "Gitanas Nauseda in Vilnius on Monday.",
        [(("LTU", "POL"), "meeting")],
    ),
    (
        "a named gathering as the venue of a planned meeting",
        "2024-05-20",
        "Canadian Prime Minister Justin Trudeau met Mexican President Andres Manuel Lopez Obrador in Ottawa on "
        "Monday. The two leaders will see each other again at the G7 summit in Italy next month.",
        [(("CAN", "MEX"), "meeting"), (("CAN", "MEX"), "meeting")],
    ),
    (
        "a summit the meeting prepares for",
        "2024-05-20",
        "The foreign ministers of Latvia and Lithuania will meet in Riga next week to prepare for the summit in June.",
        [(("LTU", "LVA"), "meeting")],
    ),
    (
        "talks held where the host received the guest",
        "2024-05-20",
        "Senegalese President Bassirou Diomaye Faye hosted Gambian President Adama Barrow at the presidential palace "
        "in Dakar on Monday, where the two leaders held talks on fishing and border trade.",
        [(("GMB", "SEN"), "talks")],
    ),
    (
        "a round of talks held by two leaders: their talks, not a negotiation round",
        "2024-05-20",
        "Turkish President Recep Tayyip Erdogan will hold a second round of talks with Greek Prime Minister Kyriakos "
        "Mitsotakis in Athens on Friday.",
        [(("GRC", "TUR"), "talks")],
    ),
    (
        "near miss: a round of talks between negotiators stays a negotiation",
        "2024-05-20",
        "Negotiators from Kenya and Tanzania held a third round of talks on their border in Arusha on Monday.",
        [(("KEN", "TZA"), "negotiation")],
    ),
    (
        "near miss: met for a summit stays a summit",
        "2024-05-20",
        "Slovak Prime Minister Robert Fico and Czech Prime Minister Petr Fiala met for a summit in Bratislava on "
        "Monday.",
        [(("CZE", "SVK"), "summit")],
    ),
    (
        "near miss: a host and a working lunch stay a meeting",
        "2024-05-20",
        "Belgian Prime Minister Alexander De Croo hosted Dutch Prime Minister Mark Rutte for a working lunch in "
        "Brussels on Monday.",
        [(("BEL", "NLD"), "meeting")],
    ),
    (
        "near miss: talks named in passing leave the host's meeting alone",
        "2024-05-20",
        "Bulgarian President Rumen Radev received Romanian President Klaus Iohannis in Sofia on Monday, and said "
        "nothing would stand in the way of any talks the region chose to hold.",
        [(("BGR", "ROU"), "meeting")],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_kind_of_contact(nlp, name: str, published: str, text: str,
                         expected: list[tuple[tuple[str, ...], str]]) -> None:
    assert [(tuple(m.countries), m.kind) for m in meetings_of(nlp, text, published)] == expected
