"""Which words name a diplomatic contact, and which kind: "met", "talks", "phone call", "state visit".

A word of meeting in another sense is refused here where the words around it tell ("called on", "meet its
obligations", "the summit of the volcano", "a press conference"); the rest is left to the party checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.ahead import body_sitting, briefed_in_person, round_with_someone
from extractors.meetings.args import with_conjuncts
from extractors.meetings.bare_call import bare_call
from extractors.meetings.flights import present_flight
from extractors.meetings.itinerary import DEPARTURE_VERBS, finite_departure
from extractors.meetings.lexicon import (
    FORMATS,
    JOINT_BODY_MODIFIERS,
    JOINT_BODY_NOUNS,
    MEET_NONPERSON_OBJECTS,
    NOUN_KINDS,
    OFFICIAL_NOUNS,
    VERB_KINDS,
)
from extractors.meetings.multilateral import place_hung_partners, revived_format
from extractors.meetings.pairs import flight_as_visit, pair_subject, personal_exchange, talk_of_pair, together_nearby
from extractors.meetings.planned import joint_body_to_meet, leaders_retreat, onward_stop, sat_down_together
from extractors.meetings.reception import named_host_of_guest
from extractors.meetings.spoken import spoken_kind
from extractors.meetings.syntax import is_destination, is_place
from extractors.resolve.data import is_country_or_capital

if TYPE_CHECKING:
    from spacy.tokens import Token


def trigger_kind(tok: Token) -> str | None:
    """The kind of contact `tok` names, or None when it is not a meeting word in the diplomatic sense."""
    low = tok.lower_
    lemma = _verb_lemma(tok)
    if low == "two" and tok.i >= 4 and tok.doc[tok.i - 4 : tok.i + 1].text.lower() == "two-plus-two":
        # the tokenizer splits "two-plus-two" into five tokens; its last is the head of the phrase
        return "dialogue" if tok.dep_ != "compound" else None
    if _numeral_two_plus_two(tok):
        return "dialogue"
    if tok.pos_ in ("NOUN", "PROPN") and revived_format(tok):
        return "meeting"  # "agreed to revive the Normandy format"
    if tok.pos_ in ("NOUN", "PROPN") or low in ("two-plus-two",):
        kind = _noun_kind(tok, low)
        return "dialogue" if kind in ("talks", "meeting") and _named_two_plus_two(tok) else kind
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_kind(tok, lemma)


def _verb_lemma(tok: Token) -> str:
    """The lemma, mended where the tagger leaves a past form as its own lemma ("spent" in "X, Y and Z spent the day
    in Kyiv with W", where a misread subject list confuses it)."""
    lemma = tok.lemma_.lower()
    return "spend" if lemma == "spent" and tok.pos_ in ("VERB", "AUX") else lemma


def _numeral_two_plus_two(tok: Token) -> bool:
    """"the next "2+2" in Tokyo": the two-plus-two written in figures, which the tokenizer splits into "2", "+",
    "2"; its first figure heads the phrase."""
    doc = tok.doc
    return tok.text == "2" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "+" and doc[tok.i + 2].text == "2"


def _named_two_plus_two(tok: Token) -> bool:
    """"held the 2+2 talks", "the Foreign and Defense Ministerial Meeting ("2+2")": talks or a meeting that the
    text names a two-plus-two (in its modifiers, or in brackets just after it) are that dialogue."""
    doc = tok.doc
    left = [t for t in tok.lefts for t in t.subtree]
    after = doc[tok.i + 1 : min(len(doc), tok.i + 7)]
    if after and after[0].text not in ("(", "\"", "\u201c", "["):
        after = doc[tok.i + 1 : tok.i + 1]
    return any(_numeral_two_plus_two(t) or t.lower_ == "two-plus-two" or t.lower_ == "two" and t.i >= 4
               and doc[t.i - 4 : t.i + 1].text.lower() == "two-plus-two" for t in [*left, *after])


REMOTE_MODIFIERS = frozenset({"phone", "telephone", "video", "videophone"})
# Modifiers of a conversation held in person ("a private conversation", "a one-on-one conversation").
IN_PERSON_MODIFIERS = frozenset({"private", "one-on-one", "face-to-face", "tete-a-tete", "closed-door", "personal"})
# Nouns of a venue: a conversation "at the palace" was held there in person.
VENUE_NOUNS = frozenset(
    "palace residence office offices house hotel resort castle ministry chancellery headquarters embassy "
    "guesthouse complex villa dacha retreat kremlin".split()
)


def face_to_face(tok: Token) -> bool:
    """"held a private conversation at the Palace of the Revolution", "a one-on-one conversation at the resort": a
    conversation told in person (by its modifier, or by a venue it or its verb is placed at) is a meeting, not a
    call; "had a conversation at the initiative of X" names no venue."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in IN_PERSON_MODIFIERS for c in tok.children):
        return True
    for h in (tok, tok.head):
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ != "at":
                continue
            for g in c.children:
                if g.dep_ == "pobj" and (g.lower_ in VENUE_NOUNS or g.ent_type_ == "FAC"):
                    return True
    return False


def _noun_kind(tok: Token, low: str) -> str | None:
    """"talks", "a phone call", "the summit": not "a press conference", "the summit of the volcano"."""
    kind = NOUN_KINDS.get(low)
    if kind is None:
        return "meeting" if personal_exchange(tok) or leaders_retreat(tok) else None
    if low in ("call", "calls"):
        mods = {c.lower_ for c in tok.children}
        if mods & {"courtesy", "farewell"}:
            return "meeting"  # "paid a courtesy call on the minister": a visit in person
        if not mods & {"phone", "telephone", "video", "conference"} and tok.head.lemma_.lower() not in ("return",) \
                and not bare_call(tok):  # "in a 30-minute call", "a call with X": a phone call all the same
            return None
    if low in ("lunch", "dinner", "breakfast") and not any(c.dep_ in ("amod", "compound") and c.lower_ == "working"
                                                           for c in tok.children):  # fmt: skip
        return None  # only "a working lunch" is a meeting; a state dinner belongs to the visit it honours
    if low == "talk" and not {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")} & REMOTE_MODIFIERS:
        return None  # "a telephone talk with X" is a call; a bare "talk" is a lecture or chatter
    if low == "conference":
        mods = {c.lower_ for c in tok.children}
        if not mods & {"video", "phone", "telephone"}:
            return None  # a press conference belongs to the talks it follows
    if low in ("conversation", "conversations"):
        mods = {c.lower_ for c in tok.subtree}
        if not mods & {"phone", "telephone", "video"} and tok.head.lemma_.lower() not in ("have", "hold"):
            return None
        if not mods & {"phone", "telephone", "video", "videolink", "telephonic"} and face_to_face(tok):
            return "meeting"
    if low == "commission" and not (
        tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("hold", "convene", "host")
        or tok.dep_ == "compound" and tok.head.lower_ in ("meeting", "meetings", "session", "talks")
    ):
        return None  # "will hold the third Bilateral Commission", "the last Bilateral Commission meeting"
    if low == "round" and not _round_of_contacts(tok) and not round_with_someone(tok):
        return None
    if low == "session" and not (
        any(c.lower_ == "next" for c in tok.children) and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                              for c in tok.children)
    ) and not _session_with_group(tok) and not body_sitting(tok):  # fmt: skip
        return None  # only "the commission will hold its next session": not a session of parliament
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if low == "summit" and of and not any(
        g.lemma_.lower() in OFFICIAL_NOUNS or g.lower_ in OFFICIAL_NOUNS or g.ent_type_ in ("ORG", "GPE", "NORP")
        or g.pos_ == "PROPN" and not g.ent_type_ and g.lower_ in BLOC_NOUNS  # "of the Community of ... States"
        for g in of
    ):
        return None  # "the summit of the volcano"; not "the summit of the heads of state", "of the G20"
    return kind


BLOC_NOUNS = frozenset({"community", "union", "league", "organization", "organisation", "council", "conference",
                        "forum", "group", "alliance", "association", "cooperation", "commonwealth"})


def _session_with_group(tok: Token) -> bool:
    """"a plenary session with the foreign ministers of A, B and C": a sitting with officials of several named
    states is a meeting with them (a session of parliament or of a court has no such "with")."""
    return any(g.dep_ == "pobj" and _group_of_states(g) for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
               for g in c.children)  # fmt: skip


ROUND_MODIFIERS = frozenset("previous last next another new first second third fourth fifth sixth seventh eighth ninth "
                            "tenth latest further".split())
# Rounds of other things: votes, matches, sanctions, funding, fighting.
OTHER_ROUNDS = frozenset(
    "election elections vote votes voting ballot runoff poll polls primary match matches tournament game games "
    "qualifying playoff playoffs sanction sanctions funding financing investment tariff tariffs strike strikes "
    "fighting shelling layoff layoffs bidding auction golf boxing bout fight".split()
)


def _round_of_contacts(tok: Token) -> bool:
    """"the previous round was held in New Delhi", "another round in Geneva next month": a bare round of the process
    the article is about (its parties and kind come from that process, in the merge); never a round "of" something
    (the talks of "a round of talks" are the contact word) nor in a story about votes, matches or sanctions."""
    if tok.lower_ != "round" or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    if not any(c.lower_ in ROUND_MODIFIERS and c.dep_ in ("amod", "det") for c in tok.children):
        return False
    if not (tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("hold", "host")):
        return False  # "the third such round this year" describes a contact told in its own words
    return not any(t.lower_ in OTHER_ROUNDS or t.lemma_.lower() in OTHER_ROUNDS for t in tok.sent)


STATE_WORDS = frozenset("government governments state states nation nations country countries side sides party parties "
                        "administration ministry".split())
SIGNED_NOUNS = frozenset(
    "pact agreement accord treaty deal memorandum declaration communique communiqué charter protocol".split()
)


def _named_person(t: Token) -> bool:
    """A named person or a pronoun standing for one ("he and Minister X signed")."""
    if t.lower_ in ("he", "she", "i"):
        return True
    if t.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC"):
        return False  # "Russia and China signed a deal", "X Corp and Y signed": no meeting named
    if t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and any(
        c.dep_ == "compound" and (c.ent_type_ == "PERSON" or c.lower_ in OFFICIAL_NOUNS) for c in t.children
    ):
        return True  # "Prime Minister Pham Minh Tuan" where the tagger stopped short of the surname
    return t.lemma_.lower() in OFFICIAL_NOUNS and t.lemma_.lower() not in STATE_WORDS


AUDIENCE_NOUNS = frozenset(
    "reporter journalist press media audience crowd student supporter voter worker resident journalist "
    "correspondent broadcaster newspaper television radio camera gathering".split()
)
GROUP_SIGNERS = frozenset(
    "minister ministers leader leaders president presidents premier premiers delegation delegations official officials "
    "representative representatives envoy envoys negotiator negotiators head heads chief chiefs secretary "
    "secretaries".split()
)


GROUP_STATES = frozenset({"country", "nation", "government", "side"})


def signing_group(t: Token) -> bool:
    """A plural subject of officials of two states: "the foreign ministers of X and Y", "defence ministers from the
    two countries", "Ghanaian and Togolese officials", "the two leaders"."""
    if t.tag_ != "NNS" or t.lemma_.lower() not in GROUP_SIGNERS and t.lower_ not in GROUP_SIGNERS:
        return False
    for c in t.children:
        if c.dep_ == "nummod" and c.lower_ == "two" or c.dep_ == "det" and c.lower_ == "both":
            return True  # "the two leaders", "both delegations"
        if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" and any(x.ent_type_ == "NORP" for x in c.conjuncts):
            return True  # "Ghanaian and Togolese ministers"
        if c.dep_ == "poss" and c.lemma_.lower() in GROUP_STATES and any(x.lower_ in ("two", "both")
                                                                        for x in c.children):  # fmt: skip
            return True  # "the two countries' defence ministers"
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                if g.ent_type_ in ("GPE", "NORP") and g.conjuncts:
                    return True  # "of Ghana and Togo"
                if g.lemma_.lower() in GROUP_STATES and any(
                    x.lower_ in ("two", "both") for x in g.children
                ):
                    return True  # "from the two countries", "of both sides"
    return False


# Things done side by side with a foreign counterpart ("toured the plant with the president of X"): a contact only
# with a person or an official of another state in a "with" phrase (checked against the parties later).
ACCOMPANY_VERBS = frozenset({"tour", "inspect", "inaugurate", "unveil", "lay"})
ACCOMPANY_OBJECTS = {"lay": frozenset({"wreath", "wreaths", "stone", "foundation", "cornerstone"})}
# Heads of the bodies an official may address as a party of a contact.
BODY_HEADS = frozenset({"council", "commission", "parliament", "committee", "board"})


def _accompanied(tok: Token) -> bool:
    """"toured a copper mine with the president of Peru", "laid a wreath together with X": the verb with a person
    in a "with" phrase (the parties' check refuses one of the subject's own country)."""
    need = ACCOMPANY_OBJECTS.get(tok.lemma_.lower())
    if need is not None and not any(c.dep_ == "dobj" and c.lower_ in need for c in tok.children):
        return False
    holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]  # the parser may hang "with" on the site
    withs = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "alongside")]
    withs += [g for c in tok.children if c.dep_ == "advmod" and c.lower_ == "together"
              for g in c.children if g.dep_ == "prep" and g.lower_ == "with"]  # fmt: skip
    return any(_person_like(g) for w in withs for g in w.children if g.dep_ == "pobj")


