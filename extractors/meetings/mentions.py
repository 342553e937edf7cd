"""One sentence in, the contact mentions it states out: a meeting word, its parties, status, time and place.

Works per sentence (a `Span` from `doc.sents`) so that a cheap lexical gate can skip sentences without any
meeting word (`lexicon.GATE`). Merging mentions into meetings happens later (`merge`).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from anyascii import anyascii

from extractors.core.datelines import dateline_end
from extractors.core.dates import ResolvedDate, day_shift, find_dates, resolve_date
from extractors.core.types import Participant
from extractors.meetings.ahead import (
    destination_after,
    founded_joint_body,
    team_of_both_sides,
    topic_of_briefing,
    under_way,
)
from extractors.meetings.args import (
    COMPANY_NOUNS,
    GROUP_ANAPHORS,
    Lookup,
    Party,
    parties_of,
    phrase,
    phrase_tokens,
    with_conjuncts,
)
from extractors.meetings.dateline_host import visitor_meets_host
from extractors.meetings.each import group_of_distributive
from extractors.meetings.itinerary import departure_origin, departure_stops, planned_stop_verb
from extractors.meetings.kinds import described_by_summit, leaders_round, loose_apposition
from extractors.meetings.lexicon import (
    CANCEL_VERBS,
    FORMATS,
    KIND_CLASS,
    KIND_RANK,
    LEADER_TITLES,
    NON_CONTACT_VERBS,
    NOUN_KINDS,
    OFFICIAL_NOUNS,
    ORDINAL_DISTINCT,
    PARTICIPATION_VERBS,
    PLANNED_MODIFIERS,
    PLANNED_VERBS,
    REGION_WORDS,
    SPORT_WORDS,
)
from extractors.meetings.multilateral import (
    add_multilateral_parties,
    counted_subjects,
    fronted_subjects,
    gathered_people,
    group_size,
    joining_parties,
    later_reception,
    place_hung_partners,
    run_on_partners,
)
from extractors.meetings.pairs import (
    cataphoric_possessor,
    complete_pair,
    day_of_part_of_day,
    left_pair,
    misparsed_met_person,
    verb_hung_sides,
)
from extractors.meetings.past_contacts import (
    misattached_destination,
    present_under_future,
    second_of_two,
    told_earlier,
    trailing_time,
)
from extractors.meetings.planned import (
    OFFICE_PLURALS,
    joint_body_to_meet,
    kind_of_sides,
    officials_to_meet,
    onward_stop,
    plain_seat,
    raised_patients,
    titled_official,
)
from extractors.meetings.plural_dates import one_per_time
from extractors.meetings.precision import (
    drop_qualifying_bodies,
    drop_venue_bodies,
    non_state_actor,
    ongoing_consultations,
    upcoming_occasion,
    venue_of_contact,
    visitor_clause,
)
from extractors.meetings.shifted_days import own_day_beside_shift, reversed_shift, shift_from_other_clause
from extractors.meetings.since import earlier_contacts
from extractors.meetings.status import DENIAL_VERBS, status_of
from extractors.meetings.storyday import just_now, set_apart_in_time
from extractors.meetings.syntax import (
    CLAUSE_DEPS,
    agents_of,
    governing_chain,
    is_destination,
    is_place,
    is_trip_town,
    places_of,
    plan_clauses,
    subject_of,
    venue_in_subtree,
)
from extractors.meetings.time import date_for
from extractors.meetings.triggers import (
    ACCOMPANY_VERBS,
    REMOTE_MODIFIERS,
    SIGNED_NOUNS,
    body_members,
    company_partners,
    due_in,
    format_named_before,
    gathered_groups,
    joint_body,
    signing_group,
    trigger_kind,
)
from extractors.resolve.data import is_country_or_capital, key_of, reference

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# "received a phone call from X", "took part in talks", "placed a call to X": their subject takes part too
AGENT_VERBS = PARTICIPATION_VERBS | CANCEL_VERBS | {
    "meet", "visit", "talk", "speak", "call", "receive", "take", "place", "sit",
}  # fmt: skip
WEAK_VERBS = frozenset({"discuss", "exchange"})
SERIES_WORDS = frozenset({"regular", "annual", "periodic", "monthly", "yearly", "regularly"})
TRIP_VERBS = frozenset({"travel", "arrive", "fly", "go", "come", "head", "continue", "return", "land"})
PRESENCE_VERBS = frozenset({"be", "arrive", "land", "stay", "remain"})
TELLING_VERBS = frozenset({"tell", "assure", "inform", "urge", "brief"})
FRAME_PREPS = frozenset({"on", "during", "in", "at", "over", "by", "via", "after", "before"})
PASSIVE_FRAME_VERBS = frozenset({"propose", "announce", "report"})


@dataclass(slots=True)
class _Arguments:
    """What the words around a contact word say about it, read in steps by `_arguments`."""

    kind: str
    agents: list[Token] = field(default_factory=list)
    partners: list[Token] = field(default_factory=list)
    places: list[Token] = field(default_factory=list)
    destination: list[Token] = field(default_factory=list)
    trip_anchor: list[Token] = field(default_factory=list)  # a trip or destination whose time is the contact's
    trip_verb: Token | None = None  # "a tour that took her to X and Y": the verb that tells the stops
    borrowed_place: bool = False  # a place found beyond the contact's own words
    frame: list[Token] = field(default_factory=list)  # "clashed with X on Thursday at the opening of talks": "clashed"
    hosts: list[Token] = field(default_factory=list)  # "Indian" of "a visit to the Indian capital"
    absolute: bool = False  # "..., with trips to X and Y planned": the traveller is the clause's subject


@dataclass(slots=True)
class Mention:
    kind: str
    status: str
    parties: list[Party]
    sent: Span
    trigger: Token
    date: ResolvedDate | None = None
    location: str | None = None
    location_country: str | None = None
    host_country: str | None = None
    anaphoric: bool = False  # "the meeting", "the talks": refers back, names no new party
    group: bool = False  # "the two leaders", "both sides": the parties of the contact talked about before
    distinct: bool = False  # "a second meeting", "another call": never merged into an earlier one
    evidence_quality: int = 0
    weak: bool = False  # "X and Y discussed ...": a contact only when no other mention names one
    series: bool = False  # "regular meetings", "annual talks": an agreed series, one planned entry of its own
    participants: list[Participant] = field(default_factory=list)
    past_plan: bool = False  # "was due to", "was scheduled to": may be the plan of a contact since called off
    listed: bool = False  # "talks between X and Y": the parties are listed, the venue adds none
    invitation: bool = False  # "invited X to visit Y": no contact, but what a later "accepted the invitation" means
    accepts: bool = False  # "X accepted the invitation": the visit of the invitation told before, now planned
    recall: bool = False  # "the two leaders last met in May": an earlier contact of the pair the story is about
    context: frozenset[str] = frozenset()  # for a group: the two states the sentences just before name
    size: int = 0  # "the six countries": a counted group, the states of the gathering of that many told before
    shift: int | None = None  # the day from the contact told before, when the words' own reading is reversed

    @property
    def countries(self) -> set[str]:
        return {p.country for p in self.parties if p.country}


def mentions_in_sentence(sent: Span, lookup: Lookup, published: date | None, sport_context: bool) -> list[Mention]:
    """Every contact the sentence states, one mention per contact word (a trip made for a meeting folds into
    the meeting). Only this sentence's parse is read, so sentences can be parsed selectively."""
    out: list[Mention] = []
    for tok in sent:
        kind = trigger_kind(tok) or _phone_as_means(tok)
        if kind is None or lookup.in_quotation(tok) and not _scare_quoted(tok, lookup.text):
            continue
        if tok.dep_ == "compound" and tok.head.i != tok.i and trigger_kind(tok.head) is not None:
            continue  # "summit meeting", "two-plus-two talks": one contact word, read at its head
        if (tok.dep_ in ("appos", "npadvmod", "attr") or tok.lower_ == "summit" and loose_apposition(tok)) \
                and _names_same_contact(tok):
            # "held talks on Tuesday, the second meeting between them in three days"; "met in May, a summit at
            # which ..." (a summit hung loose after its clause is read on the verb: `described_by_summit`)
            continue
        if tok.lower_ == "talks" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "round":
            kind = "negotiation"  # "a fifth round of talks"; "held five rounds of talks" tells talks, counted
        for c in tok.children:
            # "summit talks"; "talks at X, the first summit in years" (an apposition naming the contact a summit)
            inner = trigger_kind(c) if c.dep_ == "compound" or c.dep_ == "appos" and c.lower_ == "summit" else None
            if inner and KIND_RANK.get(inner, 0) > KIND_RANK.get(kind, 0) and KIND_CLASS[inner] == KIND_CLASS[kind]:
                kind = inner
        if KIND_CLASS.get(kind) == "m" and KIND_RANK.get(kind, 0) < KIND_RANK["summit"] and described_by_summit(tok):
            kind = "summit"  # "after three hours of talks at the palace, the first summit between the two"
        if KIND_CLASS.get(kind) == "m" and _remote(tok):
            kind = "call"  # "held talks by video link", "met via videoconference"
        m = _mention(tok, kind, sent, lookup, published, sport_context)
        for x in m:
            x.kind = leaders_round(x)  # "a second round of talks with President X": the leaders' talks
        out.extend(m)
        out.extend(earlier_contacts(tok, governing_chain(tok), m, out, published))  # "the first ... since 1998"
        out.extend(one_per_time(tok, m, published))  # "held summits in June 2018 and in February 2019"
        out.extend(second_of_two(tok, m, published))  # "had travelled to Tunis twice in the past month"
    out.extend(_acceptances(sent, lookup))
    return _fold_purpose(out)


SCARE_QUOTE_CHARS = 24
OPENING_QUOTES = ('"', "\u201c")
CLOSING_QUOTES = ('"', "\u201d")


def _scare_quoted(tok: Token, text: str) -> bool:
    """A contact word inside quotation marks that hold only a short name ("the next "2+2"", 'the "Normandy"
    talks'): the marks set off a name, they do not quote a speaker."""
    start = max(text.rfind(q, 0, tok.idx) for q in OPENING_QUOTES)
    ends = [e for e in (text.find(q, tok.idx + len(tok.text)) for q in CLOSING_QUOTES) if e >= 0]
    if start < 0 or not ends:
        return False
    inner = text[start + 1 : min(ends)]
    if len(inner) > SCARE_QUOTE_CHARS or len(inner.split()) > 3 or any(ch in inner for ch in ".,!?;:\n"):
        return False  # '"We will meet," he said': a short quotation all the same
    words = [t for t in tok.sent if start < t.idx < min(ends)]
    return all(t.pos_ not in ("VERB", "AUX", "PRON") for t in words)


INVITE_NOUNS = frozenset({"invitation", "invite"})


def _invitee(tok: Token) -> list[Token] | None:
    """Who is invited when the visit `tok` is the content of an invitation that is not (yet) accepted: "invited X to
    visit Y", "X was invited to visit Y", "an invitation for X to visit Y"; None when `tok` is no such content."""
    head = tok.head
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and head.lemma_.lower() in ("pay", "make"):
        tok, head = head, head.head  # "invited X to pay a state visit to Y": the verb that holds the visit
    if tok.pos_ not in ("VERB", "AUX") or head is tok:
        return None
    if tok.dep_ in ("xcomp", "advcl", "ccomp") and head.lemma_.lower() == "invite":
        return with_conjuncts([c for c in head.children if c.dep_ in ("dobj", "nsubjpass")])
    if tok.dep_ in ("acl", "advcl", "relcl") and head.lemma_.lower() in INVITE_NOUNS and not (
        head.dep_ == "dobj" and head.head.lemma_.lower() == "accept"
    ):
        return with_conjuncts([c for c in tok.children if c.dep_ == "nsubj"])
    return None


