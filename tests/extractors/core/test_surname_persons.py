"""The recogniser's slip on a surname after a fronted time phrase ("On Tuesday, Lavrov said": ORG)."""

from __future__ import annotations

from extractors.core.pipeline import _place_word


def _labels(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def test_a_surname_after_a_fronted_time_phrase_is_the_person_named_before(nlp) -> None:
    labels = _labels(nlp, "Russian Foreign Minister Sergei Lavrov met Wang Yi. On Tuesday, Lavrov said the talks "
                          "were useful. Late Monday Wang told reporters that NATO would respond.")
    assert labels["Lavrov"] == "PERSON" and labels["Wang"] == "PERSON"
    assert labels["NATO"] == "ORG"  # an acronym stays what it was


def test_without_a_full_name_before_or_a_fronted_time_the_reading_stays(nlp) -> None:
    assert _labels(nlp, "On Tuesday, Lavrov said the talks were useful.").get("Lavrov") != "PERSON"
    # a state's or a city's name stays a place, even where a person of that name came before
    assert _place_word("Jordan") and _place_word("Paris") and not _place_word("Lavrov")
