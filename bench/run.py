"""`python -m bench.run [--quick]`: every part of the benchmark in one run, a table, the ratios, a JSON file.

Order matters on a 2-core machine shared with the broker: the in-process parts (bare, offline, stage costs, F1)
run first with no worker alive; then one broker and one worker (end-to-end throughput, then latency at half of
that throughput); then a second worker joins the same group (scale), the HTTP lookups run against both, and
the workers' peak memory is read last.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shlex
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from bench import http_part, nlp_bench, report, stream_bench
from bench.corpus import REPO, build_sets, corpus_available, dev_gold
from bench.stack import Worker, broker, wait_ready
from streams.settings import Settings

OUT = REPO / "bench" / "out"
SETS = ("diplomatic", "wire")
PARTS = ("bare", "offline", "stages", "f1", "e2e", "latency", "scale", "http")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="smoke run: 40 articles per set, one repetition (~3 min)")
    p.add_argument("--articles", type=int, help="minimum articles per set (default 300; --quick 40)")
    p.add_argument("--repeats", type=int, help="in-process parts: best of N runs (default 2; --quick 1)")
    p.add_argument("--sets", default="diplomatic,wire", help="comma-separated: diplomatic, wire")
    p.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated subset of {','.join(PARTS)}")
    p.add_argument("--latency-seconds", type=float,
                   help="latency part: feed at half load for at most this long (default 60; --quick 20)")
    p.add_argument("--out", type=Path, default=OUT, help="where the JSON goes (default bench/out)")
    args = p.parse_args(argv)
    args.articles = args.articles or (40 if args.quick else 300)
    args.repeats = args.repeats or (1 if args.quick else 2)
    args.latency_seconds = args.latency_seconds or (20.0 if args.quick else 60.0)
    args.sets = [s for s in args.sets.split(",") if s]
    args.parts = {s for s in args.parts.split(",") if s}
    unknown = (args.parts - set(PARTS)) | (set(args.sets) - set(SETS))
    if unknown or not args.sets:
        p.error(f"unknown parts or sets: {', '.join(sorted(unknown)) or '(no set)'}")
    return args


def _log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _expected_events(lines: dict[str, dict[str, Any]], rows: list[dict[str, Any]], tag: str) -> dict[str, int]:
    """Events each tagged article must produce: what `parley extract` gave for its text (0 if it was rejected)."""
    empty: dict[str, list] = {"meetings": [], "quotes": []}
    return {f"{r['id']}@{tag}": len(lines.get(r["id"], empty)["meetings"]) + len(lines.get(r["id"], empty)["quotes"])
            for r in rows}


def in_process(args: argparse.Namespace, settings: Settings, sets: dict, result: dict, workdir: Path
               ) -> dict[str, dict]:
    """Parts 1, 2, the stage costs and the F1; returns each set's offline output lines (the expected events).

    Bare and offline runs alternate (bare, offline, bare, offline...), so a burst of load from elsewhere on the
    machine hits both sides of their ratio rather than one."""
    offline_lines: dict[str, dict] = {}
    for name in args.sets:
        aset, out = sets[name], result["sets"][name]
        run_off, off_info = nlp_bench.offline_runner(aset.rows, settings, workdir)
        run_bare, bare_info = nlp_bench.bare_runner(aset, settings) if "bare" in args.parts else (None, {})
        timed_bare, timed_off = nlp_bench.Timed(), nlp_bench.Timed()
        load = os.getloadavg()[0]
        for i in range(args.repeats):
            if run_bare is not None:
                _log(f"{name}: bare spaCy on {len(aset.rows)} articles ({i + 1}/{args.repeats})")
                timed_bare.run(run_bare)
            _log(f"{name}: offline parley extract on {len(aset.rows)} articles ({i + 1}/{args.repeats})")
            timed_off.run(run_off)
        offline_lines[name] = timed_off.result
        if run_bare is not None:
            out["bare"] = {**timed_bare.rates(len(aset.rows), aset.words), **bare_info, "loadavg": load}
        if "offline" in args.parts:
            out["offline"] = {**timed_off.rates(len(aset.rows), aset.words), **off_info,
                              **nlp_bench.offline_summary(timed_off.result), "loadavg": load}
        if "stages" in args.parts:
            unique = [r for r in aset.rows if "~c" not in r["id"]]
            _log(f"{name}: per-stage cost on {len(unique)} distinct articles")
            try:
                stages = nlp_bench.stage_costs(unique, settings)
                stages.pop("lines")
                out["stages"] = stages
            except Exception as exc:  # the extractors are rewritten often; the rest of the bench still counts
                out["stages"] = {"error": repr(exc)[:300]}
    if "f1" in args.parts:
        _log("dev-set F1: before (stock pipeline, every sentence) and after (parley extract)")
        gold = dev_gold()
        rows = [{k: v for k, v in g.items() if k in ("id", "url", "source", "published", "title", "text")}
                for g in gold]
        f1: dict[str, Any] = {"articles": len(gold)}
        try:
            run_dev, _ = nlp_bench.offline_runner(rows, settings, workdir)
            f1["after"] = nlp_bench.dev_f1(gold, run_dev())
            before = nlp_bench.stage_costs(rows, settings, nlp_bench.stock_nlp(settings))["lines"]
            f1["before"] = nlp_bench.dev_f1(gold, before)
        except Exception as exc:
            f1["error"] = repr(exc)[:300]
        result["f1"] = f1
    return offline_lines


async def _feed(bootstrap: str, prefix: str, workers: list[Worker], rows: list[dict], lines: dict, tag: str,
                rate: float | None) -> dict[str, Any]:
    tagged = [{**r, "id": f"{r['id']}@{tag}"} for r in rows]
    load = os.getloadavg()[0]
    out = await stream_bench.run_feed(bootstrap, prefix, workers, tagged, _expected_events(lines, rows, tag), rate)
    return {**out, "loadavg": load}


def streaming(args: argparse.Namespace, sets: dict, offline_lines: dict, result: dict) -> None:
    """Parts 3-5 on a real broker and real workers."""
    wanted = args.parts & {"e2e", "latency", "scale", "http"}
    if not wanted:
        return
    prefix = "bench" + uuid.uuid4().hex[:8]
    with broker() as bootstrap, tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        _log(f"broker {bootstrap}; starting worker 1 (prefix {prefix})")
        workers = [Worker(bootstrap, prefix, Path(tmp)).start()]
        try:
            wait_ready(workers)
            first = args.sets[0]
            warm = sets[first].rows[:8]
            asyncio.run(_feed(bootstrap, prefix, workers, warm, offline_lines[first], "warm1", None))
            for name in args.sets:
                rows, lines, out = sets[name].rows, offline_lines[name], result["sets"][name]
                if "e2e" in wanted or "latency" in wanted or "scale" in wanted:
                    _log(f"{name}: end-to-end, 1 worker, {len(rows)} articles at once")
                    one = asyncio.run(_feed(bootstrap, prefix, workers, rows, lines, "e2e1", None))
                    out["end_to_end"] = {**one, "words": sets[name].words}
                if "latency" in wanted and out.get("end_to_end", {}).get("articles_per_s"):
                    rate = out["end_to_end"]["articles_per_s"] / 2
                    some = rows[:max(10, min(len(rows), int(rate * args.latency_seconds)))]
                    _log(f"{name}: latency, 1 worker, {len(some)} articles at {rate:.1f}/s")
                    out["latency"] = asyncio.run(_feed(bootstrap, prefix, workers, some, lines, "lat1", rate))
            if "scale" in wanted or "http" in wanted:
                _log("starting worker 2 (same group)")
                workers.append(Worker(bootstrap, prefix, Path(tmp)).start())
                wait_ready(workers)
                asyncio.run(_feed(bootstrap, prefix, workers, sets[first].rows[:16], offline_lines[first], "warm2",
                                  None))
            if "scale" in wanted:
                for name in args.sets:
                    rows, lines, out = sets[name].rows, offline_lines[name], result["sets"][name]
                    _log(f"{name}: end-to-end, 2 workers, {len(rows)} articles at once")
                    two = asyncio.run(_feed(bootstrap, prefix, workers, rows, lines, "e2e2", None))
                    out["two_workers"] = {**two, "words": sets[name].words}
            if "http" in wanted:
                _log("HTTP table lookups" + ("" if http_part.available() else " (bench/bench_http.py absent)"))
                result["http"] = http_part.run_http([w.url for w in workers], 200 if args.quick else 1000)
            result["memory"] = [w.peak_memory() for w in workers]
        finally:
            for w in workers:
                w.stop()


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    if not corpus_available():
        print("bench: ../shared/corpus (seed.jsonl, dev.jsonl, stream.jsonl) is absent", file=sys.stderr)
        raise SystemExit(2)
    settings = Settings()
    sets = build_sets(args.articles, exact=args.quick)
    started = datetime.now(UTC)
    result: dict[str, Any] = {
        "meta": {"started": started.strftime("%Y-%m-%dT%H:%M:%SZ"), "model": nlp_bench.model_name(settings),
                 "batch_size": settings.nlp_batch_size, "cpus": os.cpu_count(), "loadavg_start": _loadavg(),
                 "python": platform.python_version(), "articles_min": args.articles, "repeats": args.repeats,
                 "command": " ".join([".venv/bin/python -m bench.run", *map(shlex.quote, argv or sys.argv[1:])])},
        "sets": {name: {"articles": len(sets[name].rows), "words": sets[name].words,
                        "diplomatic_share": round(sets[name].diplomatic_share, 3)} for name in args.sets},
    }
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as workdir:
        offline_lines = in_process(args, settings, sets, result, Path(workdir))
    try:
        streaming(args, sets, offline_lines, result)
    except Exception as exc:  # a worker that cannot start must not lose the parts already measured
        result["stream_error"] = f"{type(exc).__name__}: {str(exc)[-2000:]}"
        _log(f"stream parts failed: {result['stream_error']}")
    result["meta"]["loadavg_end"] = _loadavg()
    result["meta"]["seconds"] = round((datetime.now(UTC) - started).total_seconds(), 1)
    result["ratios"] = report.ratios(result)
    result["verdicts"] = report.verdicts(result)
    text = report.render(result)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    for path in (args.out / f"bench-{stamp}.json", args.out / "latest.json"):
        path.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))
    (args.out / "latest.txt").write_text(text + "\n")
    _log(f"done in {result['meta']['seconds']} s; JSON in {args.out / f'bench-{stamp}.json'}")
    return result


if __name__ == "__main__":
    main()
