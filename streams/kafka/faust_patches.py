"""Guards against a faust-streaming 0.15.3 consumer race that commits past unprocessed articles.

Seen in tests/integration/test_chaos.py (two workers, SIGKILLs, rebalances): whole ranges of `articles` offsets
were committed without ever being processed. The consumer's drain loop can handle a record fetched before a
rebalance after the rebalance has re-seeked the partition to its committed offset. Faust then (1) takes the
jump from the committed offset to that stale record for a gap in the log and marks the whole range as
acknowledged, and (2) records the stale position as the read offset, so the re-fetched records below it are
dropped as duplicates. Its commit rule also tolerates a missing offset right after the committed one.

`articles` itself no longer goes through Faust (streams/source.py reads it with a plain consumer). The topics
Faust still acknowledges (`meetings`, `contact-updates`) are not compacted and not transactional:
their offsets are contiguous, so a gap is never real. The guards below keep at-least-once:
- no gap filling: a range is acknowledged only by processing it;
- after a seek to offset C, the read position moves only once the record at C itself arrives, so records from
  before the seek can neither hide the re-fetched ones nor open a false gap;
- a commit advances only over a run of acknowledged offsets that starts exactly at the committed offset;
- a record fetched under an earlier group generation (which Faust's streams skip AND acknowledge) is not counted
  as acknowledged: it is fetched again after the rebalance's seek.
A stale record that slips through is processed twice, which the idempotent tables and event ids absorb.
"""

from __future__ import annotations

from typing import Any

from faust.transport import consumer as base
from faust.transport.drivers import aiokafka as driver
from faust.utils.functional import consecutive_numbers

_APPLIED = False
# The faust-streaming release these patches were written against and checked on: they replace private methods
# (Consumer._new_offset, _add_gap, seek, AIOKafkaConsumerThread._seek_wait) whose meaning can change in any release.
WRITTEN_FOR = "0.15.3"


class UnsupportedFaustVersion(RuntimeError):
    """The installed faust-streaming is not the release the consumer guards were written for."""


def check_version(installed: str | None = None) -> None:
    import faust

    found = installed if installed is not None else faust.__version__
    if found != WRITTEN_FOR:
        raise UnsupportedFaustVersion(
            f"streams/kafka/faust_patches.py guards faust-streaming {WRITTEN_FOR}'s consumer, but {found} is "
            f"installed: its private methods may have changed. Install faust-streaming=={WRITTEN_FOR} "
            f"(pyproject.toml), or re-check the patches against {found} (tests/integration/test_chaos.py) and "
            f"update WRITTEN_FOR.")


class SeekGuardedOffsets(dict):
    """The consumer's read offsets; `update` (Faust's perform_seek) and `seeked` record a seek's target."""

    def __init__(self) -> None:
        super().__init__()
        self.expect: dict[Any, int | None] = {}

    def __missing__(self, tp: Any) -> None:
        return None

    def seeked(self, tp: Any, offset: int | None) -> None:
        self.expect[tp] = offset
        dict.__setitem__(self, tp, offset)

    def update(self, other: Any = (), **kwargs: Any) -> None:  # type: ignore[override]
        for tp, offset in dict(other, **kwargs).items():
            self.seeked(tp, offset)

    def __setitem__(self, tp: Any, offset: int | None) -> None:
        if tp in self.expect:
            wanted = self.expect[tp]
            if wanted is not None and offset != wanted:
                return  # a record fetched before the seek: its position must not move the read offset
            del self.expect[tp]
        dict.__setitem__(self, tp, offset)

    def pop(self, tp: Any, *default: Any) -> Any:
        self.expect.pop(tp, None)
        return super().pop(tp, *default)

    def __delitem__(self, tp: Any) -> None:
        self.expect.pop(tp, None)
        super().__delitem__(tp)


def _new_offset(self: base.Consumer, tp: Any) -> int | None:
    acked = self._acked[tp]
    if not acked:
        return None
    acked.sort()
    committed = self._committed_offset[tp]
    if committed is not None:
        done = 0
        while done < len(acked) and acked[done] < committed:
            done += 1
        if done:
            self._acked_index[tp].difference_update(acked[:done])
            del acked[:done]
        if not acked or acked[0] != committed:
            return None  # the record at the committed offset is not processed yet
    run = next(consecutive_numbers(acked))
    del acked[: len(run)]
    self._acked_index[tp].difference_update(run)
    return run[-1] + 1


async def _no_gap(self: base.Consumer, tp: Any, offset_from: int, offset_to: int) -> None:
    return None


def _stale_ack(self: base.Consumer, message: Any) -> bool:
    """True when `message` was fetched under an earlier group generation: Faust skips such a record in its streams
    and acknowledges it, which could commit past a record nobody processed (the partition is re-seeked to its
    committed offset and the record fetched again, under the new generation). Its ack is not recorded."""
    current = getattr(self.app, "consumer_generation_id", None)
    generation = getattr(message, "generation_id", None)
    return current is not None and generation is not None and generation != current


def apply() -> None:
    """Idempotent; called by streams.app.create_app before the app exists."""
    global _APPLIED
    if _APPLIED:
        return
    check_version()
    for owner, name in ((base.Consumer, "_new_offset"), (base.Consumer, "_add_gap"), (base.Consumer, "seek"),
                        (base.Consumer, "ack"), (driver.AIOKafkaConsumerThread, "_seek_wait")):
        if not callable(getattr(owner, name, None)):
            raise UnsupportedFaustVersion(f"faust-streaming has no {owner.__name__}.{name} to guard")
    _APPLIED = True
    original_init = base.Consumer.__init__
    original_seek = base.Consumer.seek
    original_seek_wait = driver.AIOKafkaConsumerThread._seek_wait

    def __init__(self: base.Consumer, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        self._read_offset = SeekGuardedOffsets()

    async def seek(self: base.Consumer, partition: Any, offset: int) -> None:
        await original_seek(self, partition, offset)
        if isinstance(self._read_offset, SeekGuardedOffsets):
            self._read_offset.seeked(base.ensure_TP(partition), offset if offset else None)

    async def _seek_wait(self: Any, consumer: Any, partitions: Any) -> None:
        await original_seek_wait(self, consumer, partitions)
        offsets = self.consumer._read_offset
        if isinstance(offsets, SeekGuardedOffsets):
            for tp, offset in partitions.items():
                offsets.seeked(tp, offset if offset > 0 else None)

    original_ack = base.Consumer.ack

    def ack(self: base.Consumer, message: Any) -> bool:
        if _stale_ack(self, message):
            message.acked = True  # done with in this generation; the re-fetched copy is a new message
            return False
        return original_ack(self, message)

    base.Consumer.ack = ack  # type: ignore[method-assign]
    base.Consumer.__init__ = __init__  # type: ignore[method-assign]
    base.Consumer.seek = seek  # type: ignore[method-assign]
    base.Consumer._new_offset = _new_offset  # type: ignore[method-assign]
    base.Consumer._add_gap = _no_gap  # type: ignore[method-assign]
    driver.AIOKafkaConsumerThread._seek_wait = _seek_wait  # type: ignore[method-assign]
