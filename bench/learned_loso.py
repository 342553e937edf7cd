"""Leave-one-set-out evaluation of the learned meeting pass (issue 17, round 9).

`python -m bench.learned_loso --cache DIR [--dev2-tune PATH]`: parses every training set once (cached as pickles
in DIR), then for each evaluation set trains on all the others (threshold by cross-validation on those others
only) and scores that set with the rules alone and with rules + learned pass; also counts the learned pass's
meetings on the shared non-diplomatic stream set (trained on every set)."""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

from bench.learned_meetings.model import probability
from bench.learned_meetings.train import SHARED, article_examples, read_rows, train, training_files
from extractors.core.scoring import score

EVAL_SETS = ("blind2_tune", "blind3_tune", "dev2_tune", "wire_blind", "dev")


def cached(cache: Path, name: str, path: Path, stream: bool = False) -> list[dict]:
    f = cache / f"{name}.pkl"
    if f.exists():
        return pickle.loads(f.read_bytes())
    if stream:
        rows = [json.loads(x) for x in path.open(encoding="utf-8") if x.strip()]
    else:
        rows = read_rows(name, path)
    arts = list(article_examples(rows))
    f.write_bytes(pickle.dumps(arts))
    print(f"cached {name}: {len(arts)} articles, {sum(len(a['cands']) for a in arts)} candidates", file=sys.stderr)
    return arts


def predictions(arts: list[dict], model: dict | None) -> dict[str, dict]:
    out = {}
    for a in arts:
        meetings = list(a["rules"])
        if model:
            best: dict[tuple, tuple[float, dict]] = {}
            for c in a["cands"]:
                p = probability(c["features"], model["weights"])
                key = tuple(c["countries"])
                if p >= model["threshold"] and (key not in best or p > best[key][0]):
                    best[key] = (p, c["meeting"])
            meetings += [m for _p, m in best.values()]
        out[a["id"]] = {"id": a["id"], "meetings": meetings, "quotes": []}
    return out


def row(name: str, arts: list[dict], model: dict | None) -> str:
    r = score([a["gold"] for a in arts], predictions(arts, model))
    m, p, at = r["meetings"], r["contact_pairs"], r["meeting_attributes"]
    return (f"{name:12} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} (tp={m['tp']} fp={m['fp']}) "
            f"pairsF1={p['f1']:.3f} kind={at['kind_accuracy']:.3f} date={at['date_accuracy']:.3f} "
            f"loc={at['location_country_accuracy']:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--dev2-tune", type=Path, default=SHARED / "dev2.jsonl", help="dev2; its even half is read")
    ap.add_argument("--only-cache", action="store_true")
    ap.add_argument("--threshold", type=float, default=None, help="fixed threshold instead of the cross-validated one")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    sets = {n: cached(args.cache, n, p) for n, p in training_files(args.dev2_tune)}
    stream = cached(args.cache, "stream", SHARED / "stream.jsonl", stream=True)
    if args.only_cache:
        return 0
    for name in EVAL_SETS:
        if name not in sets:
            continue
        model = train({n: a for n, a in sets.items() if n != name})
        if args.threshold is not None:
            model["threshold"] = args.threshold
        print(f"-- held out {name}: {len(model['weights'])} weights, threshold {model['threshold']}")
        print(row("rules", sets[name], None))
        print(row("rules+learned", sets[name], model))
    model = train(sets)
    if args.threshold is not None:
        model["threshold"] = args.threshold
    n = sum(len(p["meetings"]) for p in predictions(stream, model).values())
    n0 = sum(len(p["meetings"]) for p in predictions(stream, None).values())
    print(f"stream.jsonl meetings: rules {n0}, rules+learned {n} (threshold {model['threshold']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
