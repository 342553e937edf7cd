"""Which events each article last yielded, so that when an article comes again with the same id and changed text,
the events it no longer yields are retracted (a `retraction.v1` record on the retracted event's topic and key).

State: per article id, the sorted (schema_version, event_id, key) of its last extraction, kept in the compacted
topic `<prefix>.article-events` (independent of the app version, so a `parley reprocess` under a new version still
knows what the old extractor published and retracts what the new one drops). Partition p of that topic holds the
articles of partition p of `articles` (articles are keyed by their id, as `parley feed` sets): the worker that
holds an articles partition starts loading its ledger partition when the partition is assigned, in the background
(not inside the rebalance callback), waits for it before handling any of that partition's records
(streams/pipeline/source.py) and drops it when the partition goes. A ledger update is one more record of the
article's batch, delivered with its events before the batch is committed: a crash before that re-sends the
events and the retractions together.

Bounded: the ledger remembers an article for `window_ms` (PARLEY_LEDGER_WINDOW_DAYS, 30 days, the event topics'
retention) after its last extraction. The topic is `compact,delete` with that retention, and entries older than
the window are skipped at load and forgotten in memory: an article re-sent after the window retracts nothing of
its old version (the old events have left the event topics by then anyway). Loading streams the partition into
memory record by record, never the whole history at once.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Sequence
from contextlib import aclosing
from typing import Any

import orjson
from aiokafka import TopicPartition

from schemas.article import Article
from schemas.events import CONTENT_TYPE, MEETING_SCHEMA, QUOTE_SCHEMA, EventRef, event_refs, retractions
from streams.kafka.read import batches_to_end
from streams.pipeline.records import Record


def refs_of(records: Sequence[Record]) -> list[EventRef]:
    events = ((orjson.loads(value), (key or b"").decode()) for _topic, key, value, _headers, _partition in records)
    return event_refs((e, key) for e, key in events if e.get("schema_version") in (MEETING_SCHEMA, QUOTE_SCHEMA))


DAY_MS = 24 * 3600 * 1000


def now_ms() -> int:
    return int(time.time() * 1000)


class RetractionLedger:
    def __init__(self, topic: str, event_topics: dict[str, str], window_ms: int = 30 * DAY_MS) -> None:
        self.topic = topic
        self.event_topics = event_topics  # schema_version -> topic name
        self.window_ms = window_ms  # 0: forever
        # articles partition -> article id -> (time of its last extraction in ms, stored refs)
        self.rows: dict[int, dict[bytes, tuple[int, bytes]]] = {}
        self._loading: dict[int, asyncio.Task[None]] = {}
        self._updates = 0

    def start_loading(self, bootstrap: str, partitions: Iterable[int]) -> None:
        """Starts reading the ledger partitions of newly assigned articles partitions, in the background."""
        for p in sorted(set(partitions)):
            if p not in self.rows and p not in self._loading:
                self._loading[p] = asyncio.ensure_future(self._load_partition(bootstrap, p))

    async def wait_loaded(self, partitions: Iterable[int]) -> None:
        """Returns once these partitions' ledgers are in memory; raises what their loading raised."""
        for p in sorted(set(partitions)):
            task = self._loading.get(p)
            if task is not None:
                try:
                    await asyncio.shield(task)
                except Exception:
                    self._loading.pop(p, None)
                    raise
                self._loading.pop(p, None)

    def loaded(self, partition: int) -> bool:
        return partition in self.rows

    async def load(self, bootstrap: str, partitions: Iterable[int]) -> None:
        """Loads these partitions' ledgers and returns once they are in memory."""
        partitions = list(partitions)
        self.start_loading(bootstrap, partitions)
        await self.wait_loaded(partitions)

    async def _load_partition(self, bootstrap: str, partition: int) -> None:
        rows: dict[bytes, tuple[int, bytes]] = {}
        oldest = now_ms() - self.window_ms if self.window_ms > 0 else None
        # aclosing: a load cancelled (its partition revoked) stops its consumer at once
        async with aclosing(batches_to_end(bootstrap, [TopicPartition(self.topic, partition)])) as batches:
            async for records in batches:
                for r in records:
                    if r.key is None:
                        continue
                    if r.value is None or (oldest is not None and r.timestamp < oldest):
                        rows.pop(r.key, None)
                    else:
                        rows[r.key] = (r.timestamp, r.value)
                await asyncio.sleep(0)  # other partitions' batches go on meanwhile
        self.rows[partition] = rows

    def drop(self, partitions: Iterable[int]) -> None:
        for p in partitions:
            self.rows.pop(p, None)
            task = self._loading.pop(p, None)
            if task is not None:
                task.cancel()

    def expire(self, now: int | None = None) -> int:
        """Forgets entries older than the window; returns how many."""
        if self.window_ms <= 0:
            return 0
        oldest = (now if now is not None else now_ms()) - self.window_ms
        gone = 0
        for rows in self.rows.values():
            old = [k for k, (t, _) in rows.items() if t < oldest]
            for k in old:
                del rows[k]
            gone += len(old)
        return gone

    def size(self) -> int:
        return sum(len(rows) for rows in self.rows.values())

    def records_for(self, article: Article, partition: int, records: Sequence[Record],
                    extractor_version: str, article_version: int | None = None) -> list[Record]:
        """The article's event records in; the ledger update and the retractions to send with them out (usually
        none). Nothing for a partition whose ledger is not loaded (not this worker's)."""
        rows = self.rows.get(partition)
        if rows is None:
            return []
        key = article.id.encode()
        current = refs_of(records)
        now = now_ms()
        stored = rows.get(key)
        if stored is not None and self.window_ms > 0 and stored[0] < now - self.window_ms:
            stored = None  # past the window: its old events are not retracted
            del rows[key]
        previous = [tuple(ref) for ref in orjson.loads(stored[1])] if stored else []
        self._updates += 1
        if self._updates % 10_000 == 0:
            self.expire(now)
        if previous == current:
            return []
        value = orjson.dumps(current)
        # kept as an exact-size copy: orjson's own result holds a 4 KB allocation whatever its length
        rows[key] = (now, bytes(memoryview(value)))
        headers = [("content_type", CONTENT_TYPE.encode()), ("extractor_version", extractor_version.encode())]
        out: list[Record] = [(self.topic, key, value, headers, partition)]
        for event_key, event in retractions(article, previous, current, extractor_version,  # type: ignore[arg-type]
                                            article_version):
            out.append((self.event_topics[event["retracts"]], event_key.encode(), orjson.dumps(event),
                        headers + [("schema_version", event["schema_version"].encode())], None))
        return out


def ledger_for(settings: Any) -> RetractionLedger:
    return RetractionLedger(settings.topic("article-events"),
                            {MEETING_SCHEMA: settings.topic("meetings"), QUOTE_SCHEMA: settings.topic("quotes")},
                            window_ms=int(settings.ledger_window_days * DAY_MS))
