"""The time words that belong to a contact (not to another event in the same sentence)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from extractors.core.datelines import find_dateline
from extractors.core.dates import day_shift, find_dates
from extractors.meetings.one_contact import since_of_other_contact
from extractors.meetings.participant_time import fused_to_subject, orphan_day, participant_clauses
from extractors.meetings.syntax import CLAUSE_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_RANGE_TAIL = re.compile(r"\s*(?:-|–|to|through|until|and)\s*\d{1,2}\b")


def date_for(trigger: Token, chain: list[Token], sent: Span, extra: list[Token] | None = None,
             shifted: bool = True) -> str | None:
    """The time words that attach to this contact (on the contact word or the verbs it hangs from); `extra` are
    further words whose time is the contact's ("talks that were due to open on Saturday": "open"). `shifted`
    False passes over words that place the contact a day from another event ("a day after").
    """
    anchors = _anchors(trigger, chain, extra)
    through = _parties_of(trigger) | _led_partners(trigger, chain)
    # Nearer anchors win: the contact word's own time before the time of the verb that governs it
    # ("agreed on Friday to hold a summit next month" -> "next month").
    order = [trigger.i, *(c.i for c in trigger.children if c.dep_ in ("prep", "acl")), *(v.i for v in chain),
             *(t.i for t in extra or [])]
    rank = {i: k for k, i in reversed(list(enumerate(order)))}
    best: tuple[int, int, str] | None = None
    # "has not sat down with X since a meeting in 2013": no contact now; the earlier one's time is the one told
    negated = any(c.dep_ == "neg" for v in [trigger, *chain] for c in v.children)
    text_after = sent.text
    head = find_dateline(sent.doc.text) if sent.start_char < 700 else None
    for m in find_dates(sent.text):
        if head is not None and head.start() <= sent.start_char + m.start < head.end():
            continue  # "BERLIN, Nov 23 (Wire) - ": the day the story was filed, not the contact's time words
        span = sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
        if span is None or len(span) == 0 or all(t.ent_type_ == "PERSON" for t in span):
            continue  # "Theresa May received X": a name, not the month
        if not shifted and day_shift(m.text) is not None:
            continue
        root = span.root
        if _after_coming_event(root):
            continue  # "talks ahead of the European Council at the end of June": the council's time
        hit = _anchor_of(root, anchors, through)
        if hit is None and trigger.pos_ == "NOUN":
            # "a 2000 summit", "the December meeting", "next month's visit"
            if any(t.i == root.i for t in trigger.children if t.dep_ in ("compound", "nummod", "amod", "poss")):
                hit = trigger.i
        if hit is None:
            hit = _inside_reported_clause(root, trigger, chain)
        if hit is None:
            continue
        text = m.text
        if text.lower().startswith("on "):
            text = text[3:]
        tail = _RANGE_TAIL.match(text_after, m.end)
        if tail:
            text = text + tail.group(0)  # "from July 13 to 14": a range gives no day
        since = sent.text[max(0, m.start - 6) : m.start].strip().lower().endswith("since")
        if since and root.dep_ == "pobj" and root.head.lower_ == "since" and since_of_other_contact(root.head, trigger):
            continue  # "met X, in the first visit by a leader since 2019": the earlier visit's time
        if not since and not negated and any(a.lower_ == "since" and a.dep_ == "prep"
                                             and a not in list(trigger.ancestors) for a in root.ancestors):
            continue  # "their first talks since a meeting in Luanda in July": the earlier meeting's time
        # "met for the first time since 2019 on Monday": a "since" time only when nothing else dates the contact
        key = (rank.get(hit, len(order)) + (100 if since else 0), abs(root.i - trigger.i), text)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is None and sent.root.i in anchors:
        return orphan_day(sent)  # "Yesterday | Zelensky spoke to X": the day word cut off before the sentence
    return best[2] if best else None


SPEECH_LEMMAS = frozenset({"say", "tell", "announce", "report", "add", "confirm"})


def _inside_reported_clause(root: Token, trigger: Token, chain: list[Token]) -> int | None:
    """"X met Y on Monday, the ministry said": the parser hangs "on Monday" on "said", but it stands inside the
    reported clause (after the contact word, before the speaker), so it is the contact's time."""
    verbs = [trigger, *chain] if trigger.pos_ in ("VERB", "AUX") else chain
    x = root.head
    for _ in range(6):
        if x.pos_ in ("VERB", "AUX") or x.head.i == x.i:
            break
        x = x.head
    if x.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    reported = [v for v in verbs if v.dep_ == "ccomp" and v.head.i == x.i]
    subjects = [c.i for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not reported or not subjects or not trigger.i < root.i < min([*subjects, x.i]):
        return None  # after the contact word, before the speech verb and its speaker
    return reported[0].i


def _anchors(trigger: Token, chain: list[Token], extra: list[Token] | None) -> set[int]:
    """The words a time phrase must hang on to be the contact's: the contact word, its prepositions and "held"
    participle, the verbs it hangs from (and those a trailing "..., holding talks" hangs from), `extra`."""
    anchors = {trigger.i, *(v.i for v in chain), *(t.i for t in extra or [])}
    if chain and chain[-1].dep_ in ("advcl", "conj") and chain[-1].tag_ == "VBG":
        x = chain[-1]
        for _ in range(3):  # "agreed Monday to cooperate ..., holding talks"
            x = x.head
            anchors.add(x.i)
            if x.dep_ not in ("xcomp", "advcl", "conj"):
                break
    anchors |= {c.i for c in trigger.children if c.dep_ == "prep"}
    if trigger.pos_ == "VERB":  # "met the US ambassador, X, on Monday": the parser hangs the time on the object
        objs = [c for c in trigger.children if c.dep_ == "dobj"]
        anchors |= {o.i for o in objs} | {a.i for o in objs for a in o.children if a.dep_ == "appos"}
    anchors |= {c.i for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN"}  # "talks held last week"
    anchors |= _occurrence_clauses(trigger)
    anchors |= _frame_verb(trigger)
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ == "NOUN":
        # "signed the accord on Tuesday at a ceremony hosted by X": the occasion's verb dates the hosting
        anchors |= {trigger.head.i} | _frame_verb(trigger.head)
    elif trigger.dep_ == "advcl" and trigger.tag_ == "VBN" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in trigger.children):
        anchors.add(trigger.head.i)  # "signed the accord on Tuesday ..., hosted by X": a participle of that event
    top = chain[-1] if chain else trigger
    if top.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children):
        anchors.add(top.head.i)  # "flew to Kampala on Monday to hold talks": the trip made for it dates it
    trip = _trip_to_where(top)
    if trip is not None:
        anchors.add(trip.i)  # "leaves today for Nairobi, where he will meet X": the day of the arrival there
    anchors |= participant_clauses(trigger, chain)
    return anchors


