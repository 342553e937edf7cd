"""Where a contact was held when the words tell who hosted it rather than a town (issue 17, round 12 place family).

- "a day after receiving X there", "proposing talks in Istanbul, and the delegations are due to sit down there":
  `there` tied to the contact is the last place the sentence told before it.
- "Chancellor X will host the summit", "Y hosted Z for talks on Thursday": a hosting verb over an in-person contact
  with no place of its own puts it in the host's state; "Muscat hosted rounds of talks between A and B": a place
  that hosts is the contact's place, though no party.
- a venue the data cannot place ("at the Akorda residence", "at the Chancellery") is the host's: the subject of the
  hosting verb of its sentence, else the side other than the guest named "visiting", else the side whose towns the
  other side's people travel to in the story ("He flies to Hobart on Tuesday"). Never the guest's.

A contact whose own words place it elsewhere keeps that place: these readers fill only what is still empty. Calls
are never placed (a call "from the Presidential Complex" is made, not held, there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.syntax import CLAUSE_DEPS, is_place

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from extractors.meetings.args import Lookup
    from extractors.meetings.merge import Record

HOST_VERBS = frozenset({"host", "receive", "welcome", "greet"})
THERE = frozenset({"there"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "into"})
VISITING = frozenset({"visiting"})


def _clause_heads(trigger: Token) -> list[Token]:
    """The contact word and the words above it up to its clause's verb, the verb included; a verb is its own
    clause ("Baghdad hosted talks ..., and the ministers spoke in Jordan": "spoke" is not hosted)."""
    heads = [trigger]
    head = trigger
    while head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
        heads.append(head)
    return heads


def _since_copy(trigger: Token, date_text: str | None) -> bool:
    """The earlier contact a "for the first time since <time>" implies (since.py): the sentence's place is the
    new contact's, not that one's."""
    if not date_text:
        return False
    text = trigger.sent.text
    at = text.find(date_text)
    return at > 0 and text[max(0, at - 12) : at].rstrip().lower().endswith("since")


def _tied(word: Token, heads: list[Token]) -> bool:
    """`word` hangs, through no clause of its own, on one of `heads`."""
    ids = {h.i for h in heads}
    up = word
    while up.i not in ids and up.head.i != up.i and up.dep_ not in CLAUSE_DEPS:
        up = up.head
    return up.i in ids


def _there_place(trigger: Token, lookup: Lookup) -> tuple[str, str] | None:
    """The place `there` stands for: the last place told (in, at, to, into) before it in its sentence."""
    heads = _clause_heads(trigger)
    there = next((t for t in trigger.sent if t.lower_ in THERE and t.dep_ == "advmod" and _tied(t, heads)), None)
    if there is None:
        return None
    read = getattr(lookup.resolver, "location_country", None)
    for t in reversed(trigger.doc[trigger.sent.start : there.i]):
        if t.dep_ != "pobj" or t.head.lower_ not in PLACE_PREPOSITIONS or t.i in lookup.dateline:
            continue
        if not is_place(t) and t.ent_type_ not in ("FAC", "GPE", "LOC"):
            continue
        name = lookup.text[t.left_edge.idx : t.idx + len(t.text)]
        code = read(name) if read else None
        if code and not code.startswith("IGO:"):
            return name, code
    return None


def _phrase(tok: Token) -> Span:
    return tok.doc[tok.left_edge.i : tok.i + 1]


def _hosts(trigger: Token) -> list[tuple[Token, Token]]:
    """(hosting verb, its host) over the contact: "X hosted Y for talks", "X will host the summit", "Y was
    received by X"; the verb is the contact's word, the verb its clause hangs on, or a "when X hosts ..." on it."""
    out = []
    heads = _clause_heads(trigger)
    # "are expected to meet again when India hosts the ministers": the occasion a time clause names is hosted
    heads += [c for h in heads for c in h.children if c.dep_ == "advcl" and c.lemma_.lower() == "host"
              and any(m.lower_ == "when" for m in c.children)]  # fmt: skip
    for v in heads:
        if v.lemma_.lower() not in HOST_VERBS or v.pos_ != "VERB":
            continue
        guests = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if v.lemma_.lower() != "host" and not any(g.pos_ == "PROPN" or g.ent_type_ in ("PERSON", "NORP")
                                                  or g.i != trigger.i and g.pos_ == "NOUN" for g in guests):
            continue  # "welcomed the talks" endorses them; "welcomed X", "received the delegation" hosts a guest
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if any(c.dep_ == "nsubjpass" for c in v.children):
            subj = agent
        elif not subj and v.dep_ == "xcomp":
            subj = [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "X is expected to host Y"
        if subj:
            out.append((v, subj[0]))
    return out


def _host_state(rec: Record, lookup: Lookup, visiting: bool = True) -> str | None:
    """The party that hosts the contact by its words: a hosting verb's subject, else (with `visiting`) the side
    other than the one called "visiting" (of two)."""
    read = getattr(lookup.resolver, "country_of_span", None)
    if read is None:
        return None
    for m in rec.mentions:
        for _, host in _hosts(m.trigger):
            code = read(_phrase(host))
            if code in rec.countries and not code.startswith("IGO:"):
                return code
    if len(rec.countries) != 2 or not visiting:
        return None
    for m in rec.mentions:
        for t in m.sent:
            guest_name = _visiting_guest(t)
            if guest_name is None:
                continue
            guest = read(guest_name)
            if guest in rec.countries:
                others = sorted(rec.countries - {guest})
                return others[0] if not others[0].startswith("IGO:") else None
    return None


def _visiting_guest(t: Token) -> Span | None:
    """"talks with visiting Kenyan President X", "X and visiting Moldovan President Y held talks" (the parser may
    take "visiting" for a verb): the name right after "visiting", its modifiers with it."""
    if t.lower_ not in VISITING or t.i + 1 >= len(t.doc) or t.dep_ not in ("amod", "compound", "nmod", "conj"):
        return None
    n = t.doc[t.i + 1]
    while n.dep_ in ("compound", "amod", "nmod", "det", "flat") and n.head.i > n.i:
        n = n.head
    return t.doc[t.i + 1 : n.i + 1] if n.pos_ == "PROPN" and not is_place(n) else None  # not "visiting Kyiv"


def _hosting_place(rec: Record, lookup: Lookup) -> tuple[str | None, str] | None:
    """(place, state) of a contact told with a hosting verb: a place as the host (no party), else the host's
    state."""
    read = getattr(lookup.resolver, "location_country", None)
    for m in rec.mentions:
        for verb, host in _hosts(m.trigger):
            if verb.lemma_.lower() != "host" or host.i in lookup.dateline or not is_place(host):
                continue
            name = lookup.text[host.left_edge.idx : host.idx + len(host.text)]
            code = read(name) if read else None
            if code and not code.startswith("IGO:") and code not in rec.countries:
                return name, code  # "Muscat hosted rounds of talks between A and B"
    code = _host_state(rec, lookup, visiting=False)  # "Visiting X met his counterpart": told where, not who hosts
    return (None, code) if code else None


TRAVEL_VERBS = frozenset({"fly", "arrive", "land", "travel"})


def _travellers_host(rec: Record, lookup: Lookup) -> str | None:
    """The one side of a pair whose towns the other side's people travel to in the story ("He flies to Hobart on
    Tuesday" of the Chinese guest): the guest is the one who travels, the host the state travelled in."""
    if len(rec.countries) != 2 or not rec.mentions:
        return None
    read = getattr(lookup.resolver, "country_of_span", None)
    where = getattr(lookup.resolver, "location_country", None)
    if read is None or where is None:
        return None
    hosts = set()
    for v in rec.mentions[0].trigger.doc:
        if v.pos_ != "VERB" or v.lemma_.lower() not in TRAVEL_VERBS:
            continue
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        towns = [g for c in v.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "into") for g in c.children
                 if g.dep_ == "pobj" and g.i not in lookup.dateline and (is_place(g) or g.pos_ == "PROPN")]  # fmt: skip
        if not subj or not towns:
            continue
        guest = read(_phrase(subj[0]))
        town = where(lookup.text[towns[0].left_edge.idx : towns[0].idx + len(towns[0].text)])
        if guest in rec.countries and town in rec.countries and town != guest:
            hosts.add(town)
    return hosts.pop() if len(hosts) == 1 else None


def venue_host(rec: Record, lookup: Lookup) -> str | None:
    """The state of a venue the data cannot place, by who hosts the contact (see the module doc), else by which
    side's people travel to the other's towns in the story."""
    if rec.kind == "call":
        return None
    return _host_state(rec, lookup) or _travellers_host(rec, lookup)


def place_by_host(records: list[Record], lookup: Lookup) -> None:
    """Fill a contact's empty place from `there` or from who hosts it (see the module doc)."""
    for rec in records:
        if rec.location_country or rec.kind == "call" or rec.status == "cancelled" or not rec.mentions:
            continue
        if any(_since_copy(m.trigger, m.date.text if m.date else None) for m in rec.mentions):
            continue
        there = next((p for m in rec.mentions if (p := _there_place(m.trigger, lookup)) is not None), None)
        if there is not None:
            rec.location = rec.location or there[0]
            rec.location_country = there[1]
            continue
        hosted = _hosting_place(rec, lookup)
        if hosted is not None:
            rec.location = rec.location or hosted[0]
            rec.location_country = hosted[1]
