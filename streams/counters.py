"""Worker counters (articles in, events out, dead letters by reason, skipped). Plain process state: /health and
/metrics read them; they reset when the worker restarts, as Prometheus counters do."""

from __future__ import annotations

from collections import Counter

counts: Counter[str] = Counter()
dead_letters: Counter[str] = Counter()
skipped: Counter[str] = Counter()


def observe_extraction(seconds: float, articles: int) -> None:
    """One NLP batch took `seconds` of wall time for `articles` articles (feeds the latency histogram)."""
    counts["nlp_batches"] += 1


def snapshot() -> dict[str, object]:
    return {"counts": dict(counts), "dead_letters": dict(dead_letters), "skipped": dict(skipped)}
