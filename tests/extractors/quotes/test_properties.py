"""The quote extractor never raises and stays linear, whatever the quotation marks do."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractors.core.pipeline import load_nlp
from extractors.quotes.extract import find_quotes
from extractors.quotes.marks import find_quoted
from extractors.resolve.resolver import ArticleResolver

MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u201e", "\u00ab", "\u00bb"]
WORDS = ["said", "told", "according", "to", "he", "she", "they", "the", "minister", "Ivanova", "said:", "that",
         "ministers'", "don't", "\n\n", "\n", ",", ".", "!", "?", "\u2014", "officials", "stressed", "called", "on",
         "expressed", "concern", "about", "Mr.", "Ms.", "reporters", "It", "who", "\u00e9t\u00e9", "\u4e2d\u6587",
         "12:05", "-", ":", "ISLAMABAD", "(Wire)", "Foreign", "Office", "government", "spokesman", "so-called",
         "and", "of", "the", "Republic", "President", "urged", "him", "Kyodo", "rejected"]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


hostile_text = st.lists(
    st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.text(max_size=6)), max_size=80,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text)
def test_never_raises_on_unbalanced_marks(nlp, text: str) -> None:
    doc = nlp(text)
    for q in find_quotes(doc, ArticleResolver(doc, None)):
        assert 0 <= q.start <= q.end <= len(text)
        assert all(0 <= s <= e <= len(text) for s, e in q.parts)
        assert q.type in ("direct", "partial", "indirect")


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(MARKS + ["a", " ", "\n", ".", ","]), max_size=300))
@example(text="\u201ca\n\n\"")  # an unclosed quotation whose next paragraph is only a mark
def test_quotation_pieces_lie_inside_the_text(text: str) -> None:
    for q in find_quoted(text):
        for s, e in q.parts:
            assert 0 <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_never_raises_on_any_unicode(nlp, text: str) -> None:
    doc = nlp(text)
    find_quotes(doc, ArticleResolver(doc, None))


@pytest.mark.slow
def test_hostile_200kb_article_finishes(nlp) -> None:
    """A generous bound, not a benchmark (timing belongs in bench/): the point is that nothing goes quadratic."""
    rng = random.Random(7)
    pieces: list[str] = []
    size = 0
    while size < 200_000:
        piece = rng.choice(MARKS + WORDS + ["word", "Capital", "\u201cQuoted text here,\u201d he said."])
        pieces.append(piece)
        size += len(piece) + 1
    text = " ".join(pieces)
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    doc = nlp(text)  # the parse is the pipeline's cost, measured in bench/
    started = time.process_time()
    quotes = find_quotes(doc, ArticleResolver(doc, None))
    assert isinstance(quotes, list)
    assert time.process_time() - started < 30
