"""Sparse, readable features of a candidate contact: the contact word and its verb frame, how each country
mention hangs from it, where the sentence sits, and what the rules already found in the article.

Features are strings (value 1.0) so that the trained weights stay legible in the shipped JSON."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.core.dates import find_dates
from extractors.meetings.lexicon import (
    CANCEL_VERBS,
    KIND_CLASS,
    NON_CONTACT_VERBS,
    ORDINAL_DISTINCT,
    PLANNED_MODIFIERS,
    PLANNED_VERBS,
    SPORT_WORDS,
)
from extractors.meetings.status import status_of
from extractors.meetings.syntax import governing_chain

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bench.learned_meetings.candidates import Candidate
    from extractors.core.types import Meeting
    from extractors.meetings.args import Lookup

NEGATIONS = frozenset({"not", "n't", "never", "no"})
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "can", "must"})
EARLIER_WORDS = frozenset("last previous earlier ago former since first past".split())
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _relation(m: Token, trig: Token) -> str:
    """How a mention hangs from the contact word: direct child, through a preposition, governs it, else far."""
    if m.head is trig:
        return f"child:{m.dep_}"
    if m.head.head is trig and m.head.dep_ == "prep":
        return f"prep:{m.head.lower_}"
    if m.head.head is trig:
        return f"grand:{m.head.dep_}"
    if trig in m.ancestors:
        return "below"
    if m in trig.ancestors or m.head in trig.ancestors:
        return "above"
    if m.head is trig.head:
        return f"sib:{m.dep_}"
    return "far"


def _governing_prep(m: Token) -> str:
    x = m
    for _ in range(3):
        if x.dep_ == "pobj":
            return x.head.lower_
        if x.dep_ in ("compound", "amod", "poss", "appos", "conj"):
            x = x.head
            continue
        break
    return "-"


def status_guess(c: Candidate) -> str | None:
    """The rules' status reading of the candidate's contact word (None: not reported as a contact)."""
    try:
        return status_of(c.trigger, governing_chain(c.trigger), None, c.sent.text)
    except Exception:  # noqa: BLE001 - a status is a detail; the candidate stands without it
        return "held"


def features_of(c: Candidate, lookup: Lookup, rule_meetings: list[Meeting], pair_sentences: int,
                sent_index: int, status: str | None) -> dict[str, float]:
    f: dict[str, float] = {"bias": 1.0}
    trig = c.trigger
    lemma = trig.lemma_.lower()
    f[f"lem={lemma}"] = 1.0
    f[f"kind={c.kind}"] = 1.0
    f[f"tpos={trig.pos_}"] = 1.0
    f[f"tdep={trig.dep_}"] = 1.0
    f[f"thead={trig.head.lemma_.lower()}"] = 1.0 if trig.head is not trig else 0.0
    f[f"tag={trig.tag_}"] = 1.0
    f[f"status={status}"] = 1.0
    chain = governing_chain(trig)
    auxes = {a.lower_ for v in [trig, *chain] for a in v.children if a.dep_ in ("aux", "auxpass", "neg")}
    if auxes & NEGATIONS or any(t.lower_ in NEGATIONS for t in c.sent):
        f["neg"] = 1.0
    if auxes & MODALS:
        f["modal"] = 1.0
    for v in chain:
        lv = v.lemma_.lower()
        if lv in PLANNED_VERBS:
            f["chain_planned"] = 1.0
        if lv in NON_CONTACT_VERBS:
            f["chain_noncontact"] = 1.0
        if lv in CANCEL_VERBS:
            f["chain_cancel"] = 1.0
    if any(ch.lower_ in PLANNED_MODIFIERS for ch in trig.children):
        f["planned_mod"] = 1.0
    rels = []
    for m in c.mentions:
        rel = _relation(m.token, trig)
        rels.append(rel)
        f[f"rel={rel}"] = 1.0
        f[f"lemrel={lemma}|{rel.split(':')[0]}"] = 1.0
        f[f"ent={m.token.ent_type_ or '-'}"] = 1.0
        f[f"mdep={m.token.dep_}"] = 1.0
        f[f"mprep={_governing_prep(m.token)}"] = 1.0
        if m.code.startswith("IGO:"):
            f["igo"] = 1.0
        if lookup.in_quotation(m.token):
            f["quoted"] = 1.0
    if len(c.mentions) == 2:
        r = sorted(x.split(":")[0] for x in rels)
        f[f"relpair={r[0]}|{r[1]}"] = 1.0
        d = abs(c.mentions[0].token.i - c.mentions[1].token.i)
        f[f"dist={_bucket(d, (2, 5, 10, 20))}"] = 1.0
    else:
        f[f"multi={_bucket(len(c.countries), (3, 4))}"] = 1.0
    td = max(abs(m.token.i - trig.i) for m in c.mentions)
    f[f"tdist={_bucket(td, (2, 5, 10, 20))}"] = 1.0
    f[f"nsent_countries={_bucket(c.n_sentence_countries, (2, 3, 4))}"] = 1.0
    f[f"sent_index={_bucket(sent_index, (0, 2, 5, 10))}"] = 1.0
    f[f"pair_sentences={_bucket(pair_sentences, (1, 2, 4))}"] = 1.0
    f[f"rule_meetings={_bucket(len(rule_meetings), (0, 1, 3))}"] = 1.0
    cs = set(c.countries)
    if any(cs < set(m.countries) for m in rule_meetings):
        f["subset_of_rule"] = 1.0
    if any(set(m.countries) < cs for m in rule_meetings):
        f["superset_of_rule"] = 1.0
    if any(cs & set(m.countries) for m in rule_meetings):
        f["shares_rule_country"] = 1.0
    if any(m.evidence_start <= c.sent.start_char < m.evidence_end for m in rule_meetings):
        f["rule_sentence"] = 1.0
    _twin_features(c, f, lemma, status)
    main = lookup.main_country()
    if main in cs:
        f["main_country"] = 1.0
    if any(t.lower_ in SPORT_WORDS for t in c.sent):
        f["sport"] = 1.0
    return f


def _twin_features(c: Candidate, f: dict[str, float], lemma: str, status: str | None) -> None:
    """A sentence naming the countries of a rule record it does not stand on: a second contact, or the same one
    told again? Kind, status, time words and ordinals tell."""
    twin = c.rule_twin
    if twin is None:
        f["new_set"] = 1.0
        return
    f["twin"] = 1.0
    f[f"twin_lem={lemma}"] = 1.0
    f["twin_kind_" + ("same" if KIND_CLASS.get(c.kind) == KIND_CLASS.get(twin.kind) else "other")] = 1.0
    f["twin_status_" + ("same" if (status or "held") == twin.status else "other")] = 1.0
    words = {t.lower_ for t in c.sent}
    if words & ORDINAL_DISTINCT:
        f["twin_ordinal"] = 1.0
    if any(ch.lower_ in ORDINAL_DISTINCT for ch in c.trigger.children):
        f["twin_trigger_ordinal"] = 1.0
    if words & EARLIER_WORDS:
        f["twin_earlier"] = 1.0
    dates = find_dates(c.sent.text)
    if dates:
        f["twin_dated"] = 1.0
        if twin.date_text and all(d.text.lower() != twin.date_text.lower() for d in dates):
            f["twin_date_differs"] = 1.0
    years = set(_YEAR.findall(c.sent.text))
    if years and twin.date and twin.date[:4] not in years:
        f["twin_year_differs"] = 1.0
    if c.sent.start_char < twin.evidence_start:
        f["twin_before"] = 1.0