# Verbs of the trip that brings a traveller to the place where a contact follows ("arrived in X on Monday, where ...")
TRIP_LEMMAS = frozenset({"leave", "arrive", "fly", "travel", "head", "go", "come", "depart", "land", "reach"})


def _trip_to_where(top: Token) -> Token | None:
    """"leaves today for La Paz, where he will meet X", "landed in Hanoi on Monday, where she met Y": the trip verb
    whose destination a where-clause holding the contact hangs on; None otherwise."""
    if top.dep_ != "relcl" or not any(c.lower_ == "where" for c in top.children):
        return None
    place = top.head
    if place.dep_ == "pobj" and place.head.dep_ == "prep":
        verb = place.head.head
    elif place.dep_ == "dobj":
        verb = place.head
    else:
        return None
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in TRIP_LEMMAS else None


# Verbs that only say a contact happened: in a relative clause on the contact word ("the talks, which took place
# on Thursday", "the meeting, which was held on Monday") their time is the contact's own.
# Not "opens", "ends": a gathering's first or last day is not the day of a contact at it.
OCCURRENCE_LEMMAS = frozenset({"take", "hold", "happen", "occur"})


def _occurrence_clauses(trigger: Token) -> set[int]:
    """Relative clauses on a contact noun that tell only that it happened ("which took place on Thursday"): the
    parser hangs the time on their verb, which is no other event."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return set()
    out = set()
    # on the contact word or on a name inside its phrase ("talks with X, which took place on Monday"): people and
    # places do not "take place"
    inside = [trigger, *(t for c in trigger.children if c.dep_ in ("prep", "appos") for t in c.subtree)]
    for c in (c for t in inside for c in t.children):
        if c.dep_ != "relcl" or c.lemma_.lower() not in OCCURRENCE_LEMMAS:
            continue
        if c.lemma_.lower() == "take" and not any(o.lower_ == "place" for o in c.children if o.dep_ == "dobj"):
            continue  # "took" alone ("which took three hours") is not "took place"
        if c.lemma_.lower() == "hold" and not any(a.dep_ == "auxpass" for a in c.children):
            continue  # "talks, which held ..." is no passive "was held"
        out.add(c.i)
    return out


# Participles that name who leads a party ("a team led by X on Monday"): the parser hangs the contact's time on them.
LEADER_PARTICIPLES = frozenset({"lead", "head"})


# Prepositions by which a contact word hangs on the verb of the same event ("took part in the summit", "said during
# talks", "agreed after talks", "was announced on Thursday following a call between ..."): that verb's time is the
# contact's day
FRAME_PREPS = frozenset({"in", "at", "during", "after", "following", "before", "into", "for"})
# Prepositions of the medium of a remote contact ("informed Y by telephone on Tuesday"): the verb is the call itself
REMOTE_PREPS = frozenset({"by", "via", "over"})


def _frame_verb(trigger: Token) -> set[int]:
    """The verb a contact noun hangs on through a preposition, and the preposition: "On December 9 X took part in
    the summit", "agreed on Monday, after talks at the palace, to ..."."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "pobj":
        return set()
    prep = trigger.head
    remote = prep.lower_ in REMOTE_PREPS and trigger.lower_ in ("phone", "telephone", "videoconference", "video")
    if prep.dep_ != "prep" or prep.lower_ not in FRAME_PREPS and not remote:
        return set()
    verb = prep.head
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "took part in", "played a role in"
    elif verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.lower_ in ("in", "at") and \
            verb.head.head.pos_ == "VERB":
        verb = verb.head.head  # "was announced on Thursday in a statement following a call between ..."
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    out = {prep.i, verb.i}
    if verb.dep_ == "xcomp" or verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG":
        # "agreed on Monday to begin studies, after talks at the palace"; "established ties on Tuesday, signing
        # the accord in a ceremony"
        out.add(verb.head.i)
    told = verb.head
    if verb.dep_ == "ccomp" and told.lemma_.lower() == "tell" and any(
            c.dep_ in ("dobj", "dative") and c.ent_type_ == "PERSON" for c in told.children):
        # "X told Y on Thursday that ..., in their first meeting": the parser hangs the meeting on the reported
        # clause, but it is the telling, face to face, that took place in it
        out.add(told.i)
    return out


