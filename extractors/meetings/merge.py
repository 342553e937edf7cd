"""Mentions -> meetings: several mentions of one contact become one record, different contacts stay apart.

Two mentions are the same contact when they have the same countries, the same status, the same kind class
(a visit, a call and a face-to-face meeting are different contacts even between the same two countries),
compatible times and no conflicting participants ("met Talabani" and "met Barzani" are two meetings).
A mention that names fewer than two countries ("the talks", "the two leaders") only adds to the contact
talked about just before it; it never makes a record of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from extractors.core.dates import ResolvedDate, day_shift, find_dates
from extractors.core.text import surname
from extractors.core.types import Participant
from extractors.meetings.ahead import in_other_years
from extractors.meetings.another import (
    earlier_marked,
    earlier_pair,
    other_body_session,
    other_officials,
    pair_among_many,
    same_contact_told,
    unnamed_follow_up,
)
from extractors.meetings.apart import (
    also_named,
    counted_round,
    other_ordinal,
    other_visitor,
    sentence_partner,
    unnamed_listing,
    visiting_to_attend,
)
from extractors.meetings.backref import described_by_pronoun, drop_preparers, earlier_by_own_time, own_time, retold
from extractors.meetings.each import separate_sides
from extractors.meetings.kinds import displaces, hosting_word, names_kind, visit_names_contact
from extractors.meetings.lexicon import KIND_CLASS, KIND_RANK, OFFICIAL_NOUNS
from extractors.meetings.mentions import IGO_SEATS, NO_CONTACT, Mention
from extractors.meetings.one_contact import (
    day_in_range,
    fold_status_split,
    fold_trip_for_meeting,
    fold_visit_told_back,
    one_word_alias,
)
from extractors.meetings.pairs import apart_by_year, named_pair_told
from extractors.meetings.past_contacts import told_earlier
from extractors.meetings.places import neutral_ground
from extractors.meetings.planned import pair_after_weak, told_apart
from extractors.meetings.storyday import told_in_perfect
from extractors.meetings.tours import regional_tour
from extractors.meetings.triggers import ACCOMPANY_VERBS
from extractors.meetings.visits import (
    dated_apart,
    day_from_visit,
    held_elsewhere,
    programme_beyond_talks,
    wider_contact_during,
)

_SOFT_WORDS = frozenset({"late", "early", "later", "earlier", "on", "in", "mid", "morning", "afternoon", "evening"})
VAGUE_TIMES = ("soon", "shortly", "near future", "coming days", "coming weeks", "later", "earlier")


@dataclass(slots=True)
class Record:
    """One real-world contact being assembled from its mentions."""

    countries: set[str]
    status: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    date: ResolvedDate | None = None
    location: str | None = None
    location_country: str | None = None
    host_country: str | None = None
    series: bool = False  # an agreed series of meetings: takes back-references only
    basis: int = 0  # 3: two named people of two countries; 2: two countries named; 1: parties inferred from context
    round: bool = False  # another round of a process told apart by its time ("since the previous round two years ago")
    folded_visit: bool = False  # the one meeting of a visit, folded into it: named as the visit (`told_kind`)

    @property
    def kind_class(self) -> str:
        return KIND_CLASS[self.kind]


def _names_by_country(parts: list[Participant]) -> dict[str | None, set[str]]:
    out: dict[str | None, set[str]] = {}
    for p in parts:
        out.setdefault(p.country, set()).add(surname(p.name))
    return out


def _participants_conflict(a: list[Participant], b: list[Participant]) -> bool:
    na, nb = _names_by_country(a), _names_by_country(b)
    for country, names in na.items():
        if country is None:
            continue
        other = nb.get(country)
        if other and names and not names & other and not one_word_alias(a, b, country):
            return True  # "Retno" after "Retno LP Marsudi" is no one else
    return False


def _date_type(text: str) -> tuple[str, str]:
    """(type, core words) of a time phrase: weekday/day, month, relative, year or vague."""
    found = find_dates(text)
    kind = found[0].kind if found else "vague"
    core = " ".join(w for w in text.lower().replace("'s", "").split() if w not in _SOFT_WORDS)
    group = {"wd": "day", "md": "day", "dm": "day", "wd_md": "day", "rel_day": "day", "month": "month",
             "month_year": "month", "year": "year"}.get(kind, "rel")  # fmt: skip
    return group, core


def _dates_conflict(a: ResolvedDate | None, b: ResolvedDate | None) -> bool:
    """Two times that cannot be the same contact: different resolved periods, or two unresolved times of the
    same type with different words ("Friday" vs "Saturday"; "next month" vs "late April" may well agree)."""
    if a is None or b is None or not a.text or not b.text:
        return False
    if day_in_range(a, b) or day_in_range(b, a):
        return False  # "from November 1 to 2" and "November 1": one contact's time
    if in_other_years(a.period, b.period):
        return True  # "later this month" and "next year": vague words, but never one contact
    if any(w in _vague_part(a) + " " + _vague_part(b) for w in VAGUE_TIMES):
        return False
    if a.period and b.period:
        return not (a.period.startswith(b.period) or b.period.startswith(a.period))
    ta, tb = _date_type(a.text), _date_type(b.text)
    return ta[0] == tb[0] and ta[1] != tb[1]


def _vague_part(d: ResolvedDate) -> str:
    """The words of a time that may stand for another: none for "earlier in the day" resolved to a day (it names
    the story's day, not some time around another one)."""
    low = (d.text or "").lower()
    return "" if d.date and "in the day" in low else low


def add_participants(rec: Record, parts: list[Participant]) -> None:
    """Add the people of another mention to a record once each, and only those of the record's own states (a
    gathering's roster, `rosters.py`, adds through here too)."""
    have = {(surname(p.name), p.country) for p in rec.participants}
    for p in parts:
        key = (surname(p.name), p.country)
        if key in have or p.country is not None and p.country not in rec.countries:
            continue
        if p.country is None and any(surname(p.name) == k[0] for k in have):
            continue
        rec.participants.append(p)
        have.add(key)


def absorb(rec: Record, m: Mention) -> None:
    """Fold a mention into the record it tells again: its kind where it names the contact better, its people, its
    date and place where the record has none (also used by `rosters.py`)."""
    told = list(rec.mentions)
    rec.mentions.append(m)
    if m.past_plan and m.status == "cancelled":
        pass  # "had been scheduled to meet X": a detail of the called-off talks, not a better name for them
    elif KIND_CLASS[m.kind] != rec.kind_class or not names_kind(m, told):
        pass  # "Before the summit, X held a meeting with Y": the summit is another event
    elif displaces(m, rec.kind, told) or KIND_RANK.get(m.kind, 0) > KIND_RANK.get(rec.kind, 0) \
            and {m.kind, rec.kind} != {"talks", "meeting"}:
        rec.kind = m.kind
    add_participants(rec, m.participants)
    if rec.date is None and m.date is not None and not m.anaphoric:
        rec.date = m.date
    if rec.location is None and m.location and (not m.anaphoric or KIND_CLASS[m.kind] == rec.kind_class):
        rec.location, rec.location_country = m.location, m.location_country
    if rec.host_country is None and m.host_country:
        rec.host_country = m.host_country


def merge_mentions(mentions: list[Mention]) -> list[Record]:
    """The article's contacts from its mentions in text order. Weak mentions ("X and Y discussed ...") only
    add to a contact already found between the same countries, or stand for one when none is."""
    pair_after_weak(mentions)  # "exchanged a few words with Y. A meeting between the two is expected ..."
    records = _merge([m for m in mentions if not m.weak])
    records = [r for r in records if r.status != NO_CONTACT]  # they only told who later back-references mean
    for m in mentions:
        if not m.weak or m.status == NO_CONTACT:
            continue
        countries = set(m.countries)
        if len(countries) < 2:
            continue
        # a contact of another status takes it only if told by then: "exchanged words with Y. A meeting between the
        # two is expected ..." is a brief contact of its own before the plan
        same = [r for r in records if r.countries == countries and (
            r.status == m.status or any(x.sent.start <= m.sent.start for x in r.mentions))]
        if same:
            add_participants(same[-1], m.participants)
        else:
            rec = Record(countries=countries, status=m.status, kind="meeting", basis=1)
            absorb(rec, m)
            _take_back_references(rec, mentions, records)
            records.append(rec)
    _talks_told_with_visit(mentions, records)
    records = fold_visit_told_back(fold_trip_for_meeting(fold_status_split(records)))
    return _fold_single_visits(_share_places(records))


def _talks_told_with_visit(mentions: list[Mention], records: list[Record]) -> None:
    """"The talks at X were the centrepiece of a seven-day state visit": back-referring talks with no contact told
    before them, in the sentence of a held visit with both sides named, are the talks held during that visit (the
    only ones of that pair). Whether they stay apart from the visit is `_fold_single_visits`'s call."""
    told = {m.trigger.i for r in records for m in r.mentions}
    for m in mentions:
        if not m.anaphoric or m.status != "held" or KIND_CLASS[m.kind] != "m" or m.trigger.i in told or m.countries:
            continue
        visits = [r for r in records if r.kind == "visit" and r.status == "held" and len(r.countries) == 2
                  and any(v.sent.start == m.sent.start for v in r.mentions)]  # fmt: skip
        if len(visits) != 1:
            continue
        visit = visits[0]
        if any(r.kind_class == "m" and r.countries == visit.countries and r.status == "held"
               and r.mentions[0].trigger.i < m.trigger.i for r in records):  # fmt: skip
            continue  # the talks told before are the ones meant
        rec = Record(countries=set(visit.countries), status="held", kind=m.kind, basis=1)
        absorb(rec, m)
        rec.location_country = rec.location_country or visit.host_country
        records.insert(records.index(visit), rec)
        told.add(m.trigger.i)


def _take_back_references(rec: Record, mentions: list[Mention], records: list[Record]) -> None:
    """"X and Y discussed ... As their meeting began in Seoul, ...": a back-reference right after a contact told only
    by "discussed" tells that contact's place and day (no other contact told in between)."""
    first = rec.mentions[0]
    told = {m.trigger.i for r in records for m in r.mentions}
    for m in mentions:
        if m.trigger.i <= first.trigger.i or m.weak or m.status == NO_CONTACT:
            continue
        if m.trigger.i in told or m.sent.start - first.sent.end > NEAR_TOKENS:
            break  # another contact told first, or too far on
        if len(m.countries) >= 2 or not m.countries <= rec.countries or KIND_CLASS[m.kind] != "m":
            continue
        if m.status != rec.status or not (m.anaphoric or m.group or _group_possessor(m)):
            continue
        rec.location = rec.location or m.location
        rec.location_country = rec.location_country or m.location_country
        rec.date = rec.date or m.date
        return


_LONG_VISIT = re.compile(r"\b(?:\w+-day|\w+-nation|several days|week-long|weeklong|tour|stops?|leg)\b", re.IGNORECASE)


# Events of a visit beyond its talks ("a banquet in the guest's honour", "laid a wreath"): the visit is its own entry.
_BEYOND_MEETINGS = re.compile(r"\b(?:banquet|state dinner|wreath)\b", re.IGNORECASE)


def _visit_to_attend(m: Mention) -> bool:
    """"is visiting Chile to attend the Pacific forum": a visit made for a gathering beyond the bilateral meeting."""
    return any(c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in ("attend", "participate")
               for c in m.trigger.children)  # fmt: skip


def _tour_stop(visit: Record, records: list[Record]) -> bool:
    """One stop of a tour told in one sentence ("a five-day tour that took her to X, Y and Z"): the tour's length
    and stops are not this stop's."""
    words = {m.trigger.i for m in visit.mentions}
    return any(r is not visit and r.kind == "visit" and words & {m.trigger.i for m in r.mentions} for r in records)


def _fold_single_visits(records: list[Record]) -> list[Record]:
    """A visit and the one meeting held during it are one contact; the visit stays apart only when the text
    gives it more (several meetings, a span of days, other stops). Told in one sentence ("welcomed X for her
    first visit", "received X at the start of a state visit"), the contact is the visit."""
    out = list(records)
    for visit in records:
        if visit.kind != "visit" or visit not in out:
            continue
        inner = [r for r in out if r.kind_class == "m" and r.countries == visit.countries and r.status == visit.status
                 and not held_elsewhere(r, visit)]  # fmt: skip
        if len(inner) != 1:
            continue
        if any(_LONG_VISIT.search(m.sent.text) and not regional_tour(m.trigger) for m in visit.mentions) and \
                not _tour_stop(visit, records):
            continue
        meeting = inner[0]
        if all(told_earlier(m.trigger) for m in visit.mentions):
            continue  # "had travelled to Tripoli twice", "had visited X before": an earlier trip, not this meeting's
        if other_visitor(visit.participants, meeting.participants) or visiting_to_attend(meeting.mentions):
            continue  # talks of other people than the visitor; a visit made to attend a gathering: two entries
        if any(m.trigger.lemma_.lower() in ACCOMPANY_VERBS and m.trigger.pos_ == "VERB" or _visit_to_attend(m)
               for m in visit.mentions) or any(
            _BEYOND_MEETINGS.search(m.sent.text) for m in visit.mentions + meeting.mentions
        ):
            continue  # "toured the plant with X", "a banquet", "in X to attend a regional forum": more than the meeting
        if wider_contact_during(visit, meeting, records) or programme_beyond_talks(visit, meeting):
            day_from_visit(visit, meeting)
            continue  # a four-way meeting during the visit, an address to parliament: more than the meeting
        if visit.status == "planned" and told_apart(visit.mentions, meeting.mentions):
            continue  # two plans of one pair, told paragraphs apart, not a trip and the meeting it is for
        host = visit.host_country or visit.location_country
        if meeting.location_country and host and meeting.location_country != host:
            continue  # "agreed to meet in Addis Ababa" and "will travel to Dakar": two contacts
        if _dates_conflict(meeting.date, visit.date) or meeting.round or any(m.distinct or _ordinal_round(m)
                                                                             for m in meeting.mentions) \
                or apart_by_year(visit.date, meeting.date) or apart_by_year(meeting.date, visit.date):
            continue  # "the next meeting of the commission" is a round of its own, not the visit's meeting
        called = {m.sent.start for m in visit.mentions
                  if m.trigger.lemma_.lower() == "visit" and m.trigger.pos_ == "NOUN"}  # fmt: skip
        if called & {x for m in meeting.mentions for x in (m.sent.start, m.sent.end)} and meeting.kind == "meeting":
            # "welcomed X to Dublin for the first visit by ...", "received X in Berlin. It was the first visit to ...":
            # the words call the contact a visit, in its sentence or the next (not "met X, her first trip abroad")
            meeting.kind = "visit"
        if meeting.kind == "meeting" and all(hosting_word(m) for m in meeting.mentions):
            meeting.kind = "visit"  # "During the visit, he will sign an accord with X": the signing names no kind
        meeting.folded_visit = visit_names_contact(visit.mentions) and not _tour_stop(visit, records)
        for m in visit.mentions:
            meeting.mentions.append(m)
        meeting.mentions.sort(key=lambda m: m.trigger.idx)
        add_participants(meeting, visit.participants)
        meeting.location = meeting.location or visit.location
        meeting.location_country = meeting.location_country or visit.location_country or visit.host_country
        meeting.date = meeting.date or visit.date
        out.remove(visit)
    return out


def _share_places(records: list[Record]) -> list[Record]:
    """A meeting held during a visit happened in the host country ("visited Iraq, where she met ..."); a visit of
    another month or year is no visit the meeting was held during."""
    for rec in records:
        if rec.kind_class != "m" or rec.location_country or rec.status == "cancelled":
            continue
        visits = [r for r in records if r.kind == "visit" and r.status in ("held", rec.status)
                  and r.countries == rec.countries and r.host_country and not dated_apart(r, rec)]  # fmt: skip
        if len({r.host_country for r in visits}) > 1:
            # "hosted X on Wednesday ... The visit follows Y's trip to Cairo in February": the story's visit
            visits = [r for r in visits if r.date is None or r.date.granularity == "day"]
        hosts = {r.host_country for r in visits}
        if len(hosts) == 1:
            host = hosts.pop()
            rec.location_country = IGO_SEATS.get(host) if host.startswith("IGO:") else host  # NATO's: Belgium
    return records


def _group_possessor(m: Mention) -> bool:
    """ "their meeting", "the countries' summit": the contact word itself points back to the last contact."""
    return any(c.dep_ == "poss" and c.lower_ in ("their", "countries", "leaders", "sides", "nations", "two")
               for c in m.trigger.children)  # fmt: skip


ROUND_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth previous last next further latest new".split()
)


