"""Kafka clients of the short-lived commands (`feed`, `dlq`, `people build --from-topics`): started so that a
broker that cannot be reached, or a topic that does not exist, is one error line (streams/cli/main.py) and
leaves no unclosed client behind."""

from __future__ import annotations

from typing import Any

from streams.cli.errors import UserError


async def start_client(client: Any) -> None:
    """`await client.start()`; on failure the client is stopped before the error goes on (else aiokafka warns
    "Unclosed AIOKafkaProducer" on stderr at exit)."""
    try:
        await client.start()
    except BaseException:
        try:
            await client.stop()
        except Exception:  # noqa: S110 - the start's error is the one to report
            pass
        raise


async def require_topic(bootstrap: str, topic: str) -> list[int]:
    """The partitions of `topic`; a UserError when it does not exist (nothing creates topics on the fly: a worker
    creates Parley's topics when it starts)."""
    from streams.kafka.read import TopicUnavailable, partitions_of

    try:
        return await partitions_of(bootstrap, topic)
    except TopicUnavailable as exc:
        raise UserError(f"topic {topic} does not exist on {bootstrap}: a worker (`parley worker`) creates Parley's "
                        "topics when it starts") from exc


async def read_positions(bootstrap: str, positions: set[tuple[str, int, int]], timeout_s: float = 10.0
                         ) -> dict[tuple[str, int, int], Any]:
    """The records at these (topic, partition, offset) positions, read outside any consumer group; a position that
    no longer holds a record (deleted by retention) is left out."""
    import asyncio

    from aiokafka import AIOKafkaConsumer, TopicPartition

    from streams.kafka.read import FETCH_BYTES
    from streams.kafka.security import client_kwargs

    found: dict[tuple[str, int, int], Any] = {}
    if not positions:
        return found
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, **client_kwargs(), group_id=None, enable_auto_commit=False,
                                fetch_max_bytes=FETCH_BYTES, max_partition_fetch_bytes=FETCH_BYTES)
    await start_client(consumer)
    try:
        by_partition: dict[TopicPartition, list[int]] = {}
        for topic, partition, offset in positions:
            by_partition.setdefault(TopicPartition(topic, partition), []).append(offset)
        for tp, offsets in sorted(by_partition.items()):
            consumer.assign([tp])
            start = (await consumer.beginning_offsets([tp]))[tp]
            end = (await consumer.end_offsets([tp]))[tp]
            for offset in sorted(offsets):
                if not start <= offset < end:
                    continue
                consumer.seek(tp, offset)
                deadline = asyncio.get_running_loop().time() + timeout_s
                records: list[Any] = []
                while not records and asyncio.get_running_loop().time() < deadline:
                    records = (await consumer.getmany(tp, timeout_ms=500, max_records=1)).get(tp, [])
                if records and records[0].offset == offset:
                    found[(tp.topic, tp.partition, offset)] = records[0]
    finally:
        await consumer.stop()
    return found
