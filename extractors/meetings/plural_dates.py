""""Held summits with X in Singapore in June 2018 and in Hanoi in February 2019": a plural contact word told with
two or more times is one contact per time.

ANNOTATION.md asks for one entry per real-world contact; summits, meetings, visits or calls on different days are
different contacts even when one clause tells them. "Talks", "negotiations" and "consultations" are plural for one
contact and are left alone.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import TYPE_CHECKING

from extractors.core.dates import find_dates, resolve_date
from extractors.meetings.another import vague_plural

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extractors.meetings.mentions import Mention


def _time_phrase(t: Token) -> str:
    """The words that can date the contact word: its own phrase, or the phrase of the verb it is the object of."""
    head = t.head if t.dep_ == "dobj" and t.head.pos_ == "VERB" else t
    other = {x.i for c in head.children if c.dep_ in OTHER_CLAUSES for x in c.subtree}  # "..., and the two met again"
    return "".join(x.text_with_ws for x in head.subtree if x.i not in other)


OTHER_CLAUSES = frozenset({"conj", "cc", "advcl", "ccomp", "relcl", "parataxis"})


def one_per_time(t: Token, mentions: list[Mention], published: date | None) -> list[Mention]:
    """A copy of the one mention of plural contact word `t` for each further time its clause gives (the first
    time stays the mention's own), each dated by its time and kept apart from the others."""
    if len(mentions) != 1 or not vague_plural(t) or mentions[0].status != "held":
        return []
    m = mentions[0]
    if m.date is None or not m.date.text or len({p.country for p in m.parties if p.country}) < 2:
        return []
    times = [d.text for d in find_dates(_time_phrase(t))]
    if len(set(times)) < 2 or m.date.text not in times:
        return []
    out = []
    for text in dict.fromkeys(times):
        if text == m.date.text:
            continue
        other = copy.copy(m)
        other.date = resolve_date(text, published, future=False)
        other.distinct = True
        other.location = other.location_country = other.host_country = None  # "in Hanoi" may be either's
        out.append(other)
    return out