def _ordinal_round(m: Mention) -> bool:
    """"the second Strategic Dialogue", "the first two-plus-two", "a further meeting": one round of a series."""
    return any(c.lower_ in ROUND_ORDINALS and c.dep_ in ("amod", "advmod", "nummod") for c in m.trigger.children) \
        or counted_round(m, ROUND_ORDINALS)  # "the first round of talks"


def _another_round(m: Mention, last: Record | None) -> bool:
    """An undetermined round of the process just talked about, told apart by its own time and status: the
    parties are those of that process."""
    if last is None or last.status == NO_CONTACT or m.trigger.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False  # "if they were to meet ... such talks": no round of a contact that never was
    counted = other_ordinal(m, last.mentions)  # "the first round" after "a second round": another, undated or not
    if m.date is None and not counted:
        return False
    ordinal = _ordinal_round(m)
    if m.listed and not (ordinal and unnamed_listing(m)) or _body_meeting(m):
        return False  # "talks between X and Y" names its own parties; "between the delegations" names none
    if m.anaphoric and not ordinal:
        return False
    if KIND_CLASS[m.kind] != "m" or last.kind_class != "m" or not m.countries <= last.countries:
        return False
    if any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("this", "that") for c in m.trigger.children):
        return False
    if not ordinal and any(c.dep_ == "det" and c.lower_ == "the" for c in m.trigger.children):
        return False
    if m.date is not None and m.date.granularity == "year" and last.date is None and m.status == "held":
        return True  # "A 2000 summit led to ...": a past round, not the undated contact the story is about
    return m.status != last.status or _dates_conflict(m.date, last.date) or counted


