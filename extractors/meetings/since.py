"""The earlier contact a "first ... since <time>" implies: "a visit to Cuba, the first by a Spanish minister since
1998", "the delegations sit down on Thursday for the first time since the spring of 2022".

The annotation conventions count past contacts implied by a negative sentence ("have not held a summit since
2019") as held contacts; "the first X since <time>" says the same thing (an X took place at that time), and the
gold sets annotate it as one more held contact of the same kind and sides, dated by the "since" time, with no
participants (the earlier visitor is not the one being told). Only a time after "since" counts: "the first since
he took office" or "since the war began" names an event, not an earlier contact, and "the first in seven years"
is not annotated consistently, so it is left alone.

The mention for the contact word itself ("It was Putin's first visit to France since October 2015") is read by
`mentions` already; this module only reads a "first" that is not itself a contact word's modifier: an apposition
or adverbial "the first (by X) since ...", or "for the first time since ...".
"""

from __future__ import annotations

import copy
from datetime import date
from typing import TYPE_CHECKING

from extractors.core.dates import resolve_date
from extractors.meetings.args import Party
from extractors.meetings.lexicon import NOUN_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extractors.meetings.mentions import Mention

FIRST_WORDS = frozenset({"first"})
# how a "first" hangs on the contact word or its verb: "a visit ..., the first by ..." (apposition or adverbial),
# "was the first", "for the first time"
FIRST_DEPS = frozenset({"appos", "npadvmod", "attr", "advmod", "conj"})
TIME_NOUNS = frozenset({"time", "occasion"})


def _since_time(word: Token) -> str | None:
    """The time after a "since" hung on `word` ("since 1998", "since the spring of 2022"), None when "since"
    introduces an event ("since he took office", "since the fall of X")."""
    for c in word.children:
        if c.dep_ != "prep" or c.lower_ != "since":
            continue
        objs = [o for o in c.children if o.dep_ == "pobj"]
        if len(objs) != 1 or objs[0].ent_type_ != "DATE":
            return None
        span = list(objs[0].subtree)
        if not all(t.ent_type_ == "DATE" or t.is_punct for t in span):
            return None  # "since the fall of X in 2019": an event dated, not a time
        if not any(t.like_num or t.ent_iob_ == "B" and t.pos_ == "PROPN" for t in span):
            return None  # "since last year", "since then": no time one could date the contact by
        return word.doc[span[0].i : span[-1].i + 1].text
    return None


def _first_since(trigger: Token, chain: list[Token]) -> str | None:
    """The "since" time of a "first" that calls the contact of `trigger` the first since then."""
    holders = {trigger.i, *(v.i for v in chain)}
    own = holders | {t.i for t in trigger.subtree}
    for tok in trigger.sent:
        if tok.lower_ not in FIRST_WORDS:
            continue
        if tok.dep_ in FIRST_DEPS and tok.head.i in holders:
            found = _since_time(tok)
        elif tok.dep_ == "amod" and tok.head.dep_ in FIRST_DEPS and tok.head.head.i in own \
                and tok.head.lower_ in NOUN_KINDS:
            found = _since_time(tok.head)  # "talks with X, the first such meeting since 2023"
        elif tok.dep_ == "amod" and tok.head.lower_ in TIME_NOUNS and tok.head.dep_ == "pobj" \
                and tok.head.head.lower_ == "for" and tok.head.head.head.i in holders:
            found = _since_time(tok.head) or _since_time(tok.head.head.head)
        else:
            continue
        if found:
            return found
    return None


def earlier_contacts(trigger: Token, chain: list[Token], mentions: list[Mention], told: list[Mention],
                     published: date | None) -> list[Mention]:
    """One held mention per mention of `trigger` that a "first ... since <time>" beside it dates back: the same
    kind and sides, that time, no participants (the visitor of then is not named); a visit keeps its destination.
    `told` are the sentence's mentions so far: "arrived in X for a visit, the first since 2019" dates back once."""
    if len(mentions) != 1 or mentions[0].status not in ("held", "planned", "cancelled"):
        return []
    since = _first_since(trigger, chain)
    if since is None or any(t.distinct and not t.participants and t.date is not None and t.date.text == since
                            for t in told):
        return []
    m = mentions[0]
    if m.date is not None and m.date.text == since:
        return []  # the "since" time is all that dates the contact: read as it stands
    codes = sorted({p.country for p in m.parties if p.country})
    if len(codes) < 2:
        return []
    earlier = copy.copy(m)
    earlier.status = "held"
    earlier.parties = [Party(code, None, trigger.idx) for code in codes]
    earlier.participants = []
    earlier.date = resolve_date(since, published, future=False)
    earlier.distinct = True
    if m.kind != "visit":  # a visit's destination is the earlier visit's too; a meeting's venue is its own
        earlier.location = earlier.location_country = earlier.host_country = None
    earlier.past_plan = False
    earlier.weak = False
    return [earlier]
