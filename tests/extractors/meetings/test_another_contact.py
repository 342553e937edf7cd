"""Several contacts of one pair in one article (round 11, `another.py`): an earlier contact the words mark ("the last
round", "their previous meeting", "the last such visit"), a body's counted session after the talks, a plan of other
officials agreed at the leaders' meeting, a contact "the previous evening"; and the near misses that stay one
contact ("met again for the second day of the same talks"). Short articles written for these tests.

Each case gives the whole expected output as (countries, kind, status, date), like `test_extract.CASES`.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "the last round between the two countries, dated, beside an undated summit",
        "2019-06-03",
        "Indian Prime Minister Narendra Modi and Bangladeshi Prime Minister Sheikh Hasina signed a river accord "
        "after their summit, the first between the two countries in a decade. The last round of water talks "
        "between the two countries was held in Dhaka in March 2011.",
        [(("BGD", "IND"), "summit", "held", None), (("BGD", "IND"), "negotiation", "held", None)],
    ),
    (
        "the last such visit, told with one side named",
        "2022-11-15",
        "Chilean President Gabriel Boric met Argentine President Alberto Fernandez in Buenos Aires on Monday. "
        "The last such visit by a Chilean president was in May 2019, when Sebastian Pinera flew to Buenos Aires.",
        [(("ARG", "CHL"), "meeting", "held", "2022-11-14"), (("ARG", "CHL"), "visit", "held", None)],
    ),
    (
        "their previous meeting, in another city and month",
        "2021-09-10",
        "The foreign ministers of Serbia and Kosovo, Nikola Selakovic and Donika Gervalla, met in Brussels on "
        "Thursday. Their previous meeting, in Pristina in June, ended without progress.",
        [(("SRB", "XKX"), "meeting", "held", "2021-09-09"), (("SRB", "XKX"), "meeting", "held", None)],
    ),
    (
        "a body's first session co-chaired after the talks",
        "2023-03-02",
        "Uzbek President Shavkat Mirziyoyev held talks with Kazakh President Kassym-Jomart Tokayev in Tashkent on "
        "Wednesday. The two presidents then chaired the first meeting of the Supreme Interstate Council.",
        [(("KAZ", "UZB"), "talks", "held", "2023-03-01"), (("KAZ", "UZB"), "meeting", "held", "2023-03-01")],
    ),
    (
        "the foreign ministers of the two countries to negotiate, beside the leaders' next summit",
        "2018-05-10",
        "Prime Minister Shinzo Abe held a summit with Chinese Premier Li Keqiang in Tokyo on May 9. The two "
        "leaders agreed to hold their next summit in Beijing later this year. They also agreed that the foreign "
        "ministers of the two countries would start negotiations on a maritime hotline.",
        [(("CHN", "JPN"), "summit", "held", "2018-05-09"), (("CHN", "JPN"), "summit", "planned", None),
         (("CHN", "JPN"), "negotiation", "planned", None)],
    ),
    (
        "the previous evening: another day than the talks",
        "2019-04-10",
        "Egyptian President Abdel Fattah al-Sisi held talks with Sudanese leader Abdel Fattah al-Burhan in Cairo on "
        "Tuesday. The previous evening, Sisi had received Burhan at the Ittihadiya Palace.",
        [(("EGY", "SDN"), "talks", "held", "2019-04-09"), (("EGY", "SDN"), "meeting", "held", "2019-04-08")],
    ),
    (
        "the two countries after a three-way call: the story's pair",
        "2022-08-16",
        "Moroccan Foreign Minister Nasser Bourita held a telephone call on Monday with his Spanish counterpart Jose "
        "Manuel Albares. Last week Bourita and Albares held a video call with French Foreign Minister Catherine "
        "Colonna. Delegations from the two countries are expected to meet in Rabat in the coming weeks.",
        [(("ESP", "MAR"), "call", "held", "2022-08-15"), (("ESP", "FRA", "MAR"), "call", "held", None),
         (("ESP", "MAR"), "talks", "planned", None)],
    ),
    (
        "talks with no party named, still to come, after the pair's summit",
        "2000-06-16",
        "South Korean President Kim Dae-jung returned home after a summit with North Korean leader Kim "
        "Jong-il. Spokesman Park Joon-young said ministerial-level talks to carry out the accord would be held as "
        "soon as possible.",
        [(("KOR", "PRK"), "summit", "held", None), (("KOR", "PRK"), "talks", "planned", None)],
    ),
    (
        "near miss: the same talks on their second day",
        "2024-05-15",
        "Polish Prime Minister Donald Tusk held talks with Lithuanian President Gitanas Nauseda in Vilnius on "
        "Monday. The two leaders met again on Tuesday for the second day of the same talks.",
        [(("LTU", "POL"), "talks", "held", "2024-05-13")],
    ),
    (
        "near miss: the last day of the talks is no earlier contact",
        "2024-07-04",
        "Chinese Foreign Minister Wang Yi held talks with Pakistani Foreign Minister Ishaq Dar in Beijing on "
        "Wednesday. On the last day of the talks, the two ministers visited a port project.",
        [(("CHN", "PAK"), "talks", "held", "2024-07-03")],
    ),
    (
        "near miss: a football cup's last round between two countries",
        "2023-09-12",
        "Chile and Peru were drawn together for the second round of the cup on Monday. The last round between the "
        "two countries was played in Lima in October 2021 and ended goalless.",
        [],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_another_contact_of_the_pair(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
