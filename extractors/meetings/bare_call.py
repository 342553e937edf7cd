"""A "call" without a phone word that is still a telephone call: "briefed X in a 30-minute call", "held an hour-long
call with Y", "a call from the Japanese prime minister".

A bare "call" is more often an appeal ("a call for calm", "a call to arms") or a decision ("a judgement call"), so
`triggers` wants a phone word beside it. Two things mark the conversation without one: a length in minutes or
hours (an appeal has none), and a counterpart who is a person or an official, with or from whom the call was
("a call with Obama"), as long as nothing says what the call is for ("a call from the president for restraint").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.lexicon import OFFICIAL_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

DURATION_WORDS = frozenset({"minute", "minutes", "hour", "hours", "minute-long", "hour-long"})
# what an appeal or a demand takes: "a call for calm", "a call to arms", "a call on X to", "a call by X"
APPEAL_PREPS = frozenset({"for", "to", "on", "by", "against"})
FIGURATIVE = frozenset({"wake", "wake-up", "close", "judgement", "judgment", "roll", "curtain", "casting", "port",
                        "final", "margin", "earnings", "sales", "cold", "toll", "emergency", "distress"})


def _duration(tok: Token) -> bool:
    """"a 30-minute call", "an hour-long call", "a call of 40 minutes"."""
    left = [t for t in tok.subtree if t.i < tok.i]
    if any(t.lower_ in DURATION_WORDS for t in left):
        return True
    return any(t.lower_ in DURATION_WORDS and t.head.dep_ == "pobj" or t.lower_ in DURATION_WORDS and t.dep_ == "pobj"
               for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "lasting")
               for t in c.subtree)  # fmt: skip


def _with_official(tok: Token) -> bool:
    """"a call with Obama", "a call from the Japanese prime minister": a person or an official on the other end."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("with", "from", "between"):
            continue
        for g in c.children:
            if g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or g.lemma_.lower() in OFFICIAL_NOUNS):
                return True
    return False


def _time_phrase(prep: Token) -> bool:
    """"on Sunday afternoon": a preposition that only dates the call."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def bare_call(tok: Token) -> bool:
    """Whether a "call" with no phone word beside it is a telephone conversation between people."""
    if tok.lower_ not in ("call", "calls") or tok.pos_ != "NOUN":
        return False
    kids = list(tok.children)
    if any(c.lower_ in FIGURATIVE for c in kids) or any(
        c.dep_ == "prep" and c.lower_ in APPEAL_PREPS and not _time_phrase(c)
        or c.dep_ in ("acl", "relcl") and c.tag_ == "VB" for c in kids
    ):
        return False
    return _duration(tok) or _with_official(tok)
