"""Cues that a mention of a pair already told is another contact of that pair, or the same one told again.

ANNOTATION.md asks for one entry per distinct real-world contact. `merge` folds a mention into the record of its
pair when status, kind class, time and people agree, and a mention that names fewer than two states only adds to the
contact just told. Both go wrong when the words themselves say the contact is another one: "the last round of talks
between the two countries was held in October 2000", "their previous meeting, in Washington in May", "the last such
visit was in 2011" (an earlier contact), "the two presidents then co-chaired the first meeting of the council" (a
body's session after the talks), "the defence ministers of the two countries would start negotiations" (a contact
of other officials, agreed by the leaders). And "met again ... for the second day of the same talks" says the
opposite: the same contact. These read the parse of the mention's own words, not word lists of the stories.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.apart import COUNTING, round_head
from extractors.meetings.lexicon import LEADER_TITLES
from extractors.meetings.planned import JOINT_BODIES, OFFICE_PLURALS
from extractors.meetings.syntax import agents_of, governing_chain

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extractors.core.types import Participant
    from extractors.meetings.mentions import Mention

EARLIER_WORDS = frozenset({"last", "previous", "preceding", "prior"})
MODIFIER_DEPS = frozenset({"amod", "advmod", "nummod", "det"})


def _counters(m: Mention) -> list[Token]:
    """The contact word and the "round"/"session" it hangs from ("the last round of talks")."""
    head = round_head(m.trigger)
    return [m.trigger, *([head] if head is not None else [])]


def earlier_marked(m: Mention) -> bool:
    """"The last round of talks", "their previous meeting", "the last such visit": a contact noun the words place
    before another of its kind, told as done. Not "the next round", not a verb ("last met" is `mentions._recalled`),
    and not "the last day of the talks" (the word counts the day, not the contact)."""
    if m.status != "held" or m.trigger.pos_ not in ("NOUN", "PROPN") or vague_plural(m.trigger):
        return False
    return any(c.lower_ in EARLIER_WORDS and c.dep_ in MODIFIER_DEPS for t in _counters(m) for c in t.children)


PLURAL_ONLY = frozenset({"talks", "negotiations", "consultations"})


def vague_plural(t: Token) -> bool:
    """"Records of previous meetings", "future visits": a plural of a countable contact word names no one contact
    (not "talks", "negotiations", which are plural for one)."""
    return t.tag_ in ("NNS", "NNPS") and t.lower_ not in PLURAL_ONLY


def _placed_apart(m: Mention, date_text: str | None, location: str | None, status: str) -> bool:
    """An earlier contact is told apart from the record it would join by a time or place of its own, or by the
    record being no held contact (a plan): "the previous session was held in Bali" after "agreed to hold the next"."""
    if status != "held":
        return True
    if m.date is not None and m.date.text and m.date.text != date_text:
        return True
    return bool(m.location and location and m.location != location)


def earlier_pair(m: Mention, countries: set[str], last_countries: set[str] | None, last_status: str | None,
                 last_date: str | None, last_location: str | None) -> set[str] | None:
    """The states of an earlier contact of the pair just told ("The last such visit was in December 2011, when ..."):
    the mention's own two states, else those of the contact talked about just before when its own named states are
    among them. None when the words do not mark an earlier contact or nothing tells it apart."""
    if not earlier_marked(m) or last_countries is None or last_status is None:
        return None
    pair = set(countries) if len(countries) >= 2 else set(last_countries)
    if len(pair) != 2 or not countries <= pair:
        return None
    if not _placed_apart(m, last_date, last_location, last_status):
        return None
    return pair


def body_session(m: Mention) -> str | None:
    """"The first meeting of the Turkish-Azerbaijani High-Level Strategic Council": a contact word counted by an
    ordinal and belonging to a standing body is that body's session, a contact of its own beside the talks told
    before it. The body's noun is returned (its lemma), None when the words count no body's session."""
    t = m.trigger
    if t.pos_ not in ("NOUN", "PROPN") or not any(c.lower_ in COUNTING and c.dep_ in ("amod", "nummod")
                                                  for c in t.children):  # fmt: skip
        return None
    for prep in t.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for body in prep.children:
            if body.dep_ == "pobj" and body.lemma_.lower() in JOINT_BODIES:
                return body.lemma_.lower()
    return None


def other_body_session(m: Mention, told: list[Mention]) -> bool:
    """A body's counted session after a contact of the pair that was no session of that body."""
    body = body_session(m)
    if body is None:
        return False
    return not any(body_session(x) == body or any(t.lemma_.lower() == body for t in x.trigger.subtree) for x in told)


