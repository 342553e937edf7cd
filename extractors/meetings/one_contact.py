"""Two records of one real-world contact that the text-order merge keeps apart (ANNOTATION.md: "one entry per
distinct real-world contact"; "a visit and the one meeting held during it are one entry").

The merge pass joins mentions of one status, one kind class and compatible times. Four ways of telling one contact
escape it, and each is read here from what the words say about the SAME contact, never from the pair alone (an
article often tells several contacts of one pair: "last met in May", "will meet again on Friday"):

- a status split: the contact is told once as expected ("will hold talks today", "is set to meet X later on
  Saturday") and once as done ("held a summit on Saturday") in an article of that day: one held contact when both
  are placed on the same day and nothing in their words tells them apart (another place, other people, "again");
- a range and a day inside it ("visited X from November 1 to 2 and held a summit", "the two leaders held talks"
  dated November 1): the day does not conflict with the range it lies in (`day_in_range`);
- "the visit" told back ("They closed the visit with a joint news conference") right after the held meeting it
  names, with no time or place of its own: that meeting, whatever other contacts of the pair the article tells;
- a trip made for the meeting ("travelled to Algiers to meet X", "made a trip to Pyongyang to meet Y"): the purpose
  clause names the one meeting the trip was for, so the trip and that meeting are one entry unless the trip spans
  other days or holds other meetings of the pair.

And one time word that is not the contact's: "met X in Beijing, in the first visit to China by a leader since 2019"
dates the earlier visit the "first ... since" implies, not the meeting (`since_of_other_contact`, read by `time.py`);
and one name that is not another person's: "Retno" after "Retno LP Marsudi" (`one_word_alias`, read by the merge's
test of conflicting participants); and one status: "who is on a state visit that will take him to X on Wednesday" is
a visit under way (`visit_under_way`, read by `status.py`), not a plan beside it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from extractors.core.dates import MONTHS, ResolvedDate
from extractors.core.text import surname
from extractors.meetings.lexicon import NOUN_KINDS
from extractors.meetings.storyday import told_in_perfect

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extractors.core.types import Participant
    from extractors.meetings.merge import Record

# "November 1 to 2", "from July 13-14", "13 to 14 March": a span of days in one month.
_RANGE = re.compile(
    r"\b(?:(?P<m1>[A-Za-z]+)\.? (?P<a1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|through|until|and)\s*(?P<b1>\d{1,2})\b"
    r"|(?P<a2>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|through|until|and)\s*(?P<b2>\d{1,2})(?:st|nd|rd|th)? "
    r"(?P<m2>[A-Za-z]+)\b)"
)
# Words of a trip that spans other days or stops: the trip is an entry of its own (ANNOTATION.md).
_SPAN_WORDS = re.compile(r"\b(?:\w+-day|\w+-nation|week-long|weeklong|several days|tour|stops?|leg)\b", re.IGNORECASE)
# "will meet again", "a second round": a contact told apart from the one already held.
_ANOTHER = frozenset({"again", "another", "second", "next", "further", "new", "fresh", "more"})


_MONTH_NUMBER = {name[:3]: k + 1 for k, name in enumerate(MONTHS)}


def _month(word: str) -> int | None:
    return _MONTH_NUMBER.get(word.lower()[:3]) if word else None


def day_in_range(a: ResolvedDate | None, b: ResolvedDate | None) -> bool:
    """A day (`b`) inside the span of days `a` names ("November 1" in "from November 1 to 2"): one contact's time
    told two ways, no conflict."""
    if a is None or b is None or not a.text or b.date is None or b.granularity != "day":
        return False
    m = _RANGE.search(a.text)
    if m is None:
        return False
    month = _month(m.group("m1") or m.group("m2") or "")
    lo, hi = int(m.group("a1") or m.group("a2")), int(m.group("b1") or m.group("b2"))
    day = date.fromisoformat(b.date)
    return month == day.month and lo <= day.day <= hi


def _day(rec: Record) -> str | None:
    """The record's day when its own words give it (not a day taken over from the contact told before it)."""
    d = rec.date
    if d is None or not d.date or d.granularity != "day" or not d.text:
        return None
    words = d.text.lower()
    return d.date if any(words in m.sent.text.lower() for m in rec.mentions if m.status == rec.status) else None


