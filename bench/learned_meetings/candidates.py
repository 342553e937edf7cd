"""Candidate contacts the rules did not output: in every sentence with a contact word and two or more
countries (as the resolver reads them), each pair of countries, and the whole set when there are three or more.

Generous on purpose: the model, not this module, decides. Each candidate keeps what a meeting record needs
(sentence offsets, trigger, kind, status, date) so that `model` can turn an accepted one into a `Meeting`."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from extractors.meetings.args import Lookup
from extractors.meetings.lexicon import GATE, NOUN_KINDS, VERB_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extractors.core.types import Meeting

MAX_SENTENCE_CHARS = 3000
MAX_COUNTRIES = 6  # more countries in one sentence: a list, not a contact


@dataclass(slots=True)
class CountryMention:
    code: str
    token: Token  # the syntactic head of the mention


@dataclass(slots=True)
class Candidate:
    countries: tuple[str, ...]
    sent: Span
    trigger: Token
    kind: str
    mentions: list[CountryMention]  # the mentions of these countries in the sentence (first of each)
    n_sentence_countries: int
    rule_twin: Meeting | None = None  # the rule record with the same country set (a possible second contact)
    features: dict[str, float] = field(default_factory=dict)


def trigger_words(sent: Span) -> list[tuple[Token, str]]:
    """Contact words of the sentence with a kind: the rules' lexicon, read generously (any sense)."""
    out = []
    for t in sent:
        low = t.lower_
        if low in NOUN_KINDS and t.pos_ in ("NOUN", "PROPN"):
            out.append((t, NOUN_KINDS[low]))
        elif t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in VERB_KINDS:
            out.append((t, VERB_KINDS[t.lemma_.lower()]))
    return out


def country_mentions(sent: Span, lookup: Lookup) -> list[CountryMention]:
    doc = sent.doc
    out: list[CountryMention] = []
    try:
        found = lookup.resolver.countries_in(sent)
    except Exception:  # noqa: BLE001 - a resolver failure must not lose the article
        return out
    for code, start, end in found:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0 or not code:
            continue
        out.append(CountryMention(code, span.root))
    return out


def _nearest_trigger(triggers: list[tuple[Token, str]], toks: list[Token]) -> tuple[Token, str]:
    return min(triggers, key=lambda tk: (sum(abs(tk[0].i - t.i) for t in toks), tk[0].i))


def candidates_of(doc: Doc, lookup: Lookup, rule_meetings: list[Meeting]) -> list[Candidate]:
    """Sets the rules did not output, and sets they did output from another sentence (half the contacts the
    rules miss on the tune sets are a second contact between the same countries folded into the first)."""
    twins: dict[frozenset[str], list[Meeting]] = {}
    for m in rule_meetings:
        twins.setdefault(frozenset(m.countries), []).append(m)
    out: list[Candidate] = []
    for sent in doc.sents:
        text = lookup.text[sent.start_char:sent.end_char]
        if len(text) > MAX_SENTENCE_CHARS or not GATE.search(text):
            continue
        triggers = trigger_words(sent)
        if not triggers:
            continue
        mentions = country_mentions(sent, lookup)
        first: dict[str, CountryMention] = {}
        for m in mentions:
            first.setdefault(m.code, m)
        codes = sorted(first)
        if len(codes) < 2 or len(codes) > MAX_COUNTRIES:
            continue
        sets = [tuple(p) for p in combinations(codes, 2)]
        if len(codes) >= 3:
            sets.append(tuple(codes))
        for s in sets:
            if all(c.startswith("IGO:") for c in s):
                continue
            same = twins.get(frozenset(s), [])
            if any(m.evidence_start < sent.end_char and sent.start_char < m.evidence_end for m in same):
                continue  # the sentence a rule record already stands on
            ms = [first[c] for c in s]
            trig, kind = _nearest_trigger(triggers, [m.token for m in ms])
            out.append(Candidate(s, sent, trig, kind, ms, len(codes), same[0] if same else None))
    return out