def _parties_of(trigger: Token) -> set[int]:
    """The names of the parties inside a contact word's own phrase ("a meeting between A and B in Lima on Monday"):
    the parser often hangs the contact's time on the last of them."""
    out: set[int] = set()
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in ("between", "with", "among"):
            out |= {t.i for t in prep.subtree if t.pos_ == "PROPN"}
    return out


# Spans of the clock a time phrase may hang on and still date the contact: "for 30 minutes from 17:35 on March 1".
CLOCK_SPANS = frozenset({"minute", "minutes", "hour", "hours"})


def _anchor_of(root: Token, anchors: set[int], through: AbstractSet[int] = frozenset()) -> int | None:
    """The anchor a time phrase (its root word) hangs on, climbing at most five heads and never into another
    clause or the phrase of another thing (`through`: names of the contact's own parties, climbed over); None when it
    hangs on none."""
    fused = fused_to_subject(root, anchors)
    if fused is not None:
        return fused
    x = root
    for _ in range(8 if through else 5):
        if x.i in anchors:
            return x.i
        if x is not root and x.dep_ == "pobj" and x.head.lower_ == "since" and not any(
                c.dep_ == "neg" for c in x.head.head.children):
            # "their first talks since a meeting in Luanda in July": the time of that other meeting; not "has not
            # met X since a meeting in 2013", where that meeting is the contact the sentence implies
            return None
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
            return x.head.i
        if x is not root and x.dep_ in ("advcl", "ccomp") and x.head.i in anchors and _fronted_over_clause(root, x):
            return x.head.i
        if x.dep_ in CLAUSE_DEPS and not _leader_of_party(x, through) or x.head is x:
            return None
        if x is not root and x.pos_ in ("VERB", "AUX") and x.i not in anchors and not _leader_of_party(x, through):
            return None  # the time of another clause: "met X on Sunday and is expected to travel later this week"
        if x is not root and x.pos_ in ("NOUN", "PROPN") and x.i not in anchors and x.i not in through and \
                x.lemma_.lower() not in CLOCK_SPANS:
            # the time of another thing ("during last month's trip" is the trip's time), unless set before the verb
            return _subject_before_verb(root, x, anchors)
        x = x.head
    return None


