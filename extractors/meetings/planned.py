"""Planned contacts whose parties or words the plain clause reading misses.

A contact still to come is usually told through a verb of planning ("is scheduled to be received by Y",
"is expected to travel to X to watch the match and meet Y"), or by officials and bodies the story has already tied
to its two states ("the foreign secretaries are due to meet", "the commission would convene"), or as the next stop
of a trip ("before going on to Y"). These helpers find them: `mentions` (parties, kind, group, stops),
`triggers` (sitting down, a leaders' retreat, a joint body convening, an onward stop), `status` (a future relative
clause) and `merge` (two plans told apart, "the two" after a brief exchange) call them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.itinerary import DEPARTURE_VERBS, departure_stops, departure_visit, present_itinerary
from extractors.meetings.lexicon import OFFICIAL_NOUNS
from extractors.meetings.syntax import agents_of
from extractors.resolve.data import is_country_or_capital, key_of, reference

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extractors.meetings.mentions import Mention

RAISING_DEPS = frozenset({"xcomp"})


def raised_patients(verb: Token) -> list[Token]:
    """The one a passive contact verb acts on when the parser gives it no subject of its own: in "X is scheduled
    to be received by Y" "received" has only its "by" agent, and X is the subject of the verb of planning it
    hangs from. Empty when the verb is not such a passive. (Not through "and": in "X arrived from Italy and was
    received by Y" the resolver too often takes Y for a citizen of the last state named.)"""
    children = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ in ("nsubjpass", "nsubj") for c in children):
        return []
    if not any(c.dep_ == "agent" for c in children) or verb.dep_ not in RAISING_DEPS or verb.head is verb:
        return []
    return [t for t in agents_of(verb.head) if t.pos_ in ("PROPN", "NOUN", "PRON")]


def titled_official(tok: Token) -> bool:
    """An officeholder named by title ("the Indian prime minister", "Bolivia's president"): a state's person even
    where the tagger marks no PERSON, so a sentence that mentions a match is still about officials."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in OFFICIAL_NOUNS and tok.lower_ not in (
        "state", "states", "side", "sides", "party", "parties", "nation", "nations", "country", "countries",
        "government", "governments", "administration", "ministry", "head", "heads", "foreign", "chief")


# Verbs that tell an event happening, which a relative clause can say only of the contact, never of a person:
# "a meeting between X and Y, which will take place ..." (the parser hangs the clause on Y).
EVENT_VERBS = frozenset({"take", "happen", "occur", "open", "begin", "start", "convene", "hold", "run", "last"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})


def future_relative(tok: Token) -> bool:
    """A contact noun whose relative clause tells it is still to come: "a meeting between X and Y, which will take
    place on the sidelines", "the summit, which will be held in June". The clause may hang on the last name of
    the noun's phrase; an event verb cannot describe that name."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    for t in tok.subtree:
        if t.dep_ != "relcl" or t.i < tok.i or not any(c.tag_ in ("WDT", "WP") for c in t.children):
            continue
        if t.head.i != tok.i and t.lemma_.lower() not in EVENT_VERBS:
            continue  # a clause of a nearer noun ("talks with X, who will retire"): not about the contact
        aux = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
        if aux & FUTURE_AUX and not any(c.dep_ == "neg" for c in t.children):
            return True
    return False


# Plural heads of "the foreign secretaries", "the negotiators": officials whose states the story has named.
OFFICE_PLURALS = frozenset(
    "secretaries ministers envoys negotiators delegations delegates diplomats officials representatives "
    "presidents premiers leaders chiefs".split()
)
STATE_PLURALS = frozenset({"governments", "countries", "sides", "states", "nations"})
PLAN_LEMMAS = frozenset({"due", "expect", "schedule", "set", "slate", "plan"})


