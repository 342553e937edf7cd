"""Participants named outside the sentence that states a contact.

Wire stories often name the contact first and its people next ("Saudi Arabia and Iran held talks ... The Saudi
delegation was led by X and the Iranian side by Y"), or refer back to people named earlier ("The two ministers
last met in March"). Both are read here, after merging, so that a contact gains people without gaining parties:
only people of the contact's own countries are attached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.core.text import surname
from extractors.core.types import Participant
from extractors.meetings.args import Lookup, trim_name
from extractors.meetings.lexicon import LEADER_TITLES
from extractors.meetings.merge import Record

if TYPE_CHECKING:
    from spacy.tokens import Span

# Verbs by which a following sentence tells who took part ("was led by", "signed", "headed the delegation").
TAKING_PART = frozenset({"lead", "head", "sign", "attend", "represent", "accompany", "join", "chair"})
# Group nouns of a back-reference and the role word a person must hold to be one of them.
HEADS = LEADER_TITLES
GROUP_ROLES: dict[str, tuple[str, ...]] = {
    "ministers": ("minister",), "presidents": ("president",), "leaders": HEADS, "premiers": ("premier",),
    "counterparts": ("minister", "secretary") + HEADS, "envoys": ("envoy",), "chancellors": ("chancellor",),
    "heads": HEADS,
}  # fmt: skip


def _person(lookup: Lookup, ent: Span) -> tuple[str, str | None, str | None] | None:
    ent = trim_name(ent)
    name, country, role, kind = lookup.actor(ent)
    if kind != "person" or not name or country is None:
        return None
    return name, country, role


def _add(rec: Record, name: str, country: str, role: str | None) -> None:
    if country not in rec.countries:
        return
    if any(surname(p.name) == surname(name) for p in rec.participants):
        return
    rec.participants.append(Participant(name, country, role))


def _next_sentence(lookup: Lookup, sent: Span) -> Span | None:
    end = sent.end
    doc = lookup.doc
    while end < len(doc) and doc[end].is_space:
        end += 1
    if end >= len(doc):
        return None
    return doc[end].sent


def attach_following(records: list[Record], lookup: Lookup, contact_sents: set[int]) -> None:
    """People of the contact's countries named in the next sentence, when that sentence tells who took part
    ("was led by", "signed") and states no contact of its own."""
    for rec in records:
        if not rec.mentions or len({p.country for p in rec.participants}) >= len(rec.countries):
            continue
        nxt = _next_sentence(lookup, rec.mentions[0].sent)
        if nxt is None or nxt.start in contact_sents:
            continue
        if not any(t.lemma_.lower() in TAKING_PART and t.pos_ in ("VERB", "AUX") for t in nxt):
            continue
        for ent in lookup.ents_in(nxt):
            if ent.label_ == "PERSON" and not lookup.in_quotation(ent[0]):
                found = _person(lookup, ent) or _led_by(lookup, ent)
                if found:
                    _add(rec, *found)


def _led_by(lookup: Lookup, ent: Span) -> tuple[str, str | None, str | None] | None:
    """ "The Saudi delegation was led by intelligence chief X": X is of the delegation's country."""
    root = ent.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "by" or prep.head.lemma_.lower() not in ("lead", "head"):
        return None
    subjects = [c for c in prep.head.children if c.dep_ in ("nsubjpass", "nsubj")]
    codes = [c for s in subjects for c in lookup.countries(s.doc[s.left_edge.i : s.i + 1])]
    if len(set(codes)) != 1:
        return None
    name, _country, role, _kind = lookup.actor(trim_name(ent))
    return (name or ent.text), codes[0], role


def attach_group_people(records: list[Record], lookup: Lookup) -> None:
    """ "The two ministers last met in March": the ministers of those countries named last before it."""
    for rec in records:
        if rec.participants or len(rec.countries) != 2:
            continue
        group = next((m for m in rec.mentions if m.group), None)
        if group is None:
            continue
        nouns = [t.lower_ for t in group.sent if t.lower_ in GROUP_ROLES and t.dep_ in ("nsubj", "nsubjpass")]
        if not nouns:
            continue
        need = GROUP_ROLES[nouns[0]]
        latest: dict[str, tuple[str, str | None]] = {}
        for ent in lookup.ents:
            if ent.start_char >= group.sent.start_char:
                break
            if ent.label_ != "PERSON":
                continue
            found = _person(lookup, ent)
            if found and found[1] in rec.countries and any(w in (found[2] or "").lower() for w in need):
                latest[found[1]] = (found[0], found[2])
        if len(latest) == 2:
            for country, (name, role) in latest.items():
                _add(rec, name, country, role)
