"""Small rules about the text and its tokens that several parts of the extraction read alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def article_text(doc: Doc, resolver: object) -> str:
    """The resolver's copy of the article's text: spaCy rebuilds `Doc.text` from every token on each access."""
    text = getattr(resolver, "text", None)
    return text if isinstance(text, str) else doc.text


def joining_hyphen(t: Token) -> bool:
    """A hyphen inside a word ("Minister-designate", "Jae-in"), not a dash between clauses."""
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def after_joining_hyphen(t: Token) -> bool:
    """The second half of a hyphenated word: "in" of "Jae-in", "source" of "open-source"."""
    return t.i >= 2 and joining_hyphen(t.doc[t.i - 1])


def surname(name: str) -> str:
    """The last name, lower case, past post-nominal letters ("Ciaran Walsh TD", "Jane Doe MP" -> walsh, doe)."""
    words = name.replace(".", " ").split()
    while len(words) > 1 and words[-1].isupper() and len(words[-1]) <= 3:
        words.pop()
    return words[-1].lower() if words else ""
