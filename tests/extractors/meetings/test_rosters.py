"""A gathering's states named around it (`extractors.meetings.rosters`), on sentences written for these tests.

Each case gives the whole expected output as (countries, kind, status, date), like `test_extract.CASES`.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "who also attended: the antecedent's state joins the summit",
        "2024-05-12",
        "The presidents of Benin and Togo held a summit in Cotonou on Saturday on border security. Nigerien "
        "President Ali Mahamadou, who also attended, left before the closing dinner.",
        [(("BEN", "NER", "TGO"), "summit", "held", "2024-05-11")],
    ),
    (
        "did not attend: a member that stayed away never joins",
        "2024-05-12",
        "The presidents of Benin and Togo held a summit in Cotonou on Saturday on border security. Ghana's "
        "president did not attend.",
        [(("BEN", "TGO"), "summit", "held", "2024-05-11")],
    ),
    (
        "was represented by: a state sending an envoy joins; a host's summit becomes a record",
        "2024-02-20",
        "Croatian Prime Minister Ivan Kovac hosted a summit of Adriatic leaders in Split on Monday. Slovenia was "
        "represented by its foreign minister, Tanja Fajon.",
        [(("HRV", "SVN"), "summit", "held", "2024-02-19")],
    ),
    (
        "only the host is named: no record",
        "2024-02-20",
        "Croatian Prime Minister Ivan Kovac hosted a summit of Adriatic leaders in Split on Monday. Guests from "
        "Italy and Austria attended a concert in the evening.",
        [],
    ),
    (
        "sidelines: the bilateral stays bilateral when others attend the summit",
        "2024-09-24",
        "Kenyan President William Ruto met Ghanaian President John Mahama on the sidelines of the summit in Addis "
        "Ababa on Monday. Ugandan President Yoweri Museveni also attended the summit.",
        [(("GHA", "KEN"), "meeting", "held", "2024-09-23")],
    ),
    (
        "a listed gathering takes a later state only as an addition",
        "2024-04-09",
        "The prime ministers of Estonia, Latvia and Lithuania met in Tallinn on Monday for their annual talks. "
        "Poland, which did not send its prime minister, was represented by a deputy minister. Finnish Prime "
        "Minister Petteri Orpo also attended the talks.",
        [(("EST", "FIN", "LTU", "LVA"), "talks", "held", "2024-04-08")],
    ),
    (
        "also signed: signatories at a ceremony join its host and the first signers",
        "2024-06-04",
        "The foreign ministers of Serbia and Kosovo signed a trade accord in Brussels on Monday at a ceremony "
        "hosted by EU foreign policy chief Kaja Kallas. Albanian Foreign Minister Igli Hasani also signed the "
        "document as a witness.",
        [(("ALB", "IGO:EU", "SRB", "XKX"), "meeting", "held", "2024-06-03")],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_roster_case(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
