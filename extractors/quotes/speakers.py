"""Who is speaking: the subject of a speech verb, resolved to the person, official or body it stands for.

The resolution layer (`ArticleResolver.actor`) names people and gives their country and role. What it may not
do, and a quote needs, lives here: which words are the speaker (the subject, inherited through "saying ..."
and "..., and added"; the head of "who said"; the name inside "the director, Ivan Petrov"), which earlier
speaker a pronoun means (the last person who was the subject of a main clause: the article's current
topic, not the last name in passing), and whether the subject is joint ("the two leaders agreed"), which
makes no quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractors.core.text import RELATIVE_PRONOUNS
from extractors.quotes import descriptions
from extractors.quotes.affiliation import Affiliation
from extractors.quotes.lexicon import (
    AGENCIES,
    AUTHOR_PRONOUNS,
    CLAUSE_VERBS,
    JOINT_HEADS,
    PERSON_SUFFIXES,
    PLURAL_PRONOUNS,
    SPEAKER_NOUNS,
    SUBJECT_PRONOUNS,
    is_agency,
)
from extractors.quotes.marks import Intervals
from extractors.resolve.data import home_country, is_country_or_capital
from extractors.resolve.initials import initials_holder
from extractors.resolve.people import nonstate_org
from extractors.resolve.resolver import Actor, ArticleResolver

_HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dr": "",
               "dr.": "", "sir": "m", "madam": "f", "lady": "f", "lord": "m"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_CUT_DEPS = {"relcl", "acl", "advcl"}
_DOCUMENT_NOUNS = {"message", "letter", "statement", "note", "telegram", "communique", "communiqué", "text",
                   "readout", "release", "cable", "summary", "declaration"}
_NOT_SPEAKER_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "EVENT", "WORK_OF_ART",
                     "LAW", "LANGUAGE"}
_PERSONISH_KINDS = {"person", "official"}
_TIME_STAMP = re.compile(r"\d{1,2}[:.]\d{2}")
_LEADING_STAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s*[-\u2013\u2014:]?\s*")
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "today", "tomorrow", "yesterday", "tonight", "spring", "summer", "autumn", "winter", "noon", "midnight"}
# "state news agency KCNA", "KCNA, the official news agency": an agency the article ties to a state.
_STATE_AGENCY = (re.compile(r"\b(?:state|state-run|state-owned|official|government|government-run)\s+(?:news\s+)?"
                            r"(?:agency|media|broadcaster|television)\s+(\w+)", re.IGNORECASE),
                 re.compile(r"\b(\w+),\s+(?:the|its|their)\s+(?:\w+\s+)?(?:state|state-run|state-owned|official|"
                            r"government)\s+(?:news\s+)?agency", re.IGNORECASE))
# Titles of people who speak for no state even in their own country's press.
_PARTISAN = re.compile(r"\b(?:opposition|party|rebel|militant|insurgent)\b", re.IGNORECASE)
# Words that make an agency or broadcaster a state's own voice, not a wire passing news on.
_OWN_ORGAN = re.compile(r"\b(?:state|state-run|state-owned|official|government|government-run)\b", re.IGNORECASE)
_ORGAN_NOUNS = re.compile(r"\b(?:agency|broadcaster|television|radio|media|newspaper)\b", re.IGNORECASE)
# Kinds of firm a company is called by after its name ("the company", "the carrier").
_CORPORATE = {"company", "firm", "group", "carrier", "airline", "lender", "insurer", "maker", "manufacturer",
              "retailer", "developer", "operator", "startup", "conglomerate", "automaker", "miner", "producer"}
_GOVERNMENT_HEADS = {"ministry", "government", "department", "office", "embassy", "presidency", "kremlin", "house",
                     "council", "commission", "agency", "parliament", "senate", "congress", "army", "police"}
# Nouns for groups of people that English refers back to with "they".
_COLLECTIVES = {"delegation", "team", "group", "panel", "committee", "union", "alliance", "coalition", "band",
                "crew", "squad", "board", "jury", "council", "family", "staff", "faculty"}
# Titles only a person holds: an apposed one makes the capitalised words before it a person's name.
_PERSON_TITLES = {"minister", "president", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador",
                  "envoy", "chancellor", "premier", "governor", "mayor", "senator", "lawmaker", "chairman",
                  "chairwoman", "director", "chief", "commander", "general", "officer", "aide", "adviser", "advisor",
                  "professor", "researcher", "economist", "analyst", "diplomat", "official", "leader", "deputy",
                  "negotiator", "founder", "ceo", "coach", "captain", "king", "queen", "prince"}
# Things that carry words on display (slogans, titles), not speakers, though some end like nouns for people.
_DISPLAYS = {"banner", "poster", "sticker", "placard", "sign", "slogan", "headline", "caption", "inscription",
             "plaque", "billboard", "shirt", "t-shirt", "chapter", "cover", "graffiti", "screen", "flag", "mural"}
# Nouns for a person by nationality or standing that stand in for a name ("the Spaniard said").
_DESCRIPTOR_NOUNS = {"spaniard", "frenchman", "frenchwoman", "briton", "dane", "swede", "pole", "finn", "scot",
                     "welshman", "irishman", "dutchman", "englishman", "englishwoman", "veteran", "youngster",
                     "teenager", "argentine", "portuguese", "swiss", "norwegian", "brazilian", "italian", "german"}
_SPOKES = {"spokesman", "spokeswoman", "spokesperson"}
_RESOLVED_KINDS = {"person", "official", "body", "country", "group"}


@dataclass(slots=True)
class Speaker:
    name: str | None
    country: str | None
    role: str | None
    kind: str  # person | official | body | country | group | unknown
    plural: bool = False
    joint: bool = False


def _collective(sp: Speaker) -> bool:
    """A group named by a collective noun ("a delegation of researchers", "the team") is "they" in English usage."""
    if sp.kind == "person" or sp.plural or not sp.name:
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", sp.name)]
    return bool(words) and any(w in _COLLECTIVES for w in words[:4])


@dataclass(slots=True)
class _Mention:
    pos: int
    speaker: Speaker
    gender: str  # "m", "f" or "" when unknown


def subject_of(verb: Token, skip: frozenset[int] | set[int] = frozenset()) -> Token | None:
    """The token naming who performs the speech verb, climbing through participles, conjuncts and clauses.

    `skip` holds token indices that cannot be subjects (a dateline's city, which the parser often takes for one).
    """
    tok = verb
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS]
        if len(subjects) > 1:
            # "The bridge, known as ..., will open, the ministry said" parsed with two subjects: the one nearest
            # the verb is its own
            subjects.sort(key=lambda c: abs(c.i - tok.i))
            marks = [c.i for c in tok.children if c.dep_ == "mark" and c.i < tok.i]
            if marks and subjects[0].i > marks[0] > min(c.i for c in subjects):
                # "A summary issued after the talks said ...": the subject after "after" is a clause's own
                subjects.sort(key=lambda c: c.i > marks[0])
        for child in subjects:
            if child.i in skip:
                # "BELGRADE (Wire) - The EU's foreign policy chief, Katarina Lindqvist, met ...": the parser made
                # the dateline the subject and hung the real one on it as an apposition
                apps = [a for a in child.children if a.dep_ == "appos" and a.i not in skip]
                # "..., Seoul's chief delegate, Vice Minister Kang Min-ho, said": the one that names a person
                named = [a for a in apps if any(t.ent_type_ == "PERSON" for t in a.subtree)]
                real = (named or apps or [None])[0]
                if real is not None:
                    return real
                continue
            if child.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                return tok.head
            return child
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in ("by", "in") and \
                tok.head.head.i != tok.head.i:
            tok = tok.head.head  # "responded by saying that ...": the one who responded says it
            continue
        if tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def phrase_of(tok: Token) -> Span:
    """The noun phrase of a subject without its relative clause, trailing clauses or final punctuation."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in _CUT_DEPS or _when(child):
            break  # also "heads of state yesterday", "officials on Monday": the time of saying, not the speaker
        if child.dep_ != "punct":
            right = max(right, child.right_edge.i)
    # cut at a comma that starts a relative clause or an aside
    for i in range(tok.i + 1, right + 1):
        if doc[i].text == "," and i + 1 <= right and (doc[i + 1].lower_ in RELATIVE_PRONOUNS or (
                doc[i + 1].lower_ in ("in", "at", "during", "on") and doc[i + 1].head.i == tok.i)):
            right = i - 1  # also "The president, in a statement from his office, said": an aside, not the name
            break
    for i in range(left, tok.i):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_ or doc[i].text.endswith(":"):
            left = i + 1  # a heading, the previous paragraph or a dateline ("Bali (JP):") is not the subject
    while right > left and (doc[right].is_punct or doc[right].is_space or doc[right].tag_ == "POS"):
        right -= 1  # also the "'s" of a possessor speaking: "Moscow's claim that ..."
    while left < right and (doc[left].is_punct or doc[left].is_space or _TIME_STAMP.fullmatch(doc[left].text)):
        left += 1  # also a live blog's time stamp ("10:15 - Rusu says ...")
    return doc[left:right + 1]


def _when(child: Token) -> bool:
    """A time hung on the subject's noun by the parser: "yesterday", "last week", "on Monday"."""
    if child.dep_ == "npadvmod":
        return child.ent_type_ in ("DATE", "TIME")
    if child.dep_ == "prep" and child.lower_ in ("on", "in", "at", "during"):
        objs = [g for g in child.children if g.dep_ == "pobj"]
        return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)
    return False


