"""The kind of a contact told by "spoke", by a summit renamed after a comma, by talks held "where" a meeting took
place or measured in hours, and by counted rounds of talks (round 14, `extractors.meetings.spoken` and `kinds`).
Short articles written for these tests (never corpus text); each case gives (countries, kind) of every contact.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import meetings_of

CASES: list[tuple[str, str, str, list[tuple[tuple[str, ...], str]]]] = [
    (
        "a pair that last spoke on a day, with no word of presence: a call",
        "2024-04-11",
        "Peruvian President Dina Boluarte and Bolivian President Luis Arce last spoke on March 4, a spokesman said.",
        [(("BOL", "PER"), "call")],
    ),
    (
        "spoke with a counterpart, nothing more: a call",
        "2024-04-11",
        "Danish Foreign Minister Lars Lokke Rasmussen spoke on Tuesday with Norwegian Foreign Minister Espen Barth "
        "Eide about Arctic shipping.",
        [(("DNK", "NOR"), "call")],
    ),
    (
        "spoke at a venue: a meeting",
        "2024-04-11",
        "Danish Foreign Minister Lars Lokke Rasmussen and Norwegian Foreign Minister Espen Barth Eide spoke for an "
        "hour at the Akershus Fortress on Tuesday.",
        [(("DNK", "NOR"), "meeting")],
    ),
    (
        "spoke on the margins of a gathering: a meeting",
        "2024-04-11",
        "Danish Foreign Minister Lars Lokke Rasmussen and Norwegian Foreign Minister Espen Barth Eide spoke briefly "
        "on the margins of the Arctic Council meeting on Tuesday.",
        [(("DNK", "NOR"), "meeting")],
    ),
    (
        "spoke privately: a meeting",
        "2024-04-11",
        "Danish Prime Minister Mette Frederiksen and Swedish Prime Minister Ulf Kristersson spoke privately for "
        "twenty minutes on Tuesday, aides said.",
        [(("DNK", "SWE"), "meeting")],
    ),
    (
        "near miss: a pair that spoke for an hour, after their meeting, is that meeting told again",
        "2024-04-11",
        "Danish Prime Minister Mette Frederiksen met Swedish Prime Minister Ulf Kristersson in Malmo on Tuesday. The "
        "two leaders spoke for more than an hour, aides said.",
        [(("DNK", "SWE"), "meeting")],
    ),
    (
        "spoke by telephone: a call",
        "2024-04-11",
        "Danish Prime Minister Mette Frederiksen and Swedish Prime Minister Ulf Kristersson spoke by telephone on "
        "Tuesday, aides said.",
        [(("DNK", "SWE"), "call")],
    ),
    (
        "a meeting renamed a summit after a comma",
        "2024-04-11",
        "Chinese President Xi Jinping and US President Joe Biden last met near San Francisco in November, a summit at "
        "which they agreed to restore military contacts.",
        [(("CHN", "USA"), "summit")],
    ),
    (
        "near miss: a summit that only dates the meeting",
        "2024-04-11",
        "Chinese President Xi Jinping and Brazilian President Luiz Inacio Lula da Silva met in Beijing in April, a "
        "month before the summit in Hiroshima.",
        [(("BRA", "CHN"), "meeting")],
    ),
    (
        "met, where they held talks: the talks name it",
        "2024-04-11",
        "Egyptian President Abdel Fattah al-Sisi and Jordanian King Abdullah II met in Aqaba on Monday, where they "
        "held about an hour of talks on Gaza.",
        [(("EGY", "JOR"), "talks")],
    ),
    (
        "signed after hours of talks: the talks name it",
        "2024-04-11",
        "Senegalese President Macky Sall and Gambian President Adama Barrow signed a bridge accord in Dakar on Friday "
        "after the two presidents held three hours of talks.",
        [(("GMB", "SEN"), "talks")],
    ),
    (
        "near miss: met for talks stays a meeting",
        "2024-04-11",
        "Spanish Prime Minister Pedro Sanchez met Portuguese Prime Minister Luis Montenegro in Lisbon on Monday for "
        "talks on energy links.",
        [(("ESP", "PRT"), "meeting")],
    ),
    (
        "years of negotiations are a process: they do not name the signing they led to",
        "2011-09-24",
        "Mozambican President Armando Guebuza and Tanzanian President Jakaya Kikwete on Friday signed an accord in "
        "Maputo to manage the waters of the Rovuma River.\n\nThe agreement, reached after three years of technical "
        "negotiations between Mozambique and Tanzania, also sets rules for fishing.",
        [(("MOZ", "TZA"), "meeting")],
    ),
    (
        "counted rounds of talks are talks; one numbered round is a negotiation",
        "2024-04-11",
        "Oman hosted three rounds of talks between Yemeni and Saudi officials in Muscat last year. The fourth round "
        "of talks between Yemeni and Saudi negotiators was held in Riyadh on Monday.",
        [(("SAU", "YEM"), "talks"), (("SAU", "YEM"), "negotiation")],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_kind_of_spoken_and_renamed_contacts(nlp, name: str, published: str, text: str,
                                             expected: list[tuple[tuple[str, ...], str]]) -> None:
    assert [(tuple(m.countries), m.kind) for m in meetings_of(nlp, text, published)] == expected