def _person_like(o: Token) -> bool:
    """A person or an official: "Emeka Obi", "the minister", "President Obi" (a name the tagger missed)."""
    if o.ent_type_ == "PERSON" or o.lower_ in OFFICIAL_NOUNS:
        return True
    return o.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_ in OFFICIAL_NOUNS for c in o.children)


CALL_PURPOSES = frozenset("discuss review deliver convey present hand exchange brief".split())


def _courtesy_call(tok: Token) -> bool:
    """"called on the prime minister": "on" with an official or a person, and no urging ("called on X to
    release ...", "called on X for restraint")."""
    # the "on" right after the verb: not "On Tuesday, she called on X"
    on = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i == tok.i + 1), None)
    if on is None:
        return False
    objs = [g for g in on.children if g.dep_ == "pobj"]
    if not objs or not any(_person_like(o) or o.lemma_.lower() in OFFICIAL_NOUNS for o in objs):
        return False
    for x in [tok, *objs]:
        for c in x.children:
            if c.dep_ in ("xcomp", "ccomp") or c.dep_ in ("advcl", "acl", "relcl") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children
            ) and c.lemma_.lower() not in CALL_PURPOSES:
                return False  # "called on Iran to release the sailors"; not "called on X to discuss trade"
            if c.dep_ == "prep" and c.lower_ == "for":
                return False  # "called on both sides for restraint"
    return True


