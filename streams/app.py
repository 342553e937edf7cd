"""The Faust app: its topics, the article source, the tables' agents and the web views.

An article's path: `articles` topic -> `ArticleSource` (streams/pipeline/source.py: a plain consumer, batches of up
to PARLEY_NLP_BATCH_SIZE, committed after delivery) -> `ArticleProcessor.process` (streams/pipeline/processor.py:
decode or dead-letter, extract in the NLP pool, publish) -> `meetings` / `quotes` topics -> the tables' fan-out and
fold (streams/tables/agents.py, plain consumers too) -> the tables' changelogs -> each worker's replica -> HTTP.
Faust runs the web server, the timers and the producer; it reads no topic (its consumer lost table facts under
SIGKILL, see streams/kafka/committing_consumer.py).
"""

from __future__ import annotations

import atexit
import logging
import os
from typing import Any

import faust
from aiohttp.web import Response

from extractors import extractor_version, load_snapshot
from extractors.resolve import officeholders
from streams.kafka import security as kafka_security
from streams.kafka.topics import largest_record, producer_request_bytes
from streams.ops import counters, metrics
from streams.pipeline.nlp_pool import NlpPool, PoolUnavailable
from streams.pipeline.processor import ArticleProcessor, Headers, RawMessage
from streams.pipeline.retraction_ledger import ledger_for
from streams.pipeline.source import ArticleSource
from streams.settings import Settings
from streams.tables import agents as contacts_agent
from streams.web import access, dashboard

log = logging.getLogger("parley.app")

BATCH_WITHIN_S = 0.05  # how long a batch waits to fill: bounds the latency added by batching
# A stopping worker finishes its batch in hand for at most this long, well inside the 60 s the deployments give a
# worker to stop (deploy/k8s terminationGracePeriodSeconds, docker-compose stop_grace_period); past it, or at
# once when delivery is failing, it exits uncommitted.
SHUTDOWN_GRACE_S = 40.0


def _exit_unacknowledged(why: str, code: int) -> None:
    log.critical("%s; exiting without committing", why, exc_info=True)
    logging.shutdown()
    os._exit(code)


def broker_url(bootstrap: str) -> str:
    return "kafka://" + ";".join(h.strip() for h in bootstrap.split(",") if h.strip())


class Readiness:
    """Ready = the NLP processes are warm, the three consumer groups (articles; the tables' fan-out and fold) have
    given this worker its share, and none is rebalancing."""

    def __init__(self) -> None:
        self.nlp_ready = False
        self.source: ArticleSource | None = None
        self.tables: Any = None  # streams.tables.agents.TableConsumers, once installed

    @property
    def assigned(self) -> bool:
        return (self.tables is not None and self.tables.assigned and self.source is not None
                and self.source.assigned)

    def rebalancing(self, app: faust.App) -> bool:
        return ((self.source is not None and self.source.rebalancing)
                or (self.tables is not None and self.tables.rebalancing))

    def ready(self, app: faust.App) -> bool:
        return self.nlp_ready and self.assigned and not self.rebalancing(app) and not counters.failing

    def reasons(self, app: faust.App) -> list[str]:
        """Why the worker is not ready, in words (empty when it is)."""
        out = [f"{what} failing: {why}" for what, why in sorted(counters.failing.items())]
        if not self.nlp_ready:
            out.append("NLP processes starting")
        if not self.assigned:
            out.append("waiting for partitions")
        if self.rebalancing(app):
            out.append("rebalancing")
        return out


