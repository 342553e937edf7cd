"""A title written as its initials ("EAM", "the PM") stands for the person the article names with that title.

Shared by the quote speakers and the meeting parties, so "EAM said" and "EAM met X" find the same person."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


# Courtesy words that are no part of a title ("Mr. Taro Kono"); "of" joins title words without an initial.
COURTESIES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "lady", "lord"})


def initials_holder(doc: Doc, word: str) -> Span | None:
    """The one PERSON entity whose capitalised title words before it have `word` as their initials (one leading
    word more is allowed: "Union External Affairs Minister"), else None."""
    if not (word.isalpha() and word.isupper() and 2 <= len(word) <= 5):
        return None
    found: dict[str, Span] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        j = ent.start - 1
        initials = ""
        while j >= 0 and ent.start - j <= 6 and (doc[j].text[:1].isupper() or doc[j].lower_ == "of"):
            t = doc[j]
            if t.lower_.rstrip(".") not in COURTESIES and t.lower_ != "of":
                initials = t.text[0] + initials
            j -= 1
        if initials.endswith(word) and len(initials) - len(word) <= 1:
            found.setdefault(ent.text.split()[-1].lower(), ent)
    return next(iter(found.values())) if len(found) == 1 else None
