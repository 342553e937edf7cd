"""Reading the dependency parse around a contact word: who is its subject, which verbs govern it, where it is.

Shared by the trigger, status, time and party readers; spaCy's English parse (ClearNLP labels) is assumed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.core.text import RELATIVE_PRONOUNS
from extractors.meetings.args import with_conjuncts
from extractors.meetings.lexicon import PLANNED_VERBS
from extractors.meetings.visiting import visiting_subject
from extractors.resolve.data import is_country_or_capital, is_known_town

if TYPE_CHECKING:
    from spacy.tokens import Token

PLACE_LABELS = ("GPE", "FAC", "LOC", "ORG")
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "csubj", "parataxis"})
# Prepositions through which a noun's contact is what its verb does ("asked for talks", "went to a summit");
# others ("during the summit") only place another event in time.
GOVERNING_PREPS = frozenset({"for", "to", "of", "with", "into"})


def subject_of(verb: Token) -> list[Token]:
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subs:  # "X and Y did, however, use the occasion to ...": the parser may hang the subject on the auxiliary
        subs = [g for a in verb.children if a.dep_ in ("aux", "auxpass") and a.i < verb.i
                for g in a.children if g.dep_ in ("nsubj", "nsubjpass")]  # fmt: skip
    if not subs:  # "WASHINGTON — Visiting Prime Minister X met Y": the parser took "Visiting" for the subject
        subs = visiting_subject(verb)
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return [s for s in subs if s.dep_ != "expl"] + agents


def agents_of(verb: Token) -> list[Token]:
    """The subject of `verb`, climbing through infinitives, conjoined verbs and relative clauses."""
    v = verb
    for _ in range(4):
        subs = subject_of(v)
        if subs and not (v.dep_ == "relcl" and all(s.lower_ in RELATIVE_PRONOUNS for s in subs)):
            return subs
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "Chung, who had met Kim": the relative pronoun stands for its antecedent
            head = v.head
            if head.dep_ in ("attr", "appos") and head.head.pos_ in ("AUX", "VERB"):
                return subject_of(head.head) or [head]
            return [head]
        if v.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and v.head is not v:
            v = v.head
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "looked forward to meeting X", "after touring the site with X"
            continue
        break
    return []


def governing_chain(tok: Token) -> list[Token]:
    """The verbs a contact word hangs from: itself if a verb, then up through infinitive complements.

    "is expected to hold talks" -> [hold, expected]; "the talks" as object of "held" -> [held].
    """
    chain: list[Token] = []
    x = tok
    if x.pos_ not in ("VERB", "AUX"):
        for _ in range(4):
            if x.dep_ == "pobj" and x.head.lower_ not in GOVERNING_PREPS:
                return chain  # "during the summit", "after talks": a time reference, not what the verb does
            if x.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "npadvmod", "conj", "appos",
                          "compound", "oprd"):  # fmt: skip
                x = x.head
                if x.pos_ in ("VERB", "AUX"):
                    break
                if x.dep_ == "ROOT":
                    break
            else:
                break
        if x.pos_ not in ("VERB", "AUX"):
            return chain
    chain.append(x)
    for _ in range(4):
        # up through infinitives, "(being) able to meet", and a to-clause of a planning verb ("looks forward, to be
        # able to sit down with X")
        if x.dep_ in ("xcomp", "conj") and x.head.pos_ in ("VERB", "AUX", "ADJ") or \
                x.dep_ == "acomp" and x.pos_ == "ADJ" and x.head.pos_ in ("VERB", "AUX") or \
                x.dep_ == "advcl" and x.head.lemma_.lower() in PLANNED_VERBS and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
            x = x.head
            chain.append(x)
        elif x.dep_ == "pcomp" and x.head.dep_ == "prep" and x.head.head.pos_ in ("VERB", "ADJ", "NOUN"):
            x = x.head.head
            chain.append(x)
        else:
            break
    return chain


def aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}


def places_of(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for v in tokens:
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "to"):
                for g in c.children:
                    if g.dep_ == "pobj" and is_place(g):
                        out.extend(x for x in with_conjuncts([g]) if is_place(x))
    return out


def is_destination(tok: Token) -> bool:
    """A place one travels to: a country, city or site (not an organisation: "visit NATO" is a meeting)."""
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return is_place(tok) and tok.ent_type_ != "ORG"


def is_place(tok: Token) -> bool:
    """A place name, or a country or capital the tagger took for something else ("to Dakar" read as a person)."""
    if tok.ent_type_ in PLACE_LABELS:
        return True
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", "DATE", "NORP", "PRODUCT", ""):
        return False
    if is_country_or_capital(tok.text):
        return True
    # a two- or three-word name ("Buenos Aires", "Kuala Lumpur") the tagger read as a person
    lead = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    name = tok.doc[lead[0].i : tok.i + 1].text if lead else tok.text
    if lead and is_country_or_capital(name):
        return True
    # "due to meet in Siem Reap" (read as a person): a town of some size right after "in"/"at"
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and is_known_town(name)


def is_trip_town(tok: Token) -> bool:
    """A town the tagger left unnamed as the end of a trip ("flies on to Adelaide", "leaves today for La Paz")."""
    if tok.pos_ != "PROPN" or tok.dep_ != "pobj" or tok.head.lower_ not in ("to", "for", "into"):
        return False
    lead = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    name = tok.doc[lead[0].i : tok.i + 1].text if lead else tok.text
    return tok.ent_type_ in ("", "GPE", "LOC") and is_known_town(name)


SCHEDULE_WORDS = frozenset({"due", "schedule", "set", "plan", "expect", "slate"})


def plan_clauses(tok: Token) -> list[Token]:
    """Relative clauses in a contact word's phrase that tell its schedule, even where the parser hangs them on a
    nearer noun: "talks with X on border trade that were due to open in Kabul on Saturday" -> [open]."""
    out: list[Token] = []
    if tok.pos_ not in ("NOUN", "PROPN"):
        return out
    for t in tok.subtree:
        if t.dep_ == "relcl" and t.i > tok.i and any(c.lemma_.lower() in ("that", "which") for c in t.subtree):
            words = [t, *(x for x in t.subtree if x.dep_ in ("xcomp", "acomp"))]
            if any(w.lemma_.lower() in SCHEDULE_WORDS or w.lower_ == "due" for w in words):
                out.append(t)
                out.extend(x for x in t.subtree if x.dep_ == "xcomp")
    return out


def venue_in_subtree(roots: list[Token], own_clause: Token) -> list[Token]:
    """A place the parser hung deeper than the contact's own words: "met on the margins of the General Assembly
    in New York", "talks on a trade deal in London", "talks that were due to open in Kabul". Searched a few
    levels down from `roots`, never into another clause (a relative clause on `own_clause` is its own)."""
    seen: set[int] = set()
    frontier = [(r, 0) for r in roots]
    out: list[Token] = []
    # "has not sat down with X since talks in Minsk": a negated contact is the earlier one, placed in its phrase
    negated = any(c.dep_ == "neg" for r in [*roots, own_clause] for c in r.children)
    while frontier:
        t, depth = frontier.pop(0)
        if t.i in seen or depth > 5:
            continue
        seen.add(t.i)
        for c in t.children:
            if c.dep_ in CLAUSE_DEPS and not (c.dep_ in ("relcl", "acl") and t.i == own_clause.i) \
                    and c not in plan_clauses(own_clause):
                continue
            if c.dep_ == "prep" and c.lower_ == "since" and not negated:
                continue  # "their first talks since a meeting in Luanda": the earlier contact's place
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                out.extend(g for g in c.children if g.dep_ == "pobj" and is_place(g))
            frontier.append((c, depth + 1))
    return out
