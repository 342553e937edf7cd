"""Who took part in a gathering, when the article names its states outside the sentence that tells it.

A summit, a round of talks or a signing ceremony is often told with one or two of its states ("X hosted a summit
in Y on Sunday") and its other participants in the sentences around it: "Among those attending were A's X and
B's Y", "Z, who also attended", "C was represented by its foreign minister", "delegations from D and E are also
taking part", "F and G also signed the document", "the presidents of H and I arrived for the summit", "the group
comprised ...". Read after merging (`complete_rosters`), so that the gathering's record gains those states, or is
made when its own sentence named fewer than two.

Only states told as TAKING PART join: a clause with a negation ("did not attend"), a state that is a topic, a place
or criticised, and a body that is no government ("actors from X attended") never do. A meeting told as framed by a
gathering ("met on the sidelines of the summit", "before the summit") is no gathering: it stays as it was; a
pair's contact ("will hold talks with X") takes no guests; a gathering whose own sentence lists three states or
more takes later ones only as additions ("also attended").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.meetings.args import Lookup, parties_of, with_conjuncts
from extractors.meetings.backref import retold
from extractors.meetings.lexicon import KIND_CLASS, SPORT_WORDS
from extractors.meetings.mentions import Mention
from extractors.meetings.merge import Record, absorb, add_participants
from extractors.meetings.precision import SIDELINES
from extractors.meetings.roster_presence import hosted_when, met_at, presence_clause
from extractors.meetings.roster_roles import role_clause
from extractors.meetings.syntax import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from extractors.core.types import Participant

# Nouns that name a gathering of several states; "meeting" and "talks" too, but only as nouns.
GATHERING_NOUNS = frozenset(
    "summit talk talks negotiation negotiations conference meeting session ceremony forum gathering round "
    "signing consultations".split()
)
# A body of several states' officials whose members a later sentence lists ("the group comprised ...").
BODY_NOUNS = frozenset("group mission delegation troika team panel committee".split())
# Prepositions that frame another contact by the gathering ("met at the summit", "talks before the summit").
FRAMING_PREPS = frozenset("at during on before after ahead following amid".split())
PRESENT_VERBS = frozenset({"sign", "gather", "arrive", "assemble", "be", "attend", "participate", "take", "open",
                           "speak"})  # "spoke at the summit", "signed at a ceremony": there, not beside it
WINDOW = 6  # sentences between a gathering and a sentence that tells who took part in it
AHEAD = 2  # sentences a gathering may be told after a guest, outside a live blog
MEMBER_VERBS = frozenset({"comprise", "include", "consist"})
PART_NOUNS = frozenset({"session", "plenary", "signing", "opening"})  # a part of a gathering, not one of its own


def _noun_of(m: Mention) -> Token | None:
    """The gathering noun a mention stands for: the contact noun itself, or what "hosted" hosts ("hosted a summit",
    "a ceremony hosted by X")."""
    t = m.trigger
    if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in GATHERING_NOUNS | {"talks"}:
        return t
    if t.lemma_.lower() == "host" and t.pos_ == "VERB":
        if t.dep_ == "acl" and t.head.lemma_.lower() in GATHERING_NOUNS:
            return t.head  # "a ceremony hosted by X"
        held = t.head if t.dep_ == "advcl" and t.head.pos_ == "VERB" else t  # "held a summit ..., hosted by X"
        found = next((c for c in held.children if c.dep_ == "dobj" and c.lemma_.lower() in GATHERING_NOUNS), None)
        if found is None and held is not t:  # "signed the treaty at a ceremony on the lawn, hosted by X"
            found = next((g for p in held.children if p.dep_ == "prep" and p.lower_ in ("at", "in")
                          for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in GATHERING_NOUNS), None)
        return found
    return None


def _framed(noun: Token, triggers: set[int]) -> bool:
    """"met X on the sidelines of the summit", "talks at the summit", "before the summit": the noun only frames
    another contact; "came for the summit" and "a summit in X" do not frame, nor does a verb that tells no contact
    ("leaders called for a ceasefire at a summit"): the summit is then the contact told."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in SIDELINES:
        return True
    if noun.dep_ != "pobj" or head.lower_ not in FRAMING_PREPS:
        return False
    host = head.head
    if host.pos_ == "VERB" and host.i not in triggers and noun.i in triggers and head.lower_ == "at":
        return False
    return host.pos_ in ("VERB", "NOUN") and host.lemma_.lower() not in PRESENT_VERBS \
        and host.lemma_.lower() not in GATHERING_NOUNS