def ents_in(span: Span) -> list[Span]:
    """The named entities inside a span, read from the tokens (Span.ents walks every entity of the document,
    which made long articles quadratic)."""
    doc = span.doc
    out: list[Span] = []
    start: int | None = None
    label = ""
    for t in span:
        if t.ent_iob_ == "B" or (t.ent_iob_ == "I" and start is None):
            if start is not None:
                out.append(Span(doc, start, t.i, label=label))
            start, label = t.i, t.ent_type_
        elif t.ent_iob_ != "I" and start is not None:
            out.append(Span(doc, start, t.i, label=label))
            start = None
    if start is not None:
        out.append(Span(doc, start, span.end, label=label))
    return out


def _named_or_determined(tok: Token) -> bool:
    if tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or tok.pos_ == "PRON":
        return True
    return any(c.dep_ in ("det", "poss") for c in tok.children)


def is_joint(tok: Token) -> bool:
    """A subject that names two or more parties at once: their statement is not one speaker's quote.

    "Mr Dalton and Ms Ferreira", "the president and the prime minister" are joint; "former spokesman and current
    adviser Kenji Mori" (titles of one person) is not.
    """
    conjuncts = [tok] + [t for t in tok.subtree if t.dep_ == "conj" and t.head.i in (tok.i,) or (
        t.dep_ == "conj" and t.head.dep_ == "conj" and t.head.head.i == tok.i)]
    if len(conjuncts) > 1 and (sum(_named_or_determined(c) for c in conjuncts) >= 2
                               or sum(c.tag_ in ("NNS", "NNPS") for c in conjuncts) >= 2):
        return True
    words = [t.lower_ for t in tok.subtree][:4]
    if words and (words[0] in ("both", "all", "each") or words[:2] == ["the", "two"] or words[:2] == ["the",
                                                                                                     "three"]):
        return True
    if tok.lemma_.lower() in JOINT_HEADS and tok.tag_ in ("NNS", "NNPS") and not any(
            c.dep_ in ("amod", "compound", "poss", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG")
                                                                or c.pos_ in ("PROPN", "NOUN"))
            for c in tok.children):
        return True
    return tok.lower_ in ("both", "each")


def can_speak(tok: Token, span: Span) -> bool:
    """Whether a subject can be a speaker at all: a name, a nationality, or a noun for people or bodies."""
    if tok.pos_ == "PRON":
        return True
    if tok.ent_type_ in _NOT_SPEAKER_ENTS and not mistagged_name(tok):
        return False  # "Monday", "2019", "the Olympics", "the Constitution"
    if tok.lemma_.lower() in _DISPLAYS or tok.lower_ in _DISPLAYS:
        return False  # "banners read 'No to the base'", "a headline in the paper said": words on display
    if any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in span):
        return True
    if tok.pos_ == "PROPN":
        return True
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if lemma in SPEAKER_NOUNS or low in SPEAKER_NOUNS:
        return True
    if any(t.lemma_.lower() in SPEAKER_NOUNS and t.pos_ in ("NOUN", "PROPN") for t in span):
        return True
    return tok.pos_ == "NOUN" and (low.endswith(PERSON_SUFFIXES) or lemma.endswith(PERSON_SUFFIXES)) and len(low) > 4


def _descriptor(span: Span) -> bool:
    """ "the 61-year-old", "the Spaniard": an age or a nationality noun that news prose uses for a person just named."""
    words = [t.lower_ for t in span]
    if len(words) < 2 or words[0] != "the":
        return False
    if len(words) == 2:
        return words[1] in _DESCRIPTOR_NOUNS
    return bool(re.fullmatch(r"the \d{1,3} ?- ?year ?- ?old", " ".join(words))) or _office_descriptor(words)


_LEADER_ROLE = re.compile(r"\b(president|prime minister|premier|chancellor|king|queen|emir|sultan|monarch)\b", re.I)


def _office_descriptor(words: list[str]) -> bool:
    """ "the head of state", "the head of government": an office every country has, named without its state, stands
    for the leader just spoken of, like "the 61-year-old"; it names no body and no one else."""
    return words in (["the", "head", "of", "state"], ["the", "head", "of", "government"])


def _apposed_titles(doc: Doc, ent: Span) -> list[str]:
    """The words of a title set off by a comma beside a name: "Antonio Guterres, the secretary-general, ..." and
    "as secretary-general, Antonio Guterres used ...". A later "the secretary-general said" is that person."""
    out: list[str] = []
    k = ent.end
    if k + 1 < len(doc) and doc[k].text == ",":
        k += 1
        if doc[k].lower_ in ("the", "a", "an"):
            k += 1
        while k < len(doc) and k < ent.end + 8 and (doc[k].pos_ in ("NOUN", "PROPN", "ADJ") or doc[k].text == "-") \
                and doc[k].ent_type_ not in ("PERSON", "DATE"):
            if doc[k].is_alpha:
                out.append(doc[k].lower_)
            k += 1
        if k < len(doc) and doc[k].text not in (",", ".", ";") and doc[k].lower_ not in ("of", "for", "to", "and"):
            out = []  # ("Guterres, the secretary-general's envoy ...": not a title set off by itself)
    j = ent.start - 1
    if j > 1 and doc[j].text == ",":
        words: list[str] = []
        j -= 1
        while j > 0 and j > ent.start - 8 and (doc[j].pos_ in ("NOUN", "PROPN", "ADJ") or doc[j].text == "-"):
            if doc[j].is_alpha:
                words.append(doc[j].lower_)  # ("general" of "secretary-general" is tagged an adjective)
            j -= 1
        if words and doc[j].lower_ == "as":
            out += words
    return out


def _name_before_title(tok: Token) -> Span | None:
    """ "said Antti Laine, the defence minister" with the name the tagger missed or took for an organisation: two
    or more capitalised words set off by a comma from an apposed title are a person's name, not a body's."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("", "ORG", "PERSON"):
        return None
    appos = [c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "NOUN" and c.tag_ == "NN" and
             c.lemma_.lower() in _PERSON_TITLES]
    if not appos or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].text != ",":
        return None
    chain = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    start = chain[0].i if chain else tok.i
    words = tok.doc[start:tok.i + 1]
    if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in words) or any(
            t.ent_type_ in ("GPE", "NORP") or t.lower_ in SPEAKER_NOUNS for t in words):
        return None
    return words


def _apposed_name(tok: Token) -> Span | None:
    """ "Uganda's minister of state for foreign affairs, Henry Okello Oryem, said" with the name taken for an
    organisation: two to four capitalised words set off by commas in apposition to a person's title are the holder's
    name; the holder, not the title, is the speaker."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in _PERSON_TITLES | {"representative"}:
        return None
    # the parser may hang the name on the state of the title ("The representative of Mongolia, X Y, said")
    holders = [tok, *(t for t in tok.subtree if t.i > tok.i and t.dep_ == "pobj" and t.ent_type_ == "GPE")]
    for app in (c for h in holders for c in h.rights if c.dep_ == "appos" and c.pos_ == "PROPN"):
        chain = [c for c in app.lefts if c.dep_ in ("compound", "punct") and c.i > tok.i]
        start = chain[0].i if chain else app.i
        words = [t for t in tok.doc[start:app.i + 1] if t.text != "-"]
        if start == 0 or tok.doc[start - 1].text != "," or app.i + 1 >= len(tok.doc) or \
                tok.doc[app.i + 1].text != ",":
            continue
        if 2 <= len(words) <= 4 and all((t.text[:1].isupper() or tok.doc[t.i - 1].text == "-") and t.pos_ == "PROPN"
                                        for t in words) and not any(
                t.ent_type_ in ("GPE", "NORP") or t.lower_ in SPEAKER_NOUNS for t in words):
            return tok.doc[start:app.i + 1]
    return None


