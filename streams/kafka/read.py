"""Reading topics to their end, outside any consumer group: the dead letters (`parley dlq`), the event topics
(`parley people build --from-topics`), the retraction ledger's partitions (streams/retraction_ledger.py), and
the tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from streams.kafka.security import client_kwargs

FETCH_BYTES = 16 * 1024 * 1024  # large records (an article up to the topic's limit) arrive in one fetch


class TopicUnavailable(RuntimeError):
    pass


async def partitions_of(bootstrap: str, topic: str) -> list[int]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **client_kwargs())
    await admin.start()
    try:
        (described,) = await admin.describe_topics([topic])
    finally:
        await admin.close()
    if described.get("error_code"):
        raise TopicUnavailable(f"topic {topic} is not available on {bootstrap} (error {described['error_code']})")
    return sorted(p["partition"] for p in described["partitions"])


async def batches_to_end(bootstrap: str, tps: Sequence[TopicPartition]) -> AsyncIterator[list[Any]]:
    """The records of the partitions, from their beginning up to their end offsets as of now, one fetched batch
    at a time: a reader that keeps only what it needs never holds the whole history."""
    if not tps:
        return
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, **client_kwargs(), group_id=None, enable_auto_commit=False,
                                fetch_max_bytes=FETCH_BYTES, max_partition_fetch_bytes=FETCH_BYTES)
    await consumer.start()
    try:
        consumer.assign(list(tps))
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(list(tps))
        while [tp for tp in tps if await consumer.position(tp) < ends[tp]]:
            batch = await consumer.getmany(timeout_ms=500, max_records=10_000)
            for tp, recs in batch.items():
                yield [r for r in recs if r.offset < ends[tp]]
    finally:
        await consumer.stop()


async def read_to_end(bootstrap: str, tps: Sequence[TopicPartition]) -> list[Any]:
    """Every record of the partitions, from their beginning up to their end offsets as of now."""
    return [r async for records in batches_to_end(bootstrap, tps) for r in records]


async def read_topic(bootstrap: str, topic: str) -> list[Any]:
    """Every record of a topic up to its end offsets as of now."""
    return await read_to_end(bootstrap, [TopicPartition(topic, p) for p in await partitions_of(bootstrap, topic)])
