"""A contact noun that points back ("the meeting", "their talks") is either the contact already told or, when its
own words give it another time, an earlier contact of the same pair.

ANNOTATION.md asks for one entry per real-world contact, and held, planned and past contacts of one pair are
different contacts. Two cues decide it from the mention's own phrase, not from the sentence around it (a sentence
may tell another contact's day: "had spoken by telephone on Monday to prepare the meeting"):
- its own time: "following their telephone talk on December 5, 2023, and their meeting in Tokyo in November 2023"
  after a meeting on February 21 names two earlier contacts, not the meeting just told;
- no time of its own and a definite determiner: "to prepare the meeting", "expected to sign a deal at the summit"
  retell the contact of that kind already told, whatever status the clause around them suggests.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.core.dates import find_dates
from extractors.meetings.apart import COUNTING
from extractors.meetings.lexicon import KIND_CLASS
from extractors.meetings.past_contacts import trailing_time

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from extractors.core.dates import ResolvedDate
    from extractors.meetings.mentions import Mention
    from extractors.meetings.merge import Record

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
DEFINITE = frozenset({"the", "their", "this", "that"})
NEW_WORDS = frozenset({"next", "new", "another", "further", "future", "first", "second", "third", "last",
                       "previous", "prior", "upcoming", "annual", "regular", "such", "more"})  # fmt: skip


def own_phrase(t: Token) -> str:
    """The words of the contact noun's own phrase ("their meeting in Tokyo in November 2023")."""
    doc = t.doc
    return doc[t.left_edge.i:t.right_edge.i + 1].text


def own_time(m: Mention) -> bool:
    """The mention's time is told inside its own noun phrase, not borrowed from the sentence."""
    t = m.trigger
    if m.date is None or not m.date.text or t.pos_ not in ("NOUN", "PROPN"):
        return False
    if m.date.text in own_phrase(t) or m.date.text == trailing_time(t):
        return True  # "their summit in X, in November": the time the parser hung on a word above
    # "the two leaders will continue their talks in Tokyo the following day": the time of the verb that holds it;
    # not of one that only talks about it ("praised the talks in a statement on Wednesday")
    return t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.lemma_.lower() in HOLDING_VERBS \
        and m.date.text in own_phrase(t.head)


HOLDING_VERBS = frozenset({"hold", "have", "convene", "continue", "resume", "reconvene", "renew", "restart", "begin",
                           "start", "open", "conclude", "end", "wrap", "attend", "chair", "host", "co-chair", "join"})


def definite_reference(m: Mention) -> bool:
    """"the meeting", "their talks": a contact noun with a definite determiner and nothing in its own phrase that
    makes it a contact of its own: no counting word ("the next meeting", "the eighth meeting", "their first
    summit"), no name or body ("the JMC meeting", "the meeting of the joint commission") and no time."""
    t = m.trigger
    if t.pos_ not in ("NOUN", "PROPN") or m.distinct or m.series or m.participants and not m.group:
        return False
    if not any(c.lower_ in DEFINITE and c.dep_ in ("det", "poss") for c in t.children):
        return False
    prepared = groundwork_object(t)  # "to prepare the council meeting": the one told, whatever names it
    for c in t.children:
        if c.lower_ in NEW_WORDS or c.lower_ in COUNTING or _ORDINAL.fullmatch(c.lower_):
            return False
        if not prepared and (c.dep_ in ("compound", "nmod", "nummod") or c.dep_ == "prep" and c.lower_ == "of"):
            return False
    verb = t.head if t.dep_ == "dobj" and t.head.pos_ == "VERB" else None
    if verb is not None and (verb.lemma_.lower() in RESUMING_VERBS or find_dates(own_phrase(verb))):
        return False  # "to resume the talks in two weeks": another session, told by the verb that holds it
    return not find_dates(own_phrase(t))


RESUMING_VERBS = frozenset({"resume", "continue", "reconvene", "renew", "restart"})


def retold(m: Mention, countries: set[str], records: list[Record]) -> Record | None:
    """The record a definite back-reference with no time of its own retells: the latest contact of the same states
    and kind class, of any status (the clause's status words belong to the sentence's other verbs)."""
    if len(countries) < 2 or not definite_reference(m) or own_time(m):
        return None
    same = [r for r in records if r.countries == countries and r.kind_class == KIND_CLASS[m.kind] and not r.series]
    if not same or any(r.status == m.status for r in same):
        return None  # a record of the clause's own status is there: `merge` joins it as before
    return same[-1]


def earlier_by_own_time(m: Mention, countries: set[str], last: Record | None,
                        conflict: Callable[[ResolvedDate | None, ResolvedDate | None], bool]) -> set[str] | None:
    """The pair of "their meeting in Tokyo in November 2023" told after a contact of that pair on another day: a
    back-reference whose own phrase gives a time that cannot be the last contact's (`conflict(last_date,
    mention_date)`) is another contact of the same two states, not a detail of the last one."""
    if last is None or len(last.countries) != 2 or len(countries) >= 2 or not countries <= last.countries:
        return None
    if m.status != "held" or m.distinct or not (m.anaphoric or m.group) or not own_time(m):
        return None
    if last.date is None:  # "their meeting in Tokyo in November 2023" after a contact told with no time
        return set(last.countries) if _YEAR.search(m.date.text) else None
    return set(last.countries) if conflict(last.date, m.date) else None


def described_by_pronoun(t: Token) -> bool:
    """"This was the third meeting between the two ministers", "It was their first summit": the contact word
    describes the contact just told (the copula's subject points back to it), so its ordinal counts that contact
    and makes no other one."""
    if t.dep_ != "attr" or t.head.lemma_ != "be":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that") for c in t.head.children)


GROUNDWORK_VERBS = frozenset({"prepare", "arrange", "organise", "organize", "finalise", "finalize"})


def groundwork_object(t: Token) -> bool:
    """"held talks to prepare the summit", "met to prepare for a visit": the contact is what the clause's people
    work toward, not a contact those people hold."""
    verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "for" else t.head if t.dep_ == "dobj" else None
    return verb is not None and verb.lemma_.lower() in GROUNDWORK_VERBS


def drop_preparers(m: Mention) -> None:
    """The people of a prepared contact are those its own phrase names ("to prepare the visit of X"), not the
    preparers the clause's subject names."""
    if groundwork_object(m.trigger) and m.participants:
        phrase = own_phrase(m.trigger)
        m.participants = [p for p in m.participants if p.name in phrase]