def mistagged_name(tok: Token) -> bool:
    """A name the tagger swallowed into a date or number ("10:15 - Rusu says", tagged as one DATE), or into a title
    run on from a quotation before it ('... as "fantasies." Spokesman Ilya Voronin told', one WORK_OF_ART)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "WORK_OF_ART") and \
        tok.text.isalpha() and tok.text[:1].isupper() and tok.lower_ not in _CALENDAR


def _names_subject(ent: Span, tok: Token) -> bool:
    """Whether a person's name in the subject phrase is the subject itself: the head, or an apposition or
    conjunct of it ("the director, Ivan Petrov"; "former spokesman and adviser Kenji Mori"), not
    a name the phrase merely mentions ("a spokesman for Lindqvist", "Lindqvist's office")."""
    if ent.start <= tok.i < ent.end:
        return True
    t = ent.root
    deps: list[str] = []
    for _ in range(12):
        if t.i == tok.i:
            return any(d in ("appos", "conj") for d in deps)
        deps.append(t.dep_)
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _title_span(doc: Doc, ent: Span, left: int) -> Span | None:
    """The title a person is introduced with: the words right before the name ("Brazil coach"), or the phrase
    the name stands in apposition to ("The African Union's special envoy for the Nile basin, Moses Kiprono")."""
    root = ent.root
    first = ent.start
    while first > 0 and ent.start - first < 2 and doc[first - 1].pos_ == "PROPN" and \
            doc[first - 1].ent_type_ in ("", "PERSON"):
        first -= 1  # a first name the tagger left out of the entity ("Moses" in "Moses Kiprono")
    if first > 0 and doc[first - 1].text == "," and root.dep_ == "appos" and root.head.i < first:
        head = root.head
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head  # "the envoy for Libya, Ana Costa": the parser hung the name on "Libya"
        if head.pos_ in ("NOUN", "PROPN") and head.ent_type_ != "PERSON" and head.left_edge.i < first - 1:
            return doc[head.left_edge.i:first - 1]
    if left < ent.start:
        head = root.head
        if left > 1 and doc[left - 1].text == "," and root.dep_ == "appos" and head.i < left - 1 and \
                head.pos_ in ("NOUN", "PROPN") and head.ent_type_ != "PERSON":
            # "Tokyo's top spokesperson, Chief Cabinet Secretary Ikeda": the phrase before the comma is his too
            return doc[head.left_edge.i:ent.start]
        return doc[left:ent.start]
    return None


def _title_after(doc: Doc, ent: Span) -> Span | None:
    """The title set after a name by a comma: "said Lena Varga, a spokeswoman for the Ministry of Defence"."""
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return None
    app = next((c for c in ent.root.children if c.dep_ == "appos" and c.i > ent.end), None)
    if app is None or app.pos_ != "NOUN" or app.left_edge.i != ent.end + 1:
        return None
    words = [t for t in doc[app.left_edge.i:app.right_edge.i + 1]]
    if len(words) > 12 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    return doc[app.left_edge.i:app.right_edge.i + 1]


def _same_last(actor: Actor | None, name: str) -> bool:
    """Whether the resolution layer's answer is about this name: same family name, or a fuller form of it."""
    if actor is None or not actor.name:
        return False
    a = [w.removesuffix("'s") for w in actor.name.lower().replace("\u2019", "'").split()]
    b = [w.removesuffix("'s") for w in name.lower().replace("\u2019", "'").split()]
    return bool(a and b) and (a[-1] == b[-1] or set(b) <= set(a))


