"""Round 5, contact frames and status (`data/round5_h4.jsonl`): invented articles for each rule of that round
("spent the afternoon with", "sat across the table from", "who saw X on Wednesday", "exchanged a few words with",
a "2+2" in scare quotes; "hopes to visit", "whether X would accept", a timetable's present tense, a trip under way,
a summit on the way, a purpose clause of a future trip), with near misses that must yield no contact."""

import json
from pathlib import Path
from typing import Any

import pytest

from extractors import extract_batch
from extractors.core.scoring import score
from schemas.article import article_from_mapping

pytestmark = pytest.mark.timeout(600)

DATA = Path(__file__).with_name("data") / "round5_h4.jsonl"


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_round5_h4_set_is_well_formed() -> None:
    rows = _rows()
    assert len({r["id"] for r in rows}) == len(rows) >= 20
    for r in rows:
        for m in r["gold"]["meetings"]:
            assert m["countries"] == sorted(m["countries"]) and m["evidence"] in r["text"], r["id"]


def test_round5_h4_scores(nlp) -> None:
    rows = _rows()
    articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in rows]
    result = score(rows, {e.id: e.to_dict() for e in extract_batch(articles, nlp)})
    assert result["meetings"]["f1"] >= 0.9
    assert result["meetings"]["precision"] >= 0.95  # the near misses yield nothing
    assert result["contact_pairs"]["f1"] >= 0.9
