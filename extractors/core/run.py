"""`extract` and `extract_batch`: the one code path. `parley extract`, the benchmarks and the stream worker's NLP
processes all call them (through the `extractors` package)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from extractors.core.datelines import story_day
from extractors.core.pipeline import load_nlp
from extractors.core.types import Extraction
from extractors.meetings.extract import find_meetings
from extractors.quotes.extract import find_quotes
from extractors.resolve.resolver import ArticleResolver
from schemas.article import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def _extract_doc(article: Article, doc: Doc, snapshot: Mapping[str, Any] | None) -> Extraction:
    # relative time words count from the day the dateline names, when it names one (the page may carry another
    # day, or none)
    day = story_day(article.text, article.published_date)
    resolver = ArticleResolver(doc, day, snapshot, source=article.source, url=article.url)
    return Extraction(id=article.id, meetings=find_meetings(doc, resolver), quotes=find_quotes(doc, resolver))


def extract(article: Article, nlp: Language | None = None, snapshot: Mapping[str, Any] | None = None) -> Extraction:
    nlp = nlp or load_nlp()
    return _extract_doc(article, nlp(article.text), snapshot)


def extract_batch(articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 8,
                  snapshot: Mapping[str, Any] | None = None) -> Iterator[Extraction]:
    """Same results as `extract` on each article, with spaCy's batching."""
    nlp = nlp or load_nlp()
    items = list(articles)
    for article, doc in zip(items, nlp.pipe((a.text for a in items), batch_size=batch_size), strict=True):
        yield _extract_doc(article, doc, snapshot)