def _accepts_invitation_told(tok: Token) -> bool:
    """"..., and the Chinese leader accepted": "accept" with no object, joined to an earlier verb of inviting in its
    sentence, accepts that invitation."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in tok.children) or tok.dep_ != "conj":
        return False
    return tok.head.lemma_.lower() == "invite" and tok.head.i < tok.i


def _acceptances(sent: Span, lookup: Lookup) -> list[Mention]:
    """"X accepted the invitation": a planned visit, the one of the invitation told before (its content is read in
    the merge). An acceptance that names its own visit ("accepted an invitation to visit Y") is read as a plan."""
    out: list[Mention] = []
    if "accept" not in lookup.text[sent.start_char : sent.end_char].lower():
        return out
    for tok in sent:
        if tok.lemma_.lower() != "accept" or tok.pos_ != "VERB" or lookup.in_quotation(tok):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in INVITE_NOUNS]
        if not objs and _accepts_invitation_told(tok):
            objs = [tok]  # "X invited Y to visit Z next year, and Y accepted": the invitation of the sentence
        if not objs or any(c.dep_ in ("acl", "advcl", "relcl") for c in objs[0].children):
            continue
        if any(c.dep_ == "neg" for c in tok.children) or any(c.lower_ in ("could", "should", "if") for c in
                                                               tok.children):  # fmt: skip
            continue
        parties: list[Party] = []
        for a in with_conjuncts(agents_of(tok)):
            parties += parties_of(a, lookup)
        if not any(p.country for p in parties):
            continue
        m = Mention(kind="visit", status="planned", parties=parties, sent=sent, trigger=objs[0], accepts=True)
        m.participants = [p.participant for p in parties if p.participant is not None]
        out.append(m)
    return out


REMOTE_WORDS = frozenset({"video", "videolink", "phone", "telephone", "videoconference", "teleconference"})


def _remote(tok: Token) -> bool:
    """Whether a meeting word is held over a line ("by video link", "via telephone"): then it is a call."""
    if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("compound", "amod") and c.lower_ in REMOTE_MODIFIERS
                                             for c in tok.children):  # fmt: skip
        return True  # "held telephone talks with X", "a video meeting": over a line, whatever the noun
    holders = [tok] + ([tok.head] if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") else [])
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "via", "over"):
                if any(w.lower_ in REMOTE_WORDS for g in c.children if g.dep_ == "pobj" for w in g.subtree):
                    return True
    return False


def _names_same_contact(tok: Token) -> bool:
    """An apposition that describes a contact word of the same clause rather than naming a new contact."""
    x = tok.head
    for _ in range(3):
        if trigger_kind(x) is not None:
            return True
        if x.pos_ in ("VERB", "AUX"):
            return any(trigger_kind(c) is not None for c in x.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))
        if x.head is x:
            break
        x = x.head
    return False


PLAN_NOUNS = frozenset({"plan", "plans", "intention", "decision", "invitation"})
PLAN_NOUN_VERBS = frozenset({"have", "announce", "unveil", "confirm", "outline", "make", "reveal", "disclose"})
NO_CONTACT = "none"  # status of a mention that reports no contact but names its would-be parties


def _plan_frame(tok: Token, chain: list[Token]) -> tuple[Token | None, list[Token], bool]:
    """A contact as the content of a plan or an accepted invitation: "the minister's plans to visit Washington",
    "announced plans to visit", "accepted an invitation to pay a visit". Returns (the plan noun, who is to take
    part, whether the plan is refused or unaccepted); the noun is None when there is no such frame.

    An invitation only is one once accepted ("accepted" or "may accept"); extending one is a proposal.
    """
    x = chain[-1] if chain else tok
    if x.dep_ != "acl" or x.head.pos_ != "NOUN" or x.head.lemma_.lower() not in PLAN_NOUNS:
        return None, [], False
    noun = x.head
    gov = noun.head
    refused = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) or "not" in {
        c.lower_ for c in gov.children if c.dep_ == "neg"
    } or any(a.lemma_.lower() in DENIAL_VERBS for a in noun.ancestors)
    owners = [c for c in noun.children if c.dep_ == "poss"] or [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
    ]  # "the minister's plans", "the decision of the French President"
    if noun.lemma_.lower() == "invitation":
        if noun.dep_ != "dobj" or gov.lemma_.lower() != "accept":
            return noun, [], True
        return noun, with_conjuncts(agents_of(gov)), refused
    if owners:
        return noun, with_conjuncts(owners), refused
    if noun.dep_ == "dobj" and gov.lemma_.lower() in PLAN_NOUN_VERBS:
        return noun, with_conjuncts(agents_of(gov)), refused
    return noun, [], refused


def _past_dateline(tokens: list[Token], dateline: set[int]) -> list[Token]:
    """The parser hangs the real subject on the dateline's city ("SEOUL (Wire) - President Kim spoke ...": Kim
    as an apposition of SEOUL); keep those and drop the city."""
    out: list[Token] = []
    for t in tokens:
        if t.i not in dateline:
            if t not in out:
                out.append(t)
            continue
        for c in _hung_on_dateline(t, dateline):
            if c not in out:
                out.extend(x for x in with_conjuncts([c]) if x.i not in dateline and x not in out)
    return out


def _hung_on_dateline(t: Token, dateline: set[int]) -> list[Token]:
    """Appositions and conjuncts outside the dateline hung on its token `t`, also through the dateline's other
    tokens ("Kathmandu, Jul 2: Minister X held ...": X an apposition of "Jul", itself one of the city)."""
    out: list[Token] = []
    todo, seen = [t], {t.i}
    while todo:
        x = todo.pop()
        for c in x.children:
            if c.i in dateline and c.i not in seen and c.dep_ in ("appos", "conj", "npadvmod", "nmod"):
                seen.add(c.i)
                todo.append(c)
            elif c.i not in dateline and c.dep_ in ("appos", "conj") and c not in out:
                out.append(c)
            elif c.i not in dateline and c.dep_ == "acl" and c.lower_ == "visiting" and c.i - 1 in dateline:
                # "Kathmandu, Dec 3: Visiting Minister X held talks": the city "visiting" X, as the parser has it
                out.extend(o for o in c.children if o.dep_ == "dobj" and o not in out)
    return out


def _told_as_past_plan(v: Token) -> bool:
    """"was due to open", "were scheduled to meet": a plan told in the past tense."""
    if v.lemma_.lower() not in PLANNED_VERBS and v.lower_ != "due":
        return False
    if {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")} & {"was", "were", "had"}:
        return True
    if v.dep_ in ("acomp", "attr") and v.head.lower_ == "been":
        return "had" in {c.lower_ for c in v.head.children if c.dep_ == "aux"}  # "had been due to meet"
    return v.dep_ in ("acomp", "attr") and v.head.lower_ in ("was", "were")


def _is_to_infinitive(v: Token) -> bool:
    return v.pos_ in ("VERB", "AUX") and any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children)


def _purpose_of(visit: Token, other: Token) -> bool:
    """Whether the contact word `other` is what the trip `visit` is for: "travel to X for talks with Y",
    "arrived in X to hold talks", "will visit X to meet Y"."""
    if other.dep_ == "pobj" and other.head.lower_ == "of" and other.head.head.dep_ == "pobj" and \
            other.head.head.lower_ in ("hours", "days", "round", "rounds", "series"):  # fmt: skip
        other = other.head.head  # "for three hours of talks", "for a round of negotiations"
    if other.dep_ == "pobj" and other.head.lower_ == "for":
        host = other.head.head
        if host.i == visit.i or host.head.i == visit.i and host.dep_ in ("npadvmod", "pobj", "dobj"):
            return True  # "for talks", "next week for talks"
    if other.dep_ in ("advcl", "xcomp") and _is_to_infinitive(other) and other.head.i == visit.i:
        return True  # "arrived to meet"
    verb = other.head
    while verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "travel to X to watch a match and hold talks": the second of two purposes
    return (
        other.dep_ == "dobj" and verb.dep_ in ("advcl", "xcomp") and _is_to_infinitive(verb) and verb.head.i == visit.i
    )  # "arrived to hold talks"


HOLDER_VERBS = frozenset({"sit", "host", "receive", "welcome"})


def _tour_stop(trip: Mention, mentions: list[Mention]) -> bool:
    """Whether the trip word names several destinations in different states, each read as its own visit."""
    return len({m.location_country for m in mentions if m.trigger.i == trip.trigger.i and m.kind == "visit"}) > 1


def _other_stop(trip: Mention, contact: Mention) -> bool:
    """Whether a trip with several stops and the contact it is for were read at two different stops ("will travel
    to X and Y for consultations": the talks at X are not made on the trip to Y)."""
    return bool(trip.location_country and contact.location_country) and \
        trip.location_country != contact.location_country and trip.trigger.i != contact.trigger.i


def _fold_purpose(mentions: list[Mention]) -> list[Mention]:
    """A trip made for one meeting is one contact (the meeting, at the trip's destination)."""
    drop: set[int] = set()
    tour_stops: set[int] = set()
    for i, v in enumerate(mentions):
        told_by = [id(m) for m in mentions
                   if m.kind not in ("visit", "call") and v.kind == "visit" and m.status == v.status
                   and visitor_clause(v.trigger, m.trigger)  # the same stay, not a later trip
                   and not told_earlier(v.trigger)]  # "X, who last visited Y in May, praised the talks": an earlier one
        if not told_by and (v.trigger.pos_ not in ("VERB", "AUX")
                            or v.kind != "visit" and v.trigger.lemma_.lower() not in HOLDER_VERBS):
            continue  # a trip, "sat down with X for talks", "hosted X for talks": the talks are the contact
        for j, m in enumerate(mentions):
            if j == i or m.kind == "visit" or not (_purpose_of(v.trigger, m.trigger) or id(m) in told_by):
                continue
            if _other_stop(v, m):
                continue  # "travel to X, Y and Z for talks": each stop's talks take only that stop's trip
            if m.weak and not any(c.dep_ == "prep" and c.lower_ == "with" for c in m.trigger.children):
                continue  # "travel to X to discuss Y" names a topic of the trip; "to discuss Y with Z" a meeting
            drop.add(i)
            home = v.countries - {v.host_country}
            if _tour_stop(v, mentions) and v.host_country in m.countries:
                # "travel to X and Y for talks with X's and Y's leaders": at each stop, the talks with its host
                m.parties = [p for p in m.parties if p.country in home or p.country == v.host_country]
                m.participants = [p.participant for p in m.parties if p.participant is not None]
            if _tour_stop(v, mentions) and not any(p.participant for p in m.parties if p.country not in home) \
                    and m.kind in ("talks", "meeting") and not any(c.dep_ == "prep" and c.lower_ in PARTNER_PREPS
                                                                  for c in m.trigger.children):  # fmt: skip
                tour_stops.add(j)
            if v.status == "planned" and m.status == "held":
                m.status = "planned"  # "will travel to X for talks": the talks are as future as the trip
                if v.date is not None and m.date is not None and v.date.text == m.date.text:
                    m.date = v.date  # the same words, read forward as the trip's
            if m.location is None:
                m.location, m.location_country = v.location, v.location_country
            two_sided = id(m) in told_by and len(m.countries) >= 2
            for p in v.parties:
                if two_sided and p.participant is None and p.country not in m.countries:
                    continue  # "X, who is visiting Brazil to attend the G20, held talks with Y": Brazil is a stay
                if p.country and p.country not in m.countries or p.participant and p.participant not in m.participants:
                    m.parties.append(p)
                    if p.participant:
                        m.participants.append(p.participant)
            if m.date is None:
                m.date = v.date
            if v.status == "cancelled":
                m.status = "cancelled"
    for j in tour_stops:
        mentions[j].kind = "visit"  # "will travel to X, Y and Z for consultations": a visit to each, no one met named
    for i, v in enumerate(mentions):
        if v.kind == "visit" and v.trigger.lemma_.lower() in ("travel", "arrive", "be", "expect") and i not in drop:
            if not (v.location and is_country_or_capital(v.location)):
                drop.add(i)  # "will travel to New York": a trip to a city that is not a seat of government
    return [m for k, m in enumerate(mentions) if k not in drop]


def _complete_from_clause(parties: list[Party], sent: Span, lookup: Lookup) -> None:
    """One named participant of unknown country facing one known country: when the sentence's main clause has
    exactly one other state acting in it ("proposed by Russia during the Abe-Putin summit", "at Russia's
    initiative, Putin called ..."), that state is the participant's."""
    unknown = [p for p in parties if p.participant is not None and p.country is None]
    known = {p.country for p in parties if p.country}
    if len(unknown) != 1 or len(known) != 1:
        return
    keep = phrase_tokens(sent.root)
    others = [c for c in lookup.countries(sent, keep) if c not in known and not c.startswith("IGO:")]
    if len(set(others)) != 1:
        return
    party = unknown[0]
    party.country = others[0]
    if party.participant is not None:
        party.participant.country = others[0]


def _same_side_guess(parties: list[Party], agent_countries: set[str], lookup: Lookup) -> None:
    """A counterpart whose country the resolver only guessed from context, guessed as the visitor's own country
    ("the king ... On Tuesday he met Prime Minister Le", no nationality given): an official met abroad belongs
    to the country the story is about, when that is another one."""
    if len(agent_countries) != 1:
        return
    wrong = [p for p in parties if p.guessed and p.country in agent_countries and p.participant is not None]
    if not wrong or len(wrong) == len([p for p in parties if p.participant is not None]):
        return
    main = lookup.main_country_besides(agent_countries)
    if main is None or lookup.mention_count(main) < 2:
        return  # a state named once in passing ("the attack in Benghazi") is not where the official was met
    for p in wrong:
        p.country = main
        if p.participant is not None:
            p.participant.country = main


# Bodies whose heads meet for no state ("the two clubs' presidents met"); firms are `args.COMPANY_NOUNS`.
PRIVATE_BODIES = frozenset("club clubs team teams university universities school schools federation federations "
                           "league leagues union unions church churches".split())


def _is_group(tokens: list[Token]) -> bool:
    """"The two leaders", "both presidents", "the two heads of state", "they": the parties talked about before."""
    for t in tokens:
        if any(c.dep_ == "poss" and c.lemma_.lower() in COMPANY_NOUNS | PRIVATE_BODIES for c in t.children):
            return False  # "the two companies' presidents", "both clubs' chairmen": people of no state
        if t.lower_ in ("they", "both", "two"):
            return True
        if t.lower_ == "pair" and any(c.lower_ == "the" for c in t.children) or _two_last(t):
            return True  # "the pair last met in May": the two just talked about
        if t.tag_ == "NNS" and t.lemma_.lower() in OFFICIAL_NOUNS and any(
            c.dep_ == "poss" and c.lower_ == "their" for c in t.children
        ):
            return True  # "their leaders would meet": the leaders of the two just named
        if _the_officials(t):
            return True  # "the presidents agreed to meet again": the officials just told
        if team_of_both_sides(t):
            return True  # "technical teams from the two governments will meet": the two states of the story
        words = {x.lower_ for x in phrase(t)}
        if words & {"two", "both"} and (
            t.lower_ in GROUP_ANAPHORS or t.lemma_.lower() in OFFICIAL_NOUNS or t.lower_ in OFFICIAL_NOUNS
            or t.lower_ in OFFICE_PLURALS  # "the Foreign Secretaries of the two countries" (a PROPN keeps its plural)
        ):
            return True  # the head must be a state's people or the states: not "both companies", "two teams"
    return False


def _mention(
    tok: Token, kind: str, sent: Span, lookup: Lookup, published: date | None, sport_context: bool
) -> list[Mention]:
    """The mention(s) of one contact word: several when one visit word names several destinations."""
    if ongoing_consultations(tok):
        return []  # "agreed to continue close consultations": no round of its own
    if topic_of_briefing(tok):
        return []  # "to brief X on the talks": the talks told already
    chain = governing_chain(tok)
    if not chain and (means := _means_verb(tok) if _phone_as_means(tok) else None) is not None:
        chain = governing_chain(means)  # "is scheduled to brief X by telephone": as planned as the briefing
    frame, frame_agents, frame_refused = _plan_frame(tok, chain)
    # a signing together is a contact of its own ("the ministers of the two countries signed ..."), which a later
    # "when they last met" may refer back to
    weak = tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in WEAK_VERBS
    args = _arguments(tok, kind, chain, sent, lookup, weak)
    args.partners = [group_of_distributive(p) for p in args.partners if not cataphoric_possessor(p)]
    if frame is not None and frame_agents:
        args.agents = frame_agents
    if lookup.dateline:  # "BAGHDAD (Wire) - Saudi Arabia and Iran held ...": the dateline is no party or place
        _drop_dateline(args, lookup.dateline)
    sport_context = sport_context or any(t.lower_ in SPORT_WORDS or t.lower_ == "friendly" and t.pos_ == "NOUN"
                                         for t in sent)  # fmt: skip
    if sport_context and not any(t.ent_type_ == "PERSON" or titled_official(t) for a in args.agents + args.partners
                                 for t in phrase(a)):  # fmt: skip
        return []
    args.agents += [t for t in fronted_subjects(tok) if t not in args.agents]  # "On Saturday A, B and C met D"
    if args.agents and all(non_state_actor(a) for a in args.agents):
        return []  # "a delegation of coffee exporters visited the fair": traders, not a state
    if args.partners and all(non_state_actor(p) and p.dep_ == "dobj" and p.head.i == tok.i for p in args.partners):
        return []  # "X and Y met fans in Brussels": the ones met are private people, not a state's
    args.partners += [t for t in run_on_partners(tok) + gathered_people(tok) if t not in args.partners]
    parties, agent_countries, agent_guesses = _parties(args, sent, lookup)
    visitor_meets_host(args.agents, args.partners, parties, lookup)
    complete_pair(tok, parties, lookup)
    if args.absolute and not agent_countries & {lookup.main_country(), getattr(lookup.resolver, "home", None)}:
        return []  # a diary sketched in a with-clause is the protagonist's: another subject is likely misread
    _add_joint_body_states(tok, args, lookup, parties)
    _add_group_beside_named(args, sent, lookup, parties, agent_countries)
    if not _side_by_side_ok(tok, parties, agent_countries):
        return []
    if _hosted_in_passing(tok, parties):
        return []
    if not agent_countries and any(a.lower_ in ("i", "me") for a in args.agents):
        return []  # "I spoke with my counterparts from X and Y", the speaker unknown: a side is missing
    if sport_context and not any(p.participant is not None and p.participant.role for p in parties):
        return []  # "grandmaster X will meet Y in the final": players, not officials
    extra = plan_clauses(tok) + args.trip_anchor + args.frame
    date_text = date_for(tok, chain, sent, extra) or trailing_time(tok)
    shift = None
    if date_text is None and (found := shift_from_other_clause(tok, chain)) is not None:
        date_text, shift = found  # "The call came a day after X and Y met": a day before the call
    elif date_text is not None:
        shift = reversed_shift(tok, chain, sent, date_text)
    if date_text and onward_stop(tok) and not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree):
        date_text = None  # "talks on Tuesday before going on to X": the stop's day is not the talks'
    if tok.pos_ in ("NOUN", "PROPN") and (date_text or args.places):
        _add_format_parties(tok, parties)
    to_meet = (officials_to_meet(args.agents, chain) or joint_body_to_meet(args.agents, chain)
               or founded_joint_body(args.agents, chain)) and len(
        {p.country for p in parties if p.country}) < 2
    if _meets_alone(tok, args, parties) and not to_meet:
        return []  # "the committee met this month": a body meeting on its own
    args.kind = kind_of_sides(args.kind, tok, args.agents)
    status = _status(tok, chain, date_text, sent, (frame, frame_refused), parties)
    if status == "held" and upcoming_occasion(tok):
        status = "planned"  # "a summit with Trump ahead of the U.S.-North Korea meeting"
    if status == "held" and present_under_future(chain):
        status = "planned"  # "will take it up again when X visits Y in June"
    if status == "planned" and _told_past_after_arrival(tok, chain, sent, date_text):
        status = "held"  # "held talks with Y soon after landing": "soon" tells the arrival's distance, not a plan
    invitees = _invitee(tok) if args.kind == "visit" else None
    if invitees is not None:
        return _invitation_mention(tok, args, invitees, sent, lookup)
    if status is None:
        return []
    if args.absolute and status == "held" and (tok.head.lemma_.lower() in PLANNED_VERBS | {"pencil", "line"}):
        status = "planned"  # "..., with trips to X and Y pencilled in": a plan, whatever the tense of the clause
    if args.trip_verb is not None and status in ("held", "planned"):
        # "a tour that took her to X" is over; "a tour that takes her to X" (or will) is still ahead
        status = "held" if args.trip_verb.tag_ in ("VBD", "VBN") or _begun_trip(tok, args.trip_verb) else "planned"
    ahead = status == "planned" or status == "cancelled" and not _called_off_on(date_text, chain, sent)
    resolved = resolve_date(date_text, published, future=ahead) if date_text else None
    if resolved is not None and day_shift(date_text) is not None:
        resolved = _day_before_shift(tok, date_text, sent, published, status) or own_day_beside_shift(
            tok, chain, sent, extra, date_text, published, ahead) or _day_from_other_event(
            date_text, sent, published, status) or resolved
    if resolved is None or resolved.date is None and resolved.granularity is None:
        resolved = _day_of_occasion(sent, published, status) or _day_of_arrival(sent, published, status) or \
            day_of_part_of_day(sent, published, status) or just_now(tok, chain, published, status) or resolved
    if resolved and resolved.date and published is not None and status == "held" and not chain:
        if resolved.date > published.isoformat():
            status = "planned"
    ahead = _present_for_future(chain, date_text, resolved, published) if status == "held" else None
    if ahead is not None:
        status, resolved = "planned", ahead  # "when X hosts Y for a summit on April 26": a timetable's present
    _add_the_n_named(args, sent, lookup, parties)
    add_multilateral_parties(tok, parties, lookup)
    for code in (c for a in args.agents for c in format_named_before(a)):  # "the format's leaders last met"
        if not any(p.country == code for p in parties):
            parties.append(Party(code, None, sent.start_char))
    # "X, head of the UN-recognized government": no UN
    parties[:] = drop_qualifying_bodies(parties, sent, lookup.resolver.country_of_text)
    kept = drop_venue_bodies(tok, parties, sent)  # "X and Y will meet at the EU-CELAC summit": no EU
    if (len(kept) < len(parties) or tok.dep_ == "dobj" and tok.head.lemma_.lower() == "attend") \
            and venue_of_contact(tok):
        # the summit is where the pair's contact, told by its own word, takes place ("X, who is visiting Rio to
        # attend the G20 ministers' meeting, held a meeting with Y": the gathering is only the occasion)
        return []
    parties[:] = kept
    group = _is_group(args.agents + args.partners) or to_meet
    if group and len({p.country for p in parties if p.country}) < 2:
        prev = _add_the_two_named(tok, args, sent, lookup, parties, _recalled(tok, chain))
        if prev is not None and resolved is None and status == "held" and not set_apart_in_time(sent, tok):
            resolved = _only_date(prev, lookup, published, status)  # "On Friday X greeted Y. The two then met"
    series = tok.tag_ == "NNS" and any(c.lower_ in SERIES_WORDS for c in tok.children)
    recall = group and _recalled(tok, chain)
    unresolved = group and len({p.country for p in parties if p.country}) < 2
    context = _context_pair(args.agents + args.partners, sent, lookup) if unresolved else frozenset()
    fields = {
        "kind": args.kind, "status": status, "sent": sent, "trigger": tok, "date": resolved if resolved else None,
        "anaphoric": _anaphoric(tok, parties), "group": group, "distinct": _distinct(tok, chain, args, series),
        "weak": weak, "series": series, "recall": recall, "context": context,
        "size": group_size(args.agents + args.partners + counted_subjects(chain)),
        "past_plan": any(_told_as_past_plan(v) for v in chain),
        "listed": any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in tok.children),
        "shift": shift,
    }  # fmt: skip
    places = _place_groups(args, lookup)
    if args.borrowed_place and len({p.country for p in parties if p.country}) < 2 and args.kind != "visit" \
            and not group:
        places = [(None, None)]  # "arrived in Singapore to meet ministers of other nations": no host implied
    mentions = [_at_place(place, places, parties, agent_guesses, lookup, fields) for place in places]
    if onward_stop(tok):  # "before continuing to X": a stop whose state is unknown names no host
        mentions = [m for m in mentions if m.location and plain_seat(m.location) and m.location_country in m.countries]
        for m in mentions:
            m.status = "planned"  # the stop of a trip still to come
    home = under_way(tok, lookup.place_country) if status == "planned" else None
    for m in mentions:
        if home is not None and m.location_country == home:
            m.status = "held"  # "who is on a state visit to X that will take him to Y": under way in X
    hosts = {c for t in args.hosts for c in _state_codes(t, lookup)}
    for m in mentions:
        if m.kind == "visit" and m.location is None and len(hosts) == 1:
            cap = args.hosts[0].head  # "a visit to the Indian capital": in India
            m.location = sent.doc[cap.left_edge.i : cap.i + 1].text
            m.location_country = m.host_country = next(iter(hosts))
        elif m.kind != "visit" and m.location is None and tok.pos_ in ("VERB", "AUX"):
            _capital_place(m, tok, lookup)  # "were due to sit down in the Ethiopian capital with X"
    if len(mentions) == 1 and (args.kind == "call" or _split_kind(tok)):
        split = _split_calls(mentions[0], agent_countries)
        if len(split) > 1 and tok.pos_ in ("VERB", "AUX"):
            _own_phrase_time(split, tok, published, lookup)
        return split
    return mentions


