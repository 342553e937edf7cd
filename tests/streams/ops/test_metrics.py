"""/metrics as Prometheus reads it, the event-loop probe behind /live, JSON logs, and the Kafka security
pass-through. No broker: the Faust app is stood in for by the few attributes the collector reads."""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from types import SimpleNamespace
from typing import Any

import orjson
import pytest
from faust.auth import SASLCredentials, SSLCredentials
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth
from faust.types import TP
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from streams.kafka import security as kafka_security
from streams.ops import counters, logging_json
from streams.ops.metrics import LoopLagProbe, build_registry, consumer_lag
from streams.settings import Settings

pytestmark = pytest.mark.timeout(30)


@pytest.fixture(autouse=True)
def clean_counters() -> Any:
    counters.reset()
    yield
    counters.reset()


class FakeConsumer:
    def __init__(self, highwaters: dict[TP, int | None], committed: dict[TP, int | None]) -> None:
        self.highwaters = highwaters
        self.committed = committed

    def assignment(self) -> set[TP]:
        return set(self.highwaters)

    def highwater(self, tp: TP) -> int | None:
        return self.highwaters[tp]


def reader(consumer: FakeConsumer | None) -> SimpleNamespace:
    """A group consumer as the collector sees it (the article source, the tables' fan-out or fold)."""
    return SimpleNamespace(consumer=consumer, committed=consumer.committed if consumer else {}, rebalances=1,
                           rebalancing=False)


def fake_app(consumer: FakeConsumer | None = None, tables: FakeConsumer | None = None,
             **attrs: Any) -> SimpleNamespace:
    pool = SimpleNamespace(in_flight=5, processes=2, rebuilds=1)
    readiness = SimpleNamespace(ready=lambda app: True)
    consumers = SimpleNamespace(all=(reader(None), reader(tables)), folder=SimpleNamespace(loading=0))
    return SimpleNamespace(parley_source=reader(consumer), parley_tables=consumers, parley_pool=pool,
                           parley_readiness=readiness, **attrs)


def scrape(app: Any, probe: LoopLagProbe | None = None) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of the exposition, parsed back the way Prometheus does, keyed by name and labels."""
    text = generate_latest(build_registry(app, probe or LoopLagProbe())).decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def test_processing_counters_are_exported_with_their_labels() -> None:
    counters.counts.update(articles_in=10, articles_extracted=7, meetings_out=4, quotes_out=9, retries_delivery=2)
    counters.dead_letters.update(not_json=2, extraction_timeout=1)
    counters.skipped.update(not_english=1)
    samples = scrape(fake_app())
    assert samples[("parley_articles_in_total", ())] == 10
    assert samples[("parley_articles_extracted_total", ())] == 7
    assert samples[("parley_events_out_total", (("type", "meeting"),))] == 4
    assert samples[("parley_events_out_total", (("type", "quote"),))] == 9
    assert samples[("parley_dead_letters_total", (("reason", "not_json"),))] == 2
    assert samples[("parley_dead_letters_total", (("reason", "extraction_timeout"),))] == 1
    assert samples[("parley_articles_skipped_total", (("reason", "not_english"),))] == 1
    assert samples[("parley_retries_total", (("what", "delivery"),))] == 2


def test_extraction_latency_histogram_counts_each_article_of_a_batch() -> None:
    counters.observe_extraction(0.3, 4)  # a batch of four: each article waited 0.3 s
    counters.observe_extraction(2.0, 1)
    counters.observe_extraction(0.1, 0)  # nothing extracted: no observation
    samples = scrape(fake_app())

    def bucket(le: str) -> float:
        return samples[("parley_extraction_latency_seconds_bucket", (("le", le),))]

    assert bucket("0.25") == 0 and bucket("0.5") == 4 and bucket("1.0") == 4 and bucket("2.5") == 5
    assert bucket("+Inf") == 5
    assert samples[("parley_extraction_latency_seconds_count", ())] == 5
    assert samples[("parley_extraction_latency_seconds_sum", ())] == pytest.approx(3.2)
    assert samples[("parley_nlp_batches_total", ())] == 3


def test_pool_rebalances_readiness_and_loop_lag() -> None:
    probe = LoopLagProbe()
    probe.record(0.25, time.monotonic())
    probe.record(0.05, time.monotonic())
    samples = scrape(fake_app(), probe)
    assert samples[("parley_nlp_pool_queue_depth", ())] == 5
    assert samples[("parley_nlp_pool_rebuilds_total", ())] == 1
    assert samples[("parley_rebalances_total", ())] == 3
    assert samples[("parley_ready", ())] == 1
    assert samples[("parley_event_loop_lag_seconds", ())] == pytest.approx(0.05)
    assert samples[("parley_event_loop_lag_max_seconds", ())] == pytest.approx(0.25)


def test_consumer_lag_is_uncommitted_messages_of_every_group_consumer() -> None:
    a0, a1, a2 = TP("parley.articles", 0), TP("parley.articles", 1), TP("parley.articles", 2)
    u3 = TP("parley.contact-updates", 3)
    consumer = FakeConsumer({a0: 120, a1: 7, a2: None}, {a0: 100, a1: None})
    fold = FakeConsumer({u3: 50}, {u3: 45})
    assert consumer_lag(fake_app(consumer, fold)) == {("parley.articles", 0): 20, ("parley.articles", 1): 7,
                                                      ("parley.contact-updates", 3): 5}
    samples = scrape(fake_app(consumer, fold))
    assert samples[("parley_consumer_lag", (("partition", "0"), ("topic", "parley.articles")))] == 20
    assert samples[("parley_consumer_lag", (("partition", "3"), ("topic", "parley.contact-updates")))] == 5


def test_consumer_lag_before_the_consumer_exists_is_empty() -> None:
    assert consumer_lag(fake_app(None)) == {}


def test_each_app_has_its_own_registry() -> None:
    """Two apps in one process (tests) must not collide in prometheus_client's global registry."""
    build_registry(fake_app(), LoopLagProbe())
    build_registry(fake_app(), LoopLagProbe())  # would raise "Duplicated timeseries" on a shared registry