def _body_meeting(m: Mention) -> bool:
    """ "a board meeting of the rail company": a named body meeting on its own, no round between states."""
    of_body = [c for c in m.trigger.children if c.dep_ == "prep" and c.lower_ == "of"]
    return not m.countries and any(o.ent_type_ == "ORG" for c in of_body for o in c.children)


def _known_people(m: Mention, records: list[Record]) -> None:
    """A participant whose country this sentence does not give, named earlier in a contact with a known country
    ("Putin" of an earlier call): one person keeps one country within an article."""
    for party in m.parties:
        p = party.participant
        if p is None or p.country is not None:
            continue
        key = surname(p.name)
        known = {q.country for r in records for q in r.participants if q.country and surname(q.name) == key}
        if len(known) == 1:
            party.country = p.country = known.pop()


def _on_the_sidelines(m: Mention) -> bool:
    """"On the sidelines (of the meeting), X met Y", "on the margins of the summit": a contact at the gathering
    the text has just told."""
    return any(t.lower_ in ("sidelines", "sideline", "margins", "margin") and t.head.lower_ == "on" for t in m.sent)


def _unknown_side_of(m: Mention, countries: set[str], last: Record | None) -> bool:
    """One side known, a named participant of unknown country on the other, just after a contact between that
    side and exactly one other state: the participant is of that other state."""
    if last is None or last.status == NO_CONTACT or len(last.countries) != 2 or len(countries) != 1:
        return False
    if not countries < last.countries or m.anaphoric or any(c.startswith("IGO:") for c in last.countries):
        return False
    unknown = [p for p in m.participants if p.country is None]
    return len(unknown) == 1 and len(m.participants) >= 2