def _invitation_mention(tok: Token, args: _Arguments, invitees: list[Token], sent: Span,
                        lookup: Lookup) -> list[Mention]:
    """The visit an invitation offers, kept (as no contact) for a later acceptance: the invitee and the host."""
    destination = args.destination or _paid_visit_destination(tok)
    if len(destination) != 1:
        return []
    span = lookup.ent_span(destination[0])
    host = lookup.place_country(span.text)
    parties = [p for t in invitees for p in parties_of(t, lookup)]
    if host is None or any(p.country == host for p in parties):
        return []
    parties.append(Party(host, None, tok.idx))
    m = Mention(kind="visit", status=NO_CONTACT, parties=parties, sent=sent, trigger=tok, location=span.text,
                location_country=host, host_country=host, invitation=True)
    m.participants = [p.participant for p in parties if p.participant is not None]
    return [m]


def _hosted_in_passing(tok: Token, parties: list[Party]) -> bool:
    """A body's gathering that a state hosted, told in a side clause ("..., when Chile hosted the APEC summit")
    dates or places another contact: no contact of the host with the body, when no one else is named."""
    verb = tok.head
    if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or verb.lemma_.lower() != "host" or verb.dep_ not in ("relcl", "advcl"):
        return False
    if any(p.participant is not None for p in parties):
        return False
    codes = {p.country for p in parties if p.country}
    igos = {c for c in codes if c.startswith("IGO:")}
    return len(igos) == 1 and len(codes - igos) <= 1


STANDING_ENVOYS = ("ambassador", "envoy", "representative", "delegate", "permanent")


def _paid_visit_destination(tok: Token) -> list[Token]:
    """"to pay a state visit to Y": the parser hangs "to Y" on "pay" (as a dative), not on the visit noun."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in ("pay", "make"):
        return []
    return [g for c in tok.head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
            for g in c.children if g.dep_ == "pobj" and is_destination(g)]  # fmt: skip


def _side_by_side_ok(tok: Token, parties: list[Party], agent_countries: set[str]) -> bool:
    """A tour or inspection "with" someone is a contact only with an official of another known state; an address
    only to a body of an international organisation ("addressed the AU's Peace and Security Council")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX"):
        return True
    if lemma == "address":
        igos = [p for p in parties if p.country and p.country.startswith("IGO:")]
        for p in igos[1:]:
            parties.remove(p)  # one body is addressed: "the African Union Peace and Security Council" is the AU's
        envoys = any(p.participant is not None and p.country in agent_countries and any(
            w in (p.participant.role or "").lower() for w in STANDING_ENVOYS) for p in parties) or any(
            t.lemma_.lower() in STANDING_ENVOYS for t in subject_of(tok))  # fmt: skip
        return bool(agent_countries) and bool(igos) and not envoys  # a state's envoy there speaks in the body
    toured_country = lemma == "tour" and any(c.dep_ == "dobj" and c.ent_type_ == "GPE" for c in tok.children)
    if lemma in ACCOMPANY_VERBS and not toured_country:
        others = {p.country for p in parties if p.country and p.country not in agent_countries}
        return bool(agent_countries) and bool(others)
    return True


def _split_kind(tok: Token) -> bool:
    """A contact word whose several counterparts of different countries are several bilateral contacts: a verb
    ("met his counterparts from X and Y", "will meet the presidents of X and Y"), a plural noun ("held
    meetings with X and Y") or talks someone holds with them ("held talks with X and Y", which wire copy uses
    for a round of bilaterals), not "a summit with X and Y" or "talks between X and Y" (one gathering)."""
    if tok.pos_ in ("VERB", "AUX"):
        return KIND_CLASS.get(trigger_kind(tok) or "", "") in ("m", "c")
    if tok.lower_ == "talks" and tok.head.lemma_ in ("hold", "have", "conduct") and tok.dep_ == "dobj" \
            and not any(c.lower_ in ("between", "among") for c in tok.children):
        return True
    return tok.lower_ in ("meetings", "calls", "conversations")


def _day_from_other_event(date_text: str, sent: Span, published: date | None, status: str) -> ResolvedDate | None:
    """"X called on Y on Wednesday, a day after Z wrapped up talks": the contact told in the clause after "a day
    after" is a day before the other event's day in the sentence. Words with no clause after them ("..., the
    previous day.") are left to the merge, which knows the contact told before."""
    text = sent.text
    at = text.find(date_text)
    if at < 0 or not text[at + len(date_text) :].strip(" ,.;:\"'\u201d") or text[at + len(date_text) :].lstrip()[:1] \
            in (",", ".", ";"):  # fmt: skip
        return None
    # the nearest other time words (not a dateline's date at the top)
    for m in sorted(find_dates(text), key=lambda m: min(abs(m.end - at), abs(m.start - at - len(date_text)))):
        if m.start <= at < m.end or day_shift(m.text) is not None:
            continue
        other = resolve_date(m.text, published, future=status != "held")
        if other.date and other.granularity == "day":
            shift = day_shift(date_text) or 0
            if not date_text.lower().rstrip().endswith(("after", "before")):
                shift = -shift  # "the meeting held the previous day with Y": the contact's own day, not a clause's
            d = date.fromisoformat(other.date) - timedelta(days=shift)
            return ResolvedDate(d.isoformat(), date_text, "day", d.isoformat())
    return None


def _arguments(tok: Token, kind: str, chain: list[Token], sent: Span, lookup: Lookup, weak: bool) -> _Arguments:
    """Who takes part and where: the words attached to the contact word, then the clause and frame around it."""
    args = _Arguments(kind)
    if tok.pos_ in ("VERB", "AUX"):
        _verb_arguments(tok, args, weak)
    else:
        _noun_arguments(tok, chain[0] if chain else None, args)
    frame_verb = _frame_verb(tok)
    if not args.agents and frame_verb is not None:
        _framing_clause_arguments(tok, frame_verb, args)
        if args.agents and tok.head.lower_ == "of":
            args.frame = [frame_verb]  # its time is the contact's: the talks opened as the clash happened
    if args.kind == "visit" and not args.destination and tok.pos_ in ("NOUN", "PROPN"):
        for anc in tok.ancestors:
            if anc.pos_ in ("VERB", "AUX"):
                if anc.lemma_.lower() in PRESENCE_VERBS:  # "is in Tokyo on the first stop of her trip"
                    args.destination = [p for p in places_of([anc]) if is_destination(p)]
                break
    _call_as_means(tok, args)
    args.partners += [t for t in joining_parties(tok) if t not in args.partners]  # "with the participation of Z"
    _agents_facing_counterparts(tok, args)
    args.agents += [m for a in args.agents for m in body_members(a) if m not in args.agents]
    if not args.places and tok.pos_ in ("VERB", "AUX"):
        args.places = _place_of_told_contact(tok)
    _places_of_contact(tok, chain, sent, lookup, args)
    return args


MEANS_PREPOSITIONS = frozenset({"in", "by", "over", "during", "via"})
MEANS_VERBS = frozenset({"brief", "inform", "update", "discuss", "congratulate", "thank", "assure", "tell", "invite",
                         "urge", "ask", "review", "exchange", "express", "convey", "offer", "extend", "raise"})


PHONE_WORDS = frozenset({"phone", "telephone", "videophone"})


def _phone_as_means(tok: Token) -> str | None:
    """"X informed Y by telephone", "congratulated Y over the phone": the line itself names a call when it is the
    means of a verb of speaking to someone (the parties are then read as for "in a call")."""
    if tok.lower_ not in PHONE_WORDS or tok.dep_ != "pobj" or tok.head.lower_ not in ("by", "over", "via"):
        return None
    return "call" if _means_verb(tok) is not None else None


def _means_verb(tok: Token) -> Token | None:
    """The verb of speaking whose means a phone word is ("briefed X on the outcome by telephone": the parser may
    hang the phone on the topic), or None."""
    verb = tok.head.head
    for _ in range(2):
        if verb.pos_ == "VERB" or verb.dep_ != "pobj" or verb.head.dep_ != "prep":
            break
        verb = verb.head.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in MEANS_VERBS else None


