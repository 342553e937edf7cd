"""The input contract: every message is either an Article or rejected with one stable reason."""

from __future__ import annotations

import pytest

from schemas import article as a
from schemas.article import InputRejected, decode_article


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\xff\xfe{}", a.NOT_UTF8),
        (b"not json at all", a.NOT_JSON),
        (b'{"text": "unterminated', a.NOT_JSON),
        (b"", a.NOT_JSON),
        (None, a.NOT_JSON),
        (b"[1, 2, 3]", a.NOT_OBJECT),
        (b'"just a string"', a.NOT_OBJECT),
        (b"42", a.NOT_OBJECT),
        (b"{}", a.NO_TEXT),
        (b'{"title": "Talks", "text": null}', a.NO_TEXT),
        (b'{"text": ""}', a.EMPTY_TEXT),
        (b'{"text": "   \\n\\t "}', a.EMPTY_TEXT),
        (b'{"text": 12}', a.WRONG_TYPE),
        (b'{"text": ["a", "b"]}', a.WRONG_TYPE),
        (b'{"text": "ok", "id": 7}', a.WRONG_TYPE),
        (b'{"text": "ok", "published": 20170320}', a.WRONG_TYPE),
        (b'{"text": "ok", "url": {"href": "x"}}', a.WRONG_TYPE),
        (b'{"text": "ok", "published": "March 20th"}', a.BAD_DATE),
        (b'{"text": "ok", "published": "2017-02-30"}', a.BAD_DATE),
        (b'{"text": "a\\u0000b"}', a.NUL_BYTES),
        (b'{"text": "ok", "title": "x\\u0000"}', a.NUL_BYTES),
        (b'{"text": "ok", "x": ' + b"[" * 100 + b"]" * 100 + b"}", a.TOO_DEEP),
        (b"[" * 5000 + b"]" * 5000, a.TOO_DEEP),
    ],
)
def test_rejects_with_reason(raw: bytes | None, reason: str) -> None:
    with pytest.raises(InputRejected) as info:
        decode_article(raw)
    assert info.value.reason == reason


def test_text_over_the_limit_is_rejected() -> None:
    with pytest.raises(InputRejected) as info:
        decode_article(b'{"text": "' + b"x" * 101 + b'"}', max_text_chars=100)
    assert info.value.reason == a.TEXT_TOO_LONG
    assert decode_article(b'{"text": "' + b"x" * 100 + b'"}', max_text_chars=100).text == "x" * 100


def test_unknown_fields_are_ignored_and_optional_fields_kept() -> None:
    art = decode_article(b'{"text": "Talks resumed.", "id": "x1", "url": "https://n.example/1", "source": "Wire",'
                         b' "published": "2017-03-20T09:30:00+09:00", "title": "T", "language": "en",'
                         b' "byline": {"name": "A. Writer"}, "tags": [1, 2], "wordcount": 3}')
    assert (art.id, art.url, art.source, art.title, art.language) == ("x1", "https://n.example/1", "Wire", "T", "en")
    assert art.published_date is not None and art.published_date.isoformat() == "2017-03-20"


def test_missing_id_is_derived_deterministically_from_url_else_text() -> None:
    by_url = decode_article(b'{"text": "one", "url": "https://n.example/a"}')
    same_url = decode_article(b'{"text": "other text", "url": "https://n.example/a"}')
    by_text = decode_article(b'{"text": "one"}')
    assert by_url.id == same_url.id
    assert by_text.id == decode_article(b'{"text": "one", "id": null}').id
    assert by_text.id != by_url.id
    assert decode_article(b'{"text": "one", "id": "  "}').id == by_text.id


@pytest.mark.parametrize(("language", "english"), [(None, True), ("en", True), ("en-GB", True), ("EN_us", True),
                                                   ("fr", False), ("ja", False), ("de-DE", False)])
def test_language(language: str | None, english: bool) -> None:
    art = a.article_from_mapping({"text": "x", "language": language})
    assert art.is_english is english


def test_offsets_are_code_points() -> None:
    art = decode_article('{"text": "\U0001F600 Kishida met Lavrov."}'.encode())
    assert art.text.index("Kishida") == 2
