"""`/metrics` (Prometheus text format) and `/live` (liveness), for running many workers on a cluster.

Why a collector read on scrape instead of counters updated in place: the processor's counters (streams/counters.py)
are plain process state shared with /health, and the consumer lag, pool queue and rebalance count live in Faust
and NlpPool objects; reading them when Prometheus asks costs nothing between scrapes and cannot drift. The registry
is the app's own (not prometheus_client's global one), so two apps in one test process never share series.

`/live` answers 200 as long as the event loop runs, even while tables recover or a rebalance is under way (that
is what /health's 503 is for): Kubernetes must not kill a pod that is only catching up.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import faust
from aiohttp.web import Response
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector

from streams.ops import counters, logging_json
from streams.settings import Settings

PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LAG_INTERVAL_S = 0.5  # how often the event-loop probe wakes up
LAG_WINDOW = 120  # ticks kept for the max (one minute at 0.5 s)
LIVE_STALL_S = 60.0  # no probe tick for this long: the loop is starved or the probe died, so not alive
EVENT_TYPES = {"meetings_out": "meeting", "quotes_out": "quote"}


class LoopLagProbe:
    """Sleeps `interval` again and again and records how late it wakes up: the time the event loop was busy
    elsewhere (a blocking call, a CPU-heavy callback) when it should have run this coroutine."""

    def __init__(self, interval: float = LAG_INTERVAL_S, window: int = LAG_WINDOW) -> None:
        self.interval = interval
        self.recent: deque[float] = deque(maxlen=window)
        self.last_tick: float | None = None  # time.monotonic() of the last wake-up

    @property
    def lag(self) -> float:
        return self.recent[-1] if self.recent else 0.0

    @property
    def max_lag(self) -> float:
        return max(self.recent, default=0.0)

    def record(self, lag: float, now: float) -> None:
        self.recent.append(max(0.0, lag))
        self.last_tick = now

    async def run(self) -> None:
        while True:
            began = time.monotonic()
            await asyncio.sleep(self.interval)
            now = time.monotonic()
            self.record(now - began - self.interval, now)

    def alive(self, now: float, stall_s: float = LIVE_STALL_S) -> bool:
        return self.last_tick is None or now - self.last_tick < stall_s


def consumer_lag(app: Any) -> dict[tuple[str, int], int]:
    """Messages not yet committed, per assigned source partition: the consumer's cached high-water mark (from its
    last fetch, no broker round trip) minus the committed offset. A partition never committed counts from 0.
    `articles` comes from the article source's consumer, `meetings` and `contact-updates` from the tables'."""
    lags: dict[tuple[str, int], int] = {}
    for reader in _consumers(app):
        lags.update(_lags(reader.consumer, reader.committed))
    return lags


def _consumers(app: Any) -> list[Any]:
    """The worker's group consumers (each with `.consumer`, `.committed`, `.rebalances`, `.rebalancing`)."""
    tables = getattr(app, "parley_tables", None)
    return [c for c in (getattr(app, "parley_source", None), *(tables.all if tables is not None else ()))
            if c is not None]


def _lags(consumer: Any, committed: Any) -> dict[tuple[str, int], int]:
    if consumer is None:
        return {}
    try:
        assignment = consumer.assignment()
    except Exception:  # not started yet, or stopping
        return {}
    lags = {}
    for tp in assignment:
        try:
            highwater = consumer.highwater(tp)
        except Exception:
            highwater = None
        if highwater is not None:
            lags[(tp.topic, tp.partition)] = max(0, highwater - (committed.get(tp) or 0))
    return lags