def _call_as_means(tok: Token, args: _Arguments) -> None:
    """"X briefed Y on the outcome in a call", "X informed Y by telephone", "X discussed Z with Y over the phone":
    a call told as the means of another verb of speaking to someone; its parties are that verb's subject and the
    one spoken to (its object or its "with" phrase), as when the call is the verb's own object."""
    if args.kind != "call" or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return
    prep = tok.head
    verb = prep.head
    for _ in range(3):  # "briefed X on the outcome in a call": the parser may hang the call on the topic
        if verb.pos_ == "VERB" or verb.dep_ != "pobj":
            break
        verb = verb.head.head
    if prep.lower_ not in MEANS_PREPOSITIONS or verb.pos_ != "VERB" or verb.lemma_.lower() not in MEANS_VERBS:
        return
    spoken_to = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN")]
    if verb.lemma_.lower() in ("discuss", "review", "exchange", "express", "convey", "offer", "extend", "raise"):
        spoken_to = []  # their object is the subject matter: the one spoken to stands after "with" or "to"
    spoken_to += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                  for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if not spoken_to:  # "discussed plans for the conference with X": the parser hangs "with" on the topic
        spoken_to = [g for c in verb.subtree if c.dep_ == "prep" and c.lower_ == "with" and c.i < prep.i
                     for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "PERSON"]  # fmt: skip
    agents = agents_of(verb)
    if not agents or not spoken_to:
        return
    args.agents = args.agents or with_conjuncts(agents)
    args.partners += [t for t in with_conjuncts(spoken_to) if t not in args.partners]
    args.frame = args.frame or [verb]  # "informed X by telephone on Tuesday": the verb's time is the call's


def _place_of_told_contact(verb: Token) -> list[Token]:
    """"The last such meeting took place in Moscow, when X received A and B": a contact verb in a "when" clause
    that tells what a contact noun's clause placed is that contact, at its place."""
    if verb.dep_ not in ("advcl", "relcl") or not any(c.dep_ == "advmod" and c.lower_ == "when"
                                                      for c in verb.children):  # fmt: skip
        return []
    head = verb.head
    if head.dep_ == "pobj" and head.ent_type_ == "DATE":
        head = head.head.head  # "took place in Moscow in January, when ...": the clause "January" belongs to
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and trigger_kind(c) for c in head.children):
        return []
    return places_of([head])


def _verb_arguments(tok: Token, args: _Arguments, weak: bool) -> None:
    """A contact verb: its subject, its object and "with"/"to" phrases, and a visit's destination."""
    args.agents = left_pair(tok) or with_conjuncts(agents_of(tok))
    args.partners += with_conjuncts(raised_patients(tok))  # "X is scheduled to be received by Y"
    args.partners += [p for p in company_partners(tok) if p not in args.partners]  # "spent an hour with X"
    for c in tok.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in SIGNED_NOUNS and tok.lemma_.lower() in ("sign", "ink"):
            # "signed a treaty (with X) in the city of Y": the document is no party, its "with" is
            args.partners += with_conjuncts([g for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                                             for g in p.children if g.dep_ == "pobj"])  # fmt: skip
        elif c.dep_ == "dobj" and not weak:
            args.partners += with_conjuncts([c])
        if c.dep_ == "dobj" and weak:  # "discussed trade with X": "with" hung on the topic
            args.partners += with_conjuncts([g for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                                             for g in p.children if g.dep_ == "pobj"])  # fmt: skip
        if c.dep_ == "dobj" and tok.lemma_.lower() in ACCOMPANY_VERBS:  # "inspected the port with X"
            args.partners += with_conjuncts([g for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                                             for g in p.children if g.dep_ == "pobj"])  # fmt: skip
        if c.dep_ == "advmod" and c.lower_ == "together":  # "laid a wreath together with X"
            args.partners += with_conjuncts([g for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                                             for g in p.children if g.dep_ == "pobj"])  # fmt: skip
        if c.dep_ == "prep" and c.lower_ in ("with", "to", "among", "between", "by", "alongside") or \
                c.dep_ == "prep" and c.lower_ in ("on", "upon") and tok.lemma_.lower() == "call":  # fmt: skip
            args.partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
    args.partners += [g for g in _coordinated_partners(tok) + place_hung_partners(tok) if g not in args.partners]
    if not args.partners:
        args.partners = misparsed_met_person(tok)
    if args.kind != "visit" and any(p.tag_ == "NNS" for p in args.partners):
        # "met officials from X and Y": the parser often hangs the officials' "from" on the verb
        args.partners += with_conjuncts([g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                                         for g in c.children if g.dep_ == "pobj"])  # fmt: skip
    if args.kind == "visit":
        args.destination = [p for p in args.partners if is_destination(p)]
        args.partners = [p for p in args.partners if p not in args.destination]
        awaited = due_in(tok)  # "is due in Tokyo": the place hangs on "due"
        holders = [tok] if awaited is None or awaited is tok else [tok, awaited]
        args.destination += [p for p in places_of(holders) if p not in args.destination]
        args.destination += [p for p in departure_stops(tok) if p not in args.destination]  # "leaves for X"
        left = departure_origin(tok)  # "left Nairobi for Kampala": Nairobi is no stop
        args.destination = [p for p in args.destination if p not in left]
        args.partners = [p for p in args.partners if p not in left]
        if tok.lemma_.lower() == "visit" and args.partners and not args.destination:
            args.kind = "meeting"  # visiting a person is meeting them
    args.places = places_of([tok])


PARTNER_PREPS = frozenset({"with", "to"})


def _coordinated_partners(verb: Token) -> list[Token]:
    """The counterparts of a second "with"/"to" phrase joined to the verb's first one: "met X on Sunday, and with
    Y on Monday", "spoke to X, as well as to Y". The parser hangs the second phrase on whatever precedes the "and"
    (a time word, the verb, an "as well as"), so it is found by its own word: the same preposition, after the
    first, in the verb's own clause, coordinated (a conjunct, or after a coordinating word)."""
    first = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS]
    if not first:
        return []
    out: list[Token] = []
    for t in verb.subtree:
        if t.i <= first[0].i or t.lower_ != first[0].lower_ or t.i in {f.i for f in first} or t.pos_ != "ADP":
            continue
        if next((a.i for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None) != verb.i:
            continue  # a phrase of another verb's clause ("after arriving to ...")
        joined = t.dep_ == "conj" or t.head.dep_ == "cc" or any(
            w.dep_ == "cc" for w in verb.doc[max(first[0].i, t.i - 3) : t.i])
        if not joined:
            continue
        objs = [g for g in t.children if g.dep_ == "pobj"]
        out += with_conjuncts(objs) if objs else _misparsed_object(t)
    return out


def _own_phrase_time(split: list[Mention], verb: Token, published: date | None, lookup: Lookup) -> None:
    """"met X in A on Sunday, and with Y in B on Monday": the contact with Y takes the time and place words of its
    own phrase (from its "with" to the end of the sentence), not those read for the verb."""
    found = {g.head.i: g.head for g in _coordinated_partners(verb) if g.head.pos_ == "ADP"}
    firsts = [c.i for c in verb.children if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in PARTNER_PREPS]
    for c in verb.children:  # "met X at A on Friday, and with Y in B on Saturday": the second hangs on the verb
        if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS and any(i < c.i for i in firsts) and any(
                w.dep_ == "cc" for w in verb.doc[max(verb.i, c.i - 3) : c.i]):  # fmt: skip
            found[c.i] = c
    preps = sorted(found.values(), key=lambda t: t.i)
    sent = verb.sent
    for k, prep in enumerate(preps):
        end = preps[k + 1] if k + 1 < len(preps) else sent[-1]
        lo, hi = prep.idx, end.idx
        own = prep.doc.text[lo:hi]
        for m in split:
            if not any(lo <= p.start < hi for p in m.parties):
                continue
            words = find_dates(own)
            if len(words) == 1:
                text = words[0].text[3:] if words[0].text.lower().startswith("on ") else words[0].text
                m.date = resolve_date(text, published, future=m.status != "held")
            places = [e for e in lookup.ents_in(prep.doc[prep.i : end.i]) if e.label_ == "GPE"
                      and e.root.head.lower_ in ("in", "at")]  # fmt: skip
            if len(places) == 1:
                m.location, m.location_country = places[0].text, _place_country(places[0].text, lookup)
            elif m.location is not None and m.location not in own:
                m.location = m.location_country = None


def _misparsed_object(prep: Token) -> list[Token]:
    """A preposition left without its object (the parser took a long foreign name for a clause): the first word
    after it whose head lies beyond its run of name words ("with A's Minister B dos C")."""
    run: list[Token] = []
    for t in prep.doc[prep.i + 1 : min(prep.i + 12, prep.sent.end)]:
        if t.pos_ not in ("PROPN", "NOUN", "PART", "ADP", "ADJ", "DET") and t.tag_ != "HYPH":
            break
        run.append(t)
    ids = {t.i for t in run}
    heads = [t for t in run if t.head.i not in ids and t.pos_ == "PROPN"]
    return heads[:1] if heads and heads[0].ent_type_ == "PERSON" else []


RECEIVING_VERBS = frozenset({"receive", "get", "take"})


def _noun_arguments(tok: Token, verb: Token | None, args: _Arguments) -> None:
    """A contact noun: its modifiers and prepositions ("Abe's visit", "talks with X"), and through the verb it is
    the object of ("held talks"), that verb's subject and partners."""
    kind = args.kind
    own = set(range(tok.i - 4, tok.i)) if tok.pos_ == "NUM" else set()  # the words of "two-plus-two"
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.lower_ not in PLANNED_MODIFIERS and c.i not in own:
            args.partners.append(c)
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "by", "of"):
            args.partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
        if c.dep_ == "prep" and c.lower_ == "with":  # "talks with X and with Y": the second "with" joined to the first
            near = {c.i, tok.i, tok.head.i}  # the parser joins it to the first "with", the noun or the noun's "for"
            args.partners += with_conjuncts([g for x in tok.doc[c.i + 1 : tok.sent.end] if x.dep_ == "conj"
                                             and x.lower_ == "with" and x.pos_ == "ADP" and x.head.i in near
                                             for g in x.children if g.dep_ == "pobj"])  # fmt: skip
        if c.dep_ == "prep" and (c.lower_ == "from" or c.lower_ == "on" and kind == "meeting") and kind in (
            "call", "meeting"
        ):  # "a phone call from X", "a courtesy call on X"
            args.partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
        if c.dep_ == "prep" and c.lower_ == "to" and kind == "visit":
            args.destination += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
    if kind == "call" and tok.dep_ == "dobj" and verb is not None and verb.lemma_.lower() in RECEIVING_VERBS:
        # "received a phone call on Thursday from X": the caller's "from" hung on the verb, after the time
        args.partners += with_conjuncts([g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                                         for g in c.children if g.dep_ == "pobj"])  # fmt: skip
    args.partners += with_conjuncts(gathered_groups(tok))
    hung_agents, hung_partners = verb_hung_sides(tok, verb, AGENT_VERBS)
    args.agents += hung_agents
    args.partners += with_conjuncts(hung_partners)
    args.places = places_of([tok])
    if kind == "visit":
        if not args.destination:
            args.destination = destination_after(tok, verb)  # "discussed a visit by X to Y": Y, hung on the verb
        _stops_of_trip(tok, args)
        if not args.agents:
            args.agents = _absolute_with_agents(tok)
            args.absolute = bool(args.agents)
    if verb is not None and verb.lemma_.lower() in AGENT_VERBS:
        if tok.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass", "npadvmod", "conj"):
            args.agents = with_conjuncts(agents_of(verb)) if tok.dep_ not in ("nsubj", "nsubjpass") else []
            if verb.lemma_.lower() == "host" and any(c.dep_ == "prep" and c.lower_ in ("between", "among")
                                                     for c in tok.children):  # fmt: skip
                args.agents = []  # "Qatar hosted talks between X and Y": the venue is not a party
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
                    args.partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
            args.places += places_of([verb])
            if kind == "visit" and not args.destination:
                args.destination = [p for p in places_of([verb]) if is_destination(p)]
                if not args.destination:  # "went to the Indian capital for a state visit"
                    args.hosts += _capital_hosts(verb)
    if args.trip_verb is not None and all(a.tag_ in ("WDT", "WP") or trigger_kind(a) for a in args.agents):
        # "a visit that concludes a tour which took him to X": the one the tour took, not "that" or the visit
        args.agents = [o for o in args.trip_verb.children if o.dep_ == "dobj"] or args.agents
    if kind == "visit" and not args.destination:  # "recalled the visit of X to Japan": "to" hung on "recalled"
        args.destination = [p for p in misattached_destination(tok) if is_destination(p)]
    if kind == "visit":  # "a visit to the Indian capital": the state whose capital it is hosts the visit
        states = [s for d in args.destination for s in _state_of_capital(d)]
        args.destination = [d for d in args.destination if not _state_of_capital(d) and not _region(d)]
        args.places = [p for p in args.places if not _region(p)]
        args.hosts += states


def _region(tok: Token) -> bool:
    """"South Asia", "Latin America", "the Gulf": a region, no state ("America" alone is the United States)."""
    words = [c.text for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok.text]
    name = " ".join(words)
    if not {w.lower() for w in words} & REGION_WORDS or is_country_or_capital(name):
        return False
    return len(words) > 1 or tok.lower_ != "america"


def _state_codes(tok: Token, lookup: Lookup) -> list[str]:
    """The states one word names, even right after "to the" (which `Lookup.countries` reads as an office's brief)."""
    try:
        return [c for c, _s, _e in lookup.resolver.countries_in(tok.doc[tok.i : tok.i + 1]) if not c.startswith("IGO:")]
    except Exception:  # noqa: BLE001
        return []


def _capital_hosts(verb: Token) -> list[Token]:
    """The state words of the capitals a verb goes "in" or "to" ("arrived in the Indian capital")."""
    return [s for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "to")
            for g in c.children if g.dep_ == "pobj" for s in _state_of_capital(g)]  # fmt: skip


def _called_off_on(date_text: str | None, chain: list[Token], sent: Span) -> bool:
    """"A meeting ... was called off on Saturday": the day words hang on the past-tense verb that called it off, so
    the day is the one just past (not the next Saturday, as for a plan)."""
    if not date_text or not chain or chain[0].tag_ not in ("VBD", "VBN") or chain[0].lemma_.lower() not in (
            CANCEL_VERBS | {"call"}):
        return False
    at = sent.text.find(date_text)
    words = [t for t in sent if at >= 0 and at <= t.idx - sent.start_char < at + len(date_text)]
    return any(t.head.i == chain[0].i or t.head.head.i == chain[0].i for t in words)


def _capital_place(m: Mention, verb: Token, lookup: Lookup) -> None:
    """A contact verb held "in the Ethiopian capital": the place is that state's capital."""
    # on the verb, or on its object ("met X in the Saudi capital", the parser hanging it on X)
    holders = [verb, *(o for o in verb.children if o.dep_ == "dobj" and o.ent_type_ == "PERSON")]
    states = [s for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
              for g in c.children if g.dep_ == "pobj" for s in _state_of_capital(g)]  # fmt: skip
    codes = {c for t in states for c in _state_codes(t, lookup)}
    if len(codes) == 1:
        cap = states[0].head
        m.location = verb.doc[cap.left_edge.i : cap.i + 1].text
        m.location_country = next(iter(codes))


