"""The day of the story for held contacts told without time words of their own.

A news report gives the day of its event once, in the lead ("X and Y agreed on Wednesday to ..."), and tells the
contact itself in the next sentences without repeating it ("Ruto received the minister at State House, where the two
discussed ..."). Such a contact happened on the lead's day. Only the first sentences of the story take it, only when
the lead names exactly one recent day (and no event of several days), never for a trip (trips span days), and never
for a contact told as background: in a perfect tense ("had travelled",
"have met") or placed by a distance in time ("two weeks after", "days earlier", "earlier in the week").

The lead is the first sentence with a verb: a dateline the parser cuts off as a sentence of its own ("MOSCOW, April
12.", "NEW DELHI:") is no lead. A contact of the lead itself that has no time words of its own ("X and Y on Sunday
signed ...", the day hung on another verb) takes the lead's day when the lead tells no other time. A past perfect
told with "earlier" ("Trump had earlier met X") is the story's own sequence, not background. When a sentence
between the lead and the contact tells one other day ("The deal came after talks late Sunday. X met Y at the
palace"), that nearer day is the contact's, unless it is a journey's ("arrived on Tuesday evening").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from extractors.core.datelines import dateline_end
from extractors.core.dates import ResolvedDate, day_shift, find_dates, resolve_date

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extractors.meetings.merge import Record

# how far into the story (sentences after the lead) a contact still belongs to the lead's event
STORY_SENTENCES = 4
# the lead's day must be this recent: older days are the subject of analysis pieces, not of the day's report
MAX_AGE_DAYS = 7
# words that set a contact apart in time from the story's day
APART = re.compile(
    r"\b(?:(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|earlier|later|ago)|"
    r"earlier\s+in\s+the\s+week|this\s+week|last|previous|since|ago|former|once|first\s+time|in\s+the\s+past)\b",
    re.IGNORECASE,
)
# "earlier in the year", "later that month": another stretch of time than the story's day
OTHER_STRETCH = re.compile(
    r"\b(?:earlier|later)\s+(?:in|this|that|last|next)\s+(?:the\s+)?(?:year|month|week|decade|century|season|"
    r"spring|summer|autumn|fall|winter|term)\b", re.IGNORECASE)
# a lead that tells an event of several days ("a three-day visit") gives its first day, not the story's one day
_SPAN_OF_DAYS = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)[- ]days?\b"
                           r"(?!\s+(?:after|before|earlier|later|ago))", re.IGNORECASE)
PERFECT_AUX = frozenset({"has", "have", "had", "'d", "'ve"})
SEQUENCE_ADVERBS = frozenset({"earlier"})


def date_from_lead(records: list[Record], doc: Doc, published: date | None) -> None:
    """Gives the lead's day to held contacts with no time words, told within the first sentences after it."""
    if published is None:
        return
    sents = list(doc.sents)
    lead_at = lead_index(sents)
    if lead_at is None:
        return
    lead = sents[lead_at]
    day = _lead_day(lead, published)
    if day is None:
        return
    order = {s.start: k - lead_at for k, s in enumerate(sents)}
    for rec in records:
        if rec.status != "held" or rec.kind == "visit" or rec.date is not None or not rec.mentions:
            continue
        if any(_in_lead_apart(m.sent, day, published) if m.sent.start == lead.start else dated_apart(m.sent)
               for m in rec.mentions):
            continue
        first = min(rec.mentions, key=lambda m: m.sent.start)
        at = order.get(first.sent.start)
        if at is None or at < 0 or at > STORY_SENTENCES or told_in_perfect(first.trigger):
            continue
        if at == 0 and (not _day_on_main_clause(lead) or _in_side_clause(first.trigger) or any(
                m.sent.start == lead.start and m.date is not None and m.date.date
                for r in records if r is not rec for m in r.mentions)):
            # "The accord, signed on Monday, followed a meeting between X and Y", "a tour that took him to X,
            # where he met Y", "briefed X on Friday about his talks in Y": the day of another event
            continue
        if _excused_perfect(first.trigger) and TRIP_WORDS.search(lead.text):
            continue  # "wrapped up a tour on Monday. X had earlier met Y": some day of the tour
        nearer = _nearer_day(sents[lead_at + 1 : lead_at + at], published)
        if nearer is not None and nearer != day:
            # "X said Monday he had a deal. The breakthrough came after talks with Y late Sunday. X met Y at the
            # palace": the day told just before the contact, not the lead's
            rec.date = ResolvedDate(nearer, None, "day", nearer)
            continue
        rec.date = ResolvedDate(day, None, "day", day)


def _nearer_day(between: list[Span], published: date) -> str | None:
    """The one day the last sentence between the lead and a contact tells, when it tells exactly one (no day
    counted from another event) and no journey ("arrived on Tuesday evening" is the trip's day, not a contact's);
    None when no sentence between them tells a day."""
    for s in reversed(between):
        found = find_dates(s.text)
        if not found:
            continue
        if any(day_shift(d.text) is not None for d in found) or any(
                t.lemma_.lower() in JOURNEY_LEMMAS for t in s) or TRIP_WORDS.search(s.text):
            return None
        days = {r.date for d in found if (r := resolve_date(d.text, published)).date and r.granularity == "day"}
        return days.pop() if len(days) == 1 else None
    return None


def lead_index(sents: list[Span]) -> int | None:
    """The first sentence with a verb past the dateline: "MOSCOW, April 12." or "NEW DELHI:" cut off by the parser
    tells nothing."""
    if not sents:
        return None
    head = dateline_end(sents[0].doc.text)
    for k, s in enumerate(sents[:4]):
        if any(t.pos_ in ("VERB", "AUX") and t.idx >= head for t in s):
            return k
    return None


