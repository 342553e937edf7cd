"""Held, planned, cancelled, or not a contact at all: the status a sentence gives a meeting word.

Classic event coders code "will meet" as a meeting and a denied summit as a summit; here tense, modals, the
governing verbs ("agreed to", "refused to", "called off"), negation and conditions decide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.ahead import under_discussion, wished_for
from extractors.meetings.itinerary import present_itinerary
from extractors.meetings.lexicon import (
    CANCEL_VERBS,
    NON_CONTACT_ADJS,
    NON_CONTACT_NOUNS,
    NON_CONTACT_VERBS,
    PLANNED_MODIFIERS,
    PLANNED_VERBS,
)
from extractors.meetings.one_contact import visit_under_way
from extractors.meetings.planned import future_relative
from extractors.meetings.precision import since_taking_office
from extractors.meetings.stance import stance_toward
from extractors.meetings.syntax import aux_words
from extractors.meetings.triggers import due_in

if TYPE_CHECKING:
    from spacy.tokens import Token

ONGOING_VERBS = frozenset({"visit", "tour", "stay", "pay"})
MOVE_VERBS = frozenset({"postpone", "delay", "defer", "move", "push", "reschedule"})
DENIAL_VERBS = frozenset({"deny", "dismiss", "refute", "rule", "reject", "refuse", "decline", "disavow"})
# A plan told in the past perfect ("had been scheduled to") is one that fell through.
PAST_PLAN_LEMMAS = frozenset({"plan", "schedule", "due", "set", "slate", "expect", "intend"})
FRAME_TIME_PREPS = frozenset({"during", "at", "after", "before", "on"})
FUTURE_DATE_WORDS = ("next", "later", "coming", "tomorrow", "upcoming", "this week", "near future", "soon")


def status_of(trigger: Token, chain: list[Token], date_text: str | None, sentence_text: str) -> str | None:
    """held | planned | cancelled, or None when the text does not report a contact (negated, hypothetical,
    proposed, refused, wished for).

    `chain` is the verbs the contact word hangs from (`syntax.governing_chain`); the noun's own
    modifiers, those verbs' auxiliaries and lemmas, and a future time word decide. Past contacts implied by a
    negation ("have not met since 2019") are held, as the annotation conventions ask.
    """
    low_sent = sentence_text.lower()
    discussed = under_discussion(trigger)  # "to discuss a possible visit by X next year": under discussion
    if _denied_or_hypothetical(trigger) and not discussed or _nothing_did_it(chain) or stance_toward(trigger) \
            or wished_for(chain):
        return None
    planned = False
    for i, v in enumerate(chain):
        aux = aux_words(v)
        lemma = v.lemma_.lower()
        if "not" in aux or "n't" in aux or "never" in aux or any(c.lower_ == "never" for c in v.children):
            if "since" in low_sent and not since_taking_office(trigger):
                return "held"  # "have not met since 2019" reports a past contact
            return None
        if v is not trigger and not _sibling_conjunct(chain, i):
            if lemma in MOVE_VERBS and any(c.dep_ == "prep" and c.lower_ in ("to", "until", "till", "for") and
                                           any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree)
                                           for c in v.children):  # fmt: skip
                return "planned"  # "postponed to December 8": the same contact, at its new date
            if lemma in CANCEL_VERBS or lemma == "call" and any(c.lower_ == "off" for c in v.children):
                return "cancelled"  # "called off the talks", "postponed the visit"
            if _non_contact_verb(v) and not (lemma == "welcome" and v is chain[0]):
                return None
            if v.pos_ == "ADJ" and lemma in NON_CONTACT_ADJS:
                return None
        if lemma in PAST_PLAN_LEMMAS and "had" in aux:
            return "cancelled"  # "had been scheduled to meet", "had planned to visit": it did not happen
        if aux & {"will", "shall", "'ll", "would", "may", "might", "wo", "going", "'d"}:
            planned = True
        if "could" in aux or "should" in aux or "must" in aux:
            return None
        if v is not trigger and lemma in PLANNED_VERBS:
            planned = True
        if due_in(v) is not None:
            planned = True  # "is due in Tokyo for talks", "is expected in Islamabad"
        if i > 0 and lemma == "be" and chain[i - 1].dep_ == "xcomp":
            planned = True  # "is to meet"
        if v.tag_ == "VBG" and "going" in {c.lower_ for c in v.children}:
            planned = True
        if v is chain[0] and v.tag_ == "VBG" and aux & {"is", "are", "'s", "am"} and lemma not in ONGOING_VERBS:
            planned = True  # "is meeting X later today"; not "who is visiting Japan" (a visit under way)
    if _prepared_for(trigger) or _future_frame(chain) or present_itinerary(chain) or (
            future_relative(trigger) and not visit_under_way(trigger)):  # "is on a visit that will take him to X"
        planned = True
    for c in trigger.children:
        if c.lower_ in PLANNED_MODIFIERS and c.dep_ in ("amod", "compound", "advmod", "nmod"):
            planned = True  # "the expected visit", not "met X and is expected to travel" (another clause)
    if any(m in low_sent.split() for m in ("if", "unless", "whether")):
        if any(t.lower_ in ("if", "unless", "whether") and t.head in chain for t in trigger.sent):
            return None
    ongoing = bool(chain) and chain[0].tag_ == "VBG" and chain[0].lemma_.lower() in ONGOING_VERBS and bool(
        aux_words(chain[0]) & {"is", "are", "'s", "am"}
    )  # "who is visiting Japan this week": under way, whatever the week
    past_words = bool(date_text) and any(w in date_text.lower().split() for w in ("earlier", "last", "previous"))
    this_span = bool(date_text) and date_text.lower().strip() in ("this week", "this month")
    told_past = bool(chain) and chain[0].tag_ == "VBD" and not planned  # "visited Kyiv this week": over
    if date_text and not past_words and any(w in date_text.lower() for w in FUTURE_DATE_WORDS) and not (
        (ongoing or told_past) and this_span or _later_same_day(date_text, told_past or not chain and
                                                              trigger.sent.root.tag_ == "VBD")
    ):
        planned = True
    if not chain and trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "at", "on", "after"):
        frame = trigger.head.head
        if frame.pos_ in ("VERB", "AUX") and aux_words(frame) & {"will", "shall", "'ll"}:
            planned = True  # "During the visit, the two ministers will sign ...": a visit still to come
    if discussed:
        return "planned"
    if not chain and not planned:
        # A bare noun phrase ("Abe's visit to Russia"): the governing words decide; default held.
        return "held"
    return "planned" if planned else "held"


def _sibling_conjunct(chain: list[Token], i: int) -> bool:
    """"agreed to press ahead with X and to hold the next round of talks": the first verb of a coordination is a
    sibling of the contact verb, not a verb that governs it; its wishing or cancelling says nothing of the contact
    (the verb both hang from, reached next in the chain, still does)."""
    return i > 0 and chain[i - 1].dep_ == "conj" and chain[i - 1].head.i == chain[i].i


def _later_same_day(date_text: str, told_past: bool) -> bool:
    """"later in the day", "later that evening" told in the simple past: a step of a day already told, not a
    plan."""
    words = date_text.lower().split()
    parts = {"day", "evening", "afternoon", "morning", "night"}
    return told_past and words[:1] == ["later"] and bool(set(words) & parts) and bool({"that", "the"} & set(words))


# Nouns of groundwork: what they are "for" is still ahead ("paved the way for a meeting", "preparations for the
# summit").
# "preparations for", "plans for", "arrangements for", "an invitation for" a visit: the visit is still ahead.
GROUNDWORK_NOUNS = frozenset({"way", "stage", "groundwork", "ground", "path", "preparation", "preparations", "plan",
                              "plans", "arrangement", "arrangements", "invitation"})


def _prepared_for(trigger: Token) -> bool:
    """"cleared the way for talks", "set the stage for a summit", "preparations for the visit", "work toward a
    summit": a contact that the groundwork laid makes possible has not happened yet."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "pobj":
        return False
    if trigger.head.lower_ in ("toward", "towards"):
        return True  # "agreed to work toward a summit", "a step towards talks": the contact is still ahead
    if trigger.head.lower_ != "for":
        return False
    holder = trigger.head.head
    if holder.pos_ in ("VERB", "AUX"):  # the parser may hang "for" on the verb: "paved (the way) (for X)"
        return any(c.dep_ == "dobj" and c.lower_ in GROUNDWORK_NOUNS for c in holder.children)
    return holder.lemma_.lower() in GROUNDWORK_NOUNS or holder.lower_ in GROUNDWORK_NOUNS