class ParleyCollector(Collector):
    """Everything /metrics exports, read at scrape time from the counters, the NLP pool and the Faust app."""

    def __init__(self, app: Any, probe: LoopLagProbe) -> None:
        self.app = app
        self.probe = probe

    def collect(self) -> Iterable[Metric]:
        yield from self._processing()
        yield from self._pool()
        yield from self._runtime()

    def _processing(self) -> Iterator[Metric]:
        c = counters.counts
        yield CounterMetricFamily("parley_articles_in", "Messages read from the articles topic.",
                                  value=c.get("articles_in", 0))
        yield CounterMetricFamily("parley_articles_extracted", "Articles whose extraction succeeded.",
                                  value=c.get("articles_extracted", 0))
        events = CounterMetricFamily("parley_events_out", "Events published, by type.", labels=["type"])
        for key, kind in EVENT_TYPES.items():
            events.add_metric([kind], c.get(key, 0))
        yield events
        dlq = CounterMetricFamily("parley_dead_letters", "Messages sent to the dead-letter topic, by reason.",
                                  labels=["reason"])
        for reason, n in sorted(counters.dead_letters.items()):
            dlq.add_metric([reason], n)
        yield dlq
        skipped = CounterMetricFamily("parley_articles_skipped", "Articles skipped (not dead-lettered), by reason.",
                                      labels=["reason"])
        for reason, n in sorted(counters.skipped.items()):
            skipped.add_metric([reason], n)
        yield skipped
        retries = CounterMetricFamily("parley_retries", "Retries of transient trouble, by what was retried.",
                                      labels=["what"])
        for key, n in sorted(c.items()):
            if key.startswith("retries_"):
                retries.add_metric([key.removeprefix("retries_")], n)
        yield retries
        hist = counters.extraction_latency
        latency = HistogramMetricFamily(
            "parley_extraction_latency_seconds",
            "Wall time an article spent in NLP extraction (its batch's time, observed once per article).")
        latency.add_metric([], buckets=hist.cumulative(), sum_value=hist.sum)
        yield latency
        yield CounterMetricFamily("parley_nlp_batches", "NLP batches extracted.", value=c.get("nlp_batches", 0))

    def _pool(self) -> Iterator[Metric]:
        pool = getattr(self.app, "parley_pool", None)
        if pool is None:
            return
        yield GaugeMetricFamily("parley_nlp_pool_queue_depth",
                                "Articles submitted to the NLP processes and not yet answered.", value=pool.in_flight)
        yield GaugeMetricFamily("parley_nlp_processes", "NLP processes configured.", value=pool.processes)
        yield CounterMetricFamily("parley_nlp_pool_rebuilds", "Times the NLP pool was killed and rebuilt.",
                                  value=pool.rebuilds)

    def _runtime(self) -> Iterator[Metric]:
        yield GaugeMetricFamily("parley_event_loop_lag_seconds", "Latest oversleep of a 0.5 s timer on the event loop.",
                                value=self.probe.lag)
        yield GaugeMetricFamily("parley_event_loop_lag_max_seconds",
                                "Largest oversleep of the event-loop probe over the last minute.",
                                value=self.probe.max_lag)
        lag = GaugeMetricFamily("parley_consumer_lag", "Messages not yet committed, per assigned source partition.",
                                labels=["topic", "partition"])
        for (topic, partition), n in sorted(consumer_lag(self.app).items()):
            lag.add_metric([topic, str(partition)], n)
        yield lag
        readers = _consumers(self.app)
        yield CounterMetricFamily("parley_rebalances", "Consumer group rebalances this worker took part in (all "
                                  "three groups: articles, the tables' fan-out and fold).",
                                  value=sum(getattr(r, "rebalances", 0) for r in readers))
        rebalancing = any(getattr(r, "rebalancing", False) for r in readers)
        yield GaugeMetricFamily("parley_rebalancing", "1 while a rebalance is under way.", value=float(rebalancing))
        tables = getattr(self.app, "parley_tables", None)
        loading = bool(tables is not None and tables.folder.loading)
        yield GaugeMetricFamily("parley_table_recovery_in_progress", "1 while a table partition is loaded from "
                                "its changelogs.", value=float(loading))
        readiness = getattr(self.app, "parley_readiness", None)
        if readiness is not None:
            yield GaugeMetricFamily("parley_ready", "1 when /health answers 200.",
                                    value=float(bool(readiness.ready(self.app))))


def build_registry(app: Any, probe: LoopLagProbe) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(ParleyCollector(app, probe))
    return registry


def install(app: faust.App, settings: Settings) -> None:
    """Called once by streams.app.create_app, after the source and topics exist."""
    logging_json.install(app, settings)
    probe = LoopLagProbe()
    registry = build_registry(app, probe)
    app.parley_loop_probe = probe  # type: ignore[attr-defined]

    @app.task
    async def measure_loop_lag() -> None:
        await probe.run()

    @app.page("/metrics")
    async def metrics(web: Any, request: Any) -> Response:
        return Response(body=generate_latest(registry), headers={"Content-Type": PROMETHEUS_CONTENT_TYPE})

    @app.page("/live")
    async def live(web: Any, request: Any) -> Response:
        now = time.monotonic()
        ok = probe.alive(now)
        body = {"status": "alive" if ok else "stalled", "event_loop_lag_s": round(probe.lag, 4),
                "last_tick_age_s": None if probe.last_tick is None else round(now - probe.last_tick, 3)}
        return web.json(body, status=200 if ok else 503)
