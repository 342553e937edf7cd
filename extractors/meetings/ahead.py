"""Contacts still to come told beside a held one, and a trip under way told with its stops ahead.

A story that reports today's talks often adds what the two sides agreed or expect next: "technical teams from the
two governments will meet in Nairobi", "their teams would meet in Berlin next month", "a joint council that would
meet regularly", "the council's next session would be held in Cairo", "before returning for another round with
X". Each is a planned contact of the same pair (a series agreed is one planned entry). The words that make it
one are grammatical: a plural of a state's people tied to both sides, a body of the two states, a counted sitting
of a body, a round held "with" someone. Conversely "X, who is on a visit to Y that will take him to Z" is a visit
under way: held, whatever its remaining stops.

`mentions` (who meets, which trip is under way, a briefing's topic, a destination the parser hung on the verb),
`triggers` (a body's sitting, a round with someone, a briefing in person), `status` (a wish, a contact under
discussion) and `merge` (periods in other years) call these.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from extractors.meetings.lexicon import (
    JOINT_BODY_MODIFIERS,
    JOINT_BODY_NOUNS,
    NON_CONTACT_NOUNS,
    NON_CONTACT_VERBS,
    OFFICIAL_NOUNS,
)
from extractors.meetings.one_contact import on_visit_now

if TYPE_CHECKING:
    from spacy.tokens import Token

# People a government sends to meet the other side's: "technical teams", "experts", "negotiators".
SIDE_PEOPLE = frozenset(
    "team teams expert experts official officials negotiator negotiators delegation delegations representative "
    "representatives envoy envoys minister ministers".split()
)
# What "the two ..." must be for the people to be a state's: governments, countries, not clubs or firms.
STATE_SIDES = frozenset({"government", "governments", "country", "countries", "state", "states", "nation", "nations"})
SIDE_OWNERS = frozenset({"their"})
GOVERNMENT_TEAM_WORDS = frozenset({"technical", "negotiating"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})


def team_of_both_sides(t: Token) -> bool:
    """"technical teams from the two governments", "experts of both countries", "their teams": a plural of a
    state's people tied to the two sides the story is about (the states come from the story, as for "the two
    leaders"). A bare "two teams" or "teams from both sides" could be players; they are not read here."""
    if t.tag_ not in ("NNS", "NNPS") or t.lower_ not in SIDE_PEOPLE:
        return False
    for c in t.children:
        if c.dep_ == "amod" and c.lower_ in GOVERNMENT_TEAM_WORDS and t.lower_ in ("teams", "delegations"):
            return True  # "technical teams would meet in Nairobi": officials' word for the two sides' experts
        if c.dep_ == "poss" and c.lower_ in SIDE_OWNERS:
            return _owned_by_states(t)  # "the leaders agreed that their teams would meet"; not "both clubs said"
        if c.dep_ == "prep" and c.lower_ in ("from", "of"):
            for g in c.children:
                if g.dep_ == "pobj" and g.lower_ in STATE_SIDES and any(
                        d.lower_ in ("two", "both") for d in g.children):  # fmt: skip
                    return True
    return False


def _owned_by_states(t: Token) -> bool:
    """Whether the "their" of "their teams" is officials' or states': the subject of the nearest verb above the
    clause ("the two leaders agreed that their teams ...") is an official, a state or a person, not a club or a
    company ("Both clubs said their teams would meet in the final")."""
    verb = t.head
    for _ in range(4):
        if verb.head is verb:
            break
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            s = subjects[0]
            return s.ent_type_ in ("PERSON", "GPE", "NORP") or s.lower_ in OFFICIAL_NOUNS or s.lemma_.lower() in (
                OFFICIAL_NOUNS)
    return False


def founded_joint_body(agents: list[Token], chain: list[Token]) -> bool:
    """"would set up a joint security council that would meet regularly": a body of the two states, named with its
    own joint word, meeting in a clause still to come, is a planned contact between them (an agreed series is one
    planned entry). A body told as meeting already ("the joint committee met") is left to the older rules."""
    if len(agents) != 1 or not chain:
        return False
    body = agents[0]
    if body.lemma_.lower() not in JOINT_BODY_NOUNS:
        return False
    if any(c.dep_ == "poss" for c in body.children):
        return False  # "the EU's joint committee": a body named on its own
    if not any(c.dep_ in ("amod", "compound") and c.lower_ in JOINT_BODY_MODIFIERS for c in body.children) \
            and not binational(body):
        return False
    if any(a.lemma_.lower() in NON_CONTACT_VERBS | NON_CONTACT_NOUNS for a in body.ancestors):
        return False  # "proposed a joint council that would meet monthly": a proposal, not an agreement
    verb = chain[0]
    return bool({c.lower_ for c in verb.children if c.dep_ == "aux"} & FUTURE_AUX)


def binational(body: Token) -> bool:
    """"a Franco-German council", "a Polish-German security council": a body named by two peoples joined by a
    hyphen is the two states' (a "French council" is one state's)."""
    for c in body.children:
        if c.dep_ not in ("amod", "compound", "nmod") or not c.text[:1].isupper():
            continue
        if any(g.dep_ in ("amod", "compound", "nmod") and g.text[:1].isupper() and g.i == c.i - 2
               and body.doc[c.i - 1].text == "-" for g in c.children):  # fmt: skip
            return True
    return False


BODY_SITTINGS = frozenset({"session", "sessions", "meeting", "meetings"})
NEXT_WORDS = frozenset({"next", "following", "second", "third", "fourth", "fifth", "first"})


