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
import time
from typing import Any

import faust
import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.partitioner import murmur2

from streams.kafka.security import BATCHED_FETCH, client_kwargs
from streams.settings import Settings
from streams.tables import fold as contacts
from streams.web import api

log = logging.getLogger("parley.contacts")

CONTACTS_TABLE = "contacts"
ARTICLES_TABLE = "contact-articles"
FAN_OUT_BATCH = 100
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
        self.table[key.encode()] = orjson.dumps(value)


def sweep(table: faust.Table, partition: int, partitions: int, now: int, horizon_ms: int) -> int:
    """Delete this partition's expired entries. Runs inside the agent, on a sweep marker of that partition, so
    Faust writes the tombstones to the right changelog partition and the mirrors drop them too."""
    doomed = []
    for key, raw in list(table.items()):
        country = key.split(b"|", 1)[0]
        if partition_of(country, partitions) == partition and contacts.expired(orjson.loads(raw), now, horizon_ms):
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
        """One update per participating country, keyed by it; acknowledged only once the broker has them all."""
        async for events in stream.take_events(FAN_OUT_BATCH, within=0.05):
            pending = []
            for event in events:
                try:
                    meeting = orjson.loads(event.message.value)
                except orjson.JSONDecodeError:
                    log.warning("meeting event at %s@%s is not JSON; skipped", event.message.tp, event.message.offset)
                    continue
                if not isinstance(meeting, dict):
                    continue
                arrival = int((event.message.timestamp or time.time()) * 1000)
                for update in contacts.fan_out(meeting, arrival):
                    pending.append(await updates_topic.send(key=update["country"].encode(), value=orjson.dumps(update)))
            await asyncio.gather(*pending)

    @app.agent(updates_topic, concurrency=1)
    async def fold_contacts(stream: faust.StreamT) -> None:
        async for event in stream.events():
            try:
                value = orjson.loads(event.message.value)
            except orjson.JSONDecodeError:
                value = None
            if isinstance(value, dict) and SWEEP in value:
                if horizon_ms > 0:
                    removed = sum(sweep(t, event.message.partition, n, now_ms(), horizon_ms)
                                  for t in (contacts_table, articles_table))
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
