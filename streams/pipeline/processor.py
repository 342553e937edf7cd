"""One batch of `articles` messages from the source (streams/source.py): decode, dead-letter, extract, publish.

Kept apart from the Faust wiring so a newcomer can read the whole path of an article in one place. Nothing here
raises for a bad article: it goes to the dead-letter topic with its reason. Transient trouble (the pool or the
broker) is retried; if it persists the process exits without committing the batch, so another worker (or
this one, restarted) processes it again: at-least-once, never skipped.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from aiokafka.errors import MessageSizeTooLargeError, RecordTooLargeError

from schemas.article import Article, InputRejected, decode_article
from schemas.events import CONTENT_TYPE, meeting_event, meeting_key, quote_event, quote_key
from streams.ops import counters
from streams.pipeline.nlp_pool import OK, NlpPool
from streams.pipeline.records import Headers, Record, last_line
from streams.pipeline.retraction_ledger import RetractionLedger

log = logging.getLogger("parley.processor")

NOT_ENGLISH = "not_english"
HEADROOM_BYTES = 64 * 1024  # headers and record-batch overhead of a dead letter, within the topic's limit
MIN_DEAD_LETTER_BYTES = 64 * 1024  # the copy sent when even a cut dead letter is refused
STALL_S = 15.0  # an extraction or delivery unanswered this long counts as failing (/health: 503)
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
                 extractor_version: str, retry_limit_s: float = 300.0, ledger: RetractionLedger | None = None,
                 max_record_bytes: int = 8 * 1024 * 1024) -> None:
        self.pool = pool
        self.ledger = ledger
        self.send = send
        self.topics = topics  # logical name -> topic name: meetings, quotes, dlq
        self.max_text_chars = max_text_chars
        self.retry_limit_s = retry_limit_s
        self.extractor_version = extractor_version
        self.max_record_bytes = max_record_bytes  # the DLQ's max.message.bytes: a dead letter must fit it
        self._stop = asyncio.Event()

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
                    records = self._publish(article, outcome.result, msg.partition, msg.offset)
                except Exception as exc:  # an event the contract cannot carry: a bug, kept with its article
                    log.exception("cannot build the events of article %s", article.id)
                    pending.append(self._dead_letter(msg, PUBLISH_ERROR, last_line(exc)))
                    continue
                pending.extend(records)
                counters.counts["articles_extracted"] += 1
        return pending

    async def deliver(self, pending: list[Record]) -> None:
        """Returns once every record is on the broker; only then may the source commit the batch."""
        await self._retrying("delivery", lambda: asyncio.gather(*(self._send(record) for record in pending)))

    async def _send(self, record: Record) -> Any:
        """A dead letter the producer or the broker still finds too large (a topic limit below the setting) goes
        out as a small truncated copy: a dead letter is never retried forever."""
        try:
            return await self.send(*record)
        except (MessageSizeTooLargeError, RecordTooLargeError):
            topic, key, value, headers, partition = record
            if topic != self.topics["dlq"] or len(value) <= MIN_DEAD_LETTER_BYTES:
                raise
            log.warning("dead letter of %d bytes refused as too large; sending a %d-byte copy", len(value),
                        MIN_DEAD_LETTER_BYTES)
            return await self.send(*_truncated(key, value, headers, partition, topic, MIN_DEAD_LETTER_BYTES))

    def _publish(self, article: Article, result: dict[str, Any], partition: int, version: int) -> list[Record]:
        """The article's events, each with its version (the article's offset on `articles`), and the ledger's."""
        headers = _headers(self.extractor_version)
        sends: list[Record] = []
        for meeting in result["meetings"]:
            event = meeting_event(article, meeting, self.extractor_version, article_version=version)
            sends.append((self.topics["meetings"], meeting_key(meeting).encode(), orjson.dumps(event),
                          headers + [("schema_version", event["schema_version"].encode())], None))
            counters.counts["meetings_out"] += 1
        for quote in result["quotes"]:
            event = quote_event(article, quote, self.extractor_version, article_version=version)
            sends.append((self.topics["quotes"], quote_key(quote).encode(), orjson.dumps(event),
                          headers + [("schema_version", event["schema_version"].encode())], None))
            counters.counts["quotes_out"] += 1
        # Events this article yielded before (same id, other text) and no longer does are retracted; the ledger's
        # own update travels with them.
        if self.ledger is not None:
            sends.extend(self.ledger.records_for(article, partition, sends, self.extractor_version, version))
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
        record: Record = (self.topics["dlq"], msg.key, msg.value if msg.value is not None else b"", headers, None)
        if len(record[2]) + len(msg.key or b"") + HEADROOM_BYTES > self.max_record_bytes:
            counters.counts["dead_letters_truncated"] += 1
            record = _truncated(msg.key, record[2], headers, None, self.topics["dlq"],
                                self.max_record_bytes - HEADROOM_BYTES)
        return record

    async def _unless_stopped_while_failing(self, what: str, attempt: Callable[[], Awaitable[Any]]) -> Any:
        """One attempt, watched: the producer retries some broker errors by itself (an unknown topic, a leader
        moving) and its future then stays pending, so an attempt still unanswered after STALL_S counts as failing
        (/health says so); past the retry limit it is given up, and a stop request meanwhile ends it at once,
        uncommitted."""
        task = asyncio.ensure_future(attempt())
        stop = asyncio.ensure_future(self._stop.wait())
        began = time.monotonic()
        watch = STALL_S if what == "delivery" else None  # an extraction may take long: the pool has its backstop
        try:
            while True:
                await asyncio.wait({task, stop} if not stop.done() else {task}, timeout=watch or STALL_S,
                                   return_when=asyncio.FIRST_COMPLETED)
                if task.done():
                    return task.result()
                stalled = time.monotonic() - began
                if watch is not None and stalled >= watch:
                    counters.failing[what] = f"no answer for {stalled:.0f} s"
                if what in counters.failing and (self._stop.is_set() or stalled >= self.retry_limit_s):
                    task.cancel()
                    self._give_up(what, None, "asked to stop" if self._stop.is_set() else
                                  f"no answer for {stalled:.0f} s")
        finally:
            stop.cancel()

    @staticmethod
    def _give_up(what: str, exc: BaseException | None, why: str) -> None:
        log.critical("%s failed (%r), %s; exiting without committing", what, exc or counters.failing.get(what), why)
        logging.shutdown()
        os._exit(75)

    def request_stop(self) -> None:
        """The worker is stopping: a retry loop in progress gives up at once, uncommitted (it would outlast the
        grace period); a batch that is not failing is finished as usual."""
        self._stop.set()

    async def _retrying(self, what: str, attempt: Callable[[], Awaitable[Any]]) -> Any:
        """Backoff retries for trouble that is not the article's fault. Past the limit, or when the worker is asked
        to stop meanwhile, the process exits at once (no commit): the batch is processed again after the restart or
        rebalance. While it retries, /health reports the failure (counters.failing)."""
        delay, waited = 0.5, 0.0
        while True:
            try:
                result = await self._unless_stopped_while_failing(what, attempt)
                counters.failing.pop(what, None)
                return result
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                counters.failing[what] = last_line(exc)
                if waited >= self.retry_limit_s or self._stop.is_set():
                    self._give_up(what, exc, "asked to stop" if self._stop.is_set() else f"failing for {waited:.0f} s")
                log.warning("%s failed (%r); retrying in %.1f s", what, exc, delay)
                counters.counts[f"retries_{what}"] += 1
                try:  # a stop request ends the wait at once
                    await asyncio.wait_for(self._stop.wait(), delay)
                except TimeoutError:
                    pass
                waited += delay
                delay = min(delay * 2, 10.0)


def _truncated(key: bytes | None, value: bytes, headers: Headers, partition: int | None, topic: str,
               limit: int) -> Record:
    """A dead letter cut to `limit` bytes (key included), with what is needed to find and check the original: its
    size and SHA-256 in headers, beside the source position the dead letter already carries."""
    extra: Headers = [("dlq_truncated", b"true"), ("dlq_original_size", str(len(value)).encode()),
                      ("dlq_original_sha256", hashlib.sha256(value).hexdigest().encode())]
    if key is not None and len(key) > limit // 2:
        key = hashlib.sha256(key).hexdigest().encode()
    keep = max(0, limit - len(key or b""))
    return (topic, key, value[:keep], [*headers, *extra], partition)


def _headers(extractor_version: str) -> Headers:
    return [("content_type", CONTENT_TYPE.encode()), ("extractor_version", extractor_version.encode())]
