"""Which words name a diplomatic contact, and which kind: "met", "talks", "phone call", "state visit".

A word of meeting in another sense is refused here where the words around it tell ("called on", "meet its
obligations", "the summit of the volcano", "a press conference"); the rest is left to the party checks.
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.meeting_lexicon import MEET_NONPERSON_OBJECTS, NOUN_KINDS, OFFICIAL_NOUNS, VERB_KINDS
from extractors.meeting_syntax import is_destination


def trigger_kind(tok: Token) -> str | None:
    """The kind of contact `tok` names, or None when it is not a meeting word in the diplomatic sense."""
    low = tok.lower_
    lemma = tok.lemma_.lower()
    if low == "two" and tok.i >= 4 and tok.doc[tok.i - 4 : tok.i + 1].text.lower() == "two-plus-two":
        # the tokenizer splits "two-plus-two" into five tokens; its last is the head of the phrase
        return "dialogue" if tok.dep_ != "compound" else None
    if tok.pos_ in ("NOUN", "PROPN") or low in ("two-plus-two",):
        kind = NOUN_KINDS.get(low)
        if kind is None:
            return None
        if low in ("call", "calls"):
            mods = {c.lower_ for c in tok.children}
            if mods & {"courtesy", "farewell"}:
                return "meeting"  # "paid a courtesy call on the minister": a visit in person
            if not mods & {"phone", "telephone", "video", "conference"} and tok.head.lemma_.lower() not in ("return",):
                return None
        if low == "conference":
            mods = {c.lower_ for c in tok.children}
            if not mods & {"video", "phone", "telephone"}:
                return None  # a press conference belongs to the talks it follows
        if low in ("conversation", "conversations"):
            mods = {c.lower_ for c in tok.subtree}
            if not mods & {"phone", "telephone", "video"} and tok.head.lemma_.lower() not in ("have", "hold"):
                return None
        if low == "summit" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None  # "the summit of the volcano"
        return kind
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    kind = VERB_KINDS.get(lemma)
    if kind is None:
        return None
    deps = {c.dep_ for c in tok.children}
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if lemma == "call":
        right_after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        if right_after in ("on", "for", "off", "in", "upon") or deps & {"oprd", "prt", "xcomp", "ccomp"}:
            return None
        if not objs or any(o.pos_ == "PRON" and o.lower_ in ("it", "this", "that", "what") for o in objs):
            return None
        if tok.dep_ in ("relcl", "acl") and tok.tag_ == "VBN":
            return None  # "a program called X"
        return "call"
    if lemma in ("speak", "talk", "confer", "negotiate"):
        if not preps & {"with", "to", "by"}:
            return None
        return kind
    if lemma == "exchange" and not any(o.lemma_.lower() in ("view", "opinion", "greeting") for o in objs):
        return None  # prisoners, fire, accusations
    if lemma in ("discuss", "exchange"):
        return "meeting"  # weak: "X and Y discussed ..." implies a contact only if nothing else names one
    if lemma == "join":
        # "is expected to join his British counterpart for a stocktake"; not "joined NATO", "joined X in urging"
        if any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
            return None
        if not any(o.ent_type_ == "PERSON" or o.lower_ in ("counterpart", "counterparts") for o in objs):
            return None
        return "meeting"
    if lemma in ("host", "receive", "welcome"):
        if not any(o.ent_type_ == "PERSON" or o.lower_ in OFFICIAL_NOUNS for o in objs):
            return None
        return "meeting"
    if lemma in ("arrive", "travel"):
        places = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "at")
                  for g in c.children if g.dep_ == "pobj" and is_destination(g)]  # fmt: skip
        if not places:
            return None
        if any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ("meet", "attend", "join") for c in tok.children):
            return None  # "arrived in Singapore to meet ministers of six nations": the meeting is the contact
        return "visit"
    if lemma == "meet":
        for o in objs:
            if o.lemma_.lower() in MEET_NONPERSON_OBJECTS or o.lower_ in MEET_NONPERSON_OBJECTS:
                return None
        return "meeting"
    return kind
