"""The worker's source: the `articles` topic, read by a plain aiokafka consumer and committed only after delivery.

Why not a Faust agent: faust-streaming 0.15.3's consumer keeps its own books of acknowledged offsets and, around
rebalances, has committed past articles that were never processed (tests/integration/test_chaos.py found it;
the tables' consumers avoid it the same way, streams/kafka/committing_consumer.py). The whole rule:
- a partition's records are handled in offset order, a batch at a time (up to PARLEY_NLP_BATCH_SIZE), and
  batches are delivered in the order they were fetched (batch k+1 is extracted while batch k is delivered);
- a batch is committed (its last offset + 1, per partition) only once every event and dead letter it produced
  is on the broker (`deliver` returns only then);
- a rebalance waits for the batches in hand: the revocation callback takes the same lock and delivers and
  commits what is extracted, so a partition changes hands only at a committed boundary; a batch fetched before a
  revocation but not yet begun is dropped and its partitions that are still ours sought back to their committed
  offsets (handled, it could be delivered by two workers: a duplicate);
- a crash anywhere before the commit means redelivery of the batch. Nothing is ever skipped.
Consumer group: `<app id>-articles` (the Faust app keeps `<app id>` for the tables' topics).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition

from streams.kafka.committing_consumer import commit_batch, committed_offsets, seek_back
from streams.kafka.security import client_kwargs
from streams.pipeline.processor import RawMessage
from streams.pipeline.retraction_ledger import RetractionLedger
from streams.settings import Settings

log = logging.getLogger("parley.source")

Prepare = Callable[[list[RawMessage]], Awaitable[list[Any]]]  # decode, extract, build the records
Deliver = Callable[[list[Any]], Awaitable[None]]  # returns once every record is on the broker


class ArticleSource:
    def __init__(self, bootstrap: str, settings: Settings, prepare: Prepare, deliver: Deliver, within_s: float,
                 shutdown_grace_s: float, on_unfinished: Callable[[str], None],
                 ledger: RetractionLedger | None = None) -> None:
        self.bootstrap = bootstrap
        self.settings = settings
        self.prepare = prepare
        self.deliver = deliver
        self._prepared: tuple[dict[TopicPartition, list[Any]], list[Any]] | None = None  # extracted, not yet sent
        self.batch_size = settings.nlp_batch_size
        # The longest a batch may take: its CPU budget, twice (a batch that overruns reruns article by article).
        self.max_batch_s = settings.article_timeout_s * settings.nlp_batch_size * 2 + 60
        self.within_s = within_s
        self.shutdown_grace_s = shutdown_grace_s
        self.on_unfinished = on_unfinished  # called when a batch in hand cannot be finished: it must not return
        self.ledger = ledger  # loaded for the partitions this worker holds, before any of their records is handled
        self.lock = asyncio.Lock()
        self.consumer: AIOKafkaConsumer | None = None
        self.assigned = False  # the group has given this worker its share (possibly none) at least once
        self.rebalancing = False
        self.rebalances = 0
        self.committed: dict[TopicPartition, int] = {}
        self.revocations = 0  # bumped by every revocation: a batch fetched before one is not handled
        self._stopping = False
        self._stopped = asyncio.Event()

    def _consumer(self) -> AIOKafkaConsumer:
        settings = self.settings
        return AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, group_id=settings.articles_group, enable_auto_commit=False,
            auto_offset_reset="earliest", max_poll_records=self.batch_size,
            session_timeout_ms=int(settings.session_timeout_s * 1000),
            heartbeat_interval_ms=int(settings.heartbeat_interval_s * 1000),
            request_timeout_ms=int(settings.request_timeout_s * 1000),
            # A batch in hand delays this worker's part in a rebalance: give it the time a batch may take.
            max_poll_interval_ms=int(max(300.0, self.max_batch_s) * 1000),
            rebalance_timeout_ms=int(max(60.0, self.max_batch_s) * 1000),
            **client_kwargs())

    async def run(self) -> None:
        """Batch k+1 is extracted while batch k is delivered and committed, so the NLP process does not wait for
        the broker; a batch's events still go out only after the previous batch's, and when no new batch comes
        (within `within_s`) the one in hand goes out at once."""
        consumer = self.consumer = self._consumer()
        consumer.subscribe([self.settings.topic("articles")], listener=_Listener(self))
        await consumer.start()
        try:
            while not self._stopping:
                fetched_under = self.revocations
                batch = await consumer.getmany(timeout_ms=int(self.within_s * 1000), max_records=self.batch_size)
                async with self.lock:
                    if batch and self.revocations != fetched_under:
                        await seek_back(consumer, batch)
                        continue
                    if not batch:
                        await self.flush()
                        continue
                    messages = [RawMessage(r.value, r.key, r.topic, r.partition, r.offset)
                                for records in batch.values() for r in records]
                    await self._ledger_ready({m.partition for m in messages})
                    extraction = asyncio.ensure_future(self.prepare(messages))
                    try:
                        await self.flush()
                        records = await asyncio.shield(extraction)
                    except asyncio.CancelledError:
                        # Cancelled outside the orderly stop (which goes through `stop`): nothing in hand may be
                        # committed half done, so leave uncommitted; the batches are redelivered.
                        self.on_unfinished("cancelled with a batch in hand")
                        raise
                    self._prepared = (batch, records)
            async with self.lock:
                await self.flush()
        finally:
            try:
                await consumer.stop()  # leaves the group at once: the others take over without waiting
            except Exception:
                log.warning("the articles consumer did not stop cleanly", exc_info=True)
            self._stopped.set()

    async def _ledger_ready(self, partitions: set[int]) -> None:
        """Waits for the retraction ledger of these partitions (loading since their assignment); a ledger that
        cannot be loaded after three attempts stops the worker before any of their records is handled."""
        if self.ledger is None:
            return
        for attempt in range(3):
            try:
                self.ledger.start_loading(self.bootstrap, partitions)
                await self.ledger.wait_loaded(partitions)
                return
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("cannot load the retraction ledger (attempt %d)", attempt + 1, exc_info=True)
                await asyncio.sleep(2.0 * (attempt + 1))
        self.on_unfinished("cannot load the retraction ledger of the assigned partitions")

    async def flush(self) -> None:
        """Delivers and commits the batch in hand, if any. Called with the lock held."""
        if self._prepared is None:
            return
        batch, records = self._prepared
        await self.deliver(records)
        self._prepared = None
        await self._commit(batch)

    async def stop(self) -> None:
        """Finishes, delivers and commits the batches in hand, then leaves the group. Called when the worker stops,
        while the producer is still up (Faust stops it later); past the grace period the process exits uncommitted."""
        if self.consumer is None:
            return
        self._stopping = True
        if self.lock.locked():
            log.info("stopping: finishing the batch in hand first")
        try:
            await asyncio.wait_for(self._stopped.wait(), timeout=self.shutdown_grace_s)
        except TimeoutError:
            self.on_unfinished("could not finish the batch in hand while stopping")

    async def _commit(self, batch: dict[TopicPartition, list[Any]]) -> None:
        assert self.consumer is not None
        self.committed.update(await commit_batch(self.consumer, batch))


class _Listener(ConsumerRebalanceListener):
    def __init__(self, source: ArticleSource) -> None:
        self.source = source

    async def on_partitions_revoked(self, revoked: Any) -> None:
        self.source.rebalancing = True
        async with self.source.lock:  # the batches in hand are finished, delivered and committed first
            await self.source.flush()
            self.source.revocations += 1
            if self.source.ledger is not None:
                self.source.ledger.drop(tp.partition for tp in revoked)

    async def on_partitions_assigned(self, assigned: Any) -> None:
        source = self.source
        source.committed = await committed_offsets(source.consumer, assigned)
        if source.ledger is not None:  # loaded in the background: the batch loop waits for it, not the rebalance
            source.ledger.start_loading(source.bootstrap, [tp.partition for tp in assigned])
        source.rebalances += 1
        source.rebalancing = False
        source.assigned = True