def _bilateral(noun: Token) -> bool:
    return any(c.lower_ in ("bilateral", "one-on-one", "separate") for c in noun.children)


def _states(tokens: list[Token], lookup: Lookup) -> tuple[list[str], list[Participant]]:
    codes: list[str] = []
    people: list[Participant] = []
    for t in with_conjuncts(tokens):
        for p in parties_of(t, lookup):
            if p.country and p.country not in codes:
                codes.append(p.country)
            if p.participant is not None and p.participant.country:
                people.append(p.participant)
    return codes, people


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det") for c in verb.children)


def _sign_parties(noun: Token) -> list[Token]:
    """"A signed the accord with B at a ceremony ...": the signers of the verb the ceremony hangs on."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("at", "in"):
        return []
    verb = noun.head.head
    if verb.lemma_.lower() != "sign":
        return []
    out = list(subject_of(verb))
    if not out and verb.dep_ in ("advcl", "xcomp", "conj"):
        out = list(subject_of(verb.head))  # "A and B established ties, signing the accord at a ceremony"
    signed = [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # "signed the treaty with B"
    out += [g for h in signed for p in h.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children
            if g.dep_ == "pobj"]  # fmt: skip
    return out


def _between(noun: Token) -> list[Token]:
    """"Talks ... opened in Vienna on Monday between A, B and C": the parties hang on the verb the noun is the
    subject of (or, misparsed, on a verb inside the noun's own phrase)."""
    verbs = [noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [t for t in noun.subtree if t.pos_ == "VERB" and t.lemma_.lower() in OPENING_VERBS]
    return [g for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ == "between"
            for g in p.children if g.dep_ == "pobj"]  # fmt: skip


def _held_with(noun: Token) -> list[Token]:
    """"The summit took place on Tuesday in X, with Presidents A of B, C of D and E's F": the leaders told with the
    verb of the gathering's taking place (the parser scatters a long list over the clause after "with")."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.lemma_.lower() not in HELD_VERBS:
        return []
    verb = noun.head
    with_ = next((p for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" and p.i > noun.i), None)
    if with_ is None:
        return []
    out = [g for g in with_.children if g.dep_ == "pobj"]
    end = verb.sent.end if verb.i < with_.i else with_.i
    out += [t for t in verb.doc[with_.i + 1 : end] if t.dep_ in ("conj", "npadvmod", "appos")
            and (t.head.i >= with_.i or t.head.i == verb.i) and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN")]
    return out


HELD_VERBS = frozenset({"take", "hold", "open", "begin", "start", "close", "end", "convene", "meet"})


OPENING_VERBS = frozenset({"open", "begin", "start", "resume", "continue", "take", "get", "convene", "close", "end"})


class Clause:
    """One clause that tells states taking part: who, and the gathering noun it names (None: the one told)."""

    def __init__(self, verb: Token, who: list[Token], target: Token | None, signing: bool = False,
                 runner: bool = False, framed: bool = False) -> None:
        self.verb, self.who, self.target, self.signing = verb, who, target, signing
        self.runner = runner  # a host, chair or mediator: completes a gathering of others, never makes one
        self.framed = framed  # a contact on the gathering's sidelines: completes a gathering told, never makes one


def _object_noun(verb: Token) -> Token | None:
    """The noun a verb of taking part names: "attended the summit", "took part in the talks", "arrived for the
    summit", "addressed the summit's closing session" (the summit)."""
    for c in verb.children:
        if c.dep_ == "dobj" and c.lower_ != "part":
            return c
        if c.dep_ == "prep" and c.lower_ in ("in", "for"):
            g = next((x for x in c.children if x.dep_ == "pobj"), None)
            if g is not None:
                return g
    return None


def _gathering_of(noun: Token | None) -> Token | None:
    if noun is None:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.lemma_.lower() in GATHERING_NOUNS), None)
    if poss is not None:
        return poss  # "the summit's closing session"
    return noun if noun.lemma_.lower() in GATHERING_NOUNS else None


