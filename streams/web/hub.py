"""Fan-out of live events to dashboard browsers: the latest events for newcomers, and one bounded queue per client.

No Kafka and no HTTP here, so the back-pressure rules can be tested alone: a browser that cannot keep up is
dropped (its EventSource reconnects and starts again from the latest events) rather than letting its queue grow
without bound, and past `max_clients` new clients are refused, so a crowd of tabs cannot exhaust the worker.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

SSEItem = tuple[str, str, bytes]  # (SSE event name, SSE id, JSON data)


class TooManyClients(RuntimeError):
    """The worker already serves its maximum number of live dashboards."""


CLOSE: SSEItem = ("close", "", b"")  # tells a client's handler to end its response


@dataclass(eq=False)
class Client:
    queue: asyncio.Queue[SSEItem]
    dropped: bool = False


class Hub:
    """`max_clients` caps OPEN connections (`open`), not only registered clients: a dropped client whose response
    is still being torn down (or stuck in a write, until WRITE_TIMEOUT_S ends it) still holds its place."""

    def __init__(self, max_clients: int = 32, queue_size: int = 256, keep_latest: int = 50) -> None:
        self.max_clients = max_clients
        self.open = 0
        self.queue_size = queue_size
        self.keep_latest = keep_latest
        self.clients: set[Client] = set()
        # Latest events by kind, oldest first; keyed by event_id so a re-delivered event replaces itself.
        self.latest: dict[str, OrderedDict[str, bytes]] = {"meeting": OrderedDict(), "quote": OrderedDict()}
        self.dropped_total = 0
        self.refused_total = 0

    def connect(self) -> Client:
        if self.open >= self.max_clients:
            self.refused_total += 1
            raise TooManyClients(f"{self.open} dashboard connections open, the limit is {self.max_clients}")
        client = Client(asyncio.Queue(self.queue_size))
        for item in self.snapshot():
            client.queue.put_nowait(item)
        self.clients.add(client)
        self.open += 1
        return client

    def disconnect(self, client: Client) -> None:
        """The client's connection is closed (its handler ends): called exactly once per `connect`."""
        self.clients.discard(client)
        self.open -= 1

    def snapshot(self) -> list[SSEItem]:
        """What a newly connected browser gets first: the latest meetings and quotes, oldest first."""
        items = [(kind, event_id, data) for kind, events in self.latest.items() for event_id, data in events.items()]
        return items[-self.queue_size:]

    def publish(self, kind: str, event_id: str, data: bytes, retracts: str | None = None) -> None:
        """`kind` is meeting, quote or retraction (then `retracts` names the retracted kind)."""
        if kind == "retraction":
            self.latest.get(retracts or "", OrderedDict()).pop(event_id, None)
        elif kind in self.latest:
            latest = self.latest[kind]
            latest.pop(event_id, None)
            latest[event_id] = data
            while len(latest) > self.keep_latest:
                latest.popitem(last=False)
        else:
            return
        for client in list(self.clients):
            try:
                client.queue.put_nowait((kind, event_id, data))
            except asyncio.QueueFull:
                self.drop(client)

    def drop(self, client: Client) -> None:
        """Ends a client: its handler sees `dropped` after its next item (a full queue has one at once)."""
        client.dropped = True
        self.clients.discard(client)
        self.dropped_total += 1

    def close_all(self) -> None:
        """At shutdown: an open event stream would otherwise hold the web server's graceful stop."""
        for client in list(self.clients):
            self.drop(client)
            try:
                client.queue.put_nowait(CLOSE)
            except asyncio.QueueFull:
                pass

    def stats(self) -> dict[str, Any]:
        return {"clients": len(self.clients), "open": self.open, "max_clients": self.max_clients,
                "dropped": self.dropped_total, "refused": self.refused_total}


_LINE_BREAKS = str.maketrans({"\r": "\\r", "\n": "\\n", "\0": ""})


def _field(value: str) -> bytes:
    """A single-line SSE field value: a line break (or NUL, which an SSE id may not hold) cannot start a field."""
    return value.translate(_LINE_BREAKS).encode()


def sse_frame(kind: str, event_id: str, data: bytes) -> bytes:
    """One server-sent event. `kind` and `event_id` are escaped to one line each; `data` is sent as SSE data lines
    (one per line it holds), so whatever the bytes, no line of it can be read as another field or event."""
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    return (b"event: " + _field(kind) + b"\nid: " + _field(event_id) + b"\n"
            + b"".join(b"data: " + line + b"\n" for line in lines) + b"\n")
