"""Quotation marks found on the raw text, before any parse: direction from the neighbours, single marks only in
pairs, paragraphs as the corpus format has them."""

from __future__ import annotations

import pytest

from extractors.quotes.marks import find_quoted, paragraphs


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ('He said "yes" and "no".', ["yes", "no"]),
        ("\u201cOpen but never closed", ["Open but never closed"]),
        ("A stray closing mark\u201d here.", []),
        ("The ministers' talks and the countries' views", []),
        ("She called it \u2018a disaster\u2019 in public.", ["a disaster"]),
        ("\u201dReversed marks\u201c are read by position.", ["Reversed marks"]),
        ("\u201cFirst paragraph.\n\nSecond paragraph.\u201d", ["First paragraph.", "Second paragraph."]),
        ("", []),
    ],
)
def test_quotation_marks(text: str, pieces: list[str]) -> None:
    got = [text[s:e] for q in find_quoted(text) for s, e in q.parts]
    assert got == pieces


def test_paragraphs_ignore_blank_space() -> None:
    assert paragraphs("one\n\n  \n\ntwo") == [(0, 3), (9, 12)]