def taking_part(sent: Span) -> list[Clause]:
    """The clauses of a sentence that tell states taking part in a gathering."""
    out: list[Clause] = []
    for v in sent:
        lemma = v.lemma_.lower()
        present = presence_clause(v, GATHERING_NOUNS)
        if present is not None:  # "Speaking at the summit, X said", "flew in for the talks", "on the sidelines"
            out.append(Clause(v, present[0], present[1], framed=present[2]))
            continue
        role = None if v.pos_ in ("VERB", "AUX") and _negated(v) else role_clause(v, GATHERING_NOUNS)
        if role is not None:  # "X chaired the summit", "the talks were mediated by Y", "Z led the delegation"
            out.append(Clause(v, role[0], role[1], runner=role[2]))
            continue
        if v.pos_ not in ("VERB", "AUX") or _negated(v):
            continue
        take_part = lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in v.children)
        obj = _object_noun(v)
        if lemma in ("attend", "participate") or take_part:
            target = _gathering_of(obj)
            if obj is not None and target is None:
                continue  # "attended a summer school", "took part in the race"
        elif lemma in ("address", "join") or lemma == "arrive" and obj is not None and \
                any(p.lower_ == "for" for p in v.children if p.dep_ == "prep"):
            target = _gathering_of(obj)
            if target is None:
                continue  # "arrived in Addis Ababa", "joined the army"
        elif lemma == "represent" and any(c.dep_ == "nsubjpass" for c in v.children):
            if not _at_other_event(v):
                out.append(Clause(v, _represented(v), None))
            continue
        elif lemma == "sign" and any(c.lower_ in ("also", "too") for c in v.children):
            out.append(Clause(v, subject_of(v) + _alongside(v), None, signing=True))
            continue
        elif lemma == "sign" and _alongside(v):
            out.append(Clause(v, _alongside(v), None, signing=True))
            continue
        elif lemma in MEMBER_VERBS or lemma == "make" and any(c.lower_ == "up" for c in v.children):
            members = _members(v)
            if members:
                out.append(Clause(v, members, None))
            continue
        else:
            continue
        out.append(Clause(v, _attendees(v), target))
    return out


def _at_other_event(verb: Token) -> bool:
    """"Kenya was represented by X at the world championships": a match, a race or a fair, not the gathering."""
    return any(g.lower_ in SPORT_WORDS for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "in")
               for g in p.children if g.dep_ == "pobj")


def _alongside(verb: Token) -> list[Token]:
    return [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("alongside", "with") for g in p.children
            if g.dep_ == "pobj"]  # fmt: skip


def _represented(verb: Token) -> list[Token]:
    """"Sweden is represented by X and Finland by Y": the states and their envoys, gapped clauses included."""
    out = [c for c in verb.children if c.dep_ == "nsubjpass"]
    for a in (c for c in verb.children if c.dep_ == "agent"):
        out += [g for g in a.children if g.dep_ == "pobj"]
    out += [c for c in verb.subtree if c.dep_ in ("conj", "appos") and c.ent_type_ in ("GPE", "NORP")]
    return out


def _members(verb: Token) -> list[Token]:
    """"The group comprised A, B and C", "the mission was made up of ...": members of a body of several states."""
    subs = [s for s in subject_of(verb) if s.lemma_.lower() in BODY_NOUNS]
    if not subs:
        return []
    out = [c for c in verb.children if c.dep_ in ("dobj", "attr", "dep")]  # a list in semicolons: "dep" members
    for p in verb.subtree:
        if p.dep_ == "prep" and p.lower_ == "of" and p.head.lemma_.lower() in ("consist", "up", "make"):
            out += [g for g in p.children if g.dep_ == "pobj"]
    # a list in semicolons: the parser hangs the later members anywhere in the object's subtree
    out += [t for o in list(out) for t in o.subtree if t.ent_type_ == "PERSON" and t.dep_ in ("appos", "conj")]
    return out


