"""A tour of a whole region, begun or passing through one state, is not that state's visit.

`merge._fold_single_visits` keeps a visit apart from the one meeting held during it when the visit's sentence tells
a length ("an 11-day tour", "a five-nation tour"), as ANNOTATION.md asks for a visit that spans other days. When
the trip word names a region ("a tour of the continent", "an Africa tour", "a week-long Asian tour"), the length is
the region tour's: the stop in this one state holds just the meeting told, and the two are one entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

TRIP_NOUNS = frozenset({"tour", "trip", "swing", "journey"})
REGION_NOUNS = frozenset({"continent", "region", "subcontinent"})
REGION_LABELS = frozenset({"LOC", "NORP"})


def _names_region(t: Token) -> bool:
    return t.lower_ in REGION_NOUNS or t.ent_type_ in REGION_LABELS and t.pos_ in ("PROPN", "ADJ")


def regional_tour(trigger: Token) -> bool:
    """"an 11-day tour of the continent", "an Africa tour", "a week-long Asian tour": a trip noun whose modifier or
    of-phrase names a region rather than one state."""
    if trigger.lower_ not in TRIP_NOUNS and trigger.lemma_.lower() not in TRIP_NOUNS:
        return False
    for c in trigger.children:
        if c.dep_ in ("amod", "compound") and _names_region(c):
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and _names_region(g) for g in c.children):
            return True
    return False
