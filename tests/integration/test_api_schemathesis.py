"""Schemathesis against a live worker (loopback only), driven by the OpenAPI document the worker serves: generated
requests to every route but the endless event stream, positive and negative, bounded in count and time. It
reports the number of requests and the failures (saved to bench/out/schemathesis.txt), and fails on any.

Checks: every one of schemathesis' checks except `positive_data_acceptance`, which expects every request that
fits the schema to be answered 2xx: a well-formed country name that names no country (`Abc`) is 404 and a
well-formed cursor that no page gave is 400, by design."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from tests.integration.helpers import REPO, produce
from tests.integration.test_dashboard import MORE, TALKS

pytestmark = [pytest.mark.integration, pytest.mark.timeout(420)]

MAX_EXAMPLES = 10  # per operation; the fuzzing phase stops at MAX_TIME_S
MAX_TIME_S = 30  # the coverage phase (about 200 requests; 9 s on a busy machine), then fuzzing to the end
OUT = REPO / "bench" / "out"


def st_command() -> list[str]:
    st = Path(sys.executable).parent / "st"
    if not st.exists() and shutil.which("st") is None:
        pytest.skip("schemathesis is not installed (pip install -e '.[dev]')")
    return [str(st) if st.exists() else "st"]


def test_schemathesis_finds_no_failure(start_worker, kafka_bootstrap: str, tmp_path: Path) -> None:
    command = st_command()
    worker = start_worker()
    articles = [TALKS, *MORE]
    asyncio.run(produce(kafka_bootstrap, f"{start_worker.prefix}.articles", [orjson.dumps(a) for a in articles],
                        [a["id"].encode() for a in articles]))
    deadline = time.monotonic() + 60
    while worker.get("/countries")[1].get("count", 0) < 3 and time.monotonic() < deadline:
        time.sleep(0.5)
    har = tmp_path / "run.har"
    result = subprocess.run(
        [*command, "run", worker.url + "/openapi.json", "--checks", "all",
         "--exclude-checks", "positive_data_acceptance", "--exclude-path", "/dashboard/events",
         "--max-examples", str(MAX_EXAMPLES), "--max-time", str(MAX_TIME_S), "--request-timeout", "5",
         "--phases", "coverage,fuzzing", "--seed", "16", "--workers", "1", "--no-color",
         "--report", "har", "--report-har-path", str(har)],
        capture_output=True, text=True, timeout=MAX_TIME_S + 120, cwd=tmp_path)  # its example database too
    requests = len(json.loads(har.read_text())["log"]["entries"]) if har.exists() else 0
    summary = result.stdout[-6000:]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "schemathesis.txt").write_text(f"requests: {requests}\nexit code: {result.returncode}\n\n{result.stdout}"
                                          f"\n{result.stderr}")
    print(f"schemathesis: {requests} requests, exit code {result.returncode}\n{summary}")
    assert requests >= 200, summary
    assert result.returncode == 0, summary + result.stderr[-2000:]
