"""The place of a contact told by who hosts it (round 12, `host_place.py`): `there`, a hosting verb, a venue of the
host's and never the guest's, a visit of another month that is no place of today's talks, a town hung on the
counterpart, a region named with its state. Short articles written for these tests (never corpus text).

Each case gives (countries, status, location_country) of every contact, in order.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import meetings_of

Place = tuple[tuple[str, ...], str, str | None]

CASES: list[tuple[str, str, str, list[Place]]] = [
    (
        "a venue of the receiving host",
        "2024-03-13",
        "Mongolian President Ukhnaagiin Khurelsukh received Kyrgyz President Sadyr Japarov at the Ikh Tenger "
        "residence on Tuesday. Kyrgyzstan and Kyrgyz traders want more flights between the two countries.",
        [(("KGZ", "MNG"), "held", "MNG")],
    ),
    (
        "a venue of the side that is not 'visiting'",
        "2024-10-05",
        "Czech Prime Minister Petr Fiala and visiting Moldovan President Maia Sandu held talks at the Kramarova "
        "villa on Friday. Moldova hopes Moldovan farmers will gain from the Moldovan export deal.",
        [(("CZE", "MDA"), "held", "CZE")],
    ),
    (
        "a host verb places talks told with no town",
        "2024-09-13",
        "Foreign Minister Penny Wong hosted Tongan Foreign Minister Fekitamoeloa Utoikamanu for talks on Thursday.",
        [(("AUS", "TON"), "held", "AUS")],
    ),
    (
        "a city that hosts the talks of two others",
        "2024-02-01",
        "Oslo hosted several rounds of secret talks between Colombian and Venezuelan officials in 2016.",
        [(("COL", "VEN"), "held", "NOR")],
    ),
    (
        "'there' after a place told earlier in the sentence",
        "2024-05-14",
        "Turkey offered to hold the talks in Antalya, and Armenian and Azerbaijani diplomats are due to sit down "
        "there on Friday.",
        [(("ARM", "AZE"), "planned", "TUR")],
    ),
    (
        "a call made from a palace has no place",
        "2024-03-09",
        "French President Emmanuel Macron spoke by phone with Chinese President Xi Jinping from the Elysee Palace "
        "on Friday.",
        [(("CHN", "FRA"), "held", None)],
    ),
    (
        "a town the parser hangs on the counterpart",
        "2024-05-14",
        "Indian Prime Minister Narendra Modi held informal summits with Chinese President Xi Jinping in Wuhan in "
        "2018 and in Mamallapuram in 2019.",
        # two summits, one per year (`plural_dates.py`); the second's town is not read off the shared clause
        [(("CHN", "IND"), "held", "CHN"), (("CHN", "IND"), "held", None)],
    ),
    (
        "a region named with its state",
        "2024-05-14",
        "The third round of talks between Armenian and Azerbaijani delegations was held on Friday in the Tavush "
        "Region of Armenia.",
        [(("ARM", "AZE"), "held", "ARM")],
    ),
    (
        "grounds of a seat of government",
        "2023-11-27",
        "Japanese Prime Minister Fumio Kishida and Vietnamese President Vo Van Thuong held talks on the lawn of the "
        "Kantei on Monday.",
        [(("JPN", "VNM"), "held", "JPN")],
    ),
    (
        "a visit of an earlier month is not where today's talks are",
        "2024-07-19",
        "Foreign Minister Winston Peters held talks with Samoan Prime Minister Fiame Naomi Mata'afa on Thursday at "
        "Parliament House in Wellington. Peters visited Apia in February.",
        [(("NZL", "WSM"), "held", "NZL"), (("NZL", "WSM"), "held", "WSM")],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_place_by_host(nlp, name: str, published: str, text: str, expected: list[Place]) -> None:
    got = [(tuple(m.countries), m.status, m.location_country) for m in meetings_of(nlp, text, published)]
    assert got == expected