def _attendees(verb: Token) -> list[Token]:
    """Who a verb of taking part has take part: its subjects, the antecedent of "who also attended", the people of
    "Among those attending were A and B", the agents of "a ceremony attended by A", and "together with" partners."""
    if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
        return [verb.head]  # "X, who also attended"
    if verb.dep_ == "acl" and verb.head.lower_ == "those":
        be = verb.head.head.head if verb.head.dep_ == "pobj" else verb.head.head
        return [c for c in be.children if c.dep_ in ("nsubj", "attr") and c.i != verb.head.i]
    out = [s for s in subject_of(verb) if s.lower_ not in ("who", "which", "that")]
    if _acl_of(verb) is not None:
        out = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    for p in verb.children:
        if p.dep_ == "advmod" and p.lower_ == "together":
            p = next((x for x in p.children if x.dep_ == "prep" and x.lower_ == "with"), p)
        if p.dep_ == "prep" and p.lower_ in ("with", "alongside") and (p.head.lower_ == "together" or verb.i):
            out += [g for g in p.children if g.dep_ == "pobj"]
    return out


def _acl_of(verb: Token) -> Token | None:
    """The noun a participle clause hangs on, through a coordinated participle ("hosted by X and attended by Y")."""
    if verb.dep_ == "conj" and verb.head.dep_ == "acl":
        verb = verb.head
    return verb.head if verb.dep_ == "acl" else None


def _anchor_target(verb: Token) -> Token | None:
    """For "a ceremony ... attended by A": the ceremony."""
    noun = _acl_of(verb)
    return noun if noun is not None and noun.lemma_.lower() in GATHERING_NOUNS else None


class Gathering:
    """A gathering told in the article, with the mentions that name it in its own sentence."""

    def __init__(self, m: Mention, noun: Token, sent_no: int, signing: bool) -> None:
        self.mention, self.noun, self.sent_no, self.signing = m, noun, sent_no, signing
        self.mentions = [m]
        # two states, one of them a counterpart ("talks with X"): a pair's contact, never a gathering of guests
        self.pair = len(m.countries) == 2 and noun.lemma_.lower() in ("talk", "talks", "meeting", "negotiation") \
            and any(c.dep_ == "prep" and c.lower_ == "with" for h in (noun, noun.head) for c in h.children)
        self.own: list[Token] = _sign_parties(noun) + _between(noun) + _held_with(noun)
        self.codes: list[str] = []
        self.guests: set[str] = set()  # the codes told by clauses other than a host's, chair's or mediator's
        self.framed: set[str] = set()  # the codes told only by contacts on its sidelines
        self.solid: set[str] = set()  # the codes told by any other clause
        self.people: list[Participant] = []
        self.absorbed: list[Record] = []


def _gatherings(mentions: list[Mention], sent_no: dict[int, int]) -> list[Gathering]:
    out: list[Gathering] = []
    seen: set[int] = set()
    triggers = {m.trigger.i for m in mentions}
    for m in mentions:
        if m.status not in ("held", "planned") or m.weak or m.trigger.i in seen:
            continue
        noun = _noun_of(m)
        body = None
        if noun is None and m.trigger.pos_ == "VERB" and KIND_CLASS.get(m.kind) == "m":
            body = next((s for s in subject_of(m.trigger) if s.lemma_.lower() in BODY_NOUNS), None)
        if noun is None and body is None:
            continue
        anchor = noun or body
        if noun is not None and (_framed(noun, triggers) or _bilateral(noun)):
            continue
        same = next((g for g in out if noun is not None and g.noun.i == noun.i), None) \
            or _named_again(m, anchor, out, sent_no[m.sent.start])
        if same is not None:
            same.mentions.append(m)  # "a summit ..., hosted by X": one gathering, the host's mention beside it
            continue
        seen.add(m.trigger.i)
        signing = any(t.lemma_.lower() == "sign" for t in m.sent)
        out.append(Gathering(m, anchor, sent_no[m.sent.start], signing))
    return out


