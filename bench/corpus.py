"""The article sets every part of the benchmark runs on, so that their ratios compare like with like.

Two sets, as the issue asks: `diplomatic` (seed + dev, the texts the extractors are built for) and `wire` (the 121
non-diplomatic stream texts plus the diplomatic ones, about four in five not diplomatic, as a news wire is). Each
is cycled to a minimum size; cycles after the first get a suffix on the id, so every article is unique on the
topic and in the worker's counters, while the texts (and so the NLP work) repeat exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
FIELDS = ("id", "url", "source", "published", "title", "text")  # what a feeder sends: no gold, no notes


@dataclass(frozen=True)
class ArticleSet:
    name: str
    rows: list[dict[str, Any]]  # input-contract objects (no gold), unique ids
    diplomatic_share: float

    @property
    def words(self) -> int:
        return sum(len(r["text"].split()) for r in self.rows)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open("rb") as fh:
        return [orjson.loads(line) for line in fh if line.strip()]


def corpus_available(corpus: Path = CORPUS) -> bool:
    return all((corpus / name).exists() for name in ("seed.jsonl", "dev.jsonl", "stream.jsonl"))


def _strip(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in FIELDS if row.get(k) is not None}


def cycle(rows: list[dict[str, Any]], minimum: int, exact: bool = False) -> list[dict[str, Any]]:
    """`rows` repeated in whole cycles until there are at least `minimum` (each text equally often), or exactly
    `minimum` when `exact` (smoke runs) or when minimum < len(rows)."""
    if minimum <= len(rows):
        return [dict(r) for r in rows[:minimum]]
    out: list[dict[str, Any]] = []
    n = 0
    while len(out) < minimum:
        out.extend(r if n == 0 else {**r, "id": f"{r['id']}~c{n}"} for r in rows)
        n += 1
    return out[:minimum] if exact else out


def interleave(major: list[dict[str, Any]], minor: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Spread `minor` evenly through `major`, so any prefix of the set (the --quick sizes) has the set's mix."""
    total = len(major) + len(minor)
    slots = {int((k + 0.5) * total / len(minor)) for k in range(len(minor))} if minor else set()
    rest_major, rest_minor = iter(major), iter(minor)
    return [next(rest_minor) if i in slots else next(rest_major) for i in range(total)]


def build_sets(minimum: int, corpus: Path = CORPUS, exact: bool = False) -> dict[str, ArticleSet]:
    diplomatic = [_strip(r) for r in read_jsonl(corpus / "seed.jsonl") + read_jsonl(corpus / "dev.jsonl")]
    stream = [_strip(r) for r in read_jsonl(corpus / "stream.jsonl")]
    wire = interleave(stream, diplomatic)
    share = len(diplomatic) / len(wire)
    return {
        "diplomatic": ArticleSet("diplomatic", cycle(diplomatic, minimum, exact), 1.0),
        "wire": ArticleSet("wire", cycle(wire, minimum, exact), share),
    }


def dev_gold(corpus: Path = CORPUS) -> list[dict[str, Any]]:
    """The dev set with its gold annotations: the F1 the speed work must not lose."""
    return read_jsonl(corpus / "dev.jsonl")