def _next_of(m: Mention, countries: set[str], last: Record | None) -> bool:
    """"The next summit will be held in X", "the commission will hold its next session in 2027": the next
    planned meeting of the gathering just told, with no parties of its own beyond that gathering's."""
    if last is None or last.kind_class != "m" or len(last.countries) < 2:
        return False
    if last.status != "held" and not (last.status == "planned" and len(last.countries) == 2):
        return False  # after a pair's plan ("experts will meet next month, and the next session ...") too
    if m.status != "planned" or KIND_CLASS[m.kind] != "m" or m.listed or not countries <= last.countries:
        return False
    return any(c.lower_ == "next" and c.dep_ in ("amod", "advmod") for c in m.trigger.children)


def _same_series(m: Mention, records: list[Record], last: Record | None) -> Record | None:
    """The process a round belongs to: for "the first two-plus-two" the latest contact of that kind, else the
    contact talked about last."""
    if _ordinal_round(m):
        for rec in reversed(records):
            if rec.kind == m.kind and rec.status != NO_CONTACT:
                return rec
    return last


def _merge(mentions: list[Mention]) -> list[Record]:
    """One pass in text order; `last` is the contact the text is talking about, which back-references join."""
    records: list[Record] = []
    last: Record | None = None
    cancelled = {frozenset(m.countries) for m in mentions if m.status == "cancelled" and len(m.countries) >= 2}
    invitations: list[Mention] = []
    for m in mentions:
        if m.invitation:
            invitations.append(m)  # no contact; what a later "accepted the invitation" accepts
            continue
        if m.accepts:
            last = _accepted(m, invitations, records) or last
            continue
        _known_people(m, records)
        drop_preparers(m)  # "the foreign ministers met to prepare the summit": not the summit's people
        if m.distinct and same_contact_told(m):
            m.distinct = False  # "met again ... for the second day of the same talks": one contact
        if m.date is not None and "in the day" in (m.date.text or "").lower() and last and last.date and \
                last.date.date and not told_in_perfect(last.mentions[-1].trigger):
            # "Earlier in the day": the day of the contact told just before, not the day of publication (nor of a
            # background contact told in a perfect tense: "have met several times since Thursday")
            m.date = ResolvedDate(last.date.date, m.date.text, "day", last.date.period)
        if m.date is None and last is not None and _same_day_as(m, last):
            m.date = last.date  # "X later met Y", "In the afternoon, the leaders held ...": the day just told
        shift = (day_shift(m.date.text) if m.shift is None else m.shift) \
            if m.date is not None and m.date.date is None else None
        base = _shift_base(m, last, records, shift)
        if base is None and shift is not None and m.shift is not None:
            # "The call came a day after X and Y met": the day of the latest contact told with a day (the call),
            # whatever planned contact was named since
            base = next((r.date.date for r in reversed(records) if r.status == "held" and r.date is not None
                         and r.date.date and r.date.granularity == "day"), None)
        if shift is not None and base is not None:
            # "The previous day, she had met X": a day from the contact told just before
            d = (date.fromisoformat(base) + timedelta(days=shift)).isoformat()
            m.date = ResolvedDate(d, m.date.text, "day", d)
        countries = set(m.countries)
        inferred = False
        if _joins_called_off(m, countries, last):
            last.countries |= countries  # "The two leaders had been due to sit down with X": X's state joins it
            m.status = "cancelled"
            absorb(last, m)
            continue
        if m.status in ("planned", "cancelled") and m.past_plan and frozenset(countries) in cancelled:
            m.status = "cancelled"  # "had been due to meet ..." beside "called off the talks": the same contact
            off = [r for r in records if r.status == "cancelled" and r.countries == countries]
            if off and not m.distinct:
                absorb(off[-1], m)  # "called off his trip to X ... had been due to meet Y": the trip's meeting
                last = off[-1]
                continue
        counted = _counted_gathering(m, countries, records)
        if counted is not None:
            countries, inferred = counted, True  # "the six countries agreed to hold the next round"
        recalled = _recalled_pair(m, countries, records)
        if recalled is not None:
            countries, inferred = recalled, True  # "the two leaders last met in May": the story's own pair
        pairs = separate_sides(countries, m.status, m.trigger, [(r.countries, r.status) for r in records],
                               m.size) if m.group or m.size else []
        if pairs:  # "Putin held separate talks with each of the two leaders": one bilateral contact per leader
            _add_separate(m, pairs, records)
            continue
        among = pair_among_many(m, countries, last.countries if last is not None else None,
                                [(r.countries, len(r.mentions)) for r in records if len(r.countries) == 2
                                 and r.status != NO_CONTACT])  # fmt: skip
        if among is not None:
            countries, inferred = among, True  # "the two countries" after a three-way call: the story's pair
        if m.group and len(countries) < 2 and last is not None and countries <= last.countries:
            if (not m.distinct and KIND_CLASS[m.kind] == last.kind_class and _group_possessor(m)
                    and last.status != NO_CONTACT and not earlier_marked(m)
                    and not (own_time(m) and _apart_in_time(last.date, m.date))):
                absorb(last, m)  # "the two leaders' talks", "the countries' summit": the contact just told
                continue
            countries |= last.countries
            inferred = True
        if _group_joined_by_third(m, countries, last):
            countries |= last.countries  # "the two presidents and X's president held a three-way meeting"
            inferred = True
        if (m.group and m.status == "held" and len(countries) < 2 and countries < m.context
                and (last is None or last.status == NO_CONTACT)):
            countries, inferred = set(m.context), True  # no contact told yet: the two states named just before
        implied = _implied_other_side(m, countries, records)
        if implied is not None:
            countries, inferred = implied, True
        series = _same_series(m, records, last)
        round_of = None
        if len(countries) < 2 and series is not None and _another_round(m, series):
            countries = set(series.countries)  # "During talks held earlier this month, Pyongyang agreed ..."
            inferred = True
            round_of = series  # another round: never the same record as the contact it was told apart from
            if m.trigger.lower_ == "round":
                m.kind = series.kind  # "the previous round": a round of the process it belongs to
        frame = _told_frame(m, records, last)
        if m.date is None and frame is not None and frame.date is not None and _on_the_sidelines(m):
            m.date = frame.date  # "On the sidelines, X met Y": at the gathering just told, on its day
        if _unknown_side_of(m, countries, last):
            other = next(iter(last.countries - countries))  # "X and his Japanese counterpart Y also agreed ...",
            for p in m.participants:  # X's country unknown, right after a contact between Japan and one other state
                if p.country is None:
                    p.country = other
            countries = set(last.countries)
            inferred = True
        if _next_of(m, countries, last):
            countries = set(last.countries)  # "The next ministerial meeting will be held in X": the same states
            inferred = True
            round_of = last
        partner = sentence_partner(m, countries, records) if KIND_CLASS[m.kind] == "m" else None
        if partner is not None:
            countries, inferred = partner, True  # "talks with Lavrov ... before being received by Putin"
        earlier = _earlier_contact(m, countries, records, last)
        if earlier is not None:
            countries, round_of = earlier, last  # "the last such visit was in 2011": an earlier contact of the pair
            inferred = inferred or len(m.countries) < 2
            m.anaphoric = False  # "their previous meeting, in Paris in May": its time is its own, not a retelling's
        if not countries and last is not None and last.status != NO_CONTACT and not last.series \
                and unnamed_follow_up(m, last.mentions, last.countries):
            countries, inferred, round_of = set(last.countries), True, last  # "talks to implement the accord ..."
        if len(countries) < 2 and round_of is None:
            own = earlier_by_own_time(m, countries, last, _apart_in_time)
            if own is not None:
                countries, inferred = own, True  # "following their meeting in Tokyo in November 2023"
                round_of = last  # never the record it points back from
                m.anaphoric = False  # its own time and place, not details of the contact it points back from
        if len(countries) < 2:
            _refer_back(m, countries, last)
            continue
        again = retold(m, countries, records) if round_of is None else None
        if again is not None:
            add_participants(again, [p for p in m.participants if p.country in again.countries])
            last = again  # "to prepare the meeting", "at the summit": the contact already told, whatever the clause
            continue
        known = [p for r in records if r.countries == countries for p in r.participants]
        counted_told = m.distinct and described_by_pronoun(m.trigger)  # "This was the third meeting between them"
        target = None if m.distinct and not counted_told or round_of is not None or also_named(m, known) \
            else _same_contact(m, countries, records)
        if target is not None and (other_body_session(m, target.mentions)
                                   or other_officials(m, target.participants, target.mentions)):
            target = None  # "then co-chaired the first meeting of the council", "the ministers would negotiate"
        if target is None and round_of is None and same_contact_told(m):
            # "met again on Tuesday for the second day of the same talks": the words join it whatever its day
            target = next((r for r in reversed(records) if r.countries == countries and r.status == m.status
                           and r.kind_class == KIND_CLASS[m.kind] and not r.series), None)  # fmt: skip
        if target is None:
            target = Record(countries=countries, status=m.status, kind=m.kind, series=m.series,
                            round=round_of is not None)
            records.append(target)
        absorb(target, m)
        named = {p.country for p in m.participants if p.country}
        target.basis = max(target.basis, 1 if inferred else 3 if len(named) >= 2 else 2)
        last = target
    return records


