"""Train the learned meeting pass: `python -m bench.learned_meetings.train [--dev2-tune PATH] [--out PATH]`.

Reads ONLY data the project may train on: `dev.jsonl` of the shared corpus, the EVEN half of dev2 (records whose
id's SHA-1, read as a hexadecimal number, is even; `even_half` re-derives the split from the file given, so an odd
record passed by mistake is dropped unread), and our own written sets named in `OWN_SETS` (never a held-out set).
Absent files are skipped. Training is deterministic: fixed vocabulary order, Newton steps on an L2-penalised
logistic loss, no random numbers. Labels: a candidate is positive when a gold meeting of its article has exactly
its country set."""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from bench.corpus import CORPUS
from bench.learned_meetings.model import WEIGHTS_PATH

if TYPE_CHECKING:
    from bench.learned_meetings.candidates import Candidate
    from extractors.core.types import Meeting

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
SHARED = CORPUS  # ../shared/corpus beside the repository
OWN_DIR = ROOT / "tests" / "extractors" / "data"
OWN_SETS = (
    "blind2_tune", "blind3_tune", "wire_blind", "families", "families_meetings", "families_quotes",
    "families_resolve", "own_check", "officeholders_probe", "round3_countries", "round3_meeting_attributes",
    "round3_meetings_recall", "round4_parties", "round4_visits", "round5_background", "round5_counterparts",
    "round5_frames", "round5_gatherings", "round6_calls", "round6_dates", "round6_places", "round7_context",
    "round7_multi", "round7_planned", "round7_visits", "round8_attrs", "round8_place", "round8_prec",
    "round8_recall",
)  # fmt: skip
L2 = 1.0
MIN_COUNT = 2  # features seen fewer times are left out of the vocabulary
FP_COST = 1.5  # a false meeting costs more than a missed one: the threshold maximises tp - FP_COST * fp


def even_half(record_id: str) -> bool:
    """The dev2 half we may train on: SHA-1 of the id, read as hex, is even."""
    return int(hashlib.sha1(record_id.encode("utf-8")).hexdigest(), 16) % 2 == 0


def training_files(dev2_tune: Path | None) -> list[tuple[str, Path]]:
    files = [("dev", SHARED / "dev.jsonl")]
    if dev2_tune is not None:
        files.append(("dev2_tune", dev2_tune))
    files += [(name, OWN_DIR / f"{name}.jsonl") for name in OWN_SETS]
    return [(n, p) for n, p in files if p.exists()]


def read_rows(name: str, path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            if name == "dev2_tune" and not even_half(str(r.get("id", ""))):
                continue
            if (r.get("gold") or {}).get("meetings") is None:
                continue
            rows.append(r)
    return rows


def article_examples(rows: list[dict], nlp: Any = None) -> Iterable[dict]:
    """Per article: rule output, candidates (features, label, the meeting they would give)."""
    from bench.learned_meetings.model import featurize, to_meeting
    from extractors.core.pipeline import load_nlp
    from extractors.meetings.args import Lookup
    from extractors.meetings.extract import find_meetings
    from extractors.resolve.resolver import ArticleResolver
    from schemas.article import article_from_mapping

    nlp = nlp or load_nlp()
    arts = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in rows]
    for row, art, doc in zip(rows, arts, nlp.pipe((a.text for a in arts), batch_size=8), strict=True):
        resolver = ArticleResolver(doc, art.published_date, None, source=art.source, url=art.url)
        rules = find_meetings(doc, resolver)
        lookup = Lookup(doc, resolver)
        gold = (row.get("gold") or {}).get("meetings") or []
        cands = []
        for c, status in featurize(doc, lookup, rules):
            cands.append({"countries": list(c.countries), "features": c.features, "twin": c.rule_twin is not None,
                          "label": label(c, gold, rules), "sent": c.sent.start,
                          "meeting": to_meeting(c, status, lookup, art.published_date, 0.6).to_dict()})
        yield {"id": row["id"], "gold": row, "rules": [m.to_dict() for m in rules], "cands": cands}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _overlaps(evidence: str, sentence: str) -> bool:
    ev, se = _words(evidence), set(_words(sentence))
    return bool(ev) and sum(1 for w in ev if w in se) >= 0.5 * len(ev)


