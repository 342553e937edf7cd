"""Which of a contact's words names its kind, when several are merged into one record.

The rank of `lexicon.KIND_RANK` decides between words that each name the contact. Two kinds of words do not:
- a contact word that only dates, places or motivates another one in its sentence ("Before the start of the
  summit, X held a meeting with Y", "will see each other at the G20 summit", "will meet to prepare for the
  summit", "After the four-party talks, X had a meeting with Y"): it names another event, not this contact;
- a verb of hosting ("hosted", "received", "welcomed", "signed") says a contact took place but not what it was,
  so the talks it is told with name it ("hosted X at State House, where the two leaders held talks");
- talks held in a "where" clause on a meeting's own clause ("met in Lima, where they held 70 minutes of talks") tell
  what that meeting was, and name it;
- negotiations measured in weeks or years ("reached after three years of negotiations") are a process, not a
  sitting, and name nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.lexicon import LEADER_TITLES, PARTICIPATION_VERBS
from extractors.meetings.tours import regional_tour
from extractors.meetings.triggers import trigger_kind

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extractors.meetings.mentions import Mention
    from extractors.meetings.merge import Record

# Prepositions that set one event in time beside another ("before the summit", "ahead of the talks").
TIME_PREPS = frozenset("before after since ahead following prior until during".split())
# Nouns through which a contact word tells another event's time, venue or purpose ("on the eve of the summit").
FRAME_NOUNS = frozenset("eve run-up sideline sidelines margin margins outcome result agenda preparation".split())
# Verbs whose default kind is "meeting" only because someone was received or something done together.
HOSTING_VERBS = frozenset("host receive welcome sign ink spend".split())


def _ancestors(tok: Token) -> list[Token]:
    out = []
    while tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


def _named_gathering(tok: Token) -> bool:
    """"the G20 summit", "the ASEAN summit", "the Summit of the Americas": a gathering with its own name, at which
    others meet (not "a summit in Geneva", which may be the contact itself)."""
    named = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")
             and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "EVENT", "NORP") or c.text.isupper())]
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return bool(named) or any(g.pos_ == "PROPN" for g in of)


def framed_by(m: Mention, other: Mention) -> bool:
    """Whether `m`'s word only dates, places or motivates `other`'s in their sentence: on the way from `m` up to
    the word governing both there is a preposition of time, "at" a named gathering, or, for the object of a
    preposition, another verb or a noun of time or purpose ("to prepare for the summit", "set the agenda for that
    dialogue", "on the eve of the summit")."""
    a, b = m.trigger, other.trigger
    if a.i == b.i or a.sent.start != b.sent.start or other.weak:
        return False
    if hosting_word(other):
        return False  # "During the visit, he will sign an agreement with X": the signing says no kind of its own
    if any(c.dep_ == "poss" and c.lower_ == "their" for c in a.children):
        return False  # "signed an accord after their summit": the signers' own contact, not another event
    above_b = {t.i for t in _ancestors(b)} | {b.i}
    path: list[Token] = []
    for t in _ancestors(a):
        if t.i in above_b:
            break
        path.append(t)
    else:
        return False
    # "prepare for the summit"; not "where the two held talks", "held two hours of talks"
    oblique = a.dep_ == "pobj" and not _spanned(a)
    for t in path:
        if t.dep_ == "prep" and t.lower_ in TIME_PREPS:
            return True
        if t.dep_ == "prep" and t.lower_ == "at" and _named_gathering(a):
            return True
        if oblique and (t.pos_ == "VERB" or t.lemma_.lower() in FRAME_NOUNS):
            return True
    return False


def hosting_word(m: Mention) -> bool:
    """A verb of hosting or doing together, whose "meeting" says only that a contact took place."""
    return m.trigger.pos_ in ("VERB", "AUX") and m.trigger.lemma_.lower() in HOSTING_VERBS


# Nouns of a long span: "three years of negotiations" tells a process, not one sitting.
PROCESS_SPANS = frozenset({"year", "month", "week", "decade"})


def _process(m: Mention) -> bool:
    """"The agreement, reached after three years of negotiations": negotiations or talks measured in weeks or
    years are an ongoing process (no contact by ANNOTATION.md), so they do not name the contact they led to."""
    t = m.trigger
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in PROCESS_SPANS


def names_kind(m: Mention, told: list[Mention]) -> bool:
    """Whether `m` may give its kind to the record whose mentions so far are `told`."""
    if told and _process(m):
        return False
    return not any(framed_by(m, o) for o in told)


def displaces(m: Mention, rec_kind: str, told: list[Mention]) -> bool:
    """Whether `m` replaces the kind the record has from `told`: every word that gave it that kind is framed by `m`
    ("After the talks, X had a meeting with Y"), or was a verb of hosting and `m` names talks."""
    givers = [o for o in told if o.kind == rec_kind]
    if not givers or m.kind == rec_kind:
        return False
    if all(framed_by(o, m) for o in givers):
        return True
    return m.kind == "talks" and rec_kind == "meeting" and _held(m) and all(
        hosting_word(o) or _held_there(m, o) for o in givers)


def _held_there(m: Mention, meeting: Mention) -> bool:
    """"X and Y met on the sidelines of the forum in Lima, where they held 70 minutes of talks": talks held in a
    "where" clause hung on the meeting's own clause tell what the meeting was, in more words."""
    verb = m.trigger.head if m.trigger.pos_ not in ("VERB", "AUX") else m.trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children):
        return False
    return any(a.i == meeting.trigger.i for a in _ancestors(verb)) and meeting.trigger.pos_ in ("VERB", "AUX")