def joint_body(tok: Token) -> bool:
    """"the joint technical committee", "a binational cabinet": a standing body of two states."""
    return tok.lemma_.lower() in JOINT_BODY_NOUNS and any(
        c.dep_ in ("amod", "compound") and c.lower_ in JOINT_BODY_MODIFIERS for c in tok.children
    )


def due_in(tok: Token) -> Token | None:
    """"X is due in Tokyo on Saturday", "Y, who is expected in Islamabad next month": a traveller awaited in a
    country or its capital is a planned visit there. Returns the word that holds the place ("due", "expected")."""
    holder = None
    if tok.lemma_.lower() == "be":
        holder = next((c for c in tok.children if c.dep_ == "acomp" and c.lower_ == "due"), None)
    elif tok.lemma_.lower() == "expect" and any(c.dep_ == "auxpass" for c in tok.children):
        holder = tok
    if holder is None or any(c.dep_ in ("xcomp", "ccomp") for x in (tok, holder) for c in x.children):
        return None  # "is expected to meet", "is due to travel": the contact has words of its own
    places = [g for c in holder.children if c.dep_ == "prep" and c.lower_ == "in"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if not any(is_place(g) and g.ent_type_ != "ORG" and is_country_or_capital(g.text) for g in with_conjuncts(places)):
        return None  # "due in court", "expected in the coming days", "due in Geneva" (no seat of a state)
    return holder


# What one "calls" without ringing anyone: an election, a tender, a strike, a session.
CALLED_THINGS = frozenset(
    "tender election elections vote referendum strike halt ceasefire truce session meeting conference summit poll "
    "inquiry investigation".split()
)


def _together_plural(tok: Token) -> bool:
    """ "The two ministers sat down together": a plural subject meeting each other, with no "with" needed."""
    if not any(c.lower_ == "together" and c.dep_ == "advmod" for c in tok.children):
        if not (pair_subject(tok) and together_nearby(tok)):
            return False
    if pair_subject(tok):
        return True  # "X and Y sat down together"
    return any(c.dep_ == "nsubj" and (c.tag_ == "NNS" or c.lower_ == "they") for c in tok.children)


def _verb_kind(tok: Token, lemma: str) -> str | None:
    """"met", "spoke with", "visited", "hosted X": not "called on", "meet its obligations", "joined NATO"."""
    if due_in(tok) is not None or lemma == "spend" and _stay_in_capital(tok):
        return "visit"
    if lemma == "spend":
        return "meeting" if company_partners(tok) else None
    if onward_stop(tok):
        return "visit"  # "before going on to Beijing"
    if lemma in DEPARTURE_VERBS:
        return "visit" if finite_departure(tok) else None  # "leaves on Tuesday for X"
    kind = VERB_KINDS.get(lemma)
    if kind is None:
        return None
    deps = {c.dep_ for c in tok.children}
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if lemma == "call":
        right_after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        if right_after in ("on", "upon") and _courtesy_call(tok):
            return "meeting"  # "called on the prime minister on Wednesday": a courtesy call in person
        if right_after in ("on", "for", "off", "in", "upon") or deps & {"oprd", "prt", "xcomp", "ccomp"}:
            return None
        if not objs or any(o.pos_ == "PRON" and o.lower_ in ("it", "this", "that", "what") for o in objs):
            return None
        if tok.dep_ in ("relcl", "acl") and tok.tag_ == "VBN":
            return None  # "a program called X"
        if all(o.lemma_.lower() in CALLED_THINGS for o in objs):
            return None  # "call a tender", "called a snap election": an act of convening, nobody rung up
        return "call"
    if lemma in ("speak", "talk", "confer", "negotiate"):
        preps |= {c.lower_ for c in tok.children if c.dep_ == "agent"}  # "spoke by telephone": "by" parsed as agent
        if lemma == "negotiate" and any(c.dep_ == "prep" and c.lower_ == "with" and any(
                _person_like(g) for g in c.children if g.dep_ == "pobj") for o in objs for c in o.children):
            preps.add("with")  # "to negotiate a supply contract with President X": "with" hangs on the deal
        if not preps & ({"with"} if lemma == "negotiate" else {"with", "to", "by"}):
            if lemma in ("speak", "talk") and talk_of_pair(tok):
                if lemma == "talk":
                    return "talks"  # "the two men talked for three hours": in person
                if any(c.dep_ == "neg" for c in tok.children):
                    return "meeting"  # "the two have not spoken since March": left as it was read
                return spoken_kind(tok, pair=True)  # "the two last spoke on February 23": a call
            return None  # "negotiating a pipeline to the capital": a process, not a contact with anyone
        heard = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                 for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if heard and all(g.pos_ == "NOUN" and g.lemma_.lower() in AUDIENCE_NOUNS for g in heard):
            return None  # "spoke to reporters", "talked with students": an audience, not a counterpart
        if lemma == "speak":
            return spoken_kind(tok)  # "spoke with X at the Great Hall" in person; "spoke with X today" a call
        return kind
    if lemma == "exchange" and not any(o.lemma_.lower() in EXCHANGED_WORDS for o in objs):
        return None  # prisoners, fire, accusations
    if lemma in ("discuss", "exchange"):
        return "meeting"  # weak: "X and Y discussed ..." implies a contact only if nothing else names one
    if lemma == "join":
        # "is expected to join his British counterpart for a stocktake"; not "joined NATO", "joined X in urging"
        if any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
            return None
        by = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not any(o.ent_type_ == "PERSON" or o.lower_ in ("counterpart", "counterparts") for o in objs):
            if not any(_person_like(o) for o in by):  # "X was joined by Belgian Prime Minister Y"
                return None
        return "meeting"
    if lemma == "sit":
        # "sat down with X (for talks)": not "sat on the committee", "sat down" alone
        if company_partners(tok):
            return "meeting"  # "sat across the table from X", "sat opposite X"
        if sat_down_together(tok):
            return "meeting"  # "X and Y are due to sit down on Thursday": two sides with each other
        if not any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
            return None
        if "with" not in preps and not _together_plural(tok) and not place_hung_partners(tok):
            return None
        return "meeting"
    if lemma in ("host", "receive", "welcome"):
        # "received the minister", "she was received by President X"
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and trigger_kind(tok.head) is not None:
            return None  # "the summit hosted by X": the summit itself, told by its own word
        by = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not by and _received_in_capital(tok):
            return "visit"
        if not any(_person_like(o) or o.lower_ in ("him", "her") and o.dep_ == "dobj"
                   for o in with_conjuncts(objs) + by) and not named_host_of_guest(tok, by, _person_like):  # fmt: skip
            return None  # "hosted him at a dinner": the guest just named
        return "meeting"
    if lemma in ("sign", "ink"):
        # "X and her counterpart Y signed a defence pact": two named people signing together met to do it;
        # so did "the foreign ministers of X and Y", "the two countries' defence ministers"
        signer = tok  # "X and Y are due to sign ...", "want to sign ...": the subject of the verb it completes
        for _ in range(3):
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in signer.children) or signer.dep_ not in ("xcomp", "acomp"):
                break
            signer = signer.head
        subj = with_conjuncts([c for c in signer.children if c.dep_ in ("nsubj", "nsubjpass") and not c.text.isupper()
                               ][:1])
        if not any(o.lemma_.lower() in SIGNED_NOUNS for o in objs):
            return None
        if len(subj) == 1 and signing_group(subj[0]):
            # ("the two presidents are expected to sign agreements": the signing of a visit under way, no more)
            return "meeting" if signer is tok else None
        if len(subj) == 1 and _named_person(subj[0]) and any(
                _named_person(g) for h in [tok, *objs] for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj"):  # fmt: skip
            return "meeting"  # "X signed a defence pact with President Y in Manila"
        if len(subj) < 2 or not all(_named_person(x) for x in subj):
            return None
        return "meeting"
    if lemma == "play":
        # "played host to his Tanzanian counterpart"
        hosts = any(o.lower_ == "host" for o in objs)
        to = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        return "meeting" if hosts and any(_person_like(g) for g in to) else None
    if lemma in ACCOMPANY_VERBS:
        if lemma == "tour" and any(is_destination(o) and o.ent_type_ == "GPE" for o in objs):
            return "visit"  # "toured three Gulf states"
        return kind if _accompanied(tok) else None
    if lemma == "address":
        # "addressed the council of an international body": an appearance before an international body's council
        if not any(o.ent_type_ == "ORG" and o.lemma_.lower() in BODY_HEADS for o in objs):
            return None
        return "meeting"
    if lemma in ("arrive", "travel", "fly"):  # "flew on to Tbilisi": a trip to a state's capital
        places = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "at")
                  for g in c.children if g.dep_ == "pobj" and is_destination(g)]  # fmt: skip
        if not places or lemma == "fly" and not (flight_as_visit(tok, places) or present_flight(tok, places)):
            return None
        if any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ("meet", "attend", "join") for c in tok.children):
            return None  # "arrived in Singapore to meet ministers of six nations": the meeting is the contact
        return "visit"
    if lemma == "see":
        # "will see each other again in July": two leaders meeting; not "see progress", "saw him as a partner"
        pairs = {("other", "each"), ("another", "one"), ("one", "another")}
        if any((o.lower_, c.lower_) in pairs for o in objs for c in o.children):
            return "meeting"
        return "meeting" if _saw_someone(tok, objs) else None
    if lemma == "brief":
        return "meeting" if briefed_in_person(tok, objs, _person_like, _saw_someone) else None
    if lemma in GATHER_VERBS:
        return gathering_kind(tok)
    if lemma == "convene":
        if gathering_kind(tok) is not None:
            return gathering_kind(tok)
        held = objs + [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if joint_body_to_meet([c for c in held if c.dep_ == "nsubj"], [tok]):
            return "meeting"  # "a joint commission ... The commission would convene in X": still to come
        return "meeting" if any(joint_body(o) for o in held) else None  # "convene the binational cabinet"
    if lemma == "meet":
        for o in objs:
            if o.lemma_.lower() in MEET_NONPERSON_OBJECTS or o.lower_ in MEET_NONPERSON_OBJECTS:
                return None
        return "meeting"
    return kind


# Verbs that bring officials of several states into one room: "the presidents of A, B and C gathered in X".
GATHER_VERBS = frozenset({"gather", "assemble", "bring"})
# Heads of a group of top leaders, whose gathering is a summit.
SUMMIT_GROUPS = frozenset({"leader", "president", "premier", "head", "chief", "king", "monarch"})


FORMAT_NOUNS = frozenset({"format", "group", "grouping", "quartet", "quad", "troika"})


def format_named_before(t: Token) -> tuple[str, ...]:
    """"the format's leaders": the states of the standing format (`FORMATS`) the text last named before `t`, when
    `t` is officials owned by a bare "format" word; else ()."""
    if t.tag_ != "NNS" or t.lemma_.lower() not in GROUP_SIGNERS and t.lower_ not in GROUP_SIGNERS:
        return ()
    if not any(c.dep_ == "poss" and c.lemma_.lower() in FORMAT_NOUNS for c in t.children):
        return ()
    for x in reversed(t.doc[: t.i]):
        if x.lower_ in FORMATS:
            return FORMATS[x.lower_]
    return ()


def _group_of_states(t: Token) -> bool:
    """Officials of several named states: "the presidents of A, B and C", "leaders from A, B and C",
    "the X, Y and Z foreign ministers" (`signing_group`), "the three leaders", or "the format's leaders"."""
    if signing_group(t) or format_named_before(t):
        return True
    if t.tag_ != "NNS" or t.lemma_.lower() not in GROUP_SIGNERS and t.lower_ not in GROUP_SIGNERS:
        return False
    return any(c.dep_ == "nummod" and c.lower_ in ("three", "four", "five", "six", "seven", "eight")
               for c in t.children)  # fmt: skip


def gathering_noun(verb: Token) -> Token | None:
    """The contact noun a "bring together" verb tells the guests of: "the summit brought together ...", "a summit
    which is expected to bring together ..." (through the relative clause and the verbs that frame it)."""
    v = verb
    while v.dep_ in ("xcomp", "ccomp") and v.head is not v:
        v = v.head
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
        subj = v.head
    if subj is not None and subj.pos_ in ("NOUN", "PROPN") and trigger_kind(subj) is not None:
        return subj
    return None


def gathered_groups(noun: Token) -> list[Token]:
    """The groups of officials a contact noun is said to bring together ("the summit will bring together the leaders
    of A, B and C"): parties of that contact."""
    out: list[Token] = []
    for v in noun.doc[noun.sent.start : noun.sent.end]:
        if v.lemma_.lower() != "bring" or not any(c.lower_ == "together" for c in v.children):
            continue
        if gathering_noun(v) == noun:
            out += [c for c in v.children if c.dep_ == "dobj" and _group_of_states(c)]
    return out


# Standing bodies that meet ("the working group will hold its first meeting") and the verbs that tell who leads them.
MEETING_BODIES = frozenset("group committee commission council panel force body mechanism team board".split())
LEAD_VERBS = frozenset("chair co-chair cochair lead co-lead head co-head compose comprise".split())


def body_members(body: Token) -> list[Token]:
    """"a working group co-chaired by the deputy prime ministers of A, B and C", "a panel made up of officials of A and
    B": the officials of several states who lead or make up a body are the parties to its meetings."""
    if body.lemma_.lower() not in MEETING_BODIES:
        return []
    out: list[Token] = []
    for v in body.children:
        if v.dep_ != "acl" or v.tag_ != "VBN":
            continue
        if v.lemma_.lower() not in LEAD_VERBS and not any(body.doc[i].lower_ == "co" for i in range(v.i - 2, v.i)):
            continue  # "a group formed last year"; "co-chaired" may be split into "co", "-", "chaired"
        holders = [v, *(c for c in v.children if c.dep_ == "prep" and c.lower_ in ("of", "by"))]
        out += [g for h in holders for c in h.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "of")
                for g in c.children if g.dep_ == "pobj" and _group_of_states(g)]  # fmt: skip
    return out