def _state_of_capital(tok: Token) -> list[Token]:
    """The state word of "the Indian capital", "Kenya's capital": the capital named through its country."""
    if tok.lemma_.lower() != "capital" or tok.ent_type_:
        return []
    return [c for c in tok.children if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE")]


def _absolute_with_agents(tok: Token) -> list[Token]:
    """"She will host X next week, with trips to Y and Z planned for May": a visit told in a with-clause of its
    own is made by the subject of the clause the with-clause hangs on."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ not in ("pcomp", "advcl") or verb.head.lower_ != "with":
        return []
    holder = verb.head.head
    return with_conjuncts(agents_of(holder)) if holder.pos_ in ("VERB", "AUX") else []


STOP_VERBS = frozenset({"take", "bring", "lead"})


def _stops_of_trip(tok: Token, args: _Arguments) -> None:
    """"a tour that took her to Jakarta on Monday and on to Manila and Hanoi": the traveller and every stop."""
    for rel in tok.children:
        c = rel if rel.dep_ == "relcl" else None
        if c is not None and c.lemma_.lower() not in STOP_VERBS:
            c = planned_stop_verb(c, STOP_VERBS)  # "a tour that is expected to take him to X": the plan's "take"
        if c is None or c.lemma_.lower() not in STOP_VERBS:
            continue
        travellers = [o for o in c.children if o.dep_ == "dobj"]
        stops = [g for t in c.subtree if t.lower_ == "to" and (_conjoined_to(t, c) or t.dep_ == "prep"
                 and next((a.i for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None) == c.i)
                 for g in t.children if g.dep_ == "pobj"]  # fmt: skip
        stops = [d for d in stops if is_destination(d)]
        # "to Fiji and Samoa": a name coordinated with a destination is one too, whatever its entity label
        stops += [x for d in stops for x in d.conjuncts if x.pos_ == "PROPN" and x not in stops]
        if travellers and stops:
            args.agents = args.agents or travellers
            args.destination += [d for d in stops if d not in args.destination]
            args.trip_verb = c
            return


def _conjoined_to(t: Token, stop_verb: Token) -> bool:
    """"took him to X, where he met Z, and to Y": a second "to" the parser joins to the first, or to the verb of
    the where-clause about the first stop, not to the verb of the trip."""
    if t.dep_ != "conj":
        return False
    h = t.head
    if h.dep_ == "relcl" and h.head.dep_ == "pobj":
        h = h.head.head  # "to X, where he met Z, and to Y": conjoined to "met"
    return h.lower_ == "to" and h.dep_ == "prep" and h.head.i == stop_verb.i


PHASE_NOUNS = frozenset({"opening", "start", "beginning", "end", "close", "conclusion", "outset", "eve"})


def _frame_verb(tok: Token) -> Token | None:
    """The verb whose clause a contact noun frames: "on her trip, she met ...", "clashed with X at the opening of
    their talks" (through a phase noun); None when the noun is no such frame."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in PHASE_NOUNS and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "at the opening of their talks"
    if prep.lower_ in FRAME_PREPS and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None


def _framing_clause_arguments(tok: Token, frame_verb: Token, args: _Arguments) -> None:
    """"On her trip, she met ...", "X and Y discussed Syria in a phone call": the clause's subject (and its
    "with" partner) take part, unless the noun names its own parties ("during the Abe-Putin summit")."""
    own = any(c.dep_ == "poss" and c.lower_ not in ("her", "his", "their") or c.dep_ == "prep" and
              c.lower_ in ("by", "with", "between", "among") or c.dep_ == "compound" and c.ent_type_ and
              c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY")  # "a two-day visit"
              for c in tok.children)  # fmt: skip
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in frame_verb.children)
    # "pressed X to act, in talks with Y", "urged restraint during a meeting with Y": the urging is said in the
    # contact, which frames it; "pressed for talks" is no frame ("for" is not a frame preposition)
    inside = tok.head.lower_ in ("in", "during", "at") and any(c.dep_ == "prep" and c.lower_ == "with"
                                                               for c in tok.children)  # fmt: skip
    refused = frame_verb.lemma_.lower() in NON_CONTACT_VERBS and not inside
    if own and not inside or passive or refused or frame_verb.lemma_.lower() in PASSIVE_FRAME_VERBS:
        return
    args.agents = with_conjuncts(agents_of(frame_verb))
    if args.kind == "visit" and frame_verb.lemma_.lower() in TRIP_VERBS and not places_of([frame_verb]):
        args.hosts += _capital_hosts(frame_verb)  # "arrived in the Indian capital on a state visit"
    if inside and args.agents:
        # "pressed X on Thursday to keep up ..., in talks with Y": the talks are on Thursday
        to_clause = frame_verb.dep_ == "xcomp" or frame_verb.dep_ == "advcl" and _is_to_infinitive(frame_verb)
        args.frame = [frame_verb] + ([frame_verb.head] if to_clause else [])
    if args.kind == "visit":
        return
    for c in frame_verb.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "to"):
            args.partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
        if c.dep_ == "dobj":  # "discussed trade with X during a meeting": "with" hung on the topic
            args.partners += with_conjuncts([g for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                                             for g in p.children if g.dep_ == "pobj"])  # fmt: skip
        if c.dep_ in ("dobj", "dative") and frame_verb.lemma_.lower() in TELLING_VERBS:
            args.partners += with_conjuncts([c])  # "in a phone call, X told Y that ..."


def _agents_facing_counterparts(tok: Token, args: _Arguments) -> None:
    """"on his way to a summit with Kim": without agents, the clause's subject is the other side."""
    counterparts = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if args.agents or not counterparts or tok.pos_ not in ("NOUN", "PROPN"):
        return
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            if anc.lemma_.lower() in NON_CONTACT_VERBS | PASSIVE_FRAME_VERBS | DENIAL_VERBS | {"host"}:
                break  # "hosted talks between X and Y": the host is the venue
            args.agents = with_conjuncts(subject_of(anc) or (agents_of(anc) if anc.dep_ == "xcomp" else []))
            if args.agents or anc.dep_ != "prep":  # "following two days of meetings with X": keep climbing
                break
        if anc.dep_ in CLAUSE_DEPS:
            break


def _places_of_contact(tok: Token, chain: list[Token], sent: Span, lookup: Lookup, args: _Arguments) -> None:
    """Where the contact is when its own words do not say: the trip it is made on, the place before "where", a
    venue deeper in the parse, the counterpart's place; a host receiving a guest in a country makes it a visit."""
    own_place = bool(args.places)
    if not args.places and tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() in TRIP_VERBS:
        args.places = places_of([tok.head])  # "has travelled to Islamabad to meet X": the meeting is there
        args.trip_anchor = [tok.head]
    # the relative clause the contact is told in: its own word, or the verb it hangs from ("where she held talks",
    # "where he is due to meet X")
    rel = next((v for v in [tok, *chain] if v.dep_ == "relcl"), None)
    where = [c for v in [tok, *chain] for c in v.children if c.lower_ == "where" and c.i < tok.i] if rel else []
    if not args.places and where:
        # "continue to Vilnius this evening, where she will meet X": the place just before "where"
        before = [t for t in sent.doc[max(sent.start, where[0].i - 12) : where[0].i]
                  if (is_place(t) or is_trip_town(t)) and t.i not in lookup.dateline]  # fmt: skip
        # "in Beijing next week for the Belt and Road Forum, where ...": the last place in a known state
        known = [t for t in before if _place_country(_place_name(t, lookup), lookup)]
        # "flies to Rome for a gathering of NATO ministers, where": the trip's town, not the body's seat
        trip = [p for a in rel.ancestors if a.lemma_.lower() in TRIP_VERBS | LEAVE_VERBS for p in places_of([a])
                if p.ent_type_ != "ORG" and _place_country(_place_name(p, lookup), lookup)]  # fmt: skip
        if known and all(t.ent_type_ == "ORG" for t in known) and trip:
            known = trip[:1]
        args.places = (known or before)[-1:]
        args.trip_anchor = [a for p in args.places for a in p.ancestors if a.pos_ in ("VERB", "AUX")][:1]
    if not args.places and not args.destination:
        roots = [tok]
        if chain and chain[0].i != tok.i and chain[0].lemma_.lower() in AGENT_VERBS | PRESENCE_VERBS | {"land"}:
            roots.append(chain[0])  # "landed in Warsaw for talks", not "the dialogue sends a message in ..."
        # a city, not a topic country or a sea
        args.places = [p for p in venue_in_subtree(roots, tok) if p.i not in lookup.dateline
                       and (p.ent_type_ != "LOC" or is_country_or_capital(lookup.ent_span(p).text))
                       and not lookup.countries(lookup.ent_span(p))]  # fmt: skip
    if not args.places:
        args.places = _named_gathering_city([tok, *chain[:1]], lookup)
    if not args.places:
        # "in the port city of Qingdao", "in the Black Sea resort of Sochi": the named town
        args.places = [o for h in [tok, *chain[:1], *args.partners] for c in h.children
                       if c.dep_ == "prep" and c.lower_ in ("in", "at")
                       for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in TOWN_NOUNS
                       for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
                       and _place_country(_place_name(o, lookup), lookup)][:1]  # fmt: skip
    if not args.places and not args.destination:
        args.places = _clause_place(tok, chain, args.partners, lookup)
    # "met X at the OAS headquarters", "visited NATO headquarters": a body's seat, in the state that hosts it
    seats = [g for h in [tok, *chain[:1]] for c in h.children if c.dep_ == "prep" and c.lower_ in ("at", "in")
             for g in c.children if g.dep_ == "pobj" and _body_seat(g, lookup)]  # fmt: skip
    if not args.places and seats:
        args.places = seats[:1]
    visited = [c for c in tok.children if c.dep_ == "dobj" and _body_seat(c, lookup)]
    if tok.lemma_.lower() == "visit" and visited and not args.destination:
        args.kind, args.destination = "visit", visited  # the guest visits the body, at its seat
        args.partners = [p for p in args.partners if p not in visited] + visited
    args.borrowed_place = bool(args.places) and not own_place
    # "met X at the White House", "receiving X in Washington": the place may hang on the counterpart
    partner_preps = ("at", "in") if tok.lemma_.lower() in ("receive", "host", "welcome") else ("at",)
    holders = args.partners + [a for p in args.partners for a in p.children if a.dep_ == "appos"]
    args.places += [g for p in holders for c in p.children if c.dep_ == "prep" and c.lower_ in partner_preps
                    for g in c.children if g.dep_ == "pobj" and is_place(g)]  # fmt: skip
    if not args.places and tok.lemma_.lower() not in ("call", "phone", "speak", "talk"):
        # "held summits with Trump in Singapore", "met Burma's foreign minister ... in Singapore": the parser hangs
        # the town on the named counterpart, who is met there (a town, not a body: "the government in Tripoli")
        args.places = [g for p in args.partners if p.pos_ == "PROPN" and p.ent_type_ == "PERSON"
                       for c in p.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                       if g.dep_ == "pobj" and is_place(g) and g.ent_type_ == "GPE"
                       and g.i not in lookup.dateline][:1]  # fmt: skip
    # "welcomed X to Warsaw": the guest came to the host's country (a country or a capital, not "to the White
    # House" or "to a meeting"), a visit; "looks forward to receiving X in Washington": a reception still ahead is
    # the guest's visit. "received X in Doha" is the meeting itself.
    arrival = [g for h in [tok, *(c for c in tok.children if c.dep_ == "dobj")] for c in h.children
               if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
               if g.dep_ == "pobj" and is_place(g) and g.ent_type_ != "FAC" and not any(
                   c.lower_ == "the" for c in g.children) and is_country_or_capital(_place_name(g, lookup))]
    future = tok.tag_ in ("VB", "VBG") and not any(c.dep_ == "aux" and c.tag_ == "VBD" for c in tok.children)
    # "hosted X in Tokyo, the first such visit", "received X at the start of a state visit": called a visit
    visits = [t for t in sent if t.lemma_.lower() == "visit" and t.pos_ == "NOUN" and not any(
        "-" in c.text or c.tag_ == "CD" for c in t.children)]  # fmt: skip
    called_to = [g for t in visits for c in t.children if c.dep_ == "prep" and c.lower_ == "to"
                 for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "GPE"]  # "for her first visit to Ghana"
    if tok.lemma_.lower() in ("receive", "welcome", "host") and (arrival or called_to or (future or visits) and any(
            p.ent_type_ == "GPE" for p in args.places)):  # fmt: skip
        args.kind = "visit"
        own = [p for p in args.places if p.ent_type_ == "GPE" and p.head.head.i in {tok.i, *(a.i for a in holders)}]
        args.destination = arrival or own or called_to[:1] or [p for p in args.places if p.ent_type_ == "GPE"][:1]
        args.places += [p for p in args.destination if p not in args.places]


def _drop_dateline(args: _Arguments, dateline: set[int]) -> None:
    args.agents = _past_dateline(args.agents, dateline)
    args.partners = _past_dateline(args.partners, dateline)
    args.places = [t for t in args.places if t.i not in dateline]
    args.destination = [t for t in args.destination if t.i not in dateline]


def _parties(args: _Arguments, sent: Span, lookup: Lookup) -> tuple[list[Party], set[str], list[Party]]:
    """The parties the agents and partners name; the agents' countries, and the agents whose country the resolver
    only guessed from context."""
    parties: list[Party] = []
    agent_countries: set[str] = set()
    agent_guesses: list[Party] = []
    for t in args.agents + args.partners:
        found = parties_of(t, lookup)
        if t in args.agents and not any(p.country for p in found):
            main = _main_clause_subject(t)
            found = parties_of(main, lookup) if main is not None else found
        for p in found:
            if t in args.agents and p.country:
                agent_countries.add(p.country)
                if p.guessed:
                    agent_guesses.append(p)
                p.guessed = False  # only a counterpart's guess is questioned below
            if p.country and any(q.country == p.country and q.participant == p.participant for q in parties):
                continue
            parties.append(p)
    for t in args.hosts:
        for code in _state_codes(t, lookup):
            if not any(p.country == code for p in parties):
                parties.append(Party(code, None, t.idx))
    _complete_from_clause(parties, sent, lookup)
    _home_office_holder(args.agents, parties, agent_countries, lookup)
    _same_side_guess(parties, agent_countries, lookup)
    parties = [p for p in parties if not _portfolio(p, parties, sent, lookup)]
    return parties, agent_countries, agent_guesses


def _add_group_beside_named(args: _Arguments, sent: Span, lookup: Lookup, parties: list[Party],
                            agent_countries: set[str]) -> None:
    """"has spoken to both leaders, as well as to X": "both leaders" beside a named counterpart are the two foreign
    leaders the sentence before names (besides the subject's own side), one each of two states."""
    groups = [t for t in args.partners if _is_group([t])]
    if not groups or len(groups) == len(args.partners) or len(agent_countries) != 1 or sent.start == 0:
        return
    named = any(t.ent_type_ == "PERSON" for a in args.agents for t in phrase(a))
    if not named and agent_countries != {lookup.main_country()}:
        return  # "the prime minister" read as a foreign one: the subject is likely misread, and so would be the two
    prev = sent.doc[sent.start - 1].sent
    people = [p for p in _people_of(prev, set(lookup.countries(prev)), lookup) if p.country not in agent_countries]
    if len(people) != 2 or any(p.country in {q.country for q in parties} for p in people):
        return
    parties += people


def _home_office_holder(agents: list[Token], parties: list[Party], agent_countries: set[str],
                        lookup: Lookup) -> None:
    """"The President is due to meet X and Y", in a national outlet that named its own president before: the
    capitalised bare title is that state's holder (the outlet's convention), not the last foreign president named.
    In an international outlet, the state the story is about stands in, when its holder was named with that title."""
    home = getattr(lookup.resolver, "home", None)
    national = home is not None
    home = home or lookup.main_country()  # an international outlet: the state the story is about
    if home is None or len(agents) != 1:
        return
    words = list(phrase(agents[0]))
    if not 2 <= len(words) <= 3 or words[0].text != "The" or any(
            not w.text[:1].isupper() or w.ent_type_ or w.pos_ not in ("NOUN", "PROPN") for w in words[1:]):
        return  # "The President", "The Prime Minister": a bare capitalised title
    title = " ".join(w.lower_ for w in words[1:])
    mine = [p for p in parties if p.participant is not None and p.start == words[0].idx]
    if len(mine) != 1 or mine[0].country in (None, home):
        return
    own = [c for c in getattr(lookup.resolver, "clusters", []) if c.country == home and not c.former]
    holders = [c for c in own if title in (c.role or "").lower()] or [c for c in own if not c.role and national]
    if len({c.name for c in holders}) != 1:
        return  # the home state's holder must be named before, and only one can be meant
    old = mine[0].country
    mine[0].country = home
    role = holders[0].role or words[0].doc[words[1].i : words[-1].i + 1].text
    mine[0].participant = Participant(holders[0].name, home, role)
    if old in agent_countries:
        agent_countries.discard(old)
        agent_countries.add(home)


