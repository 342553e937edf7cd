"""Round six, parties of a contact (g4): a call told as the means of another verb of speaking to someone ("briefed
X on the outcome in a telephone call", "discussed the plans with X in a phone call", "congratulated X over the
phone"). Its parties are that verb's subject and the one spoken to; near misses (a hospital, a club, an airline
telephoning people) must yield no contact."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractors import extract_batch
from extractors.core.scoring import score
from schemas.article import article_from_mapping

pytestmark = pytest.mark.timeout(300)

DATA = Path(__file__).with_name("data") / "round6_g4.jsonl"


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_calls_as_means_are_read_with_both_parties(nlp) -> None:
    rows = _rows()
    articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in rows]
    got = score(rows, {e.id: e.to_dict() for e in extract_batch(articles, nlp)})
    assert got["meetings"]["f1"] >= 0.9, got["meetings"]
    assert got["contact_pairs"]["f1"] >= 0.9, got["contact_pairs"]


def test_near_misses_yield_no_contact(nlp) -> None:
    rows = [r for r in _rows() if r["gold"]["meetings"] == []]
    assert len(rows) >= 3
    articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in rows]
    assert {e.id: e.meetings for e in extract_batch(articles, nlp) if e.meetings} == {}