OFFICIAL_HEADS = OFFICE_PLURALS - {"presidents", "premiers", "leaders", "chiefs"} | {"teams"}


def _group_heads(m: Mention) -> list[Token]:
    """The subject nouns of the contact: "the defence ministers of the two countries would start negotiations"."""
    chain = governing_chain(m.trigger)
    out: list[Token] = []
    for v in [m.trigger, *chain]:
        if v.pos_ in ("VERB", "AUX"):
            out += agents_of(v)
            if out:
                break
    return out


def _leaders_only(parts: list[Participant], told: list[Mention]) -> bool:
    """The contact of record is the leaders': its named people all hold a leader's office, or it was told by "the
    two leaders/presidents" with nobody named."""
    if parts:
        return all(p.role and any(w in p.role.lower() for w in LEADER_TITLES) for p in parts)
    heads = [h for x in told for h in _group_heads(x)]
    return bool(heads) and all(h.lemma_.lower() in ("leader", "president", "premier") for h in heads)


def other_officials(m: Mention, parts: list[Participant], told: list[Mention]) -> bool:
    """"They also agreed that the foreign ministers of the two countries would conduct negotiations", "delegations
    from the two countries are expected to meet": a contact still to come of officials other than the leaders whose
    planned contact it would join (their next summit, a visit) is another contact. Told as done, "the delegations
    held talks" is as often the delegation-level part of the leaders' summit, so only plans count."""
    if m.status != "planned" or not m.group or m.participants:
        return False
    heads = _group_heads(m)
    if not heads or not all(h.lower_ in OFFICIAL_HEADS for h in heads):
        return False
    return _leaders_only(parts, told)


def same_contact_told(m: Mention) -> bool:
    """"The two leaders met again on Tuesday for the second day of the same talks": "again" counts a day of one
    contact the words call the same; the mention is no other contact."""
    return any(t.lower_ == "same" and t.dep_ == "amod" and t.head.pos_ in ("NOUN", "PROPN")
               and t.head.lemma_.lower() in SESSION_NOUNS for t in m.sent)  # fmt: skip


SESSION_NOUNS = frozenset({"talk", "talks", "meeting", "session", "summit", "visit", "negotiation", "dialogue"})


def counts_two(m: Mention) -> bool:
    """"Delegations from the two countries", "both sides": the group the mention stands for is a pair."""
    return any(t.lower_ in ("two", "both") and t.dep_ in ("nummod", "det", "predet", "amod") and t.head.tag_ == "NNS"
               for t in m.sent)  # fmt: skip


def pair_among_many(m: Mention, countries: set[str], last_countries: set[str] | None,
                    pairs: list[tuple[set[str], int]]) -> set[str] | None:
    """"The call followed a three-way call with the EU envoy. Delegations from the two countries are expected to
    meet": "the two" after a contact of more than two states are the pair the story is about, the two-state contact
    among them told most often (the first on a tie), not all the states of the gathering just told. `pairs` are the
    two-state contacts so far with their number of mentions, in text order."""
    if not m.group or len(countries) >= 2 or last_countries is None or len(last_countries) <= 2 or not counts_two(m):
        return None
    fits = [(pair, n) for pair, n in pairs if countries <= pair <= last_countries]
    if not fits:
        return None
    best = max(range(len(fits)), key=lambda i: (fits[i][1], -i))
    return set(fits[best][0])


FOLLOW_UP_GAP = 120  # tokens: about four sentences after the contact just told


def unnamed_follow_up(m: Mention, last_mentions: list[Mention], last_countries: set[str]) -> bool:
    """"Military talks to implement the accord would be held as soon as possible": a contact still to come, told with
    no party, no state and no back-reference ("the talks") in its sentence, a few sentences after a contact of two
    states, is that pair's follow-up (the accord is theirs). A sentence naming any state or nationality ("talks on
    Syria would resume") is about others."""
    if m.status != "planned" or m.countries or m.anaphoric or m.group or m.listed or m.participants:
        return False
    if m.trigger.pos_ not in ("NOUN", "PROPN") or vague_plural(m.trigger) or len(last_countries) != 2 \
            or not last_mentions:
        return False
    if any(c.dep_ in ("det", "poss") for c in m.trigger.children):
        return False  # "the talks", "their meeting", "a meeting" of someone told before
    if any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in m.sent):
        return False
    return 0 <= m.sent.start - last_mentions[-1].sent.end <= FOLLOW_UP_GAP
