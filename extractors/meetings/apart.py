"""Cues that keep two contacts of the same countries apart when `merge` would fold them into one.

ANNOTATION.md asks for one entry per real-world contact: a visit and the one meeting held during it are one entry,
but a meeting held by other people than the visitor, a visit made to attend a gathering, or another round of a
process told by its ordinal are contacts of their own. These read the parse and the attributes `mentions` already
computed (participants, kind, the ordinal of "the first round of talks"), not word lists of the stories.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.core.text import surname

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extractors.core.types import Participant
    from extractors.meetings.mentions import Mention

ROUND_HEADS = frozenset({"round", "session", "edition", "cycle"})


def _words(name: str) -> set[str]:
    """The words of a name that can stand for the person ("Chaves" of "Rodrigo Chaves Robles"): a surname match
    alone misses names whose family name is not the last word."""
    words = {w.lower().strip(".,") for w in name.split()}
    return {w for w in words if len(w) > 2 and w not in NAME_PARTICLES} | {surname(name).lower()}


# Particles that join names and tell no person apart ("Faisal bin Farhan", "Mohammed bin Salman")
NAME_PARTICLES = frozenset("bin bint ibn abu abd al- el- van von der den del dos das ben".split())


def _sides(parts: list[Participant]) -> dict[str, list[set[str]]]:
    out: dict[str, list[set[str]]] = {}
    for p in parts:
        if p.country:
            out.setdefault(p.country, []).append(_words(p.name))
    return out


def other_visitor(visit_parts: list[Participant], meeting_parts: list[Participant]) -> bool:
    """"Ruto flew to Kampala on Friday ... barely a month after his energy minister travelled there for talks with
    her counterpart", "X held talks with Y, who is in the suite of President Z, now on a visit": the meeting names
    people of the visitor's country and none of them is a visitor. It is not the visit's one meeting (a contact of
    other people, or one of several the visit holds), so the visit stays its own entry."""
    visitors = _sides(visit_parts)
    met = _sides(meeting_parts)
    for country, people in visitors.items():
        others = met.get(country)
        if others and not any(v & o for v in people for o in others):
            return True
    return False


def ordinals_of(m: Mention, ordinals: frozenset[str]) -> set[str]:
    """The ordinal words that count the contact: "the second meeting", "the first round of talks"."""
    heads = [m.trigger, *([h] if (h := round_head(m.trigger)) is not None else [])]
    return {c.lower_ for t in heads for c in t.children
            if c.lower_ in ordinals and c.dep_ in ("amod", "advmod", "nummod")}  # fmt: skip


COUNTING = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())


def other_ordinal(m: Mention, mentions: list[Mention]) -> bool:
    """"The first round of talks, held two weeks earlier" after "met for a second round of talks": two counted
    ordinals that differ are two rounds, whatever time either is given."""
    mine = ordinals_of(m, COUNTING)
    theirs = {w for x in mentions for w in ordinals_of(x, COUNTING)}
    return bool(mine and theirs) and not mine & theirs


def round_head(trigger: Token) -> Token | None:
    """The "round" of "the first round of talks", "the second session of the dialogue": the noun that counts the
    contact, when the contact word hangs from it by "of"."""
    of = trigger.head
    if trigger.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in ROUND_HEADS:
        return of.head
    return None


def counted_round(m: Mention, ordinals: frozenset[str]) -> bool:
    """"The first round of talks between the delegations was held on Monday": an ordinal on the round the contact
    word hangs from counts the contact like "the second meeting" does."""
    head = round_head(m.trigger)
    return head is not None and any(c.lower_ in ordinals and c.dep_ in ("amod", "advmod", "nummod")
                                    for c in head.children)  # fmt: skip


def unnamed_listing(m: Mention) -> bool:
    """"Talks between the delegations": a listing whose members resolve to no state names no parties of its own,
    so it does not stop the round from taking those of its process."""
    return m.listed and not m.countries


def visiting_to_attend(mentions: list[Mention]) -> bool:
    """"held a summit with X, who is visiting Japan to attend the Pacific leaders' meeting": the sentences of the
    meeting tell the visit was made for a gathering, so the visit holds more than this meeting and is its own
    entry (the rule `merge._visit_to_attend` applies to visit words only; here the visit word is an adjunct of
    the meeting's sentence, folded away by `mentions`)."""
    for m in mentions:
        for t in m.sent:
            if t.lemma_.lower() != "visit" or t.pos_ != "VERB":
                continue
            if any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ("attend", "participate")
                   for c in t.children):  # fmt: skip
                return True
    return False


def sentence_partner(m: Mention, countries: set[str], records: list) -> set[str] | None:
    """"X held talks with Lavrov in Moscow before being received by Putin at the Kremlin": a contact word in the
    sentence of a two-sided contact that names only one side, through a person of that side who is not the one the
    contact names, is a second contact of the same two states (the other side is the sentence's contact's); not a
    back-reference to it. `records` are `merge.Record`s."""
    if len(countries) != 1 or m.anaphoric or m.group or not m.participants:
        return None
    (side,) = countries
    mine = [_words(p.name) for p in m.participants if p.country == side]
    if not mine or len(mine) != len(m.participants):
        return None
    for rec in reversed(records):
        if len(rec.countries) != 2 or side not in rec.countries or rec.status != m.status:
            continue
        if not any(x.sent.start == m.sent.start for x in rec.mentions) or rec.kind_class != "m":
            continue
        theirs = [_words(p.name) for p in rec.participants if p.country == side]
        if theirs and not any(a & b for a in mine for b in theirs):
            return set(rec.countries)
        return None
    return None


def also_named(m: Mention, known: list[Participant]) -> bool:
    """"Foreign Ministers X and Y also held talks on Tuesday evening": "also" on the verb that holds a contact noun,
    with people of two states named and none of them a person of the pair's contacts told so far (`known`), adds a
    contact of its own, as "also met X" does for a contact verb (`mentions._distinct` reads "also" on verbs only).
    "The two presidents also held talks over lunch" and "Biden and Xi also held talks over lunch" stay the summit."""
    t = m.trigger
    if any(_words(p.name) & _words(q.name) for p in m.participants for q in known):
        return False
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "dobj":
        return False
    if not any(c.lower_ == "also" and c.dep_ == "advmod" for c in t.head.children):
        return False
    return len({p.country for p in m.participants if p.country}) >= 2
