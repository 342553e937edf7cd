"""A real worker, configured as deploy/k8s runs it (RocksDB table store, JSON logs): /metrics counts what went
through it in Prometheus format, /live answers, and every log line is a JSON object."""

from __future__ import annotations

import asyncio
import time
import urllib.request
from collections import Counter

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.integration.helpers import WorkerProcess, consume, produce

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]

ARTICLES = [
    {"id": "own-metrics-rome-1", "published": "2025-02-11",
     "text": "ROME - Italian Prime Minister Giorgia Meloni met Indian Prime Minister Narendra Modi in Rome on "
             "Tuesday to discuss a new shipping corridor, her office said.\n\n\"This is a partnership for the "
             "long term,\" Meloni told reporters after the talks."},
    {"id": "own-metrics-weather-2", "published": "2025-02-12",
     "text": "Heavy snow closed several mountain passes on Wednesday, and road crews worked through the night to "
             "clear the main routes before the morning traffic."},
]
NOT_JSON = b"{this is not json"
FRENCH = {"id": "own-metrics-fr-3", "language": "fr", "text": "Le ministre a rencontre son homologue mardi."}


def scrape(worker: WorkerProcess) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    with urllib.request.urlopen(worker.url + "/metrics", timeout=5) as resp:
        assert resp.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        text = resp.read().decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def source_lag(samples: dict, topic: str) -> float | None:
    values = [v for (name, labels), v in samples.items()
              if name == "parley_consumer_lag" and dict(labels).get("topic") == topic]
    return sum(values) if values else None


async def test_metrics_after_a_short_run(start_worker, kafka_bootstrap: str) -> None:
    worker = start_worker(PARLEY_LOG_FORMAT="json")
    prefix = start_worker.prefix
    values = [orjson.dumps(a) for a in ARTICLES] + [NOT_JSON, orjson.dumps(FRENCH)]
    await produce(kafka_bootstrap, f"{prefix}.articles", values)

    deadline = time.monotonic() + 90
    samples = scrape(worker)
    while time.monotonic() < deadline:
        samples = scrape(worker)
        done = samples.get(("parley_articles_in_total", ()), 0) >= 4 and \
            samples.get(("parley_extraction_latency_seconds_count", ()), 0) >= 2
        if done and source_lag(samples, f"{prefix}.articles") == 0:  # processed and committed
            break
        await asyncio.sleep(0.5)
    assert samples[("parley_articles_in_total", ())] == 4, worker.log_tail()
    assert samples[("parley_articles_skipped_total", (("reason", "not_english"),))] == 1
    # What the metrics count is what reached the topics (the extractors' output itself is not this test's concern).
    counted = {kind: int(samples[("parley_events_out_total", (("type", kind),))]) for kind in ("meeting", "quote")}
    meetings = await consume(kafka_bootstrap, f"{prefix}.meetings", expect=counted["meeting"], timeout=30, settle=1)
    quotes = await consume(kafka_bootstrap, f"{prefix}.quotes", expect=counted["quote"], timeout=30, settle=1)
    dlq_total = int(sum(v for (name, _), v in samples.items() if name == "parley_dead_letters_total"))
    dead = await consume(kafka_bootstrap, f"{prefix}.articles.dlq", expect=dlq_total, timeout=30, settle=1)
    assert (counted["meeting"], counted["quote"]) == (len(meetings), len(quotes)), worker.log_tail()
    reasons = Counter(dict(r.headers)["dlq_reason"].decode() for r in dead)
    assert reasons["not_json"] == 1 and not reasons["publish_error"], worker.log_tail()
    assert {dict(labels)["reason"]: v for (name, labels), v in samples.items()
            if name == "parley_dead_letters_total"} == reasons
    failed = sum(n for reason, n in reasons.items() if reason.startswith("extract"))
    assert samples[("parley_articles_extracted_total", ())] == 2 - failed
    assert samples[("parley_extraction_latency_seconds_count", ())] == 2
    assert samples[("parley_extraction_latency_seconds_sum", ())] > 0
    assert source_lag(samples, f"{prefix}.articles") == 0
    assert samples[("parley_rebalances_total", ())] >= 1
    assert samples[("parley_ready", ())] == 1
    assert ("parley_nlp_pool_queue_depth", ()) in samples and ("parley_event_loop_lag_seconds", ()) in samples

    status, live = worker.get("/live")
    assert status == 200 and live["status"] == "alive"

    worker.stop()
    lines = [line for line in worker.log_path.read_text().splitlines() if line.strip()]
    # The CLI's own notice comes before the worker configures logging; everything after is JSON.
    records = [orjson.loads(line) for line in lines if not line.startswith("created topics")]
    assert records and all({"ts", "level", "logger", "msg"} <= r.keys() for r in records)
    assert any(r["logger"].startswith("faust") for r in records)
    assert any(r["logger"] == "parley.processor" and r["level"] == "warning" for r in records), "the dead letter"