def _earlier_contact(m: Mention, countries: set[str], records: list[Record], last: Record | None) -> set[str] | None:
    """The pair of an earlier contact the words mark ("the previous meeting", "the last round of talks between the
    two countries"), told apart from the latest record of that pair (or the contact just told) by its own time,
    place or status; None otherwise (see `another.earlier_pair`)."""
    ref = next((r for r in reversed(records) if r.countries == countries), None) if len(m.countries) >= 2 else last
    if ref is None or ref.status == NO_CONTACT:
        return None
    return earlier_pair(m, countries, ref.countries, ref.status, ref.date.text if ref.date else None, ref.location)


def _add_separate(m: Mention, pairs: list[set[str]], records: list[Record]) -> None:
    """One record per pair of a contact held one by one with each member of a gathering just told, with the
    people of the gathering who stand for the other state, and its day unless the words give one."""
    gathering = next(r for r in reversed(records) if r.status == m.status and all(p <= r.countries for p in pairs))
    for pair in pairs:
        rec = Record(countries=set(pair), status=m.status, kind=m.kind, basis=1)
        records.append(rec)
        absorb(rec, m)
        add_participants(rec, [p for p in gathering.participants if p.country in pair - m.countries])
        if rec.date is None:
            rec.date = gathering.date  # "before the trilateral session": told beside it, on its day


