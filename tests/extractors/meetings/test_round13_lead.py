"""Round 13 (issue 17), the lead's share: a dateline the parser took for the lead's subject, titles the tokenizer cut
from their full stop, a one-word name with a rank, "his A and B counterparts, X and Y", the visitor's stay and the
gathering it is for, trips told with "left for", a deal negotiated "with" someone, and private people (a singer, a
footballer, fans) who make no state's contact. Articles written for these tests (published 2021-03-17, a
Wednesday)."""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import meetings_of, rows

CASES = [
    (
        "a dateline with a lower-case agency, its city parsed as the lead's subject",
        "Minsk, Belarus (dpa) - Russian Foreign Minister Sergei Lavrov called on Belarus on Tuesday to tighten border "
        "controls, after talks with Belarusian Foreign Minister Maxim Ryzhenkov in the capital.",
        [(("BLR", "RUS"), "talks", "held", "2021-03-16")],
    ),
    (
        "'the Hon.' before the person met",
        "Japanese Foreign Minister Yoko Kamikawa held a meeting with the Hon. Penny Wong, Minister for Foreign Affairs "
        "of Australia, on Monday.",
        [(("AUS", "JPN"), "meeting", "held", "2021-03-15")],
    ),
    (
        "'Prince X' is the prince of that name, not the sheikh last named",
        "Saudi Crown Prince Mohammed bin Salman received Qatar's Emir Sheikh Tamim bin Hamad Al Thani on Tuesday. "
        "Sheikh Mohammed bin Rashid Al Maktoum, Vice-President of the UAE, led his country's delegation. Prince "
        "Mohammed and Sheikh Tamim later held a bilateral meeting.",
        [(("QAT", "SAU"), "meeting", "held", "2021-03-16")],
    ),
    (
        "respective counterparts: each name of its own state",
        "Turkish Foreign Minister Mevlut Cavusoglu on Monday hosted his Russian and Ukrainian counterparts, Sergey "
        "Lavrov and Dmytro Kuleba, in Antalya.",
        [(("RUS", "TUR", "UKR"), "meeting", "held", "2021-03-15")],
    ),
    (
        "the visitor's stay and the gathering it is for are no parties of the talks",
        "Japanese Foreign Minister Yoko Kamikawa, who is visiting Rio de Janeiro, Brazil, to attend the G20 Foreign "
        "Ministers' Meeting, held a meeting with Australian Foreign Minister Penny Wong on Monday.",
        [(("AUS", "JPN"), "meeting", "held", "2021-03-15")],
    ),
    (
        "'who was in X to attend' a gathering: one contact",
        "On Monday, Japanese Foreign Minister Yoko Kamikawa, who was in Jakarta to attend the ASEAN meetings, held "
        "talks with Australian Foreign Minister Penny Wong.",
        [(("AUS", "JPN"), "talks", "held", "2021-03-15")],
    ),
    (
        "left for a capital on a state visit",
        "Chinese President Xi Jinping left for Kathmandu on Tuesday for a two-day state visit to Nepal.",
        [(("CHN", "NPL"), "visit", "held", "2021-03-16")],
    ),
    (
        "a deal negotiated with a president",
        "Argentine President Alberto Fernandez will travel to La Paz next week to negotiate a new gas supply contract "
        "with Bolivian President Luis Arce.",
        [(("ARG", "BOL"), "negotiation", "planned", None)],
    ),
]

NEAR_MISSES = [
    ("a singer's visit", "British pop star Ed Sheeran capped his India visit with a concert in Mumbai on Tuesday.", []),
    ("a footballer's visit", "Portuguese footballer Cristiano Ronaldo arrived in Tokyo on Monday for a three-day visit "
     "to Japan.", []),
    ("riders of two states who met fans", "The French and Belgian cyclists, Julian Alaphilippe and Remco Evenepoel, "
     "met fans in Brussels on Sunday.", []),
    ("a union negotiating with employers", "The dock workers' union is negotiating a new wage contract with port "
     "operators in Rotterdam.", []),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES + NEAR_MISSES, ids=[c[0] for c in CASES + NEAR_MISSES])
def test_round13_lead_contacts(nlp, name: str, text: str, expected: list) -> None:
    assert rows(meetings_of(nlp, text)) == expected


def test_an_abbreviated_title_keeps_its_sentence(nlp) -> None:
    """The tokenizer keeps "Hon." whole, so the parser does not end the sentence there."""
    doc = nlp("They met the Hon. Penny Wong in Tokyo. Then they left.")
    assert [s.text for s in doc.sents] == ["They met the Hon. Penny Wong in Tokyo.", "Then they left."]
