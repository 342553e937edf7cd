"""The input contract: what an article on the `articles` topic must look like.

Wire feeds carry many fields Parley does not know; those are ignored, never a reason to reject. Everything
that cannot be an article is rejected with a short machine-readable reason, which the worker puts in the
dead-letter headers and counts.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

import orjson

DEFAULT_MAX_TEXT_CHARS = 200_000

# Reasons a message is dead-lettered (stable strings: dashboards and `parley dlq replay` select on them).
NOT_UTF8 = "not_utf8"
NOT_JSON = "not_json"
NOT_OBJECT = "not_object"
NO_TEXT = "no_text"
EMPTY_TEXT = "empty_text"
WRONG_TYPE = "wrong_type"
TEXT_TOO_LONG = "text_too_long"
BAD_DATE = "bad_published"
NUL_BYTES = "nul_bytes"
TOO_DEEP = "too_deeply_nested"

OPTIONAL_STRING_FIELDS = ("id", "url", "source", "published", "title", "language")
MAX_ID_CHARS = 512


class InputRejected(ValueError):
    """The message cannot be an article; `reason` is one of the constants above."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    id: str
    url: str | None = None
    source: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None

    @property
    def published_date(self) -> date | None:
        return parse_published(self.published) if self.published else None

    @property
    def is_english(self) -> bool:
        return not self.language or self.language.lower().split("-")[0].split("_")[0] in ("en", "eng", "english")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_published(value: str) -> date:
    """ISO 8601 date or datetime ("2017-03-20", "2017-03-20T09:00:00Z") to its calendar date."""
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise InputRejected(BAD_DATE, f"published {value[:40]!r} is not an ISO 8601 date") from exc


def derive_id(url: str | None, text: str) -> str:
    """A stable id for an article that came without one: the same url (else text) always gives the same id."""
    basis = ("url:" + url) if url else ("text:" + text)
    return "a-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


def _depth_ok(value: Any, limit: int) -> bool:
    stack = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return True


def article_from_mapping(data: Any, max_text_chars: int = DEFAULT_MAX_TEXT_CHARS) -> Article:
    if not isinstance(data, dict):
        raise InputRejected(NOT_OBJECT, f"top level is {type(data).__name__}, not an object")
    if "text" not in data or data["text"] is None:
        raise InputRejected(NO_TEXT, "no 'text' field")
    text = data["text"]
    if not isinstance(text, str):
        raise InputRejected(WRONG_TYPE, f"'text' is {type(text).__name__}, not a string")
    if not text.strip():
        raise InputRejected(EMPTY_TEXT, "'text' is empty")
    if len(text) > max_text_chars:
        raise InputRejected(TEXT_TOO_LONG, f"'text' has {len(text)} characters, limit {max_text_chars}")
    if "\x00" in text:
        raise InputRejected(NUL_BYTES, "'text' contains NUL characters")
    fields: dict[str, str | None] = {}
    for name in OPTIONAL_STRING_FIELDS:
        value = data.get(name)
        if value is None:
            fields[name] = None
        elif isinstance(value, str):
            if "\x00" in value:
                raise InputRejected(NUL_BYTES, f"'{name}' contains NUL characters")
            fields[name] = value
        else:
            raise InputRejected(WRONG_TYPE, f"'{name}' is {type(value).__name__}, not a string")
    if fields["id"] is not None and not fields["id"].strip():
        fields["id"] = None
    if fields["id"] is not None and len(fields["id"]) > MAX_ID_CHARS:
        raise InputRejected(WRONG_TYPE, f"'id' is longer than {MAX_ID_CHARS} characters")
    if fields["published"]:
        parse_published(fields["published"])
    elif fields["published"] is not None:
        fields["published"] = None
    article_id = fields.pop("id") or derive_id(fields["url"], text)
    return Article(text=text, id=article_id, **fields)


def decode_article(raw: bytes | None, max_text_chars: int = DEFAULT_MAX_TEXT_CHARS, max_depth: int = 32) -> Article:
    """Bytes from Kafka to an Article, or InputRejected with the reason."""
    if raw is None:
        raise InputRejected(NOT_JSON, "empty message (tombstone)")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputRejected(NOT_UTF8, str(exc)[:200]) from exc
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        reason = TOO_DEEP if "depth" in str(exc).lower() or "recursion" in str(exc).lower() else NOT_JSON
        raise InputRejected(reason, str(exc)[:200]) from exc
    if not _depth_ok(data, max_depth):
        raise InputRejected(TOO_DEEP, f"nested deeper than {max_depth} levels")
    return article_from_mapping(data, max_text_chars)
