"""One sentence in, the contact mentions it states out: a meeting word, its parties, status, time and place.

Works per sentence (a `Span` from `doc.sents`) so that a cheap lexical gate can skip sentences without any
meeting word (`meeting_lexicon.GATE`). Merging mentions into meetings happens later (`meeting_merge`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from extractors.dates import ResolvedDate, resolve_date
from extractors.meeting_args import (
    GROUP_ANAPHORS,
    Lookup,
    Party,
    parties_of,
    phrase,
    phrase_tokens,
    with_conjuncts,
)
from extractors.meeting_fallback import is_country_or_capital
from extractors.meeting_lexicon import (
    CANCEL_VERBS,
    FORMATS,
    KIND_CLASS,
    KIND_RANK,
    NON_CONTACT_VERBS,
    OFFICIAL_NOUNS,
    ORDINAL_DISTINCT,
    PARTICIPATION_VERBS,
    PLANNED_MODIFIERS,
    PLANNED_VERBS,
    SPORT_WORDS,
)
from extractors.meeting_status import DENIAL_VERBS, status_of
from extractors.meeting_syntax import (
    CLAUSE_DEPS,
    PLACE_LABELS,
    agents_of,
    governing_chain,
    is_destination,
    is_place,
    places_of,
    plan_clauses,
    subject_of,
    venue_in_subtree,
)
from extractors.meeting_time import date_for
from extractors.meeting_triggers import trigger_kind
from extractors.types import Participant

# "received a phone call from X", "took part in talks", "placed a call to X": their subject takes part too
AGENT_VERBS = PARTICIPATION_VERBS | CANCEL_VERBS | {
    "meet", "visit", "talk", "speak", "call", "receive", "take", "place",
}  # fmt: skip
WEAK_VERBS = frozenset({"discuss", "exchange"})
SERIES_WORDS = frozenset({"regular", "annual", "periodic", "monthly", "yearly", "regularly"})
TRIP_VERBS = frozenset({"travel", "arrive", "fly", "go", "come", "head", "continue", "return", "land"})
PRESENCE_VERBS = frozenset({"be", "arrive", "land", "stay", "remain"})
TELLING_VERBS = frozenset({"tell", "assure", "inform", "urge", "brief"})
FRAME_PREPS = frozenset({"on", "during", "in", "at", "over", "by", "via", "after", "before"})
PASSIVE_FRAME_VERBS = frozenset({"propose", "announce", "report"})


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

    @property
    def countries(self) -> set[str]:
        return {p.country for p in self.parties if p.country}


def mentions_in_sentence(sent: Span, lookup: Lookup, published: date | None, sport_context: bool) -> list[Mention]:
    """Every contact the sentence states, one mention per contact word (a trip made for a meeting folds into
    the meeting). Only this sentence's parse is read, so sentences can be parsed selectively."""
    out: list[Mention] = []
    for tok in sent:
        kind = trigger_kind(tok)
        if kind is None or lookup.in_quotation(tok):
            continue
        if tok.dep_ == "compound" and tok.head.i != tok.i and trigger_kind(tok.head) is not None:
            continue  # "summit meeting", "two-plus-two talks": one contact word, read at its head
        if tok.dep_ in ("appos", "npadvmod", "attr") and _names_same_contact(tok):
            continue  # "held talks on Tuesday, the second meeting between them in three days"
        if kind == "talks" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ == "round":
            kind = "negotiation"  # "a fifth round of talks"
        for c in tok.children:
            inner = trigger_kind(c) if c.dep_ == "compound" else None
            if inner and KIND_RANK.get(inner, 0) > KIND_RANK.get(kind, 0) and KIND_CLASS[inner] == KIND_CLASS[kind]:
                kind = inner
        if KIND_CLASS.get(kind) == "m" and _remote(tok):
            kind = "call"  # "held talks by video link", "met via videoconference"
        m = _mention(tok, kind, sent, lookup, published, sport_context)
        out.extend(m)
    return _fold_purpose(out)


