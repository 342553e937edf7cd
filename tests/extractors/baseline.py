"""Measures the figures the baseline holds: the scorer's headline numbers on dev+seed and on dev2 (all of it: the
baseline guards against losing what was gained, it is not the held-out estimate), and the false meetings on the
non-diplomatic stream."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from extractors import extract_batch, load_nlp
from extractors.core.scoring import score
from schemas.article import article_from_mapping

BASELINE = Path(__file__).with_name("dev_baseline.json")
TOLERANCE = 0.02

FIGURES = {
    "meetings_f1": ("meetings", "f1"),
    "contact_pairs_f1": ("contact_pairs", "f1"),
    "kind_accuracy": ("meeting_attributes", "kind_accuracy"),
    "participant_country_accuracy": ("meeting_attributes", "participant_country_accuracy"),
    "quotes_span_f1": ("quotes_span", "f1"),
    "quotes_attributed_f1": ("quotes_attributed", "f1"),
    "speaker_country_accuracy": ("quote_attributes", "speaker_country_accuracy"),
}


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _predict(rows: list[dict[str, Any]], nlp: Any) -> dict[str, dict[str, Any]]:
    articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in rows]
    return {e.id: e.to_dict() for e in extract_batch(articles, nlp)}


def measure(corpus: Path, nlp: Any) -> dict[str, float]:
    out: dict[str, float] = {}
    for prefix, files in (("", ("dev.jsonl", "seed.jsonl")), ("dev2_", ("dev2.jsonl",))):
        rows = [r for f in files for r in _rows(corpus / f)]
        result = score(rows, _predict(rows, nlp))
        for name, (group, key) in FIGURES.items():
            out[prefix + name] = float(result[group][key] or 0.0)
    stream = _rows(corpus / "stream.jsonl")
    out["stream_false_meetings"] = float(score(stream, _predict(stream, nlp))["meetings"]["fp"])
    return out


if __name__ == "__main__":
    corpus_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "corpus"
    figures = measure(corpus_dir, load_nlp())
    BASELINE.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))
