"""A visitor's counterpart in the state the story is filed from.

"NEW DELHI, Dec 3 (Wire): Visiting Japanese Foreign Minister X met his counterpart on Tuesday": the counterpart (or
"his host") has no state of its own in the text; the visitor is a guest of the state of the dateline, which is where
the story is told from. Only for a visitor ("visiting" in the agent's words), only when the counterpart carries no
nationality, and only when the contact's one known state is another than the dateline's: a dateline never makes a
party of its own (ANNOTATION.md), it only tells whose counterpart a visitor met.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.args import Party

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extractors.meetings.args import Lookup

HOST_NOUNS = frozenset({"counterpart", "host"})


def _visiting(agent: Token) -> bool:
    """"Visiting Minister X": "visiting" before the name in its phrase, or the participle the parser hung it on."""
    if agent.lower_ == "visiting" or agent.head.lower_ == "visiting":
        return True
    left = agent.left_edge.i
    if left > 0 and agent.doc[left - 1].lower_ == "visiting":
        return True
    return any(t.lower_ == "visiting" for t in agent.subtree if t.i < agent.i)


def _bare(noun: Token) -> bool:
    """"his counterpart", "his host"; not "his Indian counterpart" (that one names its state)."""
    return not any(c.ent_type_ in ("NORP", "GPE") or c.dep_ == "poss" and c.ent_type_ for c in noun.children)


def visitor_meets_host(agents: list[Token], partners: list[Token], parties: list[Party], lookup: Lookup) -> None:
    """Adds the dateline's state for a visitor's bare counterpart or host (see the module doc)."""
    if not lookup.dateline:
        return
    read = getattr(lookup.resolver, "dateline_country", None)
    home = read() if read else None
    known = {p.country for p in parties if p.country}
    if home is None or len(known) != 1 or home in known or not any(_visiting(a) for a in agents):
        return
    hosts = [t for t in partners if t.lemma_.lower() in HOST_NOUNS and _bare(t)]
    if hosts:
        parties.append(Party(home, None, hosts[0].idx))