REMOTE_WORDS = frozenset({"video", "videolink", "phone", "telephone", "videoconference", "teleconference"})


def _remote(tok: Token) -> bool:
    """Whether a meeting word is held over a line ("by video link", "via telephone"): then it is a call."""
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
        for c in t.children:
            if c.i not in dateline and c.dep_ in ("appos", "conj") and c not in out:
                out.extend(x for x in with_conjuncts([c]) if x.i not in dateline and x not in out)
    return out


def _told_as_past_plan(v: Token) -> bool:
    """"was due to open", "were scheduled to meet": a plan told in the past tense."""
    if v.lemma_.lower() not in PLANNED_VERBS and v.lower_ != "due":
        return False
    if {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")} & {"was", "were", "had"}:
        return True
    return v.dep_ in ("acomp", "attr") and v.head.lower_ in ("was", "were")


def _is_to_infinitive(v: Token) -> bool:
    return v.pos_ in ("VERB", "AUX") and any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children)


def _purpose_of(visit: Token, other: Token) -> bool:
    """Whether the contact word `other` is what the trip `visit` is for: "travel to X for talks with Y",
    "arrived in X to hold talks", "will visit X to meet Y"."""
    if other.dep_ == "pobj" and other.head.lower_ == "for":
        host = other.head.head
        if host.i == visit.i or host.head.i == visit.i and host.dep_ in ("npadvmod", "pobj", "dobj"):
            return True  # "for talks", "next week for talks"
    if other.dep_ in ("advcl", "xcomp") and _is_to_infinitive(other) and other.head.i == visit.i:
        return True  # "arrived to meet"
    verb = other.head
    return (
        other.dep_ == "dobj" and verb.dep_ in ("advcl", "xcomp") and _is_to_infinitive(verb) and verb.head.i == visit.i
    )  # "arrived to hold talks"


def _fold_purpose(mentions: list[Mention]) -> list[Mention]:
    """A trip made for one meeting is one contact (the meeting, at the trip's destination)."""
    drop: set[int] = set()
    for i, v in enumerate(mentions):
        if v.kind != "visit" or v.trigger.pos_ not in ("VERB", "AUX"):
            continue
        for j, m in enumerate(mentions):
            if j == i or m.kind == "visit" or m.weak or not _purpose_of(v.trigger, m.trigger):
                continue  # "travel to X to discuss Y" names a topic of the trip, not a meeting of its own
            drop.add(i)
            if v.status == "planned" and m.status == "held":
                m.status = "planned"  # "will travel to X for talks": the talks are as future as the trip
            if m.location is None:
                m.location, m.location_country = v.location, v.location_country
            for p in v.parties:
                if p.country and p.country not in m.countries or p.participant and p.participant not in m.participants:
                    m.parties.append(p)
                    if p.participant:
                        m.participants.append(p.participant)
            if m.date is None:
                m.date = v.date
            if v.status == "cancelled":
                m.status = "cancelled"
    for i, v in enumerate(mentions):
        if v.kind == "visit" and v.trigger.lemma_.lower() in ("travel", "arrive") and i not in drop:
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
    if main is None:
        return
    for p in wrong:
        p.country = main
        if p.participant is not None:
            p.participant.country = main


def _is_group(tokens: list[Token]) -> bool:
    """"The two leaders", "both presidents", "the two heads of state", "they": the parties talked about before."""
    for t in tokens:
        if t.lower_ in ("they", "both", "two"):
            return True
        words = {x.lower_ for x in phrase(t)}
        if words & {"two", "both"} and (
            t.lower_ in GROUP_ANAPHORS or t.lemma_.lower() in OFFICIAL_NOUNS or t.lower_ in OFFICIAL_NOUNS
        ):
            return True  # the head must be a state's people or the states: not "both companies", "two teams"
    return False


