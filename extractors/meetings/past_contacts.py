"""Earlier, held contacts of a pair told in the background of a story about a newer one.

ANNOTATION.md asks for one entry per real-world contact, and a past contact of the same two states is a contact of
its own whenever its words place it before the one the story is about. These read the grammar of the contact's own
clause, not the stories' wording:
- an adverb on the contact's verb that puts it before the story's time: "have visited Iran before", "had
  previously met", "last met" (`told_earlier`); such a visit is no frame of the story's meeting;
- "twice" on a held contact's verb in the perfect counts two contacts ("had travelled to Tunis twice in the past
  month"): one more mention (`second_of_two`);
- "recalled the state visit of X to Australia in November 2024": the parser hangs the visit's "to <place>" on the
  verb of recalling; a "to" right after the visit's own phrase is the visit's destination
  (`misattached_destination`);
- "at their summit in Woodside, California, in November": the time the parser hangs on a word above the contact
  noun, right after its own words, is the contact's own (`trailing_time`), so `backref` can tell it apart;
- "will take it up again when X visits Y in June": the present of a time clause under a future verb is a plan, the
  near miss of "when she visited Y in June" (`present_under_future`).
"""

from __future__ import annotations

import copy
from datetime import date
from typing import TYPE_CHECKING

from extractors.core.dates import find_dates, resolve_date
from extractors.meetings.lexicon import NOUN_KINDS, VERB_KINDS
from extractors.meetings.plural_dates import OTHER_CLAUSES
from extractors.meetings.syntax import governing_chain

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extractors.meetings.mentions import Mention

# adverbs that place the contact before the story's time: "had previously met", "have visited Iran before"
EARLIER_ADVERBS = frozenset({"previously", "before", "last", "twice"})


def _contact_verbs(t: Token) -> list[Token]:
    """The contact word's verb: itself, or the verb it is the object of ("had held talks")."""
    if t.pos_ in ("VERB", "AUX"):
        return [t]
    return governing_chain(t)[:1]


def _earlier_adverb(v: Token, words: frozenset[str]) -> bool:
    """An adverb of `words` on `v` itself, with nothing hung on it ("before" as an adverb, not "before the
    summit" or "before he left")."""
    return any(c.dep_ == "advmod" and c.lower_ in words and not list(c.children) for c in v.children)


def told_earlier(t: Token) -> bool:
    """"Both of whom have visited Iran before", "had previously travelled to X", "X last visited Y in 2019": the
    contact's own verb places it before the story's time, so it is an earlier contact, never the one told."""
    return any(_earlier_adverb(v, EARLIER_ADVERBS) or _counted_twice(v) for v in _contact_verbs(t))


def second_of_two(t: Token, mentions: list[Mention], published: date | None) -> list[Mention]:
    """"Had travelled to Tunis twice in the past month": a held contact verb in the perfect counted by "twice" is
    two background contacts; the copy is the second (both kept apart from the story's contact and each other)."""
    if len(mentions) != 1 or t.pos_ not in ("VERB", "AUX") or mentions[0].status != "held":
        return []
    if not _counted_twice(t) or not _perfect(t):
        return []  # "met twice on Tuesday" tells the story's own day, whose second meeting is told on its own
    m = mentions[0]
    if len(m.countries) < 2:
        return []
    m.distinct = True
    other = copy.copy(m)
    other.participants = list(m.participants)
    other_clauses = {x.i for c in t.children if c.dep_ in OTHER_CLAUSES for x in c.subtree}  # "..., aides said"
    words = "".join(x.text_with_ws for x in t.subtree if x.i not in other_clauses)
    times = list(dict.fromkeys(d.text for d in find_dates(words)))
    if m.date is not None and len(times) == 2 and m.date.text == times[0]:
        other.date = resolve_date(times[1], published, future=False)  # "had met twice, in 2019 and 2021"
    return [other]


def _perfect(v: Token) -> bool:
    """"had travelled", "has visited": a perfect tells the background, before the story's time."""
    return v.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children)


def _counted_twice(v: Token) -> bool:
    """"travelled there twice", or "twice this spring" (the parser hangs "twice" on the time phrase)."""
    return any(c.lower_ == "twice" and (c.head.i == v.i and c.dep_ == "advmod"
                                        or c.head.head.i == v.i and c.head.dep_ == "npadvmod")
               for c in v.subtree)  # fmt: skip


def misattached_destination(t: Token) -> list[Token]:
    """The place of "recalled the visit of X to Australia in November": a "to" phrase the parser hung on the verb
    whose object the visit noun is, standing right after the noun's own words."""
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "dobj":
        return []
    verb = t.head
    after = t.right_edge.i + 1
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to" and c.i == after:
            return [g for g in c.children if g.dep_ == "pobj"]
    return []


TIME_CLAUSE_MARKS = frozenset({"when", "once", "after", "before", "until", "while", "as"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "would"})


def present_under_future(chain: list[Token]) -> bool:
    """"They will take the matter up again when Sheinbaum visits Bogota in June": a time clause in the simple
    present under a future main verb tells a future contact (English uses the present there); the near miss of
    "when she visited Brasilia in June", which is a past one."""
    if not chain or chain[0].tag_ not in ("VBZ", "VBP") or chain[0].dep_ != "advcl":
        return False
    v = chain[0]
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_CLAUSE_MARKS and c.i < v.i for c in v.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in v.head.children)


def trailing_time(t: Token) -> str | None:
    """"commitments the two made at their summit in Woodside, California, in November": the parser hangs a time
    right after a contact noun's own words on a word above it (the verb, a noun the contact hangs from); standing
    there, with nothing between but a comma, it is the contact's own time."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = t.doc
    i = t.right_edge.i + 1
    if i < len(doc) and doc[i].is_punct and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].dep_ != "prep" or doc[i].lower_ not in ("in", "on"):
        return None
    prep = doc[i]
    if prep.head.i == t.i or prep.head not in t.ancestors:
        return None
    if prep.head.lemma_.lower() in VERB_KINDS or prep.head.lower_ in NOUN_KINDS:
        return None  # "last met on the sidelines of the summit in Bali in November": the time of the meeting above
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    if len(objs) != 1 or objs[0].ent_type_ != "DATE":
        return None
    span = [x for x in objs[0].subtree if x.ent_type_ == "DATE"]
    return doc[span[0].i : span[-1].i + 1].text if span else None
