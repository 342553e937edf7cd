"""Round 6, quotes (g3): the families fixed on what `blind3_tune.jsonl` and `blind2_tune.jsonl` missed, each in
wordings other than the one that failed, with near misses (`round6_g3.jsonl`):

- "Asked whether ..., X said": the interviewer's question put to the speaker is not the speaker's words;
- "said A, but that B" with the second that-clause hung on the verb: one statement, not a cut one;
- "the head of state" / "the head of government" standing for the leader just named, and only for a leader.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractors import extract_batch
from extractors.core.scoring import score
from schemas.article import article_from_mapping

pytestmark = pytest.mark.timeout(600)

DATA = Path(__file__).parent / "data"


def _rows() -> list[dict[str, Any]]:
    text = (DATA / "round6_g3.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_round6_quote_families_are_found_and_attributed(nlp) -> None:
    rows = _rows()
    assert len(rows) >= 12
    articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in rows]
    result = score(rows, {e.id: e.to_dict() for e in extract_batch(articles, nlp)})
    assert result["quotes_attributed"]["f1"] >= 0.95, result["quotes_attributed"]
    assert result["meetings"]["fp"] == 0
