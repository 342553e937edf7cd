"""`parley eval` must give the reference scorer's numbers, and its rules must behave as SCORING.md says."""

from __future__ import annotations

import importlib.util
import json
import random

from extractors.core.scoring import bootstrap, same_name, score, span_match
from tests.conftest import SHARED, corpus_file


def test_speaker_names_match_as_scoring_md_says() -> None:
    assert same_name("Fumio Kishida", "Foreign Minister Kishida")
    assert same_name("a Foreign Ministry official", "Foreign Ministry official")
    assert same_name("Mr. Netanyahu's office", "Netanyahu's office")
    assert not same_name("Sergey Lavrov", "Fumio Kishida")
    assert not same_name(None, "Lavrov")


def test_span_match_needs_half_of_both_sides() -> None:
    assert span_match("we agreed to cooperate", "We agreed to cooperate closely") > 0
    assert span_match("we agreed", "we agreed to cooperate on everything we discussed today") == 0


def _perturbed_predictions(gold_rows: list[dict], seed: int) -> dict[str, dict]:
    """Predictions that are partly right: drop, keep, alter and invent records, so every rule is exercised."""
    rng = random.Random(seed)
    preds = {}
    for row in gold_rows:
        meetings, quotes = [], []
        for m in row["gold"].get("meetings") or []:
            if rng.random() < 0.2:
                continue
            m = dict(m)
            if rng.random() < 0.2:
                m["status"] = "planned" if m["status"] == "held" else "held"
            if rng.random() < 0.2:
                m["kind"] = "meeting"
            meetings.append(m)
        if rng.random() < 0.3:
            meetings.append({"countries": ["FRA", "USA"], "status": "held", "evidence": "x"})
        for q in row["gold"].get("quotes") or []:
            if rng.random() < 0.2:
                continue
            q = dict(q)
            if rng.random() < 0.2:
                q["speaker"] = "Somebody Else"
            if rng.random() < 0.2:
                q["text"] = " ".join(q["text"].split()[: max(1, len(q["text"].split()) // 3)])
            quotes.append(q)
        if rng.random() < 0.5:
            preds[row["id"]] = {"id": row["id"], "meetings": meetings, "quotes": quotes}
    return preds


def test_scores_equal_the_reference_scorer_on_the_shared_corpus() -> None:
    dev = corpus_file("dev.jsonl")
    spec = importlib.util.spec_from_file_location("reference_score", SHARED / "tools" / "score.py")
    assert spec is not None and spec.loader is not None
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    rows = [json.loads(line) for name in ("dev.jsonl", "seed.jsonl")
            for line in (dev.parent / name).read_text().splitlines() if line.strip()]
    for seed in range(5):
        preds = _perturbed_predictions(rows, seed)
        ours_details: list = []
        theirs_details: list = []
        assert score(rows, preds, ours_details) == reference.score_corpus(rows, preds, theirs_details)
        assert ours_details == theirs_details


def test_bootstrap_intervals_contain_the_point_estimate_and_are_repeatable() -> None:
    rows = [{"id": f"a{i}", "gold": {"meetings": [{"countries": ["JPN", "RUS"], "status": "held"}], "quotes": []}}
            for i in range(20)]
    preds = {f"a{i}": {"meetings": [{"countries": ["JPN", "RUS"], "status": "held"}] if i % 4 else []}
             for i in range(20)}
    point = score(rows, preds)["meetings"]["f1"]
    low, high = bootstrap(rows, preds, rounds=200)["meetings F1"]
    assert low <= point <= high and low < high
    assert bootstrap(rows, preds, rounds=200) == bootstrap(rows, preds, rounds=200)