class SpeakerResolver:
    """Per article: turns subject tokens into speakers, with pronouns going to the article's current topic."""

    def __init__(self, doc: Doc, resolver: ArticleResolver, quoted: Intervals) -> None:
        self.doc = doc
        self.resolver = resolver
        self._quoted = quoted
        self._by_word: dict[str, set[str]] = {}
        self.affiliation = Affiliation(doc, resolver)
        self._full_names, self._gender, titles = self._people()
        self._titles_by_word: dict[str, list[tuple[int, str]]] = {}
        self._titles_of: dict[str, set[str]] = {}  # surname -> the title words the article gives the person
        for pos, word, last in sorted(titles):
            self._titles_by_word.setdefault(word, []).append((pos, last))
            if word.isalpha():
                self._titles_of.setdefault(last, set()).add(word)
        self._mentions: list[_Mention] = []
        self._mention_pos: list[int] = []
        self._topics_done = False
        self._documents: dict[str, Speaker] = {}  # joint texts quoted as a source, by their noun
        self._state_agencies: dict[str, str | None] | None = None
        # `doc.text` and `doc.ents` are rebuilt from the tokens on each read: read once, as a long article asks per
        # pronoun
        self._text = doc.text
        self._person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
        self._person_starts = [e.start_char for e in self._person_ents]
        self._org_ents = [e for e in doc.ents if e.label_ == "ORG"]

    # ---- article-level tables ----------------------------------------------------------------------------
    def _people(self) -> tuple[dict[str, str], dict[str, str], list[tuple[int, str, str]]]:
        """Fullest name per surname, gender from honorifics, and (offset, title word, surname) sightings."""
        full: dict[str, str] = {}
        gender: dict[str, str] = {}
        titles: list[tuple[int, str, str]] = []
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            end = ent.end
            while end - 1 > ent.start and doc[end - 1].is_punct and doc[end - 1].text in ".,;:":
                end -= 1  # "Adriana Solis." at a sentence's end: the tagger took the period into the name
            if end != ent.end:
                ent = Span(doc, ent.start, end, label=ent.label_)
            toks = [t for t in ent if not t.is_punct or t.text in ("-", ".")]
            after_of = ent.start > 0 and doc[ent.start - 1].lower_ == "of"
            while toks and (toks[0].lower_ in _HONORIFICS or (after_of and len(toks) > 2 and
                                                               self._is_place(toks[0].text))):
                toks = toks[1:]  # "Mr.", or "Armenia" in "Prime Minister of Armenia Nikol Pashinyan"
            if not toks:
                continue
            name = doc[toks[0].i:toks[-1].i + 1].text.strip()
            if name.endswith(("'s", "\u2019s")):
                name = name[:-2].strip()
            name = name.rstrip("'\u2019").strip()
            if not name:
                continue
            last = name.split()[-1].lower()
            if len(name.split()) > len(full.get(last, "").split()):
                full[last] = name
            for word in name.lower().split():
                self._by_word.setdefault(word, set()).add(name)
            prev = doc[ent.start - 1] if ent.start > 0 else None
            if ent[0].lower_ in _HONORIFICS and _HONORIFICS[ent[0].lower_]:
                gender[last] = _HONORIFICS[ent[0].lower_]
            elif prev is not None and prev.lower_ in _HONORIFICS and _HONORIFICS[prev.lower_]:
                gender[last] = _HONORIFICS[prev.lower_]
            j = ent.start - 1
            while j >= 0 and j >= ent.start - 6 and doc[j].ent_type_ != "PERSON" and (
                    doc[j].pos_ in ("PROPN", "NOUN", "ADJ") or doc[j].lower_ in ("of", "-", "'s", "\u2019s") or (
                        doc[j].lower_ in ("to", "for") and j > 0 and doc[j - 1].pos_ in ("PROPN", "NOUN"))) and \
                    not (doc[j].text == "-" and doc[j].whitespace_ and j > 0 and doc[j - 1].whitespace_):
                # (a spaced dash ends a dateline, "WASHINGTON - Rep. X": the city is not part of the title)
                if doc[j].pos_ != "ADJ":
                    titles.append((ent.start_char, doc[j].lower_, last))
                j -= 1
            titles += [(ent.start_char, w, last) for w in _apposed_titles(doc, ent)]
            self.affiliation.note_person(last, _title_span(doc, ent, j + 1) or _title_after(doc, ent))
        return full, gender, titles

    def is_place(self, word: str) -> bool:
        """A country or a capital ("NEW DELHI"), not a person's name that a small town shares."""
        if self.knows_surname(word.split()[-1]):
            return False
        try:
            return is_country_or_capital(word)
        except Exception:  # the reference data must never cost us the article
            return False

    def _is_place(self, word: str) -> bool:
        try:
            return self.resolver.country_of_text(word) is not None
        except Exception:  # the resolution layer must never cost us the article
            return False

    def fullest(self, name: str) -> str:
        """The longest form of a person's name in the article: by surname, or by the one name a longer name
        holds when only one does ("Ban" -> "Ban Ki-moon")."""
        parts = name.split()
        if not parts:
            return name
        if len(parts) == 1:
            names = self._by_word.get(parts[0].lower(), set())
            longest = {n for n in names if len(n.split()) == max(len(m.split()) for m in names)} if names else set()
            if len(longest) == 1 and len(next(iter(longest)).split()) > 1:
                return next(iter(longest))
        last = parts[-1].lower()
        for suffix in ("'s", "\u2019s", "'", "\u2019"):
            if last.endswith(suffix):
                last = last[: -len(suffix)]
                break
        found = self._full_names.get(last, name)
        return found if len(found.split()) > len(parts) else name

    def knows_surname(self, word: str) -> bool:
        """Whether a word is the family name of a person named in the article (the tagger may not say so)."""
        return word.lower() in self._full_names

    def _in_quote(self, pos: int) -> bool:
        return self._quoted.holds(pos)

    # ---- topic tracking ------------------------------------------------------------------------------------
    def _main_subjects(self) -> None:
        """Records the subject of each main clause outside quotations, in text order, as pronoun antecedents."""
        self._topics_done = True
        for sent in self.doc.sents:
            root = sent.root
            heads = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
            if root.lemma_.lower() in CLAUSE_VERBS:
                # "The president will veto the bill, aides said.": the person the fronted statement is about is
                # the topic a later "he" carries on
                heads = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i] + heads
            for head in heads:
                for child in head.children:
                    if child.dep_ not in _SUBJECT_DEPS or self._in_quote(child.idx):
                        continue
                    if child.lower_ in AUTHOR_PRONOUNS or child.pos_ == "DET" or child.lower_ in ("it", "there"):
                        continue
                    if child.lower_ in SUBJECT_PRONOUNS or child.lower_ in PLURAL_PRONOUNS:
                        continue  # pronouns carry the topic on; they do not set a new one
                    speaker = self.speaker(child, remember=False)
                    if speaker is not None and speaker.name:
                        self.remember(child.idx, speaker, child)

    def remember(self, pos: int, speaker: Speaker, tok: Token | None = None) -> None:
        gender = ""
        if speaker.name:
            gender = self._gender.get(speaker.name.split()[-1].lower(), "")
        if tok is not None and tok.lower_ in SUBJECT_PRONOUNS:
            gender = SUBJECT_PRONOUNS[tok.lower_]
        k = bisect.bisect_right(self._mention_pos, pos)
        self._mention_pos.insert(k, pos)
        self._mentions.insert(k, _Mention(pos, speaker, gender))

    def antecedent(self, pos: int, pronoun: str) -> Speaker | None:
        """The most recent compatible main-clause subject or speaker before `pos`."""
        if not self._topics_done:
            self._main_subjects()
        want_plural = pronoun in PLURAL_PRONOUNS
        want_gender = SUBJECT_PRONOUNS.get(pronoun, "")
        k = bisect.bisect_left(self._mention_pos, pos) - 1
        looked = 0
        while k >= 0 and looked < 40:
            m = self._mentions[k]
            k -= 1
            looked += 1
            sp = m.speaker
            if pronoun == "it":
                if sp.kind not in _PERSONISH_KINDS and not sp.plural and not sp.joint:
                    return sp
                continue
            if want_plural:
                if sp.plural or sp.joint or _collective(sp):
                    return sp
                continue
            if sp.plural or sp.joint or sp.kind not in _PERSONISH_KINDS:
                continue
            if want_gender and m.gender and m.gender != want_gender:
                continue
            return sp
        return None

    def last_person_before(self, pos: int) -> Speaker | None:
        return self.antecedent(pos, "he_or_she")

    # ---- one subject ---------------------------------------------------------------------------------------
    def _from_title(self, tok: Token) -> str | None:
        """'the President', 'the Secretary': the person last seen with that title before this point."""
        seen = self._titles_by_word.get(tok.lower_)
        if not seen:
            return None
        k = bisect.bisect_left(seen, (tok.idx, "")) - 1
        return self._full_names.get(seen[k][1]) if k >= 0 else None

    def speaker(self, tok: Token, remember: bool = True) -> Speaker | None:
        """The speaker a subject token names, or None for authorial/joint/impersonal subjects."""
        low = tok.lower_
        if low == "one" and any(p.dep_ == "prep" and p.lower_ == "of" and any(
                g.lower_ in PLURAL_PRONOUNS | {"those"} for g in p.children) for p in tok.children):
            # "Analysts said ... 'It is a risk,' one of them wrote": one member of the group spoken of before
            ante = self.antecedent(tok.idx, "they")
            if ante is None or ante.joint or not ante.name:
                return None
            sp = Speaker(ante.name, ante.country, None, ante.kind)
            if remember:
                self.remember(tok.idx, sp, tok)
            return sp
        if low in AUTHOR_PRONOUNS or low in ("there",):
            return None
        if is_joint(tok):
            sp = Speaker(None, None, None, "group", plural=True, joint=True)
            if remember:
                self.remember(tok.idx, sp, tok)
            return None
        glued = self._glued_name(tok)
        if glued is not None:
            return glued
        span = self.doc[tok.i:tok.i + 1] if tok.pos_ == "PRON" else phrase_of(tok)
        if tok.lemma_.lower() in _DOCUMENT_NOUNS or tok.lower_ in _DOCUMENT_NOUNS:
            if any(c.lower_ in ("joint", "common", "final") and c.dep_ in ("amod", "compound") for c in tok.children) \
                    and not any(c.dep_ in ("poss",) for c in tok.children):
                # "a joint summary released after the talks said ...", "the final communique": no one author, the
                # text itself is quoted as the source
                sp = Speaker(span.text.strip(), None, None, "body")
                self._documents[tok.lemma_.lower()] = sp
                return sp
            if tok.lemma_.lower() in self._documents and not any(c.dep_ in ("poss", "prep", "compound")
                                                                  for c in tok.children):
                return self._documents[tok.lemma_.lower()]  # "the summary reads": the joint text named before
            if not any(t.ent_type_ == "PERSON" for t in span):
                return self._document_author(tok, remember)
        if _descriptor(span):
            # "the 61-year-old said", "the Spaniard added": a description standing for the person spoken of; a
            # person the article ties to it ("Danish chef Mette Holm" for "the Dane") before the topic
            tied = self._described_person(span, tok, None, strong_only=True)
            if tied is not None:
                if remember:
                    self.remember(tok.idx, tied, tok)
                return tied
            ante = self.antecedent(tok.idx, "he_or_she")
            if ante is not None and ante.kind == "person" and ante.name and (
                    not _office_descriptor([t.lower_ for t in span]) or _LEADER_ROLE.search(ante.role or "")) and \
                    self._fits_description(span, tok, ante):
                sp = Speaker(ante.name, ante.country, ante.role, ante.kind)
                if remember:
                    self.remember(tok.idx, sp, tok)
                return sp
            near = self._described_person(span, tok, None)  # a topic the tracker missed ("Coach Pep Guardiola")
            if near is not None:
                if remember:
                    self.remember(tok.idx, near, tok)
                return near
        described = None
        given = descriptions.name_given(tok)
        if given is not None:
            described = Speaker(given, None, None, "person")
        if described is None and tok.pos_ != "PRON" and tok.lower_ in _PERSON_TITLES:
            holder = descriptions.bracketed_holder(span)
            if holder is not None:
                described = Speaker(self.fullest(holder), *self._bracket_info(span), "person")
        if described is not None:
            if remember:
                self.remember(tok.idx, described, tok)
            return described
        if not self._may_speak(tok, span):
            return None
        holder = self._acronym_holder(tok) if all(t.i == tok.i or t.lower_ == "the" for t in span) else None
        if holder is not None:
            country, role = self._actor_info(holder, None, None)
            sp = Speaker(self.fullest(holder.text), country, role, "person")
            if remember:
                self.remember(tok.idx, sp, tok)
            return sp
        actor, own = self._actor_of_subject(tok, span)
        resolved = actor is not None and actor.kind in _RESOLVED_KINDS and bool(actor.name) and \
            (actor.name or "").lower() not in SUBJECT_PRONOUNS and (actor.name or "").lower() not in (
                "it", "they", "who", "which")
        if tok.pos_ == "PRON" or low in RELATIVE_PRONOUNS:
            return self._pronoun_speaker(tok, actor if resolved else None, remember)
        plural = tok.tag_ in ("NNS", "NNPS")
        sp = self._body_named_after_person(tok, span, own, actor)
        if sp is None:
            if resolved and actor is not None and actor.kind in _PERSONISH_KINDS and not ents_in(span) and \
                    tok.pos_ in ("NOUN", "PROPN"):
                actor = self._holder_of_own_title(span, actor)
            if resolved and actor is not None:
                name = self.fullest(actor.name) if actor.kind in _PERSONISH_KINDS and actor.name else actor.name
                sp = Speaker(name, actor.country, actor.role, actor.kind, plural=plural and actor.kind != "person")
            else:
                sp = self._fallback(span, tok, actor, plural)
            self._own_country(sp, span)
            if sp.country is None and tok.pos_ != "PRON" and self._state_agency(span):
                sp.country = next((self.state_agencies()[t.lower_] for t in span if t.lower_ in self.state_agencies()),
                                  None)  # "KCNA said": the state whose agency it is
            if tok.pos_ != "PRON":
                start = min(tok.left_edge.i, span.start)
                if start == tok.i > 0 and _ORGAN_NOUNS.fullmatch(self.doc[tok.i - 1].text):
                    start = self.doc[tok.i - 1].left_edge.i  # "Syria's official news agency SANA", parsed apart
                sp.country = self._organ_country(self.doc[start:tok.i + 1]) or sp.country  # its own words decide
            if sp.name and _TIME_STAMP.match(sp.name):
                sp.name = _LEADING_STAMP.sub("", sp.name) or sp.name  # "08:30 - Ortega": the live blog's clock
            if sp.kind in ("official", "unknown") and not plural:
                later = self._later_holder(span, tok, sp.country)
                if later is not None:
                    sp = Speaker(later, sp.country, sp.role, "person")
        if sp.kind in ("unknown", "official") and not plural and tok.pos_ != "PRON" and \
                (not sp.name or sp.name.lower() == span.text.lower()):
            sp = self._described_person(span, tok, sp.country) or sp
        if sp.kind == "body" and sp.name and tok.pos_ == "PROPN":
            full = descriptions.expand_initials(self.doc, tok.text, self._org_ents)
            if full is not None:
                sp = Speaker(full, sp.country, sp.role, "body")
        if sp.kind in ("unknown", "body") and not plural:
            earlier = self._same_body(span, tok)
            if earlier is not None:
                sp = Speaker(earlier.name, earlier.country or sp.country, earlier.role, earlier.kind)
        if sp.country is None and sp.kind == "person" and sp.name:
            sp.country = self._domestic_person(sp.name)
        if remember:
            self.remember(tok.idx, sp, tok)
        return sp

    # ---- descriptions ("the Spaniard", "the England coach") ---------------------------------------------------
    def _description(self, span: Span, tok: Token, country: str | None) -> descriptions.Description | None:
        mentions = self.resolver.mentions_between(tok.idx, tok.idx + len(tok.text))
        demonym = any(m.kind == "demonym" and m.code for m in mentions)
        if demonym:
            country = next(m.code for m in mentions if m.kind == "demonym" and m.code)
        elif country is None and len(span) > 2:
            country = next((m.code for m in self.resolver.mentions_between(span.start_char, tok.idx)
                            if m.code and not m.code.startswith("IGO:")), None)
        if country is None:
            try:  # "the External Affairs Minister": an office only one state has
                country = self.resolver.default_country_of_role(self.resolver.role_of_text(span.text))
            except Exception:  # the resolution layer must never cost us the article
                country = None
        places = frozenset(t.i for m in self.resolver.mentions_between(span.start_char, span.end_char)
                           for t in span if m.start <= t.idx < m.end)
        return descriptions.describe(span, country, demonym, places)

    def _candidate(self, name: str, pos: int, country: str | None, role: str | None) -> descriptions.Candidate:
        last = name.split()[-1].lower()
        titles = set(self._titles_of.get(last, ()))
        titles |= {w.lower() for w in re.findall(r"[A-Za-z]+", role or "")}
        return descriptions.Candidate(name, pos, country, frozenset(titles))

    def _fits_description(self, span: Span, tok: Token, ante: Speaker) -> bool:
        """Whether nothing the article says of the topic person contradicts the description ("the Dane" is not the
        Norwegian supplier the paragraph quoted last)."""
        desc = self._description(span, tok, None)
        if desc is None or not ante.name:
            return True
        return descriptions.compatible(desc, self._candidate(ante.name, 0, ante.country, ante.role)) > 0

    def _described_person(self, span: Span, tok: Token, country: str | None, strong_only: bool = False
                          ) -> Speaker | None:
        """The person a definite description stands for: the nearest person named before it that the article ties
        to its role or state; else the nearest named person if nothing contradicts it and it is near (the same or
        the previous sentence for a role, the same or the previous paragraph for a demonym or an age)."""
        desc = self._description(span, tok, country)
        if desc is None:
            return None
        text = self._text
        sent = tok.sent
        prev_sent = self.doc[sent.start - 1].sent if sent.start > 0 else sent
        if desc.role:
            weak_limit = prev_sent.start_char
        else:
            p_start = text.rfind("\n\n", 0, tok.idx)
            weak_limit = max(0, text.rfind("\n\n", 0, p_start) if p_start > 0 else 0)
        window = max(0, tok.idx - 1500)
        found: dict[str, descriptions.Candidate] = {}
        hi = bisect.bisect_left(self._person_starts, span.start_char)
        for ent in reversed(self._person_ents[:hi]):
            if ent.start_char < window:
                break
            if self._in_quote(ent.start_char):
                continue
            end = ent.end
            while end < len(self.doc) and end - ent.start < 4 and self.doc[end].pos_ == "PROPN" and \
                    self.doc[end].text.istitle() and not self.doc[end].ent_type_:
                end += 1  # "Pedro" tagged alone in "bass player Pedro Alvim"
            raw = self.doc[ent.start:end].text.removesuffix("'s").removesuffix("\u2019s").strip()
            words = [w for w in raw.split() if w.lower().rstrip(".") not in _HONORIFICS]
            if not words:
                continue
            name = self.fullest(" ".join(words))
            if name in found or len(name.split()) < 2:
                continue  # one word the tagger calls a person ("Benfica", "Santos") is too often a club or a place
            actor = self._ask(ent)
            found[name] = self._candidate(name, ent.start_char, actor.country if actor else None,
                                          actor.role if actor else None)
        for cand in self._untagged_people(window, span.start_char):
            if cand.name not in found and not any(n.endswith(cand.name.split()[-1]) for n in found):
                found[cand.name] = cand
        if not self._topics_done:
            self._main_subjects()
        k = bisect.bisect_left(self._mention_pos, span.start_char) - 1
        while k >= 0 and self._mentions[k].pos >= window:
            m = self._mentions[k]
            k -= 1
            sp = m.speaker
            if sp.kind == "person" and sp.name and sp.name.split()[0].lower() in descriptions.ROLE_NOUNS:
                sp = Speaker(" ".join(sp.name.split()[1:]), sp.country, sp.role, sp.kind)  # "Guitarist Colin Baird"
            if sp.kind == "person" and sp.name and not sp.plural and not sp.joint and \
                    not any(sp.name.endswith(n) or n.endswith(sp.name) for n in found if found[n].pos > m.pos):
                name = self.fullest(sp.name)
                if name not in found or found[name].pos < m.pos:
                    found[name] = self._candidate(name, m.pos, sp.country, sp.role)
        cands = sorted(found.values(), key=lambda c: -c.pos)
        # a person named in the description's own sentence after it is not what it points back to
        chosen = descriptions.choose(desc, [c for c in cands if c.pos < span.start_char],
                                     len(text) if strong_only else weak_limit)
        if chosen is None:
            return None
        actor_country = chosen.country or desc.country
        role = next((s.role for s in (m.speaker for m in self._mentions) if s.name == chosen.name and s.role), None)
        return Speaker(chosen.name, actor_country, role, "person")

    def _bracket_info(self, span: Span) -> tuple[str | None, str | None]:
        actor = self._ask(span)
        return (actor.country if actor else None), None

    def _untagged_people(self, lo: int, hi: int) -> list[descriptions.Candidate]:
        """Names the tagger missed or called an organisation ("Coach Pep Guardiola", "Eddie Jones" as ORG) between
        offsets lo and hi: two or three capitalised proper nouns whose last word the article uses alone as a
        person elsewhere (a PERSON entity, or the subject of a speech verb: "Guardiola said")."""
        doc = self.doc
        alone: set[str] = set()
        for t in doc:
            if t.pos_ == "PROPN" and (t.i == 0 or doc[t.i - 1].pos_ != "PROPN") and (
                    t.i + 1 >= len(doc) or doc[t.i + 1].pos_ != "PROPN") and (
                    t.ent_type_ == "PERSON" or (t.dep_ == "nsubj" and t.head.lemma_.lower() in CLAUSE_VERBS)):
                alone.add(t.text)
        out: list[descriptions.Candidate] = []
        for t in doc:
            if not lo <= t.idx < hi or t.text not in alone or t.ent_type_ in ("PERSON", "GPE", "NORP", "LOC", "FAC"):
                continue
            if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN":
                continue
            j = t.i
            while j - 1 >= 0 and t.i - j < 3 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].text.istitle() and \
                    doc[j - 1].ent_type_ not in ("GPE", "NORP", "LOC", "FAC") and \
                    doc[j - 1].lower_ not in descriptions.ROLE_NOUNS:
                j -= 1
            if j == t.i or self._in_quote(t.idx):
                continue
            titles = {doc[j - 1].lower_} if j > 0 and doc[j - 1].lower_ in descriptions.ROLE_NOUNS else set()
            name = self.fullest(doc[j:t.i + 1].text)
            titles |= self._titles_of.get(t.lower_, set())
            out.append(descriptions.Candidate(name, doc[j].idx, None, frozenset(titles)))
        return out

    def _same_body(self, span: Span, tok: Token) -> Speaker | None:
        """ "The company said ..." after "Northwind Energy announced ...": a body named again by its kind is the body
        of that kind that spoke last (a company for "the company", "... Fund" for "the fund")."""
        words = [t for t in span if t.pos_ != "DET"]
        if len(words) != 1 or words[0].i != tok.i or tok.pos_ != "NOUN" or span[0].lower_ != "the":
            return None
        noun = tok.lemma_.lower()
        if not self._topics_done:
            self._main_subjects()  # "Northwind Energy will cut 500 jobs, the company said": the first sentence's body
        k = bisect.bisect_left(self._mention_pos, span.start_char) - 1
        looked = 0
        while k >= 0 and looked < 12:
            sp = self._mentions[k].speaker
            k -= 1
            looked += 1
            if sp.kind != "body" or not sp.name or sp.plural or sp.joint:
                continue
            name = sp.name.split()
            if name[0].lower() == "the":
                name = name[1:]
            if not name or not name[0][:1].isupper():
                continue  # only a body named by its name ("Northwind Energy"), not "the ministry" again
            if name[-1].lower() == noun or (noun in _CORPORATE and name[-1].lower() not in _GOVERNMENT_HEADS):
                return sp
        return None

    def _later_holder(self, span: Span, tok: Token, country: str | None) -> str | None:
        """ "..., Cambodia's defense minister said." in a lead whose next paragraph names "Cambodian Defense
        Minister Tea Banh": a title phrase without a name is the person the article names with that title later
        (every title word of the phrase in the person's title, the same country)."""
        if tok.lower_ in _SPOKES and any(c.dep_ == "poss" for c in tok.children) and \
                not any(t.ent_type_ == "PERSON" for t in span):
            # "the prime minister's spokesman said ..." then "spokesman Alan Reid told reporters": the one
            # spokesman named soon after
            near = {last for p, last in self._titles_by_word.get(tok.lower_, []) if 0 < p - span.end_char < 600}
            if len(near) == 1 and self._full_names.get(next(iter(near))):
                return self._full_names[next(iter(near))]
        if any(t.ent_type_ == "PERSON" for t in span) or tok.pos_ not in ("NOUN", "PROPN") or \
                not any(t.ent_type_ in ("GPE", "NORP") for t in span):
            return None  # only a title tied to a state ("Norway's transport minister") points forward
        words = [t.lower_ for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.tag_ != "POS" and
                 t.ent_type_ not in ("GPE", "NORP", "ORG")]
        if tok.lower_ not in words or len(words) < 2:
            return None  # "the minister" alone is too vague to point forward
        cands: set[tuple[int, str]] | None = None
        for w in words:
            seen = {(p, last) for p, last in self._titles_by_word.get(w, []) if p > span.end_char}
            cands = seen if cands is None else cands & seen
        for pos, last in sorted(cands or ()):
            name = self._full_names.get(last)
            ent = next((e for e in self.doc.ents if e.start_char == pos and e.label_ == "PERSON"), None)
            if name is None or ent is None:
                continue
            actor = self._ask(ent)
            if country is not None and (actor is None or actor.country != country):
                continue
            return name
        return None

    def _glued_name(self, tok: Token) -> Speaker | None:
        """A headline's "López Says Talks Will Resume" tags "López Says ..." as one name: the name ends before the
        verb, and the same person's mention elsewhere in the article speaks."""
        if tok.ent_type_ != "PERSON":
            return None
        start = tok.i
        while start > 0 and self.doc[start].ent_iob_ == "I":
            start -= 1
        verb = next((t for t in self.doc[start + 1:start + 8] if t.ent_type_ == "PERSON" and t.ent_iob_ == "I" and
                     t.pos_ == "VERB" and t.text.istitle() and t.lemma_.lower() in CLAUSE_VERBS), None)
        if verb is None or tok.i >= verb.i:
            return None
        last = self.doc[verb.i - 1].text
        for ent in self._person_ents:
            if ent.start > verb.i and ent[-1].text == last:
                return self.speaker(ent.root)
        return Speaker(self.fullest(self.doc[start:verb.i].text), None, None, "person")

    def _document_author(self, tok: Token, remember: bool) -> Speaker | None:
        """A statement speaks for its author: "a statement from the ministry", "the ministry's statement"; a bare
        "the message reads" for the person the article is about."""
        authors = [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("from", "by", "of")
                   for g in p.children if g.dep_ == "pobj"]
        authors += [g for a in tok.children if a.dep_ == "acl" for p in a.children
                    if p.dep_ in ("agent", "prep") and p.lower_ == "by" for g in p.children if g.dep_ == "pobj"]
        authors += [c for c in tok.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "NOUN")]
        if authors:
            sp = self.speaker(authors[0], remember)
            self.note_document(tok, sp)
            return sp
        issuer = self._issuer_before(tok)
        if issuer is not None:
            return issuer
        return self.last_person_before(tok.idx)

    def _issuer_before(self, tok: Token) -> Speaker | None:
        """ "The junta promised ... in a statement read on television. 'The transition will be short,' the statement
        said": the statement is the voice of whoever issued it in the sentence that first mentioned it."""
        lemma = tok.lemma_.lower()
        for t in self.doc[max(0, tok.i - 150):tok.i]:
            if t.lemma_.lower() != lemma or t.dep_ != "pobj" or t.head.lower_ not in ("in", "through", "via"):
                continue
            verb = t.head.head
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            subj = subject_of(verb)
            if subj is not None and subj.i != tok.i and subj.lemma_.lower() not in _DOCUMENT_NOUNS:
                return self.speaker(subj, remember=False)
        return None

    def knows_document(self, noun: Token) -> bool:
        return noun.lemma_.lower() in self._documents

    def note_document(self, noun: Token, author: Speaker | None) -> None:
        """ "according to a statement issued by the ministry": a later "the statement said" is the ministry's."""
        if author is not None and author.kind in ("body", "country", "group"):
            self._documents.setdefault(noun.lemma_.lower(), author)

    def _may_speak(self, tok: Token, span: Span) -> bool:
        """A subject that can speak and is no news agency passing the news on."""
        known = tok.text.istitle() and self.knows_surname(tok.text)  # a family name the tagger took for a noun
        if not can_speak(tok, span) and not known:
            return False
        if tok.pos_ != "PRON" and is_agency(span.text) and span[0].lower_ in AGENCIES | {"the"} and \
                not any(t.lower_ == "media" for t in span) and not self._state_agency(span):
            return False  # "..., Kyodo News reported": the wire the news came by; "state media said" is a voice
        if tok.lemma_.lower() in ("correspondent", "reporter") and any(t.lower_ in ("our", "my") for t in span):
            return False  # "our correspondent reports ...": the outlet's own reporter is the channel
        if tok.pos_ == "PROPN" and len(span) == 1 and self._agency_alias(tok.text):
            return False  # "..., WAM reported" after "the Emirates News Agency (WAM)": the wire, by its short name
        # "AP's Jan Novak reports": the correspondent is the channel, not a speaker
        return not (any(t.dep_ == "poss" and is_agency(t.text) for t in span) and tok.ent_type_ == "PERSON")

    def _acronym_holder(self, tok: Token) -> Span | None:
        """ "EAM said ..." in an article that opens with "External Affairs Minister S. Jaishankar": a title written as
        its initials is the one person the article names with that title."""
        if tok.text.lower() in AGENCIES or tok.ent_type_ in ("GPE", "NORP", "PERSON"):
            return None
        return initials_holder(self.doc, tok.text)

    def _agency_alias(self, word: str) -> bool:
        """Whether the article introduces `word` as the short name of a news agency: "Emirates News Agency (WAM)",
        "the official Saudi Press Agency (SPA)"."""
        if not word.isupper() or not 2 <= len(word) <= 6:
            return False
        for m in re.finditer(r"\(\s*" + re.escape(word) + r"\s*\)", self._text):
            before = self._text[max(0, m.start() - 60):m.start()].split("\n")[-1]
            if re.search(r"\b(?:news agency|press agency|agency|news service|broadcaster|television|radio)\s*$",
                         before, re.IGNORECASE) or is_agency(" ".join(before.split()[-3:])):
                return True
        return False

    def state_agencies(self) -> dict[str, str | None]:
        """Agencies the article calls a state's own ("state news agency KCNA", "Xinhua, the official news
        agency"): an organ of that state, quoted as a source, not a wire passing the news on. Word -> country."""
        if self._state_agencies is None:
            self._state_agencies = {}
            for m in (m for pattern in _STATE_AGENCY for m in pattern.finditer(self.doc.text)):
                word = m.group(1).lower()
                if word in AGENCIES:
                    self._state_agencies[word] = self._safe_home(word)
        return self._state_agencies

    @staticmethod
    def _safe_home(word: str) -> str | None:
        try:
            return home_country(source=word)
        except Exception:  # reference data must never cost us the article
            return None

    def _organ_country(self, span: Span) -> str | None:
        """The state a news agency or broadcaster the subject calls official belongs to ("North Korea's official
        news agency said", "Iran's state broadcaster IRIB said"): the country word in the subject, else the home of
        an agency known by name ("the official Xinhua agency"). None for any other subject."""
        if not (_OWN_ORGAN.search(span.text) and (is_agency(span.text) or _ORGAN_NOUNS.search(span.text))):
            return None
        for m in self.resolver.mentions_between(span.start_char, span.end_char):
            if m.code and not m.code.startswith("IGO:") and m.kind in ("name", "demonym", "capital"):
                return m.code
        return self._safe_home(span.text)

    def _state_agency(self, span: Span) -> bool:
        return any(t.lower_ in self.state_agencies() for t in span)

    def _actor_of_subject(self, tok: Token, span: Span) -> tuple[Actor | None, Span | None]:
        """The resolution layer's answer about the subject phrase, checked to be about its head; and the person's
        name that is the subject itself, if any."""
        actor = self._ask(span)
        own = next((e for e in ents_in(span) if e.label_ == "PERSON" and _names_subject(e, tok)), None)
        if own is None and actor is not None and tok.pos_ == "PROPN" and actor.name and \
                tok.text not in actor.name and actor.name in span.text and not (
                tok.ent_type_ in ("ORG", "GPE", "NORP") and actor.kind in ("body", "country")):
            # an answer that leaves out the head name ("open-source" for "open-source developer Timo Virtanen")
            # is about another word of the phrase: ask about the name itself
            chain = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            name_span = self.doc[(chain[0].i if chain else tok.i):tok.i + 1]
            again = self._ask(name_span)
            if again is not None and again.name and tok.text in again.name:
                actor = again
            else:
                actor = Actor(name_span.text, again.country if again else None, None, "person"
                              if tok.ent_type_ in ("PERSON", "ORG", "") else "unknown", name_span.start_char,
                              name_span.end_char)
        if own is None and actor is not None and actor.kind == "person" and tok.tag_ == "NNS" and \
                tok.pos_ == "NOUN" and actor.name and actor.name not in span.text:
            actor = None  # "officials say ...": a plural of people is not the one person the resolver found near it
        named = _name_before_title(tok) if own is None else None
        if named is not None and actor is not None and actor.name and tok.text not in actor.name:
            # "said Antti Laine, the defence minister" answered with an earlier "Finland's defence minister": the
            # title's holder is the named person, who speaks here under their own name
            actor = Actor(named.text, actor.country, actor.role, "person", named.start_char, named.end_char)
        apposed = _apposed_name(tok) if own is None else None
        if apposed is not None and not (actor is not None and actor.name and apposed[-1].text in actor.name):
            return Actor(apposed.text, actor.country if actor else None, actor.role if actor else None, "person",
                         apposed.start_char, apposed.end_char), None
        if own is None and actor is not None and tok.pos_ == "NOUN" and actor.name and actor.name in span.text \
                and tok.text.lower() not in actor.name.lower():
            # "the minister" for "the minister's spokesman": an answer about a modifier, not about the speaker
            actor = Actor(None, actor.country, None, "unknown", span.start_char, span.end_char)
        if own is not None and not _same_last(actor, own.text):
            # the head is a named person: an answer about another word of the phrase ("Trade" in "Deputy
            # Trade Minister Ken Osei") is not about the speaker; ask about the name itself
            actor = self._ask(own)
            if not _same_last(actor, own.text):
                actor = None
        return actor, own

    def _pronoun_speaker(self, tok: Token, actor: Actor | None, remember: bool) -> Speaker | None:
        """A pronoun or relative pronoun: the article's current topic first, else the resolution layer's answer
        (`actor`, when it names someone). The resolution layer's "nearest compatible name" would give the name
        inside the clause ("Lee") for "he" in "Both sides expect Lee to come soon, he said"."""
        low = tok.lower_
        ante = self._cataphora(tok) if low in ("he", "she") else None
        ante = ante or self.antecedent(tok.idx, low)
        if low in ("he", "she") and (ante is None or not ante.joint):
            ante = self._paragraph_person(tok) or ante
        if ante is not None and ante.joint:
            return None
        if ante is not None:
            sp = Speaker(ante.name, ante.country, ante.role, ante.kind, plural=ante.plural)
        elif actor is not None:
            sp = Speaker(actor.name, actor.country, actor.role, actor.kind, plural=low in PLURAL_PRONOUNS)
        else:
            return None
        if remember:
            self.remember(tok.idx, sp, tok)
        return sp

    def _paragraph_person(self, tok: Token) -> Speaker | None:
        """ "For Mohamed Allam, a former minister, the history offers little comfort. '...,' he said." and "Back in
        Minya, Farag shrugs. His son works in Cairo. '...,' he said.": a feature introduces its next voice in the
        paragraph that quotes it, often outside the subject slot the topic tracker reads. When the paragraph before
        the pronoun names exactly one person and gives no subject the tracker reads, the pronoun is that person."""
        text = self._text
        p_start = text.rfind("\n\n", 0, tok.idx)
        p_start = 0 if p_start < 0 else p_start + 2
        names: dict[str, Token] = {}
        lo = bisect.bisect_left(self._person_starts, p_start)
        hi = bisect.bisect_left(self._person_starts, tok.idx)
        for ent in self._person_ents[lo:hi]:
            if not self._in_quote(ent.start_char) and not _reported_by(tok, ent.root):
                names.setdefault(self.fullest(ent.text.removesuffix("'s").removesuffix("\u2019s")), ent.root)
        k = tok.i - 1
        while k >= 0 and self.doc[k].idx >= p_start:
            t = self.doc[k]
            if not t.ent_type_ and t.text.istitle() and self.knows_surname(t.text) and not self._in_quote(t.idx) \
                    and t.i > t.sent.start and not _reported_by(tok, t):
                names.setdefault(self.fullest(t.text), t)
            k -= 1
        if len(names) != 1:
            return None
        name, root = next(iter(names.items()))
        last = name.split()[-1].lower()
        if any(p_start <= m.pos < tok.idx and (m.speaker.name or "").lower() not in SUBJECT_PRONOUNS and
               last not in (m.speaker.name or "").lower() for m in self._mentions):
            return None  # (another subject of the paragraph is what the pronoun carries on)
        head = root
        while head.dep_ in ("compound", "appos", "conj", "flat") and head.head.i != head.i:
            head = head.head
        if head.dep_ in ("dobj", "dative", "attr", "iobj") or (head.dep_ == "pobj" and head.head.lower_ == "with"):
            return None  # "X met her counterpart Y": the one met is not the next voice
        gender = self._gender.get(name.split()[-1].lower(), "")
        if gender and gender != SUBJECT_PRONOUNS.get(tok.lower_, gender):
            return None
        sp = self.speaker(root, remember=False)
        if sp is None or not sp.name or sp.plural or sp.joint:
            return None
        return Speaker(sp.name, sp.country, sp.role, "person")

    def _cataphora(self, tok: Token) -> Speaker | None:
        """ "In what he described as 'a full day', Secretary Gates met ...": a pronoun in a phrase fronted before
        the main clause points forward to that clause's subject when the subject names a person."""
        root = tok.sent.root
        subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i > tok.i), None)
        if subj is None or not (subj.ent_type_ == "PERSON" or (subj.pos_ == "PROPN" and not subj.ent_type_)):
            return None
        t = tok
        for _ in range(8):
            if t.head.i == t.i or t.head.i == root.i:
                break
            t = t.head
        if t.head.i != root.i or t.dep_ not in ("prep", "advcl") or not t.right_edge.i < subj.left_edge.i:
            return None
        return self.speaker(subj, remember=False)

    def _body_named_after_person(self, tok: Token, span: Span, own: Span | None, actor: Actor | None
                                 ) -> Speaker | None:
        """"Mr. Lindqvist's office", "the Sousa administration": a body named after a person speaks as itself."""
        if tok.ent_type_ == "PERSON" or own is not None or not any(
                e.label_ == "PERSON" and e.root.head.i == tok.i and e.root.dep_ in ("poss", "compound", "nmod")
                for e in ents_in(span)):
            return None
        country = actor.country if actor is not None else None
        if country is None:
            country = next((self._actor_info(e, None, None)[0] for e in ents_in(span)
                            if e.label_ == "PERSON"), None)
        return Speaker(span.text.strip(), country, None, "body", plural=False)

    def _holder_of_own_title(self, span: Span, actor: Actor) -> Actor:
        """"The President of the Republic" in a story from Paris is not the Senegalese president named just
        before: a title that says whose it is names its own holder."""
        own_country = self.affiliation.of_title(span.text)
        held_by = self.affiliation.by_surname.get((actor.name or "").split()[-1].lower()) or actor.country \
            or self.affiliation.earlier_holder(span)
        if own_country is not None and held_by is not None and own_country != held_by:
            return Actor(span.text.strip(), own_country, actor.role, "official", span.start_char, span.end_char)
        return actor

    def _own_country(self, sp: Speaker, span: Span) -> None:
        """The speaker's own affiliation over the countries the resolution layer saw near the quote."""
        persons = [e for e in ents_in(span) if e.label_ == "PERSON"]
        if sp.kind == "person" and sp.name:
            sp.country = self._person_country(sp.name.split()[-1].lower(), sp.country)
        elif persons and sp.kind == "body":  # "Ferjani's office" speaks for Ferjani's state
            sp.country = self._person_country(persons[-1].text.split()[-1].lower().removesuffix("'s"), sp.country)
        elif sp.kind == "body" and any(t.dep_ == "poss" and self.knows_surname(t.text) for t in span):
            owner = next(t for t in span if t.dep_ == "poss" and self.knows_surname(t.text))
            sp.country = self._person_country(owner.lower_, sp.country)  # the tagger missed the name
        elif not persons:
            words = [t for t in span if t.pos_ != "DET"]
            named = None
            if len(words) == 1 and words[0].pos_ == "NOUN":
                named = self.affiliation.named_body(words[0].lower_, span.start_char)  # "the fund" named before
                if named is None and words[0].lemma_.lower() == "ministry" and \
                        self.affiliation.dateline_home() is None:
                    named = self._last_minister_country(span.start_char)  # "the ministry" of the minister quoted
            sp.country = named or self.affiliation.body_country(span) or sp.country or \
                self.affiliation.of_title(span.text)

    def _last_minister_country(self, pos: int) -> str | None:
        """The country of the last minister who spoke before `pos` ("Minister X said ... The ministry noted")."""
        k = bisect.bisect_left(self._mention_pos, pos) - 1
        while k >= 0:
            sp = self._mentions[k].speaker
            if sp.kind in _PERSONISH_KINDS and sp.role and "minister" in sp.role.lower() and sp.country:
                return sp.country
            k -= 1
        return None

    def _person_country(self, surname: str, country: str | None) -> str | None:
        """A person's own title first; a bare state title ("Judge X" in a story from London) only fills a gap
        (overriding the resolution layer's reading by context with it cost more than it gained)."""
        if surname in self.affiliation.stateless:
            return None
        code = self.affiliation.by_surname.get(surname)
        if code is not None and surname in self.affiliation.home_guess and country is not None and \
                self._listed_holder(surname):
            return country  # the office-holders list knows better than the dateline ("Foreign Ministry spokesman X")
        if code is not None:
            return code
        return country if country is not None else self.affiliation.bare_title_home(surname)

    def _domestic_person(self, name: str) -> str | None:
        """A named person the text gives no state, quoted in a national outlet's story about its own country (a
        farmer in a Zambian paper's maize story, an analyst in a Pakistani paper): the outlet's state. Not media,
        former office-holders, opposition and party people, or people of a named non-state body."""
        res = self.resolver
        home = getattr(res, "home", None)
        surname = name.split()[-1].lower()
        if home is None or surname in self.affiliation.stateless or res.main_country() != home:
            return None
        for cl in getattr(res, "clusters", ()):
            if not cl.tokens or cl.tokens[-1].lower() != surname:
                continue
            if cl.media or cl.former or len(cl.tokens) < 2:
                return None
            for mi in cl.mentions:
                pm = res.person_mentions[mi] if mi < len(res.person_mentions) else None
                if pm is not None and pm.title_start >= 0 and (
                        nonstate_org(res, pm.title_start, pm.tok_start)
                        or _PARTISAN.search(self.doc[pm.title_start:pm.tok_start].text)):
                    return None
            return home
        words = name.split()  # a name the resolution layer did not cluster ("said Juana Quispe"): a full name only
        return home if len(words) >= 2 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) \
            else None

    def _listed_holder(self, surname: str) -> bool:
        """Whether the resolution layer found the person with this surname in the office-holders list."""
        return any(cl.tokens and cl.tokens[-1].lower() == surname and cl.country_source == "dictionary"
                   for cl in getattr(self.resolver, "clusters", ()))

    def _fallback(self, span: Span, tok: Token, actor: Actor | None, plural: bool) -> Speaker:
        """Without an answer from the resolution layer: a person's fullest name, a title's holder, or the words."""
        country = actor.country if actor is not None else None
        role = actor.role if actor is not None else None
        persons = [e for e in ents_in(span) if e.label_ == "PERSON"]
        named = [e for e in persons if _names_subject(e, tok)]
        if named:
            persons = named
        elif persons and tok.ent_type_ != "PERSON" and any(
                e.root.head.i == tok.i and e.root.dep_ in ("poss", "compound", "nmod") for e in persons):
            persons = []  # "Mr. Lindqvist's office", "the Sousa administration": a body, named as such
        if persons:
            ent = persons[-1] if tok.ent_type_ != "PERSON" else next(
                (e for e in persons if e.start <= tok.i < e.end), persons[-1])
            name = self.fullest(ent.text)
            country, role = self._actor_info(ent, country, role)
            return Speaker(name, country, role, "person")
        if (tok.pos_ == "PROPN" or (tok.text.istitle() and self.knows_surname(tok.text))) and (
                tok.ent_type_ in ("", "PERSON") or mistagged_name(tok)) and len(span) <= 3:
            name = self._full_names.get(tok.lower_)
            if name:
                return Speaker(name, country, role, "person")
        own_name = _name_before_title(tok)
        if own_name is not None:
            return Speaker(self.fullest(own_name.text), country, role, "person")
        if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.dep_ == "nsubj"):  # ("the secretary-general")
            holder = self._from_title(tok)
            if holder and len([t for t in span if not t.is_punct]) <= 3 and \
                    not any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in span):
                if country is None:
                    try:
                        country = self.resolver.country_of_text(holder)  # the holder's own state, by name
                    except Exception:  # the resolution layer must never cost us the article
                        country = None
                return Speaker(holder, country, role, "person")
        text = span.text.strip()
        if tok.pos_ == "PROPN" and tok.i + 1 < span.end and self.doc[tok.i + 1].text == "," and any(
                c.dep_ == "appos" and c.i > tok.i for c in tok.children):
            text = self.doc[span.start:tok.i + 1].text.strip()  # "Amnesty International, the rights group": the name
        kind = "body" if tok.ent_type_ in ("ORG", "GPE", "NORP") else "unknown"
        if kind == "unknown" and role and not plural:
            kind = "official"  # "the Foreign Secretary": a person known by title, a pronoun may point back to it
        if kind == "unknown" and tok.lemma_.lower() in ("official", "diplomat", "spokesman", "spokeswoman",
                                                         "spokesperson", "source", "officer", "aide", "envoy"):
            kind = "official"
        return Speaker(text or None, country, role, kind, plural=plural)

    def _ask(self, span: Span) -> Actor | None:
        try:
            return self.resolver.actor(span)
        except Exception:  # the resolution layer must never cost us the article
            return None

    def _actor_info(self, ent: Span, country: str | None, role: str | None) -> tuple[str | None, str | None]:
        try:
            a = self.resolver.actor(ent)
        except Exception:
            return country, role
        return (a.country or country), (a.role or role)


def _reported_by(pronoun: Token, name: Token) -> bool:
    """Whether a name lies in what the pronoun's own speech verb reports ("The two sides confirmed that Abe will
    visit Russia, he said": Abe is what is said, not the one saying it)."""
    verb = pronoun.head
    return any(a.head.i == verb.i and a.i != verb.i and a.dep_ in ("ccomp", "parataxis", "xcomp")
               for a in (name, *name.ancestors))
