"""Round 5, multilateral gatherings (`data/round5_h2.jsonl`): officials of several named states gathering ("the
presidents of A, B and C gathered in X"), a summit that "brings together" leaders, a session with the ministers of
several states, a body co-chaired by ministers of several states, "the three leaders" after three named people, "the
format's leaders" after a named format, a host receiving two guests in one clause, and the place a "when" clause
borrows from the contact it tells; with near-misses (a crowd gathering, gathering evidence, musicians brought
together, a session of a legislature, a band's members, guests received "separately"). Before the rules: meetings
F1 0.438; after: 1.000."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractors import extract_batch
from extractors.core.scoring import score
from schemas.article import article_from_mapping

pytestmark = pytest.mark.timeout(600)

DATA = Path(__file__).with_name("data") / "round5_h2.jsonl"


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gatherings_set_is_well_formed() -> None:
    rows = _rows()
    assert len({r["id"] for r in rows}) == len(rows) >= 15
    for r in rows:
        for m in r["gold"]["meetings"]:
            assert m["countries"] == sorted(m["countries"]) and len(set(m["countries"])) >= 2, r["id"]
            assert m["evidence"] in r["text"], r["id"]


def test_gatherings_are_one_contact_of_all_named_states(nlp) -> None:
    rows = _rows()
    articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in rows]
    result = score(rows, {e.id: e.to_dict() for e in extract_batch(articles, nlp)})
    assert result["meetings"]["f1"] >= 0.9, result["meetings"]
    assert result["meetings"]["fp"] == 0, result["meetings"]
    assert result["contact_pairs"]["f1"] >= 0.9, result["contact_pairs"]
