"""The place of a contact told without one, inside the event the article has placed (issue 17, place family).

"The G20 ministerial, which concluded in New Delhi today ... EAM held talks this morning with X", "Starmer, who
flew into Apia for the summit ... Starmer later held a bilateral meeting with Y", "talks in Almaty hosted by
Kazakhstan. Before the talks, the host held separate meetings with each minister": the contact is part of the
gathering or the stay the story has just placed (ANNOTATION.md: the location comes from the words on the contact
or from the context that places it, the event it is part of, the visit it is held during).

A frame is a body sentence (never the dateline's words) that puts a gathering or a traveller in one town or state,
or a contact record placed by its own words. A later contact with no place takes the nearest frame's state when:
it is no call and no visit (a visit's place is its destination); it is held, or planned for a day of the stay;
it is no recalled or dated background contact (its day, if any, within a few days of publication); its own
sentences name no place; and it shares a state with a traveller's frame, or, for a gathering, shares a state or
is told as a side contact ("also", "later", "separately", "on the sidelines"). A frame sentence naming two states
as places ("between Beirut and Damascus") places nothing and stops older frames; a gathering or trip still to come
("heading to X for next week's summit") frames only the contacts planned at it, and one dated apart ("travelled to
Beijing in December") frames nothing. `place_on_the_way` places a contact told inside a trip ("shuttled between A
and B, holding talks first with X and then with Y") in the trip's town of one of its parties.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from extractors.core.dates import find_dates
from extractors.meetings.syntax import is_place
from extractors.resolve.data import is_known_town

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from extractors.meetings.args import Lookup
    from extractors.meetings.merge import Record

STAY_DAYS = 6  # a held contact dated this many days from publication may still be part of the story's event
GATHERING_NOUNS = frozenset(
    "summit meeting meetings conference forum gathering session talks ceremony assembly retreat dialogue "
    "consultations ministerial".split()
)
GATHERING_VERBS = frozenset({"hold", "host", "open", "conclude", "gather", "convene", "begin", "close", "take"})
TRIP_VERBS = frozenset({"arrive", "fly", "land", "travel", "come", "attend", "head", "reach", "be", "stay"})
PLACE_WORDS = frozenset({"in", "to", "into"})
SIDE_CUES = frozenset({"also", "later", "separately", "sidelines", "sideline", "margins", "margin", "earlier",
                       "before", "after", "separate"})  # fmt: skip
PAST_MARKERS = frozenset({"last", "previous", "ago"})
FUTURE_MARKERS = frozenset({"next", "upcoming", "coming", "will"})  # "next week's gathering in X": not yet held


@dataclass(slots=True)
class Frame:
    start: int  # character offset of the sentence that tells it
    country: str | None  # None: a sentence naming several states as places (stops older frames)
    parties: frozenset[str]
    gathering: bool
    future: bool = False  # a gathering or trip still to come: frames only the contacts planned at it


def _town_word(tok: Token) -> bool:
    if is_place(tok):
        return True
    lead = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    name = tok.doc[lead[0].i : tok.i + 1].text if lead else tok.text
    return tok.pos_ == "PROPN" and tok.dep_ == "pobj" and is_known_town(name)


def _place_name(tok: Token, lookup: Lookup) -> str:
    span = lookup.ent_span(tok)
    if len(span) > 1 or tok.ent_type_:
        return span.text
    lead = [c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    return tok.doc[min([tok.i, *lead]) : tok.i + 1].text


def _frame_kind(place: Token) -> tuple[str, Token] | None:
    """("gathering", its word) when the place hangs on a gathering or a verb holding one, ("trip", its verb) on a
    traveller's verb."""
    head = place.head.head
    for _ in range(4):  # up through a name the town qualifies ("hosted by Laos in Vientiane")
        if head.lemma_.lower() in GATHERING_NOUNS:
            return "gathering", head
        if head.pos_ in ("VERB", "AUX"):
            lemma = head.lemma_.lower()
            if lemma in GATHERING_VERBS and _holds_gathering(head):
                return "gathering", head
            if lemma in TRIP_VERBS and head.i == place.head.head.i and _stay_told(head):
                return "trip", head
            return None
        if head.head.i == head.i:
            break
        head = head.head
    return None