def _told_apart(rec: Record) -> bool:
    """Words on the plan that make it another contact than the one held: "meet again", "a second round", "a
    fuller meeting", a series."""
    if rec.series or rec.round or any(m.distinct for m in rec.mentions):
        return True
    for m in rec.mentions:
        words = [*m.trigger.children, *(c for c in m.trigger.head.children if c.dep_ == "advmod")]
        if any(c.lower_ in _ANOTHER or c.dep_ == "amod" and c.tag_ in ("JJR", "JJS") for c in words):
            return True
    return False


def one_word_alias(a: list[Participant], b: list[Participant], country: str) -> bool:
    """ "Retno" after "Retno LP Marsudi", "Prabowo" after "Prabowo Subianto": a person of `country` named by one word
    of a name told on the other side is that person, whatever word the full name ends in."""
    for p in a:
        for q in b:
            if p.country != country or q.country != country:
                continue
            wp, wq = p.name.lower().split(), q.name.lower().split()
            if len(wp) == 1 and len(wq) > 1 and wp[0] in wq or len(wq) == 1 and len(wp) > 1 and wq[0] in wp:
                return True
    return False


def _people_differ(a: Record, b: Record) -> bool:
    """Both name someone of one country and share no one there ("met X" and "met Y" the same day)."""
    for country in a.countries:
        na = {surname(p.name) for p in a.participants if p.country == country}
        nb = {surname(p.name) for p in b.participants if p.country == country}
        if na and nb and not na & nb and not one_word_alias(a.participants, b.participants, country):
            return True
    return False


def _places_differ(a: Record, b: Record) -> bool:
    """Held in two countries (a venue and its city, "Parliament House" and "Wellington", are not told apart)."""
    return bool(a.location_country and b.location_country and a.location_country != b.location_country)


def _fold_into(target: Record, rec: Record) -> None:
    from extractors.meetings.merge import add_participants  # merge imports this module

    target.mentions.extend(rec.mentions)
    target.mentions.sort(key=lambda m: m.trigger.idx)
    add_participants(target, rec.participants)
    if target.location is None and rec.location:
        target.location, target.location_country = rec.location, rec.location_country
    target.location_country = target.location_country or rec.location_country or rec.host_country
    target.host_country = target.host_country or rec.host_country
    target.date = target.date or rec.date
    target.basis = max(target.basis, rec.basis)


_DAY_PARTS = ("morning", "afternoon", "evening", "night", "lunch", "dinner")


def _parts_of_day_differ(a: Record, b: Record) -> bool:
    """"talks on Saturday morning" and a meeting "on Saturday evening": two contacts of one day."""
    pa = {w for w in _DAY_PARTS if a.date and w in (a.date.text or "").lower()}
    pb = {w for w in _DAY_PARTS if b.date and w in (b.date.text or "").lower()}
    return bool(pa and pb and not pa & pb)


# A plan for the day of publication ("will hold talks today", "later this afternoon").
_TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.IGNORECASE)


def _update_of(plan: Record, rec: Record) -> bool:
    """A held report with no time of its own, told after a plan for the day of publication, not as background
    ("have met twice", "last met"): the update of a story filed that day ("UPDATE: X and Y held talks ...")."""
    if rec.date is not None or not _TODAY.search(plan.date.text or "") or rec.series or rec.round:
        return False
    first = min(m.trigger.idx for m in plan.mentions)
    return all(m.trigger.idx > first and not m.recall and not m.distinct and not told_in_perfect(m.trigger)
               for m in rec.mentions)


def fold_status_split(records: list[Record]) -> list[Record]:
    """A plan and a held report of the same pair on the same day, one kind class, no other place or people and no
    "again": the contact the story expected and then reported as held (one held entry)."""
    out = list(records)
    for plan in records:
        day = _day(plan)
        if plan.status != "planned" or day is None or _told_apart(plan):
            continue
        pair = [r for r in out if r.status == "held" and r.countries == plan.countries
                and r.kind_class == plan.kind_class and not r.series
                and not _people_differ(plan, r) and not _places_differ(plan, r)]  # fmt: skip
        held = [r for r in pair if _day(r) == day and not _parts_of_day_differ(plan, r)] or [
            r for r in pair if _update_of(plan, r)]
        if len(held) != 1:
            continue  # none, or several contacts held that day: which one was planned is not told
        _fold_into(held[0], plan)
        out.remove(plan)
    return out


def _purpose_of(trip: Token, meeting: Token) -> bool:
    """ "travelled to X to meet Y", "made a trip to X to meet Y": the meeting verb is the trip's purpose clause."""
    if meeting.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in meeting.children):
        return False
    holders = {trip.i}
    if trip.pos_ == "NOUN" and trip.dep_ in ("dobj", "pobj", "attr"):
        holders.add(trip.head.i if trip.dep_ != "pobj" else trip.head.head.i)
    return meeting.dep_ in ("xcomp", "advcl", "acl") and meeting.head.i in holders


