"""Contacts held with each member of a group in turn: "held separate talks with each of the two leaders".

The parser makes the distributive pronoun ("each", "either", "both") the object of "with", and the group ("the two
leaders") hangs below it through "of". The group is who the contact is with; `mentions` then reads it like any
"the two leaders" (the pair named before) and, as the contact word names separate contacts, splits it into one
bilateral contact per member (`_split_calls`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

DISTRIBUTIVES = frozenset({"each", "either", "both", "all"})


def group_of_distributive(tok: Token) -> Token:
    """The group an "each of the two leaders" stands for ("leaders"); `tok` itself when it is no such pronoun."""
    if tok.lower_ not in DISTRIBUTIVES or tok.pos_ not in ("PRON", "DET"):
        return tok
    inner = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return inner[0] if len(inner) == 1 and inner[0].tag_ in ("NNS", "NNPS", "PRP") else tok


SEPARATE_WORDS = frozenset({"separate", "separately", "individually", "each", "respectively"})


def separately_with_group(trigger: Token) -> bool:
    """Whether the contact word says its counterparts were met one by one: "held separate talks with each of the
    two leaders", "met the two leaders separately"."""
    words = [trigger, *trigger.children]
    verb = trigger.head if trigger.dep_ in ("dobj", "pobj") else trigger
    words += [c for c in verb.children if c.dep_ == "advmod"]
    return any(w.lower_ in SEPARATE_WORDS for w in words) or any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.lower_ in DISTRIBUTIVES for g in c.children)
        for c in trigger.children)


def separate_sides(own: set[str], status: str, trigger: Token, gatherings: list[tuple[set[str], str]],
                   size: int = 0) -> list[set[str]]:
    """The bilateral pairs of a "separate talks with each of the leaders" whose own side is `own` (one state): one
    per other state of the latest gathering of three or more states with the same status that `own` took part
    in (`gatherings`: (countries, status) in text order); "each of the three leaders" (`size` 3) wants a
    gathering of exactly three others. Empty when the words say no such thing."""
    if len(own) != 1 or not separately_with_group(trigger):
        return []
    for countries, st in reversed(gatherings):
        if st == status and len(countries) >= 3 and own < countries and size in (0, len(countries) - 1):
            return [own | {c} for c in sorted(countries - own) if not c.startswith("IGO:")]
    return []
