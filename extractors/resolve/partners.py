"""A family name many officeholders bear, said beside the person it meets ("Moon and Kim met at Panmunjom",
"Moon met Kim"): the article's named states support both readings of "Kim", and the one the partner holds is the
wrong one, since a state's leader rarely meets a namesake of his own government in such a line. The other state
whose holders of the name were in office at the article's date is the reading, when there is exactly one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.resolve import officeholders

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extractors.resolve.people import Cluster, PersonMention
    from extractors.resolve.resolver import ArticleResolver

PAIR_DEPS = frozenset({"nsubj", "dobj", "pobj"})


def _partners(tok: Token) -> list[Token]:
    """Tokens that stand beside `tok` as the other party: its conjuncts ("Moon and Kim"), and the subject or
    object of the verb it is the object or subject of ("Moon met Kim", "Moon met with Kim", "Moon held talks with
    Kim")."""
    out = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj":
        out.append(tok.head)
        out.extend(c for c in tok.head.children if c.dep_ == "conj" and c.i != tok.i)
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if tok.dep_ == "pobj" and verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head  # "Moon held talks with Kim": the verb the contact noun is the object of
    if tok.dep_ in PAIR_DEPS and verb.pos_ == "VERB":
        for c in verb.children:
            cands = [c] + ([g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [])
            out.extend(x for x in cands if x.dep_ in PAIR_DEPS and x.i != tok.i)
    return out


def partner_states(res: ArticleResolver, cl: Cluster, ci: int, mentions: list[PersonMention],
                   clusters: list[Cluster]) -> set[str]:
    """States of the other people a one-word name of cluster `ci` stands beside."""
    at = {i: pm for pm in mentions for i in range(pm.tok_start, pm.tok_end)}
    out: set[str] = set()
    for mi in cl.mentions:
        pm = mentions[mi]
        if pm.tok_end - pm.tok_start != 1:
            continue
        for p in _partners(res.doc[pm.tok_start]):
            other = at.get(p.i)
            if other is not None and other.cluster != ci and clusters[other.cluster].country:
                out.add(clusters[other.cluster].country)
    return out


def other_reading(res: ArticleResolver, cl: Cluster, ci: int, country: str | None, mentions: list[PersonMention],
                  clusters: list[Cluster]) -> str | None:
    """The state a shared one-word name stands for when the dictionary's reading (`country`) is the state of the
    person it meets, or when the states the article names left it undecided ("Moon met Kim in Pyongyang": both
    Koreas named); `country` itself otherwise; None when no single other state's holder was in office."""
    key = officeholders.norm(cl.name)
    book = officeholders.dictionary()
    if len(cl.tokens) != 1 or key not in book.shared or res.published is None:
        return country
    partners = partner_states(res, cl, ci, mentions, clusters)
    if not partners or (country is not None and country not in partners):
        return country
    month = (res.published.year, res.published.month)
    states = {t.country for t in book.short.get(key, []) if t.covers(month, officeholders.SURNAME_GRACE_MONTHS)}
    named = {m.code for m in res.mentions if m.code}
    # an international body's holder of the name ("Jim Yong Kim" at the World Bank) counts only when it is named
    rest = {c for c in states - partners if not c.startswith("IGO:") or c in named}
    return rest.pop() if len(rest) == 1 else None