def _mention(
    tok: Token, kind: str, sent: Span, lookup: Lookup, published: date | None, sport_context: bool
) -> list[Mention]:
    """The mention(s) of one contact word: several when one visit word names several destinations."""
    chain = governing_chain(tok)
    verb = tok if tok.pos_ in ("VERB", "AUX") else (chain[0] if chain else None)
    frame, frame_agents, frame_refused = _plan_frame(tok, chain)
    agents: list[Token] = []
    partners: list[Token] = []
    place_toks: list[Token] = []
    destination: list[Token] = []
    weak = tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in WEAK_VERBS
    if tok.pos_ in ("VERB", "AUX"):
        agents = with_conjuncts(agents_of(tok))
        for c in tok.children:
            if c.dep_ == "dobj" and not weak:
                partners += with_conjuncts([c])
            if c.dep_ == "dobj" and weak:  # "discussed trade with X": "with" hung on the topic
                partners += with_conjuncts([g for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                                            for g in p.children if g.dep_ == "pobj"])  # fmt: skip
            if c.dep_ == "prep" and c.lower_ in ("with", "to", "among", "between", "by"):
                partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
        if kind == "visit":
            destination = [p for p in partners if is_destination(p)]
            partners = [p for p in partners if p not in destination]
            destination += [p for p in places_of([tok]) if p not in destination]
            if tok.lemma_.lower() == "visit" and partners and not destination:
                kind = "meeting"  # visiting a person is meeting them
        place_toks = places_of([tok])
    else:
        own = set(range(tok.i - 4, tok.i)) if tok.pos_ == "NUM" else set()  # the words of "two-plus-two"
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.lower_ not in PLANNED_MODIFIERS and c.i not in own:
                partners.append(c)
            if c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "by", "of"):
                partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
            if c.dep_ == "prep" and (c.lower_ == "from" or c.lower_ == "on" and kind == "meeting") and kind in (
                "call", "meeting"
            ):  # "a phone call from X", "a courtesy call on X"
                partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
            if c.dep_ == "prep" and c.lower_ == "to" and kind == "visit":
                destination += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
        place_toks = places_of([tok])
        if verb is not None and verb.lemma_.lower() in AGENT_VERBS:
            if tok.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass", "npadvmod", "conj"):
                agents = with_conjuncts(agents_of(verb)) if tok.dep_ not in ("nsubj", "nsubjpass") else []
                if verb.lemma_.lower() == "host" and any(c.dep_ == "prep" and c.lower_ in ("between", "among")
                                                         for c in tok.children):  # fmt: skip
                    agents = []  # "Qatar hosted talks between X and Y": the venue is not a party
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
                        partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
                place_toks += places_of([verb])
                if kind == "visit" and not destination:
                    destination = [p for p in places_of([verb]) if is_destination(p)]
    if (
        not agents
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ == "pobj"
        and tok.head.lower_ in FRAME_PREPS
        and tok.head.head.pos_ in ("VERB", "AUX")
    ):
        # "On her trip, she met ...", "X and Y discussed Syria in a phone call": the clause's subject (and its
        # "with" partner) take part, unless the noun names its own parties ("during the Abe-Putin summit").
        own = any(c.dep_ == "poss" and c.lower_ not in ("her", "his", "their") or c.dep_ == "prep" and
                  c.lower_ in ("by", "with", "between", "among") or c.dep_ == "compound" and c.ent_type_ and
                  c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY")  # "a two-day visit"
                  for c in tok.children)  # fmt: skip
        frame_verb = tok.head.head
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in frame_verb.children)
        if not own and not passive and frame_verb.lemma_.lower() not in NON_CONTACT_VERBS | PASSIVE_FRAME_VERBS:
            agents = with_conjuncts(agents_of(frame_verb))
            if kind != "visit":
                for c in frame_verb.children:
                    if c.dep_ == "prep" and c.lower_ in ("with", "to"):
                        partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
                    if c.dep_ == "dobj":  # "discussed trade with X during a meeting": "with" hung on the topic
                        partners += with_conjuncts([g for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                                                    for g in p.children if g.dep_ == "pobj"])  # fmt: skip
                    if c.dep_ in ("dobj", "dative") and frame_verb.lemma_.lower() in TELLING_VERBS:
                        partners += with_conjuncts([c])  # "in a phone call, X told Y that ..."
    if kind == "visit" and not destination and tok.pos_ in ("NOUN", "PROPN"):
        for anc in tok.ancestors:
            if anc.pos_ in ("VERB", "AUX"):
                if anc.lemma_.lower() in PRESENCE_VERBS:  # "is in Tokyo on the first stop of her trip"
                    destination = [p for p in places_of([anc]) if is_destination(p)]
                break
    counterparts = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if not agents and counterparts and tok.pos_ in ("NOUN", "PROPN"):
        # "on his way to a summit with Kim": the clause's subject is the other side
        for anc in tok.ancestors:
            if anc.pos_ in ("VERB", "AUX"):
                if anc.lemma_.lower() in NON_CONTACT_VERBS | PASSIVE_FRAME_VERBS | DENIAL_VERBS | {"host"}:
                    break  # "hosted talks between X and Y": the host is the venue
                agents = with_conjuncts(subject_of(anc))
                if agents or anc.dep_ != "prep":  # "following two days of meetings with X": keep climbing
                    break
            if anc.dep_ in CLAUSE_DEPS:
                break
    own_place = bool(place_toks)
    trip_anchor: list[Token] = []  # a trip or destination whose time is the contact's
    if not place_toks and tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() in TRIP_VERBS:
        place_toks = places_of([tok.head])  # "has travelled to Islamabad to meet X": the meeting is there
        trip_anchor = [tok.head]
    where = [c for c in tok.children if c.lower_ == "where" and c.i < tok.i] if tok.dep_ == "relcl" else []
    if not place_toks and where:
        # "continue to Vilnius this evening, where she will meet X": the place just before "where"
        before = [t for t in sent.doc[max(sent.start, where[0].i - 6) : where[0].i] if is_place(t)]
        place_toks = before[-1:]
        trip_anchor = [a for p in place_toks for a in p.ancestors if a.pos_ in ("VERB", "AUX")][:1]
    if not place_toks and not destination:
        roots = [tok]
        if chain and chain[0].i != tok.i and chain[0].lemma_.lower() in AGENT_VERBS | PRESENCE_VERBS | {"land"}:
            roots.append(chain[0])  # "landed in Warsaw for talks", not "the dialogue sends a message in ..."
        place_toks = [p for p in venue_in_subtree(roots, tok) if p.i not in lookup.dateline
                      and (p.ent_type_ != "LOC" or is_country_or_capital(lookup.ent_span(p).text))
                      and not lookup.countries(lookup.ent_span(p))]  # a city, not a topic country or a sea  # fmt: skip
    borrowed_place = bool(place_toks) and not own_place  # a place found beyond the contact's own words
    # "met X at the White House", "receiving X in Washington": the place may hang on the counterpart
    partner_preps = ("at", "in") if tok.lemma_.lower() in ("receive", "host", "welcome") else ("at",)
    place_toks += [g for p in partners for c in p.children if c.dep_ == "prep" and c.lower_ in partner_preps
                   for g in c.children if g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS]  # fmt: skip
    if tok.lemma_.lower() in ("receive", "welcome", "host") and any(p.ent_type_ == "GPE" for p in place_toks):
        kind = "visit"  # "receiving the prime minister in Washington": the guest visits the host's country
        destination = [p for p in place_toks if p.ent_type_ == "GPE"]
    if frame is not None and frame_agents:
        agents = frame_agents
    if lookup.dateline:  # "BAGHDAD (Wire) - Saudi Arabia and Iran held ...": the dateline is no party or place
        agents = _past_dateline(agents, lookup.dateline)
        partners = _past_dateline(partners, lookup.dateline)
        place_toks = [t for t in place_toks if t.i not in lookup.dateline]
        destination = [t for t in destination if t.i not in lookup.dateline]
    sport_context = sport_context or any(t.lower_ in SPORT_WORDS for t in sent)
    if sport_context and not any(t.ent_type_ == "PERSON" for a in agents + partners for t in phrase(a)):
        return []
    # Parties
    parties: list[Party] = []
    agent_countries: set[str] = set()
    agent_guesses: list[Party] = []
    for t in agents + partners:
        for p in parties_of(t, lookup):
            if t in agents and p.country:
                agent_countries.add(p.country)
                if p.guessed:
                    agent_guesses.append(p)
                p.guessed = False  # only a counterpart's guess is questioned below
            if p.country and any(q.country == p.country and q.participant == p.participant for q in parties):
                continue
            parties.append(p)
    _complete_from_clause(parties, sent, lookup)
    _same_side_guess(parties, agent_countries, lookup)
    date_text = date_for(tok, chain, sent, plan_clauses(tok) + trip_anchor)
    if tok.pos_ in ("NOUN", "PROPN") and (date_text or place_toks):
        for t in tok.subtree:
            if t.i >= tok.i:
                break
            for code in FORMATS.get(t.lower_, ()):
                if not any(p.country == code for p in parties):
                    parties.append(Party(code, None, t.idx))
    if kind == "meeting" and tok.lower_ in ("meet", "met", "meets", "meeting") and tok.pos_ == "VERB":
        if (
            not partners
            and not _is_group(agents)
            and not any(a.lower_ in ("they", "leaders", "sides", "ministers") or len(a.conjuncts) > 0 for a in agents)
            and len({p.country for p in parties if p.country}) < 2
        ):
            return []  # "the committee met this month": a body meeting on its own
    status = status_of(tok, chain, date_text, sent.text)
    if frame is not None:
        # "accepted an invitation to visit", "plans to visit": the noun's veto does not apply, the plan's does
        status = None if frame_refused else "planned" if status in (None, "held") else status
        if status is not None and frame.head.lemma_.lower() in CANCEL_VERBS:
            status = "cancelled"  # "postponed his plans to visit"
    if status is None:
        if len({p.country for p in parties if p.country}) < 2:
            return []
        status = NO_CONTACT  # "did not meet": no contact, but it tells who "the two ministers" are later on
    future = status != "held"
    resolved = resolve_date(date_text, published, future=future) if date_text else None
    if resolved and resolved.date and published is not None and status == "held" and not chain:
        if resolved.date > published.isoformat():
            status = "planned"
    group = _is_group(agents + partners)
    if group and len({p.country for p in parties if p.country}) < 2:
        # "India ... its relations with Pakistan, and the leaders of the two countries have not held a summit":
        # "the two" are the two states this very sentence names, when it names exactly two
        first = min((t.i for t in agents + partners), default=tok.i)
        before = sent.doc[sent.start : max(sent.start, min(first, tok.i))]
        named = [c for c in lookup.countries(before) if not c.startswith("IGO:")] if len(before) else []
        if len(named) == 2:
            for code in named:
                if not any(p.country == code for p in parties):
                    parties.append(Party(code, None, sent.start_char))
    past_plan = any(_told_as_past_plan(v) for v in chain)
    anaphoric = (
        tok.pos_ in ("NOUN", "PROPN")
        and not parties
        and any(c.lower_ in ("the", "this", "that", "these", "those", "its", "their") for c in tok.children)
    )
    series = tok.tag_ == "NNS" and any(c.lower_ in SERIES_WORDS for c in tok.children)
    also = tok.pos_ == "VERB" and bool(partners) and any(c.lower_ == "also" for c in tok.children)
    last_time = tok.pos_ == "VERB" and any(c.lower_ == "last" and c.dep_ == "advmod" for c in tok.children)
    distinct = (
        last_time  # "the two leaders last met in 2019": an earlier contact
        or also
        or series
        or any(c.lower_ in ORDINAL_DISTINCT for c in tok.children)
        or any(c.lower_ in ("twice", "again") for v in chain[:1] for c in v.children)
    )
    # Place: the first place attached to the contact; for visits, each destination country is its own visit.
    dests = destination if kind == "visit" else []
    mentions: list[Mention] = []
    groups: list[tuple[str | None, str | None]] = []
    if dests:
        for d in dests:
            span = lookup.ent_span(d)
            groups.append((span.text, lookup.place_country(span.text)))
    else:
        places = [p for p in place_toks if is_place(p)]
        if places:
            by_country: dict[str | None, str] = {}
            for p in places:
                span = lookup.ent_span(p)
                c = lookup.place_country(span.text)
                by_country.setdefault(c, span.text)
            if len(by_country) > 1 and kind in ("talks", "meeting", "visit"):
                groups = [(text, c) for c, text in by_country.items()]
            else:
                first = lookup.ent_span(places[0])
                groups = [(first.text, lookup.place_country(first.text))]
        else:
            groups = [(None, None)]
    if borrowed_place and len({p.country for p in parties if p.country}) < 2 and kind != "visit" and not group:
        groups = [(None, None)]  # "arrived in Singapore to meet ministers of other nations": no host implied
    for loc, loc_country in groups:
        ps = list(parties)
        if loc_country and len(groups) == 1 and loc_country not in {p.country for p in ps} \
                and loc_country == lookup.main_country():
            for p in ps:
                # "met Prime Minister X in Tripoli", X's country only guessed from context: the host's official
                if p.guessed and p.participant is not None:
                    p.country = p.participant.country = loc_country
        host = None
        if kind == "visit":
            host = loc_country
            if any(p.country in {c for _, c in groups if c} for p in agent_guesses):
                # "Prime Minister X will travel to Seoul", X's country only guessed as the destination's: a
                # traveller does not visit their own country, so the guess is wrong and no side is known
                ps = [p for p in ps if not any(p is g for g in agent_guesses)]
            if host and not any(p.country == host for p in ps):
                ps.append(Party(host, None, tok.idx))
        elif loc_country and len({p.country for p in ps if p.country}) < 2 and len(groups) > 1:
            ps.append(Party(loc_country, None, tok.idx))
        mention = Mention(
            kind=kind,
            status=status,
            parties=ps,
            sent=sent,
            trigger=tok,
            date=resolved if resolved else None,
            location=loc,
            location_country=loc_country,
            host_country=host,
            anaphoric=anaphoric,
            group=group,
            distinct=distinct,
            weak=weak,
            series=series,
            past_plan=past_plan,
            listed=any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in tok.children),
        )
        mention.participants = [p.participant for p in ps if p.participant is not None]
        # The sentence that states the contact: its word as the main predicate ("made a visit", "met"), not
        # a frame ("On a visit to Iraq, she said ..."), with its parties named.
        main = tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
        mention.evidence_quality = min(len(mention.countries), 2) * 2 + (2 if main else 0)
        mentions.append(mention)
    if kind == "call" and len(mentions) == 1:
        return _split_calls(mentions[0], agent_countries)
    return mentions


def _split_calls(m: Mention, agent_countries: set[str]) -> list[Mention]:
    """ "She spoke with her counterparts from Oman and Qatar": one caller, counterparts of several countries,
    are separate bilateral calls; "a conversation with X and Y" (one call named) or "a joint call" is one."""
    others = sorted(m.countries - agent_countries)
    if len(agent_countries) != 1 or len(others) < 2 or m.trigger.pos_ not in ("VERB", "AUX"):
        return [m]  # "had a telephone conversation with X and Y": one conversation, several parties
    if any(c.lower_ in ("joint", "conference", "trilateral", "video") for c in m.trigger.subtree):
        return [m]
    out = []
    for code in others:
        keep = [p for p in m.parties if p.country in agent_countries or p.country == code]
        one = copy.copy(m)
        one.parties = keep
        one.participants = [p.participant for p in keep if p.participant is not None]
        out.append(one)
    return out
