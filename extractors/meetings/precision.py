"""Precision filters for contact mentions: words that look like a contact between states but are not one.

Each filter answers one question about a mention `mentions._mention` has built (or a merged record) and is kept
apart from the reading of parties so the reasons for dropping something stay visible:

- `igo_only`: every party is an international body ("the UN chief met the AU Commission chairperson");
  contacts between two IGOs are out of scope (ANNOTATION.md).
- `drop_venue_bodies`: a body named only in the name of the gathering that is the occasion or venue of a pair's
  contact ("X and Y will meet at the EU-CELAC summit", "X, who is in Jakarta to attend the ASEAN meetings, met
  Y") is no party of that contact; the pair is.
- `ongoing_consultations`: "agreed to continue close consultations", "to keep in close contact": an ongoing
  exchange with no round of its own is no contact (ANNOTATION.md: no specific round, vague intentions).
- `non_state_actor`: the one who travels or meets is a trader, an executive, a fan or the officer of a sports
  federation or company ("a delegation of coffee exporters visited the fair", "the football federation president,
  who is visiting Lisbon for the match"): not a state's contact.
- `visitor_clause`: "talks with X, who is in Russia on a working visit": the visit and its one contact are one
  entry (ANNOTATION.md), folded by `mentions._fold_purpose`.
- `drop_qualifying_bodies`: "head of the UN-recognized government", "an EU-backed loan": the body qualifies a
  party or a thing and is no party.
- `upcoming_occasion`: "a summit with Trump ahead of the U.S.-North Korea meeting": the occasion is still to come.
- `since_taking_office`: "have not held a summit since both took office" implies no earlier contact (read by
  `status.status_of`, which otherwise reads "have not met since 2019" as the held contact of 2019).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.core.dates import MONTHS, WEEKDAYS
from extractors.meetings.triggers import trigger_kind

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Span, Token

    from extractors.meetings.args import Party

# nouns that name a multilateral gathering (its name may hold a body's name: "the ASEAN Summit")
GATHERING_NOUNS = frozenset({
    "summit", "summits", "meeting", "meetings", "forum", "conference", "ministerial", "session", "assembly",
    "gathering", "congress", "convention", "council",
})  # fmt: skip
# the dependency links of a modifier inside a name ("the [EU]-CELAC summit", "the [ASEAN]-related meetings")
NAME_DEPS = frozenset({"compound", "amod", "npadvmod", "nmod", "poss", "punct", "case", "hmod", "hyph", "nummod",
                       "det", "appos", "cc", "conj"})
SIDELINES = frozenset({"sidelines", "sideline", "margins", "margin", "fringes", "fringe"})
VENUE_PREPS = frozenset({"at", "on", "during", "in", "before", "ahead", "after"})


def igo_only(countries: set[str] | frozenset[str]) -> bool:
    """All parties are international bodies: a contact between two IGOs, out of scope."""
    return bool(countries) and all(c.startswith("IGO:") for c in countries)


def _token_at(sent: Span, start: int) -> Token | None:
    for t in sent:
        if t.idx <= start < t.idx + len(t.text):
            return t
    return None


def _name_of_gathering(t: Token) -> Token | None:
    """The gathering noun whose name holds `t` as a modifier before it, if any ("ASEAN" of "the ASEAN Summit",
    "EU" of "the EU-CELAC summit", "ASEAN" of "the ASEAN-related Foreign Ministers' Meetings")."""
    cur = t
    for _ in range(5):
        if cur.dep_ not in NAME_DEPS or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lower_ in GATHERING_NOUNS and cur.i > t.i:
            return cur
    return None


def _contact_governor(g: Token) -> Token | None:
    """The contact word a gathering is the venue or occasion of: "meet ... at the X summit", "talks on the
    sidelines of the X summit", "who is visiting Jakarta to attend the X meetings, held a meeting"."""
    h = g.head
    if g.dep_ == "pobj" and h.lower_ == "of" and h.head.lower_ in SIDELINES:
        h = h.head.head
    if g.dep_ == "pobj" and h.lower_ in VENUE_PREPS | {"of"}:
        gov = h.head
        if gov.lower_ in ("ahead", "prior") and gov.dep_ == "prep":
            gov = gov.head
        return gov if gov.i != g.i and trigger_kind(gov) is not None else None
    if g.dep_ == "dobj" and h.lemma_.lower() == "attend":
        # "who is visiting Jakarta to attend the X meetings, held a meeting with Y": the clause of the visitor
        cur = h
        for _ in range(4):
            if cur.dep_ in ("relcl", "advcl", "acl") and cur.head.i != cur.i \
                    and not (cur.dep_ == "advcl" and cur.head.dep_ in ("relcl", "acl")):
                owner = cur.head  # ("who was in Jakarta to attend": past the purpose to the relative clause)
                verb = owner.head if owner.dep_ in ("nsubj", "nsubjpass") else owner
                return verb if trigger_kind(verb) is not None or any(
                    trigger_kind(c) is not None for c in verb.children if c.dep_ == "dobj") else None
            if cur.head.i == cur.i:
                return None
            cur = cur.head
    return None