def _led_partners(trigger: Token, chain: list[Token]) -> set[int]:
    """"held a meeting with a delegation led by X on Tuesday": the partner noun (on the contact word or its verb)
    and the leader participle on it, which the walk from the time phrase may climb over."""
    out: set[int] = set()
    for head in (trigger, *chain):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("with", "between", "among"):
                continue
            for noun in prep.children:
                led = [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in LEADER_PARTICIPLES]
                if noun.dep_ == "pobj" and led:
                    out |= {noun.i, *(c.i for c in led)}
    return out


def _leader_of_party(verb: Token, through: AbstractSet[int]) -> bool:
    """"talks with a team led by X at the hotel on Monday": a "led by"/"headed by" participle inside the contact's
    partner phrase holds no event of its own, so the time on it is the contact's."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in LEADER_PARTICIPLES and (
        verb.head.i in through or any(t.i in through for t in verb.subtree))


def _subject_before_verb(root: Token, noun: Token, anchors: set[int]) -> int | None:
    """"X on Tuesday informed Y by telephone": a time phrase set between a subject and its verb, which the parser
    hangs on the subject, is the verb's time when that verb is the contact's."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i not in anchors:
        return None
    verb = noun.head
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "on" or prep.head.i != noun.i or not noun.i < prep.i < verb.i:
        return None
    if any(t.pos_ not in ("PUNCT",) for t in root.doc[root.i + 1 : verb.i]):
        return None  # "X on Tuesday informed Y": only the time phrase stands between subject and verb
    return verb.i


# Conjunctions of a fronted clause of time ("On March 1, hours after the vote, X met Y")
TIME_MARKS = frozenset({"after", "before", "when", "as", "while", "once"})


def _fronted_over_clause(root: Token, verb: Token) -> bool:
    """"On March 1, hours after the Senate approved the budget, X received Y": a time phrase that opens the
    sentence, before a fronted clause of time, is the main clause's time, though the parser hangs it on the
    clause's verb (a time inside the clause, after its conjunction, stays the clause's)."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in TIME_MARKS), None)
    if mark is None or not root.i < mark.i < verb.i < verb.head.i:
        return False
    start = root.sent.start
    if root.i - start > 3 or any(t.pos_ in ("VERB", "AUX") for t in root.doc[start : mark.i]):
        return False  # the sentence opens with the time phrase, and no verb stands before the clause
    return any(t.is_punct for t in root.doc[root.i + 1 : mark.i])


def _after_coming_event(root: Token) -> bool:
    """"for talks with X ahead of the European Council at the end of June": a time phrase right after an event
    named by "ahead of" or "prior to" is that later event's time, though the parser may hang it on the contact."""
    x = root  # up to the preposition that opens the time phrase ("at the end of June")
    while x.dep_ in ("pobj", "prep") and x.head.i < x.i and (x.head.pos_ == "ADP" or x.head.ent_type_ in
                                                             ("DATE", "TIME")):
        x = x.head
    start = x.left_edge.i
    if start == 0:
        return False
    h = root.doc[start - 1]
    for _ in range(4):
        if h.dep_ not in ("compound", "amod", "nmod", "poss", "case", "det", "punct"):
            break
        h = h.head
    if h.dep_ != "pobj" or h.i >= start or h.right_edge.i != start - 1:
        return False
    prep = h.head
    return prep.lower_ == "of" and prep.head.lower_ == "ahead" or prep.lower_ == "to" and prep.head.lower_ == "prior"
