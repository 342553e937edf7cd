"""Which words of a sentence are a person's own clause, and which only what they report.

A speaker's state comes from the speaker, never from their topic. Two readings keep a sentence's states apart:

- a relative clause on the person ("Trade Minister X, who negotiated with Chinese Commerce Minister Y in
  Beijing, said ...") is the person's own clause: the people met there are other parties, as they would be in
  "X negotiated with Y in Beijing";
- a state named deep inside what the person reports ("X said any settlement must include withdrawal from the
  plateau, which Israel captured") is their topic; only the reported clause's subject (or its owner: "X said
  China will ...", "X said China's position is firm") is commonly the speaker's own state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = ("nsubj", "nsubjpass", "expl")
# Links inside one noun phrase ("China's position", "the leaders of Brazil and Chile"), not into a clause
_PHRASE_LINKS = ("poss", "compound", "amod", "det", "prep", "pobj", "conj", "cc", "appos", "case", "nmod")


def relative_clause_verbs(doc: Doc, start: int, end: int, contact_words: frozenset[str]) -> set[int]:
    """Token indices of the verbs of relative clauses of contact hung on the tokens `start`..`end` (a name with
    its title and apposition): "X, who met Y in Z, said" gives the index of "met". Only a contact ("met",
    "negotiated with") makes the people in it other parties: "X, who was appointed by Y" or "who succeeded Y"
    may well share Y's state."""
    out: set[int] = set()
    for i in range(max(0, start), min(len(doc), end)):
        for child in doc[i].children:
            if child.dep_ != "relcl":
                continue
            for verb in [child, *(c for c in child.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]:
                if _of_contact(verb, contact_words):
                    out.add(verb.i)
    return out


_CONTACT_NOUNS = frozenset({"talks", "negotiations", "meeting", "meetings", "call", "summit", "consultations"})


def _of_contact(verb: Token, contact_words: frozenset[str]) -> bool:
    """A relative clause of contact: its verb is one ("met", "negotiated"), or it is done "with" someone, or its
    object is a contact ("held talks", "completed the final round of negotiations")."""
    if verb.lower_ in contact_words:
        return True
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            return True
        if c.dep_ in ("dobj", "obj") and any(t.lower_ in _CONTACT_NOUNS for t in c.subtree):
            return True
    return False


def _reported_root(tok: Token) -> Token | None:
    """The verb of the reported clause (ccomp/parataxis of the sentence) a token is in, if any."""
    t = tok
    for _ in range(30):
        if t.dep_ in ("ccomp", "parataxis"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def deep_in_report(tok: Token) -> bool:
    """True when a token of a reported clause is not in the clause's subject phrase ("China" in "X said China will
    act", "China's position is firm" or "the leaders of China and Japan would meet" is not deep; "Israel" in "X
    said the deal must include the plateau, which Israel captured" is)."""
    root = _reported_root(tok)
    if root is None:
        return False
    subjects = {c.i for c in root.children if c.dep_ in _SUBJECTS}
    t = tok
    for _ in range(12):  # up from the word to the subject through phrase links only, not through a clause
        if t.i in subjects:
            return False
        if t.dep_ not in _PHRASE_LINKS or t.head.i == t.i or (t.dep_ == "prep" and t.lower_ != "of"):
            return True  # "the leaders of China" is China's as "China's leaders" is; "buyers in China" is a topic
        t = t.head
    return True
