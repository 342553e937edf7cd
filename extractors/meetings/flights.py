"""A flight told in the headline-style simple present with a time ahead is a planned visit.

"Japanese Prime Minister X flies to Egypt on Saturday": nothing in the verb marks the future, but the day named is
still ahead, so the trip is scheduled (`itinerary.present_itinerary` then makes its status planned). A present-tense
flight with no time stays out, as before (`pairs.flight_as_visit`), since wire leads use it for trips whose contact
the text tells by another word; so does a flight whose purpose names another contact ("for talks with Y"), and a
private traveller's ("British tourist X flies to Nairobi on Sunday"). The headline-style lead names its traveller;
"He flies to Beijing next month" at the end of a story on another matter is an aside (a near miss of round 8).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.core.dates import WEEKDAYS
from extractors.meetings.itinerary import present_itinerary

if TYPE_CHECKING:
    from spacy.tokens import Token

FLIGHT_CONTACTS = frozenset({"meet", "talk", "talks", "meeting", "summit", "gathering", "conference"})
AHEAD_WORDS = frozenset({"tomorrow", "next", "later", "coming"})


def _time_ahead(verb: Token) -> bool:
    """A time phrase of the verb that names a day or a time still ahead ("on Saturday", "next week", "tomorrow")."""
    for t in verb.subtree:
        if t.ent_type_ not in ("DATE", "TIME"):
            continue
        if t.lower_ in WEEKDAYS or t.lower_ in AHEAD_WORDS:
            return True
    return False


def present_flight(verb: Token, places: list[Token]) -> bool:
    """"flies to Egypt on Saturday": a trip verb in the simple present with a time ahead, whose purpose names no
    other contact ("flies to X on Monday for talks with Y": the talks are the contact)."""
    if not present_itinerary([verb]) or not _time_ahead(verb):
        return False
    from extractors.meetings.precision import non_state_actor  # late: precision imports the trigger reader

    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(c.pos_ == "PRON" or non_state_actor(c) for c in subjects):
        return False  # "British tourist X flies to Nairobi on Sunday": a private trip
    told = [t for p in places for t in p.subtree] + [t for c in verb.children if c.dep_ in ("prep", "advcl")
                                                     and c.lower_ not in ("to", "on") for t in c.subtree]
    return not any(t.lemma_.lower() in FLIGHT_CONTACTS for t in told)
