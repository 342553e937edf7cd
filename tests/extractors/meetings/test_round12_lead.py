"""Round 12 (issue 17), the lead's share: "the presidents", "the foreign ministers" as the subject of a contact, with
nothing on them to say whose they are, stand for the officials just told, as "the two presidents" does. Articles
written for these tests (published 2021-03-17, a Wednesday)."""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import meetings_of, rows

CASES = [
    (
        "an agreed next meeting of the presidents just told",
        "Colombian President Ivan Duque and Ecuadorean President Lenin Moreno met on Monday in the border town of "
        "Ipiales. The presidents agreed to meet again in Quito in June.",
        [(("COL", "ECU"), "meeting", "held", "2021-03-15"), (("COL", "ECU"), "meeting", "planned", None)],
    ),
    (
        "the ministers' last meeting, told after this one",
        "Indian Foreign Minister S. Jaishankar met his Chinese counterpart Wang Yi in New Delhi on Tuesday. The "
        "ministers last met in Moscow on September 10, 2020.",
        [(("CHN", "IND"), "meeting", "held", "2021-03-16"), (("CHN", "IND"), "meeting", "held", "2020-09-10")],
    ),
    (
        "ministers told with their states, not by name",
        "The foreign ministers of Latvia and Lithuania will meet in Riga in May, the Latvian foreign ministry said "
        "on Tuesday. The ministers last met in Vilnius on January 12.",
        [(("LTU", "LVA"), "meeting", "planned", None), (("LTU", "LVA"), "meeting", "held", "2021-01-12")],
    ),
]

NEAR_MISSES = [
    (
        "ministers of other states named with them: not the pair just told",
        "Indian Foreign Minister S. Jaishankar met his Chinese counterpart Wang Yi in New Delhi on Tuesday. The "
        "ministers of the Gulf states will meet in Doha next week.",
        [(("CHN", "IND"), "meeting", "held", "2021-03-16")],
    ),
    (
        "presidents of clubs met for no state",
        "Brazilian President Jair Bolsonaro met Argentine President Alberto Fernandez on Monday. Separately, the "
        "presidents of the two football clubs met in Santos to discuss the transfer.",
        [(("ARG", "BRA"), "meeting", "held", "2021-03-15")],
    ),
    (
        "an office told in general is not the people of the call just told",
        "Chancellor Olaf Scholz and President Emmanuel Macron agreed in a telephone call on Monday to hold talks at "
        "the level of defence ministers. The ministers last met in Paris in the autumn.",
        [(("DEU", "FRA"), "call", "held", "2021-03-15"), (("DEU", "FRA"), "talks", "planned", None)],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES + NEAR_MISSES, ids=[c[0] for c in CASES + NEAR_MISSES])
def test_round12_lead_contacts(nlp, name: str, text: str, expected: list) -> None:
    assert rows(meetings_of(nlp, text)) == expected