PORTFOLIO_TITLES = frozenset({"minister", "ministry", "secretary", "commissioner", "department"})
TITLE_FILLERS = frozenset({"PROPN", "PUNCT", "CCONJ", "ADP", "DET", "ADJ", "NOUN"})


def _add_joint_body_states(tok: Token, args: _Arguments, lookup: Lookup, parties: list[Party]) -> None:
    """"a joint technical committee would meet in Ankara", "agreed to convene the binational cabinet in Quito": a
    body of two states, whose parties are the two states the article is about (when two lead it), meeting in one
    of them (a joint commission of warring factions meeting in Geneva is no contact between states)."""
    bodies = args.agents + args.partners + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if len({p.country for p in parties if p.country}) >= 2 or not any(joint_body(b) for b in bodies):
        return
    pair = lookup.article_pair()
    where = {lookup.place_country(lookup.ent_span(p).text) for p in args.places + args.destination}
    if pair is None or not where & set(pair):
        return
    for code in pair:
        if not any(p.country == code for p in parties):
            parties.append(Party(code, None, tok.idx))


def _portfolio(party: Party, parties: list[Party], sent: Span, lookup: Lookup) -> bool:
    """An international body named only inside a state official's title ("the Minister of Foreign Affairs,
    European Union and Cooperation of Spain, X"): the office's brief, not a party of the contact."""
    if party.participant is not None or not party.country or not party.country.startswith("IGO:"):
        return False
    try:
        starts = [start for code, start, _end in lookup.resolver.countries_in(sent) if code == party.country]
    except Exception:  # noqa: BLE001 - a resolver failure keeps the party
        return False
    return bool(starts) and all(_in_title(start, parties, sent) for start in starts)


def _in_title(start: int, parties: list[Party], sent: Span) -> bool:
    """Whether the words at char `start` lie between a title word ("Minister of ...") and the named official of a
    state it belongs to, with nothing but title words in between."""
    doc = sent.doc
    at = next((t for t in sent if t.idx >= start), None)
    if at is None:
        return False
    title = None
    for t in reversed(doc[max(sent.start, at.i - 8) : at.i]):
        if t.lower_ in PORTFOLIO_TITLES:
            title = t
            break
        if t.pos_ not in TITLE_FILLERS:
            return False
    people = [p.start for p in parties if p.participant is not None and p.country and p.start > start
              and not p.country.startswith("IGO:")]  # fmt: skip
    if title is None or not people:
        return False
    between = [t for t in sent if start <= t.idx < min(people)]
    return len(between) <= 12 and all(t.pos_ in TITLE_FILLERS for t in between)


REPORTING_VERBS = frozenset({"say", "tell", "add", "announce", "state", "confirm", "insist", "note", "write"})


def _main_clause_subject(t: Token) -> Token | None:
    """"The French president spoke to reporters as she met X": a he/she the resolver could not place is the subject
    of the clause its own clause hangs on, when that subject is no pronoun."""
    v = t.head
    if t.lower_ == "they":
        return _pair_before(v)
    if t.lower_ in ("him", "her") and t.dep_ == "dobj" and v.lemma_.lower() in STOP_VERBS:
        return _tour_owner(v)
    if t.lower_ not in ("he", "she") or v.head.pos_ not in ("VERB", "AUX"):
        return None
    if v.dep_ not in ("advcl", "conj") and not (v.dep_ == "ccomp" and v.head.lemma_.lower() in REPORTING_VERBS):
        return None  # "X said she would meet Y": the speaker
    subs = subject_of(v.head)
    return subs[0] if subs and subs[0].pos_ != "PRON" else None


def _pair_before(v: Token) -> Token | None:
    """"Envoys X and Y are in Cairo, where they held talks with Z": a "they" in a side clause stands for the named
    people joined as subject of the clause it hangs on."""
    if v.dep_ not in ("relcl", "advcl"):
        return None
    head = v.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    subs = subject_of(head) if head.pos_ in ("VERB", "AUX") else []
    ok = bool(subs) and subs[0].ent_type_ == "PERSON" and any(c.pos_ == "PROPN" for c in subs[0].conjuncts)
    return subs[0] if ok else None


def _tour_owner(stop_verb: Token) -> Token | None:
    """"X is in Y on a visit that ends a tour which took him to Z": the "him" a tour took is the subject of the
    first clause above with a named subject."""
    for anc in list(stop_verb.ancestors)[:6]:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        subs = [s for s in subject_of(anc) if s.pos_ != "PRON" and s.tag_ not in ("WDT", "WP")]
        if subs:
            return subs[0]
    return None


def _add_format_parties(tok: Token, parties: list[Party]) -> None:
    """"the Normandy format summit": the states a standing format's name says take part."""
    for t in tok.subtree:
        if t.i >= tok.i:
            break
        for code in FORMATS.get(t.lower_, ()):
            if not any(p.country == code for p in parties):
                parties.append(Party(code, None, t.idx))


def _meets_alone(tok: Token, args: _Arguments, parties: list[Party]) -> bool:
    """"the committee met this month": "meet" with no one met and fewer than two countries."""
    return (
        args.kind == "meeting" and tok.lower_ in ("meet", "met", "meets", "meeting") and tok.pos_ == "VERB"
        and not args.partners
        and not _is_group(args.agents)
        and not any(a.lower_ in ("they", "leaders", "sides", "ministers") or len(a.conjuncts) > 0 for a in args.agents)
        and len({p.country for p in parties if p.country}) < 2
    )  # fmt: skip


def _status(tok: Token, chain: list[Token], date_text: str | None, sent: Span,
            frame: tuple[Token | None, bool], parties: list[Party]) -> str | None:
    """held | planned | cancelled; NO_CONTACT for a contact that did not happen between two named countries;
    None when the words report nothing to keep. `frame`: the plan noun the contact is the content of, if any,
    and whether that plan is refused."""
    noun, refused = frame
    if _gathering_in_passing(tok):
        return None
    status = status_of(tok, chain, date_text, sent.text)
    if noun is not None:
        # "accepted an invitation to visit", "plans to visit": the noun's veto does not apply, the plan's does
        refused = refused or _open_question(noun.head)
        status = None if refused else "planned" if status in (None, "held") else status
        if status is not None and noun.head.lemma_.lower() in CANCEL_VERBS:
            status = "cancelled"  # "postponed his plans to visit"
    if status is None:
        if len({p.country for p in parties if p.country}) < 2:
            return None
        status = NO_CONTACT  # "did not meet": no contact, but it tells who "the two ministers" are later on
    return status


def _present_for_future(chain: list[Token], date_text: str | None, resolved: ResolvedDate | None,
                        published: date | None) -> ResolvedDate | None:
    """A contact verb in the simple present with a calendar date that lies weeks back if read as past but ahead
    if read as future ("X hosts Y in Rome on April 26" in a story of April 8) is scheduled: the date read forward.
    A weekday or a date close to publication may be a headline's present for a past event, and is left alone."""
    if not chain or chain[0].tag_ not in ("VBZ", "VBP") or not date_text or published is None or resolved is None:
        return None
    if not resolved.date or len(resolved.date) != 10:
        return None
    if (published - date.fromisoformat(resolved.date)).days < PRESENT_PAST_GAP:
        return None
    ahead = resolve_date(date_text, published, future=True)
    return ahead if ahead.date and ahead.date > published.isoformat() else None


PRESENT_PAST_GAP = 45  # days


PASSING_MOVES = frozenset("head go fly travel leave proceed move continue return".split())
GATHERING_KINDS = frozenset({"summit"})


def _gathering_in_passing(tok: Token) -> bool:
    """"(will visit a camp) before heading to X for the AU summit", "after flying on to Y for a summit": a
    traveller's way to a multilateral gathering, told in passing, names no contact with anyone at it."""
    if NOUN_KINDS.get(tok.lower_) not in GATHERING_KINDS or tok.dep_ != "pobj" or tok.head.lower_ != "for":
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in tok.children):
        return False  # "for a summit with X": a contact of its own
    move = tok.head.head
    return (move.lemma_.lower() in PASSING_MOVES and move.dep_ == "pcomp"
            and move.head.lower_ in ("before", "after"))  # fmt: skip


DEPARTURE_VERBS = frozenset("leave depart embark set start begin".split())


def _begun_trip(tok: Token, trip_verb: Token) -> bool:
    """"the talks were the centrepiece of a visit that takes him on to X", "arrived on Sunday for a tour that
    takes her to X": a trip told in the present whose own clause is past is under way; not one just set out on
    ("left Beijing for a trip that takes him to X": its stops are ahead) nor one that "will take" him there."""
    if trip_verb.tag_ not in ("VBZ", "VBP"):
        return False
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ == "VBD" and verb.lemma_.lower() not in DEPARTURE_VERBS


def _open_question(verb: Token) -> bool:
    """"(too early to say) whether X would accept an invitation", "asked if she would take up the offer": a plan
    put as an open question is not yet one."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children)


def _only_date(span: Span, lookup: Lookup, published: date | None, status: str) -> ResolvedDate | None:
    """The day of the one time phrase in `span` (the sentence that introduced "the two leaders"), if it has one;
    a dateline's date is the bureau's, not the contact's."""
    doc = span.doc
    found = [m for m in find_dates(span.text) if not any(
        t.i in lookup.dateline for t in doc.char_span(span.start_char + m.start, span.start_char + m.end,
                                                      alignment_mode="expand") or ())]  # fmt: skip
    if len(found) != 1:
        return None
    text = found[0].text[3:] if found[0].text.lower().startswith("on ") else found[0].text
    got = resolve_date(text, published, future=status != "held")
    return got if got.date and got.granularity == "day" else None


def _add_the_two_named(tok: Token, args: _Arguments, sent: Span, lookup: Lookup,
                       parties: list[Party], recall: bool = False) -> Span | None:
    """"India ... its relations with Pakistan, and the leaders of the two countries have not held a summit": "the
    two" are the two states this very sentence names, when it names exactly two; when it names none, the two
    people of two states the sentence before names (that sentence is returned: its time may be theirs)."""
    first = min((t.i for t in args.agents + args.partners), default=tok.i)
    before = sent.doc[sent.start : max(sent.start, min(first, tok.i))]
    named = [c for c in lookup.countries(before) if not c.startswith("IGO:")] if len(before) else []
    if not named and not parties and sent.start > 0:
        # "X of A shook hands with Y of B. The two leaders then sat down for talks": the two just named
        prev = sent.doc[sent.start - 1].sent
        named = [c for c in lookup.countries(prev) if not c.startswith("IGO:")]
        people = _people_of(prev, set(named), lookup) if len(named) == 2 else []
        if len(people) != 2:
            return None  # only two people of two states, one each, are "the two leaders" of the sentence before
        if recall and not _hold_group_office(people, args.agents + args.partners):
            return None  # "X's ministers spoke. The two leaders last met in May": the leaders of the story
        parties += people
        for code in named:
            if not any(p.country == code for p in parties):
                parties.append(Party(code, None, sent.start_char))
        return prev
    if len(named) == 2:
        for code in named:
            if not any(p.country == code for p in parties):
                parties.append(Party(code, None, sent.start_char))
    return None


GROUP_SIZES = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def _add_the_n_named(args: _Arguments, sent: Span, lookup: Lookup, parties: list[Party]) -> None:
    """"X, Y and Z spent the day in Kyiv, and the three leaders called W": "the three leaders" are the people of
    three states named just before (in the sentence, else the one before), when exactly that many are named."""
    size = next((GROUP_SIZES[c.lower_] for a in args.agents if a.tag_ == "NNS" and (
        a.lemma_.lower() in OFFICIAL_NOUNS or a.lower_ in OFFICIAL_NOUNS)
        for c in a.children if c.dep_ == "nummod" and c.lower_ in GROUP_SIZES), None)  # fmt: skip
    if size is None or len({p.country for p in parties if p.country}) >= size:
        return
    first = min(t.i for t in args.agents)
    spans = [sent.doc[sent.start : first]] if first > sent.start else []
    if sent.start > 0:
        spans.append(sent.doc[sent.start - 1].sent)
    for span in spans:
        codes = {c for c in lookup.countries(span) if not c.startswith("IGO:")}
        people = _people_of(span, codes, lookup)
        if len(people) == size:
            known = {p.country for p in parties}
            parties += [p for p in people if p.country not in known]
            return


def _hold_group_office(people: list[Party], group: list[Token]) -> bool:
    """Whether two people named before can be "the two leaders" / "the two ministers" of a group phrase: each holds
    the office the phrase names, when both the phrase and their roles say one."""
    words = {t.lemma_.lower() for g in group for t in phrase(g)}
    need = LEADER_TITLES if words & {"leader", "head"} else tuple(words & GROUP_ROLE_WORDS)
    if not need:
        return True
    roles = [(p.participant.role or "").lower() for p in people if p.participant is not None]
    return all(not r or any(w in r for w in need) for r in roles)


def _people_of(span: Span, codes: set[str], lookup: Lookup) -> list[Party]:
    """The named people of `span` who belong to one of the states `codes`, one per state: who "the two leaders" are."""
    out: list[Party] = []
    for ent in lookup.ents_in(span):
        if ent.label_ != "PERSON":
            continue
        name, country, role, kind = lookup.actor(ent)
        if kind == "person" and name and country in codes and not any(p.country == country for p in out):
            out.append(Party(country, Participant(name, country, role), ent.start_char))
    return out


def _anaphoric(tok: Token, parties: list[Party]) -> bool:
    """"the meeting", "the talks": a contact word that refers back and names no party of its own."""
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and not parties
        and any(c.lower_ in ("the", "this", "that", "these", "those", "its", "their") for c in tok.children)
        and not any(c.lower_ == "next" and c.dep_ == "amod" for c in tok.children)  # "the next meeting": ahead
    )


def _distinct(tok: Token, chain: list[Token], args: _Arguments, series: bool) -> bool:
    """A contact never merged into an earlier one: "a second meeting", "met again", "also met X", "last met"."""
    also = tok.pos_ == "VERB" and bool(args.partners) and any(c.lower_ == "also" for c in tok.children)
    last_time = tok.pos_ == "VERB" and any(c.lower_ == "last" and c.dep_ == "advmod" for c in tok.children)
    # "had not held a summit since 2007": the contact meant is the one of 2007, not the one being told
    not_since = any(c.dep_ == "neg" for v in chain[:1] for c in v.children) and any(
        t.lower_ == "since" and t.dep_ == "prep" and t.head in chain[:1] for t in tok.sent
    )
    return (
        last_time  # "the two leaders last met in 2019": an earlier contact
        or _recalled(tok, chain)
        or not_since
        or also
        or series
        or any(c.lower_ in ORDINAL_DISTINCT for c in tok.children)
        or any(c.lower_ in ("twice", "again") for v in chain[:1] for c in v.children)
        or later_reception(tok)
        or told_earlier(tok)  # "both of whom have visited Iran before"
    )


