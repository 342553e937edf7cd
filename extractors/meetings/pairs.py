"""Contacts whose parties come from the people named and the article's context, not from the place.

- "X and Y spoke for ten minutes", "the two men talked for three hours", "X and Y sat down together": a talk verb
  needs a counterpart ("spoke with X"); when its subject is itself the pair (two people named side by side, or
  "the two <men/leaders>") the contact is between the subject's members, read by the usual party rules (names
  through the resolver, "the two <title>s" through the states named just before).
- "The advisers, A and B, held talks in Bangkok": the venue of a named pair is no party; a member of unknown state
  is of the other of the two states the article is about.
- "In his meeting with X, the minister ...": the fronted possessive is the clause's subject, not the person
  named last.
- "..., while X met Kenyan President Y, the presidency said": the person met, misread as the reporting verb's
  subject.
- "X held talks with Y in the morning": the day the sentence before gives.
- "had a brief exchange with X", "his first encounter with Y": a contact with the named person.
- "X visited Russia in 2006", in a story on this year's visit: a background contact of its own.
- "before flying on to Tbilisi", "flew to Kyiv on Monday": a flight told as done is a visit.
- "..., <title> A and <title> B spoke for ten minutes" with no subject in the parse: the pair before the verb.
- "followed telephone calls by X with Y and with Z": the noun's "by"/"with" phrases hung on the verb.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from extractors.core.datelines import dateline_end
from extractors.core.dates import ResolvedDate, find_dates, resolve_date
from extractors.meetings.args import Party
from extractors.meetings.lexicon import NOUN_KINDS, OFFICIAL_NOUNS
from extractors.meetings.syntax import governing_chain, subject_of
from extractors.resolve.data import is_country_or_capital

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from extractors.meetings.args import Lookup

PAIR_NOUNS = OFFICIAL_NOUNS | {"man", "men", "woman", "women"}
# Words that make a talk mutual rather than a speech: "talked privately", "spoke briefly", "sat down together"
MUTUAL_ADVERBS = frozenset({"together", "privately", "briefly", "alone", "face-to-face", "bilaterally"})
GATHERING_EDGES = frozenset({"margin", "margins", "sideline", "sidelines"})
# "X and Y last spoke in May", "the two had previously talked": a conversation of the pair, dated before the story
RECALLED_ADVERBS = frozenset({"last", "previously"})
DURATION_UNITS = frozenset({"minute", "hour", "day"})
MEALS = frozenset({"lunch", "dinner", "breakfast", "coffee", "tea", "meal"})


def subjects(verb: Token) -> list[Token]:
    """The verb's subjects (not a passive's agent), including one the parser hung on its auxiliary."""
    return [s for s in subject_of(verb) if s.dep_ in ("nsubj", "nsubjpass")]


def _named(t: Token) -> bool:
    """A person's name, also where the tagger took a surname for a group or a place ("Tsipras", "Magufuli"); not
    a state's or a capital's name ("Russia and China spoke")."""
    if t.ent_type_ == "PERSON":
        return True
    return t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME") and not is_country_or_capital(t.text)


def _named_pair(s: Token) -> bool:
    """"Zaev and Tsipras"; "the national security advisers, A and B" (the pair in apposition); two people's names
    joined by "and" anywhere in the subject phrase (the parser may hang one titled name on the other)."""
    for head in [s, *(a for a in s.children if a.dep_ == "appos")]:
        members = [head, *head.conjuncts]
        if len(members) >= 2 and all(_named(m) for m in members):
            return True
    words = s.doc[s.left_edge.i : s.right_edge.i + 1]
    people = {t.i for t in words if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"}
    return len(people) >= 2 and any(t.lower_ == "and" and t.dep_ == "cc" for t in words)


def pair_subject(verb: Token) -> bool:
    """Whether the verb's subject is a pair meeting each other: two or more named people side by side
    ("Zaev and Tsipras", "Presidents Museveni and Magufuli") or "the two men", "both leaders"."""
    if left_pair(verb):
        return True
    for s in subjects(verb):
        if _named_pair(s):
            return True
        if s.tag_ == "NNS" and (s.lower_ in PAIR_NOUNS or s.lemma_.lower() in PAIR_NOUNS) and any(
                c.lower_ in ("two", "both") for c in s.children):
            return True
    return False


def together_nearby(verb: Token) -> bool:
    """"sat down together in X": "together" on the verb or, as the parser sometimes has it, on the verb's next
    preposition."""
    return any(c.lower_ == "together" and c.dep_ == "advmod" and (c.head.i == verb.i or c.head.head.i == verb.i)
               for c in verb.doc[verb.i + 1 : verb.i + 4])  # fmt: skip


def mutual_talk(verb: Token) -> bool:
    """Words around an intransitive "spoke"/"talked" that make it a conversation of its subject's members, not a
    speech: a duration ("for three hours"), a mutual adverb ("privately"), the margins of a gathering, a meal."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in MUTUAL_ADVERBS:
            return True
        if c.dep_ == "advmod" and c.lower_ in RECALLED_ADVERBS and c.i < verb.i:
            return True  # "the two last spoke on February 23": the pair's own earlier conversation
        if c.dep_ != "prep":
            continue
        objs = [g for g in c.children if g.dep_ == "pobj"]
        if c.lower_ == "for" and any(g.lemma_.lower() in DURATION_UNITS or g.ent_type_ == "TIME" for g in objs):
            return True
        if c.lower_ in ("on", "at") and any(g.lower_ in GATHERING_EDGES for g in objs):
            return True
        if c.lower_ == "over" and any(g.lemma_.lower() in MEALS for g in objs):
            return True
        if c.lower_ == "since" and any(g.ent_type_ == "DATE" or g.lower_ in NOUN_KINDS for g in objs) and any(
                n.dep_ == "neg" for n in verb.children):
            return True  # "the two have not spoken since March", "... since their call in May": they spoke then
    return False


