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
    def __init__(self, max_clients: int = 32, queue_size: int = 256, keep_latest: int = 50) -> None:
        self.max_clients = max_clients
        self.queue_size = queue_size
        self.keep_latest = keep_latest
        self.clients: set[Client] = set()
        # Latest events by kind, oldest first; keyed by event_id so a re-delivered event replaces itself.
        self.latest: dict[str, OrderedDict[str, bytes]] = {"meeting": OrderedDict(), "quote": OrderedDict()}
        self.dropped_total = 0
        self.refused_total = 0

    def connect(self) -> Client:
        if len(self.clients) >= self.max_clients:
            self.refused_total += 1
            raise TooManyClients(f"{len(self.clients)} dashboards connected, the limit is {self.max_clients}")
        client = Client(asyncio.Queue(self.queue_size))
        for item in self.snapshot():
            client.queue.put_nowait(item)
        self.clients.add(client)
        return client

    def disconnect(self, client: Client) -> None:
        self.clients.discard(client)

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
        return {"clients": len(self.clients), "max_clients": self.max_clients, "dropped": self.dropped_total,
                "refused": self.refused_total}


def sse_frame(kind: str, event_id: str, data: bytes) -> bytes:
    """One server-sent event. JSON from orjson has no raw newlines, so `data` is one line."""
    return b"event: " + kind.encode() + b"\nid: " + event_id.encode() + b"\ndata: " + data + b"\n\n"
