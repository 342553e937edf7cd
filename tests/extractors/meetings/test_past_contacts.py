"""Earlier, held contacts of a pair told in the background of a story about a newer one (round 14,
`past_contacts.py`): each is its own held entry with its own time; a time clause's present under a future verb is a
plan, and "twice" counting postponements adds no contact. Short articles written for these tests."""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "a state visit's destination hung on the verb of recalling",
        "2025-05-20",
        "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Tuesday. "
        "The two presidents recalled the state visit of President Milei to Chile in January 2024.",
        [(("ARG", "CHL"), "meeting", "held", "2025-05-20"), (("ARG", "CHL"), "visit", "held", None)],
    ),
    (
        "a trip told with twice is two contacts, not the frame of the story's meeting",
        "2025-05-20",
        "Spanish Foreign Minister Jose Manuel Albares met Moroccan Foreign Minister Nasser Bourita in Rabat on "
        "Tuesday. Albares had travelled to Rabat twice this spring.",
        [(("ESP", "MAR"), "meeting", "held", "2025-05-20"), (("ESP", "MAR"), "visit", "held", None),
         (("ESP", "MAR"), "visit", "held", None)],
    ),
    (
        "the pair last spoke on a day of its own",
        "2025-05-20",
        "Indonesian President Prabowo Subianto received Malaysian Prime Minister Anwar Ibrahim in Jakarta on "
        "Tuesday. Prabowo and Anwar last spoke on April 2.",
        # a recalled talk with no word of presence is a call, as the corpus's golds read "last spoke" (`spoken.py`)
        [(("IDN", "MYS"), "meeting", "held", "2025-05-20"), (("IDN", "MYS"), "call", "held", "2025-04-02")],
    ),
    (
        "the last round between the two countries is the story's pair, not the side call's",
        "2025-05-20",
        "Serbia and Kosovo will hold a new round of talks in Brussels next month, Serbian President Aleksandar "
        "Vucic said on Tuesday. Vucic later briefed French President Emmanuel Macron by telephone. The last round "
        "of talks between the two countries took place in Brussels in March 2023.",
        [(("SRB", "XKX"), "negotiation", "planned", None), (("FRA", "SRB"), "call", "held", "2025-05-20"),
         (("SRB", "XKX"), "negotiation", "held", None)],
    ),
    (
        "a time clause's present under a future verb is a plan",
        "2025-03-20",
        "Turkish President Recep Tayyip Erdogan spoke by telephone with Azerbaijani President Ilham Aliyev on "
        "Wednesday. Erdogan will sign the gas accord when he visits Baku in June.",
        [(("AZE", "TUR"), "call", "held", "2025-03-19"), (("AZE", "TUR"), "visit", "planned", None)],
    ),
    (
        "a relative clause of an earlier visit is not the visit of the talks",
        "2025-05-20",
        "Croatian Prime Minister Andrej Plenkovic held talks with Slovenian Prime Minister Robert Golob in Zagreb on "
        "Tuesday. Golob, who last visited Zagreb in March 2024, praised the talks.",
        [(("HRV", "SVN"), "talks", "held", "2025-05-20"), (("HRV", "SVN"), "visit", "held", None)],
    ),
    (
        "the leaders, who last met: a clause set off by commas tells the pair",
        "2025-05-20",
        "Estonian Prime Minister Kristen Michal held talks with Finnish Prime Minister Petteri Orpo in Tallinn on "
        "Tuesday. The leaders, who last met in Helsinki in January, discussed undersea cables.",
        [(("EST", "FIN"), "talks", "held", "2025-05-20"), (("EST", "FIN"), "meeting", "held", None)],
    ),
    (
        "the pair had not spoken since a month: they spoke then",
        "2025-05-20",
        "Greek Prime Minister Kyriakos Mitsotakis spoke by telephone with Cypriot President Nikos Christodoulides on "
        "Tuesday. The two leaders had not spoken since March.",
        [(("CYP", "GRC"), "call", "held", "2025-05-20"), (("CYP", "GRC"), "meeting", "held", None)],
    ),
    (
        "had not spoken since an event: no earlier contact",
        "2025-05-20",
        "Greek Prime Minister Kyriakos Mitsotakis spoke by telephone with Cypriot President Nikos Christodoulides on "
        "Tuesday. The two leaders had not spoken since the election was called.",
        [(("CYP", "GRC"), "call", "held", "2025-05-20")],
    ),
    (
        "met twice before, with two times: one contact per time",
        "2025-05-20",
        "Kenyan President William Ruto received Somali President Hassan Sheikh Mohamud in Nairobi on Tuesday. The "
        "two presidents had met twice before, in 2023 and 2024.",
        [(("KEN", "SOM"), "meeting", "held", "2025-05-20"), (("KEN", "SOM"), "meeting", "held", None),
         (("KEN", "SOM"), "meeting", "held", None)],
    ),
    (
        "met twice on the story's day: its second meeting is told on its own",
        "2025-05-20",
        "Brazilian President Luiz Inacio Lula da Silva met twice with Argentine President Javier Milei in Brasilia on "
        "Tuesday.",
        [(("ARG", "BRA"), "meeting", "held", "2025-05-20")],
    ),
    (
        "a time the parser hangs on the verb above a back-reference is that contact's own",
        "2024-04-02",
        "U.S. President Joe Biden and Chinese President Xi Jinping spoke by phone on Tuesday. The call followed up on "
        "commitments the two made at their summit in Woodside, California, in November.",
        [(("CHN", "USA"), "call", "held", "2024-04-02"), (("CHN", "USA"), "summit", "held", None)],
    ),
    (
        "twice counting postponements adds no contact",
        "2025-04-06",
        "Sudanese and South Sudanese oil ministers met in Juba on Sunday. The meeting, postponed twice since "
        "January, lasted four hours.",
        [(("SDN", "SSD"), "meeting", "held", "2025-04-06")],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_past_contacts_of_a_pair(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