def talk_of_pair(verb: Token) -> bool:
    """"The two men talked for three hours", "X and Y spoke privately": a talk verb with no counterpart named,
    whose subject is the pair and whose words make it mutual. Never with an object or a listener ("spoke to
    reporters" is read elsewhere)."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    return pair_subject(verb) and mutual_talk(verb)


def named_pair_told(tok: Token) -> bool:
    """Whether the contact word's verb has two or more named people side by side as its subject ("the advisers,
    A and B, held talks in Bangkok"): the place of their contact then tells nothing of a missing side's state (a
    third country often hosts such a pair)."""
    return any(_named_pair(s) for v in governing_chain(tok)[:2] for s in subjects(v))


POSSESSIVES = frozenset({"his", "her", "their"})


def cataphoric_possessor(t: Token) -> bool:
    """"In his meeting with X, the minister welcomed ...": a possessive pronoun on a contact noun fronted before
    its clause's subject stands for that subject (read there), not for the last person named before."""
    if t.dep_ != "poss" or t.lower_ not in POSSESSIVES:
        return False
    noun = t.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.i > noun.i:
        return False
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or prep.i > verb.i:
        return False
    subs = [s for s in subjects(verb) if s.i > t.i and s.pos_ in ("PROPN", "NOUN")]
    return bool(subs)


TITLE_NOUNS = OFFICIAL_NOUNS | {"adviser", "advisers", "advisor", "advisors"}


def _titled_pair(tok: Token) -> bool:
    """"The chief negotiators, A and B, held talks": the named pair stands in apposition to an official title."""
    for v in governing_chain(tok)[:2]:
        for s in subjects(v):
            if s.lower_ in TITLE_NOUNS and any(a.dep_ == "appos" and _named_pair(a) for a in s.children):
                return True
    return False


def complete_pair(tok: Token, parties: list[Party], lookup: Lookup) -> None:
    """"The advisers, A and B, held talks in <third country>": a named pair of whom one has no known state while
    the other's is one of the two states the article is about: the unknown one is of the other state (never of
    the venue)."""
    if not named_pair_told(tok):
        return
    unknown = [p for p in parties if p.participant is not None and p.country is None]
    known = {p.country for p in parties if p.country}
    pair = lookup.article_pair()
    if pair is None or not unknown:
        return
    if not known and len(unknown) >= 2 and _titled_pair(tok):
        # neither side's state known: the pair meets for the two states the article is about (which is whose is
        # not told, so the people keep no state)
        parties += [Party(code, None, unknown[0].start) for code in pair]
        return
    if len(unknown) != 1 or len(known) != 1 or not known <= set(pair):
        return
    other = next(c for c in pair if c not in known)
    unknown[0].country = other
    if unknown[0].participant is not None:
        unknown[0].participant.country = other


def misparsed_met_person(verb: Token) -> list[Token]:
    """"..., while X met Kenyan President Y, the presidency said": with no object, the parser may take the person
    right after "met" for the subject of the reporting verb. The named person starting within the next words
    (only their title and nationality before the name) is who was met."""
    if verb.lemma_.lower() != "meet" or any(c.dep_ in ("dobj", "attr", "oprd") or c.dep_ == "prep" and c.i > verb.i
                                            for c in verb.children):  # fmt: skip
        return []
    doc = verb.doc
    for t in doc[verb.i + 1 : min(verb.i + 6, verb.sent.end)]:
        if t.ent_type_ == "PERSON":
            root = t
            while root.head.i != root.i and root.head.ent_type_ == "PERSON" and root.dep_ == "compound":
                root = root.head
            return [root] if root.head.i != verb.i and root.dep_ in ("nsubj", "nsubjpass") else []
        if t.pos_ not in ("PROPN", "ADJ") or t.ent_type_ not in ("", "NORP"):
            return []  # only a title and a nationality may stand between "met" and the name
    return []


_PART_OF_DAY = re.compile(r"\b(?:in the (?:morning|afternoon|evening)|later in the day)\b", re.IGNORECASE)


