"""What the pipeline hands to the producer, and how an exception is told in a dead letter's detail."""

from __future__ import annotations

import traceback

Headers = list[tuple[str, bytes]]
# topic, key, value, headers, partition (None: the producer's partitioner)
Record = tuple[str, bytes | None, bytes, Headers, int | None]


def last_line(exc: BaseException) -> str:
    """The exception's own last line (type and message), capped: a dead letter's detail, not a traceback."""
    lines = traceback.format_exception_only(type(exc), exc)
    return (lines[-1].strip() if lines else repr(exc))[:500]