RECALL_ADVERBS = frozenset({"last", "first", "previously"})


def _recalled(tok: Token, chain: list[Token]) -> bool:
    """ "last met", "had last held talks", "first spoke by telephone", "had previously met": the verb of the
    contact says it is an earlier one than the contact being told, never the same."""
    verbs = ([tok] if tok.pos_ in ("VERB", "AUX") else []) + chain[:1]
    # the adverb stands before its verb: "her first since taking office" is about the contact being told
    return any((c.lower_ in RECALL_ADVERBS and c.dep_ == "advmod" or _two_last(c)) and c.i < v.i
               for v in verbs for c in v.children)  # fmt: skip


_GROUP_MEET_VERBS = frozenset({"meet", "hold", "sit", "confer"})


def _the_officials(t: Token) -> bool:
    """ "The presidents", "the foreign ministers" as a subject, with nothing of their own to tell whose they are (no
    "of", no possessor, no state or name on them): the officials the story has just told of."""
    if t.tag_ != "NNS" or t.lemma_.lower() not in OFFICIAL_NOUNS or t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
        return False
    verbs = [t.head, *(c for c in t.head.children if c.dep_ == "xcomp")]
    told = [c for c in t.children if c.dep_ == "relcl" and _set_off(c)]  # "the leaders, who last met in May, ..."
    if not any(v.lemma_.lower() in _GROUP_MEET_VERBS for v in verbs + told):
        return False  # only their meeting ("met", "agreed to meet", "held talks"), not all they "agreed to launch"
    if any(c.dep_ in ("poss", "prep", "appos", "nummod", "acl", "relcl") and c not in told or c.ent_type_
           or c.pos_ == "PROPN" for c in t.children):
        return False
    return _titled_before(t)


def _set_off(clause: Token) -> bool:
    """A relative clause set off by a comma ("the leaders, who last met in May,"): it tells more of the people
    already told; without the comma ("the ministers who attended") it picks some out."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text == ","


def _titled_before(t: Token) -> bool:
    """Whether the article has named someone by the office "the ministers" stands for ("Foreign Minister X"), or
    with their states ("the foreign ministers of A and B"), so that the plural is those people, not an office told
    in general ("at the level of foreign ministers"). "The leaders" stands for any heads told."""
    lemma = t.lemma_.lower()
    if lemma == "leader":
        return True
    doc = t.doc
    return any(x.lemma_.lower() == lemma and (doc[x.i + 1].ent_type_ == "PERSON" or x.head.ent_type_ == "PERSON"
                                              or _of_states(x)) for x in doc[:t.sent.start])


def _of_states(x: Token) -> bool:
    """ "the foreign ministers of Estonia and Finland": an office told with the states whose holders they are."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(g.ent_type_ in ("GPE", "NORP") for g in p.subtree)
               for p in x.children)


def _two_last(t: Token) -> bool:
    """ "The two last met in Oslo": the parser may take "last" for the subject with "two" as its number."""
    return t.lower_ in RECALL_ADVERBS and t.dep_ == "nsubj" and any(c.lower_ in ("two", "both") for c in t.children)


CONTEXT_SENTENCES = 6  # how far back "the two leaders" may look for the people they stand for
GROUP_ROLE_WORDS = frozenset({"president", "minister", "premier", "chancellor", "king", "envoy", "secretary"})


def _context_pair(group: list[Token], sent: Span, lookup: Lookup) -> frozenset[str]:
    """The states of the two people "the two presidents" stand for when no contact has been told yet: the latest
    two people of two states named in the sentences before, holding the group's office when it names one
    ("Najib ... and his Singaporean counterpart Lee witnessed the signing. Earlier, the two leaders met")."""
    words = {t.lemma_.lower() for t in group}
    heads = words & GROUP_ROLE_WORDS
    official = bool(words & (GROUP_ROLE_WORDS | {"leader", "head"}))  # "the two leaders", not "the two sides"
    doc = sent.doc
    lo = sent.start
    for _ in range(CONTEXT_SENTENCES):
        if lo <= 0:
            break
        lo = doc[lo - 1].sent.start
    found: list[str] = []
    for ent in reversed(lookup.ents_in(doc[lo : sent.start])):
        if ent.label_ != "PERSON":
            continue
        _name, country, role, kind = lookup.actor(ent)
        if kind != "person" or country is None or country.startswith("IGO:") or country in found:
            continue
        if heads and role and not any(h in role.lower() for h in heads):
            continue
        if not official and not any(w in (role or "").lower() for w in GROUP_ROLE_WORDS | set(LEADER_TITLES)):
            continue  # "the two sides" after two coaches or two chief executives: no officials, no states
        found.append(country)
        if len(found) == 2:
            return frozenset(found)
    if not official:
        return frozenset()  # "the two sides last met in a friendly": teams as well as states; people only
    named = _two_states_before(sent, lookup)
    return named if set(found) <= named else frozenset()


def _two_states_before(sent: Span, lookup: Lookup) -> frozenset[str]:
    """The two states named in the nearest sentence before that names exactly two ("Malaysia and Singapore sealed
    a deal"): where the people of the group are not all named with their states."""
    doc = sent.doc
    start = sent.start
    for _ in range(CONTEXT_SENTENCES):
        if start <= 0:
            break
        prev = doc[start - 1].sent
        named = {c for c in lookup.countries(prev) if not c.startswith("IGO:")}
        if len(named) == 2:
            return frozenset(named)
        start = prev.start
    return frozenset()


def _place_groups(args: _Arguments, lookup: Lookup) -> list[tuple[str | None, str | None]]:
    """(place, its country) for each mention to make: each destination of a visit (each its own visit), each
    country of the places of talks or a meeting, else the first place attached to the contact, else none."""
    if args.kind == "visit" and args.destination:
        names = [_place_name(d, lookup) for d in args.destination]
        return [(name, _place_country(name, lookup)) for name in names]
    places = [p for p in args.places if is_place(p) or _place_country(_place_name(p, lookup), lookup)]
    if not places:
        return [(None, None)]
    by_country: dict[str | None, str] = {}
    for p in places:
        name = _place_name(p, lookup)
        by_country.setdefault(_place_country(name, lookup), name)
    if len(by_country) > 1:
        by_country.pop(None, None)  # "at Iveagh House in Dublin": the building is in the city's country
    if len(by_country) > 1 and args.kind in ("talks", "meeting", "visit"):
        return [(text, c) for c, text in by_country.items()]
    first = _place_name(places[0], lookup)
    if _place_country(first, lookup) is None and len(by_country) == 1:
        return [(text, c) for c, text in by_country.items()]
    return [(first, _place_country(first, lookup))]


# Where an international organisation sits: a meeting "at NATO headquarters" is in Belgium.
IGO_SEATS = {
    "IGO:NATO": "BEL", "IGO:EU": "BEL", "IGO:AU": "ETH", "IGO:ASEAN": "IDN", "IGO:AL": "EGY", "IGO:UN": "USA",
    "IGO:OAS": "USA", "IGO:IMF": "USA", "IGO:WB": "USA", "IGO:OSCE": "AUT", "IGO:IAEA": "AUT", "IGO:OPEC": "AUT",
    "IGO:ICC": "NLD", "IGO:ICJ": "NLD", "IGO:WHO": "CHE", "IGO:WTO": "CHE", "IGO:COE": "FRA", "IGO:OECD": "FRA",
    "IGO:GCC": "SAU", "IGO:OIC": "SAU", "IGO:ECOWAS": "NGA", "IGO:SCO": "CHN", "IGO:SAARC": "NPL",
}  # fmt: skip


GATHERING_HEADS = frozenset({"forum", "conference", "dialogue"})
TOWN_NOUNS = frozenset({"city", "town", "resort", "port", "village", "capital", "island", "enclave", "spa"})


LEAVE_VERBS = frozenset({"leave", "depart", "set", "head", "fly", "travel"})


def _town_of(g: Token, lookup: Lookup) -> Token | None:
    """The named town of "the resort of Sochi", "the Georgian capital Tbilisi": a town noun names its place in an
    of-phrase or an apposed name; a bare "the capital" names none."""
    if g.lemma_.lower() not in TOWN_NOUNS:
        return None
    named = [o for p in g.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    named += [c for c in g.children if c.dep_ in ("appos", "npadvmod", "compound") and c.i > g.i]
    verb = g.head.head if g.dep_ == "pobj" else g.head
    if verb.pos_ in ("VERB", "AUX"):  # "fly to the Georgian capital Tbilisi": the name hung on the verb
        named += [c for c in verb.children if c.dep_ in ("npadvmod", "appos") and c.i == g.i + 1]
    return next((o for o in named if o.pos_ == "PROPN" and _place_country(_place_name(o, lookup), lookup)), None)


def _nested_place(heads: list[Token], lookup: Lookup) -> list[Token]:
    """A town under the contact's venue: "at his residence in the resort of Sochi", "at the palace in the capital
    Accra", "at the state house in Entebbe". Two at/in steps down at most, so the place stays that of the venue,
    not of a topic ("talks on the war in X" never passes an "on")."""
    out: list[Token] = []
    frontier = [(h, 0) for h in heads]
    while frontier:
        t, depth = frontier.pop(0)
        for c in t.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "at"):
                continue
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                town = _town_of(g, lookup)
                if town is None and depth and is_place(g) and g.ent_type_ not in ("ORG", "LOC") \
                        and not lookup.countries(lookup.ent_span(g)):
                    town = g  # a city the venue is in
                if town is not None:
                    out.append(town)
                elif depth < 1 and g.pos_ in ("NOUN", "PROPN") and not is_place(g):
                    frontier.append((g, depth + 1))
    return out[:1]


def _state_capital(g: Token) -> bool:
    """"the Ethiopian capital", "the Thai capital": a capital named by its state's demonym (the name it stands for
    resolves through the demonym)."""
    return g.lemma_.lower() == "capital" and any(
        c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in g.children)


def _fronted_capital(tok: Token, chain: list[Token]) -> list[Token]:
    """"In the Ethiopian capital he also met X": a fronted "in the <demonym> capital" on the contact's verb, before
    its subject (the place readers of the contact's own words take only names)."""
    verbs = [v for v in [tok, *chain[:1]] if v.pos_ in ("VERB", "AUX")]
    return [g for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < tok.i
            and all(c.i < s.i for s in subject_of(v)) for g in c.children if g.dep_ == "pobj" and _state_capital(g)]


def _margins_city(heads: list[Token], lookup: Lookup) -> list[Token]:
    """"on the sidelines of the Forum on Trade summit in Lagos": the city the gathering meets in, however deep the
    parser hangs it under "sidelines of"; a city, never a country (a summit "on the war in X" is about X)."""
    sides = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "at")
             for g in c.children if g.dep_ == "pobj" and g.lower_ in ("sidelines", "sideline", "margins", "margin")]
    # a country only where "in" hangs on the gathering itself ("the sidelines of the G20 summit in Indonesia",
    # "of the Shangri-La Dialogue in Singapore")
    gatherings = {o.i for g in sides for c in g.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj"}  # fmt: skip
    return [t for g in sides for t in g.subtree if t.dep_ == "pobj" and t.head.lower_ == "in" and is_place(t)
            and t.ent_type_ not in ("ORG", "LOC") and (t.head.head.i in gatherings
                                                       or not lookup.countries(lookup.ent_span(t)))][:1]  # fmt: skip


def _clause_place(tok: Token, chain: list[Token], partners: list[Token], lookup: Lookup) -> list[Token]:
    """A place the clause gives the contact though not on its own word: a fronted "In Beijing, X is expected to
    meet Y" (on the verb the contact hangs from), "drew up a plan in Paris in talks with Y" (the verb whose
    "in talks" the contact is), "flies to Rome for talks with Y" (the trip the talks are made on), or a town
    under the venue ("at her villa in the port of Split")."""
    verbs = [v for v in chain[1:] if v.pos_ in ("VERB", "AUX")]
    if _fronted_capital(tok, chain):
        return _fronted_capital(tok, chain)
    framed = tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "for") and tok.head.head.pos_ == "VERB"
    if framed:
        verbs.append(tok.head.head)
    # a fronted locative: before the contact word and the subject, on a verb the contact hangs from
    fronted = [g for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < tok.i
               and all(c.i < s.i for s in subject_of(v)) for g in c.children
               if g.dep_ == "pobj" and (is_place(g) and g.ent_type_ != "ORG" or _state_capital(g))]  # fmt: skip
    if fronted:
        return fronted[:1]
    if framed:
        v = tok.head.head
        holders = [v, *(c for c in v.children if c.dep_ == "dobj")]
        if tok.head.lower_ == "for" and v.lemma_.lower() in TRIP_VERBS | LEAVE_VERBS:
            # "flies to Rome for talks", "leaves for Lima on Monday for talks": the trip's destination
            dest = [g for c in v.children if c.dep_ == "prep" and c.lower_ in ("to", "for") and c.i != tok.head.i
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
            named = [t for g in dest for t in ([g] if is_place(g) and g.ent_type_ != "ORG" else [_town_of(g, lookup)])
                     if t is not None]  # fmt: skip
            if named:
                return named[:1]
        if tok.head.lower_ == "for" and v.lemma_.lower() in PRESENCE_VERBS | {"stop"}:
            # "had stopped in Berlin on Sunday for talks with X", "was in Ankara for talks": where the stay is
            here = [g for c in v.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                    if g.dep_ == "pobj" and is_place(g) and g.ent_type_ != "ORG"]  # fmt: skip
            if here:
                return here[:1]
        elif tok.head.lower_ in ("in", "during"):
            # on the verb, or a city on its object ("drew up the plan in Moscow"; not "the crisis in Ukraine")
            here = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
                    for g in c.children if g.dep_ == "pobj" and is_place(g) and g.ent_type_ != "ORG"
                    and (h is v or not lookup.countries(lookup.ent_span(g)))]  # fmt: skip
            if here:
                return here[:1]
    margins = _margins_city([tok, *chain[:1]], lookup)
    if margins:
        return margins
    # the venue may hang on the verb that holds the counterpart ("spent an hour closeted with X at the palace")
    company = [p.head.head for p in partners if p.head.dep_ == "prep" and p.head.lower_ == "with"
               and p.head.head.pos_ == "VERB"]  # fmt: skip
    return _nested_place([tok, *chain[:1], *company], lookup)


def _named_gathering_city(roots: list[Token], lookup: Lookup) -> list[Token]:
    """"on the sidelines of the Vienna Energy Forum", "at the Oslo Peace Conference": a gathering named after the
    city it meets in places the contact there (the city as the first words of the name; not "the Shanghai
    Cooperation Organisation", which is no gathering)."""
    for r in roots:
        for c in r.children:
            if c.dep_ != "prep" or c.lower_ not in ("on", "at"):
                continue
            for g in c.children:
                x = g
                if g.lower_ in ("sidelines", "sideline", "margins", "margin"):
                    x = next((o for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                              for o in p.children if o.dep_ == "pobj"), g)  # fmt: skip
                if x.lower_ not in GATHERING_HEADS:
                    continue
                words = [t for t in x.subtree if t.i < x.i and t.pos_ == "PROPN"]
                for n in (3, 2, 1):
                    if len(words) >= n and words[n - 1].i - words[0].i == n - 1:
                        name = x.doc[words[0].i : words[n - 1].i + 1].text
                        entry = reference().gazetteer.get(key_of(anyascii(name)))
                        if entry is not None and entry.kind in ("city", "capital") and len(entry.codes) == 1:
                            return [words[n - 1]]  # not a state's name: "the Russia-Africa Forum" may meet anywhere
    return []