def _group_joined_by_third(m: Mention, countries: set[str], last: Record | None) -> bool:
    """"The two presidents and Kyrgyz President X held a three-way meeting": the pair just told, joined by a
    state of its own in one coordinated subject, meets as three; not "the two leaders met X" (X is their host)."""
    if not m.group or last is None or last.status != m.status or len(last.countries) < 2 or not countries:
        return False
    if countries & last.countries or KIND_CLASS[m.kind] != "m" or KIND_CLASS[last.kind] not in ("m", "v"):
        return False
    return any(t.lower_ in ("two", "both") and t.head.lemma_.lower() in OFFICIAL_NOUNS
               and any(c.dep_ == "conj" for c in t.head.children) for t in m.sent)  # fmt: skip


def _joins_called_off(m: Mention, countries: set[str], last: Record | None) -> bool:
    """"A meeting between X and Y was called off. The two leaders had been due to sit down with Z, who mediates":
    the pair's called-off meeting just told, with a third party named, is one meeting of the three."""
    if last is None or last.status != "cancelled" or len(last.countries) != 2 or not countries:
        return False
    if not (m.group and m.past_plan and m.status in ("planned", "cancelled")) or m.distinct:
        return False
    return not countries & last.countries and KIND_CLASS[m.kind] == last.kind_class


