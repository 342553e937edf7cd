"""Speakers written as a description ("the Spaniard", "the Kremlin chief", "the Irish-born drummer") are the person
the article named; bodies written as initials are the body named in full (round 12, issue 17). Own sentences."""

from __future__ import annotations

from extractors.quotes.descriptions import Candidate, Description, choose, compatible
from tests.extractors.quotes.test_extract import quotes_of


def _speakers(nlp, text: str) -> list[str | None]:
    return [q.speaker for q in quotes_of(nlp, text)]


def test_leader_noun_skips_a_nearer_person_of_another_state(nlp) -> None:
    text = ("Russian President Vladimir Putin met French President Emmanuel Macron in Paris on Monday.\n\n"
            "Macron said the talks had been frank.\n\n"
            "\"We are ready to work on all the issues,\" the Kremlin chief told reporters.")
    assert _speakers(nlp, text)[-1] == "Vladimir Putin"


def test_calling_named_before_the_name_wins(nlp) -> None:
    text = ("Much of the album was written in Lisbon, where bass player Pedro Alvim has lived since 2010. "
            "The Lisbon-born bassist said the city had given the record its \"warmer, slower\" sound.")
    assert _speakers(nlp, text)[-1] == "Pedro Alvim"


def test_demonym_goes_back_to_the_person_of_that_people(nlp) -> None:
    text = ("Danish chef Mette Holm opened her first restaurant in Oslo on Friday.\n\n"
            "The local supplier, Arne Vik, said he had doubled his catch.\n\n"
            "\"Oslo felt like the natural next step,\" the Dane said.")
    assert _speakers(nlp, text)[-1] == "Mette Holm"


def test_new_unnamed_person_stays_as_written(nlp) -> None:
    text = ("Coach Erik Halvorsen said on Monday that striker Jonas Berg would miss a month.\n\n"
            "The club doctor said the injury was not as serious as first feared.")
    assert _speakers(nlp, text)[-1] == "The club doctor"


def test_indefinite_description_stays_as_written(nlp) -> None:
    text = ("Council leader Giles Archer said pumps had been brought in.\n\n"
            "A resident said the water had reached her doorstep within an hour.")
    assert _speakers(nlp, text)[-1] == "A resident"


def test_initials_are_the_union_named_in_full(nlp) -> None:
    text = ("The National Union of Metalworkers and Nordhavn Steel AB reached a wage agreement on Wednesday.\n\n"
            "The NUM said in a statement that the deal was fair.")
    assert _speakers(nlp, text)[-1] == "National Union of Metalworkers"


def test_bracketed_holder_of_a_title_in_a_record(nlp) -> None:
    text = ("THE MINISTER OF FINANCE (SHRI P. CHIDAMBARAM) made a statement on the budget.\n\n"
            "He said that the deficit would be cut to four percent.")
    assert [s.lower() for s in _speakers(nlp, text) if s] == ["p. chidambaram"]


def test_nearest_of_two_fitting_people_wins() -> None:
    desc = Description("spaniard", False, "ESP")
    near = Candidate("Quique Sanchez Flores", 300, None, frozenset())
    far = Candidate("Rafael Benitez", 100, None, frozenset())
    assert choose(desc, [near, far], 0) is near


def test_office_must_match_the_state_even_when_the_title_fits() -> None:
    desc = Description("president", True, "TUR")
    assert compatible(desc, Candidate("Ilham Aliyev", 10, "AZE", frozenset({"president"}))) == 0
    assert compatible(desc, Candidate("Recep Tayyip Erdogan", 5, "TUR", frozenset({"president"}))) == 2


def test_unnamed_person_named_in_the_relative_clause(nlp) -> None:
    text = ("Shelling stopped in the town on Sunday. A shopkeeper, who gave only his first name, Karim, said the "
            "market had reopened.")
    assert _speakers(nlp, text)[-1] == "Karim"


def test_the_company_is_the_body_its_own_sentence_names(nlp) -> None:
    text = "Northwind Energy AG will close two refineries next year, the company said on Tuesday."
    assert _speakers(nlp, text) == ["Northwind Energy AG"]


def test_a_standing_fits_any_calling(nlp) -> None:
    text = ("Head coach Sofia Lindqvist kept the same starting line-up for Sunday's final. "
            "\"They earned another chance,\" the veteran said.")
    assert _speakers(nlp, text) == ["Sofia Lindqvist"]
