"""The contact tables on the worker: fan-out, the two dedup tables, each worker's full replica, the HTTP API.

```
[meetings] -> fan_out_meetings -> [contact-updates] (key: country) -> fold_contacts -> tables `contacts` and
                                                                       `contact-articles` (compacted changelogs)
every worker: ChangelogMirror (own consumer, no group, every partition of both changelogs) -> ContactTables -> HTTP
```

The tables agent runs in the consumer group, so each country's state is written by exactly one worker at a time;
the source topic and both changelogs have `PARLEY_PARTITIONS` partitions (Faust checks the first, the mirror the
others), so a table partition always lives with the source partition that feeds it. The API never asks the group:
each worker mirrors both changelogs in full and answers locally, so every worker gives the same answer.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from typing import Any

import faust
import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.partitioner import murmur2

from streams.kafka.security import BATCHED_FETCH, client_kwargs
from streams.ops import counters
from streams.settings import Settings
from streams.tables import fold as contacts
from streams.web import api

log = logging.getLogger("parley.contacts")

CONTACTS_TABLE = "contacts"
ARTICLES_TABLE = "contact-articles"
FAN_OUT_RETRY_S = 300.0  # like the article source: past this, exit unacknowledged
STALL_S = 15.0
SWEEP = "sweep"


def now_ms() -> int:
    return int(time.time() * 1000)


def partition_of(country: bytes, partitions: int) -> int:
    """Where the producer's default partitioner puts a contact update keyed `country` (Kafka's murmur2)."""
    return (murmur2(country) & 0x7FFFFFFF) % partitions


class TableStore:
    """A Faust table of raw bytes seen as the str -> dict store of contacts.apply_update."""

    def __init__(self, table: faust.Table) -> None:
        self.table = table

    def get(self, key: str) -> dict[str, Any] | None:
        raw = self.table.get(key.encode())
        return orjson.loads(raw) if raw is not None else None

    def __setitem__(self, key: str, value: dict[str, Any]) -> None:
        # an exact-size copy: orjson's own result holds a 4 KB allocation whatever its length, and the table keeps it
        self.table[key.encode()] = bytes(memoryview(orjson.dumps(value)))


def sweep(table: faust.Table, partition: int, partitions: int, now: int, horizon_ms: int,
          history: contacts.Store | None = None) -> int:
    """Delete this partition's expired entries. Runs inside the agent, on a sweep marker of that partition, so
    Faust writes the tombstones to the right changelog partition and the mirrors drop them too. With `history`,
    an expired article entry's facts are folded into its contacts' compact history first (written before the
    entry is deleted: a repeat after a crash folds nothing twice). History entries themselves never expire."""
    doomed = []
    for key, raw in list(table.items()):
        country = key.split(b"|", 1)[0]
        if partition_of(country, partitions) != partition:
            continue
        value = orjson.loads(raw)
        if value.get("schema") == contacts.HISTORY_SCHEMA or not contacts.expired(value, now, horizon_ms):
            continue
        if history is not None:
            contacts.fold_expired(history, country.decode(), key.split(b"|", 1)[1].decode(), value)
        doomed.append(key)
    for key in doomed:
        del table[key]
    return len(doomed)


class ChangelogMirror:
    """This worker's full replica: a plain consumer outside the group, assigned every partition of both changelogs,
    from the beginning. `caught_up` turns true once it has read up to the end offsets found at start, so a
    restarted worker answers only after it holds the same state as the others."""

    def __init__(self, bootstrap: str, changelogs: dict[str, str], partitions: int, tables: contacts.ContactTables):
        self.bootstrap = bootstrap
        self.changelogs = changelogs  # changelog topic -> store name
        self.partitions = partitions
        self.tables = tables
        self.caught_up = False
        self.records = 0

    async def run(self) -> None:
        consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, **client_kwargs(), group_id=None,
                                    enable_auto_commit=False, auto_offset_reset="earliest",
                                    **BATCHED_FETCH)
        await consumer.start()
        try:
            tps = await self._partitions()
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            end = await consumer.end_offsets(tps)
            while True:
                batch = await consumer.getmany(timeout_ms=500, max_records=5000)
                for tp, records in batch.items():
                    store = self.changelogs[tp.topic]
                    for record in records:
                        if record.key is None:
                            continue
                        value = orjson.loads(record.value) if record.value is not None else None
                        self.tables.put(store, record.key.decode(), value)
                        self.records += 1
                if not self.caught_up and all([await consumer.position(tp) >= end[tp] for tp in tps]):
                    self.caught_up = True
                    log.info("contact tables loaded: %d changelog records, %d countries", self.records,
                             len(self.tables.codes()))
        finally:
            await consumer.stop()

    async def _partitions(self) -> list[TopicPartition]:
        """Waits for Faust to create the changelogs; refuses to serve a changelog with the wrong partition count."""
        admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap, **client_kwargs())
        await admin.start()
        try:
            while True:
                described = {t["topic"]: t for t in await admin.describe_topics(list(self.changelogs))}
                if all(t.get("error_code") == 0 and t.get("partitions") for t in described.values()):
                    break
                await asyncio.sleep(0.5)
        finally:
            await admin.close()
        tps = []
        for name in self.changelogs:
            found = len(described[name]["partitions"])
            if found != self.partitions:
                raise RuntimeError(f"{name} has {found} partitions, expected {self.partitions}: the table would "
                                   f"not live with its source partitions; delete it or use another topic prefix")
            tps.extend(TopicPartition(name, p) for p in range(found))
        return tps


async def _watched(delivery: Any, waited: float) -> None:
    """Waits for the broker's answer; one unanswered for STALL_S (the producer retries some errors by itself, an
    unknown topic for one) counts as failing for /health, and past FAN_OUT_RETRY_S the worker exits unacknowledged."""
    task = asyncio.ensure_future(delivery)
    began = time.monotonic()
    while True:
        try:
            await asyncio.wait_for(asyncio.shield(task), STALL_S)
            return
        except TimeoutError:
            stalled = time.monotonic() - began
            counters.failing["contact-updates"] = f"no answer for {stalled:.0f} s"
            if waited + stalled >= FAN_OUT_RETRY_S:
                log.critical("contact updates unanswered for %.0f s; exiting without acknowledging", stalled)
                logging.shutdown()
                os._exit(75)


def fan_out_record(value: bytes | None, key: bytes | None, timestamp: float | None) -> list[dict[str, Any]]:
    """The contact updates of one `meetings` record: none for a record that is not a JSON object."""
    try:
        record = orjson.loads(value) if value is not None else None
    except orjson.JSONDecodeError:
        log.warning("a meetings record is not JSON; skipped")
        return []
    if not isinstance(record, dict):
        return []
    return contacts.fan_out(record, int((timestamp or time.time()) * 1000), key)


def _bootstrap(app: faust.App) -> str:
    return ",".join(f"{url.host}:{url.port or 9092}" for url in app.conf.broker)


def install(app: faust.App, settings: Settings) -> None:
    """Called once by streams.app.create_app, after the source and topics exist."""
    n = settings.partitions
    horizon_ms = int(settings.contacts_horizon_days * 24 * 3600 * 1000)
    meetings_topic = app.topic(settings.topic("meetings"), partitions=n)
    updates_topic = app.topic(settings.topic("contact-updates"), partitions=n)
    table_options: dict[str, Any] = {"default": None, "partitions": n, "key_type": bytes,
                                     "value_type": bytes}
    contacts_table = app.Table(CONTACTS_TABLE, **table_options)
    articles_table = app.Table(ARTICLES_TABLE, **table_options)
    contact_store, article_store = TableStore(contacts_table), TableStore(articles_table)
    tables = contacts.ContactTables(settings.contacts_recent)
    changelogs = {contacts_table.changelog_topic.get_topic_name(): "contacts",
                  articles_table.changelog_topic.get_topic_name(): "articles"}
    mirror = ChangelogMirror(_bootstrap(app), changelogs, n, tables)
    app.parley_contacts = mirror  # type: ignore[attr-defined]

    @app.agent(meetings_topic, concurrency=1)
    async def fan_out_meetings(stream: faust.StreamT) -> None:
        """One update per participating country, keyed by it (a retraction: one per country of its key). Manual
        acks: a meeting record is acknowledged only once the broker has every update it made (a faust-streaming
        `take_events` or plain `events()` loop acks the record in a `finally`, even when its sends failed)."""
        manual = stream.noack()
        async for event in manual.events():
            updates = fan_out_record(event.message.value, event.message.key, event.message.timestamp)
            if updates:
                await deliver_updates(updates)
            await manual.ack(event)

    async def deliver_updates(updates: list[dict[str, Any]]) -> None:
        """Sends and waits for the broker; retried with backoff, and past FAN_OUT_RETRY_S the process exits without
        acknowledging (the meeting record is fanned out again after the restart: the fold absorbs the repeat)."""
        delay, waited = 0.5, 0.0
        while True:
            try:
                futures = [await updates_topic.send(key=u["country"].encode(), value=orjson.dumps(u))
                           for u in updates]
                await _watched(asyncio.gather(*futures), waited)
                counters.failing.pop("contact-updates", None)
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                counters.failing["contact-updates"] = repr(exc)[:500]
                if waited >= FAN_OUT_RETRY_S:
                    log.critical("contact updates undeliverable for %.0f s (%r); exiting without acknowledging",
                                 waited, exc)
                    logging.shutdown()
                    os._exit(75)
                log.warning("contact updates not delivered (%r); retrying in %.1f s", exc, delay)
                await asyncio.sleep(delay)
                waited += delay
                delay = min(delay * 2, 10.0)

    @app.agent(updates_topic, concurrency=1)
    async def fold_contacts(stream: faust.StreamT) -> None:
        async for event in stream.events():
            try:
                value = orjson.loads(event.message.value)
            except orjson.JSONDecodeError:
                value = None
            if isinstance(value, dict) and SWEEP in value:
                if horizon_ms > 0:
                    removed = (sweep(articles_table, event.message.partition, n, now_ms(), horizon_ms,
                                     history=contact_store)
                               + sweep(contacts_table, event.message.partition, n, now_ms(), horizon_ms))
                    if removed:
                        log.info("swept %d expired entries from partition %d", removed, event.message.partition)
            elif contacts.valid_update(value):
                try:
                    contacts.apply_update(contact_store, article_store, value, now_ms(), settings.contacts_recent)
                except Exception:  # a poison record must not stop every country of the partition
                    log.exception("contact update at %s@%s failed; skipped", event.message.tp, event.message.offset)
            else:
                log.warning("contact update at %s@%s is malformed; skipped", event.message.tp, event.message.offset)

    @app.timer(interval=settings.contacts_sweep_interval_s)
    async def request_sweep() -> None:
        """A marker per partition: whichever worker owns the partition purges it (duplicates are harmless)."""
        if horizon_ms > 0:
            for partition in range(n):
                await updates_topic.send(value=orjson.dumps({SWEEP: now_ms()}), partition=partition)

    @app.task
    async def mirror_changelogs() -> None:
        await mirror.run()

    api.install(app, mirror)
