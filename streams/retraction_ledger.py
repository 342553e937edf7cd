"""Which events each article last yielded, so that when an article comes again with the same id and changed text,
the events it no longer yields are retracted (a `retraction.v1` record on the retracted event's topic and key).

State: a Faust table keyed by article id, value the sorted (schema_version, event_id, key) of the article's last
extraction. Its changelog topic `<prefix>.article-events` is compacted and, unlike Faust's default, independent of
the app version, so a `parley reprocess` under a new app version still knows what the old extractor published
and retracts what the new one drops. The table is partitioned like `articles` (murmur2 of the article id, the key
`parley feed` sets), so each worker holds the rows of the articles it processes. It always lives in memory
(recovered from its changelog at start), whatever PARLEY_TABLE_STORE says: Faust's RocksDB store picks a row's
partition from the stream's current event, not from the key, so a batch of articles from several partitions
would file rows under the wrong partition.

The processor calls `retractions_for` once per article while building its records; the ledger is updated then,
so a crash before delivery re-sends the events (at-least-once) but not the retractions computed for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import faust
import orjson
from aiokafka.partitioner import murmur2

from schemas.article import Article
from schemas.events import CONTENT_TYPE, MEETING_SCHEMA, QUOTE_SCHEMA, EventRef, retractions
from streams.settings import Settings

Record = tuple[str, bytes | None, bytes, list[tuple[str, bytes]]]  # as streams.processor.Record

_table: Any = None  # the Faust table once installed; without it (unit tests of the processor) nothing is retracted
_topics: dict[str, str] = {}  # schema_version -> topic name


class LedgerTable(faust.Table):
    """Writes each row to the changelog partition Kafka's default partitioner gives its key (the article id), which
    is the `articles` partition of an article keyed by its id: the worker that processes the article owns its row.
    Computed here, not by the producer, which may not have the changelog topic's metadata yet on first use."""

    def partition_for_key(self, key: Any) -> int:
        return (murmur2(key) & 0x7FFFFFFF) % self.partitions


# Always memory (see the module docstring). Not plain "memory://": yarl's URL("memory://") is falsy, and Faust would
# silently fall back to the app's store (RocksDB in production).
LEDGER_STORE = "memory://local"


def install(app: faust.App, settings: Settings) -> None:
    """Creates the ledger table on the app (called from streams.dashboard.install)."""
    global _table, _topics
    changelog = app.topic(settings.topic("article-events"), partitions=settings.partitions, compacting=True,
                          deleting=False, internal=True, key_serializer="raw", value_serializer="raw",
                          replicas=settings.replication_factor, acks=True)
    _table = app.tables.add(LedgerTable(app, name="article-events", beacon=app.tables.beacon, default=None,
                                        partitions=settings.partitions, changelog_topic=changelog,
                                        store=LEDGER_STORE))
    _topics = {MEETING_SCHEMA: settings.topic("meetings"), QUOTE_SCHEMA: settings.topic("quotes")}


def refs_of(records: Sequence[Record]) -> list[EventRef]:
    refs = set()
    for _topic, key, value, _headers in records:
        event = orjson.loads(value)
        if event.get("schema_version") in (MEETING_SCHEMA, QUOTE_SCHEMA):
            refs.add((event["schema_version"], event["event_id"], (key or b"").decode()))
    return sorted(refs)


def retractions_for(article: Article, records: Sequence[Record], extractor_version: str) -> list[Record]:
    """The hook: the article's event records in, the retraction records to send with them out (usually none)."""
    if _table is None:
        return []
    key = article.id.encode()
    current = refs_of(records)
    stored = _table.get(key)
    previous = [tuple(ref) for ref in orjson.loads(stored)] if stored else []
    if previous != current:
        _table[key] = orjson.dumps(current)
    out: list[Record] = []
    for event_key, event in retractions(article, previous, current, extractor_version):  # type: ignore[arg-type]
        headers = [("content_type", CONTENT_TYPE.encode()), ("extractor_version", extractor_version.encode()),
                   ("schema_version", event["schema_version"].encode())]
        out.append((_topics[event["retracts"]], event_key.encode(), orjson.dumps(event), headers))
    return out
