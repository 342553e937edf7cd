"""Words that sit next to a speaker but are not the speaker (round 12, issue 17): the time of saying that the parser
hangs on the subject's noun, and a dateline that reads like a transcript label. Own sentences."""

from __future__ import annotations

from tests.extractors.quotes.test_extract import quotes_of


def test_a_time_hung_on_the_subject_is_not_part_of_the_speaker(nlp) -> None:
    text = "West African heads of state yesterday called on the junta to hand power to civilians within a year."
    got = quotes_of(nlp, text)
    assert [q.speaker for q in got] == ["West African heads of state"]


def test_a_day_after_the_subject_is_not_part_of_the_speaker(nlp) -> None:
    text = "Kenyan officials on Monday said that the border talks would resume in Nairobi next month."
    got = quotes_of(nlp, text)
    assert [(q.speaker, q.text) for q in got] == [("Kenyan officials", "the border talks would resume in Nairobi "
                                                   "next month")]


def test_a_dateline_with_an_outlet_code_is_no_transcript_turn(nlp) -> None:
    text = ("Bali (JP): Southeast Asian leaders pledged on Tuesday that they would open their markets by 2020.\n\n"
            "The pledge was signed at a resort hotel.")
    got = quotes_of(nlp, text)
    assert [(q.type, q.text) for q in got] == [("indirect", "they would open their markets by 2020")]
    assert got[0].speaker != "Bali"  # (before: "Bali" speaking the whole paragraph as a direct quote)


def test_a_surname_that_is_also_a_town_still_opens_a_transcript_turn(nlp) -> None:
    text = ("An interview with Finance Minister Tariq Hassan, broadcast on Sunday.\n\n"
            "Host: Is the budget out of control?\n\n"
            "Hassan: No. We borrowed to protect jobs, and we have a plan to cut the deficit.")
    got = quotes_of(nlp, text)
    assert [(q.speaker, q.type) for q in got] == [("Tariq Hassan", "direct")]
