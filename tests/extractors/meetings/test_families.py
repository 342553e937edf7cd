"""Meeting families of issue 17, on short articles written for these tests (never corpus text).

Each case gives the whole expected output as (countries, kind, status, date), like `test_extract.CASES`; the
articles name every participant's nationality so the cases test the meeting frames, not the resolver.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

# (name, published, article, expected rows in order)
FAMILY_CASES: list[tuple[str, str | None, str, list[Row]]] = [
    # family 4: one party, counterparts of several countries -> one bilateral per counterpart's country
    (
        "f4: met counterparts from two countries -> two bilaterals, each with the subject's country",
        "2025-02-12",
        "Argentine Foreign Minister Ana Ruiz met her counterparts from Uruguay and Bolivia on Tuesday at a regional "
        "ministerial, her ministry said. The talks focused on river transport.",
        [(("ARG", "BOL"), "meeting", "held", "2025-02-11"), (("ARG", "URY"), "meeting", "held", "2025-02-11")],
    ),
    (
        "f4: will meet the presidents of two countries -> two planned bilaterals",
        "2025-09-21",
        "Ghanaian President Kofi Asante will meet the presidents of Brazil and Vietnam during his stay in New York "
        "this week, his office said on Sunday.",
        [(("BRA", "GHA"), "meeting", "planned", None), (("GHA", "VNM"), "meeting", "planned", None)],
    ),
    (
        "f4: counterparts met together for a three-way meeting stay one trilateral",
        "2025-05-07",
        "Lebanese Prime Minister Walid Haddad sat down with the leaders of Cyprus and Greece together on Tuesday "
        "for a three-way meeting on gas exploration.",
        [(("CYP", "GRC", "LBN"), "meeting", "held", "2025-05-06")],
    ),
    (
        "f4: first person in a transcript turn is the turn's speaker",
        "2025-04-03",
        "Remarks by Canadian Foreign Minister Claire Dubois to reporters in Ottawa.\n\n"
        "CLAIRE DUBOIS: Yesterday I spoke with my counterparts from Norway and Denmark about Arctic shipping.\n\n"
        "REPORTER: Will you travel to the region?",
        [(("CAN", "DNK"), "call", "held", "2025-04-02"), (("CAN", "NOR"), "call", "held", "2025-04-02")],
    ),
    (
        "f4: an unknown first-person speaker meeting two counterparts gives no contact between the counterparts",
        "2025-04-03",
        "Statement on Arctic shipping.\n\nThis morning I spoke with my counterparts from Norway and Denmark about "
        "the route north of Svalbard.",
        [],
    ),
    (
        "f4: several counterparts met for one summit stay one trilateral",
        "2025-06-14",
        "Kenyan President Samuel Otieno met Tanzanian President Amina Juma and Ugandan President Joseph Okello in "
        "Arusha on Monday for a summit on the railway.",
        [(("KEN", "TZA", "UGA"), "meeting", "held", "2025-06-09")],
    ),
    (
        "f4: a host receiving ministers of two states for one round of negotiations is one trilateral",
        "2025-04-02",
        "Later this month, Chile will host trade ministers from Peru and Ecuador in Santiago for a first round of "
        "negotiations on a fisheries pact.",
        [(("CHL", "ECU", "PER"), "negotiation", "planned", None)],
    ),
    # family 2: contact frames beyond "met"
    (
        "f2: called on an official is a courtesy call in person",
        "2025-06-11",
        "Vietnamese Foreign Minister Tran Van Hai called on Thai Prime Minister Somchai Wongsakul in Bangkok on "
        "Tuesday to discuss rice exports.",
        [(("THA", "VNM"), "meeting", "held", "2025-06-10")],
    ),
    (
        "f2: called on someone to do something is a demand, not a contact",
        "2025-06-11",
        "Thai Prime Minister Somchai Wongsakul called on Vietnamese Foreign Minister Tran Van Hai to release the "
        "detained fishermen before the holiday.",
        [],
    ),
    (
        "f2: was received by the head of state",
        "2025-03-04",
        "Belgian Foreign Minister Petra Lang was received by Kenyan President Samuel Otieno on Monday, the "
        "presidency said.",
        [(("BEL", "KEN"), "meeting", "held", "2025-03-03")],
    ),
    (
        "f2: two leaders who sign a pact together met to do it",
        "2025-10-18",
        "Chilean President Marcela Soto and her Peruvian counterpart, Jorge Quispe, signed a border agreement in "
        "Lima on Friday after a decade of disputes.",
        [(("CHL", "PER"), "meeting", "held", "2025-10-17")],
    ),
    (
        "f2: two countries signing a deal name no contact",
        "2025-10-18",
        "Russia and China signed a long-term gas supply deal, state media reported on Friday.",
        [],
    ),
    (
        "f2: a tour that took her to two capitals is one visit per stop",
        "2025-11-09",
        "Australian Foreign Minister Emma Clarke returned home on Saturday from a tour that took her to Malaysia "
        "and Indonesia, where she pledged new climate funding.",
        [(("AUS", "MYS"), "visit", "held", None), (("AUS", "IDN"), "visit", "held", None)],
    ),
    (
        "f2: a tour that takes him to two countries is still ahead",
        "2025-11-09",
        "Indian Prime Minister Vikram Rao is on a regional tour that also takes him to Nepal and Bhutan.",
        [(("IND", "NPL"), "visit", "planned", None), (("BTN", "IND"), "visit", "planned", None)],
    ),
    (
        "f2: was joined by a foreign leader",
        "2025-06-14",
        "Irish Prime Minister Sean Walsh was joined by Belgian Prime Minister Luc Peeters at a commemoration in "
        "Dublin on Friday.",
        [(("BEL", "IRL"), "meeting", "held", "2025-06-13")],
    ),
    (
        "f2/f7: sat down with X for hours of talks: the kind is the talks'",
        "2025-02-11",
        "Argentine Foreign Minister Lucia Ferreyra sat down with Paraguayan Foreign Minister Martin Benitez on "
        "Monday for three hours of talks on river dredging.",
        [(("ARG", "PRY"), "talks", "held", "2025-02-10")],
    ),
    # family 5: planned, postponed, called off
    (
        "f5: postponed to a new date stays planned",
        "2025-03-10",
        "A summit between Spain and Morocco that had been planned for this week in Rabat has been postponed to "
        "March 30, officials said on Monday.",
        [(("ESP", "MAR"), "summit", "planned", "2025-03-30")],
    ),
    (
        "f5: called off trip and the meeting it was for are one cancelled contact",
        "2025-01-14",
        "Dutch Foreign Minister Pieter de Vries called off his trip to Qatar, scheduled for Thursday, because of a "
        "storm, his ministry said. De Vries had been due to meet Qatari Prime Minister Khalid al-Thani.",
        [(("NLD", "QAT"), "visit", "cancelled", "2025-01-16")],
    ),
    (
        "f5: a visit under way ('is visiting') is held",
        "2025-05-20",
        "Japanese Foreign Minister Kenji Mori held talks with Peruvian Foreign Minister Rosa Huaman, who is "
        "visiting Japan this week, in Tokyo on Monday.",
        [(("JPN", "PER"), "talks", "held", "2025-05-19")],
    ),
    # family 7: dates relative to another event
    (
        "f7: 'a day after' a contact told in a clause puts it the day before the main one",
        "2025-09-12",
        "Kenyan Foreign Minister Grace Wanjiru called on Ethiopian Prime Minister Dawit Bekele on Thursday, a day "
        "after the two countries' defence ministers met in Addis Ababa.",
        [(("ETH", "KEN"), "meeting", "held", "2025-09-11"), (("ETH", "KEN"), "meeting", "held", "2025-09-10")],
    ),
    (
        "f7: 'the previous day' counts from the contact told just before",
        "2025-02-08",
        "Spanish Foreign Minister Luis Ortega met his Portuguese counterpart, Rui Costa, in Lisbon on Friday. The "
        "previous day, Ortega had spoken by telephone with French Foreign Minister Claire Martin.",
        [(("ESP", "PRT"), "meeting", "held", "2025-02-07"), (("ESP", "FRA"), "call", "held", "2025-02-06")],
    ),
    (
        "f7: 'earlier this week' is past, not planned",
        "2025-06-14",
        "Earlier this week, Thai Foreign Minister Niran Chai met Malaysian Foreign Minister Aziz Rahman in Bangkok.",
        [(("MYS", "THA"), "meeting", "held", None)],
    ),
    (
        "f7: a contact on the sidelines takes the day of the gathering just told",
        "2025-05-14",
        "Foreign ministers of Canada, Norway and Iceland met in Reykjavik on Tuesday to discuss Arctic research. On "
        "the sidelines, Canadian Foreign Minister Claire Dubois met Norwegian Foreign Minister Kari Dahl.",
        [(("CAN", "ISL", "NOR"), "meeting", "held", "2025-05-13"), (("CAN", "NOR"), "meeting", "held", "2025-05-13")],
    ),
    (
        "f7: the time words the parser hangs on the person met are the meeting's",
        "2025-04-08",
        "Russian Foreign Minister Oleg Volkov met the Brazilian ambassador in Moscow, Ana Lima, on Monday, the "
        "ministry said.",
        [(("BRA", "RUS"), "meeting", "held", "2025-04-07")],
    ),
    # family 5: agreed future contacts
    (
        "f5: 'their leaders would meet' is a planned contact of the two just named",
        "2025-06-20",
        "The foreign ministers of Chile and Argentina agreed in a phone call on Thursday that their leaders would "
        "meet in Santiago, the Chilean foreign ministry said.",
        [(("ARG", "CHL"), "call", "held", "2025-06-19"), (("ARG", "CHL"), "meeting", "planned", None)],
    ),
    (
        "f5: due to travel to a capital the tagger reads as a name, to discuss an issue with a minister",
        "2025-11-03",
        "Uruguayan Agriculture Minister Pablo Mendez is due to travel to Buenos Aires on November 12 to discuss "
        "beef quotas with Argentine Economy Minister Laura Gimenez.",
        [(("ARG", "URY"), "visit", "planned", "2025-11-12")],
    ),
    (
        "f1: a participant of unknown country facing a counterpart, right after a contact of the two states",
        "2025-06-20",
        "The foreign ministers of Chile and Argentina spoke by phone on Thursday, the Chilean foreign ministry "
        "said. Minister Ana Ferraro and her Argentine counterpart, Diego Paz, also agreed to hold talks on "
        "fisheries next month in Santiago.",
        [(("ARG", "CHL"), "call", "held", "2025-06-19"), (("ARG", "CHL"), "talks", "planned", None)],
    ),
    (
        "f5: a visit in a frame whose verb is future is planned",
        "2025-02-02",
        "Moroccan Foreign Minister Youssef Alami will visit Senegal from February 10. During the visit, he will "
        "sign a fisheries agreement with Senegalese Foreign Minister Awa Diallo.",
        [(("MAR", "SEN"), "visit", "planned", "2025-02-10")],
    ),
    # family 6: a country's name is that country
    (
        "f6: arrived in a country whose name is also a town elsewhere",
        "2025-03-25",
        "Cypriot Foreign Minister Andreas Christou arrived in Lebanon on Tuesday for talks with his Lebanese "
        "counterpart, Nabil Khoury, on migration.",
        [(("CYP", "LBN"), "talks", "held", "2025-03-25")],
    ),
    # family 3: a body convening both sides of a dispute is one meeting
    (
        "f3: UN peacekeepers meeting officers from two states is one trilateral meeting",
        "2025-11-26",
        "United Nations peacekeepers met senior military officers from Sudan and South Sudan on Tuesday to ease "
        "tension along the border.",
        [(("IGO:UN", "SDN", "SSD"), "meeting", "held", "2025-11-25")],
    ),
    # family 1: two appositions coordinated
    (
        "f1: 'X's President, A, and Y's President, B, met': both named sides take part",
        "2025-04-12",
        "Kenya's President, Samuel Otieno, and Uganda's President, Joseph Okello, met in Kampala on Friday to "
        "discuss a railway link.",
        [(("KEN", "UGA"), "meeting", "held", "2025-04-11")],
    ),
    # family 8: the gathering that is the article's subject, and its next meeting
    (
        "f8: the next ministerial of the same states, to be held elsewhere",
        "2025-12-06",
        "Foreign ministers of Peru, Chile and Colombia met in Lima on Friday to coordinate fisheries policy. The "
        "next ministerial meeting will be held in Bogota, the final statement said.",
        [(("CHL", "COL", "PER"), "meeting", "held", "2025-12-05"), (("CHL", "COL", "PER"), "meeting", "planned", None)],
    ),
    (
        "f8: a joint commission holding its next session; the summit of heads of state is a summit",
        "2025-06-17",
        "The Ghana-Togo Joint Commission met in Lome on Monday with the foreign ministers of both countries. The "
        "commission will hold its next session in Accra. The ministers agreed that the next summit of the two "
        "heads of state would be held in Lome.",
        [(("GHA", "TGO"), "meeting", "held", "2025-06-16"), (("GHA", "TGO"), "meeting", "planned", None),
         (("GHA", "TGO"), "summit", "planned", None)],
    ),
    (
        "f8: two states will hold a named bilateral commission",
        "2025-05-02",
        "Mexico and Guatemala will hold the second Bilateral Commission in Guatemala City on May 20, the Mexican "
        "foreign ministry said.",
        [(("GTM", "MEX"), "dialogue", "planned", "2025-05-20")],
    ),
    # meeting words in other senses
    (
        "other senses: players of two countries who meet in a chess final",
        "2025-04-28",
        "Norwegian grandmaster Lars Berg will meet India's Ravi Kumar in the final of the chess tournament in "
        "Madrid on Wednesday.",
        [],
    ),
    (
        "other senses: companies of two countries holding talks",
        "2025-03-10",
        "German carmaker Feldwerk and Japan's Sakura Motors held talks in Tokyo on Monday about a joint battery "
        "plant, people familiar with the matter said.",
        [],
    ),
    (
        "other senses: national teams that met in a friendly",
        "2025-07-05",
        "Mexico beat Peru 2-1 in Dallas on Saturday. The two sides last met in a friendly in March.",
        [],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), FAMILY_CASES, ids=[c[0] for c in FAMILY_CASES])
def test_family_case(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
