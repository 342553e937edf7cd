"""States told by their part in a gathering (`extractors.meetings.roster_roles`, read by `rosters`), on sentences
written for these tests: the host, chair or mediator, a delegation's head, the state that sent an envoy, those
present, "with the participation of", a gathering told only by its guests or named again ("the one-day meeting").

Each case gives the whole expected output as (countries, kind, status, date), like `test_extract.CASES`.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "led the delegation: the delegation's state, or the leader's, joins the summit",
        "2024-05-12",
        "Malawian President Peter Banda hosted a summit of regional leaders in Lilongwe on Saturday. Vice "
        "President Grace Phiri led the Zambian delegation, while Tanzania's Prime Minister Musa Juma headed his "
        "country's delegation.",
        [(("MWI", "TZA", "ZMB"), "summit", "held", "2024-05-11")],
    ),
    (
        "sent: a state that sent an envoy joins; one that sent a letter or no one does not",
        "2024-05-12",
        "Malawian President Peter Banda hosted a summit of regional leaders in Lilongwe on Saturday. Zambia sent "
        "its foreign minister, Ruth Mwale. Mozambique sent a letter of support, and Zimbabwe sent no delegation.",
        [(("MWI", "ZMB"), "summit", "held", "2024-05-11")],
    ),
    (
        "mediated by: the mediator of talks between two states takes part",
        "2024-09-04",
        "Talks between Guyana and Venezuela on their border dispute ended in Bridgetown on Tuesday. The talks were "
        "mediated by Brazilian Foreign Minister Paulo Lima.",
        [(("BRA", "GUY", "VEN"), "talks", "held", "2024-09-03")],
    ),
    (
        "brokered by, hung on the main verb: the broker takes part",
        "2024-09-04",
        "Serbian President Marko Ilic and Kosovo Prime Minister Arben Krasniqi held talks in Brussels on Tuesday, "
        "brokered by EU envoy Anna Berg.",
        [(("IGO:EU", "SRB", "XKX"), "talks", "held", "2024-09-03")],
    ),
    (
        "a gathering told only by its guests: present and host name its states",
        "2024-03-06",
        "Foreign ministers of the region met in Vientiane on Tuesday to discuss the Mekong dams. Laotian Foreign "
        "Minister Somsak Vong, who hosted the meeting, proposed a joint monitoring body. Also present were "
        "Thailand's Foreign Minister Anan Chai and Cambodia's Foreign Minister Sok Dara.",
        [(("KHM", "LAO", "THA"), "meeting", "held", "2024-03-05")],
    ),
    (
        "with the participation of: the listed states are the meeting's",
        "2024-03-06",
        "A meeting of energy ministers was held in Baku on Tuesday with the participation of the ministers of "
        "Azerbaijan, Kazakhstan and Turkey.",
        [(("AZE", "KAZ", "TUR"), "meeting", "held", "2024-03-05")],
    ),
    (
        "took place with A of X: leaders listed after the verb of the summit's taking place",
        "2024-07-10",
        "The summit took place in Montevideo on Tuesday, with Presidents Ana Torres of Uruguay and Luis Vera of "
        "Paraguay, plus Bolivia's Juan Quispe.",
        [(("BOL", "PRY", "URY"), "summit", "held", "2024-07-09")],
    ),
    (
        "a summit framed by no contact verb is the contact; the one-day meeting names it again",
        "2024-07-14",
        "Sahel leaders called for new elections in Mali at an emergency summit in Niamey yesterday, hosted by "
        "Niger's President Issa Moussa. The one-day meeting brought together Chad's Idriss Deby and Burkina "
        "Faso's Paul Kabore. Mauritania was represented by its foreign minister.",
        [(("BFA", "MRT", "NER", "TCD"), "summit", "held", "2024-07-13")],
    ),
    (
        "joined X for a summit: the joiners and the one joined take part",
        "2024-07-14",
        "Kenyan President Daniel Kiprop and Ugandan President Moses Okello joined Tanzanian President Neema Mushi "
        "in Arusha on Saturday for a three-way summit on the railway.",
        [(("KEN", "TZA", "UGA"), "summit", "held", "2024-07-13")],
    ),
    (
        "joined the army: no gathering",
        "2024-07-14",
        "Kenyan President Daniel Kiprop met Ugandan President Moses Okello in Kampala on Saturday. His son joined "
        "the army in 2010.",
        [(("KEN", "UGA"), "meeting", "held", "2024-07-13")],
    ),
    (
        "represented at a championship: no gathering guests",
        "2024-08-20",
        "Kenya was represented by Olympic champion Mary Wanjiru at the world championships in Oslo on Sunday, "
        "alongside runners from Ethiopia and Uganda. The meeting ended with a Kenyan win in the 5,000 metres.",
        [],
    ),
    (
        "a capitalised plural of private people from several states: no contact",
        "2024-08-20",
        "PRAGUE - Geologists from Poland and Austria met in Prague on Friday for a conference on "
        "groundwater.",
        [],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_roster_role_case(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
