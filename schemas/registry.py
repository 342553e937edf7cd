"""The JSON Schema files of the public contract, loaded and checked with `jsonschema` (Draft 2020-12).

Consumers in any language read the `.json` files; Python code (the tests, `parley` tools) validates through here
so that one loader decides which file a `schema_version` names.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

SCHEMA_DIR = Path(__file__).resolve().parent
SCHEMA_NAMES = ("article.v1", "meeting.v1", "quote.v1", "retraction.v1")

__all__ = ["SCHEMA_DIR", "SCHEMA_NAMES", "ValidationError", "errors", "load_schema", "validate", "validator"]


def schema_path(name: str) -> Path:
    if name not in SCHEMA_NAMES:
        raise KeyError(f"unknown schema {name!r}; known: {', '.join(SCHEMA_NAMES)}")
    return SCHEMA_DIR / f"{name}.json"


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


def _closed(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every object closed: used by our own tests so that a field the worker emits but the schema
    does not declare is caught here (published schemas stay open, since v1 grows by adding fields)."""
    closed = copy.deepcopy(schema)
    stack: list[Any] = [closed]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                node.setdefault("additionalProperties", False)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return closed


@functools.cache
def validator(name: str, strict: bool = False) -> Draft202012Validator:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(_closed(schema) if strict else schema, format_checker=FormatChecker())


def errors(instance: Any, name: str | None = None, strict: bool = False) -> list[str]:
    """Readable validation errors (empty when valid). Without `name` the instance's own `schema_version` decides."""
    if name is None:
        name = instance.get("schema_version") if isinstance(instance, dict) else None
        if name not in SCHEMA_NAMES:
            return [f"schema_version {name!r} is not one of {', '.join(SCHEMA_NAMES)}"]
    found = sorted(validator(name, strict).iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in found]


def validate(instance: Any, name: str | None = None, strict: bool = False) -> None:
    """Raises ValueError listing every error when the instance does not match its schema."""
    problems = errors(instance, name, strict)
    if problems:
        raise ValueError(f"not a valid {name or instance.get('schema_version')}: " + "; ".join(problems))
