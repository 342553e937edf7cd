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


async def test_the_cap_counts_open_connections_not_only_registered_clients() -> None:
    hub = Hub(max_clients=2, queue_size=1)
    stuck, other = hub.connect(), hub.connect()
    hub.publish("meeting", "m1", b"{}")  # both queues full now
    hub.publish("meeting", "m2", b"{}")  # both dropped: unregistered, but their handlers have not ended yet
    assert hub.clients == set() and hub.open == 2
    with pytest.raises(TooManyClients):
        hub.connect()
    hub.disconnect(stuck)  # its handler ended (the write timed out, or the browser went away)
    hub.connect()
    assert hub.stats()["open"] == 2 and other.dropped


def test_ids_and_kinds_cannot_inject_fields_and_data_lines_cannot_start_an_event() -> None:
    frame = sse_frame("meeting\nevent: evil", "abc\r\nid: forged\n\ndata: x", b'{"a":1}\n\nevent: evil\ndata: 2')
    lines = frame.split(b"\n")
    assert frame.endswith(b"\n\n") and frame.count(b"\n\n") == 1, "one event, one blank line"
    assert [line.split(b":", 1)[0] for line in lines if line] == [b"event", b"id", b"data", b"data", b"data",
                                                                   b"data"]
    assert lines[1] == b"id: abc\\r\\nid: forged\\n\\ndata: x"


async def test_the_dashboard_re_serialises_records_before_framing_them() -> None:
    from streams.web.dashboard import dispatch

    hub = Hub()
    page = hub.connect()
    dispatch(hub, b'{\n  "schema_version": "meeting.v1",\n  "event_id": "e\\nid: x"\n}')
    [(kind, event_id, data)] = drain(page)
    assert b"\n" not in data and sse_frame(kind, event_id, data).count(b"\ndata: ") == 1
