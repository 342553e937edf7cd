"""Which events each article last yielded, so that when an article comes again with the same id and changed text,
the events it no longer yields are retracted (a `retraction.v1` record on the retracted event's topic and key).

State: per article id, the sorted (schema_version, event_id, key) of its last extraction, kept in the compacted
topic `<prefix>.article-events` (independent of the app version, so a `parley reprocess` under a new version still
knows what the old extractor published and retracts what the new one drops). Partition p of that topic holds the
articles of partition p of `articles` (articles are keyed by their id, as `parley feed` sets): the worker that
holds an articles partition loads its ledger partition when the partition is assigned (streams/source.py, before
any of its records are handled) and drops it when the partition goes. A ledger update is one more record of the
article's batch, delivered with its events before the batch is committed: a crash before that re-sends the
events and the retractions together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from aiokafka import TopicPartition

from schemas.article import Article
from schemas.events import CONTENT_TYPE, MEETING_SCHEMA, QUOTE_SCHEMA, EventRef, event_refs, retractions
from streams.kafka.read import read_to_end
from streams.pipeline.records import Record


def refs_of(records: Sequence[Record]) -> list[EventRef]:
    events = ((orjson.loads(value), (key or b"").decode()) for _topic, key, value, _headers, _partition in records)
    return event_refs((e, key) for e, key in events if e.get("schema_version") in (MEETING_SCHEMA, QUOTE_SCHEMA))


class RetractionLedger:
    def __init__(self, topic: str, event_topics: dict[str, str]) -> None:
        self.topic = topic
        self.event_topics = event_topics  # schema_version -> topic name
        self.rows: dict[int, dict[bytes, bytes]] = {}  # articles partition -> article id -> stored refs

    async def load(self, bootstrap: str, partitions: Iterable[int]) -> None:
        """Reads the ledger partitions of newly assigned articles partitions to their end."""
        wanted = sorted({p for p in partitions if p not in self.rows})
        rows: dict[int, dict[bytes, bytes]] = {p: {} for p in wanted}
        for r in await read_to_end(bootstrap, [TopicPartition(self.topic, p) for p in wanted]):
            if r.key is None:
                continue
            if r.value is None:
                rows[r.partition].pop(r.key, None)
            else:
                rows[r.partition][r.key] = r.value
        self.rows.update(rows)

    def drop(self, partitions: Iterable[int]) -> None:
        for p in partitions:
            self.rows.pop(p, None)

    def records_for(self, article: Article, partition: int, records: Sequence[Record],
                    extractor_version: str) -> list[Record]:
        """The article's event records in; the ledger update and the retractions to send with them out (usually
        none). Nothing for a partition whose ledger is not loaded (not this worker's)."""
        rows = self.rows.get(partition)
        if rows is None:
            return []
        key = article.id.encode()
        current = refs_of(records)
        stored = rows.get(key)
        previous = [tuple(ref) for ref in orjson.loads(stored)] if stored else []
        if previous == current:
            return []
        value = orjson.dumps(current)
        rows[key] = value
        headers = [("content_type", CONTENT_TYPE.encode()), ("extractor_version", extractor_version.encode())]
        out: list[Record] = [(self.topic, key, value, headers, partition)]
        for event_key, event in retractions(article, previous, current, extractor_version):  # type: ignore[arg-type]
            out.append((self.event_topics[event["retracts"]], event_key.encode(), orjson.dumps(event),
                        headers + [("schema_version", event["schema_version"].encode())], None))
        return out


def ledger_for(settings: Any) -> RetractionLedger:
    return RetractionLedger(settings.topic("article-events"),
                            {MEETING_SCHEMA: settings.topic("meetings"), QUOTE_SCHEMA: settings.topic("quotes")})
