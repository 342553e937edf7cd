"""States told as present at a gathering by what their people did there, not by a verb of attending.

A summit's participants are often told by a speech given there ("Speaking at the summit, X said", "Y told fellow
leaders at the summit that", "In a speech at the forum, Z said"), by a journey made for it ("X flew in for the
meeting", "delegations from A and B were in Geneva for the talks"), by a bilateral held on its sidelines ("On the
sidelines of the summit, A met B": both were there), by the guests before whom it was opened ("opened the
negotiations in the presence of A, B and C"), and, for a bloc's summit, by the members the text names ("a summit of
the X, which also includes A and B"). Each reader returns who took part, the gathering noun the clause names (None:
the gathering told nearby) and whether the clause only frames another contact by the gathering (the sidelines):
such states complete a gathering the article tells, never make one, since a summit named only as the frame of a
bilateral is no entry of its own (ANNOTATION.md).

Only a presence AT the gathering counts: "speaking about the summit", "in a speech in Brasilia", "said ahead of the
summit", a news or press conference, "Russia is for talks" (in favour) and "pressed for talks" (a wish) tell none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from extractors.meetings.precision import SIDELINES
from extractors.meetings.roster_roles import GUEST_NOUNS
from extractors.meetings.syntax import agents_of, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of speaking whose speaker was where the words were spoken ("said at the summit", "told the summit").
SPEECH_VERBS = frozenset({"say", "tell", "speak", "declare", "announce", "warn", "urge", "argue", "insist", "stress",
                          "add", "note", "propose", "pledge", "vow", "appeal", "plead", "remark", "state", "caution"})
# Nouns of a speech given at a gathering ("in a speech at the forum", "in his address to the summit").
SPEECH_NOUNS = frozenset({"speech", "address", "remarks", "statement", "keynote", "intervention"})
# Verbs of a journey or a stay made for a gathering ("flew in for the meeting", "were in Geneva for the talks").
MOTION_VERBS = frozenset({"arrive", "fly", "travel", "come", "go", "head", "land", "be", "gather", "converge",
                          "assemble", "jet", "journey"})
# A "conference" or "meeting" of another sort: the press's, a phone's, a screen's.
OTHER_MODS = frozenset({"news", "press", "video", "phone", "telephone", "virtual", "online", "business", "party",
                        "cabinet", "board", "shareholder", "shareholders", "fan", "fans", "media"})
RELATIVE = ("who", "which", "that")
# A sitting of a gathering: "told the opening session" may be a guest's speech at a summit that only frames the story.
PART_NOUNS = frozenset({"session", "plenary", "opening", "signing", "ceremony"})
T = TypeVar("T")


def _gathering(noun: Token | None, nouns: frozenset[str]) -> Token | None:
    """The noun when it names a gathering of states' people: "the summit", not "a news conference"."""
    if noun is None or noun.lemma_.lower() not in nouns or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in OTHER_MODS for c in noun.children):
        return None
    return noun


def _pobj(prep: Token) -> Token | None:
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def _preps(tok: Token, words: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "prep" and c.lower_ in words]


def _doers(verb: Token) -> list[Token]:
    return [s for s in agents_of(verb) if s.lower_ not in RELATIVE]


def _spoke_at(verb: Token, nouns: frozenset[str]) -> Token | None:
    """The gathering a speaker spoke at, a sitting of it aside (see PART_NOUNS)."""
    found = _spoke_at_noun(verb, nouns)
    return None if found is None or found.lemma_.lower() in PART_NOUNS else found


