"""Unnamed officials, groups and bodies of one article ("a Foreign Ministry official", "U.S. officials",
"Seoul's foreign ministry", "the Kremlin", "Mr. Netanyahu's office") with the country the article gives them.

The country comes from the words of the description itself (a country word, a capital or seat, a person who
owns it), else from an earlier description with the same head noun ("the official" after "a Foreign Ministry
official"), else from the context: the first state acting in the sentence, then in the sentences before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from extractors.resolve import ArticleResolver

from extractors.resolve import BODY_NOUNS, GROUP_NOUNS, OFFICIAL_NOUNS

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
CONTEXT_BACK = 2


def _widen(res: ArticleResolver, tok: Token) -> Span:
    doc = tok.doc
    left = max(tok.left_edge.i, res.sent_of_token(tok.i).start)
    while left < tok.i and (doc[left].is_punct or doc[left].is_quote):
        left += 1
    return doc[left : tok.i + 1]


def _of_country(res: ArticleResolver, tok: Token) -> str | None:
    """Country of a right "of" phrase: "the foreign ministry of Japan"."""
    for child in tok.rights:
        if child.lower_ == "of":
            sub = child.subtree
            toks = list(sub)
            if toks:
                for m in res.mentions_between(toks[0].idx, toks[-1].idx + len(toks[-1].text)):
                    if m.code and (m.acts_as_state or m.kind == "igo"):
                        return m.code
    return None


def _context(res: ArticleResolver, sent: int, before: int) -> str | None:
    for back in range(0, CONTEXT_BACK + 1):
        for m, ms in zip(res.mentions, res._mention_sents, strict=True):
            if ms != sent - back or not m.code or m.code.startswith("IGO:"):
                continue
            if back == 0 and m.start >= before and False:
                continue
            if m.acts_as_state and m.kind != "media":
                return m.code
    return res.main_country()


def find_unnamed(res: ArticleResolver) -> list[dict[str, Any]]:
    doc = res.doc
    out: list[dict[str, Any]] = []
    person_title_toks: set[int] = set()
    for pm in res.person_mentions:
        a = pm.title_start if pm.title_start >= 0 else pm.tok_start
        person_title_toks.update(range(a, pm.tok_end))
    person_at = {i: pm for pm in res.person_mentions for i in range(pm.tok_start, pm.tok_end)}
    mention_at: dict[int, Any] = {}
    for m in res.mentions:
        sp = doc.char_span(m.start, m.end, alignment_mode="expand")
        if sp is not None:
            for t in sp:
                mention_at.setdefault(t.i, m)
    for tok in doc:
        low = tok.lower_
        m_here = mention_at.get(tok.i)
        is_seat = m_here is not None and m_here.kind in ("seat", "igo") and m_here.code
        is_noun = low in OFFICIAL_NOUNS or low in BODY_NOUNS
        if not (is_seat or is_noun):
            if m_here is not None and m_here.code and tok.dep_ in ("nsubj", "nsubjpass") and m_here.acts_as_state:
                out.append(dict(name=tok.text, country=m_here.code, role=None, kind="country", head=low,
                                start=tok.idx, end=tok.idx + len(tok.text), sent=res._sent_of(tok.idx)))
            continue
        if tok.i in person_title_toks:
            continue
        if tok.dep_ == "compound" and tok.head.i != tok.i and (
            tok.head.lower_ in OFFICIAL_NOUNS or tok.head.lower_ in BODY_NOUNS or tok.head.i in mention_at
        ):
            continue
        if is_noun and tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if is_seat and tok.i + 1 < len(doc) and mention_at.get(tok.i + 1) is m_here:
            continue  # not the last token of a multi-token seat
        span = _widen(res, tok)
        s, e = span.start_char, span.end_char
        sent = res._sent_of(s)
        country: str | None = None
        for m in res.mentions_between(s, e):
            if m.code and m.kind != "media":
                country = m.code
                break
        if country is None:
            for t in span:
                pm = person_at.get(t.i)
                if pm is not None and res.clusters[pm.cluster].country:
                    country = res.clusters[pm.cluster].country
                    break
        if country is None:
            country = _of_country(res, tok)
        first = span[0].lower_
        name = span.text
        kind = "group" if low in GROUP_NOUNS else ("official" if low in OFFICIAL_NOUNS else "body")
        if is_seat:
            kind = "body"
        if country is None and first in DEFINITE:
            for u in reversed(out):
                if u["head"] == low and u["kind"] == kind and u["end"] <= s:
                    name, country = u["name"], u["country"]
                    break
        joint = any(t.lower_ in ("two", "both", "all", "three", "four", "various") for t in span)
        if country is None and not joint:
            country = _context(res, sent, s)
        if any(w in res.ref.media_roles for w in (t.lower_ for t in span)) and not is_seat:
            country = None
        role = res.role_of_text(span.text) if kind in ("official", "group") else None
        out.append(dict(name=name, country=country, role=role, kind=kind, head=low, start=s, end=e, sent=sent))
    return out
