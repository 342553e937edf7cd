"""A sentence-initial "Visiting" before a named person is an adjective on the subject, not a verb.

"Visiting Japanese Prime Minister X met President Y" (often right after a dateline, "WASHINGTON — Visiting ...")
is parsed with "Visiting" as a clausal subject whose object is X, so the meeting verb had no subject and no
contact came out. A capitalised, sentence-initial "Visiting" (only dateline words before it) followed by a named
person is an adjective on the subject: the person is who met. "Visiting fans met the team" names no person.
Kept free of other meeting modules: `syntax.subject_of` imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def _dateline_only(tokens: list[Token]) -> bool:
    """Words before the sentence's first word that can only be a dateline ("KYIV:", "WASHINGTON —",
    "NEW DELHI, Dec 3 (PTI):"): no lower-case word among them."""
    return all(not t.is_alpha or t.is_upper or t.is_title for t in tokens)


def visiting_subject(verb: Token) -> list[Token]:
    """The named person a sentence-initial "Visiting" stands before, when the parser took "Visiting" for the
    verb's clausal subject and the person for its object."""
    for c in verb.children:
        if c.dep_ != "csubj" or c.text != "Visiting" or c.tag_ != "VBG":
            continue
        if not _dateline_only([t for t in c.sent if t.i < c.i]):
            continue
        objs = [o for o in c.children if o.dep_ in ("dobj", "nsubj") and o.i > c.i]
        people = [o for o in objs if o.ent_type_ == "PERSON" and o.pos_ == "PROPN"]
        if people:
            return people
    return []
