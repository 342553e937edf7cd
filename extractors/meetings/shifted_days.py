"""A contact dated one day from another event: which event, and in which direction.

"A day after" words date a contact from the event on their other side. When the contact word comes first ("met X
..., just a day after a bumpy start in parliament"), the words date the contact from the event after them; when
that event has no day of its own, the contact's own time words ("travelled to Paris on Wednesday, meeting X") still
give its day. When the contact stands in the clause the words introduce ("The call came a day after X and Y met"),
the parser hangs "a day" on the verb of the other event ("came"): the contact is a day before that event, whose
day the story told just before (the call) or the other event's own time words give.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from extractors.core.dates import ResolvedDate, day_shift, resolve_date
from extractors.meetings.time import date_for

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MARKS = frozenset({"after", "before"})


def own_day_beside_shift(tok: Token, chain: list[Token], sent: Span, extra: list[Token], date_text: str,
                         published: date | None, future: bool) -> ResolvedDate | None:
    """The contact's own day when its word comes before "a day after ..." words and other time words of its own
    give a day ("travelled to X on Wednesday, meeting Y a day after Z"); None otherwise."""
    at = sent.text.find(date_text)
    if at < 0 or tok.idx >= sent.start_char + at or not date_text.lower().rstrip().endswith(tuple(MARKS)):
        return None
    other = date_for(tok, chain, sent, extra, shifted=False)
    if not other:
        return None
    got = resolve_date(other, published, future=future)
    if not got.date:
        return None
    if elliptical(sent.text, at + len(date_text)):
        # "arrived on Sunday ..., where he had met X the day before": no event follows the words, so they count
        # from the day told before them, which is not the contact's own
        before = sent.text.rfind(other, 0, at)
        shift = day_shift(date_text)
        if before < 0 or shift is None:
            return None
        day = (date.fromisoformat(got.date) + timedelta(days=shift)).isoformat()
        return ResolvedDate(day, date_text, "day", day)
    return got


def elliptical(text: str, end: int) -> bool:
    """Whether shift words ending at `end` stand alone ("..., the day before.", "the day before, their first
    meeting"): nothing but punctuation follows them, so the event they count from was told before them."""
    after = text[end:]
    return not after.strip(" ,.;:\"'\u201d)") or after.lstrip()[:1] in (",", ".", ";", ")")


def shift_from_other_clause(tok: Token, chain: list[Token]) -> tuple[str, int] | None:
    """"The call came a day after X and Y met": the words ("a day after") and the contact's shift from the event of
    the clause they hang on (-1: a day before it), when the contact's clause is the one "after"/"before" opens."""
    for verb in (tok, *chain):
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "advcl":
            continue
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in MARKS), None)
        if mark is None:
            continue
        for c in verb.head.children:
            if c.dep_ != "npadvmod" or c.i > mark.i:
                continue
            words = verb.doc[c.left_edge.i : mark.i + 1].text
            shift = day_shift(words)
            if shift is not None and c.right_edge.i + 1 == mark.i:
                return words, -shift
        return None
    return None


def reversed_shift(tok: Token, chain: list[Token], sent: Span, date_text: str) -> int | None:
    """"The call came a day after X and Y met", the parser hanging "a day" on "after": the words open the contact's
    own clause, so the contact is a day before the event told around them (-1), not a day after it; None when the
    words do not open the contact's clause."""
    shift = day_shift(date_text)
    low = date_text.lower().rstrip()
    if shift is None or not low.endswith(tuple(MARKS)):
        return None
    at = sent.start_char + sent.text.find(date_text)
    word = next((t for t in sent if t.idx >= at + len(date_text) - len(low.split()[-1]) and t.lower_ in MARKS), None)
    if word is None or word.idx > tok.idx:
        return None
    verbs = {tok.i, *(v.i for v in chain)}
    opens = word.dep_ == "mark" and word.head.i in verbs or word.dep_ == "prep" and any(
        t.i == tok.i for o in word.children if o.dep_ in ("pobj", "pcomp") for t in o.subtree)
    return -shift if opens else None