# Nouns that measure how long talks lasted ("held two hours of talks").
SPAN_NOUNS = frozenset({"hour", "minute", "day"})


def _spanned(t: Token) -> bool:
    """"two hours of talks": the contact word measured by its length, which stands in its place in the clause."""
    if t.dep_ != "pobj" or t.head.lower_ != "of" or t.head.head.lemma_.lower() not in SPAN_NOUNS:
        return False
    span = t.head.head
    return span.dep_ == "dobj" and span.head.lemma_.lower() in PARTICIPATION_VERBS


def _held(m: Mention) -> bool:
    """Talks told as taking place ("the two leaders held talks", "the talks lasted an hour", "they talked"), not
    talks named in passing ("a gathering of the six-party talks", "in the way of any talks", "described the talks
    as frank")."""
    t = m.trigger
    if t.pos_ in ("VERB", "AUX") or t.dep_ in ("nsubj", "nsubjpass"):
        return True
    if _spanned(t):
        t = t.head.head  # "held nearly two hours of talks": the talks are held through their length
    return t.dep_ == "dobj" and t.head.lemma_.lower() in PARTICIPATION_VERBS


def described_by_summit(tok: Token) -> bool:
    """"signed a declaration after three hours of talks at the palace, the first summit between the two countries":
    an apposition calling the contact word `tok` of its clause a summit, wherever the parser hangs it (an
    apposition on the venue, on the verb's object)."""
    for s in tok.sent:
        if s.lower_ != "summit" or not (s.dep_ == "appos" or loose_apposition(s)):
            continue
        if s.head.i == tok.i:
            if loose_apposition(s):
                return True  # "last met in Geneva in January, a summit at which ...", hung loose on the verb
            continue  # an apposition on `tok` itself is read with its other modifiers
        x = s.head
        for _ in range(3):
            if x.i == tok.i:
                return True
            if trigger_kind(x) is not None:
                break
            if x.pos_ in ("VERB", "AUX"):
                if any(c.i == tok.i for c in x.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")):
                    return True
                break
            if x.head.i == x.i:
                break
            x = x.head
    return False


def loose_apposition(s: Token) -> bool:
    """"met in Geneva in January, a summit at which ...": a noun phrase set off by a comma after its clause that the
    parser hangs on the verb (as a bare `dep`, even as its object); its article and the comma before it show it
    renames the clause's contact rather than naming a new one."""
    if s.dep_ not in ("dep", "dobj", "npadvmod") or s.head.pos_ not in ("VERB", "AUX") or s.i < 2:
        return False
    first = s.left_edge
    return first.i > 0 and s.doc[first.i - 1].text == "," and first.lower_ in ("a", "an", "the", "their")


def leaders_round(m: Mention) -> str:
    """The kind of a mention, with a round of talks held by a head of state or government ("a second round of talks
    with President X") read as talks: negotiation rounds are held by delegations, negotiators and envoys."""
    if m.kind != "negotiation" or m.trigger.lower_ != "talks":
        return m.kind
    here = m.sent.text
    # only leaders the round's own sentence names ("the last round of talks between the two countries" lends the
    # pair's leaders no part in it)
    roles = [(p.role or "").lower() for p in m.participants if p.name and p.name.split()[-1] in here]
    leader = any(t in r and not r.startswith(("vice", "deputy")) for r in roles for t in LEADER_TITLES)
    return "talks" if leader else m.kind


# Verbs that tell only where someone is ("was in Addis Ababa", "is expected in Islamabad", "is due in Beijing"): they
# place a visitor, but the meeting is what the sentence tells.
PRESENCE_VERBS = frozenset("be expect due stay remain".split())
# Gatherings a trip may be made for ("is due in Beijing for the Belt and Road Forum"): the trip is the gathering's.
GATHERING_NOUNS = frozenset("forum summit conference congress assembly games olympics expo meeting meetings".split())


def _for_gathering(tok: Token) -> bool:
    """A trip made for a named gathering ("due in Beijing next week for the Belt and Road Forum"): the visit is the
    gathering's, and the talks held beside it are what the text tells of the pair."""
    heads = [tok, tok.head] if tok.head.i != tok.i else [tok]
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "to"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.lower_ in GATHERING_NOUNS and _named_gathering(g):
                        return True
    return False


# Words that call a contact a visit. Words of motion ("flew to Tehran, where she held talks", "arrived in Nairobi
# and met") only bring the visitor to the talks or meeting, which the text names in its own words.
VISIT_WORDS = frozenset({"visit", "visits", "trip", "trips"})


def visit_names_contact(visit: list[Mention]) -> bool:
    """Whether the words of a visit name the contact it is folded with: the text calls it a visit ("will pay an
    official visit to X. During the visit, he will hold talks with Y", "became the first minister to visit X, where
    he met Y"), not only a word of motion or presence ("flew to X, where she held talks", "is expected in X"), nor
    the guest's epithet ("visiting"), a tour of a region or a trip made for a named gathering."""
    named = False
    for m in visit:
        t = m.trigger
        if t.lemma_.lower() in PRESENCE_VERBS or t.lower_ in PRESENCE_VERBS or regional_tour(t):
            return False
        if t.lemma_.lower() == "tour" or _for_gathering(t):
            return False
        named = named or t.lower_ in VISIT_WORDS or t.lemma_.lower() == "visit" and t.pos_ == "VERB"
    return named


def told_kind(rec: Record) -> str:
    """The kind a record is reported with. A visit and the one meeting held during it are one contact
    (ANNOTATION.md), and the visit is what the text tells: the meeting or talks are what the visitor did there ("will
    pay an official visit ... During the visit, X will hold talks with Y", "flew into X, where she met Y"). Words
    that say more than a visit (a summit, a dialogue, a round of negotiations) keep their kind. The record keeps its
    meeting kind inside the pipeline: dating and placing treat it as the meeting it is."""
    if rec.folded_visit and rec.kind in ("meeting", "talks"):
        return "visit"
    return rec.kind