def create_app(settings: Settings, bootstrap: str) -> faust.App:
    access.check_bind(settings)  # before anything starts: no open port without a token or an explicit permission
    data_dir = settings.data_dir / f"{settings.app_id}-{settings.web_port}"
    data_dir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id,
        broker=broker_url(bootstrap),
        value_serializer="raw",
        key_serializer="raw",
        datadir=str(data_dir),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        producer_linger=settings.producer_linger_ms / 1000.0,
        # from the topics' limits (verified at start): the default 1 MB would refuse the dead letter of a big article
        producer_max_request_size=producer_request_bytes(settings),
        broker_credentials=kafka_security.faust_credentials(settings),
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
        broker_heartbeat_interval=settings.heartbeat_interval_s,
        broker_request_timeout=settings.request_timeout_s,
    )
    names = {"meetings": settings.topic("meetings"), "quotes": settings.topic("quotes"),
             "dlq": settings.topic("articles.dlq"), "ledger": settings.topic("article-events")}
    out_topics = {name: app.topic(name, partitions=settings.partitions) for name in names.values()}
    snapshot_path = str(settings.people_snapshot) if settings.people_snapshot else None
    actor_files = tuple(str(p) for p in settings.actor_paths)
    if actor_files:  # users' dictionary files: a bad row stops the start here, naming file and row
        officeholders.configure(actor_files)
    version = extractor_version(load_snapshot(snapshot_path) if snapshot_path else None)
    pool = NlpPool(settings.nlp_processes, settings.spacy_model, settings.article_timeout_s, snapshot_path,
                   actor_files)
    readiness = Readiness()
    app.parley_pool = pool  # type: ignore[attr-defined]
    app.parley_readiness = readiness  # type: ignore[attr-defined]

    async def send(topic: str, key: bytes | None, value: bytes, headers: Headers, partition: int | None) -> Any:
        fut = await out_topics[topic].send(key=key, value=value, headers=headers, partition=partition)
        return await fut

    ledger = ledger_for(settings)
    processor = ArticleProcessor(pool, send, names, settings.max_text_chars, version, ledger=ledger,
                                 max_record_bytes=largest_record(settings))

    # Errors here are not the article's fault (the processor dead-letters those): exit without committing, so the
    # batch is redelivered after the restart or to another worker.
    async def prepare(messages: list[RawMessage]) -> list[Any]:
        try:
            return await processor.prepare(messages)
        except Exception:
            _exit_unacknowledged("unexpected error in the source", 70)
            raise

    async def deliver(records: list[Any]) -> None:
        try:
            await processor.deliver(records)
        except Exception:
            _exit_unacknowledged("unexpected error in the source", 70)

    source = ArticleSource(bootstrap, settings, prepare, deliver, within_s=BATCH_WITHIN_S,
                           shutdown_grace_s=SHUTDOWN_GRACE_S, on_unfinished=lambda why: _exit_unacknowledged(why, 75),
                           ledger=ledger)
    readiness.source = source
    app.parley_source = source  # type: ignore[attr-defined]

    @app.task
    async def consume_articles() -> None:
        """Warm the NLP processes, then join the articles group: a worker takes partitions only once it can
        serve them, so a starting worker does not hold up the others."""
        try:
            await pool.start_and_warm_up()
        except PoolUnavailable:
            _exit_unacknowledged("the NLP pool cannot start", 75)  # nothing was consumed: nothing to commit
        readiness.nlp_ready = True
        log.info("NLP pool ready: %d process(es), pids %s", pool.processes, pool.pids())
        try:
            await source.run()
        except Exception:
            # A worker that no longer reads articles must not look alive: exit, uncommitted, and be restarted.
            _exit_unacknowledged("the articles consumer failed", 70)
        finally:
            pool.stop()

    @app.on_before_shutdown.connect
    async def stop_source(sender: Any, **kwargs: Any) -> None:
        processor.request_stop()  # a retry loop in progress exits at once, uncommitted: it cannot finish in time
        await source.stop()  # before Faust stops its producer: the batch in hand still needs it

    atexit.register(pool.stop)  # belt and braces: the NLP processes also die with the worker (PDEATHSIG)

    @app.page("/health")
    async def health(web: Any, request: Any) -> Response:
        ok = readiness.ready(app)
        status = "ready" if ok else "failing" if counters.failing else "starting"
        body = {"status": status, "reasons": readiness.reasons(app), "nlp_ready": readiness.nlp_ready,
                "partitions_assigned": readiness.assigned, "rebalancing": readiness.rebalancing(app),
                **counters.snapshot()}
        return web.json(body, status=200 if ok else 503)

    # Each area adds its own agents, tables and views: the contact tables and HTTP API, the dashboard, /metrics,
    # then the web server's access rules (token, CORS, JSON errors) over all of them.
    for area in (contacts_agent, dashboard, metrics, access):
        area.install(app, settings)
    readiness.tables = app.parley_tables  # type: ignore[attr-defined]
    return app
