"""A worker's log at the default level starts with what matters: Faust's tables (subscriptions, assignments,
recovery highwaters: about 160 lines) and aiokafka's routine `Group Coordinator Request failed` error on a fresh
group are kept for DEBUG. The worker itself is checked in tests/integration/test_cli_kafka.py."""

from __future__ import annotations

import io
import logging

import pytest

from streams.ops.log_noise import RoutineNoise, quiet_routine_noise

TABLE = """Setting newly assigned partitions
+Topic Partition Set----------------------+------------+
| topic                                   | partitions |
+-----------------------------------------+------------+
| dev16.meetings                          | {0-7}      |
+-----------------------------------------+------------+ for group dev16-worker"""


def record(name: str, level: int, msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, msg, args, None)


@pytest.mark.parametrize(("name", "level", "msg", "args"), [
    ("faust.transport.drivers.aiokafka", logging.INFO, "%s", (TABLE,)),
    ("faust.tables.recovery", logging.INFO, "[^---Recovery]: Highwater for active changelog partitions:\n%s",
     ("+Highwater - Active---+\n| topic | partition |\n+------+\n",)),
    ("aiokafka.consumer.group_coordinator", logging.ERROR, "Group Coordinator Request failed: %s",
     ("[Error 15] GroupCoordinatorNotAvailableError",)),
])
def test_routine_noise_is_recognised(name: str, level: int, msg: str, args: tuple) -> None:
    assert not RoutineNoise().filter(record(name, level, msg, *args))


@pytest.mark.parametrize(("name", "level", "msg"), [
    ("faust.worker", logging.INFO, "[^Worker]: Ready"),
    ("parley.app", logging.INFO, "NLP pool ready: 1 process(es), pids [1]"),
    ("aiokafka.consumer.group_coordinator", logging.ERROR, "Group Coordinator Request failed: [Error 29] "
                                                           "GroupAuthorizationFailedError"),
    ("parley.processor", logging.WARNING, "dead letter t/0@1: not_json | a | b |"),
])
def test_everything_else_is_kept(name: str, level: int, msg: str) -> None:
    assert RoutineNoise().filter(record(name, level, msg))


@pytest.mark.parametrize(("level", "shown"), [(logging.INFO, False), (logging.WARNING, False),
                                              (logging.DEBUG, True)])
def test_the_noise_is_kept_at_debug_only(level: int, shown: bool) -> None:
    out = io.StringIO()
    logger = logging.Logger("aiokafka.consumer.group_coordinator", level)  # a root stand-in, by that name
    logger.addHandler(logging.StreamHandler(out))
    quiet_routine_noise(logger, level)
    logger.error("Group Coordinator Request failed: %s", "[Error 15] GroupCoordinatorNotAvailableError")
    logger.error("%s", TABLE)
    logger.error("kept")
    assert ("GroupCoordinatorNotAvailableError" in out.getvalue()) is shown
    assert ("+Topic Partition Set" in out.getvalue()) is shown
    assert "kept" in out.getvalue()



def test_the_tables_the_formatter_makes_from_partition_sets_are_noise() -> None:
    """aiokafka logs a set of topics or partitions; Faust's registered formatters turn it into a table when the
    text handler formats the record."""
    import faust.transport.drivers.aiokafka  # noqa: F401 - registers Faust's log formatters
    from aiokafka import TopicPartition

    topics = record("aiokafka.consumer.subscription_state", logging.INFO, "Updating subscribed topics to: %s",
                    frozenset({"t.meetings", "t.quotes"}))
    assigned = record("aiokafka.consumer.group_coordinator", logging.INFO,
                      "Setting newly assigned partitions %s for group %s",
                      {TopicPartition("t.meetings", 0), TopicPartition("t.meetings", 1)}, "g")
    assert not RoutineNoise().filter(topics)
    assert not RoutineNoise().filter(assigned)
    assert topics.args[0] == frozenset({"t.meetings", "t.quotes"}), "the record is left as it was"