def _denied_or_hypothetical(trigger: Token) -> bool:
    """No contact by the words around the contact word: "no meeting", "the proposed summit", "the importance of
    holding talks", "denied reports that they would meet", "no plans to meet"."""
    # The noun itself: "no meeting", "an upcoming visit", "the proposed summit".
    if trigger.pos_ in ("NOUN", "PROPN"):
        for c in trigger.children:
            if c.lower_ in ("no",) and c.dep_ == "det":
                return True
            if c.lower_ in ("proposed", "possible", "potential", "hypothetical"):
                return True
        # "the importance of holding talks", "calls for a summit", "efforts on resuming talks"
        x = trigger
        for _ in range(4):
            h = x.head
            if h is x or x.dep_ == "prep" and x.lower_ in FRAME_TIME_PREPS:
                break  # "invited X during their talks": the meeting frames the invitation, is not its content
            if h.lemma_.lower() in NON_CONTACT_NOUNS and h.pos_ == "NOUN":
                return True
            if x.dep_ in ("pobj", "dobj") and h.dep_ == "pcomp" and h.head.head.lemma_.lower() in NON_CONTACT_NOUNS:
                return True
            x = h
    for anc in _ancestors_in_clause(trigger):
        if anc.lemma_.lower() in DENIAL_VERBS:
            return True  # "denied reports that they would meet", "ruled out a summit"
        if anc.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in anc.children):
            return True  # "no plans to meet", "no intention of visiting"
    return False


