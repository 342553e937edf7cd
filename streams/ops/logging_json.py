"""JSON-lines logs (PARLEY_LOG_FORMAT=json), for clusters whose log collectors (Loki, Fluent Bit, Cloud Logging)
parse one JSON object a line: level, logger and message become fields instead of a pattern to guess.

The worker's logging is configured by Faust's Worker (mode) from `app.conf.logging_config` when it starts, so
this module only fills that setting in; nothing here touches the root logger at import time.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

import faust
import orjson

from streams.settings import Settings

# LogRecord attributes that are not the caller's `extra=` fields.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    """One JSON object per record: ts (UTC, ISO 8601), level, logger, msg, the caller's extra fields, and the
    traceback as `exc` when there is one. Never raises on an odd `extra` value: it is stringified."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exc"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return orjson.dumps(entry, default=str).decode()


def logging_config(level: str) -> dict[str, Any]:
    """A logging.config.dictConfig dict: every record, Faust's and aiokafka's included, as JSON on stderr."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"json": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
        "root": {"level": level.upper(), "handlers": ["json"]},
    }


def install(app: faust.App, settings: Settings) -> None:
    """Switch the worker to JSON-lines logs when PARLEY_LOG_FORMAT=json (before Worker reads the setting)."""
    if settings.log_format == "json":
        app.conf.logging_config = logging_config(settings.log_level)
