"""Quote extraction (issue 5). STUB."""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.resolve import ArticleResolver
from extractors.types import Quote


def find_quotes(doc: Doc, resolver: ArticleResolver) -> list[Quote]:
    return []