def _told_frame(m: Mention, records: list[Record], last: Record | None) -> Record | None:
    """The gathering a held contact "on the sidelines" took place at: the contact just told, or, when that one is
    only planned ("met ..., agreeing to work toward a summit"), the latest held one before it."""
    if last is None or m.status != "held" or last.status == "held":
        return last
    return next((r for r in reversed(records) if r.status == "held"), None)


def _counted_gathering(m: Mention, countries: set[str], records: list[Record]) -> set[str] | None:
    """The states of "the six countries", "the three leaders" when the sentence names fewer: those of the latest
    contact told before with exactly that many parties (and the named ones among them)."""
    if m.size < 3 or len(countries) >= m.size:
        return None
    for rec in reversed(records):
        if rec.status != NO_CONTACT and len(rec.countries) == m.size and countries <= rec.countries:
            return set(rec.countries)
    return None


def _recalled_pair(m: Mention, countries: set[str], records: list[Record]) -> set[str] | None:
    """The states of "the two leaders" in "the two leaders last met in May": those of the contact the story is
    about (the one told most often, the first on a tie), not of whatever side contact was told just before."""
    if not (m.group and (m.recall or earlier_marked(m))) or len(countries) >= 2:
        return None
    pairs = [r for r in records if r.status != NO_CONTACT and not r.series and len(r.countries) >= 2
             and countries <= r.countries]  # fmt: skip
    if not pairs:
        return None
    main = max(pairs, key=lambda r: (len(r.mentions), -records.index(r)))
    return set(main.countries)


_LATER_THAT_DAY = re.compile(r"\b(?:later|afterwards|subsequently|in the (?:morning|afternoon|evening))\b",
                             re.IGNORECASE)


def _same_day_as(m: Mention, last: Record) -> bool:
    """A held contact with no time of its own, told right after a held contact with a day, in words that place it
    later that day ("later met", "in the afternoon"): that day. Words with any time of their own never take it."""
    if m.status != "held" or last.status != "held" or last.date is None or last.date.date is None:
        return False
    if told_in_perfect(last.mentions[-1].trigger):
        return False  # "..., where X had hosted him on Sunday": background, not the day the story walks through
    lo, hi = m.sent.start_char, m.sent.end_char
    text = m.sent.doc.text[lo:hi]
    if find_dates(text) or not _LATER_THAT_DAY.search(text):
        return False
    return 0 <= m.sent.start - last.mentions[-1].sent.end <= 2 * NEAR_TOKENS


def _accepted(m: Mention, invitations: list[Mention], records: list[Record]) -> Record | None:
    """"X accepted the invitation": the visit the latest invitation to one of X's countries offered, now planned."""
    for inv in reversed(invitations):
        if not m.countries & inv.countries or m.countries >= inv.countries:
            continue
        countries = m.countries | inv.countries
        m.location, m.location_country, m.host_country = inv.location, inv.location_country, inv.host_country
        rec = Record(countries=countries, status="planned", kind="visit", basis=1)
        absorb(rec, m)
        records.append(rec)
        return rec
    return None


