"""The place of a contact told by the story rather than its own words (round 11, `frame_place.py`): the gathering
or stay the article has placed, a trip the contact is told inside, a town before "where", a region after a town.
Short articles written for these tests (never corpus text).

Each case gives (countries, status, location_country) of every contact, in order.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import meetings_of

Place = tuple[tuple[str, ...], str, str | None]

CASES: list[tuple[str, str, str, list[Place]]] = [
    (
        "bilaterals of a ministerial the lead places in its host city",
        "2025-06-05",
        "Finland's Foreign Minister Elina Valtonen is attending the Council of the Baltic Sea States meeting, held "
        "in Tallinn on Thursday. Valtonen held talks in the morning with Foreign Minister Radoslaw Sikorski of "
        "Poland.",
        [(("FIN", "POL"), "held", "EST")],
    ),
    (
        "a side contact at a summit the traveller flew into",
        "2025-10-24",
        "Canadian Prime Minister Mark Carney, who flew into Kuala Lumpur on Friday for the regional summit, "
        "said trade would top his agenda. Carney later sat down with Indonesian President Prabowo Subianto.",
        [(("CAN", "IDN"), "held", "MYS")],
    ),
    (
        "shuttle between two capitals: each talk in its own town",
        "2025-05-15",
        "Egyptian Foreign Minister Badr Abdelatty shuttled on Wednesday between Khartoum and Juba, holding talks "
        "first with Sudanese leader Abdel Fattah al-Burhan and then with South Sudanese President Salva Kiir.",
        [(("EGY", "SDN"), "held", "SDN"), (("EGY", "SSD"), "held", "SSD")],
    ),
    (
        "a town the tagger misses before 'where'",
        "2025-03-10",
        "Indian Foreign Minister S. Jaishankar leaves on Tuesday for Canberra, where he will meet Australian "
        "Foreign Minister Penny Wong.",
        [(("AUS", "IND"), "planned", "AUS")],
    ),
    (
        "a region after the town says which state it is in",
        "2025-01-20",
        "Japanese Prime Minister Shigeru Ishiba will visit Donald Trump at his home in Palm Beach, Florida, next "
        "month.",
        [(("JPN", "USA"), "planned", "USA")],
    ),
    (
        "a venue of the state the visitor is told to be in, not the visitor's",
        "2025-02-13",
        "Indonesian President Prabowo Subianto spent his second day in Turkey on Thursday, and the Indonesian "
        "delegation signed a dozen agreements. Prabowo, who has praised Indonesia's ties with the Muslim world, "
        "held talks with President Recep Tayyip Erdogan at the presidential complex in the afternoon.",
        [(("IDN", "TUR"), "held", "TUR")],
    ),
    (
        "near miss: a call during a stay has no place",
        "2025-06-05",
        "Polish President Andrzej Duda held talks with Lithuanian President Gitanas Nauseda in Vilnius on "
        "Thursday. Duda later spoke by phone with Ukrainian President Volodymyr Zelensky.",
        [(("LTU", "POL"), "held", "LTU"), (("POL", "UKR"), "held", None)],
    ),
    (
        "near miss: a trip still to come frames nothing held",
        "2025-06-05",
        "Dutch Prime Minister Dick Schoof will fly to Ankara next week. Schoof met Belgian Prime Minister Bart "
        "De Wever on Thursday.",
        [(("BEL", "NLD"), "held", None)],
    ),
    (
        "near miss: a gathering still to come places nothing held before it",
        "2025-06-17",
        "BRUSSELS - The EU's foreign policy chief Kaja Kallas spent Tuesday preparing for next week's summit in "
        "Copenhagen. Kallas held talks with Moldovan President Maia Sandu in the morning.",
        [(("IGO:EU", "MDA"), "held", None)],
    ),
    (
        "near miss: the dateline city alone never places the talks",
        "2025-06-05",
        "WARSAW, June 5 (Wire) - Polish Foreign Minister Radoslaw Sikorski held talks with his Czech counterpart "
        "Jan Lipavsky on Thursday.",
        [(("CZE", "POL"), "held", None)],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_place_from_the_story(nlp, name: str, published: str, text: str, expected: list[Place]) -> None:
    got = [(tuple(m.countries), m.status, m.location_country) for m in meetings_of(nlp, text, published)]
    assert got == expected