def gathering_kind(tok: Token) -> str | None:
    """"The presidents of A, B and C gathered in X", "the forum brought together leaders of A, B and C",
    "ministers from A and B convened in X": officials of several states gathering is one contact among them all;
    a crowd, troops or reporters gathering is not. A summit when the group is of leaders."""
    lemma = tok.lemma_.lower()
    if lemma == "bring":
        if not any(c.dep_ in ("prt", "advmod") and c.lower_ == "together" for c in tok.children):
            return None  # "brought aid", "brought charges"
        if gathering_noun(tok) is not None:
            return None  # "the summit, which will bring together ...": the summit is the contact, the group its parties
        groups = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    elif any(c.dep_ == "dobj" for c in tok.children):
        return None  # "gathered evidence", "convened a panel": the object is no party
    else:
        groups = [c for c in tok.children if c.dep_ == "nsubj"]
    group = next((g for g in groups if _group_of_states(g)), None)
    if group is None:
        return None
    prime = group.lemma_.lower() == "minister" and any(c.lower_ == "prime" for c in group.children)
    return "summit" if group.lemma_.lower() in SUMMIT_GROUPS or prime else "meeting"


def _received_in_capital(tok: Token) -> bool:
    """"X was received with full honours in Accra", "she was welcomed in Tokyo": a guest received, by no one
    named, in a country or its capital is on a visit there (not "received in hospital", "welcomed in the
    region")."""
    if not any(c.dep_ == "auxpass" for c in tok.children):
        return False
    if not any(c.dep_ == "nsubjpass" and _person_like(c) for c in tok.children):
        return False
    holders = [tok] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                       for g in c.children if g.dep_ == "pobj"]  # "with full honours in Accra"  # fmt: skip
    places = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return any(is_place(g) and g.ent_type_ == "GPE" and is_country_or_capital(g.text) for g in places)