def _dated_apart(a: Record, b: Record) -> bool:
    """Two contacts placed in different periods ("May 2014" and "May 2004")."""
    pa, pb = a.date.period if a.date else None, b.date.period if b.date else None
    return bool(pa and pb and not pa.startswith(pb) and not pb.startswith(pa))


def fold_trip_for_meeting(records: list[Record]) -> list[Record]:
    """A trip told with the meeting it was made for ("travelled to Algiers to meet X") and no span of days, stops or
    other meetings of the pair: one entry, the meeting (the visit-and-its-one-meeting convention, whatever marks
    the meeting as an earlier one: "have not held a summit since May 2004, when X made a trip to Y to meet Z")."""
    out = list(records)
    for trip in records:
        if trip.kind != "visit" or trip not in out:
            continue
        if any(_SPAN_WORDS.search(m.sent.text) for m in trip.mentions):
            continue
        inner = [r for r in out if r.kind_class == "m" and r.countries == trip.countries and r.status == trip.status]
        meant = [r for r in inner if any(_purpose_of(v.trigger, x.trigger) for v in trip.mentions for x in r.mentions)]
        if len(meant) != 1:
            continue
        meeting = meant[0]
        if any(r is not meeting and not _dated_apart(r, meeting) for r in inner):
            continue  # another meeting of the pair that may have been held on that trip: the trip is its own entry
        if _places_differ(trip, meeting) or _people_differ(trip, meeting):
            continue
        _fold_into(meeting, trip)
        out.remove(trip)
    return out


# Tokens between a contact told and "the visit" that refers back to it (about two sentences).
_NEAR_TOKENS = 60


def fold_visit_told_back(records: list[Record]) -> list[Record]:
    """ "The two leaders met in the Oval Office ... They closed the visit with a joint news conference": a visit told
    only by a definite back-reference, with no sides, time or place of its own, names the held contact told just
    before it, whatever other contacts of the pair the article tells elsewhere ("met ... last week"). A visit whose
    programme goes beyond the meeting (a tour, a banquet, an address) is left to the visit rules."""
    from extractors.meetings.visits import _PROGRAMME as PROGRAMME  # merge imports both modules
    from extractors.meetings.visits import programme_beyond_talks

    out = list(records)
    for visit in records:
        if visit.kind != "visit" or visit.status != "held" or not all(
                m.anaphoric and len(m.countries) < 2 and m.date is None and not m.location for m in visit.mentions):
            continue
        first = visit.mentions[0]
        before = [(m, r) for r in out if r is not visit for m in r.mentions if m.trigger.i < first.trigger.i]
        if not before:
            continue
        told, meeting = max(before, key=lambda x: x[0].trigger.i)
        if meeting.kind_class != "m" or meeting.status != "held" or meeting.countries != visit.countries:
            continue
        if first.sent.start - told.sent.end > _NEAR_TOKENS or programme_beyond_talks(visit, meeting):
            continue
        between = first.sent.doc[told.sent.start : first.sent.end]
        if PROGRAMME.search(between.text):
            continue  # "The two leaders then toured a battery factory. They ended the visit ...": more than talks
        _fold_into(meeting, visit)
        out.remove(visit)
    return out


def visit_under_way(trigger: Token) -> bool:
    """ "Putin, who is on a three-day state visit to France that will take him to Bordeaux on Wednesday": one is
    "on" a visit only while it is under way; what its relative clause says is still to come is a later leg of the
    same visit, not a plan for the visit (which would split one visit into a held and a planned record)."""
    verb = on_visit_now(trigger)
    return verb is not None and not any(c.dep_ == "neg" for c in verb.children)


def on_visit_now(trigger: Token) -> Token | None:
    """The present "is"/"are" of "X is on a visit (to Y)", not "will be on a visit": the verb, or None."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ != "on":
        return None
    verb = trigger.head.head
    if verb.lemma_.lower() != "be" or verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children):
        return None
    return verb


def since_of_other_contact(since: Token, trigger: Token) -> bool:
    """ "met X in Beijing, in the first visit to China by a leader since 2019": the "since" time hangs on another
    contact word and dates the earlier contact that word implies (`since.py`), not the meeting being told."""
    head = since.head
    return head.i != trigger.i and head.lower_ in NOUN_KINDS and head.pos_ == "NOUN"