def body_sitting(tok: Token) -> bool:
    """"the council's next session", "the next session of the commission": a counted sitting of a standing body;
    its parties come from the story, as for "its next session" (a session of parliament or of a court has no
    counting word and a body of no two states around it, and finds no pair)."""
    if tok.lower_ not in BODY_SITTINGS or not any(c.lower_ in NEXT_WORDS and c.dep_ == "amod" for c in tok.children):
        return False
    owners = [c for c in tok.children if c.dep_ == "poss"]
    owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
               if g.dep_ == "pobj"]  # fmt: skip
    return any(o.lemma_.lower() in JOINT_BODY_NOUNS for o in owners)


ROUND_PARTNER_PREPS = frozenset({"with"})


def round_with_someone(tok: Token) -> bool:
    """"before returning to X for another round with Y", "a new round with the Iranians": a round held with
    someone is a contact with them, whatever verb carries it (the bare "round of" something is read elsewhere)."""
    if tok.lower_ != "round" or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("another", "a") or c.dep_ == "amod" and c.lower_ in NEXT_WORDS
               | {"new", "further", "fresh", "final", "last"} for c in tok.children):  # fmt: skip
        return False
    return any(c.dep_ == "prep" and c.lower_ in ROUND_PARTNER_PREPS and any(
        g.dep_ == "pobj" and (g.ent_type_ in ("PERSON", "NORP", "GPE") or g.pos_ == "PROPN") for g in c.children)
        for c in tok.children)  # fmt: skip


def under_way(tok: Token, country_of: Callable[[str], str | None]) -> str | None:
    """"X, who is on a three-day state visit to Y that will take him to Z": a visit to a state the traveller "is on"
    now is under way (held) in that state, its stops inside it with it; stops in other states are still ahead. A
    tour with no state of its own ("is on a North Africa tour that takes her to A and B") is told by its stops,
    each ahead. Not "will be on a visit". Returns the state the visit is under way in, or None."""
    if on_visit_now(tok) is None:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ == "GPE":
                    name = tok.doc[g.left_edge.i : g.right_edge.i + 1].text if g.right_edge.i - g.i < 4 else g.text
                    return country_of(name) or country_of(g.text)
    return None


REMOTE_WORDS = frozenset({"call", "phone", "telephone", "video", "videoconference", "letter", "message", "line"})
TRAVEL_LEMMAS = frozenset({"fly", "travel", "go", "head", "return", "come", "leave"})


def briefed_in_person(tok: Token, objs: list[Token], person_like: Callable[[Token], bool],
                      seen: Callable[[Token, list[Token]], bool]) -> bool:
    """"will fly to Seoul on Wednesday to brief President X", "is scheduled to brief X in Paris on Tuesday": a
    briefing of a person the traveller goes to see, or at a stated time or place, is a meeting with them; "briefed
    reporters", "briefed parliament" and a briefing by telephone are not (the two states are checked later)."""
    if not any(person_like(o) for o in objs):
        return False
    if any(t.lower_ in REMOTE_WORDS for c in tok.children if c.dep_ in ("prep", "agent") for t in c.subtree):
        return False  # "briefed X on the summit in a call on Sunday": the call is the contact, told by its word
    if tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() in TRAVEL_LEMMAS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):  # fmt: skip
        return True
    return seen(tok, objs)


REPORT_VERBS = frozenset({"brief", "debrief", "inform", "update"})


def topic_of_briefing(tok: Token) -> bool:
    """"to brief President X on the talks": the contact a briefing is about is one told already, named by its
    article alone; the one briefed takes no part in it. "on the talks with Y" names its own party and is read as
    usual, as is "about his talks in Ankara"."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj" or tok.head.lower_ not in ("on", "about"):
        return False
    verb = tok.head.head
    if verb.lemma_.lower() not in REPORT_VERBS:
        return False
    if any(c.dep_ not in ("det", "poss") for c in tok.children):
        return False  # "on his talks in Ankara", "on the trilateral meeting held in Sochi": words of its own
    return any(c.lower_ in ("the", "their", "his", "her", "these", "those") for c in tok.children)


def in_other_years(a: str | None, b: str | None) -> bool:
    """Two resolved periods ("2024-09", "2025") in different years: however vague the words that gave them ("later
    this month", "next year"), two contacts, not one told twice."""
    return bool(a and b) and a[:4].isdigit() and b[:4].isdigit() and a[:4] != b[:4]


WISH_VERBS = frozenset({"hope", "wish", "dream", "pray", "want"})


def wished_for(chain: list[Token]) -> bool:
    """"The two leaders hope their teams will one day meet", "hopes (that) they will meet again": a contact in a
    clause of hoping is a wish, not a plan (the infinitive "hopes to meet" is read through the chain already)."""
    if not chain:
        return False
    top = chain[-1]
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in WISH_VERBS


DISCUSSION_VERBS = frozenset({"discuss", "explore", "negotiate", "arrange", "prepare", "finalise", "finalize"})


def under_discussion(tok: Token) -> bool:
    """"expected to discuss a possible visit by X to Y next year", "explored a potential summit": a contact under
    discussion is planned (ANNOTATION.md), though "possible" alone makes it a mere hypothesis."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in DISCUSSION_VERBS \
        and any(c.lower_ in ("possible", "potential") and c.dep_ == "amod" for c in tok.children)


def destination_after(tok: Token, verb: Token | None) -> list[Token]:
    """"discussed a possible visit by Lee to Beijing": a "to" phrase the parser hung on the verb right after the
    visit's own words is the visit's destination (one discusses or announces a visit, never to a place)."""
    if verb is None or tok.dep_ != "dobj" or verb.lemma_.lower() in TRAVEL_LEMMAS:
        return []
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i == tok.right_edge.i + 1
            for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "GPE"]  # fmt: skip
