"""Scoring candidates with the shipped weights, and turning accepted ones into `Meeting` records.

The weights file (`--out` of `train`) holds {"weights": {feature: w}, "threshold": t,
"trained_on": [...]}: written by `train`, read once per process. One record per country set: the best-scoring
sentence gives its evidence, kind, status and date."""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.learned_meetings.candidates import Candidate, candidates_of
from bench.learned_meetings.features import features_of, status_guess
from extractors.core.dates import find_dates, resolve_date
from extractors.core.types import Meeting, Participant
from extractors.meetings.args import Lookup
from extractors.meetings.extract import evidence_span

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Doc

WEIGHTS_PATH = Path("/tmp/learned_meetings.json")  # an experiment: never shipped in the package
CONFIDENCE = 0.6  # records of the learned pass: below every rule basis


@functools.lru_cache(maxsize=2)
def load_weights(path: str | None = None) -> dict[str, Any] | None:
    p = Path(path) if path else WEIGHTS_PATH
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def probability(features: dict[str, float], weights: dict[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def featurize(doc: Doc, lookup: Lookup, rule_meetings: list[Meeting]) -> list[tuple[Candidate, str]]:
    """Every candidate of the article with its features filled in, and its status reading."""
    cands = candidates_of(doc, lookup, rule_meetings)
    per_set: dict[tuple[str, ...], set[int]] = {}
    for c in cands:
        per_set.setdefault(c.countries, set()).add(c.sent.start)
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    out = []
    for c in cands:
        status = status_guess(c)
        c.features = features_of(c, lookup, rule_meetings, len(per_set[c.countries]),
                                 sent_index.get(c.sent.start, 99), status)
        out.append((c, status or "held"))
    return out


def to_meeting(c: Candidate, status: str, lookup: Lookup, published: date | None, confidence: float) -> Meeting:
    start, body = evidence_span(c.sent, c.trigger.idx, lookup.text)
    participants = []
    for m in c.mentions:
        if m.token.ent_type_ == "PERSON":
            name, country, role, _kind = lookup.actor(lookup.ent_span(m.token))
            if name:
                participants.append(Participant(name=name, country=country or m.code, role=role))
    found = find_dates(body)
    rd = resolve_date(found[0].text, published, future=status == "planned") if found else None
    return Meeting(
        countries=sorted(c.countries), participants=participants, kind=c.kind, status=status, evidence=body,
        evidence_start=start, evidence_end=start + len(body),
        date=rd.date if rd else None, date_text=rd.text if rd else None,
        date_granularity=rd.granularity if rd else None, date_period=rd.period if rd else None,
        confidence=confidence,
    )


def learned_meetings(doc: Doc, lookup: Lookup, rule_meetings: list[Meeting], published: date | None,
                     model: dict[str, Any]) -> list[Meeting]:
    """Meetings the rules missed and the model accepts (probability over the shipped threshold)."""
    weights, threshold = model["weights"], model["threshold"]
    best: dict[tuple[str, ...], tuple[float, Candidate, str]] = {}
    for c, status in featurize(doc, lookup, rule_meetings):
        p = probability(c.features, weights)
        if p >= threshold and (c.countries not in best or p > best[c.countries][0]):
            best[c.countries] = (p, c, status)
    out = []
    for _p, c, status in sorted(best.values(), key=lambda x: x[1].sent.start):
        out.append(to_meeting(c, status, lookup, published, CONFIDENCE))
    return out
