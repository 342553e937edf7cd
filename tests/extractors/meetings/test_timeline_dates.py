"""The day of a held contact told in the story's sequence with no time words of its own (`meetings/timeline.py`,
`meetings/storyday.py`): tied to the event told before it ("shortly afterward", "Before that", "later"), to the
lead's day, to a live blog's stamp or to a readout's first line; and the contacts that must keep no day (years ago,
earlier in the year, a previous meeting, a visit of several days). Our own short articles."""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str, str, list[Row]]] = [
    (
        "'shortly afterward' takes the day of the landing told just before",
        "2021-11-04",
        "The Ghanaian delegation landed in Abuja on Tuesday evening. Ghanaian President Nana Akufo-Addo and "
        "Nigerian President Muhammadu Buhari held talks at the Aso Rock villa shortly afterward.",
        [(("GHA", "NGA"), "talks", "held", "2021-11-02")],
    ),
    (
        "'Before that' takes the day of the meeting told before",
        "2022-05-20",
        "Greek Prime Minister Kyriakos Mitsotakis hosted a trilateral summit with the leaders of Cyprus and Egypt "
        "in Athens on Wednesday. Before that, he held a bilateral meeting with Egyptian President Abdel Fattah "
        "al-Sisi.",
        [(("CYP", "EGY", "GRC"), "summit", "held", "2022-05-18"), (("EGY", "GRC"), "meeting", "held", "2022-05-18")],
    ),
    (
        "a past perfect told with 'earlier' is the day's own sequence",
        "2020-02-12",
        "Portuguese Prime Minister Antonio Costa and Spanish Prime Minister Pedro Sanchez signed a water accord in "
        "Lisbon on Tuesday. A crowd gathered outside the palace. Costa had earlier met the Spanish prime minister "
        "alone at the Sao Bento palace.",
        [(("ESP", "PRT"), "meeting", "held", "2020-02-11")],
    ),
    (
        "the lead's own undated contact takes the lead's day",
        "2019-05-09",
        "LIMA, May 8 - Peruvian President Martin Vizcarra and Ecuadorean President Lenin Moreno on Wednesday "
        "opened a bridge over the border river after a meeting in Tumbes.",
        [(("ECU", "PER"), "meeting", "held", "2019-05-08")],
    ),
    (
        "a dateline cut off as a sentence of its own is no lead",
        "2018-10-03",
        "OSLO, Oct. 3.\n\nNorwegian Foreign Minister Ine Eriksen Soreide welcomed her Finnish counterpart Timo "
        "Soini on Wednesday. Later, the Finnish minister was received by Prime Minister Erna Solberg.",
        [(("FIN", "NOR"), "meeting", "held", "2018-10-03"), (("FIN", "NOR"), "meeting", "held", "2018-10-03")],
    ),
    (
        "a call told after the announcement it led to ('following') takes the announcement's day",
        "2023-06-15",
        "The deal was announced on Wednesday in a statement following a telephone call between Mexican President "
        "Andres Manuel Lopez Obrador and Guatemalan President Alejandro Giammattei.",
        [(("GTM", "MEX"), "call", "held", "2023-06-14")],
    ),
    (
        "a where-clause on a trip's destination takes the trip's day",
        "2016-03-01",
        "Colombian President Juan Manuel Santos leaves today for Havana, where he will meet Cuban President Raul "
        "Castro.",
        [(("COL", "CUB"), "meeting", "planned", "2016-03-01")],
    ),
    (
        "a live blog's stamped entry is on the page's day",
        "2019-06-29",
        "8.10am: Good morning from Osaka.\n\n9.32am: Indian Prime Minister Narendra Modi and Japanese Prime Minister "
        "Shinzo Abe shake hands and sit down for their bilateral meeting.",
        [(("IND", "JPN"), "meeting", "held", "2019-06-29")],
    ),
    (
        "a readout's first line is on the day it was published",
        "2021-04-07",
        "Ilham Aliyev held talks with President of Turkmenistan Gurbanguly Berdimuhamedov\n\nThe sides discussed "
        "energy projects in the Caspian.",
        [(("AZE", "TKM"), "talks", "held", "2021-04-07")],
    ),
    # near misses: no day may be guessed
    (
        "a first meeting years ago keeps no day",
        "2024-02-28",
        "Italian Prime Minister Giorgia Meloni received Albanian Prime Minister Edi Rama in Rome on Tuesday. The two "
        "leaders first met years ago in Tirana, shortly afterward becoming friends.",
        [(("ALB", "ITA"), "meeting", "held", "2024-02-27"), (("ALB", "ITA"), "meeting", "held", None)],
    ),
    (
        "'earlier in the year' is another time than the story's day",
        "2021-09-20",
        "Pakistani Foreign Minister Shah Mehmood Qureshi held talks with Afghan Foreign Minister Mohammad Haneef Atmar "
        "in Islamabad on Sunday. Earlier in the year, the two had spoken by telephone.",
        [(("AFG", "PAK"), "talks", "held", "2021-09-19"), (("AFG", "PAK"), "call", "held", None)],
    ),
    (
        "'had earlier' told back from the end of a tour is some day of the tour",
        "2025-06-10",
        "Ghana's foreign minister wrapped up a tour of the region on Monday. Ghanaian Foreign Minister Kwame Asante "
        "had earlier spent an hour with Ivorian President Alassane Ouattara in Abidjan.",
        [(("CIV", "GHA"), "meeting", "held", None)],
    ),
    (
        "the lead's day belongs to the briefing, not to the talks it was about",
        "2025-04-08",
        "Greek Prime Minister Kyriakos Mitsotakis briefed Cypriot President Nikos Christodoulides by phone on Friday "
        "about his talks in Ankara.\n\nThe island has been divided since 1974.",
        [(("CYP", "GRC"), "call", "held", "2025-04-04"), (("GRC", "TUR"), "talks", "held", None)],
    ),
    (
        "a background contact in a perfect tense lends no day to 'later': the lead's day",
        "2019-02-20",
        "Saudi Crown Prince Mohammed bin Salman held talks with Indian Prime Minister Narendra Modi in New Delhi on "
        "Wednesday. The crown prince had flown in from Islamabad, where Pakistani Prime Minister Imran Khan had "
        "hosted him on Sunday. The crown prince later called on Indian President Ram Nath Kovind.",
        [(("IND", "SAU"), "talks", "held", "2019-02-20"), (("PAK", "SAU"), "meeting", "held", "2019-02-17"),
         (("IND", "SAU"), "meeting", "held", "2019-02-20")],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_timeline_day(nlp, name: str, published: str, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
