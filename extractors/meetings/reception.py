"""A guest "received by" or "hosted by" a host whose name the tagger mislabelled.

`triggers._verb_kind` takes "X was received by Y" as a meeting when Y looks like a person or an official. The small
tagger often gives a bare surname or a short name another label ("received by Lula" read as a date, "hosted by
Pandor" as an organisation), and the reception was then dropped. In the passive the subject is the guest: when
the guest is a named person (or an official), a host told by a proper name is a person receiving them, whatever the
tagger's label, unless that name is a place ("was received by Tokyo" is no person). The parties' countries still
come from the resolver; a host it cannot place leaves a one-sided mention, which yields no contact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def named_host_of_guest(tok: Token, by: list[Token], person_like: Callable[[Token], bool]) -> bool:
    """"Palestinian President X was received by Lula", "Secretary of State Y was hosted by Pandor": a passive
    reception of a person-like subject by a proper name that is no place."""
    guests = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if not guests or not any(person_like(g) for g in guests):
        return False
    return any(h.pos_ == "PROPN" and h.ent_type_ not in PLACE_LABELS for h in by)
