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
        "a relative clause 'who called for restraint' is no call and dates nothing",
        "2023-03-13",
        "Kenyan President William Ruto, who called for restraint on Saturday, met Ethiopian Prime Minister Abiy Ahmed "
        "in Addis Ababa.",
        [(("ETH", "KEN"), "meeting", "held", None)],
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
        "'On the same day': the day of the contact told just before",
        "2020-09-29",
        "Foreign Minister Jeyhun Bayramov of Azerbaijan held a phone conversation with Georgian Foreign Minister David "
        "Zalkaliani on September 28. The sides discussed the region. On the same day, Azerbaijani President Ilham "
        "Aliyev received a phone call from Ukrainian President Volodymyr Zelensky.",
        [(("AZE", "GEO"), "call", "held", "2020-09-28"), (("AZE", "UKR"), "call", "held", "2020-09-28")],
    ),
    (
        "a fronted day whose first name the parser took for the object of 'On' dates the call",
        "2025-05-14",
        "On Saturday Tusk, Macron and Merz telephoned US President Donald Trump from Kyiv.",
        [(("DEU", "FRA", "POL", "USA"), "call", "held", "2025-05-10")],
    ),
    (
        "'told Y on Thursday ..., in their first meeting': the telling's day",
        "2023-03-03",
        "Indian External Affairs Minister S. Jaishankar told Chinese Foreign Minister Qin Gang on Thursday that the "
        "state of relations between the two countries was abnormal, in their first face-to-face meeting since Qin "
        "took charge.",
        [(("CHN", "IND"), "meeting", "held", "2023-03-02")],
    ),
    (
        "a day word the parser cut off before a live blog entry's sentence",
        "2023-07-11",
        "Live: NATO summit\n\n09:15 CEST\nErdogan and Sweden\nYesterday Erdogan spoke to Swedish Prime Minister "
        "Ulf Kristersson about Stockholm's bid.",
        [(("SWE", "TUR"), "call", "held", "2023-07-10")],
    ),
    (
        "'established ties on Tuesday, signing the accord in a ceremony hosted by X'",
        "2021-02-03",
        "Greece and Egypt formally settled their sea border on Tuesday, signing an accord in a ceremony hosted by "
        "Egyptian President Abdel Fattah al-Sisi and attended by Greek Prime Minister Kyriakos Mitsotakis.",
        [(("EGY", "GRC"), "meeting", "held", "2021-02-02")],
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


def test_a_day_after_counts_from_the_latest_dated_contact(nlp) -> None:
    """The call came a day after X and Y met, with a planned contact named between the call and these words: the
    meeting is a day before the call (the latest contact told with a day), not a day after anything."""
    text = ("South Korean President Moon Jae-in and US President Donald Trump spoke by telephone late Saturday about "
            "the planned summit between Washington and Pyongyang. The call came a day after Moon and North Korean "
            "leader Kim Jong-un met at Panmunjom.")
    held = [r for r in rows(meetings_of(nlp, text, "2018-04-29")) if r[2] == "held"]
    assert held == [(("KOR", "USA"), "call", "held", "2018-04-28"), (("KOR", "PRK"), "meeting", "held", "2018-04-27")]
