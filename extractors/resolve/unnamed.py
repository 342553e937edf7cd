"""Unnamed officials, groups and bodies of one article ("a Foreign Ministry official", "U.S. officials",
"Seoul's foreign ministry", "the Kremlin", "Mr. Netanyahu's office") with the country the article gives them.

The country comes from the words of the description itself (a country word, a capital or seat, a person who
owns it), else from an earlier description with the same head noun ("the official" after "a Foreign Ministry
official"), else from the context: the first state acting in the sentence, then in the sentences before it.
A place is no nationality ("a diplomat in Nairobi"); bloc words ("a Western diplomat", "foreign officials") and
non-state owners ("the rebels' spokesman", "a spokeswoman for Shell", "a Hamas official") leave the country
unknown; diplomats and sources are often outsiders, so for them neither the article's leading state nor what
they report counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from extractors.core.text import after_joining_hyphen
from extractors.resolve.own_clauses import deep_in_report
from extractors.resolve.vocab import BODY_NOUNS, GROUP_NOUNS, OFFICIAL_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from extractors.resolve.resolver import ArticleResolver


@dataclass(slots=True)
class Unnamed:
    """An unnamed official, group or body mentioned in the text, with the country the article gives it."""

    name: str
    country: str | None
    role: str | None
    kind: str  # official | group | body | country
    head: str  # lower-case head noun ("official", "ministry", "kremlin")
    start: int
    end: int
    sent: int


DEFINITE = frozenset({"the", "this", "that", "these", "those"})
CONTEXT_BACK = 2
# Words that place an unnamed speaker in a bloc or abroad, not in one state: "a senior Western diplomat",
# "foreign officials", "Arab diplomats". Without a country word of their own they stay unknown.
BLOC_WORDS = frozenset(
    "western eastern foreign arab african asian european gulf regional international overseas non-western "
    "third-country other allied".split()
)
OFFICE_WORDS = frozenset("ministry minister ministers office affairs policy service secretary relations".split())
# Unnamed speakers who are usually outsiders where they are quoted: the article's leading state is no guess for
# them ("a diplomat in Nairobi" is rarely Kenyan); only their own words or their sentence decide.
OUTSIDER_HEADS = frozenset({"diplomat", "diplomats", "source", "sources"})
# Unnamed speakers a capital after "in" places in its government ("officials in Pretoria"); envoys, ambassadors and
# delegations there are usually guests.
RESIDENT_HEADS = frozenset({"official", "officials", "authorities", "leaders", "leadership"})


def _widen(res: ArticleResolver, tok: Token) -> Span:
    doc = tok.doc
    left = max(tok.left_edge.i, res.sent_of_token(tok.i).start)
    while left < tok.i and (doc[left].is_punct or doc[left].is_quote):
        left += 1
    return doc[left : tok.i + 1]


def _of_country(res: ArticleResolver, tok: Token) -> str | None:
    """Country of a phrase after the head: "the foreign ministry of Japan", "a spokesman for the Chinese embassy",
    "an official at the Japanese embassy"."""
    for child in tok.rights:
        if child.lower_ == "in" and tok.lower_ in RESIDENT_HEADS:
            # "officials in Pretoria", "authorities in Kabul": a government by its capital (a town names none, and
            # "a diplomat in Nairobi" is rarely Kenyan)
            toks = list(child.subtree)
            for m in res.mentions_between(toks[0].idx, toks[-1].idx + len(toks[-1].text)):
                if m.code and m.kind in ("capital", "seat") and not m.code.startswith("IGO:"):
                    return m.code
                break
            continue
        if child.lower_ in ("of", "for", "at", "from", "with"):
            sub = child.subtree
            toks = list(sub)
            if toks:
                for m in res.mentions_between(toks[0].idx, toks[-1].idx + len(toks[-1].text)):
                    if m.code and (m.acts_as_state or m.kind == "igo"):
                        return m.code
    return None


def _quoted_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks between start and end (the speaker's words are not their
    description)."""
    out: list[tuple[int, int]] = []
    open_at = -1
    for i in range(start, end):
        c = text[i]
        if c in "“”\"":
            if open_at < 0 and c != "”":
                open_at = i
            elif open_at >= 0 and c != "“":
                out.append((open_at, i))
                open_at = -1
    return out


