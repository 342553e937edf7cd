"""One sentence in, the contact mentions it states out: a meeting word, its parties, status, time and place.

Works per sentence (a `Span` from `doc.sents`) so that a cheap lexical gate can skip sentences without any
meeting word (`meeting_lexicon.GATE`). Merging mentions into meetings happens later (`meeting_merge`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from extractors.dates import ResolvedDate, find_dates, resolve_date
from extractors.meeting_args import GROUP_ANAPHORS, Lookup, Party, parties_of, phrase, with_conjuncts
from extractors.meeting_fallback import is_country_or_capital
from extractors.meeting_lexicon import (
    CANCEL_VERBS,
    FORMATS,
    KIND_CLASS,
    KIND_RANK,
    MEET_NONPERSON_OBJECTS,
    NON_CONTACT_ADJS,
    NON_CONTACT_NOUNS,
    NON_CONTACT_VERBS,
    NOUN_KINDS,
    OFFICIAL_NOUNS,
    ORDINAL_DISTINCT,
    PARTICIPATION_VERBS,
    PLANNED_MODIFIERS,
    PLANNED_VERBS,
    VERB_KINDS,
)
from extractors.types import Participant

PLACE_LABELS = ("GPE", "FAC", "LOC", "ORG")
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "csubj", "parataxis"})
DENIAL_VERBS = frozenset({"deny", "dismiss", "refute", "rule", "reject", "refuse", "decline", "disavow"})
AGENT_VERBS = PARTICIPATION_VERBS | CANCEL_VERBS | {"meet", "visit", "talk", "speak", "call"}
WEAK_VERBS = frozenset({"discuss", "exchange"})
SERIES_WORDS = frozenset({"regular", "annual", "periodic", "monthly", "yearly", "regularly"})
FRAME_PREPS = frozenset({"on", "during", "in", "at", "over", "by", "via", "after", "before"})
PASSIVE_FRAME_VERBS = frozenset({"propose", "agree", "announce", "say", "tell", "report", "sign"})
GOVERNING_PREPS = frozenset({"for", "to", "of", "with", "into"})
FUTURE_DATE_WORDS = ("next", "later", "coming", "tomorrow", "upcoming", "this week", "near future", "soon")


@dataclass(slots=True)
class Mention:
    kind: str
    status: str
    parties: list[Party]
    sent: Span
    trigger: Token
    date: ResolvedDate | None = None
    location: str | None = None
    location_country: str | None = None
    host_country: str | None = None
    anaphoric: bool = False  # "the meeting", "the talks": refers back, names no new party
    group: bool = False  # "the two leaders", "both sides": the parties of the contact talked about before
    distinct: bool = False  # "a second meeting", "another call": never merged into an earlier one
    specific: bool = True  # a contact the text places (time, place, parties), not a process named in passing
    evidence_quality: int = 0
    weak: bool = False  # "X and Y discussed ...": a contact only when no other mention names one
    series: bool = False  # "regular meetings", "annual talks": an agreed series, one planned entry of its own
    participants: list[Participant] = field(default_factory=list)

    @property
    def countries(self) -> set[str]:
        return {p.country for p in self.parties if p.country}


OPEN_QUOTES = frozenset({"“", "``"})
CLOSE_QUOTES = frozenset({"”", "''"})


def in_quotation(tok: Token) -> bool:
    """Whether `tok` sits inside quotation marks in its paragraph (speech about contacts is not reporting).

    Paragraph, not sentence: a quotation often runs over several sentences.
    """
    doc = tok.doc
    text = doc.text
    para_start = text.rfind("\n", 0, tok.idx) + 1
    inside = False
    for ch in text[para_start : tok.idx]:
        if ch == '"':
            inside = not inside
        elif ch == "“":
            inside = True
        elif ch == "”":
            inside = False
    return inside


def _subject(verb: Token) -> list[Token]:
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return [s for s in subs if s.dep_ != "expl"] + agents


def agents_of(verb: Token) -> list[Token]:
    """The subject of `verb`, climbing through infinitives, conjoined verbs and relative clauses."""
    v = verb
    for _ in range(4):
        subs = _subject(v)
        if subs:
            return subs
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            head = v.head
            if head.dep_ in ("attr", "appos") and head.head.pos_ in ("AUX", "VERB"):
                return _subject(head.head) or [head]
            return [head]
        if v.dep_ in ("xcomp", "conj", "advcl", "ccomp") and v.head is not v:
            v = v.head
            continue
        break
    return []


def governing_chain(tok: Token) -> list[Token]:
    """The verbs a contact word hangs from: itself if a verb, then up through infinitive complements.

    "is expected to hold talks" -> [hold, expected]; "the talks" as object of "held" -> [held].
    """
    chain: list[Token] = []
    x = tok
    if x.pos_ not in ("VERB", "AUX"):
        for _ in range(4):
            if x.dep_ == "pobj" and x.head.lower_ not in GOVERNING_PREPS:
                return chain  # "during the summit", "after talks": a time reference, not what the verb does
            if x.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "npadvmod", "conj", "appos",
                          "compound", "oprd"):  # fmt: skip
                x = x.head
                if x.pos_ in ("VERB", "AUX"):
                    break
                if x.dep_ == "ROOT":
                    break
            else:
                break
        if x.pos_ not in ("VERB", "AUX"):
            return chain
    chain.append(x)
    for _ in range(4):
        if x.dep_ in ("xcomp", "conj") and x.head.pos_ in ("VERB", "AUX", "ADJ"):
            x = x.head
            chain.append(x)
        elif x.dep_ == "pcomp" and x.head.dep_ == "prep" and x.head.head.pos_ in ("VERB", "ADJ", "NOUN"):
            x = x.head.head
            chain.append(x)
        else:
            break
    return chain


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}


def status_of(trigger: Token, chain: list[Token], date_text: str | None, sentence_text: str) -> str | None:
    """held | planned | cancelled, or None when the text does not report a contact (negated, hypothetical,
    proposed, refused, wished for)."""
    low_sent = sentence_text.lower()
    # The noun itself: "no meeting", "an upcoming visit", "the proposed summit".
    if trigger.pos_ in ("NOUN", "PROPN"):
        for c in trigger.children:
            if c.lower_ in ("no",) and c.dep_ == "det":
                return None
            if c.lower_ in ("proposed", "possible", "potential", "hypothetical"):
                return None
        # "the importance of holding talks", "calls for a summit", "efforts on resuming talks"
        x = trigger
        for _ in range(4):
            h = x.head
            if h is x:
                break
            if h.lemma_.lower() in NON_CONTACT_NOUNS and h.pos_ == "NOUN":
                return None
            if x.dep_ in ("pobj", "dobj") and h.dep_ == "pcomp" and h.head.head.lemma_.lower() in NON_CONTACT_NOUNS:
                return None
            x = h
    for anc in trigger.ancestors:
        if anc.lemma_.lower() in DENIAL_VERBS:
            return None  # "denied reports that they would meet", "ruled out a summit"
        if anc.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in anc.children):
            return None  # "no plans to meet", "no intention of visiting"
    planned = False
    for i, v in enumerate(chain):
        aux = _aux_words(v)
        lemma = v.lemma_.lower()
        if "not" in aux or "n't" in aux or "never" in aux or any(c.lower_ == "never" for c in v.children):
            if "since" in low_sent:
                return "held"  # "have not met since 2019" reports a past contact
            return None
        if v is not trigger:
            if lemma in CANCEL_VERBS or lemma == "call" and any(c.lower_ == "off" for c in v.children):
                return "cancelled"  # "called off the talks"
            if lemma in CANCEL_VERBS:
                return "cancelled"
            if lemma in NON_CONTACT_VERBS and not (lemma == "welcome" and v is chain[0]):
                return None
            if v.pos_ == "ADJ" and lemma in NON_CONTACT_ADJS:
                return None
        if lemma == "plan" and "had" in aux:
            return "cancelled"
        if aux & {"will", "shall", "'ll", "would", "may", "might", "wo", "going", "'d"}:
            planned = True
        if "could" in aux or "should" in aux or "must" in aux:
            return None
        if v is not trigger and lemma in PLANNED_VERBS:
            planned = True
        if i > 0 and lemma == "be" and chain[i - 1].dep_ == "xcomp":
            planned = True  # "is to meet"
        if v.tag_ == "VBG" and "going" in {c.lower_ for c in v.children}:
            planned = True
        if v is chain[0] and v.tag_ == "VBG" and aux & {"is", "are", "'s", "am"}:
            planned = True  # "is meeting X later today"
    if chain and chain[0].tag_ == "VBN" and chain[0].dep_ == "amod":
        planned = planned  # "the scheduled talks" handled by modifier below
    for c in trigger.children:
        if c.lower_ in PLANNED_MODIFIERS:
            planned = True
    if any(m in low_sent.split() for m in ("if", "unless", "whether")):
        if any(t.lower_ in ("if", "unless", "whether") and t.head in chain for t in trigger.sent):
            return None
    if date_text and any(w in date_text.lower() for w in FUTURE_DATE_WORDS):
        planned = True
    if not chain and not planned:
        # A bare noun phrase ("Abe's visit to Russia"): the governing words decide; default held.
        return "held"
    if any(v.lemma_.lower() == "cancel" or v.lemma_.lower() == "call" and
           any(c.lower_ == "off" for c in v.children) for v in chain):  # fmt: skip
        return "cancelled"
    return "planned" if planned else "held"


def trigger_kind(tok: Token) -> str | None:
    """The kind of contact `tok` names, or None when it is not a meeting word in the diplomatic sense."""
    low = tok.lower_
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("NOUN", "PROPN") or low in ("two-plus-two",):
        kind = NOUN_KINDS.get(low)
        if kind is None:
            return None
        if low in ("call", "calls"):
            mods = {c.lower_ for c in tok.children}
            if not mods & {"phone", "telephone", "video", "conference"} and tok.head.lemma_.lower() not in ("return",):
                return None
        if low == "conference":
            mods = {c.lower_ for c in tok.children}
            if not mods & {"video", "phone", "telephone"}:
                return None  # a press conference belongs to the talks it follows
        if low in ("conversation", "conversations"):
            mods = {c.lower_ for c in tok.subtree}
            if not mods & {"phone", "telephone", "video"} and tok.head.lemma_.lower() not in ("have", "hold"):
                return None
        if low in ("session", "sessions", "tour", "encounter"):
            return None
        if low == "summit" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None  # "the summit of the volcano"
        return kind
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    kind = VERB_KINDS.get(lemma)
    if kind is None:
        return None
    deps = {c.dep_ for c in tok.children}
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if lemma == "call":
        right_after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        if right_after in ("on", "for", "off", "in", "upon") or deps & {"oprd", "prt", "xcomp", "ccomp"}:
            return None
        if not objs or any(o.pos_ == "PRON" and o.lower_ in ("it", "this", "that", "what") for o in objs):
            return None
        if tok.dep_ in ("relcl", "acl") and tok.tag_ == "VBN":
            return None  # "a program called X"
        return "call"
    if lemma in ("speak", "talk", "confer", "negotiate"):
        if not preps & {"with", "to", "by"}:
            return None
        return kind
    if lemma == "discuss" or lemma == "exchange" and any(o.lemma_.lower() in ("view", "opinion") for o in objs):
        return "meeting"  # weak: "X and Y discussed ..." implies a contact only if nothing else names one
    if lemma in ("host", "receive", "welcome"):
        if not any(o.ent_type_ == "PERSON" or o.lower_ in OFFICIAL_NOUNS for o in objs):
            return None
        return "meeting"
    if lemma in ("arrive", "travel"):
        places = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "at")
                  for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "FAC")]  # fmt: skip
        if not any(is_country_or_capital(_ent_span(p).text) for p in places):
            return None  # "will travel to New York": a trip to a city that is not a seat of government
        if any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ("meet", "attend", "join") for c in tok.children):
            return None  # "arrived in Singapore to meet ministers of six nations": the meeting is the contact
        return "visit"
    if lemma == "meet":
        for o in objs:
            if o.lemma_.lower() in MEET_NONPERSON_OBJECTS or o.lower_ in MEET_NONPERSON_OBJECTS:
                return None
        return "meeting"
    return kind


def _places(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for v in tokens:
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "to"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS:
                        out.extend(x for x in with_conjuncts([g]) if x.ent_type_ in PLACE_LABELS)
    return out


def _ent_span(tok: Token) -> Span:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return tok.doc[tok.i : tok.i + 1]


def _date_for(trigger: Token, chain: list[Token], sent: Span) -> str | None:
    """The time words that attach to this contact (on the contact word or the verbs it hangs from)."""
    anchors = {trigger.i, *(v.i for v in chain)}
    if chain and chain[-1].dep_ in ("advcl", "conj") and chain[-1].tag_ == "VBG":
        x = chain[-1]
        for _ in range(3):  # "agreed Monday to cooperate ..., holding talks"
            x = x.head
            anchors.add(x.i)
            if x.dep_ not in ("xcomp", "advcl", "conj"):
                break
    anchors |= {c.i for c in trigger.children if c.dep_ == "prep"}
    anchors |= {c.i for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN"}  # "talks held last week"
    best: tuple[int, str] | None = None
    for m in find_dates(sent.text):
        span = sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        x = root
        ok = False
        for _ in range(5):
            if x.i in anchors or x.head.i in anchors and x.dep_ in ("npadvmod", "pobj", "prep", "tmod", "nmod",
                                                                    "poss", "compound", "amod", "nummod"):
                ok = True
                break
            if x.dep_ in CLAUSE_DEPS or x.head is x:
                break
            if x is not root and x.pos_ in ("NOUN", "PROPN") and x.i not in anchors:
                break  # the time of another thing: "during last month's trip" is the trip's time
            x = x.head
        if not ok and trigger.pos_ == "NOUN":
            # "a 2000 summit", "the December meeting", "next month's visit"
            ok = any(t.i == root.i for t in trigger.children if t.dep_ in ("compound", "nummod", "amod", "poss"))
        if ok:
            score = abs(root.i - trigger.i)
            if best is None or score < best[0]:
                text = m.text
                if text.lower().startswith("on "):
                    text = text[3:]
                best = (score, text)
    return best[1] if best else None


def mentions_in_sentence(sent: Span, lookup: Lookup, published, sport_context: bool) -> list[Mention]:
    out: list[Mention] = []
    for tok in sent:
        kind = trigger_kind(tok)
        if kind is None or in_quotation(tok):
            continue
        if tok.dep_ == "compound" and tok.head.i != tok.i and trigger_kind(tok.head) is not None:
            continue  # "summit meeting", "two-plus-two talks": one contact word, read at its head
        if kind == "talks" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ == "round":
            kind = "negotiation"  # "a fifth round of talks"
        for c in tok.children:
            inner = trigger_kind(c) if c.dep_ == "compound" else None
            if inner and KIND_RANK.get(inner, 0) > KIND_RANK.get(kind, 0) and KIND_CLASS[inner] == KIND_CLASS[kind]:
                kind = inner
        m = _mention(tok, kind, sent, lookup, published, sport_context)
        out.extend(m)
    return _fold_purpose(out)


def _is_to_infinitive(v: Token) -> bool:
    return v.pos_ in ("VERB", "AUX") and any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children)


def _purpose_of(visit: Token, other: Token) -> bool:
    """Whether the contact word `other` is what the trip `visit` is for: "travel to X for talks with Y",
    "arrived in X to hold talks", "will visit X to meet Y"."""
    if other.dep_ == "pobj" and other.head.lower_ == "for":
        host = other.head.head
        if host.i == visit.i or host.head.i == visit.i and host.dep_ in ("npadvmod", "pobj", "dobj"):
            return True  # "for talks", "next week for talks"
    if other.dep_ in ("advcl", "xcomp") and _is_to_infinitive(other) and other.head.i == visit.i:
        return True  # "arrived to meet"
    verb = other.head
    return (
        other.dep_ == "dobj"
        and verb.dep_ in ("advcl", "xcomp")
        and _is_to_infinitive(verb)
        and verb.head.i == visit.i
    )  # "arrived to hold talks"


def _fold_purpose(mentions: list[Mention]) -> list[Mention]:
    """A trip made for one meeting is one contact (the meeting, at the trip's destination)."""
    drop: set[int] = set()
    for i, v in enumerate(mentions):
        if v.kind != "visit" or v.trigger.pos_ not in ("VERB", "AUX"):
            continue
        for j, m in enumerate(mentions):
            if j == i or m.kind == "visit" or not _purpose_of(v.trigger, m.trigger):
                continue
            drop.add(i)
            if m.location is None:
                m.location, m.location_country = v.location, v.location_country
            for p in v.parties:
                if p.country and p.country not in m.countries or p.participant and p.participant not in m.participants:
                    m.parties.append(p)
                    if p.participant:
                        m.participants.append(p.participant)
            if m.date is None:
                m.date = v.date
            if v.status == "cancelled":
                m.status = "cancelled"
    return [m for k, m in enumerate(mentions) if k not in drop]


def _is_group(tokens: list[Token]) -> bool:
    for t in tokens:
        words = {x.lower_ for x in phrase(t)}
        if t.lower_ in ("they", "both") or words & {"two", "both"} and words & GROUP_ANAPHORS:
            return True
    return False


def _mention(tok: Token, kind: str, sent: Span, lookup: Lookup, published, sport_context: bool) -> list[Mention]:
    chain = governing_chain(tok)
    verb = tok if tok.pos_ in ("VERB", "AUX") else (chain[0] if chain else None)
    agents: list[Token] = []
    partners: list[Token] = []
    place_toks: list[Token] = []
    destination: list[Token] = []
    weak = tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in WEAK_VERBS
    if tok.pos_ in ("VERB", "AUX"):
        agents = with_conjuncts(agents_of(tok))
        for c in tok.children:
            if c.dep_ == "dobj" and not weak:
                partners += with_conjuncts([c])
            if c.dep_ == "prep" and c.lower_ in ("with", "to", "among", "between", "by"):
                partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
        if kind == "visit":
            destination = [p for p in partners if p.ent_type_ in ("GPE", "LOC", "FAC")]
            partners = [p for p in partners if p not in destination]
            destination += [p for p in _places([tok]) if p not in destination]
            if tok.lemma_.lower() == "visit" and partners and not destination:
                kind = "meeting"  # visiting a person is meeting them
        place_toks = _places([tok])
    else:
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.lower_ not in PLANNED_MODIFIERS:
                partners.append(c)
            if c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "by", "of"):
                partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
            if c.dep_ == "prep" and c.lower_ == "to" and kind == "visit":
                destination += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
        place_toks = _places([tok])
        if verb is not None and verb.lemma_.lower() in AGENT_VERBS:
            if tok.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass", "npadvmod", "conj"):
                agents = with_conjuncts(agents_of(verb)) if tok.dep_ not in ("nsubj", "nsubjpass") else []
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
                        partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
                place_toks += _places([verb])
                if kind == "visit" and not destination:
                    destination = [p for p in _places([verb]) if p.ent_type_ in ("GPE", "LOC", "FAC")]
    if (
        not agents
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ == "pobj"
        and tok.head.lower_ in FRAME_PREPS
        and tok.head.head.pos_ in ("VERB", "AUX")
    ):
        # "On her trip, she met ...", "X and Y discussed Syria in a phone call": the clause's subject (and its
        # "with" partner) take part, unless the noun names its own parties ("during the Abe-Putin summit").
        own = any(c.dep_ == "poss" and c.lower_ not in ("her", "his", "their") or c.dep_ == "prep" and
                  c.lower_ in ("by", "with", "between", "among") or c.dep_ == "compound" and c.ent_type_
                  for c in tok.children)  # fmt: skip
        frame_verb = tok.head.head
        if not own and frame_verb.lemma_.lower() not in NON_CONTACT_VERBS | PASSIVE_FRAME_VERBS:
            agents = with_conjuncts(agents_of(frame_verb))
            if kind != "visit":
                for c in frame_verb.children:
                    if c.dep_ == "prep" and c.lower_ in ("with", "to"):
                        partners += with_conjuncts([g for g in c.children if g.dep_ == "pobj"])
    if kind == "visit" and not destination and tok.pos_ in ("NOUN", "PROPN"):
        for anc in tok.ancestors:
            if anc.pos_ in ("VERB", "AUX"):
                destination = [p for p in _places([anc]) if p.ent_type_ in ("GPE", "LOC", "FAC")]
                break  # "is in Tokyo on the first stop of her trip"
    counterparts = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if not agents and counterparts and tok.pos_ in ("NOUN", "PROPN"):
        # "on his way to a summit with Kim": the clause's subject is the other side
        for anc in tok.ancestors:
            if anc.pos_ in ("VERB", "AUX"):
                if anc.lemma_.lower() in NON_CONTACT_VERBS | PASSIVE_FRAME_VERBS | DENIAL_VERBS:
                    break
                agents = with_conjuncts(_subject(anc))
                if agents or anc.dep_ != "prep":  # "following two days of meetings with X": keep climbing
                    break
            if anc.dep_ in CLAUSE_DEPS:
                break
    # "met X at the White House", "receiving X in Washington": the place may hang on the counterpart
    partner_preps = ("at", "in") if tok.lemma_.lower() in ("receive", "host", "welcome") else ("at",)
    place_toks += [g for p in partners for c in p.children if c.dep_ == "prep" and c.lower_ in partner_preps
                   for g in c.children if g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS]  # fmt: skip
    if sport_context and not any(t.ent_type_ == "PERSON" for a in agents + partners for t in phrase(a)):
        return []
    # Parties
    parties: list[Party] = []
    for t in agents + partners:
        for p in parties_of(t, lookup):
            if p.country and any(q.country == p.country and q.participant == p.participant for q in parties):
                continue
            parties.append(p)
    date_text = _date_for(tok, chain, sent)
    if tok.pos_ in ("NOUN", "PROPN") and (date_text or place_toks):
        for t in tok.subtree:
            if t.i >= tok.i:
                break
            for code in FORMATS.get(t.lower_, ()):
                if not any(p.country == code for p in parties):
                    parties.append(Party(code, None, t.idx))
    if kind == "meeting" and tok.lower_ in ("meet", "met", "meets", "meeting") and tok.pos_ == "VERB":
        if not partners and not any(a.lower_ in ("they", "leaders", "sides", "ministers") or len(a.conjuncts) > 0
                                    for a in agents):  # fmt: skip
            return []  # "the committee met this month": a body meeting on its own
    status = status_of(tok, chain, date_text, sent.text)
    if status is None:
        return []
    future = status != "held"
    resolved = resolve_date(date_text, published, future=future) if date_text else None
    if resolved and resolved.date and published is not None and status == "held" and not chain:
        if resolved.date > published.isoformat():
            status = "planned"
    group = _is_group(agents + partners)
    anaphoric = (
        tok.pos_ in ("NOUN", "PROPN")
        and not parties
        and any(c.lower_ in ("the", "this", "that", "these", "those", "its", "their") for c in tok.children)
    )
    series = tok.tag_ == "NNS" and any(c.lower_ in SERIES_WORDS for c in tok.children)
    also = tok.pos_ == "VERB" and bool(partners) and any(c.lower_ == "also" for c in tok.children)
    distinct = also or series or any(c.lower_ in ORDINAL_DISTINCT for c in tok.children) or any(
        c.lower_ in ("twice", "again") for v in chain[:1] for c in v.children
    )
    # Place: the first place attached to the contact; for visits, each destination country is its own visit.
    dests = destination if kind == "visit" else []
    mentions: list[Mention] = []
    groups: list[tuple[str | None, str | None]] = []
    if dests:
        for d in dests:
            span = _ent_span(d)
            groups.append((span.text, lookup.place_country(span.text)))
    else:
        places = [p for p in place_toks if p.ent_type_ in PLACE_LABELS]
        if places:
            by_country: dict[str | None, str] = {}
            for p in places:
                span = _ent_span(p)
                c = lookup.place_country(span.text)
                by_country.setdefault(c, span.text)
            if len(by_country) > 1 and kind in ("talks", "meeting", "visit"):
                groups = [(text, c) for c, text in by_country.items()]
            else:
                first = _ent_span(places[0])
                groups = [(first.text, lookup.place_country(first.text))]
        else:
            groups = [(None, None)]
    for loc, loc_country in groups:
        ps = list(parties)
        host = None
        if kind == "visit":
            host = loc_country
            if host and not any(p.country == host for p in ps):
                ps.append(Party(host, None, tok.idx))
        elif loc_country and len({p.country for p in ps if p.country}) < 2 and len(groups) > 1:
            ps.append(Party(loc_country, None, tok.idx))
        mention = Mention(
            kind=kind,
            status=status,
            parties=ps,
            sent=sent,
            trigger=tok,
            date=resolved if resolved else None,
            location=loc,
            location_country=loc_country,
            host_country=host,
            anaphoric=anaphoric,
            group=group,
            distinct=distinct,
            weak=weak,
            series=series,
        )
        mention.participants = [p.participant for p in ps if p.participant is not None]
        mention.evidence_quality = len(mention.countries) * 2 + len(mention.participants)
        mentions.append(mention)
    return mentions
