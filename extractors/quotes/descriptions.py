"""Speakers written as a description of a person just named, and bodies written as their initials.

News prose names a person once and then varies: "the Spaniard told reporters", "the England coach said", "the
Kremlin chief added", "the Irish-born drummer said". The gold speaker is the person. The description carries two
checks English readers use without thinking: the role its head noun names (coach, drummer, chief) and the state or
place its modifiers or demonym name (England, Kremlin, Spaniard). A named person fits when neither is contradicted
by what the article says of them (their title words, their country); a person the article ties to that role or
that state fits best. The nearest fitting person wins, because the description is the writer's way of pointing
back to the one they are talking about. A description that fits no one stays as written ("the club doctor" after
"coach X" and "striker Y" is a new, unnamed person).

Bodies: "The UAW said" after "the United Auto Workers", "GM said" after "General Motors Co.": initials that match the
capitalised words of an organisation the article names in full are that organisation.

Two ways a description names its person on the spot: a parliamentary record's "THE MINISTER OF EXTERNAL AFFAIRS
(SHRI K. NATWAR SINGH)", and a wire's "a resident, who gave only her first name, Lucia, said".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Role nouns a writer uses for a person already named; they describe what the person does.
ROLE_NOUNS = frozenset({
    "coach", "manager", "boss", "captain", "striker", "midfielder", "defender", "goalkeeper", "forward", "winger",
    "skipper", "player", "batsman", "bowler", "driver", "rider", "champion", "seed", "drummer", "singer",
    "guitarist", "bassist", "pianist", "frontman", "frontwoman", "vocalist", "songwriter", "rapper", "actor",
    "actress", "director", "author", "novelist", "writer", "artist", "chef", "minister", "chief", "leader",
    "president", "premier", "chancellor", "spokesman", "spokeswoman", "spokesperson", "envoy", "diplomat",
    "ambassador", "secretary", "governor", "mayor", "senator", "lawmaker", "executive", "chairman", "chairwoman",
    "founder", "economist", "analyst", "negotiator", "general", "commander", "monarch", "king", "queen",
    "strongman", "doctor", "referee", "umpire", "official", "treasurer", "lawyer", "prosecutor", "judge",
    "cleric", "activist", "veteran", "youngster", "teenager",
})
# Heads that say how long or how young, not what a person does: any calling fits them ("the veteran" for a coach).
_STANDING_NOUNS = frozenset({"veteran", "youngster", "teenager"})
# Heads that say only "the one in charge": any title of office or command fits them ("the Kremlin chief" for
# "President Medvedev").
_LEADER_NOUNS = frozenset({"chief", "leader", "boss", "head", "strongman", "supremo"})
_OFFICE_WORDS = frozenset({"president", "prime", "premier", "minister", "chancellor", "king", "queen", "emir",
                           "sultan", "chairman", "chairwoman", "chief", "ceo", "executive", "director", "secretary",
                           "leader", "head", "governor", "mayor", "commander", "general", "boss", "manager",
                           "coach", "captain", "treasurer"})
# Nouns for a person of a people that the country-word tables leave out (they hold "Spaniard", "Frenchman", ...),
# because as country words they would misfire ("swede", "pole", "finn"); as the whole of "the X said" they do not.
PERSON_DEMONYMS = {"dane": "DNK", "swede": "SWE", "finn": "FIN", "pole": "POL", "dutchman": "NLD",
                   "dutchwoman": "NLD", "irishman": "IRL", "irishwoman": "IRL", "englishman": "GBR",
                   "englishwoman": "GBR", "scot": "GBR", "scotsman": "GBR", "scotswoman": "GBR", "welshman": "GBR",
                   "welshwoman": "GBR", "icelander": "ISL", "luxembourger": "LUX", "kiwi": "NZL", "aussie": "AUS"}
_AGE = re.compile(r"\d{1,3}\s?-\s?year\s?-\s?old")
# Words of a company name that its initials leave out ("General Motors Co." is "GM").
_LEGAL_FORMS = frozenset({"co", "co.", "corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.", "plc", "ag",
                          "ab", "sa", "nv", "se", "spa", "llc", "group", "holdings", "company", "limited"})
_LINKS = frozenset({"of", "and", "for", "the", "&", "de", "du", "des", "la", "le"})


@dataclass(slots=True, frozen=True)
class Description:
    """What a definite description says of the person it stands for."""
    head: str  # lower-cased head noun ("coach", "spaniard") or "" for an age
    role: bool  # the head is a role noun (not a demonym or an age)
    country: str | None  # the state its demonym or modifiers name
    words: frozenset[str] = frozenset()  # capitalised title words beside the head ("external", "affairs")


@dataclass(slots=True, frozen=True)
class Candidate:
    """A person named before the description, with what the article says of them."""
    name: str
    pos: int  # offset of this (most recent) mention
    country: str | None
    titles: frozenset[str]  # lower-cased words of the titles the article gives them


def describe(span: Span, country: str | None, demonym: bool, places: frozenset[int] = frozenset()
             ) -> Description | None:
    """The description a subject phrase is, or None: "the" + optional modifiers + a role noun, a demonym ("the
    Dane", `demonym` says whether the head names a people) or an age ("the 45-year-old"). No name inside (a named
    person speaks as themselves) and no possessive ("the coach's assistant" is someone else)."""
    words = [t for t in span if not t.is_punct or t.text == "-"]
    if len(words) < 2 or words[0].lower_ != "the" or len(words) > 6:
        return None
    if any(t.ent_type_ == "PERSON" or t.tag_ == "POS" or t.dep_ in ("poss", "prep", "relcl", "acl", "appos", "cc")
           for t in words):
        return None
    if _AGE.fullmatch("".join(t.text for t in words[1:]).replace(" ", "")) or \
            _AGE.fullmatch(" ".join(t.lower_ for t in words[1:])):
        return Description("", False, None)
    head = words[-1]
    low = head.lower_
    if head.tag_ in ("NNS", "NNPS") and low not in ("swiss", "portuguese", "chinese", "japanese"):
        return None
    if low in ROLE_NOUNS or head.lemma_.lower() in ROLE_NOUNS:
        # capitalised words of the title other than country words (`places`, token indices) must be the person's
        words = frozenset(t.lower_ for t in words[1:-1] if t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN")
                          and t.i not in places)
        return Description(low, True, country, words)
    if low in PERSON_DEMONYMS and head.text[:1].isupper() and len(words) == 2:
        return Description(low, False, country or PERSON_DEMONYMS[low])
    if demonym and head.text[:1].isupper() and len(words) == 2:
        return Description(low, False, country)
    return None


def compatible(desc: Description, cand: Candidate) -> int:
    """2 when the article ties the person to what the description says (their title has its role, their country is
    its state), 1 when nothing it says contradicts it, 0 when something does."""
    if desc.role and desc.words and not desc.words <= cand.titles:
        return 0  # "the External Affairs Minister" is no foreign minister of another office
    if desc.role and desc.head not in _OFFICE_WORDS and any(_same_role(desc.head, t) for t in cand.titles):
        # the article gives the person this very calling: the surest tie (a private person's country is often only
        # where the story finds them, "the Irish-born drummer" living in Berlin); an office is held for a state,
        # so "the Turkish President" must also be Turkish
        return 2
    strong = False
    if desc.country and cand.country:
        if desc.country != cand.country:
            return 0
        strong = True
    if desc.role and desc.head not in _STANDING_NOUNS:
        titles = cand.titles
        if any(_same_role(desc.head, t) for t in titles):
            strong = True
        elif desc.head in _LEADER_NOUNS:
            if titles and not titles & _OFFICE_WORDS:
                return 0
        elif titles:
            return 0  # "the club doctor" is not "coach Halvorsen"
    return 2 if strong else 1


def _same_role(head: str, title: str) -> bool:
    """ "drummer" ~ "drummer", "bassist" ~ "bass" (player), "coach" ~ "coach": the same word or its stem."""
    if head == title:
        return True
    n = 0
    for a, b in zip(head, title, strict=False):
        if a != b:
            break
        n += 1
    return n >= 4 and n >= min(len(head), len(title)) - 1


def choose(desc: Description, cands: list[Candidate], weak_limit: int) -> Candidate | None:
    """`cands` most recent first. The nearest person the article ties to the description; else the nearest person
    of all, if nothing contradicts it and it lies after offset `weak_limit` (a bare fit reaches only that far)."""
    for cand in cands:
        if compatible(desc, cand) == 2:
            return cand
    if cands and cands[0].pos >= weak_limit and compatible(desc, cands[0]) == 1:
        return cands[0]
    return None


def expand_initials(doc: Doc, word: str, orgs: list[Span]) -> str | None:
    """The full name of the one organisation the article names whose capitalised words have `word` as initials
    ("United Auto Workers" for "UAW", "General Motors Co." for "GM"), or that it introduces with `word` in
    brackets ("the Financial Conduct Authority (FCA)")."""
    if not (word.isalpha() and word.isupper() and 2 <= len(word) <= 6):
        return None
    found: set[str] = set()
    for ent in orgs:
        words = [t for t in ent if not t.is_punct or t.text == "&"]
        if words and words[0].lower_ == "the":
            words = words[1:]
        if not words or (len(words) == 1 and words[0].text == word):
            continue
        core = [t for t in words if t.lower_ not in _LINKS]
        while len(core) > 1 and core[-1].lower_ in _LEGAL_FORMS:
            core = core[:-1]
        initials = "".join(t.text[0] for t in core if t.text[:1].isupper())
        if initials == word and all(t.text[:1].isupper() for t in core):
            last = words[-1]
            while last.i > words[0].i and last.lower_ in _LINKS:
                last = doc[last.i - 1]  # "National Union of Metalworkers and", as the tagger cut it
            name = doc[words[0].i:last.i + 1].text
            found.add(name)
    text = doc.text
    for m in re.finditer(r"\(\s*" + re.escape(word) + r"\s*\)", text):
        before = text[max(0, m.start() - 80):m.start()].rstrip()
        caps = re.search(r"((?:[A-Z][\w.&'-]*\s+(?:(?:of|and|for|the)\s+)*)*[A-Z][\w.&'-]*)$", before)
        if caps:
            name = re.sub(r"^The\s+", "", caps.group(1))
            if "".join(w[0] for w in name.split() if w[:1].isupper()).endswith(word):
                found.add(name)
    if len(found) != 1:
        # several forms of one name ("General Motors Co." and "General Motors"): the longest holds the others
        longest = max(found, key=len) if found else None
        if longest is None or not all(f in longest for f in found):
            return None
        return longest
    return next(iter(found))


# Courtesy words of Indian, Pakistani and other parliamentary records, and the usual ones, that precede a name.
_RECORD_COURTESIES = frozenset({"shri", "smt", "smt.", "shrimati", "kumari", "dr", "dr.", "mr", "mr.", "mrs", "mrs.",
                                "ms", "ms.", "sir", "dame", "hon", "hon.", "prof", "prof."})


def bracketed_holder(span: Span) -> str | None:
    """ "THE MINISTER OF EXTERNAL AFFAIRS (SHRI K. NATWAR SINGH)": a parliamentary record names the holder of the
    title in brackets right after it. The name (courtesy dropped, capitals relaxed), or None."""
    doc = span.doc
    end = min(len(doc), span.end + 12)
    opening = next((t.i for t in doc[span.start:end] if t.text == "("), None)
    if opening is None or opening == span.start:
        return None
    closing = next((t.i for t in doc[opening + 1:min(len(doc), opening + 9)] if t.text == ")"), None)
    if closing is None:
        return None
    if any(t.is_punct and t.text not in ".-" for t in doc[span.start:opening]) or \
            any(not (t.pos_ in ("DET", "ADP", "PROPN", "NOUN", "ADJ") and (t.text[:1].isupper() or t.lower_ in
                                                                          ("of", "for", "and", "the")))
                for t in doc[span.start:opening]):
        return None  # the bracket must follow the title itself
    words = [t.text for t in doc[opening + 1:closing]]
    while words and words[0].lower() in _RECORD_COURTESIES:
        words = words[1:]
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha()
                                           for w in words):
        return None
    name = " ".join(words)
    return name.title() if name.isupper() else name


def name_given(tok: Token) -> str | None:
    """ "A resident, who gave only her first name, Lucia, said ...", "one woman, who asked to be identified by her
    first name, Maryam, said ...": an unnamed person the relative clause names after all (the name in apposition
    to "name")."""
    if tok.pos_ != "NOUN":
        return None
    for rel in (c for c in tok.children if c.dep_ == "relcl"):
        for noun in rel.subtree:
            if noun.lemma_.lower() != "name" or noun.pos_ != "NOUN":
                continue
            for app in (c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
                words = [t for t in app.subtree if not t.is_punct]
                if 1 <= len(words) <= 3 and all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in words):
                    return " ".join(t.text for t in words)
    return None
