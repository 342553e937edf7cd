"""`scripts/run.sh` tells the user where the dashboard and the API are, not only `/health`."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def addresses(**env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PARLEY_WEB_")} | env
    done = subprocess.run(["bash", "scripts/addresses.sh"], cwd=REPO, env=environ, capture_output=True, text=True,
                          timeout=30, check=True)
    return done.stdout


def test_run_sh_prints_the_dashboard_and_api_addresses() -> None:
    run_sh = (REPO / "scripts" / "run.sh").read_text()
    assert "scripts/addresses.sh" in run_sh
    assert run_sh.index("scripts/addresses.sh") < run_sh.index("parley worker")
    out = addresses()
    assert "dashboard: http://127.0.0.1:6066/\n" in out
    assert "http://127.0.0.1:6066/countries" in out and "http://127.0.0.1:6066/openapi.json" in out
    assert "http://127.0.0.1:6066/health" in out


def test_the_addresses_follow_the_settings() -> None:
    out = addresses(PARLEY_WEB_HOST="0.0.0.0", PARLEY_WEB_PORT="8080")
    assert "dashboard: http://127.0.0.1:8080/" in out  # a wildcard bind is opened on this machine's loopback
    assert "dashboard: http://[::1]:7000/" in addresses(PARLEY_WEB_HOST="::1", PARLEY_WEB_PORT="7000")
