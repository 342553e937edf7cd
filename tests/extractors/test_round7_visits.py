"""Round seven, visits (`data/round7_visits.jsonl`): a visit is an entry apart from the talks held during it when
the article tells more than those talks (a wider contact during it, the visitor's programme, a multi-day visit whose
talks are told only by back-reference), and one entry with its single meeting otherwise. Its scores have floors in
`test_written_sets.py`; here, the shape of each case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractors import extract_batch
from schemas.article import article_from_mapping

pytestmark = pytest.mark.timeout(600)

DATA = Path(__file__).with_name("data") / "round7_visits.jsonl"


def _rows() -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="module")
def found(nlp) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    rows = _rows()
    articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in rows.values()]
    return {e.id: [(tuple(m.countries), m.kind) for m in e.meetings if m.status == "held"]
            for e in extract_batch(articles, nlp)}  # fmt: skip


@pytest.mark.parametrize(("aid", "pair"), [
    ("r7v-wider-three-way-wire", ("KAZ", "UZB")),  # a three-way meeting the next day
    ("r7v-programme-toured-broadcaster", ("DEU", "TZA")),  # toured a museum
    ("r7v-programme-ceremony-newspaper", ("JPN", "VNM")),  # a welcoming ceremony
    ("r7v-centrepiece-talks-wire", ("AUS", "NZL")),  # "the talks at X were the centrepiece of a two-day visit"
])  # fmt: skip
def test_visit_apart_from_its_talks(found, aid: str, pair: tuple[str, ...]) -> None:
    kinds = sorted(k for c, k in found[aid] if c == pair)
    assert len(kinds) == 2 and "visit" in kinds, kinds


@pytest.mark.parametrize("aid", ["r7v-control-visit-one-talks", "r7v-control-travel-for-talks"])
def test_visit_and_its_one_meeting_stay_one(found, aid: str) -> None:
    assert len(found[aid]) == 1


def test_a_meeting_of_the_pair_elsewhere_is_none_of_the_visits(found) -> None:
    """"The two prime ministers last met at the summit in Vilnius": the Stockholm visit still holds one meeting, and
    another person's tour in the article is not its programme."""
    assert len(found["r7v-control-other-tour"]) == 2


def test_the_pair_joined_by_a_third_meets_as_three(found) -> None:
    assert (("KAZ", "KGZ", "UZB"), "meeting") in found["r7v-wider-three-way-wire"]


def test_near_misses_yield_no_contact(found) -> None:
    assert all(not found[i] for i in found if i.startswith("r7v-nd-"))
