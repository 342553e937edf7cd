"""Parts 3 and 4: articles through real workers on the real broker, timed from the feeder's send to the events.

How an article's end is known. An article is finished when all its events are on the `meetings`/`quotes` topics;
how many it has is known from the offline part (same code, same text). Articles with no event leave no trace on
a topic, so two latencies are reported:
- `events`: exact, per article, for every article with at least one event (send -> arrival of its last event at a
  consumer on the topics);
- `all`: every article, events or not, from the workers' /health counters (extracted + dead-lettered + skipped),
  polled every POLL_S: the k-th article to finish is matched with the k-th sent (FIFO). At a steady feed rate
  well below capacity the worker holds at most a batch at a time, so the matching is close; the polling adds up
  to POLL_S.
Throughput runs feed everything at once and end when every article is counted and every expected event seen.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from bench.stack import Worker

POLL_S = 0.05
GRACE_S = 5.0  # after the counters say done: how long to wait for missing events before giving up on them
STALL_S = 90.0  # no article finished and no event arrived for this long: the stack is stuck, not slow


class Stalled(RuntimeError):
    """The workers stopped making progress (a broken build, a stuck consumer): fail now, not after the timeout."""


@dataclass
class Tracker:
    expected: dict[str, int]  # article id -> events the offline run produced for it
    sent: dict[str, float] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)
    last_event: dict[str, float] = field(default_factory=dict)
    counter_times: list[tuple[float, int]] = field(default_factory=list)  # (time, articles finished so far)

    def events_done(self) -> bool:
        return all(self.seen.get(a, 0) >= n for a, n in self.expected.items() if n)

    def missing_events(self) -> int:
        return sum(max(0, n - self.seen.get(a, 0)) for a, n in self.expected.items())


def percentiles(values: Sequence[float]) -> dict[str, float | int]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def at(q: float) -> float:  # nearest-rank
        return ordered[min(len(ordered) - 1, max(0, int(-(-q * len(ordered) // 1)) - 1))]

    return {"n": len(ordered), "p50_ms": at(0.50) * 1e3, "p95_ms": at(0.95) * 1e3, "p99_ms": at(0.99) * 1e3,
            "max_ms": ordered[-1] * 1e3}


async def _positioned_consumer(bootstrap: str, producer: AIOKafkaProducer, topics: list[str]) -> AIOKafkaConsumer:
    """Assigned to every partition and positioned at the end before anything is sent, so nothing is missed."""
    parts = [TopicPartition(t, p) for t in topics for p in sorted(await producer.partitions_for(t))]
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                                fetch_max_wait_ms=50)
    await consumer.start()
    consumer.assign(parts)
    await consumer.seek_to_end(*parts)
    for tp in parts:
        await consumer.position(tp)
    return consumer


async def _consume(consumer: AIOKafkaConsumer, tracker: Tracker, stop: asyncio.Event) -> None:
    while not stop.is_set():
        batch = await consumer.getmany(timeout_ms=50)
        now = time.perf_counter()
        for records in batch.values():
            for rec in records:
                article = orjson.loads(rec.value).get("article", {}).get("id")
                if article in tracker.expected:
                    tracker.seen[article] = tracker.seen.get(article, 0) + 1
                    tracker.last_event[article] = now


def _processed(workers: list[Worker]) -> int:
    return sum(w.processed() for w in workers)


async def _poll_counters(workers: list[Worker], base: int, tracker: Tracker, stop: asyncio.Event) -> None:
    while not stop.is_set():
        done = await asyncio.to_thread(_processed, workers) - base
        tracker.counter_times.append((time.perf_counter(), done))
        await asyncio.sleep(POLL_S)


async def run_feed(bootstrap: str, prefix: str, workers: list[Worker], rows: list[dict[str, Any]],
                   expected: dict[str, int], rate: float | None, timeout: float = 600.0) -> dict[str, Any]:
    """Send `rows` (at `rate` articles/s, or all at once when None) and time them through the workers."""
    tracker = Tracker(expected)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True,
                                max_request_size=9 * 1024 * 1024)
    await producer.start()
    consumer = await _positioned_consumer(bootstrap, producer, [f"{prefix}.meetings", f"{prefix}.quotes"])
    stop = asyncio.Event()
    base = await asyncio.to_thread(_processed, workers)
    cpu_before = _cpu(workers)
    tasks = [asyncio.create_task(_consume(consumer, tracker, stop)),
             asyncio.create_task(_poll_counters(workers, base, tracker, stop))]
    n = len(rows)
    try:
        payloads = [(r["id"], orjson.dumps(r)) for r in rows]
        began = time.perf_counter()
        futures = []
        for i, (article_id, value) in enumerate(payloads):
            if rate:
                delay = began + i / rate - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
            tracker.sent[article_id] = time.perf_counter()
            futures.append(await producer.send(f"{prefix}.articles", value, key=article_id.encode()))
        await asyncio.gather(*futures)
        deadline = began + timeout
        counted_at: float | None = None
        progress, last_progress = (-1, -1), time.perf_counter()
        while time.perf_counter() < deadline:
            await asyncio.sleep(POLL_S)
            now_progress = (tracker.counter_times[-1][1] if tracker.counter_times else 0, sum(tracker.seen.values()))
            if now_progress != progress:
                progress, last_progress = now_progress, time.perf_counter()
            elif time.perf_counter() - last_progress > STALL_S:
                raise Stalled(f"no progress for {STALL_S:.0f} s: {progress[0]}/{n} articles finished, "
                              f"{progress[1]} events seen\n" + "\n".join(w.log_tail(1500) for w in workers))
            if counted_at is None and tracker.counter_times and tracker.counter_times[-1][1] >= n:
                counted_at = next(t for t, k in tracker.counter_times if k >= n)
            if counted_at is not None and (tracker.events_done() or time.perf_counter() > counted_at + GRACE_S):
                break
        await asyncio.sleep(POLL_S * 2)  # let the last poll land
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        await producer.stop()
        await consumer.stop()
    cpu_after = _cpu(workers)
    main_cpu, nlp_cpu = cpu_after["main"] - cpu_before["main"], cpu_after["nlp"] - cpu_before["nlp"]
    nlp_waiting = cpu_after["nlp_waiting"] - cpu_before["nlp_waiting"]
    summary = _summarise(tracker, n, began, counted_at, rate)
    span = summary["seconds"] * len(workers)
    return {**summary, "worker_cpu_seconds": main_cpu + nlp_cpu, "main_cpu_seconds": main_cpu,
            "nlp_cpu_seconds": nlp_cpu, "articles_per_cpu_s": n / (main_cpu + nlp_cpu) if main_cpu + nlp_cpu else None,
            # Where the NLP process(es) spent the run: on a core, ready but without a core (the machine is busy
            # elsewhere), or idle, waiting for work (the worker around it is the bottleneck).
            "nlp_busy": nlp_cpu / span if span else None,
            "nlp_waiting_for_cpu": nlp_waiting / span if span else None}


def _cpu(workers: list[Worker]) -> dict[str, float]:
    total = {"main": 0.0, "nlp": 0.0, "nlp_waiting": 0.0}
    for w in workers:
        for k, v in w.cpu_seconds().items():
            total[k] += v
    return total


def _summarise(tracker: Tracker, n: int, began: float, counted_at: float | None, rate: float | None
               ) -> dict[str, Any]:
    complete = counted_at is not None
    last_event = max(tracker.last_event.values(), default=began)
    end = max(counted_at or last_event, last_event)
    event_latency = [tracker.last_event[a] - tracker.sent[a] for a, k in tracker.expected.items()
                     if k and tracker.seen.get(a, 0) >= k]
    send_order = sorted(tracker.sent.values())
    finish = []
    for k in range(1, n + 1):
        t = next((t for t, done in tracker.counter_times if done >= k), None)
        if t is None:
            break
        finish.append(t)
    all_latency = [max(0.0, f - s) for f, s in zip(finish, send_order, strict=False)]
    return {
        "articles": n, "complete": complete, "rate_target": rate,
        "seconds": end - began, "articles_per_s": n / (end - began) if complete else 0.0,
        "send_seconds": send_order[-1] - send_order[0] if send_order else 0.0,
        "events_seen": sum(tracker.seen.values()), "events_expected": sum(tracker.expected.values()),
        "events_missing": tracker.missing_events(),
        "latency_events": percentiles(event_latency), "latency_all": percentiles(all_latency),
    }
