"""Meeting extraction (issue 4). STUB."""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.resolve import ArticleResolver
from extractors.types import Meeting


def find_meetings(doc: Doc, resolver: ArticleResolver) -> list[Meeting]:
    return []