SUMMIT_NOUNS = frozenset({"summit", "meeting", "gathering", "conference", "forum"})  # words for one sitting of leaders


def _same_noun(a: Token, b: Token) -> bool:
    """"an extraordinary summit ... The one-day meeting": words that may name one sitting."""
    la, lb = a.lemma_.lower().removesuffix("s"), b.lemma_.lower().removesuffix("s")  # "Talks ... the talks"
    return la == lb or la in SUMMIT_NOUNS and lb in SUMMIT_NOUNS


def _named_again(m: Mention, noun: Token, out: list[Gathering], sent_no: int) -> Gathering | None:
    """"Leaders gathered for their annual meeting. ... X addressed the meeting", "the GCC held its summit. X, who
    chaired the summit, ...": "the" with the noun names again the gathering of that noun told just before."""
    if not any(c.lower_ in ("the", "this") for c in noun.children):
        return None
    earlier = [g for g in out if _same_noun(g.noun, noun) and g.noun.i < noun.i
               and g.mention.status == m.status and g.sent_no >= sent_no - AHEAD]
    return earlier[-1] if earlier else None


def closed_list(g: Gathering) -> bool:
    """"The prime ministers of A, B, C and D gathered ...": a gathering whose own sentence lists three states or more
    is told as complete; a state told later joins it only as an addition ("also attended", "also taking part"),
    not as "E, which did not send its prime minister, was represented by a junior minister"."""
    own = [m for m in g.mentions if m.sent.start == g.mention.sent.start]  # not "the summit" named again later
    return len({c for m in own for c in m.countries if not c.startswith("IGO:")}) >= 3


def _also(clause: Clause) -> bool:
    """"also attended", "who also attended", "has also confirmed he will attend": told as an addition."""
    v = clause.verb
    verbs = [v, v.head] if v.dep_ in ("ccomp", "xcomp") else [v]
    return any(c.lower_ in ("also", "too") and c.dep_ == "advmod" for w in verbs for c in w.children)


def _link(clause: Clause, sent_idx: int, gatherings: list[Gathering], backwards: bool) -> Gathering | None:
    """The gathering a clause tells about: the one its noun names, else the nearest told before (or, in a live blog
    told backwards, after) within a few sentences."""
    target = clause.target or _anchor_target(clause.verb)
    near = [g for g in gatherings if abs(g.sent_no - sent_idx) <= WINDOW]
    if target is not None and target.lemma_.lower() in PART_NOUNS and not any(
            g.noun.lemma_.lower() == target.lemma_.lower() for g in near):
        target = None  # "opened the session": a part of the gathering told nearby, not a gathering of its own
    if target is not None:
        same = [g for g in near if g.noun.i == target.i]
        earlier = [g for g in near if g.sent_no < sent_idx and g.noun.lemma_.lower() == target.lemma_.lower()]
        if same and earlier and any(c.lower_ == "the" for c in target.children):
            return max(earlier, key=lambda g: g.sent_no)  # "arrived for the summit": the summit told before
        if same:
            return same[0]
        near = [g for g in near if g.sent_no <= sent_idx and (_same_noun(g.noun, target) or
                g.noun.lemma_.lower() in BODY_NOUNS and target.lemma_.lower() in GATHERING_NOUNS)]
        exact = [g for g in near if g.noun.lemma_.lower() == target.lemma_.lower()]
        near = exact or near  # "the summit": a summit told before, else another word for the sitting ("forum")
    else:
        near = [g for g in near if not g.pair]  # "will hold talks with X": a pair's contact takes no guests
    if clause.signing:
        near = [g for g in near if g.signing]
    before = [g for g in near if g.sent_no <= sent_idx]
    if before:
        return max(before, key=lambda g: (g.sent_no, g.noun.i))
    ahead = WINDOW if backwards else AHEAD  # "X has confirmed he will attend. Merkel will host the summit ..."
    after = [g for g in near if sent_idx < g.sent_no <= sent_idx + ahead]
    return min(after, key=lambda g: g.sent_no) if after else None


_TIMESTAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}\b", re.MULTILINE)


def told_backwards(text: str) -> bool:
    """A live blog (paragraphs opening with a time) runs newest first: a gathering may be told after its guests."""
    return len(_TIMESTAMP.findall(text)) >= 2


def _naming_bloc(noun: Token, lookup: Lookup, countries: set[str]) -> set[str]:
    """"The 41st GCC summit" whose member states the article names as taking part: the bloc only names the
    gathering, its named members are the parties (as a G8 entry lists the members named)."""
    states = {c for c in countries if not c.startswith("IGO:")}
    if len(states) < 3:
        return set()
    mods = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i]
    return {c for m in mods for c in lookup.countries(noun.doc[m.i : m.i + 1]) if c.startswith("IGO:")}


def IGO_CODES(codes: list[str]) -> set[str]:  # noqa: N802 - reads as the set it names
    return {c for c in codes if c.startswith("IGO:")}


def _told_before(g: Gathering, records: list[Record]) -> Record | None:
    """"The meeting was also attended by X" after "A, B and C met ...": a gathering named only by a definite noun
    ("the meeting", "their summit") is the contact of the same status told just before it, in the sentence or the
    one before."""
    m = g.mention
    if not m.anaphoric or m.countries:
        return None
    before = [r for r in records if r.status == m.status and len(r.countries) >= 2
              and any(x.trigger.i < m.trigger.i and m.sent.start - x.sent.end <= NEAR for x in r.mentions)]
    return max(before, key=lambda r: max(x.trigger.i for x in r.mentions if x.trigger.i < m.trigger.i), default=None)


NEAR = 40  # tokens: about the sentence before
# A gathering whose own sentence names no state ("Arab foreign ministers met") is a record when the sentences around
# it name at least this many states taking part; two (a host and one arrival) are as often a summit that only
# frames the story's bilateral talks.
GUESTS_ALONE = 3


def _failed(noun: Token) -> bool:
    """"The summit failed to take place", "the meeting did not go ahead": no gathering for its guests to join."""
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
    return verb is not None and (verb.lemma_.lower() in ("fail", "collapse") or _negated(verb))


def _held_at_summits(records: list[Record], lookup: Lookup) -> None:
    """"A and B will meet again when C hosts a summit of the bloc, which also includes D": the contact is the summit."""
    for r in records:
        for m in r.mentions:
            found = hosted_when(m.trigger, GATHERING_NOUNS)
            if found is None:
                continue
            codes, people = _states(found[0], lookup)
            r.countries |= set(codes)
            add_participants(r, people)
            if found[1].lemma_.lower() == "summit" and len(r.countries) >= 3:
                r.kind = "summit"