def _nothing_did_it(chain: list[Token]) -> bool:
    """"no date has been discussed", "no one met the envoy", "nobody visited": the subject of the contact verb
    denies it, as "no" before a contact noun does."""
    if not chain or chain[0].pos_ not in ("VERB", "AUX"):
        return False
    for c in chain[0].children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.lower_ in ("nobody", "none") or c.lower_ == "one" and any(d.lower_ == "no" for d in c.children):
            return True
        if any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True
    return False


def _non_contact_verb(v: Token) -> bool:
    """A verb of wishing, proposing or refusing, also where the tagger lemmatised it wrongly ("hopes" -> "hop"):
    the word itself is then checked as an inflection of one."""
    if v.lemma_.lower() in NON_CONTACT_VERBS:
        return True
    low = v.lower_
    return v.pos_ == "VERB" and any(
        low.endswith(end) and low[: len(low) - len(end)] + add in NON_CONTACT_VERBS
        for end, add in (("s", ""), ("d", ""), ("ed", ""), ("ing", ""), ("ing", "e"))
    )


FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "wo"})


def _future_frame(chain: list[Token]) -> bool:
    """A purpose or a "before/after" clause shares the time of the clause it hangs on: "will fly to X on Monday
    before going on to Y to see Z", "would travel to X to meet Y" (the meeting is as future as the trip)."""
    if not chain:
        return False
    x = chain[-1]
    for _ in range(4):
        if x.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
            x = x.head  # "(going on to Paris) to see X"
        elif x.dep_ == "pcomp" and x.head.lower_ in ("before", "after") and x.head.head.pos_ in ("VERB", "AUX"):
            x = x.head.head  # "(would make a trip) before going on"
        else:
            break
        if aux_words(x) & FUTURE_AUX:
            return True
    return False


def _ancestors_in_clause(tok: Token) -> list[Token]:
    """The ancestors of `tok` up to the top of a relative clause: in "X, who met Y in May, rejected the plan" the
    rejection is of the plan, not of the meeting told in the clause."""
    out: list[Token] = []
    x = tok
    while x.head.i != x.i and not (x.dep_ == "relcl" and any(c.tag_ in ("WP", "WDT", "WP$") for c in x.children)):
        x = x.head
        out.append(x)
    return out
