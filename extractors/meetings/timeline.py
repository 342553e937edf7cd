"""The day of a held contact told in the story's sequence without time words of its own.

Reports walk through one day's events and tie the next contact to the last one told: "shortly afterward",
"Earlier, the two leaders held ...", "Before that, he met ...", "X later called on Y". Such a contact happened on
the day the story last told (the nearest sentence before it naming exactly one day), or, when no sentence before it
names one, on the lead's day. Two page styles date a contact with no words at all: a live blog's time-stamped entry
("11.02am: X and Y shake hands") is on the day of the page, and a readout whose first line is the contact itself
("X held talks with Y" as a line of its own, with no closing mark) is on the day it was published.

Never for a contact set apart in time ("years ago", "earlier in the year", "last met"), told in a present perfect
("have met several times"), planned, or a visit (visits span days).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from extractors.core.datelines import dateline_end
from extractors.core.dates import ResolvedDate, find_dates, resolve_date
from extractors.meetings.storyday import (
    MAX_AGE_DAYS,
    PERFECT_AUX,
    TRIP_WORDS,
    apart_words,
    lead_day,
    lead_index,
    told_in_perfect,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from extractors.meetings.merge import Record

# words that tie a contact to the event told just before it
_SEQUENCE = re.compile(
    r"\b(?:earlier|later|afterwards?|subsequently|thereafter|(?:before|after|following)\s+(?:that|it|this)|"
    r"in\s+the\s+(?:morning|afternoon|evening))\b", re.IGNORECASE)
# sequence words that tell a contact back from the event told before it
_TOLD_BACK = re.compile(r"\b(?:earlier|before\s+(?:that|it|this))\b", re.IGNORECASE)
# time words that only place a contact in the story's sequence
_SEQUENCE_ONLY = re.compile(r"(?:shortly|soon|earlier|later|afterwards?|immediately|just|right)"
                            r"(?:\s+(?:after|afterwards?|thereafter|before))?|in\s+the\s+(?:morning|afternoon|evening)")
QUOTE_MARKS = ('"', "\u201c", "\u201d")
# how many sentences back the day a sequence word refers to may be told
LOOKBACK_SENTENCES = 4
# a live blog's entry stamp at the head of a paragraph: "11.02am:", "15:45 —", "9.04 a.m. -"
_STAMP = re.compile(r"^\s*\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?::|—|–|-)", re.IGNORECASE | re.MULTILINE)


def date_from_timeline(records: list[Record], doc: Doc, published: date | None) -> None:
    """Gives held contacts with no day the day the story's sequence, a live blog's stamp or a readout's first line
    places them on."""
    if published is None:
        return
    sents = list(doc.sents)
    index = {s.start: k for k, s in enumerate(sents)}
    live = len(_STAMP.findall(doc.text)) >= 2
    for rec in records:
        if rec.status != "held" or rec.kind == "visit" or not rec.mentions:
            continue
        if rec.date is not None and (rec.date.date is not None or rec.date.granularity is not None):
            continue
        first = min(rec.mentions, key=lambda m: m.sent.start)
        k = index.get(first.sent.start)
        if k is None or any(_timed(m.sent) for m in rec.mentions):
            continue
        day = None
        if live and _stamped(first.sent):
            day = published.isoformat()
        elif _SEQUENCE.search(first.sent.text) and not told_in_perfect(first.trigger):
            back = bool(_TOLD_BACK.search(first.sent.text))
            day = _day_before(sents, k, published, back) or _lead_day_of_one_event(doc, sents, published)
        elif k == lead_index(sents) and _readout_head(first.sent) and not told_in_perfect(first.trigger):
            day = published.isoformat()
        if day is not None:
            rec.date = ResolvedDate(day, rec.date.text if rec.date else None, "day", day)


def _lead_day_of_one_event(doc: Doc, sents: list[Span], published: date) -> str | None:
    """The lead's day, unless the lead tells a trip ("wrapped up a tour on Monday"): "earlier" is then some day of
    it."""
    k = lead_index(sents)
    if k is None or TRIP_WORDS.search(sents[k].text):
        return None
    return lead_day(doc, published)


def _timed(sent: Span) -> bool:
    """The sentence tells a time of its own ("shortly", "soon", "earlier" only place it in the sequence) or words
    that set it apart."""
    return apart_words(sent.text) or any(not _SEQUENCE_ONLY.fullmatch(d.text.lower().strip())
                                                for d in find_dates(sent.text))


def _day_before(sents: list[Span], k: int, published: date, back: bool) -> str | None:
    """The day told by the nearest earlier sentence that names exactly one recent day (a sentence naming two days
    is passed over: it tells no single day the story stands on, and so are a quotation, "Today ASEAN shows ...",
    and background)."""
    for s in reversed(sents[max(0, k - LOOKBACK_SENTENCES) : k]):
        if any(q in s.text for q in QUOTE_MARKS) or _background(s):
            continue
        skip = dateline_end(s.doc.text) - s.start_char
        days = {r.date for d in find_dates(s.text) if d.start >= skip
                if (r := resolve_date(d.text, published)).date and r.granularity == "day"}
        days = {d for d in days if timedelta(0) <= published - date.fromisoformat(d) <= timedelta(days=MAX_AGE_DAYS)}
        if len(days) == 1:
            # "wrapped up a tour on Monday. X had earlier met Y": told back from a trip's end, some day of the trip
            return None if back and TRIP_WORDS.search(s.text) else days.pop()
    return None


def _background(sent: Span) -> bool:
    """The sentence tells its events in a perfect tense ("where X had hosted him on Sunday") or sets them apart:
    background, not the day the story walks through."""
    return apart_words(sent.text) or any(
        t.dep_ in ("aux", "auxpass") and t.lower_ in PERFECT_AUX and t.head.tag_ == "VBN" for t in sent)


def _stamped(sent: Span) -> bool:
    """The sentence stands in a paragraph that opens with a clock stamp."""
    text = sent.doc.text
    start = text.rfind("\n", 0, sent.start_char) + 1
    return bool(_STAMP.match(text, start))


def _readout_head(sent: Span) -> bool:
    """The sentence is a headline-like first line: the whole first paragraph, with no closing mark and no time, and
    a body below it ("X held talks with Y")."""
    text = sent.doc.text
    if dateline_end(text) or text[: sent.start_char].strip():
        return False
    end = text.find("\n", sent.start_char)
    if end == -1 or not text[end:].strip():
        return False
    para = text[sent.start_char : end].strip()
    return para == sent.text.strip() and para[-1:] not in ".!?:\"\u201d" and not find_dates(para)
