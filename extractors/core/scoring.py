"""Scores extractions against a gold corpus by the rules of ../shared/corpus/SCORING.md.

`parley eval` prints these numbers; a test holds them equal to the reference scorer's on the same files.
A bootstrap over articles gives 95% intervals, since the dev set is small.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

_NAME_STOPWORDS = {"a", "an", "the", "mr", "mrs", "ms", "dr", "of", "his", "her", "their", "its"}
_STRAIGHTEN = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_WORD = re.compile(r"\w+")

Row = dict[str, Any]


def words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").translate(_STRAIGHTEN).lower())


def same_name(gold: str | None, pred: str | None) -> bool:
    g = [w for w in words(gold) if w not in _NAME_STOPWORDS]
    p = [w for w in words(pred) if w not in _NAME_STOPWORDS]
    if not g or not p:
        return False
    if g[-1] == p[-1]:
        return True
    return len(set(g) & set(p)) >= 0.5 * min(len(set(g)), len(set(p)))


def span_match(gold_text: str | None, pred_text: str | None) -> float:
    g, p = words(gold_text), words(pred_text)
    if not g or not p:
        return 0.0
    common = sum((Counter(g) & Counter(p)).values())
    if common >= 0.5 * len(g) and common >= 0.5 * len(p):
        return common / max(len(g), len(p))
    return 0.0


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4)}


def _pair_up(gold: Sequence[Row], pred: Sequence[Row], score: Callable[[Row, Row], float]) -> list[tuple[int, int]]:
    scored = [(s, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred) if (s := score(g, p)) > 0]
    scored.sort(key=lambda item: -item[0])  # stable: equal scores keep gold-then-pred order
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    pairs = []
    for _, gi, pi in scored:
        if gi not in taken_g and pi not in taken_p:
            taken_g.add(gi)
            taken_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _countries(meeting: Row) -> frozenset[str]:
    return frozenset(c for c in (meeting.get("countries") or []) if c)


def _meeting_similarity(strict: bool) -> Callable[[Row, Row], float]:
    def similarity(g: Row, p: Row) -> float:
        if _countries(g) != _countries(p) or len(_countries(g)) < 2:
            return 0.0
        if strict and g.get("status") != p.get("status"):
            return 0.0
        same_date = g.get("date") is not None and g.get("date") == p.get("date")
        return 1.0 + 0.5 * span_match(g.get("evidence", ""), p.get("evidence", "")) + 0.1 * same_date
    return similarity


def _held_pairs(meetings: Sequence[Row]) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for m in meetings:
        if m.get("status", "held") != "held":
            continue
        codes = sorted(_countries(m))
        pairs.update((a, b) for i, a in enumerate(codes) for b in codes[i + 1:])
    return pairs


class _Rates:
    def __init__(self) -> None:
        self.n: Counter[str] = Counter()
        self.ok: Counter[str] = Counter()

    def add(self, key: str, ok: bool) -> None:
        self.n[key] += 1
        self.ok[key] += bool(ok)

    def rate(self, key: str) -> float | None:
        return round(self.ok[key] / self.n[key], 4) if self.n[key] else None


class _Tally:
    """What `score` counts over the articles: matches per figure, attribute rates, quote recall by type."""

    FIGURES = ("meetings", "meetings_ignoring_status", "participants", "contact_pairs", "quotes_span",
               "quotes_attributed")

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {k: Counter() for k in self.FIGURES}
        self.rates = _Rates()
        self.by_type: dict[str, Counter[str]] = {t: Counter() for t in ("direct", "partial", "indirect")}

    def add(self, figure: str, n_gold: int, n_pred: int, n_matched: int) -> None:
        c = self.counts[figure]
        c["tp"] += n_matched
        c["fp"] += n_pred - n_matched
        c["fn"] += n_gold - n_matched

    def prf(self, figure: str) -> dict[str, float | int]:
        c = self.counts[figure]
        return _prf(c["tp"], c["fp"], c["fn"])


def _unmatched(details: list[Row], row_id: str, what: str, gold: Sequence[Row], pred: Sequence[Row],
               matched: list[tuple[int, int]]) -> None:
    hit_g = {gi for gi, _ in matched}
    hit_p = {pi for _, pi in matched}
    details.extend({"id": row_id, "miss": what, "gold": gold[i]} for i in range(len(gold)) if i not in hit_g)
    details.extend({"id": row_id, "spurious": what, "pred": pred[i]} for i in range(len(pred)) if i not in hit_p)


def _score_meetings(tally: _Tally, row_id: str, gm: Sequence[Row], pm: Sequence[Row],
                    details: list[Row] | None) -> None:
    for figure, strict in (("meetings", True), ("meetings_ignoring_status", False)):
        matched = _pair_up(gm, pm, _meeting_similarity(strict))
        tally.add(figure, len(gm), len(pm), len(matched))
        if not strict:
            continue
        for gi, pi in matched:
            _score_meeting_attributes(tally, gm[gi], pm[pi])
        if details is not None:
            _unmatched(details, row_id, "meeting", gm, pm, matched)
    gpairs, ppairs = _held_pairs(gm), _held_pairs(pm)
    tally.add("contact_pairs", len(gpairs), len(ppairs), len(gpairs & ppairs))


def _score_meeting_attributes(tally: _Tally, g: Row, p: Row) -> None:
    rates = tally.rates
    rates.add("kind", g.get("kind") == p.get("kind"))
    if g.get("date"):
        rates.add("date", g.get("date") == p.get("date"))
    if g.get("location_country"):
        rates.add("location_country", g.get("location_country") == p.get("location_country"))
    gp, pp = g.get("participants") or [], p.get("participants") or []
    found = _pair_up(gp, pp, lambda a, b: 1.0 if same_name(a.get("name"), b.get("name")) else 0.0)
    tally.add("participants", len(gp), len(pp), len(found))
    for a, b in found:
        if gp[a].get("country"):
            rates.add("participant_country", gp[a].get("country") == pp[b].get("country"))


def _score_quotes(tally: _Tally, row_id: str, gq: Sequence[Row], pq: Sequence[Row],
                  details: list[Row] | None) -> None:
    rates = tally.rates
    matched = _pair_up(gq, pq, lambda g, p: span_match(g.get("text", ""), p.get("text", "")))
    tally.add("quotes_span", len(gq), len(pq), len(matched))
    attributed = set()
    for gi, pi in matched:
        g, p = gq[gi], pq[pi]
        ok = same_name(g.get("speaker"), p.get("speaker"))
        if ok:
            attributed.add(gi)
        rates.add("speaker", ok)
        if g.get("speaker_country"):
            rates.add("speaker_country", g.get("speaker_country") == p.get("speaker_country"))
        rates.add("type", g.get("type") == p.get("type"))
    tally.add("quotes_attributed", len(gq), len(pq), len(attributed))
    for gi, g in enumerate(gq):
        kind = g.get("type", "direct")
        if kind in tally.by_type:
            tally.by_type[kind]["n"] += 1
            tally.by_type[kind]["found"] += gi in attributed
    if details is not None:
        _unmatched(details, row_id, "quote", gq, pq, matched)
        details.extend({"id": row_id, "wrong_speaker": gq[gi].get("speaker"),
                        "pred_speaker": pq[pi].get("speaker"), "text": gq[gi].get("text")}
                       for gi, pi in matched if gi not in attributed)


def score(gold_rows: Sequence[Row], pred_by_id: dict[str, Row], details: list[Row] | None = None) -> dict[str, Any]:
    tally = _Tally()
    for row in gold_rows:
        gold = row.get("gold", {})
        pred = pred_by_id.get(row["id"], {})
        gm, pm = gold.get("meetings", []), pred.get("meetings", []) or []
        gq, pq = gold.get("quotes", []), pred.get("quotes", []) or []
        quotes_scored = gq is not None
        gq = gq or []
        if gm is None:
            gm = pm = []
        _score_meetings(tally, row["id"], gm, pm, details)
        if quotes_scored:
            _score_quotes(tally, row["id"], gq, pq, details)
    rates = tally.rates
    return {
        "articles": len(gold_rows),
        "meetings": tally.prf("meetings"),
        "meetings_ignoring_status": tally.prf("meetings_ignoring_status"),
        "meeting_attributes": {
            "kind_accuracy": rates.rate("kind"),
            "date_accuracy": rates.rate("date"),
            "location_country_accuracy": rates.rate("location_country"),
            "participants": tally.prf("participants"),
            "participant_country_accuracy": rates.rate("participant_country"),
        },
        "contact_pairs": tally.prf("contact_pairs"),
        "quotes_span": tally.prf("quotes_span"),
        "quotes_attributed": tally.prf("quotes_attributed"),
        "quote_attributes": {
            "speaker_accuracy": rates.rate("speaker"),
            "speaker_country_accuracy": rates.rate("speaker_country"),
            "type_accuracy": rates.rate("type"),
        },
        "quote_recall_by_type": {t: (round(c["found"] / c["n"], 4) if c["n"] else None)
                                 for t, c in tally.by_type.items()},
    }


# Figures that get a bootstrap interval: (path into the score dict, label).
BOOTSTRAPPED = (
    (("meetings", "f1"), "meetings F1"),
    (("contact_pairs", "f1"), "contact_pairs F1"),
    (("meeting_attributes", "kind_accuracy"), "kind_accuracy"),
    (("meeting_attributes", "participant_country_accuracy"), "participant_country_accuracy"),
    (("quotes_span", "f1"), "quotes_span F1"),
    (("quotes_attributed", "f1"), "quotes_attributed F1"),
    (("quote_attributes", "speaker_country_accuracy"), "speaker_country_accuracy"),
    (("quote_recall_by_type", "direct"), "recall direct"),
    (("quote_recall_by_type", "partial"), "recall partial"),
    (("quote_recall_by_type", "indirect"), "recall indirect"),
)


def bootstrap(gold_rows: Sequence[Row], pred_by_id: dict[str, Row], rounds: int = 1000,
              seed: int = 7) -> dict[str, tuple[float, float]]:
    """95% percentile intervals from resampling whole articles with replacement (seeded: same input, same
    interval)."""
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {label: [] for _, label in BOOTSTRAPPED}
    n = len(gold_rows)
    for _ in range(rounds):
        rows = []
        for i in range(n):
            row = dict(gold_rows[rng.randrange(n)])
            row["id"] = f"{row['id']}#{i}"
            rows.append(row)
        preds = {r["id"]: pred_by_id.get(r["id"].rsplit("#", 1)[0], {}) for r in rows}
        result = score(rows, preds)
        for path, label in BOOTSTRAPPED:
            value: Any = result
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            if value is not None:
                samples[label].append(float(value))
    out = {}
    for label, values in samples.items():
        if values:
            values.sort()
            last = len(values) - 1
            out[label] = (round(values[int(0.025 * last)], 4), round(values[int(0.975 * last)], 4))
    return out
