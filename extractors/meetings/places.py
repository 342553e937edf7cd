"""Last touches to where a contact happened, once its mentions are merged.

Two gaps the sentence readers leave (issue 17, location family):
- "will hold a summit ... at the forum here", "met here today": `here` is the dateline's city. The dateline alone is
  never a meeting's place (ANNOTATION.md); the word `here` tied to the contact makes it one.
- "received X at the Planalto palace", "talks at the prime minister's office": a building or grounds named with
  "at" in the contact's clause is its place (its state as below).
- "X, who is visiting Bangkok, held a meeting with Y": a party's relative clause telling where it is.
- a venue the gazetteer cannot place ("at the Peace House", "at Novo-Ogaryovo", "at the Water Cube"): a building
  or residence is in the state of the town told just before it, else of the side that hosts (host_place), else in
  the state the story is told from (its dateline), else in the one state of the contact the article is about;
  never a guess from the venue's words alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from extractors.meetings.host_place import venue_host
from extractors.meetings.syntax import CLAUSE_DEPS
from extractors.resolve.data import is_country_or_capital

if TYPE_CHECKING:
    from extractors.meetings.args import Lookup
    from extractors.meetings.merge import Record

HERE = frozenset({"here"})
TOWN_KINDS = frozenset({"capital", "city", "seat"})  # country words that are places, not states or peoples
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "into", "near", "outside", "reached", "arrived"})
LOOK_BACK = 600  # characters before the venue searched for its town: its paragraph or the one before
VENUE_NOUNS = frozenset(
    "palace office residence complex hotel house hall mansion villa camp castle chancellery lodge guesthouse "
    "building compound estate pavilion centre center retreat resort".split()
)  # buildings and grounds where hosts receive guests: "at the Planalto palace", "at the prime minister's office"
VENUE_PREPOSITIONS = frozenset({"at", "inside", "in", "on"})  # "in" only before a venue noun ("in the Palace hotel")
OPEN_AIR_VENUES = frozenset({"lawn", "grounds", "terrace", "colonnade"})  # "on" only before these
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their"})
STAY_VERBS = frozenset({"visit", "be", "stay"})  # "X, who is visiting Bangkok", "Y, who was in the capital"


def neutral_ground(location: str | None) -> bool:
    """A town that is not its state's capital or seat ("Geneva", "Lausanne", "Sochi"): a contact there with one
    side named need not be with the host state, as a contact "in Tokyo" or "in Iraq" is."""
    return bool(location) and not is_country_or_capital(location or "")


def _clause_heads(trigger: Token) -> set[int]:
    """The contact word and the words above it up to its clause's verb."""
    heads = {trigger.i}
    head = trigger
    while head.head.i != head.i and not (head.pos_ in ("VERB", "AUX") and head.i != trigger.i):
        head = head.head
        heads.add(head.i)
    return heads


def _tied_here(trigger: Token) -> bool:
    """`here` hangs, through no clause of its own, on the contact word or the verbs above it up to the clause's
    verb ("met here today", "a summit on the sidelines of the forum here"; not "the firm based here")."""
    heads = _clause_heads(trigger)
    for t in trigger.sent:
        if t.lower_ not in HERE or t.dep_ != "advmod":
            continue
        up = t
        while up.i not in heads and up.head.i != up.i and up.dep_ not in CLAUSE_DEPS:
            up = up.head
        if up.i in heads:
            return True
    return False


def _venue_at(trigger: Token) -> Token | None:
    """The head noun of "at <venue>" tied, through no clause of its own, to the contact word or its clause's verbs:
    a building or grounds (a venue noun, or a facility the tagger names), not a time ("at the start")."""
    heads = _clause_heads(trigger)
    for t in trigger.sent:
        if t.dep_ != "prep" or t.lower_ not in VENUE_PREPOSITIONS:
            continue
        objs = [g for g in t.children if g.dep_ == "pobj"]
        if t.lower_ == "on":
            if not objs or objs[0].lemma_.lower() not in OPEN_AIR_VENUES:
                continue  # "on the South Lawn": grounds one stands on; not "talks on the house price"
        elif not objs or not (objs[0].lemma_.lower() in VENUE_NOUNS or objs[0].ent_type_ == "FAC" and t.lower_ == "at"):
            continue
        up = t
        for _ in range(4):
            if up.i in heads or up.head.i == up.i or up.dep_ in CLAUSE_DEPS:
                break
            up = up.head
        if up.i in heads:
            return objs[0]
    return None