def _reported(tok: Token) -> set[int]:
    """Character starts of the words a speaker reports ("diplomats said the EU would sanction Russia"): a state
    named in what outsiders say is not theirs."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    return {x.idx for c in tok.head.children if c.dep_ in ("ccomp", "parataxis") for x in c.subtree}


def _deep(tok: Token) -> set[int] | None:
    """Character starts of the words deep in what a speaker reports ("officials say the sanctions will prod the
    Zimbabwean leader"): the report's topic, not the speaker's state (its subject may be: "officials said Japan
    will ...")."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return {x.idx for c in tok.head.children if c.dep_ in ("ccomp", "parataxis") for x in c.subtree
            if deep_in_report(x)} or None


def _context(res: ArticleResolver, sent: int, before: int, article_wide: bool = True,
             skip: set[int] | None = None) -> str | None:
    """The one state acting in the sentence (outside quotations), else in one of the two sentences before, else
    the article's leading state."""
    for back in range(0, CONTEXT_BACK + 1):
        si = sent - back
        if si < 0:
            break
        sp = res.sents[si]
        quoted = _quoted_ranges(res.text, sp.start_char, sp.end_char)
        codes: list[str] = []
        for m, ms in zip(res.mentions, res._mention_sents, strict=True):
            if ms != si or not m.code or m.code.startswith("IGO:") or not m.acts_as_state:
                continue
            if any(a <= m.start < b for a, b in quoted) or (skip and m.start in skip):
                continue
            if m.code not in codes:
                codes.append(m.code)
        for pm in res.person_mentions:
            c = res.clusters[pm.cluster].country
            if pm.sent == si and c and not c.startswith("IGO:") and c not in codes and not any(
                    a <= pm.start < b for a, b in quoted) and not (skip and pm.start in skip):
                codes.append(c)
        if len(codes) == 1:
            return codes[0]
        if codes:
            return res.home if res.home in codes else None
    if not article_wide:
        return None
    return res.home or res.main_country()


def _bloc_word(t: Token) -> bool:
    """ "Western" in "a Western diplomat", not "Foreign" in "a Foreign Ministry official" (an office's name)."""
    if t.lower_ not in BLOC_WORDS:
        return False
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    return nxt not in OFFICE_WORDS


STATE_OWNER_WORDS = frozenset(
    "government side sides country countries state states nation nations regime palace presidency army military "
    "forces police".split()
)


def _nonstate_owner(res: ArticleResolver, tok: Token, person_at: dict[int, Any]) -> bool:
    """True when the speaker belongs to someone who is no state: "the rebels' spokesman", "a spokeswoman for Shell",
    "an official of the company" (their country is not the article's, whatever the context says)."""
    owners = [c for c in tok.children if c.dep_ == "poss" or (
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i)]  # "a Hamas official", "a Gazprom spokesman"
    for prep in tok.rights:
        if prep.lower_ in ("for", "of", "at", "from", "with"):
            owners.extend(c for c in prep.children if c.dep_ == "pobj")
    for o in owners:
        if o.pos_ not in ("NOUN", "PROPN") or o.i in person_at:
            continue
        low = o.lower_
        sub = list(o.subtree)
        if res.mentions_between(sub[0].idx, sub[-1].idx + len(sub[-1].text)):
            continue
        if low in OFFICIAL_NOUNS or low in BODY_NOUNS or low in res.ref.role_words or low in STATE_OWNER_WORDS or \
                low in OFFICE_WORDS or any(c.lower_ in BODY_NOUNS for c in o.children if c.dep_ == "compound"):
            continue
        return True
    return False


def _role(res: ArticleResolver, span: Span, head: Token) -> str | None:
    """The role of an unnamed speaker: the head noun's own when the description's longest role is a modifier
    ("the minister's spokesman" is a spokesperson, "a Foreign Ministry official" an official)."""
    whole = res.role_of_text(span.text)
    own = res.role_of_text(head.text)
    if own and whole and own.lower() not in whole.lower():
        return own
    return whole or own


def find_unnamed(res: ArticleResolver) -> list[dict[str, Any]]:
    """Every unnamed official, group and body of the article (and every country acting as a subject), in text
    order, as the fields of `Unnamed`."""
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
        if tok.i in person_title_toks or _modifier_of_another_head(tok, is_noun, is_seat, mention_at):
            continue
        out.append(_description(res, tok, bool(is_seat), person_at, out))
    return out


def _modifier_of_another_head(tok: Token, is_noun: bool, is_seat: object, mention_at: dict[int, Any]) -> bool:
    """Not the head of a description: "Foreign Ministry" in "Foreign Ministry official", "open-source" in
    "open-source developer", "source code", "embassy grounds", a seat's token before its last one."""
    doc = tok.doc
    if tok.dep_ == "compound" and tok.head.i != tok.i and (
        tok.head.lower_ in OFFICIAL_NOUNS or tok.head.lower_ in BODY_NOUNS or tok.head.i in mention_at
    ):
        return True
    if is_noun and tok.pos_ not in ("NOUN", "PROPN"):
        return True
    if is_noun and not is_seat and (after_joining_hyphen(tok) or (tok.dep_ in ("compound", "amod", "nmod")
                                                                  and tok.head.i > tok.i
                                                                  and tok.head.pos_ in ("NOUN", "PROPN"))):
        return True  # "open-source developer", "source code", "embassy grounds": a modifier, not a speaker
    # not the last token of a multi-token seat
    return bool(is_seat) and tok.i + 1 < len(doc) and mention_at.get(tok.i + 1) is mention_at.get(tok.i)


def _description(res: ArticleResolver, tok: Token, is_seat: bool, person_at: dict[int, Any],
                  earlier: list[dict[str, Any]]) -> dict[str, Any]:
    """The description headed by `tok` ("a Foreign Ministry official", "the Kremlin"), with its country."""
    low = tok.lower_
    span = _widen(res, tok)
    s, e = span.start_char, span.end_char
    sent = res._sent_of(s)
    country: str | None = None
    for m in res.mentions_between(s, e):
        if m.code and m.kind != "media" and not (m.locative and m.kind in ("capital", "city")):
            country = m.code
            break
    bloc = country is None and (any(_bloc_word(t) for t in span) or _nonstate_owner(res, tok, person_at))
    if country is None:
        country = _owner_country(res, tok, span, person_at)
    first = span[0].lower_
    name = span.text
    kind = "group" if low in GROUP_NOUNS else ("official" if low in OFFICIAL_NOUNS else "body")
    if is_seat:
        kind = "body"
    if country is None and first in DEFINITE:
        for u in reversed(earlier):
            if u["head"] == low and u["kind"] == kind and u["end"] <= s:
                name, country = u["name"], u["country"]
                break
    if country is None and first in DEFINITE and low == "ministry":
        country = _minister_country(res, s, sent)
    joint = any(t.lower_ in ("two", "both", "all", "three", "four", "various") for t in span) or (
        kind == "group" and first in DEFINITE)  # "the leaders": a set named before, not a state's people
    if country is None and not joint and not bloc and kind == "official":
        # "the External Affairs Minister", "the Secretary of State": an office only one state has is that state's,
        # whoever else the sentence names
        country = res.default_country_of_role(_role(res, span, tok))
    if country is None and not joint and not bloc:
        outsider = low in OUTSIDER_HEADS
        deep = None if outsider else _deep(tok)
        country = _context(res, sent, s, article_wide=not outsider, skip=_reported(tok) if outsider else deep)
        if deep and res.home and country != res.home and _context(res, sent, s) == res.home:
            country = res.home  # the outlet's own officials, read with the whole sentence, stay its own
    if any(w in res.ref.media_roles for w in (t.lower_ for t in span)) and not is_seat:
        country = None
    role = _role(res, span, tok) if kind in ("official", "group") else None
    return dict(name=name, country=country, role=role, kind=kind, head=low, start=s, end=e, sent=sent)


def _owner_country(res: ArticleResolver, tok: Token, span: Span, person_at: dict[int, Any]) -> str | None:
    """The country of whoever owns the description: a person in it ("Mr. Netanyahu's office"), a phrase after
    the head ("the foreign ministry of Japan"), or "his"/"her" ("his office": the person's state)."""
    for t in span:
        pm = person_at.get(t.i)
        if pm is not None and res.clusters[pm.cluster].country:
            return res.clusters[pm.cluster].country
    country = _of_country(res, tok)
    if country is not None:
        return country
    for t in span:
        if t.lower_ in ("his", "her") and t.dep_ == "poss":
            return res.pronoun_actor(t).country
    return None


def _minister_country(res: ArticleResolver, s: int, sent: int) -> str | None:
    """"the ministry said" after "Foreign Minister X will travel ...": X's ministry."""
    for pm in reversed(res.person_mentions):
        cl = res.clusters[pm.cluster]
        role = (cl.role or "").lower()
        if pm.end <= s and sent - pm.sent <= 2 and cl.country and "minister" in role and "prime" not in role:
            return cl.country
    return None
