"""A traveller's itinerary told in the simple present is still ahead.

News writes the next stops of a tour in the simple present: "From X, she travels to A, B and C", "he flies to Y on
Tuesday before leaving for Z", "he leaves on Tuesday for W". Nothing in the verb's auxiliaries marks the future, so
`status.status_of` read such trips as held. A trip verb in the third-person simple present (or the base form after
a plural subject), with no auxiliary, reports a scheduled movement: the visit it makes is planned. A movement told
in the past ("flew to", "has travelled to", "is travelling to") keeps its own tense.

A gerund of the same itinerary ("before leaving for Z", "after flying on to Y") shares the time of the verb it hangs
on, so the climb through "before/after" reaches the simple-present trip.

A departure names its next stop with "for" ("leaves on Tuesday for X", "before leaving for Y and Z"): the stop is
a visit to that state, as "travels to X" is, unless the trip is for a contact the sentence names by its own word
("left for Geneva for talks with X": the talks are the contact).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.lexicon import PLANNED_VERBS
from extractors.meetings.syntax import is_destination
from extractors.resolve.data import is_country_or_capital

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of a traveller's own movement between stops (not "arrive": "arrives in X" heads present-tense wire leads
# about a visit already under way, and not "visit": "visits X" is the historical present of many leads).
ITINERARY_VERBS = frozenset({"travel", "fly", "leave", "depart", "head", "go", "continue", "proceed", "move"})
SEQUENCE_PREPS = frozenset({"before", "after", "then"})
DEPARTURE_VERBS = frozenset({"leave", "depart"})
# Words of a contact the departure is made for: the contact is then told by them, not by the departure.
PURPOSE_CONTACTS = frozenset({"meet", "talk", "talks", "meeting", "summit", "gathering", "conference", "visit"})


def _simple_present(v: Token) -> bool:
    """"travels", "fly (they fly)": a present-tense finite verb with no auxiliary at all (not "is travelling",
    "has flown", "does not go")."""
    if v.tag_ not in ("VBZ", "VBP"):
        return False
    return not any(c.dep_ in ("aux", "auxpass", "neg") for c in v.children)


def present_itinerary(chain: list[Token]) -> bool:
    """Whether the trip that carries the contact word is a scheduled move told in the simple present: the first
    governing verb, or the verb a "before/after ...ing" gerund of it hangs on, is an `ITINERARY_VERBS` verb in the
    simple present. Quoted speech is skipped: a speaker's "I go to X" is no itinerary."""
    if not chain:
        return False
    x = chain[0]
    for _ in range(3):
        if x.lemma_.lower() in ITINERARY_VERBS and _simple_present(x):
            return not _in_quotes(x)
        if x.dep_ == "pcomp" and x.head.lower_ in SEQUENCE_PREPS and x.head.head.pos_ in ("VERB", "AUX"):
            x = x.head.head  # "(flies to Y) before leaving for Z"
        elif x.dep_ == "conj" and x.head.pos_ in ("VERB", "AUX"):
            x = x.head  # "travels to Y and then goes on to Z"
        else:
            return False
    return False


def _in_quotes(tok: Token) -> bool:
    """An odd number of double quotation marks before the token in its sentence: it stands in quoted speech."""
    sent = tok.sent
    marks = sum(1 for t in sent if t.i < tok.i and t.text in ('"', "\u201c", "\u201d"))
    return marks % 2 == 1


def departure_stops(tok: Token) -> list[Token]:
    """"leaves for X", "before leaving for Y and Z", "departs for W": the places of the verb's "for" phrases that are
    destinations (not "left for home", "leaves for work")."""
    if tok.lemma_.lower() not in DEPARTURE_VERBS or tok.pos_ not in ("VERB", "AUX"):
        return []
    stops = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
             if g.dep_ == "pobj"]  # fmt: skip
    stops += [c for s in stops for c in s.conjuncts if c not in stops]
    return [p for s in stops for p in [_named_state(s)] if p is not None]


def _named_state(tok: Token) -> Token | None:
    """The destination a "for" phrase names: the place itself, a country the tagger took for an organisation
    ("Eswatini"), or the state of a formal title ("the Principality of Monaco", "the Republic of Korea")."""
    if is_destination(tok) or tok.pos_ == "PROPN" and is_country_or_capital(tok.text):
        return tok
    named = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj" and is_destination(g)]  # fmt: skip
    return named[0] if named and tok.pos_ == "PROPN" else None


def planned_stop_verb(rel: Token, stop_verbs: frozenset[str]) -> Token | None:
    """"a tour that is expected to take him to X", "a trip set to take her to Y": the stop verb a planning verb of
    a relative clause governs (its tense, not the plan's participle, tells whether the stops are ahead)."""
    if rel.lemma_.lower() not in PLANNED_VERBS:
        return None
    return next((x for x in rel.children if x.dep_ == "xcomp" and x.lemma_.lower() in stop_verbs), None)


def departure_visit(tok: Token) -> bool:
    """A departure for a named destination that is not made for a contact told by its own word: "Lavrov leaves on
    Tuesday for X" is a visit to X; "left for Geneva for talks with Y", "left for X, where he is due to meet Y" and
    "departs for X to meet Y" are the talks and the meetings. A departure told in quoted speech is no itinerary."""
    stops = departure_stops(tok)
    if not stops or _in_quotes(tok):
        return False
    told = [t for c in tok.children if c.dep_ in ("prep", "advcl", "xcomp") for t in c.subtree]
    return not any(t.lemma_.lower() in PURPOSE_CONTACTS or t.lower_ in PURPOSE_CONTACTS for t in told)


def finite_departure(tok: Token) -> bool:
    """"leaves for X", "left for X", "is leaving for X": a departure told as the clause's own event; not a participle
    of background ("Leaving X for Y, she noted ..."), which tells the way to a contact named elsewhere."""
    if tok.tag_ == "VBG" and not any(c.dep_ == "aux" for c in tok.children):
        return False
    return departure_visit(tok)


def departure_origin(tok: Token) -> list[Token]:
    """"left Nairobi for Kampala", "leaving Afghanistan for Moscow": the place left (the verb's object) is where the
    traveller was, not a stop ahead."""
    if tok.lemma_.lower() not in DEPARTURE_VERBS:
        return []
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    return objs + [x for o in objs for x in o.conjuncts]
