"""The live dashboard at `/`: the latest meetings and quotes pushed by server-sent events, a country's contact
table and a who-met-whom matrix.

The events come from a Kafka consumer of the event topics of its own (no group: every worker sees every event,
whichever articles partitions it holds), so any worker can serve the page. Article text is untrusted: the
page only ever inserts it as text (textContent), and every response of this module carries a strict
Content-Security-Policy that forbids inline scripts, so even a bug there cannot run an article's `<script>`.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import faust
import orjson
from aiohttp import web
from aiokafka import AIOKafkaConsumer, TopicPartition

from streams.kafka.security import BATCHED_FETCH, client_kwargs
from streams.settings import Settings
from streams.web.hub import Hub, TooManyClients, sse_frame
from streams.web.quotes import BACKFILL, QuoteStore

log = logging.getLogger("parley.dashboard")

STATIC = Path(__file__).resolve().parent / "static"
ASSETS = {"dashboard.js": "text/javascript", "dashboard.css": "text/css"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
MAX_CLIENTS = 32  # live dashboards per worker; more get 503 and their EventSource retries
QUEUE_SIZE = 256  # events waiting for one browser; a browser further behind is dropped and reconnects
KEEP_LATEST = 50  # meetings (and quotes) a newly opened page starts with
KEEPALIVE_S = 15.0  # a comment line this often, so proxies keep the stream and dead browsers are noticed
RETRY_S = 2.0
WRITE_TIMEOUT_S = 10.0  # a browser that does not take a frame (or a keepalive) within this is disconnected
KIND_BY_SCHEMA = {"meeting.v1": "meeting", "quote.v1": "quote", "retraction.v1": "retraction"}
RETRACTED_KIND = {"meeting.v1": "meeting", "quote.v1": "quote"}


def install(app: faust.App, settings: Settings) -> None:
    """Called once by streams.app.create_app, after the source and topics exist."""
    hub = Hub(MAX_CLIENTS, QUEUE_SIZE, KEEP_LATEST)
    app.parley_dashboard = hub  # type: ignore[attr-defined]
    _drop_faust_index(app)
    pages = {name: (STATIC / name).read_bytes() for name in ("index.html", *ASSETS)}
    web_app = app.web.web_app  # type: ignore[attr-defined]
    topics = [settings.topic("meetings"), settings.topic("quotes")]
    quotes: QuoteStore | None = getattr(app, "parley_quotes", None)  # streams/web/api.py made it: GET /quotes
    bootstrap = ",".join(f"{url.host}:{url.port or 9092}" for url in app.conf.broker)

    async def index(request: web.Request) -> web.Response:
        return web.Response(body=pages["index.html"], content_type="text/html", charset="utf-8",
                            headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})

    async def asset(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in ASSETS:  # a fixed list: nothing else on disk can be reached
            raise web.HTTPNotFound(text='{"error": "not found"}', content_type="application/json")
        return web.Response(body=pages[name], content_type=ASSETS[name], charset="utf-8",
                            headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})

    async def events(request: web.Request) -> web.StreamResponse:
        return await stream_events(hub, request)

    async def stats(request: web.Request) -> web.Response:
        return web.json_response(hub.stats(), dumps=lambda v: orjson.dumps(v).decode(), headers=SECURITY_HEADERS)

    async def close_streams(_: web.Application) -> None:
        hub.close_all()

    web_app.router.add_get("/", index)
    web_app.router.add_get("/static/{name}", asset)
    web_app.router.add_get("/dashboard/events", events)
    web_app.router.add_get("/dashboard/stats", stats)
    web_app.on_shutdown.append(close_streams)

    @app.task
    async def follow_event_topics() -> None:
        await follow(hub, bootstrap, topics, quotes, settings.topic("quotes"))


def _drop_faust_index(app: faust.App) -> None:
    """Faust mounts a `{"status": "OK"}` page at `/` when the web server starts; the dashboard replaces it."""
    blueprints = app.web.blueprints  # type: ignore[attr-defined]
    blueprints._enabled = [(prefix, bp) for prefix, bp in blueprints._enabled if "production_index" not in str(bp)]


async def stream_events(hub: Hub, request: web.Request) -> web.StreamResponse:
    try:
        client = hub.connect()
    except TooManyClients as exc:
        return web.json_response({"error": str(exc)}, status=503,
                                 headers={**SECURITY_HEADERS, "Retry-After": str(int(RETRY_S * 5))})
    response = web.StreamResponse(headers={**SECURITY_HEADERS, "Content-Type": "text/event-stream",
                                           "Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
    try:
        await response.prepare(request)
        await asyncio.wait_for(response.write(f"retry: {int(RETRY_S * 1000)}\n\n".encode()), WRITE_TIMEOUT_S)
        while not client.dropped:
            try:
                item = await asyncio.wait_for(client.queue.get(), KEEPALIVE_S)
            except TimeoutError:
                await asyncio.wait_for(response.write(b": keepalive\n\n"), WRITE_TIMEOUT_S)
                continue
            if client.dropped:
                break
            # A browser that does not read fills the socket and the write waits: bounded, then it is dropped.
            await asyncio.wait_for(response.write(sse_frame(*item)), WRITE_TIMEOUT_S)
    except TimeoutError:
        hub.drop(client)  # it stopped reading
        log.info("dashboard client dropped: not reading for %.0f s", WRITE_TIMEOUT_S)
    except (ConnectionResetError, RuntimeError):
        pass  # the browser went away (RuntimeError: aiohttp's "cannot write to closing transport")
    finally:
        hub.disconnect(client)
    return response


def dispatch(hub: Hub | None, value: bytes | None, quotes: QuoteStore | None = None) -> None:
    """One record of an event topic to the hub (and a quote, or a quote's retraction, to the quote store); anything
    that is not one of our events is ignored."""
    if not value:
        return
    try:
        event = orjson.loads(value)
        kind = KIND_BY_SCHEMA[event["schema_version"]]
        event_id = str(event["event_id"])
    except (orjson.JSONDecodeError, KeyError, TypeError):
        return
    if quotes is not None:
        if kind == "quote":
            quotes.add(event)
        elif kind == "retraction" and event.get("retracts") == "quote.v1":
            quotes.remove(event_id)
    if hub is not None:  # re-serialised: the frame carries our JSON on one line, never the record's own bytes
        hub.publish(kind, event_id, orjson.dumps(event), RETRACTED_KIND.get(event.get("retracts", "")))


async def follow(hub: Hub, bootstrap: str, topics: list[str], quotes: QuoteStore | None = None,
                 quotes_topic: str | None = None) -> None:
    """Tails the event topics for ever: first the latest KEEP_LATEST records of each partition (BACKFILL of each
    `quotes` partition for the quote store), in time order, then live. Broker trouble is retried; the dashboard
    never stops the worker."""
    while True:
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, **client_kwargs(), group_id=None,
                                    enable_auto_commit=False, auto_offset_reset="latest",
                                    **BATCHED_FETCH)
        try:
            await consumer.start()
            await catch_up(hub, consumer, topics, quotes, quotes_topic)
            while True:
                batch = await consumer.getmany(timeout_ms=1000, max_records=500)
                for records in batch.values():
                    for record in records:
                        dispatch(hub, record.value, quotes)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("dashboard feed: %r; retrying in %.0f s", exc, RETRY_S)
            await asyncio.sleep(RETRY_S)
        finally:
            await consumer.stop()


async def catch_up(hub: Hub, consumer: AIOKafkaConsumer, topics: list[str], quotes: QuoteStore | None = None,
                   quotes_topic: str | None = None) -> None:
    consumer.subscribe(topics)  # without a group: every partition, and new ones as they appear
    while not consumer.assignment():
        await asyncio.sleep(0.1)
    tps = sorted(consumer.assignment())
    ends = await consumer.end_offsets(tps)
    starts = await consumer.beginning_offsets(tps)
    for tp in tps:
        back = BACKFILL if quotes is not None and tp.topic == quotes_topic else KEEP_LATEST
        consumer.seek(tp, max(starts[tp], ends[tp] - back))
    backlog: list[Any] = []
    while [tp for tp in tps if await consumer.position(tp) < ends[tp]]:
        batch = await consumer.getmany(timeout_ms=500, max_records=1000)
        for records in batch.values():
            backlog.extend(records)
    for record in sorted(backlog, key=lambda r: r.timestamp):
        # Browsers get the latest KEEP_LATEST of each partition, as before; the quote store gets the backfill.
        recent = record.offset >= ends.get(TopicPartition(record.topic, record.partition), 0) - KEEP_LATEST
        dispatch(hub if recent else None, record.value, quotes)
    log.info("dashboard feed: following %d partitions of %s from %d recent events", len(tps), ", ".join(topics),
             len(backlog))