def venue_of_contact(tok: Token) -> bool:
    """A gathering word that is the venue or occasion of another contact word of its sentence."""
    return tok.lower_ in GATHERING_NOUNS and _contact_governor(tok) is not None


def drop_venue_bodies(tok: Token, parties: list[Party], sent: Span) -> list[Party]:
    """Without the bodies named only in the name of the gathering that is the venue or occasion of the contact
    `tok` states, when at least two states stay (a body alone with one state is left as read: whether attending
    a body's summit is a contact with it is the body's own reading)."""
    in_names: list[Party] = []
    for p in parties:
        if p.country and p.country.startswith("IGO:"):
            t = _token_at(sent, p.start)
            g = _name_of_gathering(t) if t is not None else None
            if g is not None and (g.i != tok.i or _contact_governor(g) is not None):
                in_names.append(p)
    if not in_names:
        return parties
    kept = [p for p in parties if not any(p is q for q in in_names)]
    states = {p.country for p in kept if p.country and not p.country.startswith("IGO:")}
    if len(states) < 2 and not (_contact_governor(tok) is not None and _name_of_gathering_is(tok, in_names, sent)):
        return parties
    named_elsewhere = {p.country for p in kept}
    return [p for p in parties if not any(p is q for q in in_names) or p.country in named_elsewhere]


def _name_of_gathering_is(tok: Token, in_names: list[Party], sent: Span) -> bool:
    """All the bodies read from names are read from the name of `tok` itself (the venue gathering)."""
    return all((t := _token_at(sent, p.start)) is not None and _name_of_gathering(t) == tok for p in in_names)


ONGOING_NOUNS = frozenset({"consultation", "consultations", "contact", "contacts", "communication", "coordination",
                           "dialogue", "exchange", "exchanges", "touch"})
ONGOING_VERBS = frozenset({"continue", "maintain", "keep", "stay", "remain", "strengthen", "deepen", "intensify"})
BOUNDARY_PREPS = frozenset({"ahead", "before", "after", "until", "prior"})


SPECIFIC_TIME_WORDS = frozenset({*WEEKDAYS, *MONTHS, "tomorrow", "tonight", "today"})


def _own_time_or_place(verb: Token) -> bool:
    """A day, month or place told for the exchange itself: "continue consultations in Geneva on Monday" is a
    round; "later this year" or "in the coming weeks" (or a date inside "ahead of the summit ...") is none."""
    for c in verb.children:
        if c.lower_ in BOUNDARY_PREPS:
            continue
        for t in c.subtree:
            if t.ent_type_ == "GPE" or t.ent_type_ in ("DATE", "TIME") and (
                    t.lower_ in SPECIFIC_TIME_WORDS or t.like_num):
                return True
    return False


def ongoing_consultations(tok: Token) -> bool:
    """"agreed to continue close consultations", "to maintain close communication", "to keep in close contact":
    the exchange goes on with no round of its own."""
    if tok.lower_ not in ONGOING_NOUNS:
        return False
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "in":
        verb = verb.head  # "keep in touch", "stay in close contact"
    elif tok.dep_ != "dobj":
        return False
    if verb.lemma_.lower() not in ONGOING_VERBS:
        return False
    return not _own_time_or_place(verb)