def label(c: Candidate, gold: list[dict], rules: list[Meeting]) -> int:
    """A new set: positive when a gold meeting has exactly that set. A set the rules output from another
    sentence: positive when the gold has more meetings of that set than the rules output, and one of the extra
    ones is stated in this sentence (its evidence overlaps it) and not in the rule record's sentence."""
    key = frozenset(c.countries)
    same = [g for g in gold if frozenset(g["countries"]) == key]
    if c.rule_twin is None:
        return int(bool(same))
    ruled = [m for m in rules if frozenset(m.countries) == key]
    if len(same) <= len(ruled):
        return 0
    sent = c.sent.text
    return int(any(_overlaps(g["evidence"], sent) and not any(_overlaps(g["evidence"], m.evidence) for m in ruled)
                   for g in same))


def fit(feats: list[dict[str, float]], labels: list[int], l2: float = L2) -> dict[str, float]:
    """L2 logistic regression by Newton steps (deterministic). The bias is not penalised."""
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    vocab = sorted(k for k, n in counts.items() if n >= MIN_COUNT or k == "bias")
    index = {k: i for i, k in enumerate(vocab)}
    x = np.zeros((len(feats), len(vocab)))
    for r, f in enumerate(feats):
        for k, v in f.items():
            if k in index:
                x[r, index[k]] = v
    y = np.asarray(labels, dtype=float)
    w = np.zeros(len(vocab))
    pen = np.full(len(vocab), l2)
    if "bias" in index:
        pen[index["bias"]] = 1e-6
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + pen * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return {k: round(float(w[i]), 5) for k, i in index.items() if abs(w[i]) >= 1e-4}


def set_scores(arts: list[dict], weights: dict[str, float]) -> list[tuple[float, int]]:
    """(probability, label) per (article, country set): a set's best sentence speaks for it."""
    from bench.learned_meetings.model import probability

    out = []
    for a in arts:
        best: dict[tuple[str, ...], tuple[float, int]] = {}
        for c in a["cands"]:
            key = tuple(c["countries"])
            p = probability(c["features"], weights)
            if key not in best or p > best[key][0]:
                best[key] = (p, c["label"])
        out.extend(best.values())
    return out


def choose_threshold(arts_by_set: dict[str, list[dict]], folds: int = 5) -> float:
    """Threshold maximising tp - FP_COST*fp on out-of-fold scores (folds of whole sets, deterministic)."""
    names = sorted(arts_by_set)
    oof: list[tuple[float, int]] = []
    for k in range(folds):
        test = [n for i, n in enumerate(names) if i % folds == k]
        train = [a for n in names if n not in test for a in arts_by_set[n]]
        w = fit(*_xy(train))
        oof += set_scores([a for n in test for a in arts_by_set[n]], w)
    best_t, best_v = 0.99, 0.0
    for t in np.arange(0.30, 0.96, 0.025):
        tp = sum(1 for p, y in oof if p >= t and y)
        fp = sum(1 for p, y in oof if p >= t and not y)
        v = tp - FP_COST * fp
        if v > best_v:
            best_t, best_v = float(round(t, 3)), v
    return best_t


def _xy(arts: list[dict]) -> tuple[list[dict[str, float]], list[int]]:
    feats = [c["features"] for a in arts for c in a["cands"]]
    return feats, [c["label"] for a in arts for c in a["cands"]]


def train(arts_by_set: dict[str, list[dict]]) -> dict[str, Any]:
    weights = fit(*_xy([a for n in sorted(arts_by_set) for a in arts_by_set[n]]))
    return {"weights": weights, "threshold": choose_threshold(arts_by_set), "trained_on": sorted(arts_by_set)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev2-tune", type=Path, default=SHARED / "dev2.jsonl", help="dev2; its even half is read")
    ap.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = ap.parse_args(argv)
    arts_by_set = {n: list(article_examples(read_rows(n, p))) for n, p in training_files(args.dev2_tune)}
    model = train(arts_by_set)
    args.out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(model['weights'])} weights, threshold {model['threshold']}, sets {len(arts_by_set)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