async def test_loop_probe_sees_a_blocked_event_loop() -> None:
    probe = LoopLagProbe(interval=0.02)
    task = asyncio.create_task(probe.run())
    try:
        while probe.last_tick is None:
            await asyncio.sleep(0.01)
        time.sleep(0.3)  # a blocking call on the loop, as a CPU-bound callback would be
        ticks = len(probe.recent)
        while len(probe.recent) == ticks:
            await asyncio.sleep(0.01)
        assert probe.max_lag >= 0.25
    finally:
        task.cancel()


def test_liveness_fails_only_when_the_probe_stops_ticking() -> None:
    probe = LoopLagProbe()
    assert probe.alive(now=1000.0), "not started yet is not a failure"
    probe.record(0.0, now=1000.0)
    assert probe.alive(now=1030.0)
    assert not probe.alive(now=1061.0)


def test_json_formatter_emits_one_object_with_extra_fields_and_traceback() -> None:
    logger = logging.getLogger("parley.test")
    try:
        raise ValueError("boom")
    except ValueError:
        record = logger.makeRecord("parley.test", logging.ERROR, __file__, 1, "batch %d failed", (7,),
                                   exc_info=sys.exc_info(), extra={"partition": 3, "when": object()})
    line = logging_json.JsonFormatter().format(record)
    assert "\n" not in line
    entry = orjson.loads(line)
    assert entry["level"] == "error" and entry["logger"] == "parley.test" and entry["msg"] == "batch 7 failed"
    assert entry["partition"] == 3 and isinstance(entry["when"], str)
    assert "ValueError: boom" in entry["exc"]
    assert entry["ts"].endswith("+00:00")


@pytest.mark.parametrize(("fmt", "configured"), [("json", True), ("text", False)])
def test_json_logs_only_when_asked(fmt: str, configured: bool) -> None:
    app = SimpleNamespace(conf=SimpleNamespace(logging_config=None))
    logging_json.install(app, Settings(log_format=fmt, log_level="warning"))  # type: ignore[arg-type]
    assert (app.conf.logging_config is not None) is configured
    if configured:
        assert app.conf.logging_config["root"]["level"] == "WARNING"


def test_plaintext_kafka_needs_no_credentials() -> None:
    settings = Settings()
    assert kafka_security.faust_credentials(settings) is None
    assert kafka_security.aiokafka_kwargs(settings) == {"security_protocol": "PLAINTEXT"}


def test_sasl_over_tls_reaches_aiokafka_through_faust_and_directly() -> None:
    settings = Settings(kafka_security_protocol="SASL_SSL", kafka_sasl_mechanism="SCRAM-SHA-512",
                        kafka_sasl_username="parley", kafka_sasl_password="s3cret")
    creds = kafka_security.faust_credentials(settings)
    assert isinstance(creds, SASLCredentials)
    via_faust = credentials_to_aiokafka_auth(creds)
    direct = kafka_security.aiokafka_kwargs(settings)
    for kwargs in (via_faust, direct):
        assert kwargs["security_protocol"] == "SASL_SSL"
        assert kwargs["sasl_mechanism"] == "SCRAM-SHA-512"
        assert kwargs["sasl_plain_username"] == "parley" and kwargs["sasl_plain_password"] == "s3cret"
        assert kwargs["ssl_context"].verify_mode.name == "CERT_REQUIRED"
    assert "s3cret" not in repr(settings), "the password stays out of logs and reprs"


def test_sasl_without_tls_and_tls_without_sasl() -> None:
    plain = kafka_security.aiokafka_kwargs(Settings(kafka_security_protocol="SASL_PLAINTEXT",
                                                    kafka_sasl_mechanism="PLAIN", kafka_sasl_username="u",
                                                    kafka_sasl_password="p"))
    assert plain["security_protocol"] == "SASL_PLAINTEXT" and "ssl_context" not in plain
    tls = Settings(kafka_security_protocol="SSL")
    assert isinstance(kafka_security.faust_credentials(tls), SSLCredentials)
    assert credentials_to_aiokafka_auth(kafka_security.faust_credentials(tls))["security_protocol"] == "SSL"
    assert "sasl_mechanism" not in kafka_security.aiokafka_kwargs(tls)


async def test_aiokafka_accepts_the_keyword_arguments() -> None:
    from aiokafka import AIOKafkaProducer

    settings = Settings(kafka_security_protocol="SASL_SSL", kafka_sasl_username="u", kafka_sasl_password="p")
    producer = AIOKafkaProducer(bootstrap_servers="127.0.0.1:1", **kafka_security.aiokafka_kwargs(settings))
    assert producer.client._security_protocol == "SASL_SSL"
    assert producer.client._sasl_mechanism == "SCRAM-SHA-512"