def lead_day(doc: Doc, published: date) -> str | None:
    """The story's one day, told by its lead (see `date_from_lead`)."""
    sents = list(doc.sents)
    k = lead_index(sents)
    return None if k is None else _lead_day(sents[k], published)


# dependencies that open a clause of another event inside the lead ("The accord, signed on Monday, followed ...")
_SIDE_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "csubj", "pcomp"})


# verbs of a journey: the day they tell is the traveller's, not a contact's
JOURNEY_LEMMAS = frozenset({"arrive", "land", "fly", "travel", "leave", "depart", "return", "reach"})
# words of a trip of several days: "earlier" told back from its end is some day of it
TRIP_WORDS = re.compile(r"\b(?:tour|trip|visit|journey|swing)\b", re.IGNORECASE)


def _in_side_clause(trigger: Token) -> bool:
    """The contact word stands in a side clause of the lead ("a tour that took him to X, where he met Y")."""
    x = trigger
    while x.head.i != x.i:
        if x.dep_ in ("relcl", "acl", "advcl"):
            return True
        x = x.head
    return False


def _excused_perfect(trigger: Token) -> bool:
    """"had earlier met": a past perfect that `told_in_perfect` lets through as the day's sequence."""
    x, had = trigger, False
    for _ in range(3):
        had = had or any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in x.children)
        if x.head.i == x.i:
            break
        x = x.head
    return had and not told_in_perfect(trigger)


def _day_on_main_clause(lead: Span) -> bool:
    """Every time phrase of the lead hangs on its main clause, not on a side clause of another event."""
    skip = dateline_end(lead.doc.text) - lead.start_char
    for d in find_dates(lead.text):
        if d.start < skip:
            continue
        span = lead.doc.char_span(lead.start_char + d.start, lead.start_char + d.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        x = span.root
        while x.head.i != x.i:
            if x.dep_ in _SIDE_CLAUSE_DEPS:
                return False
            x = x.head
    return True


def _in_lead_apart(sent: Span, day: str, published: date) -> bool:
    """The lead tells a time other than its day ("X, who met Y in 2019, said on Monday ...") or background words."""
    skip = dateline_end(sent.doc.text) - sent.start_char
    others = [d for d in find_dates(sent.text) if d.start >= skip and resolve_date(d.text, published).date != day]
    return bool(others) or apart_words(sent.text)


def _lead_day(lead: Span, published: date) -> str | None:
    """The one recent day the lead names (not a day placed from another event, told before any such words: "on
    Thursday, a day after ..."), not after publication; days long past ("since the Feb 24 invasion") are the
    background's."""
    if _SPAN_OF_DAYS.search(lead.text):
        return None
    shifted = [d.start for d in find_dates(lead.text) if day_shift(d.text) is not None]
    skip = dateline_end(lead.doc.text) - lead.start_char
    told = [d for d in find_dates(lead.text) if d.start >= skip and (not shifted or d.end <= shifted[0])]
    if shifted and not told:
        return None
    days = {r.date for d in told if (r := resolve_date(d.text, published)).date and r.granularity == "day"}
    days = {d for d in days if timedelta(0) <= published - date.fromisoformat(d) <= timedelta(days=MAX_AGE_DAYS)}
    if len(days) != 1:
        return None
    return days.pop()


def dated_apart(sent: Span) -> bool:
    """The sentence has time words of its own, or words that set its contact apart from the story's day."""
    return bool(find_dates(sent.text)) or apart_words(sent.text)


# words that put a contact back from the time of the story ("years ago", "last met", "once"); not "a week after
# the fighting began", which places the story's own contact from another event
_BACK_FROM_NOW = re.compile(r"\b(?:ago|last|previous|previously|once|former|in\s+the\s+past)\b", re.IGNORECASE)


# "their first encounter since the war began", "for the first time since ...": the story's own contact, told as the
# first after a long gap, not a contact of that other time
_FIRST_SINCE = re.compile(r"\bfirst\b(?:\s+[\w-]+){0,4}?\s+since\b", re.IGNORECASE)


def apart_words(text: str) -> bool:
    """Words that set a contact apart from the story's day ("two weeks after", "last", "earlier in the year")."""
    text = _FIRST_SINCE.sub(" ", text)
    return bool(APART.search(text) or OTHER_STRETCH.search(text))


def set_apart_in_time(sent: Span, trigger: Token) -> bool:
    """The contact is told as another time than the story's: words of distance ("years ago", "earlier in the
    year", "last met") or a perfect tense ("had spoken", "have met")."""
    return bool(_BACK_FROM_NOW.search(sent.text) or OTHER_STRETCH.search(sent.text)) or told_in_perfect(trigger)


def told_in_perfect(trigger: Token) -> bool:
    """"had travelled to X for talks", "have met twice": a perfect tense tells background, not the day's event."""
    x = trigger
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in PERFECT_AUX for c in x.children):
            # "had earlier met X": the day's own sequence, told back from its later event
            return not (any(c.lower_ == "had" for c in x.children) and
                        any(c.dep_ == "advmod" and c.lower_ in SEQUENCE_ADVERBS for c in x.children))
        if x.head.i == x.i:
            break
        x = x.head
    return False


def just_now(trigger: Token, chain: list[Token], published: date | None, status: str) -> ResolvedDate | None:
    """"X has just finished a meeting with Y", "the two have just held talks": a held contact in the present
    perfect with "just" is news of the story's own day (a live page, a bulletin), though no time word says so."""
    if status != "held" or published is None:
        return None
    for verb in (trigger, *chain):
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        kids = list(verb.children)
        if any(c.dep_ == "advmod" and c.lower_ == "just" for c in kids) and any(
                c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in kids):
            return ResolvedDate(published.isoformat(), None, "day", published.isoformat())
    return None
