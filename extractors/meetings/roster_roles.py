"""Roles that tell a state took part in a gathering without a verb of attending.

A summit's or a round of talks' states are often told by the part each played rather than by "attended": the one
who hosted, chaired or opened it or greeted the guests; the mediator ("the talks were mediated by X"); the head of a
delegation ("X led the Ghanaian delegation", "the UAE delegation was headed by Y"); those who joined a leader for a
summit ("A and B joined C at Camp David for a trilateral summit"); the state that sent someone
("A sent its prime minister"); those present ("Also present were X and Y"); "with the participation of the ministers
of A, B and C". Each reader returns who took part and the gathering noun the clause names (None: the gathering told
nearby) and whether they ran it, for `rosters.taking_part`: one who ran a gathering (host, chair, mediator)
completes a gathering of two states or more, never makes one with a single guest ("X arrived for the summit hosted
by Y" tells Y's summit, not a contact of X and Y).

Only a government's part counts: "sent troops", "sent a letter" and "led the team" name no envoy, and "sent no
delegation" is a refusal. A state that is the topic is never reached: every reader takes the clause's doer only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.syntax import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose doer runs the gathering named as their object ("hosted the talks", "chaired the summit"); "opened the
# session" is not read: a facilitator may open a sitting of talks it takes no part in.
RUN_VERBS = frozenset({"host", "chair", "co-chair", "cochair", "open", "convene", "preside"})
# Verbs whose doer takes part by bringing the parties together ("the talks were mediated by X").
MEDIATE_VERBS = frozenset({"mediate", "broker", "facilitate", "chair", "co-chair", "host", "convene"})
# The people a host greets: the guests of a gathering, not a crowd.
GUEST_NOUNS = frozenset({"guest", "delegation", "leader", "counterpart", "participant", "delegate", "minister",
                         "visitor", "head"})
# What a state sends to a gathering: an envoy, never goods, troops or a message.
ENVOY_NOUNS = frozenset({"delegation", "envoy", "minister", "representative", "official", "emissary", "deputy",
                         "ambassador", "president", "premier", "chancellor", "secretary", "diplomat"})
DELEGATION_NOUNS = frozenset({"delegation", "team"})
GOVERNMENT_ENTS = ("GPE", "NORP")


def _refused(noun: Token) -> bool:
    """"sent no delegation", "sent nobody": the object says no one went."""
    return noun.lower_ in ("nobody", "none", "noone") or any(c.lower_ == "no" for c in noun.children)


def _listed(heads: list[Token]) -> list[Token]:
    """The heads with the states and people the parser hung inside them ("Egypt's X and Saudi Arabia's Y" with the
    second conjunct on the first one's apposition)."""
    out = list(heads)
    for h in heads:
        out += [t for t in h.subtree if t.dep_ in ("conj", "appos") and t.i != h.i
                and (t.ent_type_ in (*GOVERNMENT_ENTS, "PERSON") or t.pos_ == "PROPN")]
    return out


def _gathering_obj(verb: Token, nouns: frozenset[str]) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns), None)


def _agents(verb: Token) -> list[Token]:
    return [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]


def _hung_on(verb: Token, gathering_nouns: frozenset[str]) -> Token:
    """The noun a participle ("hosted by X") describes: "a summit on the crisis in Y, hosted by X", which the parser
    may hang on the last noun of the summit's own phrase."""
    noun = verb.head
    of = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
               if g.dep_ == "pobj" and g.lemma_.lower() in gathering_nouns), None)
    if of is not None:
        return of  # "four days of talks in Y mediated by X"
    for _ in range(4):
        if noun.lemma_.lower() in gathering_nouns or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            break
        noun = noun.head.head
    return noun if noun.lemma_.lower() in gathering_nouns else verb.head


