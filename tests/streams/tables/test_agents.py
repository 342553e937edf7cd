"""The fold step as the worker runs it, without a broker: a batch of contact updates becomes changelog writes to
the batch's own partition, the latest value per key, and a batch handled twice (a repeat after a crash before
its commit) writes nothing the second time. The sends are stood in for by a topic that records them."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import orjson
from aiokafka import TopicPartition

from streams.tables import fold as contacts
from streams.tables.agents import SWEEP, FanOut, Fold, Table, TableStore, partition_of
from tests.streams.tables.test_fold import DAY_MS, meeting, updates


class RecordingTopic:
    def __init__(self, name: str) -> None:
        self.name = name
        self.sent: list[tuple[bytes | None, bytes | None, int | None]] = []

    def get_topic_name(self) -> str:
        return self.name

    async def send(self, key: bytes | None, value: bytes | None, partition: int | None) -> asyncio.Future[Any]:
        self.sent.append((key, value, partition))
        done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


def records(values: list[dict[str, Any]], offset: int = 0) -> list[SimpleNamespace]:
    return [SimpleNamespace(value=orjson.dumps(v), key=None, offset=offset + i, timestamp=1_700_000_000_000)
            for i, v in enumerate(values)]


def fold_with_empty_partition(partition: int, horizon_ms: int = 0) -> tuple[Fold, dict[str, RecordingTopic]]:
    topics = {"contacts": RecordingTopic("c-changelog"), "articles": RecordingTopic("a-changelog")}
    fold = Fold("unused:9092", topics, partitions=8, horizon_ms=horizon_ms, recent=10)
    fold.state[partition] = {"contacts": Table(), "articles": Table()}  # as loaded from empty changelogs
    return fold, topics


def test_a_table_remembers_what_changed_since_it_was_last_asked() -> None:
    table = Table()
    table[b"JPN|a1"] = b"1"
    table[b"JPN|a1"] = b"2"
    table[b"JPN|a2"] = b"3"
    del table[b"JPN|a2"]
    assert table.take_dirty() == {b"JPN|a1": b"2", b"JPN|a2": None}
    assert table.take_dirty() == {} and dict(table) == {b"JPN|a1": b"2"}


async def test_a_batch_writes_its_latest_values_to_its_own_partition_and_a_repeat_writes_nothing() -> None:
    fold, topics = fold_with_empty_partition(5)
    jpn = [u for u in updates(meeting("a1", ["JPN", "AUS"]), meeting("a1", ["JPN", "AUS"], status="planned",
                                                                     date="2024-06-01", event="e2"))
           if u["country"] == "JPN"]
    batch = {TopicPartition("contact-updates", 5): records(jpn)}
    await fold.handle(batch)
    written = topics["articles"].sent
    assert [(k, p) for k, _, p in written] == [(b"JPN|a1", 5)], "one write per key, to the batch's partition"
    facts = orjson.loads(written[0][1])["facts"]
    assert len(facts) == 2, "both meetings of the article, in the one value"
    assert topics["contacts"].sent == []
    await fold.handle(batch)  # redelivered after a crash before the commit
    assert len(topics["articles"].sent) == 1, "a repeat changes nothing, so it writes nothing"


async def test_a_sweep_marker_folds_expired_articles_into_history_and_deletes_them() -> None:
    p = partition_of(b"JPN", 8)  # where the producer puts JPN's updates, so where its state lives
    fold, topics = fold_with_empty_partition(p, horizon_ms=90 * DAY_MS)
    jpn = [u for u in updates(meeting("a1", ["JPN", "AUS"])) if u["country"] == "JPN"]
    state = fold.state[p]
    contacts.apply_update(TableStore(state["contacts"]), TableStore(state["articles"]), jpn[0], now_ms=0)
    state["articles"].take_dirty()
    await fold.handle({TopicPartition("contact-updates", p): records([{SWEEP: 1}])})
    assert topics["articles"].sent == [(b"JPN|a1", None, p)], "a tombstone, so every mirror drops it"
    (key, value, partition), = topics["contacts"].sent
    assert partition == p and key.startswith(b"JPN|") and orjson.loads(value)["schema"] == contacts.HISTORY_SCHEMA


async def test_malformed_updates_are_skipped_not_fatal() -> None:
    fold, topics = fold_with_empty_partition(0)
    await fold.handle({TopicPartition("contact-updates", 0): [SimpleNamespace(value=b"{not json", key=None,
                                                                              offset=0, timestamp=0)]
                       + records([{"schema_version": "contact-update.v1"}], offset=1)})
    assert topics["articles"].sent == [] and topics["contacts"].sent == []


async def test_the_fan_out_sends_one_update_per_country_keyed_by_it() -> None:
    topic = RecordingTopic("contact-updates")
    event = meeting("a1", ["JPN", "AUS", "IGO:UN"])
    await FanOut(topic).handle({TopicPartition("meetings", 0): records([event])})
    assert [k for k, _, _ in topic.sent] == [b"AUS", b"IGO:UN", b"JPN"]
    assert {orjson.loads(v)["fact"]["key"] for _, v, _ in topic.sent} == {"AUS+IGO:UN+JPN@2024-05-13"}


class SlowTopic(RecordingTopic):
    """The broker answers only after `delay` seconds."""

    def __init__(self, name: str, delay: float) -> None:
        super().__init__(name)
        self.delay = delay

    async def send(self, key: bytes | None, value: bytes | None, partition: int | None) -> asyncio.Future[Any]:
        self.sent.append((key, value, partition))
        return asyncio.ensure_future(asyncio.sleep(self.delay))


async def test_a_slow_answer_counts_as_failing_under_its_own_name_until_it_comes(monkeypatch) -> None:
    from streams.ops import counters
    from streams.tables import agents

    monkeypatch.setattr(agents, "STALL_S", 0.02)
    counters.reset()
    seen: dict[str, str] = {}

    async def watch() -> None:
        while not seen:
            seen.update(counters.failing)
            await asyncio.sleep(0.005)

    watcher = asyncio.ensure_future(watch())
    await agents.deliver([(SlowTopic("c-changelog", 0.1), b"JPN|a1", b"{}", 3)], "table changelogs")
    watcher.cancel()
    assert list(seen) == ["table changelogs"], "/health names what is slow"
    assert counters.failing == {}, "and clears it once the broker answers"