STAY_UNITS = frozenset({"day", "days", "night", "nights", "hour", "hours", "week"})


def _stay_in_capital(tok: Token) -> bool:
    """"X spent two days in Ghana": a person's short stay in a country or its capital is a visit there (not
    "spent three years in Moscow", "spent money in Paris")."""
    if not any(c.dep_ in ("dobj", "npadvmod") and c.lower_ in STAY_UNITS for c in tok.children):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    subjects += [a for c in subjects for a in c.children if a.dep_ == "appos"]  # "his predecessor, X, spent"
    if not any(_person_like(c) for c in subjects):
        return False
    places = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
    return any(is_place(g) and g.ent_type_ != "ORG" and is_country_or_capital(g.text) for g in places)


# What two people "exchange" when they meet: views, greetings, a few words, a handshake (not fire or prisoners).
EXCHANGED_WORDS = frozenset("view opinion greeting word pleasantry handshake courtesy".split())
# Stretches of time spent in someone's company ("spent the afternoon with X").
SPENT_TIME = frozenset("minute minutes hour hours day days morning afternoon evening night week".split())
# Words after which a "from" names the person faced: "sat across the table from X", "sat opposite X".
FACING_PREPS = frozenset({"across", "opposite"})
# Where one "sees" a person without meeting them: on a screen, in a film, at a rally.
SEEN_FROM_AFAR = frozenset("television tv screen video footage film photo picture broadcast rally stage".split())


