"""The time words that belong to a contact (not to another event in the same sentence)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from extractors.dates import find_dates
from extractors.meeting_syntax import CLAUSE_DEPS

_RANGE_TAIL = re.compile(r"\s*(?:-|–|to|through|until|and)\s*\d{1,2}\b")


def date_for(trigger: Token, chain: list[Token], sent: Span, extra: list[Token] | None = None) -> str | None:
    """The time words that attach to this contact (on the contact word or the verbs it hangs from); `extra` are
    further words whose time is the contact's ("talks that were due to open on Saturday": "open").
    """
    anchors = {trigger.i, *(v.i for v in chain), *(t.i for t in extra or [])}
    if chain and chain[-1].dep_ in ("advcl", "conj") and chain[-1].tag_ == "VBG":
        x = chain[-1]
        for _ in range(3):  # "agreed Monday to cooperate ..., holding talks"
            x = x.head
            anchors.add(x.i)
            if x.dep_ not in ("xcomp", "advcl", "conj"):
                break
    anchors |= {c.i for c in trigger.children if c.dep_ == "prep"}
    anchors |= {c.i for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN"}  # "talks held last week"
    # Nearer anchors win: the contact word's own time before the time of the verb that governs it
    # ("agreed on Friday to hold a summit next month" -> "next month").
    order = [trigger.i, *(c.i for c in trigger.children if c.dep_ in ("prep", "acl")), *(v.i for v in chain),
             *(t.i for t in extra or [])]
    rank = {i: k for k, i in reversed(list(enumerate(order)))}
    best: tuple[int, int, str] | None = None
    text_after = sent.text
    for m in find_dates(sent.text):
        span = sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        x = root
        hit: int | None = None
        for _ in range(5):
            if x.i in anchors:
                hit = x.i
                break
            if x.head.i in anchors and x.dep_ in (
                "npadvmod",
                "pobj",
                "prep",
                "tmod",
                "nmod",
                "poss",
                "compound",
                "amod",
                "nummod",
            ):
                hit = x.head.i
                break
            if x.dep_ in CLAUSE_DEPS or x.head is x:
                break
            if x is not root and x.pos_ in ("VERB", "AUX") and x.i not in anchors:
                break  # the time of another clause: "met X on Sunday and is expected to travel later this week"
            if x is not root and x.pos_ in ("NOUN", "PROPN") and x.i not in anchors:
                break  # the time of another thing: "during last month's trip" is the trip's time
            x = x.head
        if hit is None and trigger.pos_ == "NOUN":
            # "a 2000 summit", "the December meeting", "next month's visit"
            if any(t.i == root.i for t in trigger.children if t.dep_ in ("compound", "nummod", "amod", "poss")):
                hit = trigger.i
        if hit is None:
            continue
        text = m.text
        if text.lower().startswith("on "):
            text = text[3:]
        tail = _RANGE_TAIL.match(text_after, m.end)
        if tail:
            text = text + tail.group(0)  # "from July 13 to 14": a range gives no day
        since = sent.text[max(0, m.start - 6) : m.start].strip().lower().endswith("since")
        # "met for the first time since 2019 on Monday": a "since" time only when nothing else dates the contact
        key = (rank.get(hit, len(order)) + (100 if since else 0), abs(root.i - trigger.i), text)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None