def officials_to_meet(agents: list[Token], chain: list[Token]) -> bool:
    """"The foreign secretaries are now due to meet in X": a definite plural of officials with no state of its own,
    the subject of a planned contact, stands for the officials of the two states the story is about (as "the two
    foreign secretaries" would). Only for a contact still to come: told as done, "the ministers met" is as often a
    body of many states meeting on its own."""
    if len(agents) != 1:
        return False
    a = agents[0]
    if a.lower_ not in OFFICE_PLURALS or a.conjuncts:
        return False
    kids = list(a.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
        return False
    if any(c.dep_ in ("poss", "prep", "nummod", "relcl", "acl") or c.ent_type_ in ("NORP", "GPE", "ORG")
           for c in kids):  # fmt: skip
        return False  # "the EU's ministers", "the ministers of the bloc", "the Indian secretaries": named already
    return any(v.lemma_.lower() in PLAN_LEMMAS or v.lower_ == "due" or
               {c.lower_ for c in v.children if c.dep_ == "aux"} & FUTURE_AUX for v in chain)


def sat_down_together(tok: Token) -> bool:
    """"Russian and Ukrainian delegations are due to sit down there on Thursday", "X and Y will sit down next week":
    "sit down" with a subject of two sides meets them with each other, "with" or not. The parser may hang "down"
    on a following adverb, so the word right after the verb is read."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.lemma_.lower() != "sit" or nxt is None or nxt.lower_ != "down":
        return False
    return any(_two_sides(s) for s in agents_of(tok))


def _two_sides(s: Token) -> bool:
    """"X and Y", "Russian and Ukrainian delegations", "the two delegations"."""
    if s.conjuncts:
        return True
    if s.lower_ not in OFFICE_PLURALS | STATE_PLURALS:
        return False  # "French and German tourists sat down at a cafe": no officials
    sides = [c for c in s.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
    return len(sides) >= 2 or any(len(c.conjuncts) >= 1 for c in sides) or any(
        c.lower_ in ("two", "both") for c in s.children)


RETREAT_HOLDERS = frozenset({"leader", "leaders", "minister", "ministers", "premier", "premiers"})


def leaders_retreat(tok: Token) -> bool:
    """"the next Malaysia-Singapore Leaders' Retreat", "the annual leaders' retreat": a meeting of leaders under
    the name of a retreat; not a military retreat or a company's."""
    if tok.lower_ not in ("retreat", "retreats") or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("poss", "compound") and c.lower_ in RETREAT_HOLDERS for c in tok.children)


def told_apart(first: list[Mention], second: list[Mention]) -> bool:
    """Whether two planned contacts of one pair are told in sentences that are neither the same nor next to each
    other ("accepted an invitation to visit X next year" ... "is due to meet the governor before flying home"): two
    plans, not a visit and the meeting it is made for."""
    for a in first:
        for b in second:
            if a.sent.start == b.sent.start or a.sent.end == b.sent.start or b.sent.end == a.sent.start:
                return False
    return True


JOINT_BODIES = frozenset({"commission", "mechanism", "committee", "council", "panel", "forum", "group"})
JOINT_WORDS = frozenset({"joint", "bilateral", "intergovernmental", "inter-governmental"})
BODY_LOOKBACK = 2  # sentences before that may introduce "a joint commission"


def joint_body_to_meet(agents: list[Token], chain: list[Token]) -> bool:
    """"The commission would convene in X before the end of the year" right after "agreed to set up a joint
    commission", or "The two governments agreed that the consultation mechanism would meet once a year": a body of
    two states (named as joint just before, or agreed on by "the two" of the story) meeting is a contact between
    them, when it is still to come."""
    if len(agents) != 1 or not _planned_chain(chain):
        return False
    body = agents[0]
    if body.lemma_.lower() not in JOINT_BODIES or not any(c.dep_ == "det" and c.lower_ == "the" for c in body.children):
        return False
    if any(c.dep_ in ("poss", "prep") or c.ent_type_ in ("NORP", "GPE", "ORG") for c in body.children):
        return False  # "the EU's committee", "the committee of experts": a body named on its own
    top = chain[-1]
    if top.dep_ in ("ccomp", "xcomp") and any(_two_sides(s) or s.lower_ in ("both",) for s in agents_of(top.head)):
        return True  # "the two governments agreed that the mechanism would meet"
    sents = list(body.doc.sents)
    here = next((i for i, s in enumerate(sents) if s.start <= body.i < s.end), 0)
    for s in sents[max(0, here - BODY_LOOKBACK) : here + 1]:
        for t in s:
            if t.i != body.i and t.lemma_.lower() == body.lemma_.lower() and any(
                    c.lower_ in JOINT_WORDS for c in t.subtree if c.i < t.i):  # fmt: skip
                return True  # "agreed to fast-track a joint commission. ... the commission would convene"
    return False


def _planned_chain(chain: list[Token]) -> bool:
    return any(v.lemma_.lower() in PLAN_LEMMAS or v.lower_ == "due" or
               {c.lower_ for c in v.children if c.dep_ == "aux"} & (FUTURE_AUX | {"would"}) for v in chain)


