"""Faust's startup tables and aiokafka's routine coordinator error, kept for DEBUG only.

At the default level a starting worker used to print about 160 lines of Faust tables (subscriptions, partition
assignments, recovery highwaters and offsets, each topic-partition a row) and an `[ERROR] Group Coordinator Request
failed: GroupCoordinatorNotAvailableError` that every fresh consumer group meets while the broker elects its
coordinator (aiokafka retries it at once). Above DEBUG a filter on the root handlers drops those records, in both
log formats; at DEBUG everything is shown as before.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

import faust
from mode.utils.logging import ExtensionFormatter

# A Faust table (faust.utils.terminal.tables): a rule line `+Title----+---+` or `+-----+` and `| cells |` rows.
_TABLE_RULE = re.compile(r"^\+[^\n]*-{3,}[^\n]*\+", re.MULTILINE)
_TABLE_ROW = re.compile(r"^\|[^\n]*\|", re.MULTILINE)
# Retriable coordinator errors a new group meets while the broker loads or elects its coordinator.
_ROUTINE_COORDINATOR = ("GroupCoordinatorNotAvailable", "CoordinatorNotAvailable", "CoordinatorLoadInProgress",
                        "NotCoordinatorForGroup", "NotCoordinator")


def _is_table(text: str) -> bool:
    return bool(_TABLE_RULE.search(text) and _TABLE_ROW.search(text))


class RoutineNoise(logging.Filter):
    """False for a Faust table or a routine coordinator error; True for anything else.

    Most tables are made by the text formatter itself (mode's ExtensionFormatter turns a set of topics or
    partitions logged by aiokafka into a table, through the formatters Faust registers), so the record's arguments
    are passed through the same formatters here, without changing the record."""

    _args = ExtensionFormatter(stream=io.StringIO())

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string is the formatter's business, not ours
            return True
        if record.name.startswith("aiokafka") and message.startswith("Group Coordinator Request failed"):
            return not any(name in message for name in _ROUTINE_COORDINATOR)
        if _is_table(message):
            return False
        args = record.args if isinstance(record.args, tuple) else ()
        for arg in args:
            if isinstance(arg, set | frozenset | list | tuple | dict) and arg:
                try:
                    if _is_table(str(self._args.format_arg(arg, record))):
                        return False
                except Exception:  # noqa: S112 - a formatter that fails here fails in the handler too
                    continue
        return True


def quiet_routine_noise(root: logging.Logger, level: int) -> None:
    """Adds the filter to the root logger's handlers unless the level is DEBUG (or lower)."""
    if level <= logging.DEBUG:
        return
    for handler in root.handlers:
        if not any(isinstance(f, RoutineNoise) for f in handler.filters):
            handler.addFilter(RoutineNoise())


class Worker(faust.Worker):
    """faust.Worker whose logging, once set up (text or JSON), leaves out the routine noise above DEBUG."""

    def on_setup_root_logger(self, logger: Any, level: int) -> None:
        super().on_setup_root_logger(logger, level)
        quiet_routine_noise(logger, level)
