"""Round six, where a contact took place (`round6_g1.jsonl`): places the clause gives a contact off its own words
(a fronted "In X,", "in the <demonym> capital", the destination of the trip the talks are made on, a verb's place
for "during talks with", a town under the venue), with near misses where the place is only a topic or nobody
official meets. Scored before the rules: location_country 0.14; after them 1.0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import extract_batch
from extractors.core.scoring import score
from schemas.article import article_from_mapping

pytestmark = pytest.mark.timeout(600)

DATA = Path(__file__).with_name("data") / "round6_g1.jsonl"


def test_places_of_contacts_told_by_the_clause(nlp) -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 8
    articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in rows]
    result = score(rows, {e.id: e.to_dict() for e in extract_batch(articles, nlp)})
    assert result["meetings"]["f1"] >= 0.9, result["meetings"]
    assert result["meeting_attributes"]["location_country_accuracy"] >= 0.9, result["meeting_attributes"]