def _of_main_clause(verb: Token, gathering_nouns: frozenset[str]) -> Token | None:
    """The gathering the main clause tells, for a participle hung on its verb: "talks opened in Y, hosted by X",
    "held talks in Y, brokered by X", "called for Z at a summit in Y, hosted by X"."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in gathering_nouns:
            return c
    return next((g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "for") for g in p.children
                 if g.dep_ == "pobj" and g.lemma_.lower() in gathering_nouns), None)


def _venue(doers: list[Token], noun: Token) -> bool:
    """"Oman hosted talks between Iran and the United States": a state named as host of talks that list their own
    parties is the venue, not a party; a person who hosts ("hosted by Secretary of State X") takes part."""
    listed = any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children)
    return listed and all(d.ent_type_ == "GPE" for d in doers)


def _run(verb: Token, gathering_nouns: frozenset[str]) -> tuple[list[Token], Token | None] | None:
    """"X hosted/chaired/opened the summit" (active) and "the talks were mediated/chaired by X" (passive)."""
    lemma = verb.lemma_.lower()
    if lemma in RUN_VERBS and verb.dep_ != "acl":
        obj = _gathering_obj(verb, gathering_nouns)
        if obj is not None and not (lemma == "open" and obj.lemma_.lower() in ("session", "plenary")):
            doers = [s for s in subject_of(verb) if s.lower_ not in ("who", "which", "that")] or \
                ([verb.head] if verb.dep_ == "relcl" else [])
            return ([] if _venue(doers, obj) else doers), obj
    if lemma in MEDIATE_VERBS:
        agents = _agents(verb)
        if not agents:
            return None
        if verb.dep_ == "acl":
            noun = _hung_on(verb, gathering_nouns)
        elif verb.dep_ == "advcl" and not any(c.dep_ == "nsubjpass" for c in verb.children):
            noun = _of_main_clause(verb.head, gathering_nouns)  # "held talks in Y, brokered by X"
        else:
            noun = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if noun is not None and noun.lemma_.lower() in gathering_nouns:
            return ([] if _venue(agents, noun) else _listed(agents)), noun
    return None


def _greeted(verb: Token) -> list[Token] | None:
    """"X, the host, greeted/welcomed his guests": the host takes part."""
    if verb.lemma_.lower() not in ("greet", "welcome", "receive"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in GUEST_NOUNS or obj.tag_ != "NNS":
        return None
    return [s for s in subject_of(verb) if s.lower_ not in ("who", "which", "that")]


def _led_delegation(verb: Token) -> list[Token] | None:
    """"X led the Ghanaian delegation", "Y headed his country's delegation", "the UAE delegation was led by Z"."""
    if verb.lemma_.lower() not in ("lead", "head"):
        return None
    delegation = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                       and c.lemma_.lower() in DELEGATION_NOUNS and not _refused(c)), None)
    if delegation is None:
        return None
    if delegation.lemma_.lower() == "team" and not any(
            c.ent_type_ in GOVERNMENT_ENTS for c in delegation.children):
        return None  # "led the team": a side, a crew
    marks = [c for c in delegation.children if c.dep_ in ("amod", "compound", "poss", "nmod")
             and c.ent_type_ in GOVERNMENT_ENTS]
    doers = [d for d in (_agents(verb) if delegation.dep_ == "nsubjpass" else subject_of(verb))
             if d.lower_ not in ("who", "which", "that")]
    if not any(d.ent_type_ == "PERSON" or d.pos_ == "PROPN" for d in doers):
        return None  # "was led by the chairman of a shipbuilding group": a named official leads a state's delegation
    return marks or doers  # the delegation's own state, when it names one, is the leader's


def _sent(verb: Token) -> list[Token] | None:
    """"Australia sent Prime Minister X", "New Zealand sent its foreign minister": the sending state takes part."""
    if verb.lemma_.lower() != "send":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or _refused(obj):
        return None
    if obj.ent_type_ != "PERSON" and obj.lemma_.lower() not in ENVOY_NOUNS:
        return None  # "sent troops", "sent a letter"
    senders = [s for s in subject_of(verb) if s.ent_type_ in GOVERNMENT_ENTS]
    return senders or None


def _present(verb: Token) -> list[Token] | None:
    """"Also present were X and Y", "X was also present": those present at the gathering told nearby."""
    if verb.lemma_.lower() != "be" or not any(c.dep_ == "acomp" and c.lower_ == "present" for c in verb.children):
        return None
    return _listed([c for c in verb.children if c.dep_ in ("nsubj", "attr")])


def _participation(noun: Token) -> list[Token] | None:
    """"held ... with the participation of the ministers of A, B and C"."""
    if noun.lower_ != "participation":
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    return [t for t in of.subtree if t.dep_ in ("pobj", "conj", "appos")]


def _joined_for(verb: Token, gathering_nouns: frozenset[str]) -> tuple[list[Token], Token | None] | None:
    """"A and B joined C at Camp David for a trilateral summit": the joiners and the one they joined all take part
    in the gathering named after the verb ("joined the army" names none)."""
    if verb.lemma_.lower() != "join":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() in gathering_nouns or not (obj.ent_type_ in ("PERSON", *GOVERNMENT_ENTS)
                                                                     or obj.pos_ == "PROPN"):
        return None
    noun = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("for", "at", "in") for g in p.children
                 if g.dep_ == "pobj" and g.lemma_.lower() in gathering_nouns), None)
    if noun is None:
        return None
    return [s for s in subject_of(verb) if s.lower_ not in ("who", "which", "that")] + [obj], noun


def role_clause(tok: Token, gathering_nouns: frozenset[str]) -> tuple[list[Token], Token | None, bool] | None:
    """Who a token's clause tells took part by their role, the gathering noun it names, and whether they ran it (a
    host, chair or mediator: they complete a gathering of others, never make one); None when it tells none."""
    if tok.pos_ == "NOUN":
        who = _participation(tok)
        return (who, None, False) if who else None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    found = _run(tok, gathering_nouns)
    if found is not None:
        return (*found, True) if found[0] else None
    found = _joined_for(tok, gathering_nouns)
    if found is not None:
        return (*found, False)
    for reader in (_greeted, _led_delegation, _sent, _present):
        who = reader(tok)
        if who:
            return who, None, False
    return None