def company_partners(tok: Token) -> list[Token]:
    """The person in whose company `tok` puts its subject: "spent two hours (closeted) with X", "spent the
    morning with X", "sat across the table from X", "sat opposite X". Empty when no person is named there."""
    lemma = _verb_lemma(tok)
    holders: list[Token] = []
    if lemma == "spend":
        spans = [c for c in tok.children if c.dep_ in ("dobj", "npadvmod") and c.lower_ in SPENT_TIME]
        if not spans or any(c.dep_ == "prep" and c.lower_ == "on" and any(
                g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") and not (c.i < tok.i and g.pos_ == "PROPN")
                for g in c.children) for x in [tok, *spans] for c in x.children):  # fmt: skip
            # ("On Saturday A, B and C spent the day with D": a date the parser ran into the first name is no task)
            return []  # "spent two hours on the budget": a task, not a companion
        holders = [tok, *spans, *(a for s in spans for a in s.children if a.dep_ in ("acl", "amod"))]
        holders += [c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VBN"]  # "closeted with"
        preps = ("with",)
    elif lemma == "sit":
        holders = [tok] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ in FACING_PREPS
                           for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if len(holders) == 1:
            return []
        preps = ("from", "opposite")
    else:
        return []
    found = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps
             for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if lemma == "sit":
        found += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "opposite"
                  for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return [g for g in with_conjuncts(found) if _person_like(g)]


def _saw_someone(tok: Token, objs: list[Token]) -> bool:
    """"X, who saw President Y on Wednesday", "saw the minister in Cairo": seeing a person at a stated time or
    place is meeting them; not "saw him as a partner", "saw Y win", "saw Y on television"."""
    if not any(_person_like(o) for o in objs):
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "oprd", "acomp") for c in tok.children):
        return False
    preps = [c for c in tok.children if c.dep_ == "prep"]
    if any(c.lower_ == "as" for c in preps):
        return False
    if any(w.lower_ in SEEN_FROM_AFAR for c in preps for w in c.subtree):
        return False
    timed = any(w.ent_type_ in ("DATE", "TIME") for c in tok.children if c.dep_ in ("prep", "npadvmod")
                for w in c.subtree)  # fmt: skip
    placed = any(g.ent_type_ in ("GPE", "FAC") for c in preps if c.lower_ in ("in", "at")
                 for g in c.children if g.dep_ == "pobj")  # fmt: skip
    return timed or placed
