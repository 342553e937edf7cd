"""The printed table, the ratios and the targets of the issue, from the result dict `bench.run` builds."""

from __future__ import annotations

from typing import Any

OFFLINE_OVER_BARE = {"diplomatic": 1.5, "wire": 3.0}
P99_LIMIT_MS = 1000.0


def _get(d: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def _num(value: Any, fmt: str = "{:.1f}") -> str:
    return "n/a" if value is None else fmt.format(value)


def ratios(result: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    out: dict[str, dict[str, float | None]] = {}
    for name, parts in result["sets"].items():
        bare = _get(parts, "bare", "articles_per_s")
        off = _get(parts, "offline", "articles_per_s")
        one = _get(parts, "end_to_end", "articles_per_s")
        two = _get(parts, "two_workers", "articles_per_s")
        bare_cpu = _get(parts, "bare", "articles_per_cpu_s")
        off_cpu = _get(parts, "offline", "articles_per_cpu_s")
        out[name] = {
            "offline_over_bare": off / bare if off and bare else None,
            "offline_over_bare_cpu": off_cpu / bare_cpu if off_cpu and bare_cpu else None,
            "end_to_end_over_offline": one / off if one and off else None,
            "end_to_end_over_offline_cpu": (_get(parts, "end_to_end", "articles_per_cpu_s") / off_cpu
                                            if _get(parts, "end_to_end", "articles_per_cpu_s") and off_cpu else None),
            "two_over_one_worker": two / one if two and one else None,
        }
    return out


def verdicts(result: dict[str, Any]) -> list[tuple[str, str, bool | None, str]]:
    """(set, target, met, measured) for every target of the issue; met is None when that part did not run."""
    out: list[tuple[str, str, bool | None, str]] = []

    def ratio(name: str, what: str, value: float | None, cpu: float | None, limit: float) -> None:
        measured = f"{_num(value, '{:.2f}')}" + (f" (by CPU time {cpu:.2f})" if cpu is not None else "")
        out.append((name, what, None if value is None else value >= limit, measured))

    for name, r in result["ratios"].items():
        limit = OFFLINE_OVER_BARE.get(name, 1.5)
        ratio(name, f"offline >= {limit:g} x bare", r["offline_over_bare"], r["offline_over_bare_cpu"], limit)
        ratio(name, "end-to-end >= 0.85 x offline", r["end_to_end_over_offline"], r["end_to_end_over_offline_cpu"],
              0.85)
        ratio(name, "two workers >= 1.6 x one", r["two_over_one_worker"], None, 1.6)
        lat = _get(result, "sets", name, "latency")
        if lat:
            worst = max(_get(lat, "latency_events", "p99_ms") or 0.0, _get(lat, "latency_all", "p99_ms") or 0.0)
            out.append((name, "p99 latency <= 1 s at half load", worst <= P99_LIMIT_MS if lat["complete"] else False,
                        f"{worst:.0f} ms" + ("" if lat["complete"] else ", incomplete")))
        else:
            out.append((name, "p99 latency <= 1 s at half load", None, "n/a"))
    f1 = result.get("f1")
    if f1 and "before" in f1 and "after" in f1:
        lost = [k for k in f1["after"] if f1["after"][k] + 1e-9 < f1["before"].get(k, 0.0)]
        out.append(("dev", "no loss of dev-set F1", not lost, f"lost: {', '.join(lost)}" if lost else "none lost"))
    return out


def render(result: dict[str, Any]) -> str:
    lines: list[str] = []
    meta = result["meta"]
    lines.append(f"Parley bench  {meta['started']}  model {meta['model']}  batch {meta['batch_size']}  "
                 f"cpus {meta['cpus']}  load avg {meta['loadavg_start']} -> {meta.get('loadavg_end', '?')}")
    lines.append(f"command: {meta['command']}")
    lines.append("")
    header = (f"{'set':10} {'part':34} {'articles':>8} {'words':>7} {'seconds':>8} {'articles/s':>10} {'words/s':>9} "
              f"{'art/CPU-s':>9} {'load':>5}")
    lines.append(header)
    lines.append("-" * len(header))
    labels = {"bare": "1 bare spaCy nlp.pipe (stock)", "offline": "2 offline parley extract (1 proc)",
              "end_to_end": "3 end-to-end, 1 worker", "two_workers": "4 end-to-end, 2 workers"}
    for name, parts in result["sets"].items():
        for key, label in labels.items():
            p = parts.get(key)
            if not p:
                lines.append(f"{name:10} {label:34} {'n/a':>8}")
                continue
            words = p.get("words") or parts.get("words")
            wps = words / p["seconds"] if words and p.get("seconds") and p.get("articles_per_s") else None
            lines.append(f"{name:10} {label:34} {p['articles']:>8} {_num(words, '{:d}'):>7} "
                         f"{_num(p['seconds'], '{:.2f}'):>8} {_num(p['articles_per_s']):>10} {_num(wps, '{:.0f}'):>9} "
                         f"{_num(p.get('articles_per_cpu_s')):>9} {_num(p.get('loadavg'), '{:.1f}'):>5}"
                         + (f"  NLP on CPU {p['nlp_busy']:.0%}, waiting for CPU {p['nlp_waiting_for_cpu']:.0%}, idle "
                            f"{max(0.0, 1 - p['nlp_busy'] - p['nlp_waiting_for_cpu']):.0%}; main CPU "
                            f"{p['main_cpu_seconds']:.1f} s" if p.get("nlp_waiting_for_cpu") is not None else "")
                         + ("" if p.get("complete", True) else "  INCOMPLETE")
                         + (f"  events missing {p['events_missing']}" if p.get("events_missing") else ""))
    lines.append("")
    lines.append("3 latency at half load (send -> last event; 'all' from /health counters, FIFO-matched):")
    for name, parts in result["sets"].items():
        lat = parts.get("latency")
        if not lat:
            lines.append(f"  {name:10} n/a")
            continue
        for kind in ("latency_events", "latency_all"):
            p = lat[kind]
            label = "articles with events" if kind == "latency_events" else "all articles"
            lines.append(f"  {name:10} {label:21} rate {lat['rate_target']:.1f}/s  n={p.get('n', 0):>4}  "
                         f"load {_num(lat.get('loadavg'), '{:.1f}')}  "
                         f"p50 {_num(p.get('p50_ms'), '{:.0f}')} ms  p95 {_num(p.get('p95_ms'), '{:.0f}')} ms  "
                         f"p99 {_num(p.get('p99_ms'), '{:.0f}')} ms  max {_num(p.get('max_ms'), '{:.0f}')} ms")
    lines.append("")
    lines.append("per-stage cost (ms per article, each text once, Parley's pipeline):")
    for name, parts in result["sets"].items():
        s = parts.get("stages")
        if not s or "parse_ms" not in s:
            lines.append(f"  {name:10} n/a" + (f" ({s['error']})" if s and "error" in s else ""))
            continue
        lines.append(f"  {name:10} n={s['articles']:>3}  spaCy parse {s['parse_ms']:.1f}  |  layer {s['layer_ms']:.2f} "
                     f"(resolver {s['resolver_ms']:.2f} + meetings {s['meetings_ms']:.2f} + quotes "
                     f"{s['quotes_ms']:.2f})  layer/parse {s['layer_over_parse']:.1%}")
    lines.append("")
    lines.extend(_http_lines(result.get("http")))
    mem = result.get("memory")
    if mem:
        lines.append("5 peak memory (VmHWM, MiB): " + "; ".join(
            f"worker {i + 1}: " + " + ".join(f"{k.split('-')[0]} {v / 1024:.0f}" for k, v in w.items())
            + f" = {sum(w.values()) / 1024:.0f}" for i, w in enumerate(mem)))
    else:
        lines.append("5 peak memory (VmHWM): n/a")
    f1 = result.get("f1")
    if f1:
        lines.append("")
        lines.append(f"dev-set F1 ({f1.get('articles', '?')} articles): before = extractors on the stock pipeline's "
                     "Doc, every sentence; after = `parley extract` as shipped")
        for key in f1.get("after", {}):
            lines.append(f"  {key:26} before {_num(_get(f1, 'before', key), '{:.3f}')}  "
                         f"after {_num(_get(f1, 'after', key), '{:.3f}')}")
        if "error" in f1:
            lines.append(f"  error: {f1['error']}")
    if result.get("stream_error"):
        lines.append("")
        tail = [ln.strip(" │") for ln in result["stream_error"].splitlines() if ln.strip(" │")]
        lines.append("stream parts failed: " + " / ".join(tail[:1] + tail[-2:])[:500])
    lines.append("")
    lines.append("ratios:")
    for name, r in result["ratios"].items():
        lines.append(f"  {name:10} offline/bare {_num(r['offline_over_bare'], '{:.2f}')} "
                     f"(by CPU time {_num(r['offline_over_bare_cpu'], '{:.2f}')})   "
                     f"end-to-end/offline {_num(r['end_to_end_over_offline'], '{:.2f}')} "
                     f"(by CPU time {_num(r['end_to_end_over_offline_cpu'], '{:.2f}')})   "
                     f"two-workers/one-worker {_num(r['two_over_one_worker'], '{:.2f}')}")
    lines.append("")
    lines.append("targets:")
    for name, what, met, measured in result["verdicts"]:
        lines.append(f"  {'n/a ' if met is None else ('PASS' if met else 'FAIL')}  {name:10} {what:32} {measured}")
    return "\n".join(lines)


def _http_lines(http: dict[str, Any] | None) -> list[str]:
    if not http or http.get("status") != "ok":
        return [f"5 HTTP table lookups: n/a ({(http or {}).get('why', 'not run')})"]
    lat = http.get("latency", {})
    results = lat.get("results", {})
    out = [f"5 HTTP table lookups over {http['paths']} paths (/countries, each country, each pair):"]
    for i, (url, thr) in enumerate(http["throughput"].items(), 1):
        line = (f"  worker {i}: {thr['lookups_per_s']:.0f} lookups/s ({thr['concurrency']} concurrent clients, "
                f"{thr['errors']} errors)")
        a = _get(results, url, "all")
        line += (f"; latency p50 {a['p50_ms']:.1f} ms p99 {a['p99_ms']:.1f} ms max {a['max_ms']:.1f} ms over {a['n']} "
                 "sequential requests (bench_http.py)" if a else f"; latency n/a ({lat.get('why', '?')})")
        out.append(line)
    return out
