"""The contact tables on the worker: fan-out, the fold into the two tables, each worker's full replica, the HTTP API.

```
[meetings] -> FanOut -> [contact-updates] (key: country) -> Fold -> changelogs `contacts`, `contact-articles`
                                                                    (compacted; partition p of each holds the
                                                                    state of partition p of contact-updates)
every worker: ChangelogMirror (own consumer, no group, every partition of both changelogs) -> ContactTables -> HTTP
```

FanOut and Fold each read their topic in their own consumer group with a plain consumer that commits a batch
only once everything it produced is on the broker (streams/kafka/committing_consumer.py), so each country's state
is written by exactly one worker at a time and a crash anywhere means a repeat, never a gap; both steps are
idempotent (the fold's rule in streams/tables/fold.py), so a repeat changes nothing. The fold's owner of partition
p loads p's state from the two changelogs when it first needs it (after the previous owner committed, or died) and
writes every changed key back to changelog partition p before committing. The API never asks the group: each
worker mirrors both changelogs in full and answers locally, so every worker gives the same answer.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from contextlib import aclosing
from typing import Any

import faust
import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.partitioner import murmur2

from streams.kafka.committing_consumer import Batch, CommittingConsumer
from streams.kafka.read import batches_to_end
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


class Table(dict[bytes, bytes]):
    """One partition of one table, as raw bytes (what its changelog holds); remembers the keys written since the
    last `take_dirty`, with their latest value (None: deleted), which the fold sends to the changelog."""

    def __init__(self) -> None:
        super().__init__()
        self.dirty: dict[bytes, bytes | None] = {}

    def __setitem__(self, key: bytes, value: bytes) -> None:
        super().__setitem__(key, value)
        self.dirty[key] = value

    def __delitem__(self, key: bytes) -> None:
        super().__delitem__(key)
        self.dirty[key] = None

    def take_dirty(self) -> dict[bytes, bytes | None]:
        dirty, self.dirty = self.dirty, {}
        return dirty


class TableStore:
    """A table of raw bytes seen as the str -> dict store of contacts.apply_update."""

    def __init__(self, table: dict[bytes, bytes]) -> None:
        self.table = table

    def get(self, key: str) -> dict[str, Any] | None:
        raw = self.table.get(key.encode())
        return orjson.loads(raw) if raw is not None else None

    def __setitem__(self, key: str, value: dict[str, Any]) -> None:
        # an exact-size copy: orjson's own result holds a 4 KB allocation whatever its length, and the table keeps it
        self.table[key.encode()] = bytes(memoryview(orjson.dumps(value)))


def sweep(table: dict[bytes, bytes], partition: int, partitions: int, now: int, horizon_ms: int,
          history: contacts.Store | None = None) -> int:
    """Delete this partition's expired entries. Runs in the fold, on a sweep marker of that partition, so the
    tombstones go to the right changelog partition and the mirrors drop them too. With `history`,
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


async def _watched(delivery: Any, waited: float, what: str) -> None:
    """Waits for the broker's answer; one unanswered for STALL_S (the producer retries some errors by itself, an
    unknown topic for one) counts as `what` failing for /health, and past FAN_OUT_RETRY_S the worker exits
    unacknowledged."""
    task = asyncio.ensure_future(delivery)
    began = time.monotonic()
    while True:
        try:
            await asyncio.wait_for(asyncio.shield(task), STALL_S)
            return
        except TimeoutError:
            stalled = time.monotonic() - began
            counters.failing[what] = f"no answer for {stalled:.0f} s"
            if waited + stalled >= FAN_OUT_RETRY_S:
                log.critical("%s unanswered for %.0f s; exiting without acknowledging", what, stalled)
                logging.shutdown()
                os._exit(75)


def fan_out_record(value: bytes | None, key: bytes | None, timestamp_ms: int | None) -> list[dict[str, Any]]:
    """The contact updates of one `meetings` record: none for a record that is not a JSON object."""
    try:
        record = orjson.loads(value) if value is not None else None
    except orjson.JSONDecodeError:
        log.warning("a meetings record is not JSON; skipped")
        return []
    if not isinstance(record, dict):
        return []
    return contacts.fan_out(record, timestamp_ms or now_ms(), key)


