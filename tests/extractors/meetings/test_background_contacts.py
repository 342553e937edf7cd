"""Background contacts told in passing (round 5): "the two leaders last met in X", "the pair first spoke by
phone", told beside the article's main contact. Short articles written for these tests (never corpus text).

Each case gives the whole expected output as (countries, kind, status, date), like `test_extract.CASES`.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "recall after a side contact: the story's own pair, not the side contact's",
        "2024-09-12",
        "Chilean President Gabriel Boric received Peruvian President Dina Boluarte in Santiago on Wednesday for "
        "talks on lithium and migration. Peruvian Foreign Minister Elmer Schialer is scheduled to meet Argentine "
        "Foreign Minister Gerardo Werthein in Buenos Aires on Friday. The two presidents had last held talks in "
        "Lima in March.",
        [(("CHL", "PER"), "talks", "held", "2024-09-11"), (("ARG", "PER"), "meeting", "planned", "2024-09-13"),
         (("CHL", "PER"), "talks", "held", None)],
    ),
    (
        "recall right after two named people of no group office: the leaders of the story",
        "2024-02-20",
        "Greek Prime Minister Kyriakos Mitsotakis held talks with Turkish President Recep Tayyip Erdogan in Ankara "
        "on Monday. On Sunday the two countries' foreign ministers, Giorgos Gerapetritis and Hakan Fidan, spoke by "
        "phone. The two leaders first met in Vilnius in July.",
        [(("GRC", "TUR"), "talks", "held", "2024-02-19"), (("GRC", "TUR"), "call", "held", "2024-02-18"),
         (("GRC", "TUR"), "meeting", "held", None)],
    ),
    (
        "the pair: the two just named, in a call told apart from the meeting",
        "2024-06-04",
        "Brazilian Foreign Minister Mauro Vieira met his Indian counterpart S. Jaishankar in New Delhi on Monday. "
        "The pair first spoke by telephone in January.",
        [(("BRA", "IND"), "meeting", "held", "2024-06-03"), (("BRA", "IND"), "call", "held", None)],
    ),
    (
        "no contact told yet: the two states named just before",
        "2024-11-05",
        "Norway and Iceland on Tuesday agreed to pool their fisheries research vessels in the North Atlantic. "
        "The agreement was signed in Oslo. Earlier, the two prime ministers held a working breakfast meeting.",
        # "Earlier" in the story of the lead's day: that day (storyday.py)
        [(("ISL", "NOR"), "meeting", "held", "2024-11-05")],
    ),
    (
        "near miss: two clubs last met",
        "2024-10-01",
        "Celtic host Atletico Madrid on Wednesday in the Champions League. The two sides last met in Glasgow in a "
        "2-2 draw in 2018.",
        [],
    ),
    (
        "near miss: two chief executives, then the two",
        "2024-04-18",
        "Airbus chief executive Guillaume Faury and Tata Sons chairman Natarajan Chandrasekaran opened an assembly "
        "line in Vadodara on Wednesday. The two last met in Toulouse in 2022.",
        [],
    ),
    (
        "near miss: calling a tender is no call",
        "2024-03-12",
        "Estonia and Latvia will build a joint rail depot near the border, the two governments said. Both "
        "governments would call a tender for the works next year.",
        [],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_background_contact(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
