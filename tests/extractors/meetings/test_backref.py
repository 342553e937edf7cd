"""Back-references to a contact of a pair already told (round 13, `backref.py`): a definite contact noun with no
time of its own retells the contact of its kind whatever status its clause suggests ("to prepare the meeting",
"expected to sign a deal at the summit"); one whose own phrase gives another time is an earlier contact ("following
their meeting in Seoul in May 2022"); "This was the third meeting between the two" counts the contact just told; the
people of "held talks to prepare the summit" are not the summit's; "received a phone call from X" names the caller.
Short articles written for these tests.

Each case gives the whole expected output as (countries, kind, status, date), like `test_extract.CASES`.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "a call to prepare the meeting: the meeting already told, not a planned one",
        "2024-06-06",
        "Chilean President Gabriel Boric held talks with Peruvian President Dina Boluarte in Lima on Thursday. "
        "The two presidents had spoken by telephone on Monday to prepare the meeting.",
        [(("CHL", "PER"), "talks", "held", "2024-06-06"), (("CHL", "PER"), "call", "held", "2024-06-03")],
    ),
    (
        "at the summit inside an expectation: the planned summit told again",
        "2024-02-08",
        "Spanish Prime Minister Pedro Sanchez will hold a summit with Portuguese Prime Minister Antonio Costa in "
        "Lisbon on Saturday. The two leaders are expected to sign a water accord at the summit.",
        [(("ESP", "PRT"), "summit", "planned", "2024-02-10")],
    ),
    (
        "the next meeting stays a contact of its own",
        "2024-02-08",
        "Greek Prime Minister Kyriakos Mitsotakis met Turkish President Recep Tayyip Erdogan in Athens on "
        "Wednesday. The two leaders agreed to hold the next meeting in Ankara in the spring.",
        [(("GRC", "TUR"), "meeting", "held", "2024-02-07"), (("GRC", "TUR"), "meeting", "planned", None)],
    ),
    (
        "their meeting in another month: an earlier contact of the pair",
        "2023-01-19",
        "On January 18, Japanese Foreign Minister Yoshimasa Hayashi held a meeting with South Korean Foreign "
        "Minister Park Jin in Tokyo. This was the third meeting between the two ministers, following their meeting "
        "in Seoul in May 2022.",
        [(("JPN", "KOR"), "meeting", "held", "2023-01-18"), (("JPN", "KOR"), "meeting", "held", None)],
    ),
    (
        "their talks continued the following day: a planned contact of its own beside the summit",
        "2024-10-10",
        "Mexican President Claudia Sheinbaum will hold a summit with Canadian Prime Minister Justin Trudeau in "
        "Ottawa on Tuesday, and the two leaders will continue their talks in Toronto the following day.",
        [(("CAN", "MEX"), "summit", "planned", "2024-10-15"), (("CAN", "MEX"), "talks", "planned", "2024-10-16")],
    ),
    (
        "an invitation accepted with no object",
        "2023-09-21",
        "Brazilian President Luiz Inacio Lula da Silva met Chinese President Xi Jinping in Beijing on Tuesday. "
        "Lula invited Xi to make a state visit to Brasilia next year, and the Chinese leader accepted.",
        [(("BRA", "CHN"), "meeting", "held", "2023-09-19"), (("BRA", "CHN"), "visit", "planned", None)],
    ),
    (
        "a phone call received from the caller",
        "2024-10-10",
        "Qatari Emir Sheikh Tamim bin Hamad Al Thani received a phone call on Thursday from Turkish President "
        "Recep Tayyip Erdogan.",
        [(("QAT", "TUR"), "call", "held", "2024-10-10")],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_back_reference(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected


def test_preparers_are_not_the_prepared_contacts_people(nlp) -> None:
    """"Deputies held talks to prepare a summit between the two countries' leaders": the deputies are not the
    summit's people, so the summit joins the leaders' planned meeting told next (one planned contact)."""
    ms = meetings_of(nlp, "Chinese Vice Foreign Minister Sun Weidong held talks with Japanese Deputy Foreign Minister "
                          "Masataka Okano in Tokyo on Thursday to prepare a summit between the two countries' leaders. "
                          "Prime Minister Fumio Kishida and President Xi Jinping are expected to meet in San Francisco "
                          "next week.", "2023-11-09")  # fmt: skip
    planned = [m for m in ms if m.status == "planned"]
    assert len(planned) == 1
    assert "Sun Weidong" not in {p.name for p in planned[0].participants}
