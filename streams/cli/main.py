"""`parley`: the command line. Each sub-command group lives in its own module and is registered here; the groups
never import this module, so the CLI has no import cycle.

`main` runs the command tree and is what the `parley` script calls: a mistake of the user's (a missing or bad file,
a bad option value, an unreachable broker) ends as one `error: ...` line on stderr and an exit code (2 for the
command line, 1 otherwise), never as a traceback. `--help` and the commands' own output are typer's as before.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError  # typer vendors click since 0.22

from streams.cli import actors, broker, dlq, offline, people, reprocess, run
from streams.cli.errors import UserError

commands = typer.Typer(help="Parley: diplomatic meetings and quotes from news articles, on Kafka.",
                       no_args_is_help=True, add_completion=False)
offline.register(commands)
run.register(commands)
commands.add_typer(broker.kafka_app, name="kafka")
reprocess.register(commands)
dlq.register(commands)
people.register(commands)
commands.add_typer(actors.actors_app, name="actors")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _error(message: str) -> None:
    sys.stderr.write(f"error: {_one_line(message)}\n")
    sys.stderr.flush()


class _CliLogHandler(logging.Handler):
    """The short-lived commands' log output: warnings of Parley's own code as `warning: ...` lines. The Kafka
    client's connection errors are left out: a command that cannot reach the broker says so itself, once. A worker
    replaces this handler with its own logging setup (Faust's Worker clears the root handlers)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(("aiokafka", "kafka")):
            return
        try:
            sys.stderr.write(f"{record.levelname.lower()}: {_one_line(record.getMessage())}\n")
        except Exception:  # noqa: BLE001 - logging must never raise
            self.handleError(record)


def main(args: Sequence[str] | None = None) -> int:
    """Runs `parley ARGS` and returns its exit code."""
    if not logging.root.handlers:
        logging.root.addHandler(_CliLogHandler())
    try:
        rv = commands(args=list(args) if args is not None else None, prog_name="parley", standalone_mode=False)
    except NoArgsIsHelpError as exc:  # `parley` or `parley dlq` alone: the help, as before
        from typer import rich_utils

        rich_utils.rich_format_error(exc)
        return exc.exit_code
    except ClickException as exc:  # usage errors: unknown option, bad value, missing argument, ...
        hint = ""
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            hint = f" (see `{ctx.command_path} --help`)"
        _error(exc.format_message() + hint)
        return exc.exit_code
    except UserError as exc:
        _error(str(exc))
        return exc.code
    except typer.Abort:
        _error("aborted")
        return 1
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except Exception as exc:
        message = _kafka_error(exc)
        if message is None:
            raise
        _error(message)
        return 1
    return rv if isinstance(rv, int) else 0


def _kafka_error(exc: BaseException) -> str | None:
    """One line for the file or broker trouble a command can meet, or None when `exc` is something else (a bug)."""
    from aiokafka.errors import KafkaConnectionError, KafkaError

    from streams.kafka.read import TopicUnavailable
    from streams.settings import get_settings

    if isinstance(exc, OSError) and exc.filename:  # a file a command writes or reads: -o in a missing folder, ...
        return f"{exc.filename}: {exc.strerror or exc}"
    bootstrap = get_settings().bootstrap
    if isinstance(exc, KafkaConnectionError):
        return (f"cannot reach Kafka at {bootstrap}; start the local broker with `parley kafka start` or set "
                "KAFKA_BOOTSTRAP_SERVERS")
    if isinstance(exc, TopicUnavailable):
        return str(exc)
    if isinstance(exc, KafkaError):
        return f"Kafka at {bootstrap}: {exc!r}"
    return None


# The `parley` script (pyproject.toml) and `python -m streams.cli` call this.
app = main

if __name__ == "__main__":
    sys.exit(main())
