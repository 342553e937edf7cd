"""Worker counters (articles in, events out, dead letters by reason, skipped) and the extraction latency
histogram. Plain process state with no dependency on a metrics library: /health and /metrics read them; they
reset when the worker restarts, as Prometheus counters do."""

from __future__ import annotations

import bisect
from collections import Counter

counts: Counter[str] = Counter()
dead_letters: Counter[str] = Counter()
skipped: Counter[str] = Counter()
# What is failing right now and why ("delivery", "extraction", "contact-updates" -> the last error), set while a
# retry loop runs and cleared when it succeeds: /health answers 503 with these reasons meanwhile.
failing: dict[str, str] = {}

# Upper bounds (seconds) of the extraction latency buckets: from a short article alone in a batch (~10 ms on
# en_core_web_sm) to a full batch of long articles near the per-article CPU budget.
LATENCY_BUCKETS: tuple[float, ...] = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class LatencyHistogram:
    """Cumulative-free bucket counts plus sum and count, the shape Prometheus histograms are exported in."""

    def __init__(self, bounds: tuple[float, ...] = LATENCY_BUCKETS) -> None:
        self.bounds = bounds
        self.buckets = [0] * (len(bounds) + 1)  # the last one is +Inf
        self.count = 0
        self.sum = 0.0

    def observe(self, seconds: float, times: int = 1) -> None:
        self.buckets[bisect.bisect_left(self.bounds, seconds)] += times
        self.count += times
        self.sum += seconds * times

    def cumulative(self) -> list[tuple[str, int]]:
        """(le, cumulative count) pairs, +Inf last, as the exposition format wants them."""
        out, running = [], 0
        for bound, n in zip((*map(repr, self.bounds), "+Inf"), self.buckets, strict=True):
            running += n
            out.append((bound, running))
        return out

    def clear(self) -> None:
        self.buckets = [0] * (len(self.bounds) + 1)
        self.count, self.sum = 0, 0.0


# Each article of a batch waits for the whole batch, so the batch's wall time is observed once per article:
# the histogram answers "how long did an article spend in extraction".
extraction_latency = LatencyHistogram()


def observe_extraction(seconds: float, articles: int) -> None:
    """One NLP batch took `seconds` of wall time for `articles` articles (feeds the latency histogram)."""
    counts["nlp_batches"] += 1
    if articles > 0:
        extraction_latency.observe(seconds, articles)


def snapshot() -> dict[str, object]:
    return {"counts": dict(counts), "dead_letters": dict(dead_letters), "skipped": dict(skipped)}


def reset() -> None:
    """For tests: the counters are process-wide."""
    counts.clear()
    dead_letters.clear()
    skipped.clear()
    failing.clear()
    extraction_latency.clear()
