"""Our own independent check set (tests/extractors/data/own_check.jsonl): 30 invented articles annotated by the
conventions of ../shared/corpus/ANNOTATION.md (24 with diplomatic contacts, 6 non-diplomatic ones that use
meeting words in other senses). Scored when written: meetings F1 0.782, contact_pairs F1 0.845, quotes_span F1
0.921, quotes_attributed F1 0.902. The extractors were then improved against its misses (general causes, each
with new test articles), to 0.974 / 1.0 / 1.0 / 1.0: it is no longer an unseen set, and now guards those fixes.
The headline scores may not fall below floors about 0.05 under the current numbers. The file is part of the
repository, so this test needs no corpus marker.
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

DATA = Path(__file__).with_name("data") / "own_check.jsonl"

FLOORS = {
    ("meetings", "f1"): 0.92,
    ("contact_pairs", "f1"): 0.95,
    ("quotes_span", "f1"): 0.95,
    ("quotes_attributed", "f1"): 0.95,
}


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def result(nlp) -> dict[str, Any]:
    rows = _rows()
    articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in rows]
    pred = {e.id: e.to_dict() for e in extract_batch(articles, nlp)}
    return score(rows, pred)


def test_check_set_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) == 30
    assert len({r["id"] for r in rows}) == 30
    for r in rows:
        text = r["text"]
        for m in r["gold"]["meetings"]:
            assert m["countries"] == sorted(m["countries"]) and len(set(m["countries"])) >= 2, r["id"]
            assert m["evidence"] in text, (r["id"], m["evidence"])
        for q in r["gold"]["quotes"] or []:
            for piece in q.get("parts") or [q["text"]]:
                assert piece in text, (r["id"], piece)


@pytest.mark.parametrize(("group", "key"), list(FLOORS))
def test_own_check_scores_stay_above_floor(result: dict[str, Any], group: str, key: str) -> None:
    measured = result[group][key]
    floor = FLOORS[(group, key)]
    assert measured >= floor, f"{group} {key} = {measured} fell below the floor {floor}: {result[group]}"


def test_no_false_meetings_in_non_diplomatic_articles(nlp) -> None:
    """The six non-diplomatic articles (ids oc-nd-*) hold one false meeting today (Everest climbers); no more."""
    rows = [r for r in _rows() if r["id"].startswith("oc-nd-")]
    articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in rows]
    pred = {e.id: e.to_dict() for e in extract_batch(articles, nlp)}
    assert score(rows, pred)["meetings"]["fp"] <= 1
