"""The day and place of contacts in copy of styles the rules had not seen (thirteenth round): an elliptical "the day
before" after another day, a date fronted before a clause of time, "has just met", a time after an event named by
"ahead of", a city-state after "on the sidelines of", "stopped in X for talks", "on the 14th", "last night" and
"two days earlier". Our own short articles."""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str, str, list[Row]]] = [
    (
        "an elliptical 'the day before' counts from the arrival told before it",
        "2023-05-22",
        "Modi arrived on Sunday evening from the Group of Seven summit in Japan, where he had met Ukrainian "
        "President Volodymyr Zelenskiy the day before.",
        [(("IND", "UKR"), "meeting", "held", "2023-05-20")],
    ),
    (
        "a date fronted before a clause of time dates the main clause",
        "2024-03-05",
        "On March 1, hours after the Senate approved the budget, President Emmanuel Macron received Senegalese "
        "President Macky Sall at the Elysee Palace.",
        [(("FRA", "SEN"), "meeting", "held", "2024-03-01")],
    ),
    (
        "a time inside the clause of time stays that clause's",
        "2024-03-05",
        "Hours after the Senate approved the budget on March 1, President Emmanuel Macron received Senegalese "
        "President Macky Sall at the Elysee Palace.",
        [(("FRA", "SEN"), "meeting", "held", None)],
    ),
    (
        "a time right after an event named by 'ahead of' is that event's",
        "2018-06-14",
        "On Friday, Maas will travel to Paris for talks with French Foreign Minister Jean-Yves Le Drian ahead of "
        "the European Council at the end of June.",
        [(("DEU", "FRA"), "talks", "planned", "2018-06-15")],
    ),
    (
        "'has just finished a meeting' is the story's day",
        "2024-02-06",
        "US Secretary of State Antony Blinken has just finished a meeting with Qatar's Prime Minister Mohammed bin "
        "Abdulrahman Al Thani in Doha.",
        [(("QAT", "USA"), "meeting", "held", "2024-02-06")],
    ),
    (
        "'on the 14th' is a day of the month",
        "2023-06-17",
        "Malaysian Prime Minister Anwar Ibrahim met Indonesian President Joko Widodo at the Bogor Palace on the 14th.",
        [(("IDN", "MYS"), "meeting", "held", "2023-06-14")],
    ),
    (
        "'last night' is the day before",
        "2024-07-20",
        "Britain's Foreign Secretary David Lammy spoke last night with his Indian counterpart Subrahmanyam "
        "Jaishankar.",
        [(("GBR", "IND"), "call", "held", "2024-07-19")],
    ),
    (
        "'Two days earlier' counts two days from the contact told before",
        "2023-10-21",
        "Egyptian President Abdel Fattah al-Sisi met Jordan's King Abdullah in Cairo on Saturday. Two days earlier, "
        "Sisi had met Palestinian President Mahmoud Abbas in Cairo.",
        [(("EGY", "JOR"), "meeting", "held", "2023-10-21"), (("EGY", "PSE"), "meeting", "held", "2023-10-19")],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_round13_day(nlp, name: str, published: str, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected


def test_a_city_state_after_on_the_sidelines_of_places_the_contact(nlp) -> None:
    """"on the sidelines of the Shangri-La Dialogue in Singapore": the gathering's town is a state, named for the
    place; "a conference on the war in Ukraine" is still about Ukraine, not in it."""
    text = ("Japanese Defence Minister Minoru Kihara and his Australian counterpart Richard Marles held talks on the "
            "sidelines of the Shangri-La Dialogue in Singapore on Saturday.")
    (m,) = meetings_of(nlp, text, "2024-06-03")
    assert (m.location, m.location_country) == ("Singapore", "SGP")
    text = ("Japanese Defence Minister Minoru Kihara met his Australian counterpart Richard Marles on the sidelines "
            "of a conference on the war in Ukraine on Saturday.")
    (m,) = meetings_of(nlp, text, "2024-06-03")
    assert m.location_country != "UKR"


def test_a_stay_in_a_town_for_talks_places_them(nlp) -> None:
    """"had stopped in Berlin on Sunday for talks with X": the town of the stay is where the talks are."""
    text = ("The Russian president had stopped in Berlin on Sunday for talks with German Chancellor Gerhard "
            "Schroeder.")
    (m,) = meetings_of(nlp, text, "2003-03-10")
    assert (m.location, m.location_country, m.date) == ("Berlin", "DEU", "2003-03-09")


def test_a_day_told_between_the_lead_and_the_contact_wins_over_the_leads(nlp) -> None:
    """The lead's day ("said on Tuesday") is the announcement's; the talks told just before the contact's own
    sentence give its day. An arrival's day in between is the trip's, and leaves the lead's day."""
    text = ("NAIROBI, March 8 (Wire) - Kenyan President William Ruto said on Tuesday that a truce had been agreed.\n\n"
            "The deal came after four hours of talks with the rebels late Monday. Ruto met Ugandan President Yoweri "
            "Museveni at State House in Nairobi, with the mediators present.")
    held = [r for r in rows(meetings_of(nlp, text, "2022-03-08")) if r[0] == ("KEN", "UGA")]
    assert held == [(("KEN", "UGA"), "meeting", "held", "2022-03-07")]
    text = ("NAIROBI, March 8 (Wire) - Kenyan President William Ruto said on Tuesday that a truce had been agreed.\n\n"
            "The mediators flew in from Addis Ababa on Monday evening. Ruto met Ugandan President Yoweri Museveni at "
            "State House in Nairobi, with the mediators present.")
    assert rows(meetings_of(nlp, text, "2022-03-08")) == [(("KEN", "UGA"), "meeting", "held", "2022-03-08")]


@pytest.mark.parametrize("place", ["in the Saudi capital", "in the Egyptian resort town of Sharm el-Sheikh"])
def test_a_town_named_through_its_state_on_a_person_is_no_party(nlp, place: str) -> None:
    """"met X in the Saudi capital", the parser hanging the place on X: the host state is where, not who."""
    text = f"Ukrainian Foreign Minister Dmytro Kuleba met U.S. Secretary of State Antony Blinken {place} on Monday."
    (m,) = meetings_of(nlp, text, "2024-04-29")
    assert (m.countries, m.location_country) == (["UKR", "USA"], "SAU" if "Saudi" in place else "EGY")