def complete_rosters(mentions: list[Mention], records: list[Record], lookup: Lookup) -> list[Record]:
    """The article's records with each gathering's named participants added; a gathering whose own sentence named
    fewer than two states becomes a record when the sentences around it name the others."""
    sents = list(lookup.doc.sents)
    sent_no = {s.start: n for n, s in enumerate(sents)}
    gatherings = _gatherings(mentions, sent_no)
    _held_at_summits(records, lookup)
    if not gatherings:
        return records
    backwards = told_backwards(lookup.text)
    record_of = {id(m): r for r in records for m in r.mentions}
    trigger_record = {m.trigger.i: r for r in records for m in r.mentions}
    for n, sent in enumerate(sents):
        for clause in taking_part(sent):
            g = _link(clause, n, gatherings, backwards)
            if g is None or closed_list(g) and not _also(clause):
                continue
            codes, people = _states(clause.who, lookup)
            told_by = clause.target if clause.target is not None and clause.target.i in trigger_record else None
            if told_by is None and clause.verb.i in trigger_record and set(codes) >= \
                    trigger_record[clause.verb.i].countries - IGO_CODES(codes):
                told_by = clause.verb  # "X, chairing the summit, welcomed leaders including A and B": one sitting
            if told_by is not None and not clause.framed:
                other = trigger_record[told_by.i]  # "the presidents of A and B arrived for the summit"
                mine = {id(record_of[id(m)]) for m in g.mentions if id(m) in record_of}
                if id(other) not in mine and other.status == g.mention.status and g.sent_no <= n \
                        and other not in g.absorbed:
                    g.absorbed.append(other)
            for c in codes:
                if c not in g.codes:
                    g.codes.append(c)
                if not clause.runner and not clause.framed:
                    g.guests.add(c)
                (g.framed if clause.framed else g.solid).add(c)
            g.people += people
    for g in gatherings:
        if not g.codes and not g.absorbed and not g.own:
            continue
        own, own_people = _states(g.own, lookup) if g.own else ([], [])
        rec = next((record_of[id(m)] for m in g.mentions if id(m) in record_of), None) or _told_before(g, records) \
            or retold(g.mention, set(g.mention.countries), records)  # "to sign a deal at the summit": merge's retelling
        framing = met_at(g.mention.trigger, trigger_record) if rec is None else None
        rec = rec or framing  # "will meet again when X hosts a summit": that contact is held at the summit
        others = {c for m in g.mentions for c in m.countries} | set(own) | g.guests | {
            c for r in g.absorbed for c in r.countries} | (rec.countries if rec is not None else set())
        if len(others) < 2:  # "arrived for the summit hosted by X": a host and one guest are no gathering told
            g.codes = [c for c in g.codes if c in g.guests]
            if not g.codes and not g.absorbed and not g.own:
                continue
        told = {c for m in g.mentions for c in m.countries}
        extra = set(g.codes) | set(own) | {c for r in g.absorbed for c in r.countries}
        if rec is None:
            countries = told | extra
            framed = g.framed - g.solid - told - set(own)  # sidelines alone make no gathering
            if len(countries - framed) < 2 or not (told | set(own)) and (
                    len(set(g.codes) - IGO_CODES(g.codes) - framed) < GUESTS_ALONE or _failed(g.noun)):
                continue  # no state of the gathering's own and too few guests: nothing to anchor them to
            kind = "summit" if g.noun.lemma_.lower() == "summit" else g.mention.kind
            rec = Record(countries=countries, status=g.mention.status, kind=kind, basis=1)
            for m in g.mentions:
                absorb(rec, m)
            at = next((i for i, r in enumerate(records) if r.mentions[0].trigger.i > g.mention.trigger.i), len(records))
            records.insert(at, rec)
            record_of.update({id(m): rec for m in g.mentions})
        elif rec.status != g.mention.status and framing is None:
            continue
        else:
            rec.countries |= extra
            if g.noun.lemma_.lower() == "summit" and rec.kind == "meeting" and len(rec.countries) >= 3:
                rec.kind = "summit"  # "an emergency summit ... The one-day meeting brought together ..."
            g.absorbed += [r for m in g.mentions if (r := record_of.get(id(m))) is not None and r is not rec
                           and r.status == rec.status and r not in g.absorbed]  # "the summit" named again
            rec.countries |= {c for r in g.absorbed for c in r.countries}
        if g.codes or own:
            rec.countries -= _naming_bloc(g.noun, lookup, rec.countries)
        for r in g.absorbed:
            if r in records and r is not rec:
                for m in r.mentions:
                    absorb(rec, m)
                records.remove(r)
        add_participants(rec, own_people + g.people)
        for r in list(records):  # "A signed the accord with B at a ceremony hosted by C": the signing is the ceremony
            if r is not rec and r.status == rec.status and r.countries < rec.countries and all(
                    m.sent.start == g.mention.sent.start and m.trigger.i in {t.i for t in g.noun.ancestors}
                    for m in r.mentions):
                for m in r.mentions:
                    absorb(rec, m)
                records.remove(r)
    return records