def _visitor_place(trigger: Token, lookup: Lookup) -> tuple[str, str] | None:
    """ "X, who is visiting Bangkok to attend ..., held a meeting with Y", "a meeting with Z, who was in the
    Argentine capital for a forum": a party's relative clause telling where that party is."""
    heads = _clause_heads(trigger)
    read = getattr(lookup.resolver, "location_country", None)
    if read is None:
        return None
    for t in trigger.sent:
        if t.dep_ != "relcl" or t.lemma_.lower() not in STAY_VERBS:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in t.children):
            continue
        if t.head.i not in heads and not any(a.i in heads for a in t.head.ancestors):
            continue
        if t.lemma_.lower() == "visit":
            places = [c for c in t.children if c.dep_ == "dobj"]
        else:
            places = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                      if g.dep_ == "pobj"]  # fmt: skip
        for g in places:
            if g.i in lookup.dateline or g.pos_ not in ("PROPN", "NOUN"):
                continue
            text = lookup.text[g.left_edge.idx : g.idx + len(g.text)]
            country = read(text)
            if country and not country.startswith("IGO:"):
                return text, country
    return None


def _owner_country(venue: Token, lookup: Lookup) -> str | None:
    """The state of whoever the venue belongs to: "the crown prince's winter camp" (the prince's), "host X at his
    residence" (the host's, the clause's subject)."""
    owner = next((c for c in venue.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.lower_ in POSSESSIVE_PRONOUNS:
        # the subject of the nearest verb above that has one ("X was due to host Y at his residence")
        owner = next((c for a in venue.ancestors if a.pos_ in ("VERB", "AUX", "ADJ") for c in a.children
                      if c.dep_ == "nsubj"), None)  # fmt: skip
        if owner is None or owner.pos_ == "PRON":
            return None
    read = getattr(lookup.resolver, "country_of_span", None)
    return read(venue.doc[owner.left_edge.i : owner.i + 1]) if read else None


def _dateline_place(lookup: Lookup) -> tuple[str, str] | None:
    resolver = lookup.resolver
    city = getattr(resolver, "dateline_city", None)
    read = getattr(resolver, "dateline_country", None)
    country = read() if city and read else None
    if not city or not country:
        return None
    return (city.title() if city.isupper() else city), country


def _venue_country(rec: Record, lookup: Lookup) -> str | None:
    """The state of a venue the data cannot place: of the town it is told in ("at Parliament House in Wellington"),
    else of the last town or seat the article names just before it ("arrived in Amman ... The talks took place at
    the palace"), else of the side that hosts, else the dateline's, else the contact's state the article names most
    (strictly)."""
    at = _venue_offset(rec, lookup)
    between = getattr(lookup.resolver, "mentions_between", None)
    if at is not None and between is not None and rec.location:
        end = at + len(rec.location)
        towns = [m for m in between(end, end + 40) if m.kind in TOWN_KINDS and m.code
                 and not m.code.startswith("IGO:") and VENUE_IN.match(lookup.text[end : m.start])]  # fmt: skip
        if towns:
            return towns[0].code  # "at Parliament House in Wellington": the town the venue is in
    if at is not None and between is not None:
        towns = [m for m in between(max(0, at - LOOK_BACK), at) if m.kind in TOWN_KINDS and m.code
                 and not m.code.startswith("IGO:") and _told_as_place(lookup.text, m.start, m.end)]  # fmt: skip
        if towns:
            return towns[-1].code
        stays = [m.code for m in between(max(0, at - LOOK_BACK), at) if m.kind == "name" and m.code in rec.countries
                 and STAY_BEFORE.search(lookup.text[max(0, m.start - 24) : m.start])]  # fmt: skip
        if stays:
            return stays[-1]  # "his first full day in Germany ... met X at the Chancellery": the host's venue
    host = venue_host(rec, lookup)
    if host:
        return host  # "X received Y at the Akorda residence", "talks with visiting Y at the Chancellery"
    dl = _dateline_place(lookup)
    if dl:
        return dl[1]
    states = sorted(c for c in rec.countries if not c.startswith("IGO:"))
    pick = getattr(lookup.resolver, "pick_by_context", None)
    return pick(states) if pick and states else None


VENUE_IN = re.compile(r"\s*(?:in|,)\s*(?:the\s+(?:\w+\s+)?(?:capital|city|town)\s+(?:of\s+)?)?$", re.IGNORECASE)
STAY_BEFORE = re.compile(
    r"\b(?:visit|trip|tour|stay|days?|arrived|arrives|landed|flew)\s+(?:to|in|into|of)\s+(?:the\s+)?$", re.IGNORECASE
)  # a state named as where a visitor is: "a state visit to Australia", "his first day in Germany"


def _told_as_place(text: str, start: int, end: int) -> bool:
    """A town named as a place ("in Amman", "to Moscow", a line opening "Amman." or "AMMAN -"), not as its
    government ("Moscow said", "White House adviser X")."""
    before = text[max(0, start - 12) : start]
    if not before.strip() or before.rstrip(" ").endswith("\n"):
        return text[end : end + 2].strip()[:1] in (".", ",", ":", "-", "—", "(", "")
    last = before.split()[-1].lower() if before.split() else ""
    return last in PLACE_PREPOSITIONS


def _venue_offset(rec: Record, lookup: Lookup) -> int | None:
    """Where the venue's words stand in the text: in the sentence of one of the contact's mentions."""
    for m in rec.mentions:
        start = m.sent.start_char
        found = lookup.text.find(rec.location or "", start, m.sent.end_char)
        if found >= 0:
            return found
    found = lookup.text.find(rec.location or "")
    return found if found >= 0 and rec.location else None


def settle_places(records: list[Record], lookup: Lookup) -> None:
    """Fill a contact's place from `here` and a placeless venue's state from the article (see the module doc)."""
    for rec in records:
        if rec.status == "cancelled":
            continue
        if rec.location is None:  # "here" outranks a state only borrowed from a visit of the pair
            dl = _dateline_place(lookup)
            if dl and any(m.trigger.i not in lookup.dateline and _tied_here(m.trigger) for m in rec.mentions):
                rec.location, rec.location_country = dl
        if rec.location is None and rec.location_country is None:
            told = next((p for m in rec.mentions if (p := _visitor_place(m.trigger, lookup)) is not None), None)
            if told is not None:
                rec.location, rec.location_country = told
        if rec.location is None:
            venue = next((v for m in rec.mentions if (v := _venue_at(m.trigger)) is not None), None)
            if venue is not None:
                of = next((c for c in venue.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                end = of.right_edge if of is not None else venue  # "the South Lawn of the White House"
                rec.location = lookup.text[venue.left_edge.idx : end.idx + len(end.text)]
                owner = _owner_country(venue, lookup)
                if rec.location_country is None and owner in rec.countries:
                    rec.location_country = owner
                read = getattr(lookup.resolver, "country_of_text", None)
                if rec.location_country is None and of is not None and read is not None:
                    # "of the White House", "of the Kremlin": the state words of the of-phrase, never a person
                    tail = lookup.text[of.idx + len(of.text) : end.idx + len(end.text)]
                    code = read(tail, people=False)
                    rec.location_country = code if code and not code.startswith("IGO:") else None
        if rec.location and rec.location_country is None:
            rec.location_country = _venue_country(rec, lookup)