def _bootstrap(app: faust.App) -> str:
    return ",".join(f"{url.host}:{url.port or 9092}" for url in app.conf.broker)


Send = tuple[Any, bytes | None, bytes | None, int | None]  # (Faust topic, key, value, partition)


async def deliver(sends: list[Send], what: str) -> None:
    """Sends and waits for the broker; retried with backoff, and past FAN_OUT_RETRY_S the process exits without
    committing (the batch is handled again after the restart: both steps absorb the repeat)."""
    delay, waited = 0.5, 0.0
    while True:
        try:
            futures = [await topic.send(key=key, value=value, partition=partition)
                       for topic, key, value, partition in sends]
            await _watched(asyncio.gather(*futures), waited, what)
            counters.failing.pop(what, None)
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            counters.failing[what] = repr(exc)[:500]
            if waited >= FAN_OUT_RETRY_S:
                log.critical("%s undeliverable for %.0f s (%r); exiting without committing", what, waited, exc)
                logging.shutdown()
                os._exit(75)
            log.warning("%s not delivered (%r); retrying in %.1f s", what, exc, delay)
            await asyncio.sleep(delay)
            waited += delay
            delay = min(delay * 2, 10.0)


class FanOut:
    """`meetings` -> one contact update per participating country, keyed by it (a retraction: one per country of
    its key). A batch is committed only once the broker has every update it made."""

    def __init__(self, updates_topic: Any) -> None:
        self.updates_topic = updates_topic

    async def handle(self, batch: Batch) -> None:
        sends: list[Send] = []
        for records in batch.values():
            for record in records:
                for u in fan_out_record(record.value, record.key, record.timestamp):
                    sends.append((self.updates_topic, u["country"].encode(), orjson.dumps(u), None))
        if sends:
            await deliver(sends, "contact-updates")


class Fold:
    """`contact-updates` -> the two tables. Partition p's state is loaded from changelog partition p of both tables
    the first time this worker handles p (so after the previous owner committed, or died), kept while p is this
    worker's, and every key a batch changed is written to changelog partition p before the batch is committed."""

    def __init__(self, bootstrap: str, changelogs: dict[str, Any], partitions: int, horizon_ms: int,
                 recent: int) -> None:
        self.bootstrap = bootstrap
        self.changelogs = changelogs  # store name ("contacts", "articles") -> Faust topic of its changelog
        self.partitions = partitions
        self.horizon_ms = horizon_ms
        self.recent = recent
        self.state: dict[int, dict[str, Table]] = {}
        self.loading = 0  # partitions being loaded now (the table-recovery metric)

    def drop(self, partitions: Any) -> None:
        for p in partitions:
            self.state.pop(p, None)

    async def _load(self, partition: int) -> dict[str, Table]:
        """Reads changelog partition p of both tables to its end (the previous owner's last writes included)."""
        self.loading += 1
        try:
            tables = await self._read(partition)
        finally:
            self.loading -= 1
        log.info("table partition %d loaded: %s", partition, {n: len(t) for n, t in tables.items()})
        return tables

    async def _read(self, partition: int) -> dict[str, Table]:
        tables = {name: Table() for name in self.changelogs}
        by_topic = {topic.get_topic_name(): tables[name] for name, topic in self.changelogs.items()}
        tps = [TopicPartition(name, partition) for name in by_topic]
        async with aclosing(batches_to_end(self.bootstrap, tps)) as batches:
            async for records in batches:
                for r in records:
                    if r.key is None:
                        continue
                    if r.value is None:  # past Table's own methods: what was loaded is not to be written back
                        dict.pop(by_topic[r.topic], r.key, None)
                    else:
                        dict.__setitem__(by_topic[r.topic], r.key, r.value)
        return tables

    async def handle(self, batch: Batch) -> None:
        sends: list[Send] = []
        for tp, records in batch.items():
            partition = tp.partition
            tables = self.state.get(partition)
            if tables is None:
                tables = self.state[partition] = await self._load(partition)
            stores = TableStore(tables["contacts"]), TableStore(tables["articles"])
            for record in records:
                self._apply(tables, stores, record, partition)
            for name, table in tables.items():
                sends.extend((self.changelogs[name], key, value, partition)
                             for key, value in table.take_dirty().items())
        if sends:
            await deliver(sends, "table changelogs")

    def _apply(self, tables: dict[str, Table], stores: tuple[TableStore, TableStore], record: Any,
               partition: int) -> None:
        contact_store, article_store = stores
        try:
            value = orjson.loads(record.value) if record.value is not None else None
        except orjson.JSONDecodeError:
            value = None
        if isinstance(value, dict) and SWEEP in value:
            if self.horizon_ms > 0:
                removed = (sweep(tables["articles"], partition, self.partitions, now_ms(), self.horizon_ms,
                                 history=contact_store)
                           + sweep(tables["contacts"], partition, self.partitions, now_ms(), self.horizon_ms))
                if removed:
                    log.info("swept %d expired entries from partition %d", removed, partition)
        elif contacts.valid_update(value):
            try:
                contacts.apply_update(contact_store, article_store, value, now_ms(), self.recent)
            except Exception:  # a poison record must not stop every country of the partition
                log.exception("contact update at %s@%s failed; skipped", partition, record.offset)
        else:
            log.warning("contact update at %s@%s is malformed; skipped", partition, record.offset)


