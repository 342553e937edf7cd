"""The `parley` commands that need a broker, run as a user runs them: `feed` on folders and stdin, `dlq show` and
`dlq replay` (replays are marked, so a letter that fails again is counted once), `people build --from-topics`
(each event once, retracted events not at all), and a worker's log at the default level (no Faust tables, no
routine coordinator error). The cases without a broker are in tests/streams/cli/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from streams.kafka.topics import ensure_topics
from streams.settings import Settings
from tests.integration.helpers import REPO, consume, produce, unique_prefix

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

LONG = {"id": "long-1", "text": "The two foreign ministers spoke by telephone on Friday about trade and security."}


def parley(bootstrap: str, prefix: str, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "PARLEY_TOPIC_PREFIX": prefix}
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], env=env, cwd=REPO, input=stdin,
                          capture_output=True, timeout=120)


def json_lines(done: subprocess.CompletedProcess) -> list[dict]:
    assert done.returncode == 0, done.stderr.decode()
    return [orjson.loads(line) for line in done.stdout.splitlines()]


async def topics_for(bootstrap: str) -> str:
    prefix = unique_prefix()
    await ensure_topics(Settings(topic_prefix=prefix, partitions=2), bootstrap)
    return prefix


async def test_feed_reads_folders_of_json_and_jsonl_and_stdin(kafka_bootstrap: str, tmp_path: Path) -> None:
    prefix = await topics_for(kafka_bootstrap)
    (tmp_path / "a.txt").write_text("The Japanese and Australian foreign ministers met in Tokyo.")
    (tmp_path / "b.json").write_bytes(orjson.dumps({"id": "b", "text": "Talks were held in Paris."}))
    (tmp_path / "c.jsonl").write_bytes(b'{"id": "c-1", "text": "One."}\n{"id": "c-2", "text": "Two."}\n{broken\n')
    done = parley(kafka_bootstrap, prefix, "feed", str(tmp_path))
    assert done.returncode == 0, done.stderr.decode()
    assert f"sent 4, rejected 1 -> {prefix}.articles" in done.stdout.decode()
    assert "c.jsonl line 3: rejected" in done.stderr.decode()
    done = parley(kafka_bootstrap, prefix, "feed", "-", stdin=b'{"id": "s-1", "text": "From stdin."}\n')
    assert done.returncode == 0 and "sent 1, rejected 0" in done.stdout.decode(), done.stderr.decode()
    keys = sorted(r.key for r in await consume(kafka_bootstrap, f"{prefix}.articles", expect=5, timeout=30))
    assert keys == [b"a", b"b", b"c-1", b"c-2", b"s-1"]


async def test_feed_to_a_missing_topic_is_one_line(kafka_bootstrap: str) -> None:
    done = parley(kafka_bootstrap, unique_prefix(), "feed", "-", stdin=b'{"text": "x"}\n')
    err = done.stderr.decode()
    assert done.returncode == 1 and err.startswith("error: topic ") and err.count("\n") == 1, err


async def test_dlq_show_lists_letters_and_replays_never_double(start_worker, kafka_bootstrap: str) -> None:
    prefix = start_worker.prefix
    worker = start_worker(PARLEY_MAX_TEXT_CHARS="60")  # the long article fails again on every replay
    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(LONG), b"{broken"], [b"long-1", None])
    await consume(kafka_bootstrap, f"{prefix}.articles.dlq", expect=2, timeout=60)
    log = worker.log_path.read_text(errors="replace")  # the default level (info): the routine noise is DEBUG-only
    assert "Ready" in log and "NLP pool ready" in log
    assert "+---" not in log and "| topic" not in log, "Faust's tables (subscriptions, assignments, recovery)"
    assert "Group Coordinator Request failed" not in log

    letters = json_lines(parley(kafka_bootstrap, prefix, "dlq", "show", "--json"))
    assert sorted(letter["reason"] for letter in letters) == ["not_json", "text_too_long"]
    long_letter = next(letter for letter in letters if letter["reason"] == "text_too_long")
    assert long_letter["source"].startswith(f"{prefix}.articles/") and long_letter["origin"] == long_letter["source"]
    assert long_letter["sample"].startswith('{"id":"long-1"') and long_letter["key"] == "long-1"
    assert "60" in long_letter["detail"] and long_letter["replays"] == 0
    text = parley(kafka_bootstrap, prefix, "dlq", "show")
    assert text.returncode == 0 and "detail:" in text.stdout.decode() and "sample:" in text.stdout.decode()
    assert len(json_lines(parley(kafka_bootstrap, prefix, "dlq", "show", "--json", "--reason", "not_json"))) == 1
    assert len(json_lines(parley(kafka_bootstrap, prefix, "dlq", "show", "--json", "--limit", "1"))) == 1

    for replay in (1, 2):
        done = parley(kafka_bootstrap, prefix, "dlq", "replay", "--reason", "text_too_long")
        assert done.returncode == 0 and "replayed 1 dead letter" in done.stdout.decode(), done.stderr.decode()
        await consume(kafka_bootstrap, f"{prefix}.articles.dlq", expect=2 + replay, timeout=60)
        articles = await consume(kafka_bootstrap, f"{prefix}.articles", expect=2 + replay, timeout=30)
        headers = dict(articles_with_key(articles, b"long-1")[-1].headers)
        assert headers["replay_count"] == str(replay).encode()
        assert headers["replay_origin"] == long_letter["origin"].encode()
        (latest,) = json_lines(parley(kafka_bootstrap, prefix, "dlq", "show", "--json", "--reason", "text_too_long"))
        assert latest["replays"] == replay and latest["origin"] == long_letter["origin"]
        assert headers["replayed_from"] == latest["replayed_from"].encode()
        assert len(latest["earlier_letters"]) == replay and latest["earlier_letters"][0] == long_letter["position"]
        (counts,) = json_lines(parley(kafka_bootstrap, prefix, "dlq", "show", "--counts", "--json"))
        assert counts == {"reasons": {"not_json": 1, "text_too_long": 1}, "total": 2}


def articles_with_key(records: list, key: bytes) -> list:
    return sorted((r for r in records if r.key == key), key=lambda r: r.timestamp)


def meeting(event_id: str, article: str, name: str, country: str) -> dict:
    return {"schema_version": "meeting.v1", "event_id": event_id, "article": {"id": article, "published": "2024-05-14"},
            "participants": [{"name": name, "country": country, "role": "foreign minister"}]}


async def test_people_build_from_topics_counts_each_event_once_and_drops_retracted_ones(
        kafka_bootstrap: str, tmp_path: Path) -> None:
    prefix = await topics_for(kafka_bootstrap)
    wong = meeting("a" * 32, "art-1", "Penny Wong", "AUS")
    kamikawa = meeting("b" * 32, "art-1", "Yoko Kamikawa", "JPN")
    retraction = {"schema_version": "retraction.v1", "event_id": "b" * 32, "retracts": "meeting.v1",
                  "reason": "article_changed", "article": {"id": "art-1", "published": "2024-05-14"}}
    quote = {"schema_version": "quote.v1", "event_id": "c" * 32, "article": {"id": "art-2", "published": "2024-05-15"},
             "speaker": "Penny Wong", "speaker_country": "AUS", "speaker_role": "foreign minister"}
    # The same meeting delivered twice (at-least-once), then one retracted after it was published.
    await produce(kafka_bootstrap, f"{prefix}.meetings", [orjson.dumps(e) for e in (wong, wong, kamikawa, retraction)],
                  [b"AUS|JPN"] * 4)
    await produce(kafka_bootstrap, f"{prefix}.quotes", [orjson.dumps(quote)], [b"AUS"])
    out = tmp_path / "people.json"
    done = parley(kafka_bootstrap, prefix, "people", "build", "--from-topics", "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    people = orjson.loads(out.read_bytes())["people"]
    assert set(people) == {"penny wong"}
    assert people["penny wong"]["sightings"] == 2  # one meeting (delivered twice) and one quote

