"""Country resolution (issue 3). STUB: the interface the meeting and quote extractors build on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span


@dataclass(frozen=True, slots=True)
class Actor:
    name: str | None  # fullest name in the article, the description of an unnamed speaker, or a body's name
    country: str | None  # ISO3 or IGO:XX, None when nothing in the text says
    role: str | None  # normalised role: "Foreign Minister", "President", "spokesperson", ...
    kind: str  # person | official | body | country | group | unknown
    start: int  # character offsets of the mention that was resolved
    end: int


class ArticleResolver:
    def __init__(self, doc: Doc, published: date | None = None, snapshot: object | None = None) -> None:
        self.doc = doc
        self.published = published
        self.snapshot = snapshot

    def country_of_text(self, text: str) -> str | None:
        return None

    def country_of_span(self, span: Span) -> str | None:
        return None

    def countries_in(self, span: Span) -> list[tuple[str, int, int]]:
        return []

    def actor(self, span: Span) -> Actor:
        return Actor(span.text, None, None, "unknown", span.start_char, span.end_char)

    def people(self) -> list[Actor]:
        return []

    def main_country(self) -> str | None:
        return None
