"""What a `parley` command may fail with by the user's doing (a file, an option, the input, an unreachable broker),
and the input helpers every command shares: `-` is stdin for every file argument, folders hold `.json` and
`.jsonl` files, and a bad line is named by its file and line number.

`streams/cli/main.py` turns these errors into one `error: ...` line on stderr and an exit code; the groups raise
them and never print tracebacks.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import orjson

STDIN = "-"
USAGE = 2  # the exit code of a refused command line, as click's own usage errors


class UserError(Exception):
    """One line for the user and the process's exit code (1: the input or the environment; 2: the command line)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class BadLine(UserError):
    """A line (or a `.json` file) that is not what the command reads."""

    def __init__(self, where: str, why: str) -> None:
        super().__init__(f"{where}: {why}")
        self.where, self.why = where, why


def label(source: str | Path) -> str:
    return "stdin" if str(source) == STDIN else str(source)


@contextmanager
def open_input(source: str | Path) -> Iterator[IO[bytes]]:
    """The file, or stdin for `-`; a file that cannot be read is a UserError naming it."""
    if str(source) == STDIN:
        yield sys.stdin.buffer
        return
    path = Path(source)
    try:
        fh = path.open("rb")
    except FileNotFoundError as exc:
        raise UserError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise UserError(f"{path}: is a folder, not a file") from exc
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    with fh:
        yield fh


def parse_object(raw: bytes, where: str) -> dict[str, Any]:
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise BadLine(where, f"not JSON ({exc})") from exc
    if not isinstance(obj, dict):
        raise BadLine(where, f"not a JSON object (a {type(obj).__name__})")
    return obj


def raw_lines(source: str | Path) -> Iterator[tuple[str, bytes]]:
    """(where, raw line) for each non-blank line of a JSONL file or stdin; `where` is "FILE line N"."""
    name = label(source)
    with open_input(source) as fh:
        try:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield f"{name} line {n}", line.rstrip(b"\r\n")
        except OSError as exc:  # e.g. a folder on some systems, a vanished network file
            raise UserError(f"{name}: cannot read ({exc.strerror or exc})") from exc


def read_jsonl(source: str | Path) -> list[dict[str, Any]]:
    """Every object of a JSONL file (or stdin); the first bad line stops with a UserError naming it."""
    return [parse_object(raw, where) for where, raw in raw_lines(source)]


def folder_inputs(folder: Path, suffixes: tuple[str, ...] = (".json", ".jsonl")) -> list[Path]:
    """The files of a folder a command reads, by name: `.json` (one object) and `.jsonl` (one a line)."""
    try:
        return sorted(f for f in folder.iterdir() if f.suffix in suffixes and f.is_file())
    except OSError as exc:
        raise UserError(f"{folder}: cannot read ({exc.strerror or exc})") from exc


def raw_inputs(source: str | Path) -> Iterator[tuple[str, bytes]]:
    """(where, raw JSON) for a JSONL file, stdin (`-`), or a folder of `.json` files (one object each) and `.jsonl`
    files; `where` names the file and, for JSONL, the line."""
    path = Path(source)
    if str(source) != STDIN and path.is_dir():
        for file in folder_inputs(path):
            if file.suffix == ".json":
                with open_input(file) as fh:
                    yield file.name, fh.read()
            else:
                for where, raw in raw_lines(file):
                    yield where.replace(str(file), file.name, 1), raw
        return
    yield from raw_lines(source)


def require_single_stdin(*sources: str | Path | None) -> None:
    if sum(1 for s in sources if s is not None and str(s) == STDIN) > 1:
        raise UserError("only one argument can be `-` (stdin)", USAGE)
