"""A quote speaker's country comes from the speaker, never from the topic (round 14, issue 17 family 12): the
people a relative clause of contact on the speaker names are other parties ("Trade Minister X, who negotiated with
Chinese Commerce Minister Y in Beijing, said"), and a state named deep in what the speaker reports ("withdrawal
from the plateau, which Israel captured") is not theirs; the reported clause's subject still may be ("X said
Turkey would not ..."). Own sentences."""

from __future__ import annotations

from tests.extractors.quotes.test_extract import quotes_of


def _countries(nlp, text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_country) for q in quotes_of(nlp, text)]


def test_relative_clause_of_talks_lends_no_state(nlp) -> None:
    text = ("OTTAWA (Capital Wire) - Trade Minister Elena Markovic, who held talks with South Korean Trade Minister "
            "Park Ji-hoon in Seoul last week, said the deal would cut tariffs on beef.")
    assert _countries(nlp, text) == [("Elena Markovic", "CAN")]


def test_relative_clause_of_negotiations_lends_no_state(nlp) -> None:
    text = ("CANBERRA - Trade Minister Mark Holt, who completed the last round of negotiations with Chinese Commerce "
            "Minister Li Wei in Beijing this month, said the deal would open doors for farmers.")
    assert _countries(nlp, text) == [("Mark Holt", "AUS")]


def test_state_deep_in_the_report_is_the_topic(nlp) -> None:
    text = ("AMMAN (Levant Wire) - Information Minister Khaled Nasser said any agreement must include the return of "
            "the valley, which Syria seized in the fighting last year.")
    assert _countries(nlp, text) == [("Khaled Nasser", "JOR")]


def test_reported_subject_may_be_the_speakers_state(nlp) -> None:
    text = ("BRUSSELS (Euro Desk) - Foreign Minister Hakan Demir said Turkey would not accept any new conditions on "
            "its membership talks.")
    assert _countries(nlp, text) == [("Hakan Demir", "TUR")]


def test_relative_clause_that_is_no_contact_keeps_the_principal(nlp) -> None:
    text = ("ROME (Tiber News) - Ambassador Marco Bellini, who was appointed by Italian President Sergio Mattarella "
            "in June, said he would focus on trade.")
    assert _countries(nlp, text) == [("Marco Bellini", "ITA")]


def test_unnamed_officials_take_no_state_from_deep_in_their_report(nlp) -> None:
    text = ("WASHINGTON (Capitol Report) - The United States on Wednesday added three shipping firms to its sanctions "
            "list.\n\nOfficials said the measures were meant to push the Venezuelan government back to the table.")
    assert _countries(nlp, text) == [("Officials", "USA")]


def test_unnamed_officials_keep_their_reports_subject(nlp) -> None:
    text = "TOKYO (Pacific Desk) - Officials said Japan would send a delegation to the fisheries talks next month."
    assert _countries(nlp, text) == [("Officials", "JPN")]
