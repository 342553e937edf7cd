"""When a visit is its own contact beside the meeting held during it (ANNOTATION.md: "the visit gets its own entry
only when it holds several meetings, spans other days, or includes events beyond the listed meetings").

`merge._fold_single_visits` folds a visit into its one meeting by default; these tests read the rest of the
article for what makes the visit more than that meeting: another contact of both sides with further states held
during the visit ("the two presidents and two neighbours held a four-way meeting" on the visit's next day), or the
visitor's programme beyond talks (a tour, an address to parliament, a ceremony, a banquet).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from extractors.core.dates import WEEKDAYS, ResolvedDate, find_dates
from extractors.core.text import surname

if TYPE_CHECKING:
    from extractors.meetings.merge import Record


# Days a visit may run past its first told day and still hold a contact told without a place.
VISIT_DAYS = 6

# Events of a visitor's programme that are no meeting between the two sides: the visit is more than its talks.
_PROGRAMME = re.compile(
    r"\b(?:toured|touring|laid a wreath|wreath-laying|banquet|state dinner|guard of honou?r"
    r"|address(?:ed|es)? (?:to )?(?:the |a joint session of )?(?:parliament|national assembly|congress|senate)"
    r"|address(?:ed|es)? (?:a|an|the) (?:\w+ ){0,2}(?:forum|conference|university|students)"
    r"|welcoming ceremony|official ceremony|ceremonial welcome|ceremonial reception)\b",
    re.IGNORECASE,
)


def _day(rec: Record) -> date | None:
    if rec.date is None or rec.date.date is None or rec.date.granularity != "day":
        return None
    return date.fromisoformat(rec.date.date)


def held_elsewhere(rec: Record, visit: Record) -> bool:
    """A meeting of the pair placed in another country than the visit's host ("the two last met at the summit in
    Vilnius"): not one of the meetings held during the visit."""
    host = visit.host_country or visit.location_country
    return bool(rec.location_country and host and rec.location_country != host and not host.startswith("IGO:"))


def dated_apart(visit: Record, rec: Record) -> bool:
    """A visit dated by a month or a year that the contact's own day or month is not in ("visited Suva in February",
    talks "on Thursday" in July; "had visited Dili in August 2016"): a visit of another time, whose host is not
    where this contact was held."""
    told, own = visit.date, rec.date
    if told is None or own is None or not told.period or not own.period or told.granularity == "day":
        return False
    return not own.period.startswith(told.period) and not told.period.startswith(own.period)


def wider_contact_during(visit: Record, meeting: Record, records: list[Record]) -> bool:
    """A held contact of both sides of the visit with further states, in the host country or within the visit's
    days: the visit holds it beside the bilateral meeting ("arrived for a state visit ... held talks ... the four
    presidents met before the ceremony the next day")."""
    host = visit.host_country or visit.location_country
    start = _day(visit) or _day(meeting)
    for rec in records:
        if rec is visit or rec is meeting or rec.status != visit.status or rec.kind_class != "m":
            continue
        if not rec.countries > visit.countries:
            continue
        if rec.location_country and host:
            if rec.location_country == host:
                return True
            continue
        day = _day(rec)
        if start is not None and day is not None and 0 <= (day - start).days <= VISIT_DAYS:
            return True
    return False


def programme_beyond_talks(visit: Record, meeting: Record) -> bool:
    """The article tells the visitor's programme beyond the meeting (toured a site, addressed parliament, a
    welcoming ceremony, a banquet): the visit is an entry of its own. Only a held visit has a programme told, and
    only a sentence about its people (named, or "he", "they" acting) tells it: another visitor's tour is not this
    visit's."""
    if visit.status != "held" or not visit.mentions:
        return False
    names = {surname(p.name) for p in visit.participants + meeting.participants}
    names.discard("")
    own = {m.sent.start for m in visit.mentions + meeting.mentions}
    for sent in visit.mentions[0].sent.doc.sents:
        if not _PROGRAMME.search(sent.text):
            continue
        if sent.start in own or any(t.lower_ in names for t in sent):
            return True
        if any(t.lower_ in _PRONOUNS and t.dep_ in ("nsubj", "nsubjpass", "poss") for t in sent):
            return True
    return False


_PRONOUNS = frozenset({"he", "she", "they", "his", "her", "their"})


def day_from_visit(visit: Record, meeting: Record) -> None:
    """A meeting kept apart from its visit whose own sentence names the weekday the visit was dated by ("arrived on
    Sunday ... On Sunday afternoon the two held talks") takes that day, when nothing dated the meeting itself."""
    if meeting.date is not None or visit.date is None or visit.date.date is None or not visit.date.text:
        return
    day = next((w for w in WEEKDAYS if w in visit.date.text.lower()), None)
    if day is None:
        return
    for m in meeting.mentions:
        for found in find_dates(m.sent.text):
            if found.kind == "wd" and day in found.text.lower():
                meeting.date = ResolvedDate(visit.date.date, found.text, "day", visit.date.period)
                return