def _spoke_at_noun(verb: Token, nouns: frozenset[str]) -> Token | None:
    """The gathering a speaker spoke at: "said at the summit", "told the summit", "told leaders at the summit",
    "Speaking at the summit, X said", "In a speech at/to the forum, X said"."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS:
        return None
    for p in _preps(verb, ("at", "to") if lemma == "speak" else ("at",)):
        found = _gathering(_pobj(p), nouns)
        if found is not None:
            return found
    if lemma == "tell":
        found = _gathering(next((c for c in verb.children if c.dep_ == "dobj"), None), nouns)
        if found is not None:
            return found
    for p in _preps(verb, ("in", "during")):
        speech = _pobj(p)
        if speech is None or speech.lemma_.lower() not in SPEECH_NOUNS:
            continue
        for q in _preps(speech, ("at", "to", "before")):
            found = _gathering(_pobj(q), nouns)
            if found is not None:
                return found
    return None


def _came_for(verb: Token, nouns: frozenset[str]) -> Token | None:
    """The gathering a journey or stay was made for: "flew in for the meeting", "arrived in Kyiv for the talks",
    "were in Geneva for the talks" (with "be" only beside a place: "Russia is for talks" is a stance)."""
    lemma = verb.lemma_.lower()
    if lemma not in MOTION_VERBS:
        return None
    if lemma == "be" and not (_preps(verb, ("in", "at")) or any(
            c.dep_ == "advmod" and c.lower_ in ("there", "here") for c in verb.children)):
        return None
    for p in _preps(verb, ("for",)):
        found = _gathering(_pobj(p), nouns)
        if found is not None and not _preps(found, ("with", "between")):
            return found  # "flew to X for talks with Y" is a pair's contact, told by its own words
    return None


def _partners(verb: Token) -> list[Token]:
    """The parties of a contact verb: its subjects, its object ("met B") and "with" partners ("held talks with B")."""
    out = [s for s in subject_of(verb) if s.lower_ not in RELATIVE]
    for c in verb.children:
        if c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "GPE", "NORP") or c.pos_ == "PROPN"):
            out.append(c)
        heads = [verb] + ([c] if c.dep_ == "dobj" else [])
        out += [g for h in heads for p in _preps(h, ("with",)) if (g := _pobj(p)) is not None]
    return out


def _on_sidelines(tok: Token, nouns: frozenset[str]) -> tuple[list[Token], Token | None] | None:
    """"On the sidelines (of the summit), A met B, and C held talks with D": each contact's parties were at the
    gathering (the one the phrase names, or the one told just before)."""
    if tok.lower_ not in SIDELINES or tok.dep_ != "pobj" or tok.head.lower_ not in ("on", "at", "in"):
        return None
    verb = tok.head.head
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head  # "held a bilateral meeting on the sidelines"
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    of = next((g for p in _preps(tok, ("of",)) if (g := _pobj(p)) is not None), None)
    target = _gathering(of, nouns)
    if of is not None and target is None:
        return None  # "on the sidelines of a trade fair"
    who = _partners(verb)
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB":
            who += _partners(c)  # "..., and C held talks with D"
    return (who, target) if len(who) >= 2 else None


def _in_presence(tok: Token, nouns: frozenset[str]) -> tuple[list[Token], Token | None] | None:
    """"X opened the negotiations in the presence of A, B and C": those present at the gathering the verb names."""
    if tok.lower_ != "presence" or tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return None
    verb = tok.head.head
    target = next((g for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")
                   and (g := _gathering(c, nouns)) is not None), None)
    if target is None:
        return None
    of = next(iter(_preps(tok, ("of",))), None)
    if of is None:
        return None
    return [t for t in of.subtree if t.dep_ in ("pobj", "conj", "appos")], target


def _bloc_members(verb: Token, nouns: frozenset[str]) -> tuple[list[Token], Token | None] | None:
    """"a summit of the X, which also includes A and B": the members named of the bloc whose summit it is."""
    if verb.lemma_.lower() not in ("include", "comprise") or verb.dep_ != "relcl":
        return None
    bloc = verb.head
    if bloc.dep_ != "pobj" or bloc.head.lower_ != "of":
        return None
    target = _gathering(bloc.head.head, nouns)
    if target is None:
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return [t for o in objs for t in o.subtree if t.i == o.i or t.dep_ in ("conj", "appos")], target


def _welcomed_including(verb: Token) -> list[Token] | None:
    """"X welcomed fellow leaders including A, B and C": the host and the guests the text names."""
    if verb.lemma_.lower() not in ("welcome", "greet", "receive"):
        return None
    guests = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in GUEST_NOUNS
                   and c.tag_ == "NNS"), None)
    if guests is None:
        return None
    listed = [g for p in guests.children if p.dep_ == "prep" and p.lower_ in ("including", "like")
              for g in p.children if g.dep_ == "pobj"]
    listed += [g for a in guests.children if a.dep_ == "amod" and a.lower_ == "such"  # "leaders such as A"
               for p in a.children if p.lower_ == "as" for g in p.children if g.dep_ == "pobj"]
    if not listed:
        return None
    return _doers(verb) + [t for h in listed for t in h.subtree if t.i == h.i or t.dep_ in ("conj", "appos")]


def _in_person(verb: Token) -> bool:
    """"while X attended in person", "Y will attend in his place": attending, the gathering told nearby."""
    return verb.lemma_.lower() in ("attend", "participate") and not any(c.dep_ == "dobj" for c in verb.children) \
        and any(g.lower_ in ("person", "place", "stead") for p in _preps(verb, ("in",)) for g in p.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def presence_clause(tok: Token, nouns: frozenset[str]) -> tuple[list[Token], Token | None, bool] | None:
    """Who a token's clause tells was present at a gathering, the gathering noun it names (None: the one told
    nearby), and whether the clause only frames another contact by the gathering."""
    if tok.pos_ in ("NOUN", "PROPN"):
        found = _on_sidelines(tok, nouns)
        if found is not None:
            return (*found, True)
        found = _in_presence(tok, nouns)
        return (*found, False) if found is not None and found[0] else None
    if tok.pos_ not in ("VERB", "AUX") or _negated(tok):
        return None
    found = _bloc_members(tok, nouns)
    if found is not None:
        return (*found, False) if found[0] else None
    if _in_person(tok):
        return (who, None, False) if (who := _doers(tok)) else None
    welcomed = _welcomed_including(tok)
    if welcomed:
        return welcomed, None, False
    target = _spoke_at(tok, nouns) or _came_for(tok, nouns)
    if target is None:
        return None
    who = _doers(tok)
    return (who, target, False) if who else None


def met_at(trigger: Token, contacts: dict[int, T]) -> T | None:
    """"A and B agreed to meet again in October, when X hosts a summit": the contact whose time the gathering's
    clause gives is held at the gathering (the contact's record, by its trigger's index; None when none)."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if not any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return None
    if verb.dep_ not in ("advcl", "relcl"):
        return None
    for up in list(verb.ancestors)[:4]:  # "meet again in May in Y, as ..., when X hosts": the clause on its time
        if up.i in contacts:
            return contacts[up.i]
    return None