TALKS_SIDES = frozenset({"delegations", "negotiators", "delegates"})


def kind_of_sides(kind: str, tok: Token, agents: list[Token]) -> str:
    """"Russian and Ukrainian delegations will sit down", "the negotiators will meet again": delegations meeting
    hold talks; "the consultation mechanism would meet": a standing dialogue. Other meetings keep their kind."""
    if kind != "meeting" or tok.lemma_.lower() not in ("meet", "sit", "convene"):
        return kind
    if any(a.lower_ in TALKS_SIDES for a in agents):
        return "talks"
    if any(a.lemma_.lower() == "mechanism" for a in agents):
        return "dialogue"
    return kind


ONWARD_VERBS = frozenset({"continue", "go", "head", "fly", "proceed", "travel", "move"})


def onward_stop(tok: Token) -> bool:
    """"... will hold talks there before going on to Beijing", "scheduled to hold talks ... before continuing to
    Santiago and Mexico City": the next stop of a trip, told in a "before/after" phrase, is a visit to that state
    (its subject and time are those of the clause it hangs on). Only a country or capital counts as a stop."""
    departure = tok.lemma_.lower() in DEPARTURE_VERBS  # "before leaving for X": its stop follows "for"
    if tok.lemma_.lower() not in ONWARD_VERBS and not departure or tok.dep_ != "pcomp" or tok.head.lower_ not in (
        "before",
        "after",
    ):
        return False
    if not departure and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return False  # "before heading to X for the summit": the gathering is the contact, told by its own word
    if not _planned_host(tok.head.head) and not present_itinerary([tok.head.head]):
        return False  # told as done ("visited X before going on to Y") a stop is as often a change of planes
    if departure and not departure_visit(tok):
        return False
    stops = departure_stops(tok) if departure else [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                                                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    stops += [c for s in stops for c in s.conjuncts]
    return any(plain_seat(s.doc[s.left_edge.i : s.i + 1].text) or plain_seat(s.text) for s in stops)


def plain_seat(text: str) -> bool:
    """A country or capital whose name means nothing else ("Beijing", not "Santiago", which the reference data
    marks as ambiguous): a stop named in passing gets no context to settle which place it is."""
    if not is_country_or_capital(text):
        return False
    entry = reference().gazetteer.get(key_of(text))
    return entry is not None and not entry.ambiguous


def _planned_host(verb: Token) -> bool:
    """The clause a "before/after" phrase hangs on is still to come: "will hold talks", "is scheduled to hold
    talks", "is due in X"."""
    x = verb
    for _ in range(4):
        if x.pos_ not in ("VERB", "AUX", "ADJ"):
            return False
        aux = {c.lower_ for c in x.children if c.dep_ in ("aux", "auxpass")}
        if aux & (FUTURE_AUX | {"would"}) or x.lemma_.lower() in PLAN_LEMMAS or x.lower_ == "due":
            return True
        if any(c.dep_ == "acomp" and c.lower_ == "due" for c in x.children):
            return True  # "is due in Tokyo ... before going on to Seoul"
        if x.dep_ not in ("xcomp", "conj") or x.head is x:
            return False
        x = x.head
    return False


def pair_after_weak(mentions: list[Mention]) -> None:
    """"X exchanged a few words with Y at the dinner. A fuller bilateral meeting between the two is expected on
    Saturday": "the two" of a contact still to come are the pair of the weak contact told in the sentence just
    before (which the merge otherwise skips when it looks for the contact talked about last). The group's parties
    are set from it, in place."""
    for i, m in enumerate(mentions):
        if not m.group or m.status != "planned" or len(m.countries) >= 2 or i == 0:
            continue
        prev = _weak_just_before(mentions, i)
        if prev is None or not m.countries <= prev.countries:
            continue
        have = m.countries
        m.parties = m.parties + [p for p in prev.parties if p.country and p.country not in have]


def _weak_just_before(mentions: list[Mention], i: int) -> Mention | None:
    """The weak contact of two states told in the sentence before mentions[i], when no contact of two states is told
    after it ("discussed X with Y on the sidelines of the summit": "the summit" names no pair and is passed over)."""
    m = mentions[i]
    for j in range(i - 1, -1, -1):
        prev = mentions[j]
        if prev.sent.start != m.sent.start and prev.sent.end != m.sent.start:
            return None
        if len(prev.countries) >= 2:
            return prev if prev.weak and len(prev.countries) == 2 and prev.sent.end == m.sent.start else None
    return None
