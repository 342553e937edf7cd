"""What extraction produces. Field names follow the gold format (../shared/corpus/ANNOTATION.md), so an
Extraction's `to_dict()` is directly a line of `parley extract` output and scorable by SCORING.md; the extra
fields (offsets, confidence, granularity) are ignored by the scorer and carried into the events."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

MAX_COPIED_TEXT = 2000  # evidence and quote texts copied into events are capped at this many characters


def cap(text: str | None, limit: int = MAX_COPIED_TEXT) -> str | None:
    return text if text is None or len(text) <= limit else text[:limit]


@dataclass(slots=True)
class Participant:
    name: str
    country: str | None
    role: str | None


@dataclass(slots=True)
class Meeting:
    countries: list[str]  # sorted ISO3 / IGO:XX codes, at least two distinct
    participants: list[Participant]
    kind: str  # meeting | talks | summit | visit | call | dialogue | negotiation
    status: str  # held | planned | cancelled
    evidence: str
    evidence_start: int  # code-point offsets into the article text
    evidence_end: int
    date: str | None = None  # YYYY-MM-DD, only when the text gives the day (never invented)
    date_text: str | None = None  # the words that gave the time, kept even when nothing resolves
    date_granularity: str | None = None  # day | month | year, of what resolved
    date_period: str | None = None  # "2017-04" (month), "2017" (year) or the day itself
    location: str | None = None
    location_country: str | None = None
    host_country: str | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = cap(self.evidence)
        return d


@dataclass(slots=True)
class Quote:
    speaker: str | None
    speaker_country: str | None
    speaker_role: str | None
    type: str  # direct | partial | indirect
    text: str
    cue: str | None
    start: int  # code-point offsets of the (first part of the) quote text in the article text
    end: int
    parts: list[tuple[int, int]] = field(default_factory=list)  # offsets of each piece of a split quote
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["text"] = cap(self.text)
        d["parts"] = [list(p) for p in self.parts]
        return d


@dataclass(slots=True)
class Extraction:
    id: str
    meetings: list[Meeting] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "meetings": [m.to_dict() for m in self.meetings],
            "quotes": [q.to_dict() for q in self.quotes],
        }
