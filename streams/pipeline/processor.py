"""One batch of `articles` messages from the source (streams/source.py): decode, dead-letter, extract, publish.

Kept apart from the Faust wiring so a newcomer can read the whole path of an article in one place. Nothing here
raises for a bad article: it goes to the dead-letter topic with its reason. Transient trouble (the pool or the
broker) is retried; if it persists the process exits without committing the batch, so another worker (or
this one, restarted) processes it again: at-least-once, never skipped.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from schemas.article import Article, InputRejected, decode_article
from schemas.events import CONTENT_TYPE, meeting_event, meeting_key, quote_event, quote_key
from streams.ops import counters
from streams.pipeline.nlp_pool import OK, NlpPool
from streams.pipeline.records import Headers, Record, last_line
from streams.pipeline.retraction_ledger import RetractionLedger

log = logging.getLogger("parley.processor")

NOT_ENGLISH = "not_english"
PUBLISH_ERROR = "publish_error"
# topic, key, value, headers, partition (None: by key): re-sendable on retry
# send(topic_name, key, value, headers, partition) -> awaitable that resolves once the broker has the record
Send = Callable[[str, bytes | None, bytes, Headers, int | None], Awaitable[Any]]


@dataclass(frozen=True, slots=True)
class RawMessage:
    value: bytes | None
    key: bytes | None
    topic: str
    partition: int
    offset: int


class ArticleProcessor:
    def __init__(self, pool: NlpPool, send: Send, topics: dict[str, str], max_text_chars: int,
                 extractor_version: str, retry_limit_s: float = 300.0, ledger: RetractionLedger | None = None) -> None:
        self.pool = pool
        self.ledger = ledger
        self.send = send
        self.topics = topics  # logical name -> topic name: meetings, quotes, dlq
        self.max_text_chars = max_text_chars
        self.retry_limit_s = retry_limit_s
        self.extractor_version = extractor_version

    async def process(self, messages: Sequence[RawMessage]) -> None:
        """Returns only when every event and dead letter of the batch is on the broker."""
        await self.deliver(await self.prepare(messages))

    async def prepare(self, messages: Sequence[RawMessage]) -> list[Record]:
        """Decodes, dead-letters, extracts and builds every record of the batch; sends nothing."""
        pending: list[Record] = []
        good: list[tuple[RawMessage, Article]] = []
        for msg in messages:
            counters.counts["articles_in"] += 1
            try:
                article = decode_article(msg.value, self.max_text_chars)
            except InputRejected as exc:
                pending.append(self._dead_letter(msg, exc.reason, exc.detail))
                continue
            if not article.is_english:
                counters.skipped[NOT_ENGLISH] += 1
                continue
            good.append((msg, article))
        if good:
            began = time.perf_counter()
            outcomes = await self._retrying("extraction", lambda: self.pool.extract([a for _, a in good]))
            counters.observe_extraction(time.perf_counter() - began, len(good))
            for (msg, article), outcome in zip(good, outcomes, strict=True):
                if outcome.status != OK or outcome.result is None:
                    pending.append(self._dead_letter(msg, outcome.status, outcome.detail))
                    continue
                try:
                    records = self._publish(article, outcome.result, msg.partition)
                except Exception as exc:  # an event the contract cannot carry: a bug, kept with its article
                    log.exception("cannot build the events of article %s", article.id)
                    pending.append(self._dead_letter(msg, PUBLISH_ERROR, last_line(exc)))
                    continue
                pending.extend(records)
                counters.counts["articles_extracted"] += 1
        return pending

    async def deliver(self, pending: list[Record]) -> None:
        """Returns once every record is on the broker; only then may the source commit the batch."""
        await self._retrying("delivery", lambda: asyncio.gather(*(self.send(*record) for record in pending)))

    def _publish(self, article: Article, result: dict[str, Any], partition: int) -> list[Record]:
        headers = _headers(self.extractor_version)
        sends: list[Record] = []
        for meeting in result["meetings"]:
            event = meeting_event(article, meeting, self.extractor_version)
            sends.append((self.topics["meetings"], meeting_key(meeting).encode(), orjson.dumps(event),
                          headers + [("schema_version", event["schema_version"].encode())], None))
            counters.counts["meetings_out"] += 1
        for quote in result["quotes"]:
            event = quote_event(article, quote, self.extractor_version)
            sends.append((self.topics["quotes"], quote_key(quote).encode(), orjson.dumps(event),
                          headers + [("schema_version", event["schema_version"].encode())], None))
            counters.counts["quotes_out"] += 1
        # Events this article yielded before (same id, other text) and no longer does are retracted; the ledger's
        # own update travels with them.
        if self.ledger is not None:
            sends.extend(self.ledger.records_for(article, partition, sends, self.extractor_version))
        return sends

    def _dead_letter(self, msg: RawMessage, reason: str, detail: str) -> Record:
        counters.dead_letters[reason] += 1
        log.warning("dead letter %s/%s@%s: %s %s", msg.topic, msg.partition, msg.offset, reason, detail[:200])
        headers = [
            ("dlq_reason", reason.encode()),
            ("dlq_detail", detail[:1000].encode("utf-8", "replace")),
            ("source_topic", msg.topic.encode()),
            ("source_partition", str(msg.partition).encode()),
            ("source_offset", str(msg.offset).encode()),
        ]
        return (self.topics["dlq"], msg.key, msg.value if msg.value is not None else b"", headers, None)

    async def _retrying(self, what: str, attempt: Callable[[], Awaitable[Any]]) -> Any:
        """Backoff retries for trouble that is not the article's fault. Past the limit the process exits at once
        (no commit): the batch is processed again after the restart or rebalance."""
        delay, waited = 0.5, 0.0
        while True:
            try:
                return await attempt()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if waited >= self.retry_limit_s:
                    log.critical("%s failed for %.0f s (%r); exiting without committing", what, waited, exc)
                    os._exit(75)
                log.warning("%s failed (%r); retrying in %.1f s", what, exc, delay)
                counters.counts[f"retries_{what}"] += 1
                await asyncio.sleep(delay)
                waited += delay
                delay = min(delay * 2, 10.0)



def _headers(extractor_version: str) -> Headers:
    return [("content_type", CONTENT_TYPE.encode()), ("extractor_version", extractor_version.encode())]
