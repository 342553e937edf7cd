"""Who and where a contact involves: the noun phrases syntactically attached to a meeting word, and their
countries through the resolution layer.

Only words that attach to the contact count, never every country in the sentence: in "held talks on North
Korea's missiles", North Korea is the topic, not a party. So phrases are cut before topic prepositions
("on", "about", "over"), relative clauses and subordinate clauses.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.core.datelines import dateline_at
from extractors.core.text import article_text, joining_hyphen
from extractors.core.types import Participant
from extractors.meetings.lexicon import OFFICIAL_NOUNS
from extractors.resolve.data import is_country_or_capital
from extractors.resolve.initials import COURTESIES, initials_holder
from extractors.resolve.resolver import ArticleResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

TOPIC_PREPS = frozenset(
    "on about over regarding concerning amid despite after before since following against toward towards ahead".split()
)
CUT_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "mark", "parataxis"})
PRONOUNS = frozenset({"he", "she", "his", "her", "him", "they", "their", "them", "i", "we", "our", "my", "us"})
ROLE_WORDS = OFFICIAL_NOUNS | {"adviser", "advisor", "undersecretary", "director", "general", "dr", "mr", "ms"}
STATE_HEADS = OFFICIAL_NOUNS | frozenset(
    "authorities regime cabinet junta kingdom republic commission council presidency office embassy mission "
    "negotiator mediators mediator secretary-general secretary general monarchy chiefs aides aide staff "
    "peacekeepers officers commanders generals".split()
)
PRIVATE_MODIFIERS = frozenset(
    "business religious community student students tribal civic industry corporate church union company "
    "labor labour youth faith clan militia rebel".split()
)
OFFICE_FOR = frozenset({"envoy", "representative", "coordinator", "commissioner", "rapporteur", "emissary"})
WEAK_SOURCES = frozenset({"context", "home"})  # how the resolver decided a country when no title said it
GROUP_ANAPHORS = frozenset(
    {"two", "both", "sides", "leaders", "parties", "ministers", "countries", "they", "men", "women", "nations"}
)


@dataclass(slots=True)
class Party:
    """One resolved party of a contact: a participant, a country, or both."""

    country: str | None
    participant: Participant | None
    start: int
    guessed: bool = False  # the person's country is the resolver's guess from context, not from their title


def _cut(child: Token) -> bool:
    if child.dep_ in CUT_DEPS or child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
        return True
    if _capital_of_person(child):
        return True
    if child.dep_ == "acl" or child.tag_ in ("WP", "WDT", "WRB"):
        return True
    return False


# nouns of a town named through its state ("the Saudi capital", "the Egyptian resort town of X")
TOWN_NOUNS = frozenset({"capital", "city", "town", "resort", "port"})


def _capital_of_person(child: Token) -> bool:
    """"met X in the Saudi capital", "in the Egyptian resort town of Y", the parser hanging the place on the named
    person: where they met, not the person's state (a named person's state comes from their own words)."""
    return child.dep_ == "prep" and child.lower_ in ("in", "at") and child.head.ent_type_ == "PERSON" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in TOWN_NOUNS and any(
            c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE") for c in g.children)
        for g in child.children)


def phrase_tokens(tok: Token) -> set[int]:
    """Indices of the words of the noun phrase headed by `tok`, leaving out, at any depth, clauses, relative
    clauses and topic prepositions ("diplomats expelled from Russia", "talks on North Korea")."""
    keep: set[int] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        keep.add(t.i)
        for child in t.children:
            if not _cut(child):
                stack.append(child)
    return keep


def phrase(tok: Token) -> Span:
    """The contiguous stretch of `phrase_tokens(tok)` around `tok` (the phrase up to its first cut)."""
    keep = phrase_tokens(tok)
    start = tok.i
    while start - 1 in keep:
        start -= 1
    end = tok.i + 1
    while end in keep:
        end += 1
    return tok.doc[start:end]


_NEWLINE = re.compile(r"\n")
# A transcript turn's speaker label at a paragraph's start: "OKAFOR:", "Daniel Okafor:", "MR OKAFOR:"
_TURN_LABEL = re.compile(r"((?:[A-Z][A-Za-z'.-]*\s){0,3}[A-Z][A-Za-z'-]+):\s")
FIRST_PERSON = frozenset({"i", "my", "me"})
TURN_PARAGRAPHS = 8  # how far back a transcript turn or an introduced statement is looked for
INTRO_VERBS = frozenset({"say", "state", "add", "write", "tell", "remark", "comment", "declare"})
ANAPHORIC_STATES = frozenset({"country", "nation", "country's", "nation's"})
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow".split())


def trim_name(ent: Span) -> Span:
    """A PERSON entity without the time word the tagger sometimes swallows ("Yasuo Fukuda Wednesday")."""
    doc = ent.doc
    end = ent.end
    while end - 1 > ent.start and doc[end - 1].lower_ in _TIME_WORDS:
        end -= 1
    # "Moon Jae-in": the tagger may stop at the hyphen of a hyphenated given name
    while end + 1 < len(doc) and joining_hyphen(doc[end]):
        end += 2
    return doc[ent.start : end]


QUANTITY_HEADS = frozenset(
    "number group dozen dozens couple handful majority members member some several all each one host series "
    "team".split()
)


def _through_quantity(tok: Token) -> Token:
    """ "a number of US diplomats" -> "diplomats": the people behind a quantity word."""
    if tok.lemma_.lower() in QUANTITY_HEADS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
    return tok


STATE_BODY_WORDS = (
    "government", "ministry", "administration", "kremlin", "white house", "foreign office", "state department",
    "cabinet", "presidency", "embassy", "palace", "side", "delegation", "leadership", "authorities",
)  # fmt: skip


def _acts_for_state(kind: str, name: str | None) -> bool:
    """Officials and countries act for their state; of bodies only organs of government do (an advisory
    council or a company board holding "its meeting" is no party to a diplomatic contact)."""
    if kind in ("official", "country"):
        return True
    if kind == "body" and name:
        low = name.lower()
        return any(w in low for w in STATE_BODY_WORDS)
    return False


def _name_pair(span: Span) -> list[Token]:
    """The two capitalised words of "Abe-Putin" (tokens X, -, Y), or [] when the span is not such a pair."""
    toks = [t for t in span if t.lower_ not in ("the", "a", "an")]
    if len(toks) != 3 or toks[1].text not in ("-", "–"):
        return []
    a, b = toks[0], toks[2]
    if not (a.text[:1].isupper() and b.text[:1].isupper() and a.is_alpha and b.is_alpha):
        return []
    if a.whitespace_ or toks[1].whitespace_ or a.ent_type_ in ("GPE", "NORP") or b.ent_type_ in ("GPE", "NORP"):
        return []
    return [a, b]


def _dateline_tokens(doc: Doc, text: str) -> set[int]:
    """Tokens of the datelines opening the text's lines ("BAGHDAD (Wire) - "): the bureau, never a party or a
    place of the contact (the parser often takes the city for the subject of the first sentence)."""
    out: set[int] = set()
    for line_start in [0, *(m.end() for m in _NEWLINE.finditer(text))]:
        m = dateline_at(text, line_start)
        if m is None:
            continue
        span = doc.char_span(m.start(1), m.end(), alignment_mode="contract")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _quote_map(text: str) -> bytearray:
    """For each character, 1 when it lies inside quotation marks of its paragraph. One pass over the text."""
    inside = bytearray(len(text))
    state = False
    for i, ch in enumerate(text):
        inside[i] = state
        if ch == "\n":
            state = False
        elif ch == '"':
            state = not state
        elif ch == "\u201c":
            state = True
        elif ch == "\u201d":
            state = False
    return inside


COMPANY_NOUNS = frozenset(
    "company companies firm firms carmaker carmakers automaker automakers maker makers manufacturer manufacturers "
    "bank banks lender lenders insurer insurers airline airlines conglomerate conglomerates startup startups "
    "retailer retailers shipbuilder chipmaker chipmakers drugmaker drugmakers shipper brewer telecom".split()
)
CORPORATE_SUFFIXES = frozenset(
    "motors inc inc. corp corp. corporation ltd ltd. limited plc ag gmbh holdings industries airlines airways "
    "pharmaceuticals technologies electronics".split()
)


def _company(tok: Token, keep: set[int]) -> bool:
    """A phrase that names a firm: a company noun ("carmaker X") or a company name ("Kanto Motors")."""
    doc = tok.doc
    for i in keep:
        t = doc[i]
        if t.lemma_.lower() in COMPANY_NOUNS or t.lower_ in COMPANY_NOUNS:
            return True
        if t.ent_type_ == "ORG" and t.lower_ in CORPORATE_SUFFIXES and t.ent_iob_ != "B":
            return True
    return False


def _plural_named_from(tok: Token) -> bool:
    """"Cardiologists from A and B met": a capitalised plural the tagger took for a name, told by where its people
    come from. A name is not told that way; a group of people is."""
    plural = tok.tag_ == "NNPS" or tok.tag_ == "NNP" and tok.lower_.endswith("s") and tok.ent_type_ == ""
    return tok.pos_ == "PROPN" and plural and tok.ent_type_ in ("", "ORG", "NORP") and any(
        c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)


def _can_represent_a_state(tok: Token) -> bool:
    """Whether the head of a phrase can stand for a government: an official, a body, a state, a pronoun.

    Common nouns for private people ("tourists", "scientists", "teams", "companies") cannot, whatever
    nationality word modifies them.
    """
    if _plural_named_from(tok):
        return bool({tok.lower_, tok.lemma_.lower(), tok.lower_[:-1]} & (STATE_HEADS | {"delegate"}))
    if tok.pos_ not in ("NOUN",) or tok.ent_type_ in ("GPE", "NORP", "PERSON", "ORG", "FAC"):
        return True
    words = {tok.lower_, tok.lemma_.lower()}
    if any(c.dep_ in ("compound", "amod") and c.lower_ in PRIVATE_MODIFIERS and not c.ent_type_ for c in tok.children):
        return False  # "business leaders", "religious leaders"; not "their European Union counterparts"
    if words & STATE_HEADS:
        return True
    return any(c.lower_ in ("two", "both") for c in tok.children)  # "the two sides", "both leaders"


def with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """Tokens plus their coordinated siblings ("Pence, Pompeo and Kelly")."""
    out: list[Token] = []
    for t in tokens:
        # "New Zealand's Prime Minister, X, and her Australian counterpart, Y, signed": the parser may hang the
        # second conjunct on the first one's apposition
        extra = [y for a in t.children if a.dep_ == "appos" for y in a.conjuncts if y.i > a.i]
        for x in [t, *t.conjuncts, *extra]:
            if x not in out:
                out.append(x)
    return out


class Lookup:
    """The resolver's answers about one article, read for the meeting extractor (never raising)."""

    def __init__(self, doc: Doc, resolver: ArticleResolver) -> None:
        self.doc = doc
        self.resolver = resolver
        self.text = article_text(doc, resolver)  # Doc.text and Doc.ents rebuild on every access: read them once
        self.ents: list[Span] = list(doc.ents)
        self._ent_starts = [e.start for e in self.ents]
        self._ent_of: dict[int, Span] = {i: e for e in self.ents for i in range(e.start, e.end)}
        self._inside_quote = _quote_map(self.text)
        self.dateline = _dateline_tokens(doc, self.text)

    def ent_span(self, tok: Token) -> Span:
        """The named entity `tok` belongs to, or the token alone."""
        return self._ent_of.get(tok.i) or tok.doc[tok.i : tok.i + 1]

    def ents_in(self, span: Span) -> list[Span]:
        """Entities wholly inside `span` (binary search: articles can be long)."""
        i = bisect.bisect_left(self._ent_starts, span.start)
        out = []
        while i < len(self.ents) and self.ents[i].start < span.end:
            if self.ents[i].end <= span.end:
                out.append(self.ents[i])
            i += 1
        return out

    def in_quotation(self, tok: Token) -> bool:
        """Whether `tok` sits inside quotation marks in its paragraph (a quotation may run over sentences)."""
        return bool(self._inside_quote[tok.idx]) if tok.idx < len(self._inside_quote) else False

    def countries(self, span: Span, keep: set[int] | None = None, named_only: bool = False) -> list[str]:
        """Countries named in `span` (names, demonyms, capitals, people), in text order, distinct; with `keep`,
        only those whose first word is one of those token indices. A country right after "to" ("ambassador to
        Afghanistan") describes an office, not a party, and is left out."""
        out: list[str] = []
        doc = span.doc
        try:
            found = []
            for code, start, _end in self.resolver.countries_in(span):
                first = doc.char_span(start, start + 1, alignment_mode="expand")
                if first is None or len(first) == 0:
                    continue
                t = first[0]
                if keep is not None and t.i not in keep:
                    continue
                if named_only and any(x.lower_ in ANAPHORIC_STATES for x in doc[t.i : t.i + 2]):
                    continue  # "the country's defence minister": the resolver's guess, not a name
                if named_only and _whereabouts(t) or _place_list_tail(t):
                    continue  # "met North Korean leader Kim in Singapore": where he was, not a third party
                if t.i > 0 and doc[t.i - 1].lower_ == "to" or t.i > 1 and doc[t.i - 2].lower_ == "to" and \
                        doc[t.i - 1].lower_ == "the":  # fmt: skip
                    continue
                if t.dep_ == "appos" and t.i > 1 and doc[t.i - 1].text == "," and t.head.i < t.i \
                        and t.head.dep_ == "pobj" and t.head.head.lower_ in ("in", "at"):
                    continue  # "met X in Kazan, Russia": the state of the town, where it happened, not a party
                if t.i > 1 and doc[t.i - 1].lower_ == "for" and doc[t.i - 2].lower_ in OFFICE_FOR:
                    continue  # "the special envoy for Libya": the office's brief, not its state
                if not t.ent_type_ and t.dep_ == "compound" and t.head.ent_type_ == "PERSON" and t.is_title:
                    continue  # a title before a name ("Maj. Gen. X") read as another person: no country of its own
                found.append(code)
            low = span.text.lower()
            if ("north and south korea" in low or "two koreas" in low) and "PRK" not in found:
                found.append("PRK")  # the resolver reads the elided "North (Korea)" as nothing
            if "two koreas" in low and "KOR" not in found:
                found.append("KOR")
        except Exception:  # noqa: BLE001 - a resolver failure must not lose the article
            found = []
        for code in found:
            if code and code not in out:
                out.append(code)
        return out

    def actor(self, span: Span) -> tuple[str | None, str | None, str | None, str]:
        """(name, country, role, kind) of the person or body `span` names."""
        try:
            a = self.resolver.actor(span)
            name, country, role, kind = a.name, a.country, a.role, a.kind
        except Exception:  # noqa: BLE001
            name, country, role, kind = span.text, None, None, "unknown"
        return name, country, role, kind

    def turn_speaker(self, tok: Token) -> Span | None:
        """In a transcript turn opening with a speaker label ("OKAFOR: ...", "Daniel Okafor: ..."), the article's
        mention of that person (a first-person pronoun there is the speaker), else None. A turn runs on over the
        following unlabelled paragraphs, and a statement introduced by "X said:" over the paragraphs after it."""
        text = self.text
        start = text.rfind("\n", 0, tok.idx) + 1
        m = _TURN_LABEL.match(text, start, min(len(text), start + 60))
        for _ in range(TURN_PARAGRAPHS):
            if m is not None or start <= 0:
                break
            end = start - 1
            while end > 0 and text[end - 1].isspace():
                end -= 1  # the end of the paragraph before, without its blank lines
            if end <= 0:
                return None
            start = text.rfind("\n", 0, end) + 1
            intro = self._introducer(start, end)
            if intro is not None:
                return intro
            m = _TURN_LABEL.match(text, start, min(len(text), start + 60))
        if m is None:
            return None
        last = m.group(1).split()[-1].lower()
        for ent in self.ents:
            if ent.label_ == "PERSON" and ent[-1].lower_ == last:
                return ent
        return self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")

    def _introducer(self, start: int, end: int) -> Span | None:
        """The person of a paragraph that introduces a statement ("Minister for Asia Jane Roe said:"): the
        paragraph ends with a colon right after a speech verb and names one person."""
        if self.text[end - 1 : end] != ":":
            return None
        verb = self.doc.char_span(end - 2, end - 1, alignment_mode="expand")
        if verb is None or not len(verb) or verb[0].lemma_.lower() not in INTRO_VERBS:
            return None
        people = [e for e in self.ents if e.label_ == "PERSON" and start <= e.start_char and e.end_char <= end]
        if people:
            return people[0] if len(people) == 1 else None
        subj = [c for c in verb[0].children if c.dep_ == "nsubj"]  # a name the tagger missed: the subject phrase
        return self.doc[subj[0].left_edge.i : subj[0].right_edge.i + 1] if subj else None

    def guessed_country(self, span: Span) -> bool:
        """Whether the resolver took this person's country from the surrounding text rather than from a title."""
        try:
            return getattr(self.resolver.actor(span), "source", None) in WEAK_SOURCES
        except Exception:  # noqa: BLE001
            return False

    def main_country(self) -> str | None:
        try:
            return self.resolver.main_country()
        except Exception:  # noqa: BLE001
            return None

    def main_country_besides(self, codes: set[str]) -> str | None:
        """The country the story is most about apart from `codes` (a visitor's own country ties with its host's
        in a state-visit story), when one leads strictly."""
        try:
            ranking = [(c, n) for c, n in self.resolver.country_ranking()
                       if c not in codes and not c.startswith("IGO:")]  # fmt: skip
        except Exception:  # noqa: BLE001
            return None
        if not ranking or len(ranking) > 1 and ranking[0][1] == ranking[1][1]:
            return None
        return ranking[0][0]

    def mention_count(self, code: str) -> int:
        """How often the article names a state (weighted as in the resolver's ranking: the first sentence counts
        double)."""
        try:
            return dict(self.resolver.country_ranking()).get(code, 0)
        except Exception:  # noqa: BLE001
            return 0

    def article_pair(self) -> tuple[str, str] | None:
        """The two states the article is most about, when two lead clearly (a third is mentioned less)."""
        try:
            ranking = [(c, n) for c, n in self.resolver.country_ranking() if not c.startswith("IGO:")]
        except Exception:  # noqa: BLE001
            return None
        if len(ranking) < 2 or len(ranking) > 2 and ranking[2][1] >= ranking[1][1]:
            return None
        return ranking[0][0], ranking[1][0]

    def place_country(self, text: str) -> str | None:
        """The country a place is in ("Geneva" -> CHE), as the resolver reads it."""
        fn = getattr(self.resolver, "location_country", None)
        try:
            if is_country_or_capital(text.strip().removeprefix("the ")):
                # a country's or a capital's name is that state, never a homonymous town ("Lebanon", "Kuwait")
                code = self.resolver.country_of_text(text)
                if code and not code.startswith("IGO:"):
                    return code
            code = fn(text) if fn is not None else self.resolver.country_of_text(text)
        except Exception:  # noqa: BLE001
            code = None
        return code or None


