"""The memoised attribute ruler and lemmatizer give exactly the stock components' POS, morphology, lemma and
labels, token by token, on text they have seen and text they have not."""

from __future__ import annotations

import json

import pytest
import spacy

from extractors.core import memo_attributes
from extractors.core.pipeline import default_model
from tests.conftest import CORPUS

ARTICLES = [
    "TOKYO (Kyodo) -- Japanese Foreign Minister Takeshi Iwaya met his Chinese counterpart Wang Yi in Beijing on "
    "Tuesday. \"We agreed to keep talking,\" Iwaya told reporters. It was their first meeting since May.\n\n"
    "There is a gon na be trouble, y'all, and I ain't leaving, said a protester. Let's see what they do.",
    "The ministry said it had no comment. There were talks, but they did not go well; did they? Do it now!\n"
    "   \n\nShe has done what she had to do, and I told you so. Gotta go.  Double  spaces   here.",
    "Prices rose 3.5% in March, the U.S. Labor Department said. \u201cIt\u2019s not over,\u201d an economist "
    "said. C'mon, nobody expected that.",
]


def attributes(doc: spacy.tokens.Doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture(scope="module")
def stock() -> spacy.language.Language:
    return spacy.load(default_model())


def memo_pipeline() -> spacy.language.Language:
    nlp = memo_attributes.install(spacy.load(default_model()))
    assert "attribute_ruler" in nlp.disabled and "lemmatizer" in nlp.disabled
    assert memo_attributes.NAME in nlp.pipe_names
    return nlp


def test_memo_gives_the_stock_attributes_cold_and_warm(stock) -> None:
    memo = memo_pipeline()
    expected = [attributes(stock(text)) for text in ARTICLES]
    assert [attributes(memo(text)) for text in ARTICLES] == expected  # cold: every token computed
    cached = len(memo.get_pipe(memo_attributes.NAME).cache)
    assert [attributes(memo(text)) for text in ARTICLES] == expected  # warm: every token from the memo
    assert len(memo.get_pipe(memo_attributes.NAME).cache) == cached


def test_contractions_keep_the_lemmas_of_their_two_token_patterns() -> None:
    doc = memo_pipeline()("I ain't gon na do it. Let's go, y'all.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["ai"], lemmas["gon"], lemmas["na"], lemmas["'s"], lemmas["y'"]) == ("be", "go", "to", "us", "you")


def test_a_full_memo_starts_afresh_and_stays_exact(stock, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo_attributes, "MAX_ENTRIES", 40)
    memo = memo_pipeline()
    for text in ARTICLES + ARTICLES:
        assert attributes(memo(text)) == attributes(stock(text))
        assert len(memo.get_pipe(memo_attributes.NAME).cache) <= max(40, len(stock(text)))


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "dev.jsonl").exists(), reason="../shared/corpus is absent")
def test_memo_matches_the_stock_pipeline_on_every_corpus_token(stock) -> None:
    memo = memo_pipeline()
    texts = [json.loads(line)["text"] for name in ("seed.jsonl", "dev.jsonl", "stream.jsonl")
             for line in (CORPUS / name).read_text().splitlines() if line.strip()]
    for stock_doc, memo_doc in zip(stock.pipe(texts), memo.pipe(texts), strict=True):
        assert attributes(memo_doc) == attributes(stock_doc)
