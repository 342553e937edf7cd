"""The day of the story for held contacts told without time words of their own.

A news report gives the day of its event once, in the lead ("X and Y agreed on Wednesday to ..."), and tells the
contact itself in the next sentences without repeating it ("Ruto received the minister at State House, where the two
discussed ..."). Such a contact happened on the lead's day. Only the first sentences of the story take it, only when
the lead names exactly one recent day (and no event of several days), never for a trip (trips span days), and never
for a contact told as background: in a perfect tense ("had travelled",
"have met") or placed by a distance in time ("two weeks after", "days earlier", "earlier in the week").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from extractors.core.dates import ResolvedDate, day_shift, find_dates
from extractors.meetings.mentions import _days_told

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extractors.meetings.merge import Record

# how far into the story (sentences after the lead) a contact still belongs to the lead's event
STORY_SENTENCES = 4
# the lead's day must be this recent: older days are the subject of analysis pieces, not of the day's report
MAX_AGE_DAYS = 7
# words that set a contact apart in time from the story's day
_APART = re.compile(
    r"\b(?:(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|earlier|later|ago)|"
    r"earlier\s+in\s+the\s+week|this\s+week|last|previous|since|ago|former|once|first\s+time|in\s+the\s+past)\b",
    re.IGNORECASE,
)
# a lead that tells an event of several days ("a three-day visit") gives its first day, not the story's one day
_SPAN_OF_DAYS = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)[- ]days?\b"
                           r"(?!\s+(?:after|before|earlier|later|ago))", re.IGNORECASE)
PERFECT_AUX = frozenset({"has", "have", "had", "'d", "'ve"})


def date_from_lead(records: list[Record], doc: Doc, published: date | None) -> None:
    """Gives the lead's day to held contacts with no time words, told within the first sentences after it."""
    if published is None:
        return
    sents = list(doc.sents)
    lead = next((s for s in sents if s.text.strip()), None)
    if lead is None:
        return
    day = _lead_day(lead, published)
    if day is None:
        return
    order = {s.start: k for k, s in enumerate(sents)}
    for rec in records:
        if rec.status != "held" or rec.kind == "visit" or rec.date is not None or not rec.mentions:
            continue
        if any(_dated_apart(m.sent) for m in rec.mentions):
            continue
        first = min(rec.mentions, key=lambda m: m.sent.start)
        at = order.get(first.sent.start)
        if at is None or at == 0 or at > STORY_SENTENCES or _perfect(first.trigger):
            continue
        rec.date = ResolvedDate(day, None, "day", day)


def _lead_day(lead: Span, published: date) -> str | None:
    """The one day the lead names (not a day placed from another event), if recent and not after publication."""
    if any(day_shift(d.text) is not None for d in find_dates(lead.text)) or _SPAN_OF_DAYS.search(lead.text):
        return None
    days = set(_days_told(lead, published))
    if len(days) != 1:
        return None
    day = days.pop()
    when = date.fromisoformat(day)
    if when > published or published - when > timedelta(days=MAX_AGE_DAYS):
        return None
    return day


def _dated_apart(sent: Span) -> bool:
    """The sentence has time words of its own, or words that set its contact apart from the story's day."""
    return bool(find_dates(sent.text)) or bool(_APART.search(sent.text))


def _perfect(trigger: Token) -> bool:
    """"had travelled to X for talks", "have met twice": a perfect tense tells background, not the day's event."""
    x = trigger
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in PERFECT_AUX for c in x.children):
            return True
        if x.head.i == x.i:
            break
        x = x.head
    return False
