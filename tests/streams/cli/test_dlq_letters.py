"""`parley dlq`: one letter per origin, found without a broker (the reads are replaced by lists of records).
The same flow on a real broker and worker is tests/integration/test_cli_kafka.py."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest

from streams.cli import dlq

DLQ, ARTICLES = "p.articles.dlq", "p.articles"


def rec(topic: str, partition: int, offset: int, key: bytes | None, value: bytes, headers: dict[str, str],
        ts: int) -> SimpleNamespace:
    return SimpleNamespace(topic=topic, partition=partition, offset=offset, key=key, value=value, timestamp=ts,
                           headers=[(k, v.encode()) for k, v in headers.items()])


def letter(partition: int, offset: int, key: bytes | None, value: bytes, reason: str, source: tuple[int, int],
           ts: int) -> SimpleNamespace:
    return rec(DLQ, partition, offset, key, value, {"dlq_reason": reason, "dlq_detail": "d", "source_topic": ARTICLES,
                                                    "source_partition": str(source[0]),
                                                    "source_offset": str(source[1])}, ts)


@pytest.fixture
def topics(monkeypatch: pytest.MonkeyPatch):
    state: dict = {"dlq": [], "articles": {}}

    async def partitions(bootstrap: str, topic: str) -> list[int]:
        return [0, 1]

    async def read_to_end(bootstrap: str, tps: list) -> list:
        return list(state["dlq"])

    async def read_positions(bootstrap: str, positions: set) -> dict:
        return {p: state["articles"][p] for p in positions if p in state["articles"]}

    monkeypatch.setattr(dlq, "require_topic", partitions)
    monkeypatch.setattr("streams.kafka.read.read_to_end", read_to_end)
    monkeypatch.setattr(dlq, "read_positions", read_positions)
    return state


def test_a_letter_that_fails_again_after_replays_is_one_letter(topics: dict) -> None:
    topics["dlq"] = [
        letter(0, 0, b"long-1", b'{"id":"long-1"}', "text_too_long", (3, 7), ts=1),
        letter(1, 0, None, b"{broken", "not_json", (4, 0), ts=2),
        letter(0, 1, b"long-1", b'{"id":"long-1"}', "text_too_long", (3, 9), ts=3),  # after replay 1
        letter(0, 2, b"long-1", b'{"id":"long-1"}', "extraction_timeout", (3, 12), ts=4),  # after replay 2
    ]
    topics["articles"] = {
        (ARTICLES, 3, 9): rec(ARTICLES, 3, 9, b"long-1", b"", {"replayed_from": f"{DLQ}/0/0", "replay_count": "1",
                                                               "replay_origin": f"{ARTICLES}/3/7"}, 3),
        (ARTICLES, 3, 12): rec(ARTICLES, 3, 12, b"long-1", b"", {"replayed_from": f"{DLQ}/0/1", "replay_count": "2",
                                                                 "replay_origin": f"{ARTICLES}/3/7"}, 4),
    }
    latest = asyncio.run(dlq.latest_letters("b", DLQ))
    assert [(x.position, x.reason, x.origin, x.replays) for x in latest] == [
        (f"{DLQ}/1/0", "not_json", f"{ARTICLES}/4/0", 0),
        (f"{DLQ}/0/2", "extraction_timeout", f"{ARTICLES}/3/7", 2),
    ]
    assert latest[1].superseded == [f"{DLQ}/0/0", f"{DLQ}/0/1"]
    assert latest[1].replayed_from == f"{DLQ}/0/1"


def test_the_same_bytes_sent_twice_without_a_replay_are_two_letters(topics: dict) -> None:
    topics["dlq"] = [letter(0, 0, None, b"{broken", "not_json", (1, 0), ts=1),
                     letter(0, 1, None, b"{broken", "not_json", (1, 1), ts=2)]
    topics["articles"] = {(ARTICLES, 1, 1): rec(ARTICLES, 1, 1, None, b"{broken", {}, 2)}
    assert len(asyncio.run(dlq.latest_letters("b", DLQ))) == 2


def test_the_known_reasons_are_the_readme_list_and_publish_error() -> None:
    assert set(dlq.known_reasons()) == {
        "not_utf8", "not_json", "not_object", "no_text", "empty_text", "wrong_type", "text_too_long", "bad_published",
        "nul_bytes", "too_deeply_nested", "extraction_timeout", "extractor_error", "extractor_crash", "publish_error"}


def test_replay_leaves_out_truncated_letters() -> None:
    """A dead letter too large for the DLQ keeps only a cut copy of its article: replaying it would send garbage."""
    whole = SimpleNamespace(reason="text_too_long", record=rec(DLQ, 0, 1, b"a", b"{}", {"dlq_reason": "x"}, 1))
    cut = SimpleNamespace(reason="text_too_long",
                          record=rec(DLQ, 0, 2, b"b", b"{", {"dlq_reason": "x", "dlq_truncated": "true"}, 2))
    other = SimpleNamespace(reason="not_json", record=rec(DLQ, 0, 3, b"c", b"x", {"dlq_reason": "y"}, 3))
    assert dlq.replayable([whole, cut, other], {"text_too_long"}, False) == ([whole], [cut])
    assert dlq.replayable([whole, cut, other], set(), True) == ([whole, other], [cut])
