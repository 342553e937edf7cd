"""Contacts of more than two parties: who takes part when the words name a group, a format or a share.

Kept apart from `mentions` (which reads one contact word's arguments) because each rule here adds parties the
ordinary reading of a contact word misses when more than two states meet:

- "the six countries agreed to hold the next round": a counted group of states stands for the gathering of that
  many states told before (`group_size`, resolved in `merge`);
- "the next summit in the Normandy format": a standing format named after the contact word (`format_after`);
- "talks between A and B, with the participation of the European Commission": a third party joining
  (`joining_parties`);
- "informed X about the trilateral meeting held the previous day with A and B": a three-way contact told by one of
  its parties (`n_way_parties`), whose own state completes the count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.args import Lookup, Party, parties_of, with_conjuncts
from extractors.meetings.lexicon import FORMATS, OFFICIAL_NOUNS
from extractors.meetings.syntax import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# "the six countries", "the three leaders", "all four sides": a counted group of states or of their officials.
COUNT_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
STATE_GROUP_NOUNS = frozenset("country nation state side party government delegation leader minister president "
                              "premier negotiator".split())


def group_size(tokens: list[Token]) -> int:
    """The count of a plural group of states or officials among `tokens` ("the six countries", "the three
    leaders"), 0 when none is counted. "two" is left to the pair rules of `mentions`."""
    for t in tokens:
        if t.tag_ != "NNS" or t.lemma_.lower() not in STATE_GROUP_NOUNS and t.lower_ not in OFFICIAL_NOUNS:
            continue
        for c in t.children:
            if c.dep_ == "nummod" and c.lower_ in COUNT_WORDS:
                return COUNT_WORDS[c.lower_]
    return 0


def counted_subjects(chain: list[Token]) -> list[Token]:
    """The subjects of the verbs a contact word hangs from, and of the verb a coordinated infinitive shares its
    subject with ("the six countries had agreed to press ahead ... and to hold the next round")."""
    out: list[Token] = []
    for v in chain:
        out += [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


FORMAT_PREPS = frozenset({"in", "of", "under"})


def format_after(tok: Token) -> tuple[str, ...]:
    """"the next summit in the Normandy format", "a meeting of the six-party format": the states of a standing
    format (`lexicon.FORMATS`) named in a phrase right after the contact noun."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return ()
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in FORMAT_PREPS:
            continue
        words = _joined_words(tok.doc[c.i : c.right_edge.i + 1].text)
        found = next((FORMATS[w] for w in words if w in FORMATS), ())
        if found:
            return found
    return ()


def _joined_words(text: str) -> list[str]:
    """Lower-cased words with hyphenated compounds joined again ("six - party" -> "six-party")."""
    return text.lower().replace(" - ", "-").replace(" -", "-").replace("- ", "-").split()


# "with the participation of X", "with X's mediation", "in the presence of X": X joins the contact as a party.
JOINING_NOUNS = frozenset({"participation", "involvement", "mediation", "presence", "attendance", "facilitation"})


def joining_parties(tok: Token) -> list[Token]:
    """The third parties a "with the participation of X" phrase adds to the contact word `tok` (the phrase hangs on
    the contact word, on the noun it heads, or on the verb it is the object of)."""
    holders = [tok]
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        holders.append(tok.head.head)  # "the next stage of the talks, with the participation of X"
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass"):
        holders.append(tok.head)  # "held talks with the participation of X"
    out: list[Token] = []
    for h in holders:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("with", "in"):
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in JOINING_NOUNS:
                    continue
                out += [c for c in noun.children if c.dep_ == "poss"]
                out += [g for of in noun.children if of.dep_ == "prep" and of.lower_ == "of"
                        for g in of.children if g.dep_ == "pobj"]  # fmt: skip
    return with_conjuncts(out)


N_WAY = {"trilateral": 3, "tripartite": 3, "three-way": 3, "three-party": 3, "three-nation": 3,
         "quadrilateral": 4, "four-way": 4, "four-party": 4, "four-nation": 4}  # fmt: skip


def n_way(tok: Token) -> int:
    """The number of parties a contact noun's own words give ("the trilateral meeting", "a three-way leaders'
    summit"), or 0. Hyphenated words come split by the tokenizer ("three", "-", "way")."""
    words = _joined_words(tok.doc[tok.left_edge.i : tok.i].text)
    return next((N_WAY[w] for w in words if w in N_WAY), 0)


def acl_partners(tok: Token) -> list[Token]:
    """"the trilateral meeting (he) held in Moscow with A and B": the counterparts of the clause on the noun."""
    out: list[Token] = []
    for v in tok.children:
        if not (v.dep_ == "acl" and v.tag_ == "VBN" or v.dep_ == "relcl"):
            continue  # "the meeting held with A and B", "the meeting he held with A and B"
        out += [g for p in v.children if p.dep_ == "prep" and p.lower_ == "with"
                for g in p.children if g.dep_ == "pobj"]  # fmt: skip
    return with_conjuncts(out)


def teller(tok: Token) -> list[Token]:
    """The subject of the clause a contact noun is told in ("X informed Y about the results of the trilateral
    meeting", "ministers met ..., agreeing to work toward a three-way summit"): climbing verbs that have no
    subject of their own."""
    v = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    for _ in range(4):
        if v is None:
            return []
        subs = [s for s in subject_of(v) if s.tag_ not in ("WDT", "WP")]
        if subs:
            return with_conjuncts(subs)
        if v.dep_ in ("advcl", "xcomp", "conj", "acl") and v.head.i != v.i:
            v = v.head if v.head.pos_ in ("VERB", "AUX") else next(
                (a for a in v.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            continue
        return []
    return []


def add_multilateral_parties(tok: Token, parties: list[Party], lookup: Lookup) -> None:
    """Parties of a contact of more than two the ordinary reading missed: a format named after the contact noun, a
    third party joining by participation, and the parties of an N-way contact told by one of them."""
    have = {p.country for p in parties if p.country}
    for code in format_after(tok) + revived_format(tok):
        if code not in have:
            parties.append(Party(code, None, tok.idx))
            have.add(code)
    for t in joining_parties(tok):
        for p in parties_of(t, lookup):
            if p.country and p.country not in have:
                parties.append(p)
                have.add(p.country)
    size = n_way(tok) if tok.pos_ in ("NOUN", "PROPN") else 0
    if not size or len(have) >= size and not acl_partners(tok):
        return
    partners = [p for t in acl_partners(tok) for p in parties_of(t, lookup) if p.country]
    told = [p for t in teller(tok) for p in parties_of(t, lookup) if p.country]
    own = {p.country for p in partners + told}
    if partners and len(own) == size:
        # "briefed Y about the trilateral meeting held with A and B": the teller and A and B, not the one briefed
        parties[:] = _unique(told + partners)
        return
    if len(have | own) == size:  # "agreeing to work toward a three-way summit": the parties of the clause
        parties += [p for p in _unique(told + partners) if p.country not in have]


def _unique(parties: list[Party]) -> list[Party]:
    out: list[Party] = []
    for p in parties:
        if not any(q.country == p.country and q.participant == p.participant for q in out):
            out.append(p)
    return out


RECEPTION_VERBS = frozenset({"receive", "host", "welcome"})
LATER_WORDS = frozenset({"later", "afterwards", "afterward", "subsequently"})


def later_reception(tok: Token) -> bool:
    """"X received A and B together at the palace later in the day": a host receiving guests after the contact
    just told (the guests' own meeting) is a contact of its own, never merged into that one."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in RECEPTION_VERBS or tok.tag_ != "VBD":
        return False  # "looks forward to receiving X later this year": a plan, told once
    return any(c.lower_ in LATER_WORDS and c.dep_ == "advmod" and tok.i in (c.head.i, c.head.head.i)
               for c in tok.subtree)  # "received X later", "received X later in the day"


def fronted_subjects(verb: Token) -> list[Token]:
    """"On Saturday A, B, C and D spent the day in Kyiv with E": with no comma after the time, the parser reads
    "Saturday A" as the object of "On" and starts the subject at B, or leaves the verb without one; the people
    named in that fronted phrase are subjects too. Only named people, in a time phrase right before the subject."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    subs = subject_of(verb)
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i or not any(t.ent_type_ in ("DATE", "TIME") for t in prep.subtree):
            continue
        hi = prep.right_edge.i
        # name heads after the time word (the tagger often misses a bare surname there: "On Tuesday Raisi, ...")
        people = [t for t in prep.subtree if t.pos_ == "PROPN" and t.dep_ in ("pobj", "conj", "appos")
                  and t.ent_type_ not in ("DATE", "TIME", "GPE", "NORP")]  # fmt: skip
        if not people:
            continue
        if not subs:
            return people
        nxt = verb.doc[hi + 1 : hi + 3]
        if len(nxt) == 2 and nxt[0].lower_ in (",", "and") and nxt[1].i == subs[0].left_edge.i:
            return people  # "On Tuesday A, B and C held talks": B and C the parser's subject, A fronted
    return []


LIST_WORDS = frozenset({"PROPN", "NOUN", "ADJ", "PART", "DET"})


def run_on_partners(tok: Token) -> list[Token]:
    """"a session with the ministers of A, B and C and EU foreign policy chief X": a counterpart list whose last
    "and" the parser left dangling (hanging the last name on the verb) runs on to the named person after it."""
    out: list[Token] = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        last = prep.doc[prep.right_edge.i]
        if last.dep_ != "cc" or last.lower_ != "and":
            continue
        run = []
        for t in prep.doc[last.i + 1 : min(last.i + 10, tok.sent.end)]:
            if t.pos_ not in LIST_WORDS and t.tag_ != "HYPH":
                break
            run.append(t)
        ids = {t.i for t in run}
        heads = [t for t in run if t.head.i not in ids]
        if len(heads) == 1 and heads[0].ent_type_ == "PERSON":
            out.append(heads[0])
    return out


SPAN_HEADS = frozenset({"day", "days", "hour", "hours", "week", "weeks", "round", "rounds", "session", "sessions"})


def gathered_people(tok: Token) -> list[Token]:
    """"Three days of talks in X, hosted by A, brought together B, C and D": the named officials a contact noun (or a
    span of it, "three days of talks") is said to bring together, and the host of the participle clause on it."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    holder = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in SPAN_HEADS:
        holder = tok.head.head
    verb = holder.head
    if holder.dep_ != "nsubj" or verb.lemma_.lower() != "bring" or not any(
            c.lower_ == "together" for c in verb.children):
        return []
    out: list[Token] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        lo, hi = obj.left_edge.i, obj.right_edge.i
        out += [e.root for e in verb.sent.ents if e.label_ == "PERSON" and lo <= e.start and e.end - 1 <= hi]
    if len(out) < 2:
        return []  # "brought together the two sides": left to the group rules
    for v in holder.children:  # "hosted by A"
        if v.dep_ == "acl" and v.lemma_.lower() == "host":
            out += [g for a in v.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    return out


def place_hung_partners(verb: Token) -> list[Token]:
    """"were due to sit down in the Ethiopian capital with Angolan President X": the parser hangs the "with" phrase
    on the place noun; a named person there is the verb's counterpart (a capital has no company)."""
    out: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            continue
        for place in (g for g in prep.children if g.dep_ == "pobj"):
            objs = [g for w in place.children if w.dep_ == "prep" and w.lower_ == "with"
                    for g in w.children if g.dep_ == "pobj"]  # fmt: skip
            out += [t for t in with_conjuncts(objs) if t.ent_type_ == "PERSON"]
    return out


REVIVE_VERBS = frozenset({"revive", "resume", "relaunch", "reconvene", "convene", "restart", "reactivate"})


def revived_format(tok: Token) -> tuple[str, ...]:
    """"agreed to revive the Normandy format", "to convene the six-party format": bringing a standing format (one of
    `lexicon.FORMATS`) back to life is a meeting of its states; their codes, else ()."""
    if tok.lemma_.lower() != "format" or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in REVIVE_VERBS:
        return ()
    words = _joined_words(tok.doc[tok.left_edge.i : tok.i].text)
    return next((FORMATS[w] for w in words if w in FORMATS), ())
