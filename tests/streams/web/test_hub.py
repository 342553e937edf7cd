"""Back-pressure of the live dashboard: bounded per-client queues, a cap on clients, and what a new page starts with."""

from __future__ import annotations

import pytest

from streams.web.dashboard import dispatch
from streams.web.hub import CLOSE, Hub, TooManyClients, sse_frame


def drain(client) -> list:
    items = []
    while not client.queue.empty():
        items.append(client.queue.get_nowait())
    return items


async def test_clients_over_the_cap_are_refused() -> None:
    hub = Hub(max_clients=2)
    hub.connect()
    second = hub.connect()
    with pytest.raises(TooManyClients):
        hub.connect()
    hub.disconnect(second)
    hub.connect()
    assert hub.stats()["clients"] == 2 and hub.stats()["refused"] == 1


async def test_a_client_that_falls_behind_is_dropped_not_buffered_without_bound() -> None:
    hub = Hub(queue_size=3)
    slow, fast = hub.connect(), hub.connect()
    for n in range(3):
        hub.publish("meeting", f"m{n}", b"{}")
        drain(fast)
    assert not slow.dropped and slow.queue.full()
    hub.publish("meeting", "m3", b"{}")
    assert slow.dropped and slow not in hub.clients and slow.queue.qsize() == 3
    assert not fast.dropped and [i[1] for i in drain(fast)] == ["m3"]


async def test_a_new_page_starts_with_the_latest_events_and_redeliveries_count_once() -> None:
    hub = Hub(keep_latest=2)
    for event_id in ("a", "b", "a", "c"):
        hub.publish("meeting", event_id, event_id.encode())
    hub.publish("quote", "q", b"q")
    assert [(kind, event_id) for kind, event_id, _ in drain(hub.connect())] == [
        ("meeting", "a"), ("meeting", "c"), ("quote", "q")]


async def test_a_retraction_removes_the_event_from_what_new_pages_get_and_reaches_open_pages() -> None:
    hub = Hub()
    hub.publish("meeting", "m1", b"{}")
    page = hub.connect()
    drain(page)
    dispatch(hub, b'{"schema_version": "retraction.v1", "event_id": "m1", "retracts": "meeting.v1"}')
    assert [i[:2] for i in drain(page)] == [("retraction", "m1")]
    assert drain(hub.connect()) == []


async def test_records_that_are_not_our_events_are_ignored() -> None:
    hub = Hub()
    for value in (None, b"", b"not json", b"[1]", b'{"schema_version": "weather.v9", "event_id": "x"}',
                  b'{"event_id": "x"}'):
        dispatch(hub, value)
    assert hub.snapshot() == []


async def test_shutdown_ends_every_open_stream() -> None:
    hub = Hub(queue_size=1)
    idle, full = hub.connect(), hub.connect()
    full.queue.put_nowait(("meeting", "m", b"{}"))
    hub.close_all()
    assert idle.dropped and full.dropped and hub.clients == set()
    assert idle.queue.get_nowait() == CLOSE


def test_sse_frame_is_one_event() -> None:
    assert sse_frame("meeting", "abc", b'{"a":"x\\ny"}') == b'event: meeting\nid: abc\ndata: {"a":"x\\ny"}\n\n'
