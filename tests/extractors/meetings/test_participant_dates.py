"""The day of a contact told outside the contact word's own phrase (`meetings/participant_time.py`,
`meetings/shifted_days.py`, the "since" and "earlier in the day" guards): a fronted weekday the parser fuses into the
subject's name, a participant's relative clause of arrival or calling, "a day after" on either side of the contact,
"On the same day"; and the times that stay another event's (taking office, a meeting "since" which, a duration).
Our own short articles."""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str, str, list[Row]]] = [
    (
        "a fronted weekday read as part of the subject's name dates the subject's verb",
        "2023-03-13",
        "On Saturday Ruto had a telephone conversation with Ethiopian Prime Minister Abiy Ahmed about the drought.",
        [(("ETH", "KEN"), "call", "held", "2023-03-11")],
    ),
    (
        "the arrival told in a relative clause on the subject dates the meeting",
        "2019-11-23",
        "New Zealand Prime Minister Jacinda Ardern, who landed in Nuku'alofa on Thursday afternoon, met Tongan Prime "
        "Minister Pohiva Tuku'aho for about an hour.",
        [(("NZL", "TON"), "meeting", "held", "2019-11-21")],
    ),
    (
        "the caller's relative clause is the call itself",
        "2022-10-27",
        "Giorgia Meloni spent her first days as Italy's prime minister on the phone. Her first call from a foreign "
        "leader was with Ukrainian President Volodymyr Zelensky, who rang on Monday evening.",
        [(("ITA", "UKR"), "call", "held", "2022-10-24")],
    ),
    (
        "the contact's own day wins over the arrival's",
        "2018-05-09",
        "Chilean Foreign Minister Roberto Ampuero, who arrived in Lima on Sunday, met Peruvian President Martin "
        "Vizcarra on Monday.",
        [(("CHL", "PER"), "meeting", "held", "2018-05-07")],
    ),
    (
        "a relative clause of taking office dates no contact",
        "2019-07-02",
        "Slovak President Zuzana Caputova, who took office on June 15, met Czech President Milos Zeman in Prague.",
        [(("CZE", "SVK"), "meeting", "held", None)],
    ),
    (
        "'a day after' an undated event, after the contact word: the trip's own day",
        "2025-01-22",
        "Polish Prime Minister Donald Tusk travelled to Berlin on Tuesday, meeting German Chancellor Olaf Scholz at "
        "the chancellery just a day after a tense debate in parliament.",
        [(("DEU", "POL"), "meeting", "held", "2025-01-21")],
    ),
    (
        "'The call came a day after X and Y met': a day before the call told just before",
        "2021-09-06",
        "Indonesian President Joko Widodo and Australian Prime Minister Scott Morrison spoke by telephone on Sunday. "
        "The call came a day after Indonesian Foreign Minister Retno Marsudi and Australian Foreign Minister Marise "
        "Payne met in Jakarta.",
        [(("AUS", "IDN"), "call", "held", "2021-09-05"), (("AUS", "IDN"), "meeting", "held", "2021-09-04")],
    ),
    (
        "a month inside the object of 'since' is the earlier meeting's, not the contact's",
        "2023-06-27",
        "Angolan President Joao Lourenco and Zambian President Hakainde Hichilema held a closed-door meeting, their "
        "first talks since a meeting in Lusaka in March.",
        [(("AGO", "ZMB"), "meeting", "held", None)],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_participant_day(nlp, name: str, published: str, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
