"""The officeholders dictionary inside the resolver: asked after the article's own words, before the snapshot and
the context; it finds names spaCy missed, and never turns a place or a topic into a person's state."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from extractors.core.pipeline import load_nlp
from extractors.resolve.resolver import ArticleResolver


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def span_of(doc, phrase: str):  # noqa: ANN001, ANN201 - test helper
    start = doc.text.index(phrase)
    return doc.char_span(start, start + len(phrase), alignment_mode="expand")


CASES = [  # (published, text, phrase, expected country)
    # a name alone, at the article's date
    ("2025-03-04", "Marco Rubio held talks with Badr Abdelatty in Washington on Tuesday.", "Marco Rubio", "USA"),
    ("2025-03-04", "Marco Rubio held talks with Badr Abdelatty in Washington on Tuesday.", "Badr Abdelatty", "EGY"),
    ("2025-01-20", "John Mahama met Bassirou Diomaye Faye in Accra on Monday.", "Bassirou Diomaye Faye", "SEN"),
    # spaCy reads some names as other things: the dictionary's full names are people all the same
    ("2024-04-16", "\"Enough is enough,\" Ayman Safadi told a news conference in Amman.", "Ayman Safadi", "JOR"),
    # a lone surname of someone in office then
    ("2019-10-12", "Cavusoglu said Turkey expected its allies to stand by it.", "Cavusoglu", "TUR"),
    # spellings with and without diacritics are one person
    ("2019-10-12", "Mevlüt Çavuşoğlu met Jens Stoltenberg in Ankara. Cavusoglu said the talks went well.",
     "Cavusoglu", "TUR"),
    # the article wins over the dictionary
    ("2016-05-01", "Ukrainian governor Mikheil Saakashvili said the port would reopen.", "Mikheil Saakashvili", "UKR"),
    ("2010-01-18", "Bill Clinton, the UN special envoy for Haiti, met Rene Preval in Port-au-Prince on Monday.",
     "Bill Clinton", "IGO:UN"),
    ("2022-03-05", "Olusegun Obasanjo, the African Union's envoy for the Horn of Africa, met Abiy Ahmed on Saturday.",
     "Olusegun Obasanjo", "IGO:AU"),
    ("2024-01-10", "Donald Tusk, then president of the European Council, held talks with Xi Jinping in Beijing.",
     "Donald Tusk", "IGO:EU"),
    # a place after a name is where the person is, not whose they are
    ("2025-02-12", "Donald Trump hosted King Abdullah II at the White House on Tuesday.", "Abdullah II", "JOR"),
    # a style before a name stays a title; the name is still the dictionary's
    ("2010-03-01", "Saudi Crown Prince Sultan received Jordan's King Abdullah in Riyadh.", "King Abdullah", "JOR"),
    # names that several people bear stay open without support...
    ("2019-01-01", "Kim said the drills must stop.", "Kim", None),
    # ... and a namesake with another given name is not the officeholder
    ("2018-07-20", "Sonny Young said the team had played its best match of the tournament.", "Sonny Young", None),
]


@pytest.mark.parametrize(("published", "text", "phrase", "expected"), CASES)
def test_dictionary_in_the_resolver(nlp: Language, published: str, text: str, phrase: str,
                                    expected: str | None) -> None:
    doc = nlp(text)
    actor = ArticleResolver(doc, date.fromisoformat(published)).actor(span_of(doc, phrase))
    assert actor.country == expected
