"""Query latency of the contact API: p50/p99 over N requests through each worker.

    .venv/bin/python bench/bench_http.py                       # own stack: broker, two workers, the test articles
    .venv/bin/python bench/bench_http.py --url http://127.0.0.1:6066 --url http://127.0.0.1:6067

The requests cycle through /countries, every /countries/{code} and every pair, one keep-alive connection per
worker, one request at a time (latency, not throughput). Numbers depend on the machine; nothing here asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import orjson

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from streams.kafka.local_broker import LocalKafka, free_port  # noqa: E402
from streams.settings import Settings  # noqa: E402


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path)
    resp = conn.getresponse()
    return resp.status, resp.read()


def paths_of(url: str) -> list[str]:
    split = urlsplit(url)
    conn = http.client.HTTPConnection(split.hostname, split.port, timeout=10)
    status, body = get(conn, "/countries")
    assert status == 200, (status, body)
    paths = ["/countries"]
    for row in orjson.loads(body)["countries"]:
        paths.append(f"/countries/{row['code']}")
        _, detail = get(conn, f"/countries/{row['code']}")
        paths.extend(f"/countries/{row['code']}/contacts/{c['code']}" for c in orjson.loads(detail)["counterparts"])
    conn.close()
    return paths


def measure(url: str, paths: list[str], n: int) -> dict[str, dict[str, float]]:
    split = urlsplit(url)
    conn = http.client.HTTPConnection(split.hostname, split.port, timeout=10)
    timings: dict[str, list[float]] = {"all": [], "countries": [], "country": [], "pair": []}
    for i in range(n):
        path = paths[i % len(paths)]
        began = time.perf_counter()
        status, _ = get(conn, path)
        elapsed = (time.perf_counter() - began) * 1000
        assert status == 200, (url, path, status)
        kind = "pair" if "/contacts/" in path else "countries" if path == "/countries" else "country"
        timings["all"].append(elapsed)
        timings[kind].append(elapsed)
    conn.close()
    return {kind: summary(values) for kind, values in timings.items() if values}


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    q = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else ordered * 99
    return {"n": len(ordered), "p50_ms": round(q[49], 3), "p99_ms": round(q[98], 3), "max_ms": round(ordered[-1], 3)}


async def own_stack(workdir: Path) -> tuple[list[str], list, LocalKafka | None]:
    """A broker (KAFKA_BOOTSTRAP_SERVERS, else a local one), two workers, the integration test's articles."""
    from tests.integration.helpers import WorkerProcess, unique_prefix
    from tests.integration.test_tables import ARTICLES, SECOND_REPORT, feed

    broker = None
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if not bootstrap:
        broker = LocalKafka(Settings().kafka_home, port=free_port(), controller_port=free_port())
        broker.start()
        bootstrap = broker.bootstrap
    prefix = unique_prefix()
    workers = [WorkerProcess(bootstrap, prefix, workdir).start() for _ in range(2)]
    for worker in workers:
        worker.wait_ready(180)
    await feed(bootstrap, prefix, [*ARTICLES, SECOND_REPORT])
    deadline = time.monotonic() + 180
    while True:  # until both workers hold the same, complete tables
        answers = [w.get("/countries") for w in workers]
        if all(a[0] == 200 for a in answers) and answers[0] == answers[1] and answers[0][1]["count"] >= 40:
            break
        if time.monotonic() > deadline:
            raise SystemExit(f"tables incomplete: {answers}")
        await asyncio.sleep(0.5)
    return [w.url for w in workers], workers, broker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", action="append", help="a worker's base URL (repeat); default: start a stack")
    parser.add_argument("-n", type=int, default=1000, help="requests per worker")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    args = parser.parse_args()
    workers: list = []
    broker = None
    tmp = tempfile.TemporaryDirectory(prefix="parley-bench-http-")
    try:
        urls = args.url
        if not urls:
            urls, workers, broker = asyncio.run(own_stack(Path(tmp.name)))
        paths = paths_of(urls[0])
        results = {url: measure(url, paths, args.n) for url in urls}
        if args.json:
            print(orjson.dumps({"paths": len(paths), "requests_per_worker": args.n, "results": results}).decode())
        else:
            print(f"{args.n} requests per worker over {len(paths)} paths, sequential, keep-alive")
            print(f"{'worker':28} {'endpoint':10} {'n':>5} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
            for url, kinds in results.items():
                for kind, s in kinds.items():
                    print(f"{url:28} {kind:10} {s['n']:>5} {s['p50_ms']:>8.2f} {s['p99_ms']:>8.2f} {s['max_ms']:>8.2f}")
    finally:
        for worker in workers:
            worker.stop()
        if broker is not None:
            broker.reset()
        tmp.cleanup()


if __name__ == "__main__":
    main()
