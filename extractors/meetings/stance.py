"""A stance toward a contact is no contact: "Moscow was not against a meeting between X and Y", "is open to talks".

`status.status_of` reads wishes and refusals from the verbs a contact word hangs from. A contact noun in a
prepositional phrase of a predicate adjective ("open to a meeting", "amenable to talks") or of "be against"
("was not against a summit") hangs from no verb, and was read as a held contact. The adjective or the "against"
says what someone thinks of a contact that has not been arranged; it reports none. A rally or a vote "against the
summit" is left alone: there the summit is real and the phrase hangs on an action verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.lexicon import NON_CONTACT_ADJS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Adjectives of attitude whose to/toward/for-phrase names what one would accept or refuse.
STANCE_ADJS = NON_CONTACT_ADJS | frozenset({"opposed", "averse", "amenable", "receptive", "hostile", "resistant"})
STANCE_PREPS = frozenset({"to", "toward", "towards", "for", "against"})


def stance_toward(trigger: Token) -> bool:
    """"was not against a meeting", "is open to talks", "remained amenable to a summit": the contact word is the
    object of an attitude, not a contact reported."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in STANCE_PREPS:
        return False
    prep = trigger.head
    holder = prep.head
    if prep.lower_ == "against":
        return holder.lemma_.lower() == "be" and holder.pos_ == "AUX"  # "was (not) against a meeting"
    return holder.pos_ == "ADJ" and holder.lower_ in STANCE_ADJS