SEAT_NOUNS = frozenset({"headquarters", "secretariat"})


def _body_seat(tok: Token, lookup: Lookup) -> bool:
    """"NATO headquarters", "the ASEAN Secretariat": the seat of an international organisation."""
    return tok.lower_ in SEAT_NOUNS and _body_of(_place_name(tok, lookup), lookup) is not None


def _body_of(name: str, lookup: Lookup) -> str | None:
    """The international organisation whose seat a place name names ("NATO Headquarters" -> IGO:NATO), else None."""
    if not name.split() or name.split()[-1].lower() not in SEAT_NOUNS:
        return None
    try:
        code = lookup.resolver.country_of_text(name)
    except Exception:  # noqa: BLE001 - a lookup failure leaves the place as it is
        return None
    return code if code and code.startswith("IGO:") else None


def _place_country(name: str, lookup: Lookup) -> str | None:
    """The state a place is in; an organisation's headquarters are in the state that hosts its seat."""
    body = _body_of(name, lookup)
    town, _, region = name.rpartition(", ")
    # "Palm Beach, Florida", "Crawford, Texas": the region named after the town says which state it is in
    code = body or (town and lookup.place_country(region)) or lookup.place_country(name)
    if code and code.startswith("IGO:"):
        return IGO_SEATS.get(code)
    return SOVEREIGN_OF.get(code, code) if code else code


# Dependent territories a contact may be held in, by the state they belong to (a place's state is the sovereign).
SOVEREIGN_OF = {
    "GUM": "USA", "PRI": "USA", "VIR": "USA", "ASM": "USA", "MNP": "USA", "GRL": "DNK", "FRO": "DNK",
    "NCL": "FRA", "PYF": "FRA", "REU": "FRA", "GUF": "FRA", "MTQ": "FRA", "GLP": "FRA", "MYT": "FRA",
    "GIB": "GBR", "BMU": "GBR", "CYM": "GBR", "FLK": "GBR", "IMN": "GBR", "JEY": "GBR", "GGY": "GBR",
}  # fmt: skip


def _place_name(tok: Token, lookup: Lookup) -> str:
    """The whole name of a place: its entity, or for a name the tagger left out, the name with its leading proper
    nouns ("Port Moresby")."""
    span = lookup.ent_span(tok)
    if span[-1].lower_ in GATHERING_HEADS and tok.i < span[-1].i:
        # a city in a gathering's name ("the Vienna Energy Forum"): the name's words up to it
        first = next((t.i for t in span if t.pos_ == "PROPN"), tok.i)
        return tok.doc[first : tok.i + 1].text
    if _state_capital(tok):
        return " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ != "det")  # "Ethiopian capital"
    if tok.lower_ in SEAT_NOUNS and not tok.ent_type_:
        return " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ != "det")  # "OAS headquarters"
    region = _region_after(tok, span, lookup)
    if len(span) > 1 or tok.ent_type_ or tok.pos_ != "PROPN":
        return span.text + region
    lead = [c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    return tok.doc[min([tok.i, *lead]) : tok.i + 1].text


def _region_after(tok: Token, span: Span, lookup: Lookup) -> str:
    """", Florida" in "in Palm Beach, Florida": a region or state set after the town, which says where it is."""
    doc = tok.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return ""
    nxt = doc[span.end + 1]
    if nxt.dep_ != "appos" or nxt.head.i != tok.i or nxt.ent_type_ != "GPE":
        return ""
    return ", " + lookup.ent_span(nxt).text


def _at_place(place: tuple[str | None, str | None], places: list[tuple[str | None, str | None]],
              parties: list[Party], agent_guesses: list[Party], lookup: Lookup, fields: dict) -> Mention:
    """The mention of the contact at one of its places, with the party that place implies (a visit's host)."""
    loc, loc_country = place
    tok = fields["trigger"]
    ps = list(parties)
    if loc_country and len(places) == 1 and loc_country not in {p.country for p in ps} \
            and loc_country == lookup.main_country():
        for p in ps:
            # "met Prime Minister X in Tripoli", X's country only guessed from context: the host's official
            if p.guessed and p.participant is not None:
                p.country = p.participant.country = loc_country
    host = None
    if fields["kind"] == "visit":
        host = (_body_of(loc, lookup) if loc else None) or loc_country  # a visit to NATO's seat visits NATO
        if any(p.country in {c for _, c in places if c} for p in agent_guesses):
            # "Prime Minister X will travel to Seoul", X's country only guessed as the destination's: a
            # traveller does not visit their own country, so the guess is wrong and no side is known
            ps = [p for p in ps if not any(p is g for g in agent_guesses)]
        if host and not any(p.country == host for p in ps):
            ps.append(Party(host, None, tok.idx))
    elif loc_country and len({p.country for p in ps if p.country}) < 2 and len(places) > 1:
        ps.append(Party(loc_country, None, tok.idx))
    mention = Mention(parties=ps, location=loc, location_country=loc_country, host_country=host, **fields)
    mention.participants = [p.participant for p in ps if p.participant is not None]
    # The sentence that states the contact: its word as the main predicate ("made a visit", "met"), not
    # a frame ("On a visit to Iraq, she said ..."), with its parties named.
    main = tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
    mention.evidence_quality = min(len(mention.countries), 2) * 2 + (2 if main else 0)
    return mention


_JOINT = re.compile(
    r"\b(?:joint|jointly|together|trilateral|three\s*-\s*way|four\s*-\s*way|multilateral|quadrilateral|tripartite"
    r"|video)\b"
)


LEADER_LEMMAS = frozenset({"leader", "president", "minister", "premier", "head", "chancellor"})
SEPARATELY = frozenset({"separate", "separately", "respectively", "each", "individually", "in turn"})


def _received_jointly(tok: Token) -> bool:
    """"X received A and B at the palace": a host receiving two named guests in one clause receives them together
    (a trilateral meeting), unless the text says they came one by one ("separately", "in turn")."""
    if tok.lemma_.lower() not in ("receive", "host", "welcome") or tok.pos_ not in ("VERB", "AUX"):
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    spans = [(t.left_edge.i, t.right_edge.i) for t in with_conjuncts(objs)]
    guests = [e for e in tok.sent.ents
              if e.label_ == "PERSON" and any(a <= e.start and e.end - 1 <= b for a, b in spans)]
    if len(guests) < 2 and not any(signing_group(o) and o.lemma_.lower() in LEADER_LEMMAS for o in objs):
        return False  # "received the ambassadors of X and Y": envoys, often seen one by one
    return not any(t.lower_ in SEPARATELY for t in tok.sent)


def _split_calls(m: Mention, agent_countries: set[str]) -> list[Mention]:
    """ "She spoke with her counterparts from Oman and Qatar": one caller, counterparts of several countries,
    are separate bilateral calls; "a conversation with X and Y" (one call named) or "a joint call" is one."""
    others = sorted(m.countries - agent_countries)
    if len(agent_countries) != 1 or len(others) < 2 or m.trigger.pos_ not in ("VERB", "AUX") and \
            m.trigger.lower_ not in ("meetings", "calls", "conversations", "talks"):
        return [m]  # "had a telephone conversation with X and Y": one conversation, several parties
    if next(iter(agent_countries)).startswith("IGO:") and m.kind != "call":
        return [m]  # "UN peacekeepers met officers from X and Y": a body convening both sides of a dispute (a
        # telephone call with X and with Y is two calls whoever places them)
    sub = list(m.trigger.subtree)
    text = m.sent.doc[sub[0].i : sub[-1].i + 1].text.lower()
    if _JOINT.search(text) or "conference" in text and m.kind == "call" or _received_jointly(m.trigger):
        return [m]  # "the leaders of X and Y together", "for a three-way meeting": one gathering
    if any(t.dep_ == "pobj" and t.head.lower_ == "for" and t.tag_ == "NN" and (t.lower_ == "round" or
           KIND_CLASS.get(trigger_kind(t) or "") == "m") for t in sub):  # fmt: skip
        return [m]  # "met X and Y for a summit", "for a round of negotiations": one gathering named
    out = []
    for code in others:
        keep = [p for p in m.parties if p.country in agent_countries or p.country == code]
        one = copy.copy(m)
        one.parties = keep
        one.participants = [p.participant for p in keep if p.participant is not None]
        out.append(one)
    return out


# Words that name an occasion a contact can be told relative to ("Before the gala, ...", "After the summit, ...")
OCCASION_NOUNS = frozenset({
    "ceremony", "summit", "meeting", "talk", "talks", "retreat", "conference", "forum", "signing", "session",
    "dinner", "banquet", "gala", "reception", "parade", "dialogue", "negotiation", "negotiations", "plenary",
    "ministerial", "gathering", "event", "celebration", "inauguration", "funeral", "opening",
})  # not "visit" or "trip": they span days
# "Before the X, ...": frame words that put a contact on the day of an occasion ("on the eve of": the day before)
_OCCASION_FRAME = re.compile(
    r"^(?:(?:shortly|just|immediately|soon|right)\s+)?(?P<w>before|after|following|ahead\s+of|prior\s+to"
    r"|on\s+the\s+eve\s+of|on\s+the\s+sidelines\s+of|at\s+the\s+end\s+of|at\s+the\s+close\s+of)"
    r"\s+(?:the|this|that|today's|their)\s+(?:(?:start|end|opening|close|conclusion|beginning|launch)\s+of\s+"
    r"(?:the\s+)?)?(?P<rest>[^,]{0,60}?)\s*,", re.IGNORECASE)


def _day_of_occasion(sent: Span, published: date | None, status: str) -> ResolvedDate | None:
    """"Before the ceremony, X received Y", "On the eve of the forum, X called Y": a contact told, at the head of its
    sentence, relative to an occasion takes that occasion's day, from the first earlier sentence naming the occasion
    with a day; failing that, from the lead's day (the occasion the story is about). None without such an anchor."""
    if status != "held" or published is None:
        return None
    m = _OCCASION_FRAME.match(sent.text)
    if m is None:
        return None
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group("rest"))]
    if not words or words[-1] not in OCCASION_NOUNS:
        return None  # "After arriving, ...", "Before the vote, ...": no occasion a contact hangs on
    shift = -1 if "eve" in m.group("w").lower() else 0
    noun = words[-1].rstrip("s")
    earlier = [s for s in sent.doc.sents if s.end <= sent.start]
    named = [s for s in earlier if re.search(rf"\b{noun}s?\b", s.text, re.IGNORECASE)]
    for s in named:
        day = next(iter(_days_told(s, published)), None)
        if day is not None:
            return _shifted(day, shift, m.group(0).rstrip(" ,"))
    for s in earlier[:2]:  # the lead, when it gives one day only: the day of the occasion the story is about
        days = _days_told(s, published)
        if days and not any(day_shift(d.text) for d in find_dates(s.text)):
            return _shifted(days[0], shift, m.group(0).rstrip(" ,")) if len(set(days)) == 1 else None
    return None


_WIRE_HEAD = re.compile(r"[A-Z][A-Z .'-]+,[^()\n]{3,30}\([^()\n]{1,30}\)")


def _days_told(s: Span, published: date) -> list[str]:
    """The days a sentence's own time words give, in order (a dateline's date is the wire's, not an event's)."""
    head = _WIRE_HEAD.match(s.doc.text)  # "CITY, Month D (Agency)." read as no dateline by the dateline reader
    skip = max(dateline_end(s.doc.text), head.end() if head else 0) - s.start_char
    return [r.date for d in find_dates(s.text) if d.start >= skip
            if (r := resolve_date(d.text, published)).date and r.granularity == "day"]


def _shifted(day: str, shift: int, text: str) -> ResolvedDate:
    d = (date.fromisoformat(day) + timedelta(days=shift)).isoformat()
    return ResolvedDate(d, text, "day", d)


# "hours after landing", "a day after arriving": a contact placed from the traveller's arrival
_AFTER_ARRIVAL = re.compile(
    r"\b(?:(?P<day>a|one|the)\s+day|shortly|hours|minutes|soon|just|moments|right|immediately)\s+after\s+"
    r"(?:(?:his|her|their|its)\s+)?(?:landing|arriving|arrival|touching\s+down)\b", re.IGNORECASE)
ARRIVAL_LEMMAS = frozenset({"arrive", "land", "arrival"})


def _day_of_arrival(sent: Span, published: date | None, status: str) -> ResolvedDate | None:
    """"X went into talks with Y shortly after landing": the contact's day is the day the text gives the arrival
    (in this sentence or the nearest earlier one that tells it; a day later for "a day after arriving"). None when
    no sentence dates the arrival."""
    if status != "held" or published is None:
        return None
    m = _AFTER_ARRIVAL.search(sent.text)
    if m is None:
        return None
    shift = 1 if m.group("day") else 0
    told = [s for s in sent.doc.sents if s.start <= sent.start]
    for s in reversed(told):
        inside = range(sent.start_char + m.start(), sent.start_char + m.end())
        arrivals = [t for t in s if (t.lemma_.lower() in ARRIVAL_LEMMAS or _touched_down(t))
                    and t.pos_ in ("VERB", "NOUN") and t.idx not in inside]
        if not arrivals:
            continue
        skip = max(dateline_end(s.doc.text), (h.end() if (h := _WIRE_HEAD.match(s.doc.text)) else 0)) - s.start_char
        days = [(abs(d.start - (arrivals[0].idx - s.start_char)), r.date) for d in find_dates(s.text)
                if d.start >= skip and (r := resolve_date(d.text, published)).date and r.granularity == "day"]
        if days:
            return _shifted(min(days)[1], shift, m.group(0))
        return None  # the arrival is told without its day: no anchor
    return None


def _told_past_after_arrival(tok: Token, chain: list[Token], sent: Span, date_text: str | None) -> bool:
    """The only time word is the "soon"/"shortly" of an "after landing" phrase and the contact's verb is in the past
    tense: a contact held on arrival, not a plan."""
    m = _AFTER_ARRIVAL.search(sent.text)
    if m is None or not date_text or date_text.lower() not in m.group(0).lower():
        return False
    verbs = [tok, *chain] if tok.pos_ in ("VERB", "AUX") else chain
    return bool(verbs) and verbs[0].tag_ == "VBD" and not any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "to") for v in verbs for c in v.children)


def _touched_down(t: Token) -> bool:
    """"touched down in X": an arrival told by its phrasal verb."""
    return t.lemma_.lower() == "touch" and any(c.dep_ == "prt" and c.lower_ == "down" for c in t.children)


def _day_before_shift(tok: Token, date_text: str, sent: Span, published: date | None,
                      status: str) -> ResolvedDate | None:
    """"X met Y on Sunday, a day after arriving": words that place another event a day away, set beside the
    contact's own day, leave that day to the contact (told before them). None unless the contact word comes first
    and a day stands just before the words."""
    at = sent.text.find(date_text)
    if at < 0 or tok.idx - sent.start_char >= at:
        return None
    for m in find_dates(sent.text[:at]):
        if sent.text[m.end : at].strip(" ,") or day_shift(m.text) is not None:
            continue
        own = resolve_date(m.text, published, future=status != "held")
        if own.date and own.granularity == "day":
            return own
    return None