def _implied_other_side(m: Mention, countries: set[str], records: list[Record]) -> set[str] | None:
    """With one side named, both sides from the place of the contact, or from the one visit the article reports
    between that side and another country; None when neither says."""
    if len(countries) == 1 and m.location_country and m.location_country not in countries and not m.listed \
            and not named_pair_told(m.trigger) and not neutral_ground(m.location):
        if m.kind not in ("visit", "summit") and not m.anaphoric and not next(iter(countries)).startswith("IGO:"):
            return countries | {m.location_country}
    if len(countries) == 1 and KIND_CLASS[m.kind] == "m" and not m.anaphoric and m.participants:
        # "followed by a meeting with party leader X", "On Tuesday he met Prime Minister Y": one side named,
        # during the one visit the article reports between that side and one other country
        trips = {frozenset(r.countries) for r in records if r.kind == "visit" and r.status == m.status
                 and r.host_country in countries and len(r.countries) == 2}  # fmt: skip
        # only the host's side may be the one named: "met business leaders" names no side of the visitor's
        if len(trips) == 1:
            return set(trips.pop())
    return None


def _refer_back(m: Mention, countries: set[str], last: Record | None) -> None:
    """A mention with fewer than two countries adds to the contact talked about just before, never a record of its
    own: its cancellation, its people, its place."""
    if (last is not None and m.status == "cancelled" and last.status == "planned" and m.anaphoric
            and KIND_CLASS[m.kind] == last.kind_class and m.trigger.pos_ in ("NOUN", "PROPN")):
        last.status = "cancelled"  # "X will visit Y next week ... The visit was postponed."
    if last is not None and countries <= last.countries and (m.anaphoric or m.group):
        if KIND_CLASS[m.kind] == last.kind_class or m.anaphoric:
            add_participants(last, [p for p in m.participants if p.country in last.countries])
        if m.anaphoric and KIND_CLASS[m.kind] == last.kind_class and last.location is None and m.location:
            last.location, last.location_country = m.location, m.location_country  # "the talks in Seoul"
    if last is not None and _names_the_last(m, countries, last):
        last.kind = m.kind  # "welcomed X at the palace, and the two heads of state held talks": talks
    if last is not None and _dates_the_last(m, countries, last):
        last.date = m.date  # "X and Y have concluded their dialogue. ... We held discussions today on trade"


def _names_the_last(m: Mention, countries: set[str], last: Record) -> bool:
    """Talks in the sentence of a contact told by a verb of hosting name it ("welcomed X at the palace, and the two
    heads of state held talks"); a back-reference in a later sentence ("The talks focused on ...") only refers to
    it, and may refer to another contact of the pair."""
    if not countries <= last.countries or m.status != last.status or KIND_CLASS[m.kind] != last.kind_class:
        return False
    return m.sent.start == last.mentions[-1].sent.start and displaces(m, last.kind, last.mentions)


def _dates_the_last(m: Mention, countries: set[str], last: Record) -> bool:
    """A day told by one side of the contact just reported, in a contact word of the same kind and status within
    the next sentences, when that contact has no day of its own."""
    if last.date is not None or m.date is None or m.date.date is None or not countries <= last.countries:
        return False
    if not countries and not (m.anaphoric or m.group or any(t.lower_ == "we" and t.dep_ == "nsubj" for t in m.sent)):
        return False  # "We held discussions today": the speaker is a side of the contact just told
    if KIND_CLASS[m.kind] != last.kind_class or m.status != last.status or m.distinct or last.status == NO_CONTACT:
        return False
    return 0 <= m.sent.start - last.mentions[-1].sent.end <= NEAR_TOKENS


NEAR_TOKENS = 60  # about two sentences


def _apart_in_time(a: ResolvedDate | None, b: ResolvedDate | None) -> bool:
    """A record's time and a mention's time that cannot be one contact's."""
    return _dates_conflict(a, b) or apart_by_year(b, a)


def _same_contact(m: Mention, countries: set[str], records: list[Record]) -> Record | None:
    """The latest record this mention is another mention of: same countries, status and kind class, compatible
    time and participants."""
    fits = [
        rec for rec in reversed(records)
        if not rec.series
        and rec.countries == countries
        and rec.status == m.status
        and rec.kind_class == KIND_CLASS[m.kind]
        and not _dates_conflict(rec.date, m.date)
        and not apart_by_year(m.date, rec.date)
        and not _participants_conflict(rec.participants, m.participants)
    ]  # fmt: skip
    if not fits:
        return None
    # the one whose people it names again ("I met A and B" after "meetings with A, B and C"), else the latest
    names = {surname(p.name) for p in m.participants}
    return max(fits, key=lambda rec: len(names & {surname(p.name) for p in rec.participants}))


def _shift_base(m: Mention, last: Record | None, records: list[Record], shift: int | None) -> str | None:
    """The day "the previous day" counts from: the contact told just before, unless that is the arrival of the
    trip this contact is part of ("arrived on Sunday for a visit. The previous day, she had called on X"): a
    contact of the trip cannot precede the arrival, so the words count from the day the story is about, the
    latest dated contact of the same countries that is no trip."""
    if shift is None or last is None:
        return None
    if shift < 0 and last.kind == "visit" and m.countries and m.countries <= last.countries:
        days = [r.date.date for r in records if r is not last and r.kind != "visit" and r.date and r.date.date
                and r.date.granularity == "day" and m.countries <= r.countries]
        return days[-1] if days else None
    return last.date.date if last.date and last.date.date else None