NON_STATE_PEOPLE = frozenset({
    "exporter", "importer", "businessman", "businessmen", "businesspeople", "businesswoman", "entrepreneur",
    "executive", "investor", "farmer", "trader", "buyer", "seller", "student", "fan", "supporter", "tourist",
    "pilgrim", "athlete", "player", "journalist", "artist", "musician", "manufacturer", "banker",
    # callings of show business and sport: a star's tour or a team's trip is no state's contact
    "star", "superstar", "singer", "rapper", "actor", "actress", "comedian", "celebrity", "footballer",
    "cricketer", "golfer", "boxer", "swimmer", "sprinter", "striker", "cyclist", "band", "novelist", "influencer",
})  # fmt: skip
NON_STATE_BODIES = frozenset({"federation", "club", "league", "company", "firm", "corporation", "academy",
                              "foundation", "fifa", "uefa", "exporters", "chamber"})
GROUP_NOUNS = frozenset({"delegation", "group", "team", "party", "contingent"})


def _own_words(agent: Token) -> list[Token]:
    """The agent's phrase without relative and participial clauses (", who is visiting Lisbon for the match")."""
    skip: set[int] = set()
    for t in agent.subtree:
        if t.dep_ in ("relcl", "acl", "advcl") and t.i != agent.i and t.lower_ != "led":
            skip |= {x.i for x in t.subtree}
    words = [t for t in agent.subtree if t.i not in skip]
    if agent.dep_ in ("conj", "appos"):  # "football federation (DFB) president X", X parsed as a conjunct
        words += [t for t in agent.head.subtree if t.i < agent.i and t.i not in skip and t not in words]
    return words


def non_state_actor(agent: Token) -> bool:
    """The traveller or meeter is a non-state actor: traders, executives, fans ("a delegation of coffee
    exporters", "the exporters") or the officer of a sports federation or company ("football federation
    president X"). A phrase that also names a state office ("led by the trade minister") stays a state's."""
    words = _own_words(agent)
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    if lemmas & {"minister", "ministry", "government", "president", "ambassador", "secretary", "envoy", "king",
                 "premier", "chancellor", "official", "officials"} and not lemmas & NON_STATE_BODIES:
        return False
    head = agent.lemma_.lower()
    if head in NON_STATE_PEOPLE:
        return True
    if head in NON_STATE_BODIES and agent.ent_type_ not in ("GPE", "NORP"):
        return True  # "the football federation", "the club" (not "the Russian Federation")
    if head in GROUP_NOUNS:
        members = [t for t in words if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i == agent.i]
        return any(t.lemma_.lower() in NON_STATE_PEOPLE for t in members)
    if agent.ent_type_ == "PERSON" or agent.pos_ == "PROPN":
        titles = [t for t in words if t.i < agent.i and t.dep_ == "compound"]
        if any(t.lemma_.lower() in NON_STATE_PEOPLE for t in titles):
            return True  # "British tourist X", "student X": a private person's title
        return bool(titles) and any(t.lemma_.lower() in NON_STATE_BODIES for t in words if t.i < agent.i)
    return False


def visitor_clause(visit: Token, contact: Token) -> bool:
    """The visit is told in a relative clause on a party of the contact ("held talks with X, who is in Russia on
    a working visit"; "X, who is visiting Bangkok to attend ..., held a meeting with Y"): the visit and the one
    contact told with it are one entry (ANNOTATION.md)."""
    cur = visit
    for _ in range(4):
        if cur.dep_ == "relcl":
            break
        if cur.head.i == cur.i or cur.i == contact.i:
            return False
        cur = cur.head
    else:
        return False
    if cur.dep_ != "relcl":
        return False
    owner = cur.head
    while owner.dep_ == "appos" and owner.head.i != owner.i:
        owner = owner.head  # "Mr. X, Minister for Foreign Affairs of Japan, who is visiting ..."
    if owner.dep_ in ("nsubj", "nsubjpass", "dobj") and owner.head.i in (contact.i, contact.head.i):
        return True
    return owner.dep_ == "pobj" and owner.head.lower_ == "with" and owner.head.head.i in (contact.i, contact.head.i)


