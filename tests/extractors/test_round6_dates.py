"""Round six, relative dates (`data/round6_dates.jsonl`): contacts dated from another event of the article
("Before the ceremony, ...", "On the eve of the forum, ...", "soon after landing", "on Sunday, a day after
arriving"), in several outlet styles, with near misses where the text gives no anchor (no date may be guessed)
or no contact at all. Its scores have floors in `test_written_sets.py`; here, that no day is guessed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractors import extract_batch
from schemas.article import article_from_mapping

pytestmark = pytest.mark.timeout(600)

DATA = Path(__file__).with_name("data") / "round6_dates.jsonl"


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_no_anchor_no_date_and_near_misses_no_contact(nlp) -> None:
    rows = {r["id"]: r for r in _rows()}
    keep = ["r6g2-before-meeting-noanchor", "r6g2-after-arriving-noanchor", "r6g2-after-session-local",
            "r6g2-landing-sport"]
    articles = [article_from_mapping({k: v for k, v in rows[i].items() if k != "gold"}) for i in keep]
    found = {e.id: e for e in extract_batch(articles, nlp)}
    assert not found["r6g2-after-session-local"].meetings and not found["r6g2-landing-sport"].meetings
    for i in keep[:2]:
        assert all(m.date is None for m in found[i].meetings if m.kind != "visit"), i
