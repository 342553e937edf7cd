"""The consumer guards of streams/faust_patches.py: a record fetched before a seek cannot move the read position,
and a commit never passes an offset that was not processed."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace

from streams.kafka.faust_patches import SeekGuardedOffsets, _new_offset


def test_a_stale_record_after_a_seek_does_not_move_the_read_offset() -> None:
    offsets = SeekGuardedOffsets()
    offsets["tp"] = 129  # read position before the rebalance
    offsets.update({"tp": 48})  # Faust's perform_seek to the committed offset
    offsets["tp"] = 130  # a record fetched before the seek, handled after it
    assert offsets["tp"] == 48
    offsets["tp"] = 48  # the re-fetched record at the seek target
    offsets["tp"] = 49
    assert offsets["tp"] == 49
    assert offsets["other"] is None


def _consumer(committed: int | None, acked: list[int]) -> SimpleNamespace:
    return SimpleNamespace(_acked=defaultdict(list, {"tp": list(acked)}),
                           _acked_index=defaultdict(set, {"tp": set(acked)}),
                           _committed_offset=defaultdict(lambda: None, {"tp": committed}))


def test_commit_waits_for_the_record_at_the_committed_offset() -> None:
    assert _new_offset(_consumer(48, [49, 50, 130]), "tp") is None  # 48 not processed: no commit
    assert _new_offset(_consumer(48, [48, 49, 50, 130]), "tp") == 51
    assert _new_offset(_consumer(48, [40, 47]), "tp") is None  # only stale acks
    assert _new_offset(_consumer(None, [3, 4, 9]), "tp") == 5  # nothing committed yet: the first run


def test_acknowledged_offsets_below_the_commit_are_forgotten() -> None:
    consumer = _consumer(48, [45, 48, 49])
    assert _new_offset(consumer, "tp") == 50
    assert consumer._acked["tp"] == [] and consumer._acked_index["tp"] == set()
