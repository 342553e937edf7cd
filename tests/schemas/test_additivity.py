"""Within v1 a schema may only grow: every property, requirement and enum value a consumer was promised when the
schema was first published (the frozen copies beside this file) must still be there and mean the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schemas.registry import SCHEMA_NAMES, load_schema

FROZEN = Path(__file__).resolve().parent / "frozen"


def breaking_changes(frozen: Any, current: Any, path: str = "") -> list[str]:
    """What in `current` breaks a consumer written against `frozen` (an empty list when only additions)."""
    if not isinstance(frozen, dict):
        return [] if frozen == current else [f"{path or '<root>'}: {frozen!r} became {current!r}"]
    if not isinstance(current, dict):
        return [f"{path or '<root>'}: an object became {current!r}"]
    problems = []
    for key, old in frozen.items():
        where = f"{path}/{key}"
        if key not in current:
            problems.append(f"{where}: removed")
        elif key in ("properties", "$defs"):
            problems += [f"{where}/{name}: removed" for name in old if name not in current[key]]
            problems += [p for name in old if name in current[key]
                         for p in breaking_changes(old[name], current[key][name], f"{where}/{name}")]
        elif key == "required":
            problems += [f"{where}: {name!r} no longer required" for name in old if name not in current[key]]
            problems += [f"{where}: {name!r} newly required" for name in current[key] if name not in old]
        elif key in ("description", "title"):
            continue  # wording may improve
        else:
            problems += breaking_changes(old, current[key], where)
    if "required" in current and "required" not in frozen:
        problems.append(f"{path}/required: added {current['required']!r}")
    return problems


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_v1_schema_only_grew_since_first_published(name: str) -> None:
    frozen = json.loads((FROZEN / f"{name}.json").read_text(encoding="utf-8"))
    assert breaking_changes(frozen, load_schema(name)) == []


def test_every_published_schema_has_a_frozen_copy() -> None:
    assert sorted(p.stem for p in FROZEN.glob("*.json")) == sorted(SCHEMA_NAMES)


@pytest.mark.parametrize(
    ("edit", "complaint"),
    [
        (lambda s: s["properties"].pop("kind"), "/properties/kind: removed"),
        (lambda s: s["properties"]["kind"]["enum"].remove("call"), "/properties/kind/enum"),
        (lambda s: s["properties"]["kind"]["enum"].append("lunch"), "/properties/kind/enum"),
        (lambda s: s["properties"]["confidence"].update(type="string"), "/properties/confidence/type"),
        (lambda s: s["required"].remove("status"), "'status' no longer required"),
        (lambda s: s["required"].append("location"), "'location' newly required"),
        (lambda s: s["$defs"]["article"]["required"].remove("url"), "'url' no longer required"),
    ],
)
def test_the_check_catches_breaking_edits(edit, complaint: str) -> None:
    """The additivity check itself must fail on each kind of break, or the test above proves nothing."""
    current = json.loads(json.dumps(load_schema("meeting.v1")))
    edit(current)
    problems = breaking_changes(load_schema("meeting.v1"), current)
    assert any(complaint in p for p in problems), problems


def test_the_check_allows_a_new_optional_property() -> None:
    current = json.loads(json.dumps(load_schema("meeting.v1")))
    current["properties"]["summit_series"] = {"type": ["string", "null"]}
    current["properties"]["kind"]["description"] = "reworded"
    assert breaking_changes(load_schema("meeting.v1"), current) == []