def day_of_part_of_day(sent: Span, published: date | None, status: str) -> ResolvedDate | None:
    """"X held talks with Y in the morning": a held contact placed only by a part of the day is on the one day the
    sentence just before gives ("... used a string of meetings on Saturday"); None when that sentence gives no
    single day or this one has a time of its own."""
    if status != "held" or published is None or sent.start == 0:
        return None
    m = _PART_OF_DAY.search(sent.text)
    if m is None or find_dates(sent.text):
        return None
    prev = sent.doc[sent.start - 1].sent
    skip = dateline_end(sent.doc.text) - prev.start_char
    days = {r.date for d in find_dates(prev.text)
            if d.start >= skip and (r := resolve_date(d.text, published)).date and r.granularity == "day"}
    if len(days) != 1:
        return None
    day = days.pop()
    return ResolvedDate(day, m.group(0), "day", day)


EXCHANGE_NOUNS = frozenset({"exchange", "encounter"})


def personal_exchange(tok: Token) -> bool:
    """"had a brief exchange with Secretary of State X", "his first encounter with Y": a contact when the word has
    a named person as its "with" partner and no modifier naming what was exchanged ("a prisoner exchange with
    Russia", "an exchange of fire")."""
    if tok.lemma_.lower() not in EXCHANGE_NOUNS or tok.tag_ != "NN":
        return False
    if any(c.dep_ in ("compound", "nmod") or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    partners = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                if g.dep_ == "pobj"]  # fmt: skip
    return any(g.ent_type_ == "PERSON" for g in partners)



def apart_by_year(told: ResolvedDate | None, record: ResolvedDate | None) -> bool:
    """"The King of Jordan visited Russia in 2006", in a story on this year's visit: a contact placed only by a year
    is a background one, never the same as a contact without that year ("is on a two-day visit")."""
    if told is None or told.granularity != "year" or not told.period:
        return False
    return record is None or record.period != told.period


CONTACT_LEMMAS = frozenset({"meet", "talk", "talks", "meeting", "summit", "gathering", "conference"})


def flight_as_visit(verb: Token, places: list[Token]) -> bool:
    """"flew to Kampala on Friday", "before flying on to Tbilisi": a flight told as done is a visit to that state;
    not a flight ahead ("flies to Antalya on Wednesday") nor one whose purpose the text names as another contact
    ("flew on to X, where she is to hold talks", "for a gathering of ministers"), which is that contact."""
    if verb.tag_ not in ("VBD", "VBN", "VBG") or verb.tag_ == "VBG" and verb.dep_ != "pcomp":
        return False
    told = [t for p in places for t in p.subtree] + [t for c in verb.children if c.dep_ in ("prep", "advcl")
                                                     and c.lower_ not in ("to", "on") for t in c.subtree]
    return not any(t.lemma_.lower() in CONTACT_LEMMAS for t in told)


PAIR_FILLERS = frozenset({"and", ",", "of", "the", "'s", "’s", "-"})


def left_pair(verb: Token) -> list[Token]:
    """"In a rare moment of contact between A and B, <title> X and <title> Y spoke for ten minutes": with no subject
    in the parse (the parser hung the names on the phrase before), the two or more people named right before the
    verb, joined by "and", are its subject. Their titles and nationality words may stand between them."""
    if subject_of(verb) or verb.i == 0 or verb.doc[verb.i - 1].ent_type_ != "PERSON":
        return []
    people: list[Token] = []
    joined = False
    for t in reversed(verb.doc[verb.sent.start : verb.i]):
        if t.ent_type_ == "PERSON":
            if t.ent_iob_ == "B" or t.i == verb.sent.start:
                ent_end = t
                while ent_end.i + 1 < verb.i and verb.doc[ent_end.i + 1].ent_type_ == "PERSON" and \
                        verb.doc[ent_end.i + 1].ent_iob_ == "I":  # fmt: skip
                    ent_end = verb.doc[ent_end.i + 1]
                people.append(ent_end)
            continue
        if t.lower_ == "and":
            joined = True
            continue
        if t.lower_ in PAIR_FILLERS or t.pos_ == "PROPN" or t.ent_type_ == "NORP":
            continue
        break
    return sorted(people, key=lambda x: x.i) if len(people) >= 2 and joined else []


def verb_hung_sides(tok: Token, verb: Token | None, agent_verbs: frozenset[str]) -> tuple[list[Token], list[Token]]:
    """"The announcement followed telephone calls on Monday by the Emir of Kuwait with X and with Y": the parser
    hangs the contact noun's "by" and "with" phrases on the verb it is the object of. When that verb is no contact
    verb of its own (follow, precede), a "by" phrase after the noun is its caller and each "with" phrase a
    counterpart. ([agents], [partners]); empty when the noun has phrases of its own."""
    if verb is None or tok.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() in agent_verbs:
        return [], []
    if any(c.dep_ == "prep" and c.lower_ in ("by", "with", "between") for c in tok.children):
        return [], []
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent") and c.i > tok.i]
    agents = [g for p in preps if p.lower_ == "by" for g in p.children if g.dep_ == "pobj"]
    preps += [c for a in agents for c in a.children if c.dep_ == "prep" and c.lower_ == "with"]  # "by X with Y"
    preps += [x for p in preps for x in p.conjuncts if x.pos_ == "ADP"]  # "with X and with Y"
    partners = [g for p in preps if p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
    return (agents, partners) if agents and partners else ([], [])