STATE_TITLES = frozenset({"minister", "secretary", "president", "adviser", "advisor", "chancellor", "premier", "envoy"})


def _title_initials(span: Span, lookup: Lookup) -> Span | None:
    """A readout's short form of a title named earlier ("Foreign Minister Ana Diaz ... FM then met X"): the person
    named before it with that title, when the title is a state office, else None."""
    if len(span) != 1:
        return None
    holder = initials_holder(span.doc, span.text.strip())
    if holder is None or holder.start >= span.start:
        return None
    j = holder.start - 1
    while j > 0 and span.doc[j].lower_.rstrip(".") in COURTESIES:
        j -= 1  # "Minister Mr. X"
    return holder if j >= 0 and span.doc[j].lower_ in STATE_TITLES else None


def parties_of(tok: Token, lookup: Lookup) -> list[Party]:
    """The parties a phrase headed by `tok` names: each person with their country, plus bare countries."""
    if _place_list_tail(tok):
        return []
    keep = phrase_tokens(tok)
    lo, hi = min(keep), max(keep) + 1
    span = tok.doc[lo:hi]
    parties: list[Party] = []
    persons = [e for e in lookup.ents_in(span) if e.label_ == "PERSON" and e.start in keep]
    if tok.pos_ == "PRON" and tok.lower_ in PRONOUNS:
        persons = []  # "he and Minister X signed": the pronoun is a person of its own; X is read as its conjunct
    head = _through_quantity(tok)
    if not _can_represent_a_state(head) and not _surname_as_noun(head, lookup) and not led_by_official(head) and all(
        e.root.dep_ in ("compound", "amod", "nmod") and e.root.head.i == head.i for e in persons
    ):
        # "Chinese tourists visited Japan", "a team of Nepali Sherpa guides met ...": no state takes part, even
        # when a word of the phrase reads as a name
        return []
    if _company(tok, keep if not persons else {c.i for c in tok.children} | {tok.i}):
        return []  # "German carmaker X and Japan's Y Motors held talks": firms are no parties of the state
    bare = lookup.countries(span, keep) if persons else []
    for ent in persons:
        ent = trim_name(ent)
        if len(ent) == 1 and ent[0].lower_ in ROLE_WORDS:
            continue  # a title the tagger took for a name ("Adviser to the President")
        if is_country_or_capital(re.sub(r"[\u2019']s?$", "", ent.text)):
            continue  # a country the tagger took for a name ("Sri Lanka's President"): counted as a country below
        name, country, role, _kind = lookup.actor(ent)
        if country is None and (titled_state := title_of_state(ent, lookup)) is not None:
            parties.append(Party(titled_state, None, ent.start_char))  # "The King of Jordan" tagged as a name
            continue
        if country is None and len(bare) == 1 and len(persons) == 1:
            country = bare[0]  # "the leader of the Democratic Party of Japan, Ichiro Ozawa"
        shown = ent.text if name is None or ent.text.startswith(name) and len(ent.text) > len(name) else name
        guessed = lookup.guessed_country(ent)
        parties.append(Party(country, Participant(shown, country, role), ent.start_char, guessed))
    turn = lookup.turn_speaker(span.root) if not persons and span.root.lower_ in FIRST_PERSON else None
    if turn is not None:
        name, country, role, kind = lookup.actor(turn)  # "OKAFOR: ... I spoke with ...": the turn's speaker
        if name and country and kind == "person":
            parties.append(Party(country, Participant(name, country, role), span.start_char))
    elif not persons and span.root.lower_ in PRONOUNS and span.root.lower_ not in ("they", "their", "them"):
        name, country, role, kind = lookup.actor(span.doc[span.root.i : span.root.i + 1])
        if name and kind == "person" and name.lower() not in PRONOUNS:
            parties.append(Party(country, Participant(name, country, role), span.start_char))
        elif country and _acts_for_state(kind, name):
            parties.append(Party(country, None, span.start_char))
    elif not persons and _name_pair(span):
        # "the Abe-Putin summit": two surnames joined by a hyphen are the two participants
        for t in _name_pair(span):
            one = t.doc[t.i : t.i + 1]
            name, country, role, kind = lookup.actor(one)
            if country is None and lookup.countries(one):
                continue  # a country word after all ("Russia-Japan talks" is handled as countries)
            shown = name if kind == "person" and name and t.text in name and "-" not in name else t.text
            parties.append(Party(country, Participant(shown, country, role), t.idx))
    elif not persons and (titled := _title_initials(span, lookup)) is not None:
        name, country, role, _kind = lookup.actor(titled)  # "EAM met X": the titled person named before
        if country:
            parties.append(Party(country, Participant(name or titled.text, country, role), span.start_char))
    elif not persons and span.root.pos_ in ("NOUN", "PROPN") and (
        span.root.ent_type_ not in ("GPE", "NORP") or span.root.pos_ == "PROPN" and lookup.actor(span)[3] == "person"
    ):  # a surname the tagger read as a nationality ("spoke with Ferjani") is still the person
        name, country, role, kind = lookup.actor(span)
        if kind == "person" and name and country:
            guessed = lookup.guessed_country(span)
            parties.append(Party(country, Participant(name, country, role), span.start_char, guessed))
        elif country and _acts_for_state(kind, name):
            parties.append(Party(country, None, span.start_char))  # "the Foreign Secretary" on a GOV.UK page
    # beside a named person of known country, only named states ("X, the country's defence minister": X's own)
    named_only = any(p.participant is not None and p.country for p in parties)
    for code in lookup.countries(span, keep, named_only):
        if not any(p.country == code for p in parties):
            parties.append(Party(code, None, span.start_char))
    return parties


