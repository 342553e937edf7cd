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


def test_the_patches_refuse_a_faust_release_they_were_not_written_for() -> None:
    import pytest

    from streams.kafka.faust_patches import UnsupportedFaustVersion, check_version

    check_version()  # the installed release
    with pytest.raises(UnsupportedFaustVersion, match=r"0\.16\.0 is installed.*faust-streaming==0\.15\.3"):
        check_version("0.16.0")


def test_the_patches_are_hooked_into_the_consumer_of_a_real_app(tmp_path) -> None:
    """Not only the functions: the consumer Faust builds for the worker's app runs them."""
    import faust

    from streams.app import create_app
    from streams.kafka import faust_patches
    from streams.settings import Settings

    app = create_app(Settings(data_dir=tmp_path, web_port=6999), "127.0.0.1:9")
    assert isinstance(app, faust.App)
    consumer = app.consumer  # the aiokafka driver's consumer, as the worker builds it (no connection yet)
    assert isinstance(consumer._read_offset, faust_patches.SeekGuardedOffsets)
    assert consumer._new_offset.__func__ is faust_patches._new_offset
    assert consumer._add_gap.__func__ is faust_patches._no_gap
    assert type(consumer._thread)._seek_wait.__qualname__.endswith("apply.<locals>._seek_wait")
    assert type(consumer).ack.__qualname__.endswith("apply.<locals>.ack")


def test_a_record_of_an_earlier_generation_is_not_counted_as_acknowledged() -> None:
    from streams.kafka.faust_patches import _stale_ack

    consumer = SimpleNamespace(app=SimpleNamespace(consumer_generation_id=7))
    assert _stale_ack(consumer, SimpleNamespace(generation_id=6))
    assert not _stale_ack(consumer, SimpleNamespace(generation_id=7))
