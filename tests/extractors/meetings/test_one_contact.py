"""One real-world contact told two ways is one record (round 14, `one_contact.py`): a plan and the held report of the
same day, a span of days and a day inside it, a trip and the meeting it was made for; contacts their own words tell
apart (another part of the day, "again", a trip of several days) stay apart. Short articles written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractors.core.dates import ResolvedDate
from extractors.core.types import Participant
from extractors.meetings.one_contact import day_in_range, one_word_alias
from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "plan of the day and the update that reports it held",
        "2024-05-14",
        "Chinese Premier Li Qiang will hold talks with New Zealand Prime Minister Christopher Luxon in Wellington "
        "today.\n\nUPDATE 3.40pm: Li and Luxon held talks at Parliament House for about 90 minutes, the Prime "
        "Minister's office said.",
        [(("CHN", "NZL"), "talks", "held", "2024-05-14")],
    ),
    (
        "set to meet later on Saturday, then held a summit on Saturday",
        "2025-11-01",
        "Chinese President Xi Jinping is meeting Canadian Prime Minister Mark Carney later on Saturday, officials "
        "said.\n\nXi and Carney met on the sidelines of the APEC forum in Gyeongju on Saturday.",
        [(("CAN", "CHN"), "meeting", "held", "2025-11-01")],
    ),
    (
        "meeting again in the evening stays a second contact",
        "2025-11-01",
        "South Korean President Lee Jae-myung held talks with Chinese President Xi Jinping in Gyeongju on Saturday "
        "morning.\n\nThe two leaders will meet again on Saturday evening at a banquet.",
        [(("CHN", "KOR"), "talks", "held", "2025-11-01"), (("CHN", "KOR"), "meeting", "planned", "2025-11-01")],
    ),
    (
        "a day inside the span of the visit",
        "2025-11-03",
        "German Chancellor Friedrich Merz visited Ankara from November 1 to 2 and held a summit with President Recep "
        "Tayyip Erdogan.\n\nThe two leaders held talks for about three hours in the presidential palace.",
        [(("DEU", "TUR"), "summit", "held", None)],
    ),
    (
        "a trip made to meet: one contact",
        "2025-03-12",
        "Japan and North Korea have not held a summit since May 2004, when Prime Minister Junichiro Koizumi made his "
        "second trip to Pyongyang to meet Kim Jong Il.",
        [(("JPN", "PRK"), "summit", "held", None)],
    ),
    (
        "the visit closed by a news conference is the meeting just told",
        "2025-02-11",
        "Danish Prime Minister Mette Frederiksen and Swedish Prime Minister Ulf Kristersson met in Stockholm on "
        "Monday.\n\nThe two leaders spoke alone for an hour. They ended the visit with a joint press conference.\n\n"
        "Danish Foreign Minister Lars Lokke Rasmussen met Swedish Foreign Minister Maria Malmer Stenergard in "
        "Copenhagen last week.",
        [(("DNK", "SWE"), "meeting", "held", "2025-02-10"), (("DNK", "SWE"), "meeting", "held", None)],
    ),
    (
        "a visit with a programme beyond the talks stays its own entry",
        "2025-02-11",
        "Danish Prime Minister Mette Frederiksen and Swedish Prime Minister Ulf Kristersson met in Stockholm on "
        "Monday.\n\nThe two leaders then toured a battery factory. They ended the visit with a joint press "
        "conference.\n\nDanish Foreign Minister Lars Lokke Rasmussen met Swedish Foreign Minister Maria Malmer "
        "Stenergard in Copenhagen last week.",
        [(("DNK", "SWE"), "meeting", "held", "2025-02-10"), (("DNK", "SWE"), "visit", "held", None),
         (("DNK", "SWE"), "meeting", "held", None)],
    ),
    (
        "a minister named again by the given name alone is the same person",
        "2025-07-08",
        "Thai Foreign Minister Maris Sangiampongsa met Cambodian Prime Minister Hun Manet in Phnom Penh on Monday."
        "\n\nIn Phnom Penh on Monday, Maris met Hun Manet and Deputy Prime Minister Prak Sokhonn.",
        [(("KHM", "THA"), "meeting", "held", "2025-07-07")],
    ),
    (
        "a visit one is on is under way, whatever leg of it is still to come",
        "2025-07-07",
        "Brazilian President Luiz Inacio Lula da Silva held talks with Indian Prime Minister Narendra Modi in "
        "Brasilia on Monday.\n\nModi, who is on a four-day state visit to Brazil that will take him to Manaus on "
        "Wednesday, told reporters that India wanted more Brazilian crude.",
        [(("BRA", "IND"), "talks", "held", "2025-07-07"), (("BRA", "IND"), "visit", "held", None)],
    ),
    (
        "a first-visit-since apposition does not date the meeting",
        "2025-10-16",
        "Prime Minister Christopher Luxon has met Chinese President Xi Jinping in Beijing, in the first visit to "
        "China by a New Zealand leader since 2019.\n\nThe two leaders talked for about an hour at the Great Hall of "
        "the People on Thursday afternoon.",
        [(("CHN", "NZL"), "meeting", "held", "2025-10-16"), (("CHN", "NZL"), "visit", "held", None)],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_one_contact(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected


def test_one_word_alias() -> None:
    full, given, other = (Participant("Maris Sangiampongsa", "THA", None), Participant("Maris", "THA", None),
                          Participant("Anutin Charnvirakul", "THA", None))
    assert one_word_alias([full], [given], "THA") and one_word_alias([given], [full], "THA")
    assert not one_word_alias([other], [given], "THA")
    assert not one_word_alias([full], [given], "KHM")


def test_day_in_range() -> None:
    span = ResolvedDate(None, "November 1 to 2", None, None)
    assert day_in_range(span, ResolvedDate(date(2025, 11, 1).isoformat(), "November 1", "day", "2025-11-01"))
    assert not day_in_range(span, ResolvedDate("2025-11-03", "Monday", "day", "2025-11-03"))
    assert day_in_range(ResolvedDate(None, "13-14 July", None, None),
                        ResolvedDate("2025-07-14", "Monday", "day", "2025-07-14"))
    assert not day_in_range(ResolvedDate(None, "next week", None, None),
                            ResolvedDate("2025-07-14", "Monday", "day", "2025-07-14"))