def title_of_state(ent: Span, lookup: Lookup) -> str | None:
    """The state of a name that is a title of a state ("the King of Jordan", "Emir of Qatar"), which the tagger
    may take for a person's name: the country named after its last "of", when the words before are a title."""
    words = [t for t in ent if t.lower_ not in ("the",)]
    ofs = [k for k, t in enumerate(words) if t.lower_ == "of"]
    if not ofs or ofs[-1] == 0 or ofs[-1] == len(words) - 1:
        return None
    tail = ent.doc[words[ofs[-1] + 1].i : ent.end].text
    if not is_country_or_capital(tail) or lookup.resolver.role_of_text(ent.doc[ent.start : words[ofs[-1]].i].text) \
            is None:
        return None
    code = lookup.place_country(tail)
    return code if code and not code.startswith("IGO:") else None


def _whereabouts(tok: Token) -> bool:
    """Whether a place word is where a named person is ("Kim Jong Un in Singapore", "Putin at the Kremlin"): the
    parser hangs the contact's venue on the last name before it ("... in Singapore and Hanoi": both)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head if tok.dep_ == "pobj" else None
    return prep is not None and prep.dep_ == "prep" and prep.lower_ in ("in", "at") and prep.head.ent_type_ == "PERSON"


def _place_list_tail(tok: Token) -> bool:
    """"talks with X in Bali and Jakarta": the parser may join the second place to the person as a conjunct; it is
    the rest of the place list, no party."""
    if tok.dep_ != "conj" or tok.ent_type_ not in ("GPE", "LOC") or tok.head.ent_type_ != "PERSON":
        return False
    places = [g for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
              for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC") and g.i < tok.i]
    return any(all(t.ent_type_ in ("GPE", "LOC") or t.lower_ in ("and", ",") for t in tok.doc[g.i + 1 : tok.i])
               for g in places)


def _surname_as_noun(tok: Token, lookup: Lookup) -> bool:
    """"Guterres held talks": a capitalised surname the tagger read as a common noun, which the resolver knows as
    a person named in the article."""
    if tok.pos_ != "NOUN" or not tok.text[:1].isupper() or tok.ent_type_:
        return False
    name, _country, _role, kind = lookup.actor(tok.doc[tok.i : tok.i + 1])
    return kind == "person" and bool(name) and tok.text in name.split()


def led_by_official(tok: Token) -> bool:
    """"a North Korean team led by Vice-Foreign Minister X": a group headed by a named person acts for the state
    its nationality word names (a team alone may be a sports side)."""
    return any(c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head") and any(
        any(t.ent_type_ == "PERSON" for t in g.subtree)
        for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
        for c in tok.children)  # fmt: skip
