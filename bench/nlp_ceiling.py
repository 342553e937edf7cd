"""What each spaCy component costs per word, and the best offline/bare ratio a sentence gate could reach.

Why it exists: the benchmark issue asks for offline >= 1.5x bare (diplomatic) and >= 3x (wire) by running the
costly components only where they can matter. `bench.gate_share` measures how much text a gate must keep for
Parley's extractors; this turns that into ratios. Per word: bare = the stock pipeline; Parley = cheap parts (the
tokenizer, the memoised attributes) + costly parts (tok2vec, tagger, parser, NER) + the layer on the Doc. A gate
keeping a share s of the text can at best cost `cheap + s * (costly + layer)` (it still tokenises everything; the
layer is assumed to shrink with it, which flatters the gate). The required share for a target r is where that
equals `bare / r`. Timed with `time.process_time`, each component over all distinct texts of a set, warm.

    .venv/bin/python -m bench.nlp_ceiling
"""

from __future__ import annotations

import time
from typing import Any

from bench.corpus import build_sets
from bench.gate_share import kept_share
from extractors.core.memo_attributes import NAME as MEMO

CHEAP = ("tokenizer", "attribute_ruler", "lemmatizer", MEMO)
TARGETS = {"diplomatic": 1.5, "wire": 3.0}


def component_costs(nlp: Any, texts: list[str], batch_size: int = 16) -> dict[str, float]:
    """Microseconds of CPU per token for the tokenizer and each component, in pipeline order."""
    list(nlp.pipe(texts, batch_size=batch_size))  # warm: memo, caches
    started = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    out = {"tokenizer": time.process_time() - started}
    for name, component in nlp.pipeline:
        started = time.process_time()
        pipe = getattr(component, "pipe", None)
        docs = list(pipe(docs, batch_size=batch_size)) if pipe else [component(d) for d in docs]
        out[name] = time.process_time() - started
    words = sum(len(d) for d in docs) or 1
    return {k: v / words * 1e6 for k, v in out.items()}


def layer_cost(nlp: Any, rows: list[dict[str, Any]], repeats: int = 5) -> float:
    """Microseconds of CPU per token for the resolver, meetings and quotes on a parsed Doc."""
    from extractors.core.run import _extract_doc
    from schemas.article import article_from_mapping

    articles = [article_from_mapping(r) for r in rows]
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    for a, d in zip(articles, docs, strict=True):  # warm
        _extract_doc(a, d, None)
    best = float("inf")
    for _ in range(repeats):  # the layer is short: the best of a few passes, as the machine is shared
        started = time.process_time()
        for a, d in zip(articles, docs, strict=True):
            _extract_doc(a, d, None)
        best = min(best, time.process_time() - started)
    return best / (sum(len(d) for d in docs) or 1) * 1e6


def best_ratio(bare: float, cheap: float, costly: float, share: float) -> float:
    """offline/bare if the costly parts (the layer included) ran on `share` of the text and nothing else changed."""
    return bare / (cheap + share * costly)


def max_share(bare: float, cheap: float, costly: float, target: float) -> float:
    """The largest share of the text the costly parts may see for offline/bare to reach `target`."""
    return (bare / target - cheap) / costly


def main() -> None:
    import spacy

    from extractors import load_nlp
    from extractors.core.pipeline import default_model

    stock, parley = spacy.load(default_model()), load_nlp()
    for name, aset in build_sets(300).items():
        rows = list({r["text"]: r for r in aset.rows}.values())
        texts = [r["text"] for r in rows]
        bare = component_costs(stock, texts)
        ours = component_costs(parley, texts)
        layer = layer_cost(parley, rows)
        cheap = sum(v for k, v in ours.items() if k in CHEAP)
        costly = sum(v for k, v in ours.items() if k not in CHEAP)
        bare_total = sum(bare.values())
        print(f"{name}: {len(texts)} texts, microseconds of CPU per token")
        print("  stock  " + "  ".join(f"{k} {v:.1f}" for k, v in bare.items()) + f"  = {bare_total:.1f}")
        print("  parley " + "  ".join(f"{k} {v:.1f}" for k, v in ours.items()) + f"  + layer {layer:.1f}"
              f"  = {cheap + costly + layer:.1f}  (offline/bare {bare_total / (cheap + costly + layer):.2f}, no gate)")
        target = TARGETS[name]
        need = max_share(bare_total, cheap, costly + layer, target)
        print(f"  target {target}x bare: the costly parts and the layer may run on at most {need:.0%} of the text")
        for label, tight, quotes in (("safe gate", False, True), ("tight gate", True, True),
                                     ("meetings only, safe", False, False), ("meetings only, tight", True, False)):
            share = kept_share(texts, tight, quotes)
            best = best_ratio(bare_total, cheap, costly + layer, share)
            print(f"  {label:22s} keeps {share:6.1%}  -> offline/bare at best {best:.2f}")


if __name__ == "__main__":
    main()
