"""Round 11 (issue 17), the lead's share, on what the cold blind5_tune run showed: a venue hung on a person is no
party, signings told as plans or with a named counterpart, a telephone round placed by an international
official, and company bosses who meet for no state. Articles written for these tests."""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import meetings_of, rows

CASES = [
    (
        "a venue hung on the last name is where they met, not a third state",
        "U.S. President Donald Trump met North Korean leader Kim Jong Un in Singapore on Tuesday, the first summit "
        "between the two countries.",
        [(("PRK", "USA"), "summit", "held", "2021-03-16")],
    ),
    (
        "two venues in one phrase: neither is a party",
        "Indian Prime Minister Narendra Modi held talks with Japanese Prime Minister Fumio Kishida in Bali and "
        "Jakarta last week.",
        [(("IND", "JPN"), "talks", "held", None)],
    ),
    (
        "a signing told as a plan is a planned contact",
        "French President Emmanuel Macron and Polish Prime Minister Donald Tusk are due to sign a friendship treaty "
        "in the French city of Nancy on Friday.",
        [(("FRA", "POL"), "meeting", "planned", "2021-03-19")],
    ),
    (
        "a pact signed with a named counterpart is a contact",
        "Japanese Prime Minister Fumio Kishida signed a defence pact with Philippine President Ferdinand Marcos "
        "in Manila on Monday.",
        [(("JPN", "PHL"), "meeting", "held", "2021-03-15")],
    ),
    (
        "an international official telephoning two leaders makes two calls",
        "UN Secretary-General Kofi Annan spoke by telephone on Sunday with French President Jacques Chirac and "
        "British Prime Minister Tony Blair.",
        [(("FRA", "IGO:UN"), "call", "held", "2021-03-14"), (("GBR", "IGO:UN"), "call", "held", "2021-03-14")],
    ),
]

NEAR_MISSES = [
    (
        "two companies' presidents met",
        "Japanese battery maker Sorano Denki will build a plant with China's Heda Power, the companies said on "
        "Monday. The two companies' presidents met in Hangzhou last month to settle the terms.",
    ),
    (
        "two clubs' chairmen met",
        "Spain's Real Sociedad agreed to sell their striker to Italy's Torino on Monday. The two clubs' chairmen met "
        "in Milan last week to close the deal.",
    ),
    (
        "a firm signs a supply deal with another",
        "German carmaker Lindwerk signed a supply deal with Korea's Hanju Batteries in Seoul on Tuesday.",
    ),
    (
        "a conference call is one call",
        "NATO Secretary-General Jens Stoltenberg held a conference call with the foreign ministers of Finland and "
        "Sweden on Monday.",
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_round11_lead_contacts(nlp, name: str, text: str, expected: list) -> None:
    assert sorted(rows(meetings_of(nlp, text))) == sorted(expected)


@pytest.mark.parametrize(("name", "text"), NEAR_MISSES[:3], ids=[c[0] for c in NEAR_MISSES[:3]])
def test_round11_lead_no_contact(nlp, name: str, text: str) -> None:
    assert rows(meetings_of(nlp, text)) == []


def test_a_conference_call_stays_one_call(nlp) -> None:
    assert rows(meetings_of(nlp, NEAR_MISSES[3][1])) == [(("FIN", "IGO:NATO", "SWE"), "call", "held", "2021-03-15")]