HOLD_VERBS = frozenset({"host", "hold", "convene"})
# A sitting a contact may be held at; "when C hosted talks between A and D" tells other parties, not A's meeting with B.
SITTINGS = frozenset({"summit", "conference", "forum", "gathering"})


def hosted_when(trigger: Token, nouns: frozenset[str]) -> tuple[list[Token], Token] | None:
    """"A and B agreed to meet again in August, when C hosts a summit of the bloc, which also includes D and E": the
    contact's own clause says it is held at C's summit; the host and the bloc's named members take part. The summit
    is then no mention of its own (the parser hangs "when C hosts" on the contact's verb)."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    times = [g for p in _preps(verb, ("in", "on", "at")) if (g := _pobj(p)) is not None and g.ent_type_ == "DATE"]
    clauses = [c for c in verb.children if c.dep_ == "advcl"] + [
        c for t in times for c in t.children if c.dep_ == "relcl"]  # "meet in August, when C hosts"
    for c in clauses:
        if c.lemma_.lower() not in HOLD_VERBS or _negated(c) or not any(
                w.dep_ == "advmod" and w.lower_ == "when" for w in c.children):
            continue
        noun = next((g for g in c.children if g.dep_ == "dobj" and _gathering(g, nouns & SITTINGS) is not None), None)
        if noun is None:
            continue
        who = [s for s in subject_of(c) if s.lower_ not in RELATIVE]
        for of in _preps(noun, ("of",)):
            bloc = _pobj(of)
            for r in bloc.children if bloc is not None else []:
                found = _bloc_members(r, nouns)
                if found is not None:
                    who += found[0]
        return who, noun
    return None