def _stay_told(verb: Token) -> bool:
    """A traveller there now ("arrived in X", "is in X", "flew into X"), not a trip done long before ("had
    travelled") or still to come ("will fly to Seoul", "is due to travel to X")."""
    if any(c.dep_ == "aux" and c.lower_ in ("had", "will", "would", "shall", "'ll", "to") for c in verb.children):
        return False
    return not (verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in PLAN_WORDS)


PLAN_WORDS = frozenset({"due", "schedule", "expect", "plan", "set", "hope", "want", "intend"})


def _still_to_come(anchor: Token) -> bool:
    """"heading to X for the summit next week", "next week's gathering in Y"."""
    return any(t.lower_ in FUTURE_MARKERS for t in anchor.subtree)


def _holds_gathering(verb: Token) -> bool:
    """"the Council of Ministers Meeting ..., held in Colombo", "the summit hosted by Laos", "opened their
    summit": a verb whose noun (the phrase it describes, or its object or subject) is a gathering."""
    if verb.dep_ in ("acl", "relcl"):
        return any(t.lemma_.lower() in GATHERING_NOUNS for t in verb.head.subtree if t.i < verb.i)
    return any(c.lemma_.lower() in GATHERING_NOUNS for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))


def _background(anchor: Token) -> bool:
    """A gathering or a trip dated by a month or a year only ("travelled to Beijing in December", "the summit in
    2019"), by words of an earlier or a later time ("last year's summit in Lima", "next week's gathering in X"); a
    year told elsewhere in the sentence ("pledged to integrate by 2020") dates something else."""
    words = list(anchor.subtree)
    if any(t.lower_ in PAST_MARKERS for t in words):
        return True
    if anchor.head.lower_ == "of" and anchor.head.head.lower_ in ("ahead", "before"):
        return True  # "lobbying allies ahead of the gathering in Vilnius": what comes before it is told elsewhere
    text = anchor.doc[words[0].i : words[-1].i + 1].text
    return any(found.kind in ("month", "month_year", "year") for found in find_dates(text))


def frames_of(lookup: Lookup, records: list[Record], published: date | None) -> list[Frame]:
    """The article's frames in text order (see the module doc)."""
    frames: list[Frame] = []
    for sent in lookup.doc.sents:
        kinds: dict[str, tuple[str, bool]] = {}
        for t in sent:
            if t.i in lookup.dateline or t.dep_ != "pobj" or t.head.lower_ not in PLACE_WORDS or not _town_word(t):
                continue
            found = _frame_kind(t)
            if found is None or _background(found[1]):
                continue
            code = lookup.place_country(_place_name(t, lookup))
            if code and not code.startswith("IGO:"):
                kinds.setdefault(code, (found[0], _still_to_come(found[1])))
        if not kinds:
            continue
        parties = frozenset(lookup.countries(sent))
        if len(kinds) > 1:
            frames.append(Frame(sent.start_char, None, parties, False))
            continue
        code, (kind, future) = next(iter(kinds.items()))
        frames.append(Frame(sent.start_char, code, parties | {code}, kind == "gathering", future))
    for rec in records:
        if rec.location_country and rec.kind != "call" and rec.status == "held" and rec.mentions \
                and not any(m.recall for m in rec.mentions) and _current(rec, published):
            first = rec.mentions[0].sent
            frames.append(Frame(first.start_char, rec.location_country, frozenset(rec.countries),
                                rec.kind != "visit"))
    frames.sort(key=lambda f: f.start)
    return frames


def _current(rec: Record, published: date | None) -> bool:
    """Undated, or dated by a day within the story's days."""
    if rec.date is None or rec.date.date is None:
        return rec.date is None or not rec.date.text
    if rec.date.granularity != "day" or published is None:
        return False
    return abs((date.fromisoformat(rec.date.date) - published).days) <= STAY_DAYS


def _dated_apart(rec: Record) -> bool:
    """Undated itself, in a sentence with a year or a month told apart ("since they began in 2003", "talks held
    earlier this month"): a contact of another time than the story's event."""
    if rec.date is not None:
        return False
    return any(f.kind in ("year", "month_year", "rel_month", "rel_year") for m in rec.mentions
               for f in find_dates(" ".join(t.text for t in _own_words(m.sent))))  # fmt: skip


def _since_phrase(t: Token) -> bool:
    return any(a.lower_ == "since" and a.dep_ == "prep" and any(
        o.dep_ == "pobj" and o.ent_type_ != "DATE" for o in a.children) for a in [t, *t.ancestors])


