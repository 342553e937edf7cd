"""The kind a contact is reported with (round 13, `extractors.meetings.kinds.told_kind`, `visit_names_contact` and
the in-person conversation of `triggers`): a visit and the one meeting held during it are one contact, named a visit
when the text calls it one; words of motion ("flew to X, where she held talks"), a trip that only places someone ("is
expected in X") and a trip made for a named gathering leave the meeting its own word; a conversation held at a venue
is a meeting; "conferred with" is a meeting; a meeting at a named summit stays a meeting. Short articles written for
these tests (never corpus text); each case gives (countries, kind) of every contact.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import meetings_of

CASES: list[tuple[str, str, str, list[tuple[tuple[str, ...], str]]]] = [
    (
        "an official visit whose talks are told after it: one contact, the visit",
        "2024-03-15",
        "Chilean President Gabriel Boric will pay an official visit to Spain next week. During the visit, Boric will "
        "hold talks with Prime Minister Pedro Sanchez in Madrid.",
        [(("CHL", "ESP"), "visit")],
    ),
    (
        "an arrival that calls the trip a visit, and the meeting told after it: the visit",
        "2023-04-18",
        "Australian Foreign Minister Penny Wong arrived in Port Vila on Tuesday for her first visit to Vanuatu as "
        "minister. She met Prime Minister Charlot Salwai at his office.",
        [(("AUS", "VUT"), "visit")],
    ),
    (
        "near miss: a word of motion only brings the visitor to the meeting",
        "2023-04-18",
        "Australian Foreign Minister Penny Wong, who flew into Port Vila on Tuesday morning, met Vanuatu Prime "
        "Minister Charlot Salwai at his office.",
        [(("AUS", "VUT"), "meeting")],
    ),
    (
        "near miss: a trip made for talks is the talks",
        "2023-06-05",
        "Finnish President Sauli Niinisto will travel to Budapest on Wednesday for talks with Hungarian Prime Minister "
        "Viktor Orban.",
        [(("FIN", "HUN"), "talks")],
    ),
    (
        "near miss: presence only leaves the meeting a meeting",
        "2023-03-02",
        "The talks opened the way for a meeting between Omani Foreign Minister Badr Albusaidi and his Jordanian "
        "counterpart Ayman Safadi, who is expected in Muscat next month.",
        [(("JOR", "OMN"), "meeting")],
    ),
    (
        "near miss: a trip made for a named gathering leaves the talks talks",
        "2023-08-15",
        "Brazilian President Luiz Inacio Lula da Silva is due in Johannesburg next week for the BRICS summit, where he "
        "is expected to hold talks with South African President Cyril Ramaphosa.",
        [(("BRA", "ZAF"), "talks")],
    ),
    (
        "a private conversation at a palace is a meeting",
        "2023-09-22",
        "Egyptian President Abdel Fattah al-Sisi and Jordanian King Abdullah II held a private conversation at the "
        "Ittihadiya Palace on Thursday evening.",
        [(("EGY", "JOR"), "meeting")],
    ),
    (
        "near miss: a telephone conversation stays a call",
        "2023-09-22",
        "Egyptian President Abdel Fattah al-Sisi held a telephone conversation with Jordanian King Abdullah II on "
        "Thursday evening.",
        [(("EGY", "JOR"), "call")],
    ),
    (
        "conferred with: a meeting",
        "2024-04-22",
        "Irish Foreign Minister Micheal Martin conferred with Danish Foreign Minister Lars Lokke Rasmussen in "
        "Brussels on Monday.",
        [(("DNK", "IRL"), "meeting")],
    ),
    (
        "near miss: the summit of a named gathering leaves the sidelines meeting a meeting",
        "2024-11-18",
        "Turkish President Recep Tayyip Erdogan met Japanese Prime Minister Shigeru Ishiba on the sidelines of the G20 "
        "summit in Rio de Janeiro on Monday. The summit ended on Tuesday with a declaration on hunger.",
        [(("JPN", "TUR"), "meeting")],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reported_kind(nlp, name: str, published: str, text: str, expected: list[tuple[tuple[str, ...], str]]) -> None:
    assert [(tuple(m.countries), m.kind) for m in meetings_of(nlp, text, published)] == expected
