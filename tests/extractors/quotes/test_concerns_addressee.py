"""Concerns put to someone: "raised his concerns with President X" names whom they were put to, not what they were
(round 11, issue 17; a person's name read as the statement in a cold blind run). Own sentences."""

from __future__ import annotations

from tests.extractors.quotes.test_extract import quotes_of


def test_concerns_raised_with_a_person_state_nothing(nlp) -> None:
    text = ("Chilean President Gabriel Boric had raised the same concerns with German Chancellor Olaf Scholz when "
            "they met in Santiago in January.")
    assert quotes_of(nlp, text) == []


def test_what_the_concerns_were_about_is_still_the_statement(nlp) -> None:
    text = "Boric raised his concerns about the lithium contracts with Chancellor Olaf Scholz."
    got = quotes_of(nlp, text)
    assert len(got) == 1 and got[0].text.startswith("the lithium contracts")


def test_satisfaction_with_a_thing_is_still_its_content(nlp) -> None:
    text = "Foreign Minister Wang Yi expressed satisfaction with the progress of the talks."
    assert [q.text for q in quotes_of(nlp, text)] == ["the progress of the talks"]