def _own_words(sent: Span) -> list[Token]:
    """The sentence's words but those of a "since <another contact>" phrase, which tell that contact's time and
    place ("their first talks since a meeting in Luanda in July last year"; not "the first summit since October
    2016", whose time is the contact's own)."""
    return [t for t in sent if not _since_phrase(t)]


def _own_place_told(rec: Record, lookup: Lookup) -> bool:
    """A town in the contact's sentences, not one of an earlier contact it is compared with ("their first talks
    since a meeting in Luanda")."""
    return any(t.dep_ == "pobj" and t.head.lower_ in PLACE_WORDS | {"at", "for"} and t.i not in lookup.dateline
               and _town_word(t) for m in rec.mentions for t in _own_words(m.sent))  # fmt: skip


def _side_contact(rec: Record) -> bool:
    return any(t.lower_ in SIDE_CUES for m in rec.mentions for t in m.sent)


def place_from_frames(records: list[Record], lookup: Lookup, published: date | None) -> None:
    """Give a placeless contact the state of the frame it is told in (see the module doc)."""
    frames = frames_of(lookup, records, published)
    if not frames:
        return
    for rec in records:
        if rec.location or rec.location_country or rec.kind in ("call", "visit") or not rec.mentions:
            continue
        if rec.status not in ("held", "planned") or any(m.recall for m in rec.mentions):
            continue
        if _own_place_told(rec, lookup) or any(t.lower_ in PAST_MARKERS for m in rec.mentions
                                                for t in _own_words(m.sent)):
            continue
        start = rec.mentions[0].sent.start_char
        before = [f for f in frames if f.start < start and (not f.future or rec.status == "planned")]
        if not before or before[-1].country is None:
            continue
        frame = before[-1]
        if not frame.future:
            if rec.status == "planned" and (rec.date is None or rec.date.granularity != "day"):
                continue  # only a plan for a day of the stay ("on Friday he is due to meet X")
            if not _current(rec, published) or _dated_apart(rec):
                continue
        shared = bool(frame.parties & rec.countries)
        if shared or frame.gathering and _side_contact(rec):
            rec.location_country = frame.country


MOVE_VERBS = frozenset({"shuttle", "travel", "fly", "go", "head", "arrive", "come", "leave", "continue"})
MOVE_PREPOSITIONS = frozenset({"between", "to", "into", "for", "in"})


def _trip_towns(verb: Token, lookup: Lookup) -> list[tuple[str, str]]:
    """(town, state) of each place a trip verb goes to: "shuttled between Beirut and Damascus", "travelled to X"."""
    out = []
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in MOVE_PREPOSITIONS:
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            for t in [g, *(x for x in g.children if x.dep_ == "conj")]:
                if t.i in lookup.dateline or not (is_place(t) or _town_word(t)):
                    continue
                name = _place_name(t, lookup)
                code = lookup.place_country(name)
                if code and not code.startswith("IGO:"):
                    out.append((name, code))
    return out


def place_on_the_way(records: list[Record], lookup: Lookup) -> None:
    """"shuttled between Beirut and Damascus, holding talks first with X and then with Y", "travelled to Addis
    Ababa and held talks with Z": a contact told inside a trip takes the trip's town in the state of one of its
    parties (never the traveller's own: "flew home to Delhi after meeting X" is no stay). A state only borrowed
    from a visit gives way to it; a place of the contact's own words stays."""
    for rec in records:
        if rec.location or rec.kind in ("call", "visit") or rec.status == "cancelled":
            continue
        found: dict[str, str] = {}
        for m in rec.mentions:
            for v in m.sent:
                if v.pos_ != "VERB" or v.lemma_.lower() not in MOVE_VERBS or m.trigger not in list(v.subtree):
                    continue
                subject = [c for c in v.children if c.dep_ == "nsubj"]
                span = lookup.doc[subject[0].left_edge.i : subject[0].i + 1] if subject else None
                home = set(lookup.countries(span)) if span is not None else set()
                of_person = getattr(lookup.resolver, "country_of_span", None)
                if span is not None and of_person is not None:
                    home.add(of_person(span))  # "before Mr X flew on to Delhi": X's own state is no stay
                for name, code in _trip_towns(v, lookup):
                    if code in rec.countries and code not in home:
                        found.setdefault(code, name)
        if len(found) == 1:
            code, name = next(iter(found.items()))
            rec.location, rec.location_country = name, code