# "the UN-recognized government", "an EU-funded programme": a body that qualifies a party or a thing, not a party
# (a body that leads, brokers or hosts the contact, "UN-brokered talks", may be one: not listed)
QUALIFYING_PARTICIPLES = frozenset({
    "recognized", "recognised", "backed", "funded", "sponsored", "appointed", "installed", "designated", "listed",
    "sanctioned", "mandated", "run", "controlled", "allied", "aligned", "supported", "certified", "approved",
})  # fmt: skip


def drop_qualifying_bodies(parties: list[Party], sent: Span, code_of: Callable[[str], str | None]) -> list[Party]:
    """Without a body the sentence names only in "UN-recognized", "EU-backed" (a hyphened participle that
    qualifies another noun), unless a person of that body takes part. `code_of` gives a name's country code."""
    bodies = {p.country for p in parties if p.country and p.country.startswith("IGO:")}
    if not bodies:
        return parties
    doc = sent.doc
    qualifying: set[str] = set()
    plain: set[str] = set()
    for t in sent:
        if t.pos_ != "PROPN" or t.i > 0 and doc[t.i - 1].text == "-":
            continue
        code = code_of(t.text)
        if code not in bodies:
            continue
        if t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].lower_ in QUALIFYING_PARTICIPLES:
            qualifying.add(code)
        else:
            plain.add(code)
    gone = qualifying - plain
    return [p for p in parties if p.country not in gone or any(
        q.country == p.country and q.participant is not None and q.participant.role for q in parties)]


UPCOMING_HEADS = frozenset({"ahead", "run-up", "preparation", "preparations", "advance"})


def upcoming_occasion(tok: Token) -> bool:
    """A contact named as what something comes "ahead of", "in the run-up to" or "in preparation for" ("a summit
    with Trump ahead of the U.S.-North Korea meeting"): still to come, unless its own words date it."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return False
    prep = tok.head
    head = prep.head
    run_up = head.lower_ == "up" and head.i >= 2 and tok.doc[head.i - 2].lower_ == "run"  # "run", "-", "up"
    if prep.lower_ not in ("of", "to", "for") or head.lower_ not in UPCOMING_HEADS and not run_up:
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") and (t.like_num or t.lower_ in PAST_DATE_WORDS)
                   for t in tok.subtree)  # "ahead of the 2018 summit", "ahead of last year's summit": told as past


PAST_DATE_WORDS = frozenset({"last", "ago", "previous", "earlier", "yesterday", "past"})


OFFICE_NOUNS = frozenset({"office", "power", "inauguration", "election", "swearing-in", "presidency", "premiership"})
OFFICE_VERBS = frozenset({"elect", "inaugurate", "swear", "reelect", "re-elect"})


def since_taking_office(trigger: Token) -> bool:
    """"have not held a summit since both took office", "have not met since X came to power": the negation
    dates no earlier contact (unlike "have not met since 2019", a held contact by the conventions)."""
    for t in trigger.sent:
        if t.lower_ != "since":
            continue
        if t.dep_ == "mark":
            verb = t.head
            lemma = verb.lemma_.lower()
            if lemma in OFFICE_VERBS or lemma in ("take", "assume", "come", "return", "enter") and any(
                    c.lower_ in OFFICE_NOUNS for c in verb.subtree):
                return True
        elif t.dep_ == "prep":
            objs = [c for c in t.children if c.dep_ in ("pobj", "pcomp")]
            for o in objs:
                words = {c.lower_ for c in o.subtree} | {c.lemma_.lower() for c in o.subtree}
                if o.lower_ in OFFICE_NOUNS - {"power"} and not any(c.like_num for c in o.subtree) or \
                        o.lemma_.lower() in ("take", "assume", "come") and words & OFFICE_NOUNS:  # fmt: skip
                    return True  # "since his inauguration", "since taking office"
    return False
