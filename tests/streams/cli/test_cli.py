"""The `parley` command as a user runs it (a real process): every user error is one `error: ...` line on stderr
and a non-zero exit code, never a traceback; `-` is stdin for every file argument; folders are read for
`.json` and `.jsonl`; conflicting or unknown option values are refused before anything is done. No Kafka here:
the cases that need a broker are in tests/integration/test_cli_kafka.py (an unreachable broker needs none)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

REPO = Path(__file__).resolve().parents[3]
UNREACHABLE = "127.0.0.1:1"  # nothing listens on port 1: the connection is refused at once
ARTICLE = {"id": "a-1", "published": "2024-05-14",
           "text": "Japanese Foreign Minister Yoko Kamikawa held talks with her Australian counterpart Penny Wong "
                   "in Tokyo on Monday."}


def parley(*args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": UNREACHABLE, "PARLEY_TOPIC_PREFIX": "cli-unit", **env}
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], input=stdin or b"", capture_output=True,
                          env=environ, cwd=REPO, timeout=120)


def one_error_line(done: subprocess.CompletedProcess) -> str:
    """The stderr of a refused command: exactly one line, `error: ...`, and no traceback."""
    err = done.stderr.decode()
    assert done.returncode != 0, (done.returncode, err)
    assert "Traceback" not in err and "╭" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def jsonl(*rows: object) -> bytes:
    return b"".join((row if isinstance(row, bytes) else orjson.dumps(row)) + b"\n" for row in rows)


@pytest.mark.parametrize("args", [
    ("extract", "/missing.jsonl"),
    ("feed", "/missing.jsonl"),
    ("eval", "/missing.jsonl"),
    ("eval", "GOLD", "/missing.jsonl"),
    ("people", "build", "/missing.jsonl"),
    ("people", "build", "GOLD", "--articles", "/missing.jsonl"),
])
def test_a_missing_file_is_one_line(args: tuple[str, ...], tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(jsonl({**ARTICLE, "gold": {"meetings": [], "quotes": []}}))
    line = one_error_line(parley(*(str(gold) if a == "GOLD" else a for a in args)))
    assert "/missing.jsonl" in line


def test_a_folder_where_a_file_is_wanted_is_one_line(tmp_path: Path) -> None:
    line = one_error_line(parley("eval", str(tmp_path)))
    assert str(tmp_path) in line


def test_bad_json_in_a_file_names_the_file_and_the_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(jsonl({**ARTICLE, "gold": {"meetings": [], "quotes": []}}, b"{broken"))
    line = one_error_line(parley("eval", str(gold), str(gold)))
    assert "gold.jsonl" in line and "line 2" in line


def test_an_unreachable_broker_is_one_line(tmp_path: Path) -> None:
    articles = tmp_path / "a.jsonl"
    articles.write_bytes(jsonl(ARTICLE))
    for args in (("feed", str(articles)), ("dlq", "show"), ("dlq", "replay", "--all"),
                 ("people", "build", "--from-topics", "-o", str(tmp_path / "p.json"))):
        line = one_error_line(parley(*args))
        assert "cannot reach Kafka at 127.0.0.1:1" in line, (args, line)


@pytest.mark.parametrize(("args", "words"), [
    (("dlq", "replay", "--reason", "bogus"), "bogus"),
    (("dlq", "replay", "--reason", "not_json", "--all"), "--all"),
    (("dlq", "replay"), "--reason"),
    (("dlq", "show", "--reason", "bogus"), "bogus"),
    (("dlq", "show", "--limit", "0"), "--limit"),
    (("dlq", "show", "--counts", "--limit", "3"), "--counts"),
    (("kafka", "status", "--port", "nine"), "--port"),
    (("people", "build"), "--from-topics"),
    (("feed", "-", "--bogus-option"), "--bogus-option"),
])
def test_bad_or_conflicting_options_are_refused_before_anything_runs(args: tuple[str, ...], words: str) -> None:
    done = parley(*args)
    line = one_error_line(done)
    assert done.returncode == 2 and words in line, line
    assert "cannot reach Kafka" not in line


def test_help_is_unchanged() -> None:
    done = parley("--help")
    assert done.returncode == 0 and "extract" in done.stdout.decode() and "Usage" in done.stdout.decode()
    assert parley("dlq", "show", "--help").returncode == 0


def test_eval_refuses_a_gold_file_without_gold(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(jsonl(ARTICLE, {**ARTICLE, "id": "a-2"}))
    pred = tmp_path / "pred.jsonl"
    pred.write_bytes(jsonl({"id": "a-1", "meetings": [], "quotes": []}))
    done = parley("eval", str(gold), str(pred), "--bootstrap", "0")
    line = one_error_line(done)
    assert done.returncode == 2 and "gold" in line


def test_eval_reads_gold_and_predictions_from_stdin(tmp_path: Path) -> None:
    gold_rows = jsonl({**ARTICLE, "gold": {"meetings": [], "quotes": []}})
    pred = tmp_path / "pred.jsonl"
    pred.write_bytes(jsonl({"id": "a-1", "meetings": [], "quotes": []}))
    done = parley("eval", "-", str(pred), "--bootstrap", "0", "--json", stdin=gold_rows)
    assert done.returncode == 0, done.stderr.decode()
    assert "meetings" in orjson.loads(done.stdout)
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(gold_rows)
    done = parley("eval", str(gold), "-", "--bootstrap", "0", "--json", stdin=pred.read_bytes())
    assert done.returncode == 0, done.stderr.decode()


def test_eval_refuses_stdin_twice() -> None:
    done = parley("eval", "-", "-")
    assert done.returncode == 2 and "stdin" in one_error_line(done)


BAD_LINES = jsonl(ARTICLE, b"{broken", [1, 2], {"id": "no-text"}, {**ARTICLE, "id": "a-2"})


def test_extract_skips_bad_lines_and_names_them() -> None:
    done = parley("extract", "-", stdin=BAD_LINES)
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert [orjson.loads(line)["id"] for line in done.stdout.splitlines()] == ["a-1", "a-2"]
    assert "Traceback" not in err
    for n in (2, 3, 4):
        assert f"line {n}:" in err, err
    assert "skipped 3 bad line(s)" in err


def test_extract_strict_stops_at_the_first_bad_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(BAD_LINES)
    out = tmp_path / "out.jsonl"
    done = parley("extract", str(src), "--strict", "-o", str(out))
    line = one_error_line(done)
    assert done.returncode == 1 and "line 2" in line and "in.jsonl" in line
    assert not out.exists() or out.read_bytes() == b""


def test_extract_reads_a_folder_of_json_and_jsonl_files(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_bytes(orjson.dumps({**ARTICLE, "id": "from-json"}))
    (tmp_path / "two.jsonl").write_bytes(jsonl({**ARTICLE, "id": "jsonl-1"}, {**ARTICLE, "id": "jsonl-2"}))
    (tmp_path / "notes.md").write_text("not an article")
    done = parley("extract", str(tmp_path))
    assert done.returncode == 0, done.stderr.decode()
    assert sorted(orjson.loads(line)["id"] for line in done.stdout.splitlines()) == [
        "from-json", "jsonl-1", "jsonl-2"]


def test_people_build_reads_stdin(tmp_path: Path) -> None:
    rows = jsonl({"id": "a-1", "published": "2024-05-14", "meetings": [
        {"participants": [{"name": "Penny Wong", "country": "AUS", "role": "foreign minister"}]}], "quotes": []})
    out = tmp_path / "people.json"
    done = parley("people", "build", "-", "-o", str(out), stdin=rows)
    assert done.returncode == 0, done.stderr.decode()
    assert orjson.loads(out.read_bytes())["people"]["penny wong"]["sightings"] == 1


def test_feed_iterates_jsonl_files_in_a_folder(tmp_path: Path) -> None:
    from streams.cli.run import _iter_input

    (tmp_path / "a.txt").write_text("Text of a.")
    (tmp_path / "b.json").write_bytes(orjson.dumps({**ARTICLE, "id": "b"}))
    (tmp_path / "c.jsonl").write_bytes(jsonl({**ARTICLE, "id": "c-1"}, {**ARTICLE, "id": "c-2"}))
    labels = [label for label, _raw in _iter_input(str(tmp_path))]
    assert labels == ["a.txt", "b.json", "c.jsonl line 1", "c.jsonl line 2"]


def test_extract_refuses_a_bad_snapshot_and_an_output_in_a_missing_folder(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl(ARTICLE))
    line = one_error_line(parley("extract", str(src), "--people", str(src)))
    assert "not a people snapshot" in line
    line = one_error_line(parley("extract", str(src), "-o", str(tmp_path / "missing" / "out.jsonl")))
    assert "missing/out.jsonl" in line
    line = one_error_line(parley("extract", str(src), "--model", "no_such_model"))
    assert "no_such_model" in line
