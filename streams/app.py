"""The Faust app: its topics, the source agent and the web views.

An article's path: `articles` topic -> `process_articles` (batches of up to PARLEY_NLP_BATCH_SIZE) ->
`ArticleProcessor.process` (streams/processor.py: decode or dead-letter, extract in the NLP pool, publish) ->
`meetings` / `quotes` topics. The tables and the HTTP API build on the `meetings` topic.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import os
from collections.abc import Sequence
from typing import Any

import faust
from aiohttp.web import Response

from extractors import extractor_version, load_snapshot
from streams import contacts_agent, counters, dashboard, faust_patches, kafka_security, metrics
from streams.nlp_pool import NlpPool
from streams.processor import ArticleProcessor, Headers, RawMessage
from streams.settings import Settings

log = logging.getLogger("parley.app")

BATCH_WITHIN_S = 0.05  # how long a batch waits to fill: bounds the latency added by batching
SHUTDOWN_GRACE_S = 120.0  # a stopping worker finishes its batch in hand for at most this long


def _exit_unacknowledged(why: str, code: int) -> None:
    log.critical("%s; exiting without acknowledging", why, exc_info=True)
    logging.shutdown()
    os._exit(code)


def broker_url(bootstrap: str) -> str:
    return "kafka://" + ";".join(h.strip() for h in bootstrap.split(",") if h.strip())


class Readiness:
    """Ready = the NLP processes are warm and the consumer has its partitions (no rebalance in progress)."""

    def __init__(self) -> None:
        self.nlp_ready = False
        self.assigned = False

    def ready(self, app: faust.App) -> bool:
        return self.nlp_ready and self.assigned and not app.rebalancing


def create_app(settings: Settings, bootstrap: str) -> faust.App:
    faust_patches.apply()  # before the consumer exists: see the module's docstring
    data_dir = settings.data_dir / f"{settings.app_id}-{settings.web_port}"
    data_dir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id,
        broker=broker_url(bootstrap),
        value_serializer="raw",
        key_serializer="raw",
        store=settings.table_store,
        datadir=str(data_dir),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        producer_linger=settings.producer_linger_ms / 1000.0,
        broker_credentials=kafka_security.faust_credentials(settings),
        table_standby_replicas=settings.table_standby_replicas,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        web_port=settings.web_port,
        canonical_url=f"http://{settings.web_host}:{settings.web_port}",
        web_router_enabled=False,
        web_tables_enabled=False,
        web_graph_enabled=False,
        web_stats_enabled=False,
        web_metrics_enabled=False,
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=max(1.0, settings.session_timeout_s / 5),
        broker_request_timeout=max(40.0, settings.session_timeout_s + 5),
    )
    names = {"meetings": settings.topic("meetings"), "quotes": settings.topic("quotes"),
             "dlq": settings.topic("articles.dlq")}
    articles_topic = app.topic(settings.topic("articles"), partitions=settings.partitions)
    out_topics = {name: app.topic(name, partitions=settings.partitions) for name in names.values()}
    snapshot_path = str(settings.people_snapshot) if settings.people_snapshot else None
    version = extractor_version(load_snapshot(snapshot_path) if snapshot_path else None)
    pool = NlpPool(settings.nlp_processes, settings.spacy_model, settings.article_timeout_s, snapshot_path)
    readiness = Readiness()
    app.parley_pool = pool  # type: ignore[attr-defined]
    app.parley_readiness = readiness  # type: ignore[attr-defined]

    async def send(topic: str, key: bytes | None, value: bytes, headers: Headers) -> Any:
        fut = await out_topics[topic].send(key=key, value=value, headers=headers)
        return await fut

    processor = ArticleProcessor(pool, send, names, settings.max_text_chars, version)

    @app.task
    async def start_nlp() -> None:
        pool.start()
        await pool.warm_up()
        readiness.nlp_ready = True
        log.info("NLP pool ready: %d process(es), pids %s", pool.processes, pool.pids())

    @app.on_rebalance_complete.connect
    async def on_rebalanced(sender: Any, **kwargs: Any) -> None:
        readiness.assigned = True

    atexit.register(pool.stop)  # belt and braces: the NLP processes also die with the worker (PDEATHSIG)

    async def process_batch(events: Sequence[faust.EventT]) -> None:
        try:
            await processor.process([
                RawMessage(e.message.value, e.message.key, e.message.topic, e.message.partition, e.message.offset)
                for e in events])
        except Exception:
            # Faust acknowledges a batch when the agent raises, which would commit past articles that were never
            # processed. Exit at once instead: the batch is redelivered after the restart/rebalance.
            _exit_unacknowledged("unexpected error in the source agent", 70)

    # concurrency=1 on purpose: faust-streaming#606 commits past unprocessed messages with concurrency > 1.
    @app.agent(articles_topic, concurrency=1)
    async def process_articles(stream: faust.StreamT) -> None:
        try:
            async for events in stream.take_events(settings.nlp_batch_size, within=BATCH_WITHIN_S):
                work = asyncio.ensure_future(process_batch(events))
                try:
                    await asyncio.shield(work)
                except asyncio.CancelledError:
                    # A stop (SIGTERM, rebalance) arrived mid-batch. take_events acknowledges the batch when the
                    # loop is left, so finish it first: what is acknowledged, and then committed, is really done.
                    log.info("stopping: finishing the %d article(s) in hand first", len(events))
                    try:
                        await asyncio.wait_for(work, timeout=SHUTDOWN_GRACE_S)
                    except BaseException:
                        _exit_unacknowledged("could not finish the batch in hand while stopping", 75)
                    raise
        finally:
            pool.stop()

    @app.page("/health")
    async def health(web: Any, request: Any) -> Response:
        ok = readiness.ready(app)
        body = {"status": "ready" if ok else "starting", "nlp_ready": readiness.nlp_ready,
                "partitions_assigned": readiness.assigned, "rebalancing": bool(app.rebalancing),
                **counters.snapshot()}
        return web.json(body, status=200 if ok else 503)

    # Each area adds its own agents, tables and views: the contact tables and HTTP API, the dashboard, /metrics.
    for area in (contacts_agent, dashboard, metrics):
        area.install(app, settings)
    return app
