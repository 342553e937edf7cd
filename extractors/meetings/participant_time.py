"""Time words a contact takes from its participants' words rather than from its own clause.

Two shapes carry a contact's day outside the contact word's phrase:

- a relative clause on a participant that tells the arrival which brings the participant to the contact, or the
  call itself ("X, who flew into Honiara on Sunday afternoon, met Y", "the call was with Y, who rang on Thursday
  evening"). The annotation conventions let a day come from the participant's clause. Only arrivals and calls:
  "X, who took office on June 15, visited Y" or "Y, whose government signed a deal in 2019" date other events.
  These clauses rank below the contact's own time words, so "X, who arrived on Sunday, met Y on Monday" keeps
  Monday.
- a fronted weekday the parser fuses into the subject's name ("On Saturday Conte had a call with ...": "Saturday"
  read as a compound of "Conte"), or sets before it with no comma ("Yesterday Zelensky spoke to ..."), or cuts off
  as a sentence of its own: the time of the subject's verb.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# verbs of a relative clause that bring a participant to the contact's place; not "leave" or "head" (the contact
# may be days after a departure)
ARRIVAL_LEMMAS = frozenset({"arrive", "land", "fly", "reach"})
# verbs of a relative clause that are the call itself ("Y, who rang on Thursday", "Y, who phoned her on Monday")
CALL_LEMMAS = frozenset({"ring", "call", "phone", "telephone"})
PARTNER_PREPS = frozenset({"with", "to", "from", "by"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_DAY_WORDS = _WEEKDAYS | {"yesterday", "today", "tonight", "tomorrow"}


def participant_clauses(trigger: Token, chain: list[Token]) -> set[int]:
    """The verbs of arrival or calling in relative clauses on the contact's subject or partner."""
    people: list[Token] = []
    for head in (trigger, *chain):
        for c in head.children:
            if c.dep_ in SUBJECT_DEPS or c.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
                people.append(c)
            elif c.dep_ == "prep" and c.lower_ in PARTNER_PREPS:
                people += [o for o in c.children if o.dep_ == "pobj"]
    out: set[int] = set()
    for person in people:
        if person.pos_ not in ("PROPN", "NOUN") or not _is_person(person):
            continue
        for clause in person.children:
            if clause.dep_ != "relcl" or clause.tag_ not in ("VBD", "VBN"):
                continue
            lemma = clause.lemma_.lower()
            if lemma == "call" and any(c.dep_ in ("xcomp", "ccomp", "oprd") or c.dep_ == "prep" and
                                       c.lower_ in ("for", "off") or c.dep_ == "dobj" and c.pos_ != "PRON" and
                                       c.ent_type_ != "PERSON" for c in clause.children):
                continue  # "who called for restraint on Monday", "who called the vote": no call to anyone
            if lemma in CALL_LEMMAS or lemma in ARRIVAL_LEMMAS or _touched_down(clause):
                out.add(clause.i)
    return out


def _is_person(tok: Token) -> bool:
    """A named person or an official's title ("the Tongan prime minister"): not a country, a body or a place."""
    return tok.ent_type_ == "PERSON" or tok.pos_ == "NOUN" and tok.ent_type_ not in PLACE_OR_BODY


PLACE_OR_BODY = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})


def _touched_down(t: Token) -> bool:
    return t.lemma_.lower() == "touch" and any(c.dep_ == "prt" and c.lower_ == "down" for c in t.children)


def fused_to_subject(root: Token, anchors: AbstractSet[int]) -> int | None:
    """The verb whose subject a fronted day word was fused into by the parser ("On Saturday Conte had ...",
    "Yesterday Zelensky spoke ...", "On Saturday Tusk, Macron and Merz spent ...", the first name read as the object
    of "On"), when that verb is an anchor of the contact; None otherwise."""
    if root.lower_ not in _DAY_WORDS or root.ent_type_ == "PERSON":
        return None
    noun = root.head
    if root.dep_ not in ("compound", "nmod", "npadvmod") or noun.i == root.i or noun.i < root.i:
        return None
    if any(t.pos_ not in ("PROPN", "PUNCT") for t in root.doc[root.i + 1 : noun.i]):
        return None  # only the name's words stand between the day and the name's head
    before = root.doc[root.i - 1] if root.i > root.sent.start else None
    if noun.dep_ in SUBJECT_DEPS:
        verb = noun.head
        if before is not None and not (before.lower_ == "on" and before.head.i == verb.i):
            return None  # "On Saturday Conte had ...": the "on" hangs on the verb; else the day opens the sentence
    elif noun.dep_ == "pobj" and noun.ent_type_ == "PERSON" and before is not None and before.i == noun.head.i \
            and before.lower_ == "on":
        verb = before.head
    else:
        return None
    return verb.i if verb.i in anchors and verb.pos_ in ("VERB", "AUX") else None


def orphan_day(sent: Span) -> str | None:
    """A day word the parser cut off as a sentence of its own right before this one, on the same line ("Yesterday |
    Zelensky spoke to ...", under a live blog's headline line): the time of this sentence's main verb."""
    if sent.start == 0:
        return None
    prev = sent.doc[sent.start - 1].sent
    words = [t for t in prev if not t.is_space and not t.is_punct]
    if len(words) != 1 or words[0].lower_ not in _DAY_WORDS:
        return None
    if any("\n" in t.text_with_ws for t in sent.doc[words[0].i : sent.start]):
        return None  # (the tokens' own text: `doc.text` is rebuilt from all tokens on each read)
    return words[0].text