class TableConsumers:
    """The two steps' consumers, for readiness, metrics and an orderly stop."""

    def __init__(self, fan_out: CommittingConsumer, fold: CommittingConsumer, folder: Fold) -> None:
        self.fan_out = fan_out
        self.fold = fold
        self.folder = folder

    @property
    def all(self) -> tuple[CommittingConsumer, CommittingConsumer]:
        return self.fan_out, self.fold

    @property
    def assigned(self) -> bool:
        return all(c.assigned for c in self.all)

    @property
    def rebalancing(self) -> bool:
        return any(c.rebalancing for c in self.all)

    async def stop(self) -> None:
        await asyncio.gather(*(c.stop() for c in self.all))


def install(app: faust.App, settings: Settings) -> None:
    """Called once by streams.app.create_app, after the source and topics exist."""
    n = settings.partitions
    horizon_ms = int(settings.contacts_horizon_days * 24 * 3600 * 1000)
    bootstrap = _bootstrap(app)
    updates_topic = app.topic(settings.topic("contact-updates"), partitions=n)
    changelog_names = {"contacts": settings.changelog(CONTACTS_TABLE),
                       "articles": settings.changelog(ARTICLES_TABLE)}
    changelogs = {store: app.topic(name, partitions=n) for store, name in changelog_names.items()}
    tables = contacts.ContactTables(settings.contacts_recent)
    mirror = ChangelogMirror(bootstrap, {name: store for store, name in changelog_names.items()}, n, tables)
    app.parley_contacts = mirror  # type: ignore[attr-defined]
    folder = Fold(bootstrap, changelogs, n, horizon_ms, settings.contacts_recent)
    fan_out = CommittingConsumer(bootstrap, settings, settings.topic("meetings"), settings.fan_out_group,
                                 FanOut(updates_topic).handle)
    fold = CommittingConsumer(bootstrap, settings, settings.topic("contact-updates"), settings.tables_group,
                              folder.handle, on_revoked=folder.drop)
    consumers = TableConsumers(fan_out, fold, folder)
    app.parley_tables = consumers  # type: ignore[attr-defined]

    async def run(consumer: CommittingConsumer) -> None:
        try:
            await consumer.run()
        except Exception:
            # A worker whose tables no longer move must not look alive: exit, uncommitted, and be restarted.
            log.critical("the %s consumer failed; exiting without committing", consumer.topic, exc_info=True)
            logging.shutdown()
            os._exit(70)

    @app.task
    async def fan_out_meetings() -> None:
        await run(fan_out)

    @app.task
    async def fold_contacts() -> None:
        await run(fold)

    @app.timer(interval=settings.contacts_sweep_interval_s)
    async def request_sweep() -> None:
        """A marker per partition: whichever worker owns the partition purges it (duplicates are harmless)."""
        if horizon_ms > 0:
            for partition in range(n):
                await updates_topic.send(value=orjson.dumps({SWEEP: now_ms()}), partition=partition)

    @app.on_before_shutdown.connect
    async def stop_tables(sender: Any, **kwargs: Any) -> None:
        await consumers.stop()  # before Faust stops its producer: the batches in hand still need it

    @app.task
    async def mirror_changelogs() -> None:
        await mirror.run()

    api.install(app, mirror)
