"""Parts 1 and 2 of the benchmark (bare spaCy against `parley extract`), the per-stage cost, and dev-set F1.

Both parts run in this one process, after a warm-up, on the same texts and with the same `nlp.pipe` batch size,
so their ratio isolates what Parley adds to (or saves from) the stock pipeline. "offline" IS `parley extract`:
its command function (streams.cli.offline.extract) is called in-process on a JSONL file, so it reads, builds articles by
the input contract, runs extract_batch and writes its lines exactly as the command does; only the model load,
cached after the warm-up call, is left out. "bare" loads the same model with `spacy.load` and nothing disabled.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from bench.corpus import ArticleSet
from extractors.core.memo_attributes import NAME as MEMO
from schemas.article import Article, article_from_mapping
from streams.settings import Settings

F1_KEYS = ("meetings", "meetings_ignoring_status", "contact_pairs", "quotes_span", "quotes_attributed")
LAYER_PARTS = {"ArticleResolver": "resolver_ms", "find_meetings": "meetings_ms", "find_quotes": "quotes_ms"}


def model_name(settings: Settings) -> str:
    from extractors.core.pipeline import default_model

    return settings.spacy_model or default_model()


def stock_nlp(settings: Settings) -> Any:
    """The model's full stock pipeline: every component its config enables, loaded apart from Parley's."""
    import spacy

    return spacy.load(model_name(settings))


def parley_nlp(settings: Settings) -> Any:
    from extractors import load_nlp

    return load_nlp(settings.spacy_model)


def snapshot_of(settings: Settings) -> Any:
    """The people snapshot the worker and `parley extract` would use (None when none is configured)."""
    path = getattr(settings, "people_snapshot", None)
    if not path:
        return None
    from extractors import load_snapshot

    return load_snapshot(path)


def articles_of(rows: list[dict[str, Any]], settings: Settings) -> list[Article]:
    return [article_from_mapping(r, settings.max_text_chars) for r in rows]


class Timed:
    """Wall and CPU seconds of repeated runs of one part; the fastest run counts.

    The machine is shared, so the fastest run is the least disturbed one; CPU seconds (this process only) are
    kept beside wall seconds because they barely move when other processes compete for the cores.
    """

    def __init__(self) -> None:
        self.wall = float("inf")
        self.cpu = float("inf")
        self.result: Any = None

    def run(self, fn: Callable[[], Any]) -> None:
        w0, c0 = time.perf_counter(), time.process_time()
        self.result = fn()
        self.wall = min(self.wall, time.perf_counter() - w0)
        self.cpu = min(self.cpu, time.process_time() - c0)

    def rates(self, articles: int, words: int) -> dict[str, float]:
        return {"seconds": self.wall, "cpu_seconds": self.cpu, "articles": articles, "words": words,
                "articles_per_s": articles / self.wall, "words_per_s": words / self.wall,
                "articles_per_cpu_s": articles / self.cpu}


def bare_runner(aset: ArticleSet, settings: Settings) -> tuple[Callable[[], Any], dict[str, Any]]:
    """A warm stock pipeline and the run to time on it (each doc's length summed, so nothing is left lazy)."""
    nlp = stock_nlp(settings)
    texts = [r["text"] for r in aset.rows]
    list(nlp.pipe(texts[:8], batch_size=settings.nlp_batch_size))  # warm-up: lazy initialisation, caches
    info = {"components": list(nlp.pipe_names), "batch_size": settings.nlp_batch_size}
    return lambda: sum(len(d) for d in nlp.pipe(texts, batch_size=settings.nlp_batch_size)), info


def offline_runner(rows: list[dict[str, Any]], settings: Settings, workdir: Path
                   ) -> tuple[Callable[[], dict[str, Any]], dict[str, Any]]:
    """`parley extract IN -o OUT` in-process, model loaded; the timed run returns the output lines by article id.
    Each run starts with an empty attribute memo (extractors/memo_attributes.py), as a fresh `parley extract`
    process or a newly started worker would: otherwise the runs before it would have warmed it."""
    from streams.cli.offline import extract

    workdir = Path(tempfile.mkdtemp(prefix="offline-", dir=workdir))
    src, dst, warm = workdir / "in.jsonl", workdir / "out.jsonl", workdir / "warm.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    warm.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows[:8]))
    extract(input=warm, output=dst)  # loads (and caches) the model, as the command's start-up would

    def run() -> dict[str, dict[str, Any]]:
        nlp = parley_nlp(settings)
        if MEMO in nlp.pipe_names:
            nlp.get_pipe(MEMO).cache.clear()
        extract(input=src, output=dst)
        with dst.open("rb") as fh:
            return {line["id"]: line for line in map(orjson.loads, fh)}

    return run, {"components": list(parley_nlp(settings).pipe_names), "batch_size": settings.nlp_batch_size}


def offline_summary(lines: dict[str, dict[str, Any]]) -> dict[str, int]:
    return {"events": sum(len(v["meetings"]) + len(v["quotes"]) for v in lines.values()),
            "articles_with_events": sum(1 for v in lines.values() if v["meetings"] or v["quotes"])}


@contextlib.contextmanager
def _timing_layer_parts(totals: dict[str, float]) -> Iterator[None]:
    """Wrap the resolver and the two extractors where `extractors.core.run` calls them, to split the layer's time."""
    from extractors.core import run

    originals = {name: getattr(run, name) for name in LAYER_PARTS}

    def timed(fn: Callable[..., Any], key: str) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[key] += (time.perf_counter() - began) * 1e3

        return wrapper

    try:
        for name, fn in originals.items():
            setattr(run, name, timed(fn, LAYER_PARTS[name]))
        yield
    finally:
        for name, fn in originals.items():
            setattr(run, name, fn)


def layer_function(settings: Settings) -> Callable[[Article, Any], dict[str, Any]]:
    """What extraction does on top of a parsed Doc, as shipped (extractors.core.run._extract_doc, with the settings'
    people snapshot when it takes one)."""
    from extractors.core.run import _extract_doc as fn

    extra = [snapshot_of(settings)] if "snapshot" in inspect.signature(fn).parameters else []
    return lambda article, doc: fn(article, doc, *extra).to_dict()


def stage_costs(rows: list[dict[str, Any]], settings: Settings, nlp: Any | None = None) -> dict[str, Any]:
    """Milliseconds per article of the spaCy parse and of the layer on top of it (resolver + extractor calls),
    article by article on `rows` (each text once). Also returns the extractions (the F1's "before")."""
    nlp = nlp if nlp is not None else parley_nlp(settings)
    layer = layer_function(settings)
    articles = articles_of(rows, settings)
    layer(articles[0], nlp(articles[0].text))
    totals = {"parse_ms": 0.0, "layer_ms": 0.0, **{k: 0.0 for k in LAYER_PARTS.values()}}
    lines = {}
    with _timing_layer_parts(totals):
        for article in articles:
            began = time.perf_counter()
            doc = nlp(article.text)
            parsed = time.perf_counter()
            lines[article.id] = layer(article, doc)
            totals["parse_ms"] += (parsed - began) * 1e3
            totals["layer_ms"] += (time.perf_counter() - parsed) * 1e3
    n = len(articles)
    per = {k: v / n for k, v in totals.items()}
    per["layer_over_parse"] = per["layer_ms"] / per["parse_ms"] if per["parse_ms"] else float("nan")
    return {"articles": n, "components": list(nlp.pipe_names), **per, "lines": lines}


def dev_f1(gold_rows: list[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> dict[str, float]:
    from extractors.core.scoring import score

    result = score(gold_rows, predictions)
    return {k: result[k]["f1"] for k in F1_KEYS if k in result}
