"""The benchmark runner's --quick path still works end to end (5 articles, one worker, the real broker).

Speed is not asserted here (that is what the bench prints); only that every part it ran produced its numbers, so
a broken harness is found by CI rather than by the next person who needs the figures.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.conftest import corpus_file

pytestmark = [pytest.mark.slow, pytest.mark.integration, pytest.mark.corpus, pytest.mark.timeout(120)]


def test_quick_run_measures_every_part_it_ran(kafka_bootstrap: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    corpus_file("stream.jsonl")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", kafka_bootstrap)
    from bench import run

    result = run.main(["--quick", "--articles", "5", "--repeats", "1", "--sets", "diplomatic",
                       "--parts", "bare,offline,stages,e2e,latency", "--out", str(tmp_path)])

    assert "stream_error" not in result, result.get("stream_error")
    parts = result["sets"]["diplomatic"]
    assert parts["bare"]["articles"] == parts["offline"]["articles"] == 5
    assert parts["bare"]["words_per_s"] > 0 and parts["offline"]["words_per_s"] > 0
    assert parts["stages"]["parse_ms"] > 0 and parts["stages"]["layer_ms"] > 0
    e2e = parts["end_to_end"]
    assert e2e["complete"] and e2e["events_missing"] == 0, e2e
    assert parts["latency"]["latency_all"]["n"] == 5
    assert parts["latency"]["latency_events"]["n"] == parts["offline"]["articles_with_events"]
    assert result["ratios"]["diplomatic"]["offline_over_bare"] is not None
    saved = orjson.loads((tmp_path / "latest.json").read_bytes())
    assert saved["ratios"] == result["ratios"]
