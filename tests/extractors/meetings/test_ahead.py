"""Contacts still to come told beside a held one (round 14, `ahead.py`): teams or negotiators of both sides, a joint
or binational body "that would meet", a body's next session, "another round with X", a trip made "to brief X";
a visit the traveller "is on" is under way in its own state while a stop in another state is still ahead; a
contact hoped for in a that-clause, a proposed body, a briefing of one's cabinet, of reporters or by telephone make
no planned contact; "discussed a possible visit" is one under discussion (planned), "declined to discuss" it is
none; "later this month" and "next year" are two contacts. Short articles written for these tests.

Each case gives the whole expected output as (countries, kind, status, date), like `test_extract.CASES`.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "negotiators from the two governments will meet: a planned contact of the same pair",
        "2024-04-08",
        "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Monday. Negotiators "
        "from the two governments will meet in Buenos Aires next week to finish the border accord.",
        [(("ARG", "CHL"), "meeting", "held", "2024-04-08"), (("ARG", "CHL"), "talks", "planned", None)],
    ),
    (
        "their teams would meet, agreed in a call",
        "2024-04-08",
        "Canadian Prime Minister Justin Trudeau spoke by telephone with Mexican President Andres Manuel Lopez "
        "Obrador on Monday. The two leaders agreed that their teams would meet in Ottawa in May.",
        [(("CAN", "MEX"), "call", "held", "2024-04-08"), (("CAN", "MEX"), "meeting", "planned", None)],
    ),
    (
        "a joint council that will meet twice a year: one planned entry",
        "2024-04-08",
        "Italian Prime Minister Giorgia Meloni held talks with Croatian Prime Minister Andrej Plenkovic in Rome on "
        "Monday. The two governments will set up a joint economic council that will meet twice a year.",
        [(("HRV", "ITA"), "talks", "held", "2024-04-08"), (("HRV", "ITA"), "meeting", "planned", None)],
    ),
    (
        "a proposed joint council is no plan",
        "2024-04-08",
        "Italian Prime Minister Giorgia Meloni held talks with Croatian Prime Minister Andrej Plenkovic in Rome on "
        "Monday. Meloni proposed a joint economic council that would meet twice a year.",
        [(("HRV", "ITA"), "talks", "held", "2024-04-08")],
    ),
    (
        "the commission's next session, a year later",
        "2024-04-08",
        "Kazakh Foreign Minister Murat Nurtleu met Uzbek Foreign Minister Bakhtiyor Saidov in Astana on Monday. "
        "The ministers agreed that the commission's next session would be held in Tashkent next year.",
        [(("KAZ", "UZB"), "meeting", "held", "2024-04-08"), (("KAZ", "UZB"), "meeting", "planned", None)],
    ),
    (
        "before returning for another round with X",
        "2024-04-08",
        "U.S. envoy Tom Perriello met Sudanese army chief Abdel Fattah al-Burhan in Port Sudan on Monday. He was "
        "to fly to Cairo on Tuesday before returning to Port Sudan on Thursday for another round with Burhan.",
        [(("SDN", "USA"), "meeting", "held", "2024-04-08"), (("SDN", "USA"), "talks", "planned", "2024-04-11")],
    ),
    (
        "will fly to a capital to brief its leader: a planned meeting",
        "2024-04-08",
        "New Zealand Foreign Minister Winston Peters met Chinese Foreign Minister Wang Yi in Wellington on Monday. "
        "Peters will fly to Canberra on Friday to brief Australian Prime Minister Anthony Albanese on the talks.",
        [(("CHN", "NZL"), "meeting", "held", "2024-04-08"), (("AUS", "NZL"), "meeting", "planned", "2024-04-12")],
    ),
    (
        "a call made to brief: the call is the contact, the summit briefed on is the one told",
        "2024-04-08",
        "South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Seoul on Sunday. Yoon "
        "called U.S. President Joe Biden on Monday to brief him on the summit.",
        [(("JPN", "KOR"), "meeting", "held", "2024-04-07"), (("KOR", "USA"), "call", "held", "2024-04-08")],
    ),
    (
        "briefing one's cabinet and reporters makes no contact",
        "2024-04-08",
        "Spanish Prime Minister Pedro Sanchez held talks with Moroccan King Mohammed VI in Rabat on Monday. "
        "Sanchez briefed his cabinet on the talks on Tuesday, and his spokeswoman will brief reporters on Wednesday.",
        [(("ESP", "MAR"), "talks", "held", "2024-04-08")],
    ),
    (
        "a state visit he is on, with a stop in its own state ahead: held",
        "2024-04-08",
        "Singapore's Prime Minister Lee Hsien Loong, who is on a four-day official visit to Vietnam that will take "
        "him to Ho Chi Minh City on Thursday, said trade ties had never been stronger.",
        [(("SGP", "VNM"), "visit", "held", None)],
    ),
    (
        "clubs' teams meeting in a final beside two leaders' meeting: no contact of the leaders' states",
        "2024-06-04",
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday. Both clubs said "
        "their teams would meet in the final in Berlin next week.",
        [(("DEU", "FRA"), "meeting", "held", "2024-06-03")],
    ),
    (
        "a contact hoped for in a that-clause is no plan",
        "2024-04-08",
        "Irish Taoiseach Simon Harris met Belgian Prime Minister Alexander De Croo in Brussels on Monday. The two "
        "leaders hope their teams will one day meet more often.",
        [(("BEL", "IRL"), "meeting", "held", "2024-04-08")],
    ),
    (
        "a possible visit under discussion is planned, its destination hung on the verb",
        "2025-11-01",
        "Chinese President Xi Jinping held talks with South Korean President Lee Jae-myung in Gyeongju on Saturday. "
        "The two leaders also discussed a possible visit by Lee to Beijing next year.",
        [(("CHN", "KOR"), "talks", "held", "2025-11-01"), (("CHN", "KOR"), "visit", "planned", None)],
    ),
    (
        "a possible visit aides declined to discuss is none",
        "2025-11-01",
        "Chinese President Xi Jinping held talks with South Korean President Lee Jae-myung in Gyeongju on Saturday. "
        "Aides declined to discuss a possible visit by Lee to Beijing.",
        [(("CHN", "KOR"), "talks", "held", "2025-11-01")],
    ),
    (
        "later this month and next year: two planned contacts",
        "2024-09-09",
        "Indonesian President Joko Widodo met Malaysian Prime Minister Anwar Ibrahim in Jakarta on Monday. The two "
        "leaders are expected to meet again in Laos later this month, and agreed that their next annual "
        "consultations would be held in Kuala Lumpur next year.",
        [
            (("IDN", "MYS"), "meeting", "held", "2024-09-09"),
            (("IDN", "MYS"), "meeting", "planned", None),
            (("IDN", "MYS"), "talks", "planned", None),
        ],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_contact_ahead(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
