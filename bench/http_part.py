"""Part 5's table lookups against the bench's own two workers, whose tables hold what the sets' meetings made.

Latency comes from `bench/bench_http.py` (written with the contact tables; its own CLI: `--url` per worker,
`--json`), run as a subprocess so its interface stays its own. Lookups per second is measured here: CONCURRENCY
keep-alive clients per worker cycling over the same paths for a few seconds. When bench_http.py is absent, or the
worker has no /countries, the part is reported as n/a with the reason.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from typing import Any

import aiohttp
import orjson

from bench.corpus import REPO

SCRIPT = REPO / "bench" / "bench_http.py"
CONCURRENCY = 8
THROUGHPUT_S = 3.0


def available() -> bool:
    return SCRIPT.exists()


async def _get(session: aiohttp.ClientSession, url: str) -> tuple[int, Any]:
    async with session.get(url) as resp:
        return resp.status, orjson.loads(await resp.read()) if resp.status == 200 else None


async def _paths(session: aiohttp.ClientSession, urls: list[str], timeout: float = 60.0) -> list[str]:
    """Every country and pair path, once all workers answer /countries alike (the tables have caught up)."""
    deadline = time.monotonic() + timeout
    while True:
        answers = [await _get(session, u + "/countries") for u in urls]
        if all(s == 200 for s, _ in answers) and all(a == answers[0] for a in answers):
            break
        if time.monotonic() > deadline:
            raise RuntimeError(f"workers' /countries differ or fail: {[s for s, _ in answers]}")
        await asyncio.sleep(0.5)
    paths = ["/countries"]
    for row in answers[0][1].get("countries", []):
        paths.append(f"/countries/{row['code']}")
        status, detail = await _get(session, f"{urls[0]}/countries/{row['code']}")
        if status == 200:
            paths.extend(f"/countries/{row['code']}/contacts/{c['code']}" for c in detail.get("counterparts", []))
    return paths


async def _throughput(session: aiohttp.ClientSession, url: str, paths: list[str]) -> dict[str, float]:
    done = errors = 0
    stop_at = time.perf_counter() + THROUGHPUT_S

    async def client(offset: int) -> None:
        nonlocal done, errors
        i = offset
        while time.perf_counter() < stop_at:
            async with session.get(url + paths[i % len(paths)]) as resp:
                await resp.read()
                done += 1
                errors += resp.status != 200
            i += CONCURRENCY

    began = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(CONCURRENCY)))
    return {"lookups_per_s": done / (time.perf_counter() - began), "requests": done, "errors": errors,
            "concurrency": CONCURRENCY}


async def _measure(urls: list[str]) -> dict[str, Any]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        paths = await _paths(session, urls)
        return {"paths": len(paths), "throughput": {u: await _throughput(session, u, paths) for u in urls}}


def run_http(urls: list[str], requests: int = 1000) -> dict[str, Any]:
    try:
        out: dict[str, Any] = {"status": "ok", **asyncio.run(_measure(urls))}
    except Exception as exc:
        return {"status": "n/a", "why": f"table lookups failed: {exc!r}"[:300]}
    if not available():
        out["latency"] = {"status": "n/a", "why": "bench/bench_http.py is absent"}
        return out
    cmd = [sys.executable, str(SCRIPT), "--json", "-n", str(requests), *(f"--url={u}" for u in urls)]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=600)
    for line in reversed(proc.stdout.splitlines()):
        try:
            parsed = orjson.loads(line)
        except ValueError:
            continue
        if isinstance(parsed, dict):
            out["latency"] = parsed
            return out
    out["latency"] = {"status": "failed", "why": f"exit {proc.returncode}: {(proc.stderr or proc.stdout)[-300:]}"}
    return out
