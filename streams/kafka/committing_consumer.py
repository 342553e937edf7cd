"""A topic read in a consumer group by a plain aiokafka consumer, each batch committed only after it is handled.

The tables' two steps (fan-out of `meetings`, the fold of `contact-updates`) run on this, as the article source
(streams/pipeline/source.py) does on its own richer loop: faust-streaming 0.15.3's consumer keeps its own books of
acknowledged offsets and, around rebalances under SIGKILL, lost table facts (tests/integration/test_chaos.py). The
whole rule here:
- a batch (up to `max_records`, a partition's records in offset order) is handed to `handle`, which returns only
  once everything the batch produced is on the broker; then its offsets are committed;
- a rebalance waits for the batch in hand (the revocation callback takes the same lock), so a partition changes
  hands only at a committed boundary; `on_revoked` then lets the owner drop what it kept for those partitions;
- a batch fetched before a revocation but not yet begun is dropped unhandled: its partitions may be another
  worker's by now, and the fold must never write a partition it does not own. Its partitions that are (still or
  again) this worker's are sought back to their committed offsets, so nothing after them is skipped;
- a commit refused by a rebalance under way, or a crash before the commit, means the batch is handled again by
  the next owner: a repeat, never a gap (both steps are idempotent).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import KafkaError

from streams.kafka.security import client_kwargs
from streams.settings import Settings

log = logging.getLogger("parley.consumer")

Batch = dict[TopicPartition, list[Any]]
Handle = Callable[[Batch], Awaitable[None]]


class CommittingConsumer:
    def __init__(self, bootstrap: str, settings: Settings, topic: str, group: str, handle: Handle,
                 max_records: int = 500, on_revoked: Callable[[Iterable[int]], None] | None = None) -> None:
        self.bootstrap = bootstrap
        self.settings = settings
        self.topic = topic
        self.group = group
        self.handle = handle
        self.max_records = max_records
        self.on_revoked = on_revoked
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
            bootstrap_servers=self.bootstrap, group_id=self.group, enable_auto_commit=False,
            auto_offset_reset="earliest", max_poll_records=self.max_records,
            session_timeout_ms=int(settings.session_timeout_s * 1000),
            heartbeat_interval_ms=int(settings.heartbeat_interval_s * 1000),
            request_timeout_ms=int(settings.request_timeout_s * 1000),
            # a batch whose sends are being retried holds its partitions until it exits (5 minutes at most)
            max_poll_interval_ms=600_000, rebalance_timeout_ms=600_000, **client_kwargs())

    async def run(self) -> None:
        consumer = self.consumer = self._consumer()
        consumer.subscribe([self.topic], listener=_Listener(self))
        await consumer.start()
        try:
            while not self._stopping:
                fetched_under = self.revocations
                batch = await consumer.getmany(timeout_ms=500, max_records=self.max_records)
                if not batch:
                    continue
                async with self.lock:
                    if self.revocations != fetched_under:
                        await seek_back(consumer, batch)
                        continue
                    await self.handle(batch)
                    await self._commit(batch)
        finally:
            try:
                await consumer.stop()  # leaves the group at once: the others take over without waiting
            except Exception:
                log.warning("the %s consumer did not stop cleanly", self.topic, exc_info=True)
            self._stopped.set()

    async def stop(self, timeout: float = 30.0) -> None:
        """Lets the batch in hand finish and commit, then leaves the group."""
        if self.consumer is None:
            return
        self._stopping = True
        try:
            await asyncio.wait_for(self._stopped.wait(), timeout=timeout)
        except TimeoutError:
            log.warning("the %s consumer did not stop within %.0f s; its batch in hand is redelivered", self.topic,
                        timeout)

    async def _commit(self, batch: Batch) -> None:
        assert self.consumer is not None
        self.committed.update(await commit_batch(self.consumer, batch))


async def commit_batch(consumer: AIOKafkaConsumer, batch: Batch) -> dict[TopicPartition, int]:
    """Commits past each partition's last record in `batch`, for the partitions still this worker's; returns what
    it committed. A commit refused (a rebalance under way) is logged: those records are handled again (a
    duplicate, never a gap)."""
    mine = consumer.assignment()
    offsets = {tp: records[-1].offset + 1 for tp, records in batch.items() if records and tp in mine}
    if not offsets:
        return {}
    try:
        await consumer.commit(offsets)
    except KafkaError as exc:
        log.warning("commit of %s failed (%r); those records will be handled again", offsets, exc)
        return {}
    return offsets


async def committed_offsets(consumer: AIOKafkaConsumer | None, tps: Iterable[TopicPartition]) -> dict[
        TopicPartition, int]:
    """Where the previous owner left each partition (for the lag metric): unknown ones left out."""
    committed = {}
    for tp in tps:
        try:
            offset = await consumer.committed(tp) if consumer is not None else None
        except Exception:
            offset = None
        if offset is not None:
            committed[tp] = offset
    return committed


async def seek_back(consumer: AIOKafkaConsumer, partitions: Iterable[TopicPartition]) -> None:
    """Sends this worker's partitions among `partitions` back to their committed offsets (a dropped batch is
    fetched again); the others start from the committed offset with their next owner anyway."""
    for tp in partitions:
        if tp in consumer.assignment():
            try:
                offset = await consumer.committed(tp)
                if offset:
                    consumer.seek(tp, offset)
                else:  # never committed: from the beginning, as auto_offset_reset=earliest would
                    await consumer.seek_to_beginning(tp)
            except Exception:  # no longer ours after all
                log.debug("cannot seek %s back to its committed offset", tp, exc_info=True)


class _Listener(ConsumerRebalanceListener):
    def __init__(self, owner: CommittingConsumer) -> None:
        self.owner = owner

    async def on_partitions_revoked(self, revoked: Any) -> None:
        self.owner.rebalancing = True
        async with self.owner.lock:  # the batch in hand is finished and committed first
            self.owner.revocations += 1
            if self.owner.on_revoked is not None:
                self.owner.on_revoked([tp.partition for tp in revoked])

    async def on_partitions_assigned(self, assigned: Any) -> None:
        owner = self.owner
        owner.committed = await committed_offsets(owner.consumer, assigned)
        owner.rebalances += 1
        owner.rebalancing = False
        owner.assigned = True
