"""People of one article: their names found (spaCy PERSON entities, widened and cleaned, plus names after a
title or honorific and later surname-only mentions), clustered into persons, each mention with the evidence
around it (title before the name, apposition after it, "as <title>"). Which state each person speaks for is
decided next, in `people_country`; definite descriptions ("the President") are then linked as mentions
(`add_descriptions`). The resolver runs the three in that order.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from anyascii import anyascii

from extractors.core.text import after_joining_hyphen, joining_hyphen
from extractors.resolve import officeholders
from extractors.resolve.data import key_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extractors.resolve.country_words import Mention
    from extractors.resolve.resolver import ArticleResolver

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "dame", "mister"})
# Abbreviated military and civil titles ("Gen.", "Lt.", "Adm.", "Dr."): they only ever prefix a name, never are one.
TITLE_ABBREVIATIONS = frozenset(
    "gen lt col adm maj dr capt cpt sgt brig cmdr cdr lieut cpl pvt gov sen rep prof rev supt insp amb hon rt pres "
    "mme smt".split()
)
# Of those, the ones that may also be a name word ("Sen", "Rep", "Gov", "Hon") count only with their full stop.
_DOTTED_ONLY = frozenset({"sen", "rep", "gov", "rev", "amb", "hon", "rt", "pres"})
# Capitalised title words that may precede a name ("Secretary Rice", "Director Wang", "Undersecretary Hale").
TITLE_TRIGGERS = frozenset(
    "minister secretary president ambassador undersecretary chancellor premier envoy director spokesperson spokesman "
    "spokeswoman senator general governor king queen emperor prince princess sheikh emir sultan mayor chairman "
    "vice deputy taoiseach tánaiste tanaiste leader chief attorney judge counsel rep sen gov lt col capt sgt "
    "cosmonaut astronaut lady lord commissioner".split()
)
# Lower-case words allowed inside a title before a name ("the Russian foreign minister Sergey Lavrov").
TITLE_FILLERS = frozenset(
    "of for the foreign defense defence prime state affairs federal deputy vice senior former acting top new "
    "interim incoming outgoing special first chief national security general assistant under external economic "
    "trade finance home interior justice energy culture agriculture education health foreign-affairs ’s 's "
    "counterpart counterparts designate elect - central office department republic cabinet party communist to "
    "policy chief high representative commission".split()
)
# Letters after a name that are no part of it ("X TD", "Y MP", "Z QC"): seats and honours.
POST_NOMINALS = frozenset({"td", "mp", "mep", "mla", "msp", "ms", "qc", "kc", "obe", "mbe", "cbe", "kbe", "dbe",
                           "phd", "jr", "sr"})
# Prepositions that end a title read leftwards across a comma: "(held a summit at Chequers) with Poland's Prime
# Minister, X"; "Britain's trade envoy to the Gulf, X" keeps its "to".
CLAUSE_PREPS = frozenset("at with on from after before during by since until into over about against".split())
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "du", "der", "la", "le", "abu"})
PLURAL_MARKERS = frozenset({"counterparts", "ministers", "leaders", "officials", "envoys", "presidents"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
MAX_TITLE_TOKENS = 12
GOV_EXCLUDE = frozenset({"counterpart", "leader", "chairman", "chairwoman", "chair", "lawmaker", "official"})


@dataclass(slots=True)
class PersonMention:
    start: int  # character offsets of the name (without titles)
    end: int
    tok_start: int
    tok_end: int
    sent: int
    tokens: tuple[str, ...]
    is_subject: bool
    cluster: int = -1
    title_country: str | None = None  # from the words around this mention
    title_role: str | None = None
    counterpart: bool = False
    plural_title: bool = False
    nongov: bool = False
    media: bool = False
    title_start: int = -1  # token index where the title before the name starts (-1: none)
    group: int = -1  # index of the coordination ("X and Y") the mention belongs to, -1 when alone
    appos_end: int = -1  # token index where an apposition after the name ends (-1: none)
    former: bool = False  # "former President X", "ex-minister X": speaks for no state now


@dataclass(slots=True)
class Cluster:
    tokens: tuple[str, ...]
    first_start: int
    first_end: int
    mentions: list[int] = field(default_factory=list)
    country: str | None = None
    country_source: str | None = None  # title | coordination | role | snapshot | context
    role: str | None = None
    role_rank: int = 0
    gender: str | None = None  # "m" | "f" | None
    nongov: bool = False
    media: bool = False
    former: bool = False  # every title the article gives is a past one ("former President X")

    @property
    def name(self) -> str:
        return " ".join(self.tokens)


def is_title_abbreviation(text: str) -> bool:
    """A capitalised abbreviated title ("Gen.", "Lt", "Adm.", "Dr."): a prefix of a name, never a name itself."""
    low = text.lower()
    bare = low.rstrip(".")
    if not text[:1].isupper() or bare not in TITLE_ABBREVIATIONS:
        return False
    return low.endswith(".") or bare not in _DOTTED_ONLY


def _is_name_token(t: Token) -> bool:
    txt = t.text
    if not txt[:1].isalpha():
        return txt in ("-",)
    return txt[:1].isupper() or txt.lower() in NAME_PARTICLES or txt.lower().startswith(("al-", "el-"))


def _clean_name(res: ArticleResolver, toks: list[Token]) -> list[Token]:
    """Strips honorifics, titles, country words and possessives around a name."""
    ref = res.ref
    while toks and (
        toks[0].text.lower().rstrip(".") in HONORIFICS
        or is_title_abbreviation(toks[0].text)
        or toks[0].lower_ in TITLE_TRIGGERS
        or toks[0].lower_ in TITLE_FILLERS
        or toks[0].lower_ in ref.role_words
        or toks[0].lower_ in ref.nongov_words
        or toks[0].i in res.token_mention  # a country word the scan kept ("Israel" in "Israel Katz" it did not)
        or not toks[0].text[:1].isalpha()
    ):
        toks = toks[1:]
    while toks and (toks[-1].text in ("'s", "’s", "'", "’") or toks[-1].is_punct or (
            not _is_name_token(toks[-1]) and not after_joining_hyphen(toks[-1])) or (
            len(toks) > 2 and toks[-1].text.rstrip(".").lower() in POST_NOMINALS and toks[-1].text[:2].isupper())):
        toks = toks[:-1]
    return toks


def _name_spans(res: ArticleResolver) -> list[tuple[int, int]]:
    """Token ranges of person names: spaCy PERSON entities plus capitalised words after a title or honorific."""
    listed = _dictionary_names(res, set())  # officeholders' names as listed, over spaCy's cut ("Ursula von der")
    taken = {i for s, e in listed for i in range(s, e)}
    spans = [(s, e) for s, e in _entity_names(res, set()) if not any(i in taken for i in range(s, e))]
    taken.update(i for s, e in spans for i in range(s, e))
    spans += _titled_names(res, taken)
    spans += _comma_titled_names(res, taken)
    spans += _header_names(res, taken)
    spans += listed
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


def _extends_name(res: ArticleResolver, t: Token) -> bool:
    """A word that may widen a PERSON entity: a capitalised name word that is no title or country word."""
    if t.ent_type_ not in ("", "PERSON"):
        return False
    return (t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in TITLE_TRIGGERS
            and t.lower_ not in res.ref.role_words and t.text.lower().rstrip(".") not in HONORIFICS
            and not is_title_abbreviation(t.text) and t.i not in res.token_mention) \
        or (t.text == "-" and t.whitespace_ == "") or after_joining_hyphen(t)


HEADLINE_END = tuple(".!?:;\"”’'")


def headline_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of headline lines: short lines in Title Case with no closing punctuation ("Lavrov Says
    Moscow Ready for Talks"), where every word is capitalised and the parser glues verbs to names."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        ws = stripped.split()
        if not 2 <= len(ws) <= 20 or stripped.endswith(HEADLINE_END):
            continue
        long_words = [w for w in ws if len(w) > 3 and w[:1].isalpha()]
        if long_words and sum(w[:1].isupper() for w in long_words) >= 0.75 * len(long_words) + 0.5:
            out.append((start, start + len(line)))
    return out


def _body_name_words(res: ArticleResolver, headlines: list[tuple[int, int]]) -> set[str]:
    """Lower-case words of the people's names spaCy finds outside the headlines."""
    out: set[str] = set()
    for ent in res.ents:
        if ent.label_ == "PERSON" and not any(a <= ent.start_char < b for a, b in headlines):
            out.update(_norm(t.text) for t in ent)
    return out


def _headline_name(toks: list[Token], body: set[str]) -> list[Token]:
    """A name in a headline as far as the story's body names it ("Mwangi Says Uganda ..." -> "Mwangi")."""
    k = 0
    while k < len(toks) and _norm(toks[k].text) in body:
        k += 1
    return toks[:k]


def _entity_names(res: ArticleResolver, taken: set[int]) -> list[tuple[int, int]]:
    """spaCy's PERSON entities, widened to the name words around them and cleaned of titles and country words."""
    doc = res.doc
    spans: list[tuple[int, int]] = []
    headlines = headline_ranges(res.text)
    body = _body_name_words(res, headlines) if headlines else set()
    for ent in res.ents:
        if ent.label_ != "PERSON":
            continue
        a, b = ent.start, ent.end
        sent = res.sent_of_token(ent.start)
        while a - 1 >= sent.start and _extends_name(res, doc[a - 1]) and b - a < 6:
            a -= 1
        while b < sent.end and _extends_name(res, doc[b]) and b - a < 6:
            b += 1
        toks = _clean_name(res, list(doc[a:b]))
        if toks and any(x <= toks[0].idx < y for x, y in headlines):
            toks = _headline_name(toks, body)
        if not toks or all(t.i in res.token_mention for t in toks):
            continue
        if " ".join(t.lower_ for t in toks) in res.ref.places and len(toks) == 1 and toks[0].i in res.token_mention:
            continue
        spans.append((toks[0].i, toks[-1].i + 1))
        taken.update(range(toks[0].i, toks[-1].i + 1))
    return spans


NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "GPE", "LOC",
                           "LAW", "LANGUAGE"})


def _dictionary_names(res: ArticleResolver, taken: set[int]) -> list[tuple[int, int]]:
    """Officeholders' full names spaCy did not tag as people ("Ayman Safadi" read as a product): a run of two to
    five capitalised words that the officeholders dictionary lists as one person's name or variant."""
    doc = res.doc
    book = officeholders.dictionary()
    full, starts = book.full, book.starts
    n = len(doc)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < n:
        t = doc[i]
        if i in taken or not t.text[:1].isupper() or t.ent_type_ in NOT_NAME_ENTS or i in res.token_mention \
                or t.lower_ in officeholders.HONORIFICS or is_title_abbreviation(t.text):
            # "King Abdullah", "Dr. Tedros": the style stays a title, read as one
            i += 1
            continue
        most = starts.get(officeholders.norm(t.text), 0)
        end = 0
        for k in range(min(n, i + most + 2), i + 1, -1) if most > 1 else ():  # (+2: hyphens are tokens)
            if any(j in taken for j in range(i, k)) or not doc[k - 1].text[:1].isalpha():
                continue
            if officeholders.norm(doc[i:k].text) in full:
                end = k
                break
        if end:
            spans.append((i, end))
            taken.update(range(i, end))
            i = end
        else:
            i += 1
    return spans


def _titled_names(res: ArticleResolver, taken: set[int]) -> list[tuple[int, int]]:
    """Capitalised words after a title or honorific ("Secretary Rice", "Mr. Ishiba") outside the names found."""
    doc = res.doc
    ref = res.ref
    n = len(doc)
    spans: list[tuple[int, int]] = []
    for t in doc:
        low = t.text.lower().rstrip(".")
        if not (low in HONORIFICS or is_title_abbreviation(t.text)
                or (t.lower_ in TITLE_TRIGGERS and t.text[:1].isupper())):
            continue
        j = _past_title(res, t.i + 1)
        if j is None:
            continue
        k = j
        while k < n and k - j < 6 and doc[k].i not in taken and (
            (doc[k].pos_ == "PROPN" and doc[k].lower_ not in TITLE_FILLERS and doc[k].text[:1].isupper()
             and doc[k].i not in res.token_mention and doc[k].lower_ not in ref.role_words)
            or (k > j and (after_joining_hyphen(doc[k]) or joining_hyphen(doc[k])))
        ):
            k += 1
        if k > j and not (k - j == 1 and len(doc[j].text) < 2):  # "Gen Z" is no general
            spans.append((j, k))
            taken.update(range(j, k))
    return spans


def _comma_titled_names(res: ArticleResolver, taken: set[int]) -> list[tuple[int, int]]:
    """A name set off by commas after an office ("Chad's president, Idriss Mahamat, flew ..."), which spaCy may
    read as an organisation: two to four capitalised words between the commas, none a country or role word."""
    doc = res.doc
    n = len(doc)
    spans: list[tuple[int, int]] = []
    for t in doc:
        if t.lower_ not in TITLE_TRIGGERS or t.lower_ not in res.ref.role_words or t.i + 2 >= n \
                or doc[t.i + 1].text != ",":
            continue
        j = k = t.i + 2
        while k < n and k - j < 4 and k not in taken and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() \
                and k not in res.token_mention and doc[k].lower_ not in res.ref.role_words \
                and doc[k].ent_type_ not in NOT_NAME_ENTS:
            k += 1
        if k - j >= 2 and k < n and doc[k].text in (",", ".") and j not in taken:
            spans.append((j, k))
            taken.update(range(j, k))
    return spans


HEADER_LINE_CHARS = 200


def _header_names(res: ArticleResolver, taken: set[int]) -> list[tuple[int, int]]:
    """The speaker's name opening a header line of a transcript or statement ("Owen Daly, Deputy Assistant
    Secretary, Bureau of African Affairs"; "Ruth Penner" alone above "Acting Assistant Secretary, ..."): two to
    four capitalised words at a line's start, then a comma and an office, or the office on the next line. A header
    is a short line with no closing full stop."""
    doc = res.doc
    text = res.text
    n = len(doc)
    spans: list[tuple[int, int]] = []
    for t in doc:
        if t.i in taken or not t.text[:1].isupper() or (t.i > 0 and "\n" not in doc[t.i - 1].whitespace_
                                                         and "\n" not in doc[t.i - 1].text):
            continue
        line_end = text.find("\n", t.idx)
        line_end = len(text) if line_end < 0 else line_end
        line = text[t.idx : line_end].strip()
        if not line or len(line) > HEADER_LINE_CHARS or line.endswith((".", "!", "?", ":", '"', "”")):
            continue
        k = t.i
        while k < n and k - t.i < 4 and doc[k].idx < line_end and doc[k].text[:1].isupper() and doc[k].is_alpha \
                and k not in taken and k not in res.token_mention and doc[k].lower_ not in res.ref.role_words \
                and doc[k].lower_ not in TITLE_TRIGGERS and doc[k].lower_ not in TITLE_FILLERS:
            k += 1
        if k - t.i < 2:
            continue
        if k < n and doc[k].text == "," and doc[k].idx < line_end:
            office = text[doc[k].idx + 1 : line_end]
        elif k >= n or doc[k].idx >= line_end:
            nxt_end = text.find("\n", line_end + 1)
            office = text[line_end + 1 : len(text) if nxt_end < 0 else nxt_end]
        else:
            continue
        first = office.strip().split(" ", 1)[0].lower().strip(",")
        if first in TITLE_TRIGGERS or first in res.ref.role_words or first in ("acting", "assistant") \
                or (first in TITLE_FILLERS and res.role_of_text(office)):
            spans.append((t.i, k))
            taken.update(range(t.i, k))
    return spans


def _past_title(res: ArticleResolver, j: int) -> int | None:
    """Where a name starts after a title word ending at `j`: past further title words ("Deputy Foreign Minister
    Ostrova"), "of <country>" and honorifics; None when an "of" names no country."""
    doc = res.doc
    n = len(doc)
    while j < n and doc[j].text[:1].isupper() and (
        doc[j].lower_ in TITLE_TRIGGERS or doc[j].lower_ in res.ref.role_words or is_title_abbreviation(doc[j].text)
        or doc[j].lower_ in ("foreign", "prime", "defense", "defence")
    ):
        j += 1
    if j < n and doc[j].lower_ == "of":
        # "President of the French Republic X", "Federal Chancellor of Germany Y"
        k = j + 1
        if k < n and doc[k].lower_ == "the":
            k += 1
        m_at = res.token_mention.get(k) if k < n else None
        m_end = m_at.end if m_at is not None and m_at.start == doc[k].idx else None
        if m_end is None:
            return None
        while k < n and doc[k].idx < m_end:
            k += 1
        j = k
    while j < n and (doc[j].text.lower().rstrip(".") in HONORIFICS or is_title_abbreviation(doc[j].text)):
        j += 1
    return j


def _title_tokens_left(res: ArticleResolver, s: int) -> tuple[int, int]:
    """Token range [a, s) of the title directly before a name, possibly across a comma after a role noun
    ("his Japanese counterpart, X")."""
    doc = res.doc
    ref = res.ref
    sent_start = res.sent_of_token(s).start
    if res.dateline_end and doc[sent_start].idx < res.dateline_end <= doc[s].idx:
        while sent_start < s and doc[sent_start].idx < res.dateline_end:
            sent_start += 1  # "BERLIN - Swedish Defence Minister X": the dateline is no part of a title
    j = s - 1
    while j > sent_start and (doc[j].lower_ in HONORIFIC_TITLES or doc[j].text.lower().rstrip(".") in HONORIFICS) \
            and doc[j - 1].text == ",":
        j -= 1  # "The Emir of Qatar, Sheikh Tamim ...": the office before the comma is the title
    if j >= sent_start and doc[j].text == "," and j - 1 >= sent_start:
        # "his Japanese counterpart, X" / "the leader of the Democratic Party of Japan, X": an NP holding a role
        k = j - 1
        # (not across a clause's preposition: "at Chequers with Poland's Prime Minister, X")
        while k >= sent_start and j - k < MAX_TITLE_TOKENS and not doc[k].is_punct and doc[k].pos_ not in (
                "VERB", "AUX") and doc[k].lower_ not in ("who", "which", "that") and doc[k].lower_ not in CLAUSE_PREPS:
            k -= 1
        np = doc[k + 1 : j]
        if len(np) and (np[-1].lower_ in ref.role_words or np[-1].lower_ in PLURAL_MARKERS
                        or np[-1].lower_ in ("delegation", "team", "side") or res.role_of_text(np.text)):
            return k + 1, s
    a = j + 1
    count = 0
    while j >= sent_start and count < MAX_TITLE_TOKENS:
        t = doc[j]
        low = t.lower_
        in_country = t.i in res.token_mention
        ok = (
            in_country
            or low in ref.role_words
            or low in TITLE_FILLERS
            or low in TITLE_TRIGGERS
            or low in ref.nongov_words
            or low in PLURAL_MARKERS
            or (t.pos_ == "ADJ" and t.is_lower)  # "South Korea's nuclear envoy X", "the top diplomat X"
            or (t.pos_ == "NOUN" and t.is_lower and t.dep_ in ("compound", "nmod") and t.head.i > t.i
                and t.head.i < s)  # "Sudan's army chief X", "Niger's junta leader X"
            or (t.pos_ == "PROPN" and t.text[:1].isupper())
            or low in ("delegation", "team", "side")
        )
        if not ok or (t.text in ("-", "–", "—") and t.whitespace_ and j > 0 and doc[j - 1].whitespace_):
            break  # a dash between spaces ends a heading ("17:05 BST - X"), unlike "Prime Minister-designate"
        if low in ("the", "a", "an") and not (j - 1 >= sent_start and doc[j - 1].lower_ in ("of", "for", "to")):
            a = j
            break
        a = j
        j -= 1
        count += 1
    # do not swallow another person's name that sits before this title
    return a, s if a < s else s


def _right_apposition(doc_len: int, res: ArticleResolver, e: int) -> tuple[int, int]:
    """Token range of an apposition after a name (", Japan's foreign minister," / "of the Lowell Institute")."""
    doc = res.doc
    if e >= doc_len:
        return e, e
    sent_end = res.sent_of_token(e - 1).end
    j = e
    if doc[j].text == ",":
        j += 1
        if j < sent_end and (doc[j].lower_ in ("and", "or", "but", "while", "whereas") or (
                doc[j].pos_ == "ADP" and doc[j].lower_ != "of")):
            return e, e  # "X, and the Eritrean side ...", "X, at State House on Tuesday": not what X is
    elif doc[j].lower_ not in ("of", "at"):
        return e, e
    a = j
    while j < sent_end and j - a < 14:
        t = doc[j]
        if t.text in (",", ".", ";", ":", ")", "(", "—", "–") or t.pos_ in ("VERB", "AUX") or t.is_quote:
            break
        if t.lower_ in ("who", "which", "that", "whose"):
            break
        j += 1
    if doc[e].text == "," and j < sent_end and doc[j].pos_ in ("VERB", "AUX"):
        return e, e  # "talks with X, an Israeli official said": the next clause's subject, not an apposition
    return a, j


def _clause_verb(t: Token) -> Token | None:
    """The nearest verb (or auxiliary) above a token: the clause it belongs to."""
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _as_title(res: ArticleResolver, pm: PersonMention, name_starts: set[int]) -> tuple[int, int] | None:
    """A title given with "as" later in the sentence: "X arrived in Quito on her first trip as U.S. Secretary of
    State", "named as the new Iraqi Prime Minister-designate"."""
    doc = res.doc
    sent_end = res.sent_of_token(pm.tok_start).end
    for j in range(pm.tok_end, min(sent_end, pm.tok_end + 25)):
        if j in name_starts:
            return None
        if doc[j].lower_ == "as" and j + 1 < sent_end:
            # (the name's head: a surname the parser reads as a modal, "May", is no clause of its own)
            own, other = _clause_verb(doc[pm.tok_end - 1].head), _clause_verb(doc[j])
            if own is not None and other is not None and own.i != other.i:
                return None  # "X said the US backed Laos as ASEAN chair": the title of another clause's object
            k = j + 1
            while k < sent_end and k - j < 9 and (not doc[k].is_punct or joining_hyphen(doc[k])) and doc[k].pos_ \
                    not in ("VERB", "AUX", "ADP") or (k < sent_end and doc[k].lower_ == "of" and k - j < 9):
                k += 1
            if k > j + 1 and res.role_of_text(doc[j + 1 : k].text):
                return j + 1, k
            return None
    return None


def _counterpart_before(doc: Doc, lo: int, hi: int) -> bool:
    """Whether the words lo..hi, before a name, call it someone's counterpart ("his Iraqi counterpart"): what they
    say belongs to the name after them, not to the person before the comma."""
    return any(t.lower_ in ("counterpart", "counterparts") for t in doc[lo:hi])


def _evidence(res: ArticleResolver, pm: PersonMention, name_starts: set[int], name_ends: list[int]) -> None:
    doc = res.doc
    ref = res.ref
    a, s = _title_tokens_left(res, pm.tok_start)
    # a title never extends over another person's name (name_ends sorted: the last end in (a, s])
    k = bisect.bisect_right(name_ends, s) - 1
    if k >= 0 and a < name_ends[k] <= s:
        a = name_ends[k]
    ranges = []
    if a < s:
        pm.title_start = a
        ranges.append((a, s))
    ra, rb = _right_apposition(len(doc), res, pm.tok_end)
    if ra < rb and doc[ra].lower_ == "at" and not pm.tok_start <= doc[ra].head.i < pm.tok_end:
        ra = rb  # "hosted X at the National Palace in Mexico": where the event is, not what X is
    if ra < rb and any(ra < n < rb and (_title_tokens_left(res, n)[0] <= ra or _counterpart_before(doc, ra, n))
                       for n in name_starts):
        # "X, Afghan Foreign Minister Y and Z", "X, his Sudanese counterpart Y and Z": the words after the comma
        # are the next name's title (the counterpart's state is never X's)
        ra = rb
    if ra < rb:
        ranges.append((ra, rb))
        pm.appos_end = rb
    asr = _as_title(res, pm, name_starts)
    if asr is not None:
        ranges.append(asr)
    for lo, hi in ranges:
        if lo >= hi:
            continue
        sp = doc[lo:hi]
        words_low = {t.lower_ for t in sp}
        if pm.title_role is None:
            role = res.role_of_text(sp.text)
            if role:
                pm.title_role = role
        if words_low & {"counterpart", "counterparts"}:
            pm.counterpart = True
        if lo < pm.tok_start and _former_title(res, sp):
            pm.former = True
        if lo < pm.tok_start and nonstate_org(res, lo, hi):
            pm.nongov = True
        if words_low & PLURAL_MARKERS:
            pm.plural_title = True
        key = " " + " ".join(key_of(sp.text)) + " "
        if any(f" {w} " in key for w in ref.media_roles):
            pm.media = True
        if any(f" {r} " in key for r in ref.nongov_roles) and not (
                " director of the " in key and any(t.lower_ in STATE_BODY_WORDS for t in sp)):
            pm.nongov = True  # ("director of the Central Foreign Affairs Commission Office" heads a state body)
        if pm.title_country is None:
            for m in res.mentions_between(sp.start_char, sp.end_char):
                if m.kind == "media":
                    pm.media = True
                    break
                if m.prep == "to" or (m.prep == "for" and m.prep2 in POSTING_WORDS):
                    continue  # "Ambassador to Afghanistan", "envoy for Yemen": the posting, not the person's state
                if doc[lo].lower_ == "at" and (m.prep in ("in", "near") or m.kind in ("city", "capital")):
                    continue  # "X at a hospital in Mexico": where X is ("X at Japan's Foreign Ministry": whose)
                if m.code and not m.code.startswith("IGO:") and not (m.kind in ("capital", "seat") and m.locative) \
                        and m.kind != "city":  # "X at the White House" is where X is, not whose X is
                    pm.title_country = m.code
                    break
                if m.code and m.code.startswith("IGO:") and (lo < pm.tok_start or _igo_title_after(doc, lo, m)):
                    if pm.title_role == "Ambassador":
                        continue  # "U.N. Ambassador X" represents a state at the organisation ("U.N. envoy": its own)
                    pm.title_country = m.code
                    break


def _respective_state(res: ArticleResolver, pm: PersonMention) -> None:
    """"his Russian and Ukrainian counterparts, Sergey Lavrov and Dmytro Kuleba", "the Chinese and Indian foreign
    ministers, Wang Yi and S. Jaishankar": names listed after a plural title with as many states, in the same
    order, are of those states one by one (the title's first state is not every name's)."""
    doc = res.doc
    head = doc[pm.tok_end - 1]
    names = [head]
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ != "appos" or first.head.tag_ not in ("NNS", "NNPS"):
        return
    title = first.head
    names = [first]
    while (nxt := next((c for c in names[-1].children if c.dep_ == "conj"), None)) is not None:
        names.append(nxt)
    states = [c for c in title.children if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")]
    if len(states) != 1:
        return
    while (nxt := next((c for c in states[-1].children if c.dep_ == "conj"), None)) is not None:
        states.append(nxt)
    if len(states) != len(names) or len(names) < 2 or head.i not in {n.i for n in names}:
        return
    word = states[[n.i for n in names].index(head.i)]
    codes = [m.code for m in res.mentions_between(word.idx, word.idx + len(word.text)) if m.code]
    if codes and not codes[0].startswith("IGO:"):
        pm.title_country = codes[0]


def _igo_title_after(doc: Doc, lo: int, m: Mention) -> bool:
    """An organisation in the title that follows a name speaks for the person when it opens the title or is what
    the office is "of": "X, the UN special envoy for Haiti," / "X, then president of the European Council," (a
    state named there is usually the posting, "envoy for Yemen", and is left to the rules above)."""
    if m.prep == "of":
        return True
    before = 0
    for t in doc[lo:]:
        if t.idx >= m.start:
            break
        before += 1
    return before <= 2 and m.prep not in ("to", "for", "in", "at", "from", "with")


# Forms of address that stand between a comma and a name without being the office ("..., Sheikh X").
HONORIFIC_TITLES = frozenset({"sheikh", "sheik", "ayatollah", "prince", "princess", "sir", "dame", "lord", "lady"})
POSTING_WORDS = frozenset({"envoy", "representative", "coordinator", "ambassador", "mediator", "negotiator"})
# Words that make an organisation's name a state body ("Interior Ministry", "Revolutionary Guard Corps").
STATE_BODY_WORDS = frozenset(
    "ministry department office government council parliament cabinet presidency embassy consulate agency army "
    "forces force military navy guard guards corps police command service court commission committee bank "
    "authority assembly senate congress chamber administration secretariat bureau directorate mission "
    "delegation presidential".split()
)
# "then-Secretary X" held the office at the time of the events told, so "then" is no past office here.
PAST_WORDS = frozenset({"former", "ex", "late", "erstwhile", "onetime", "one-time"})


def nonstate_org(res: ArticleResolver, lo: int, hi: int) -> bool:
    """True when a title names an organisation that is no state body ("Houthi spokesman X", "Hezbollah leader X",
    "Gazprom chief executive X"): such people speak for no state, whatever the sentence around them names."""
    doc = res.doc
    seen: set[int] = set()
    for i in range(lo, hi):
        if doc[i].ent_type_ != "ORG" or doc[i].i in seen:
            continue
        j, k = i, i + 1
        while j > 0 and doc[j - 1].ent_type_ == "ORG" and doc[j].ent_iob_ != "B":
            j -= 1
        while k < len(doc) and doc[k].ent_iob_ == "I":
            k += 1
        ent = doc[j:k]
        seen.update(range(j, k))
        if any(t.i in res.token_mention for t in ent):
            continue
        if any(t.lower_ in STATE_BODY_WORDS or t.lower_ in res.ref.role_words for t in ent):
            continue
        return True
    return False


def _former_title(res: ArticleResolver, sp: Span) -> bool:
    """True for a past office: "former" / "ex-" directly before the role, country words allowed between ("Former
    U.S. President X"); not "the former Soviet republic's President X", where "former" describes the state."""
    doc = sp.doc
    start = sp.start
    while start > 0 and sp.start - start < 2 and (doc[start - 1].lower_ in PAST_WORDS or doc[start - 1].text == "-"):
        start -= 1  # "Ex-president": spaCy leaves "Ex" out of the title
    toks = list(doc[start : sp.end])
    for k, t in enumerate(toks):
        if t.lower_.startswith("ex-") and t.lower_[3:] in res.ref.role_words:
            return True  # "Ex-president X" as one token
        if t.lower_ not in PAST_WORDS:
            continue
        j = k + 1
        while j < len(toks) and (toks[j].text == "-" or toks[j].i in res.token_mention):
            j += 1
        if j < len(toks) and (toks[j].lower_ in res.ref.role_words or toks[j].lower_ in TITLE_TRIGGERS):
            return True
    return False


def beside_officeholder(res: ArticleResolver, sent: Span, skip: int) -> bool:
    """Whether the sentence names another officeholder the dictionary knows alone ("Lavrov met Wang"): a
    surname many people bear is an officeholder's only in such company ("Wang told the court" is anyone's)."""
    book = officeholders.dictionary()
    for t in sent:
        if t.i == skip or not t.text[:1].isupper() or t.pos_ != "PROPN":
            continue
        key = officeholders.norm(t.text)
        if key in book.short and key not in book.shared:
            return True
    for ent in res.ents:
        if ent.label_ == "PERSON" and sent.start <= ent.start < sent.end and not ent.start <= skip < ent.end \
                and officeholders.norm(ent.text) in book.full:
            return True
    return False


def _misread_place(res: ArticleResolver, t: Token) -> bool:
    """A surname spaCy tagged as a place ("Kasuri said", "Blinken met"): no town, no country word."""
    return t.ent_type_ in ("GPE", "LOC") and t.i not in res.token_mention and t.lower_ not in res.ref.places \
        and t.lower_ not in res.ref.town_sizes


def _officeholder_short_runs(res: ArticleResolver, covered: set[int]) -> list[tuple[int, int]]:
    """Short forms of two or three words the dictionary gives one officeholder in office at the article's date
    ("Le Drian said", "Von der Leyen met"), where spaCy saw no person."""
    doc = res.doc
    book = officeholders.dictionary()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc) - 1:
        hit = 0
        if doc[i].text[:1].isupper() and i not in covered:
            for n in (3, 2):
                j = i + n
                if j > len(doc) or any(k in covered or k in res.token_mention for k in range(i, j)) \
                        or not doc[j - 1].text[:1].isupper():
                    continue
                key = officeholders.norm(doc[i:j].text)
                if key in book.short and key not in book.shared \
                        and officeholders.who(doc[i:j].text, res.published).country is not None:
                    hit = j
                    break
        if hit:
            out.append((i, hit))
            i = hit
        else:
            i += 1
    return out


SHARED_SURNAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})


def _officeholder_surname(res: ArticleResolver, t: Token) -> bool:
    """A lone surname the dictionary gives to one person in office at the article's date ("Cavusoglu said", where
    spaCy saw no person): a name, not a common word, since month names and the like are other entities."""
    if len(t.text) < 3 or t.ent_type_ in NOT_NAME_ENTS and not _misread_place(res, t):
        return False
    book = officeholders.dictionary()
    key = officeholders.norm(t.text)
    if key not in book.short:
        return False
    if key in book.shared:
        # "Lavrov met Wang", "Wang said": a surname many officeholders bear is a name where it is what a verb is
        # done by or to and the states the article names leave one of them in office then (all Wangs Chinese)
        if t.dep_ not in SHARED_SURNAME_DEPS or t.head.pos_ not in ("VERB", "ADP"):
            return False
        named = {m.code for m in res.mentions if m.code}
        return beside_officeholder(res, res.sent_of_token(t.i), t.i) and (
            officeholders.who(t.text, res.published, countries=named).country is not None
            or officeholders.family_name_country(t.text, res.published) is not None)
    return officeholders.who(t.text, res.published).country is not None


def _listed_person(tokens: tuple[str, ...]) -> tuple[str, str] | None:
    """The one person the officeholders dictionary lists under this full name or variant ("AMLO", "Jokowi"): its
    key and state; None for short forms (a lone surname) and names several people bear."""
    if not tokens:
        return None
    terms = officeholders.dictionary().full.get(officeholders.norm(" ".join(tokens)))
    people = {(t.key, t.country) for t in terms or ()}
    return people.pop() if len(people) == 1 else None


def _norm(word: str) -> str:
    w = (word if word.isascii() else anyascii(word)).lower()
    for p in ("al-", "el-", "ad-", "as-", "ar-"):
        if w.startswith(p) and len(w) > len(p) + 2:
            return w[len(p) :]
    return w


def _ctoks(cl: Cluster) -> tuple[str, ...]:
    return tuple(_norm(t) for t in cl.tokens)


def _match_cluster(clusters: list[Cluster], toks: tuple[str, ...], order: list[int]) -> int:
    low = tuple(_norm(t) for t in toks)
    if len(low) > 1:
        for ci in order:
            cl = clusters[ci]
            ct = _ctoks(cl)
            if ct == low:
                return ci
        for ci in order:
            cl = clusters[ci]
            ct = _ctoks(cl)
            if ct[-1] == low[-1] and (len(ct) == 1 or ct[0] == low[0] or ct[0][:1] == low[0][:1]
                                      or ct[-len(low):] == low or low[-len(ct):] == ct):
                return ci  # same surname and compatible given names ("Le Drian" / "Jean-Yves Le Drian")
            if len(ct) == 1 and ct[0] == low[0] and len(low) >= 2 and not _surname_ok(low[-1]):
                return ci
        for ci in order:
            ct = _ctoks(clusters[ci])
            if len(ct) > 1 and ct[0] == low[0] and _close(ct[-1], low[-1]):
                return ci
        return -1
    w = low[0]
    for ci in order:
        if _ctoks(clusters[ci])[-1] == w:
            return ci
    for ci in order:
        ct = _ctoks(clusters[ci])
        if len(ct) > 1 and ct[0] == w:
            return ci
    for ci in order:
        ct = _ctoks(clusters[ci])
        if len(w) >= 6 and _close(ct[-1], w):
            return ci
    return -1


# Words of rank a writer keeps when shortening a name to one word ("Prince Mohammed", "Sheikh Mohammed").
_RANK_WORDS = frozenset({"prince", "princess", "sheikh", "sheikha", "king", "queen", "emir", "sultan", "crown",
                         "president", "premier", "chancellor", "general", "minister"})


def _rank_words(doc: Doc, pm: PersonMention) -> set[str]:
    if pm.title_start < 0:
        return set()
    return {t.lower_ for t in doc[pm.title_start:pm.tok_start] if t.lower_ in _RANK_WORDS}


def _ranked_namesake(clusters: list[Cluster], toks: tuple[str, ...], order: list[int], ranks: set[str],
                     titles: dict[int, set[str]], chosen: int) -> int:
    """One word with a rank ("Prince Mohammed") names the person of that name who carried the rank before, not
    the one last named ("Crown Prince Mohammed bin Salman ... Sheikh Mohammed bin Rashid ... Prince Mohammed"):
    Gulf and royal names share given names, and the rank is what tells them apart."""
    if len(toks) != 1:
        return chosen
    w = _norm(toks[0])
    for ci in order:
        ct = _ctoks(clusters[ci])
        if ci != chosen and w in (ct[0], ct[-1]) and ranks & titles.get(ci, set()):
            return ci
    return chosen


def _surname_ok(w: str) -> bool:
    return len(w) > 1


def _close(a: str, b: str) -> bool:
    """Edit distance at most 1 for long words (a typo or transliteration: "Ahmedinejad" / "Ahmadinejad")."""
    if a == b:
        return True
    if len(a) < 6 or len(b) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def role_rank(role: str | None) -> int:
    """How specific a role is: 0 none, 1 generic (leader, counterpart), 2 bare office word, 3+ a named office."""
    if not role:
        return 0
    low = role.lower()
    if low in GOV_EXCLUDE:
        return 1
    if low in ("minister", "secretary", "director", "official", "diplomat", "adviser", "advisor", "aide"):
        return 2
    return 3 + len(low.split())


def find_people(res: ArticleResolver) -> tuple[list[Cluster], list[PersonMention]]:
    doc = res.doc
    spans = _name_spans(res)
    mentions: list[PersonMention] = []
    for s, e in spans:
        toks = [t for t in doc[s:e]]
        if all(is_title_abbreviation(t.text) or t.text.lower().rstrip(".") in HONORIFICS or t.is_punct for t in toks):
            continue  # "Gen." alone names nobody
        pm = PersonMention(
            start=toks[0].idx,
            end=toks[-1].idx + len(toks[-1].text),
            tok_start=s,
            tok_end=e,
            sent=res._sent_of(toks[0].idx),
            tokens=tuple(res.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)].split()),
            is_subject=any(t.dep_ in SUBJECT_DEPS for t in toks) or any(
                t.dep_ in ("compound", "appos", "conj") and t.head.dep_ in SUBJECT_DEPS for t in toks
            ),
        )
        mentions.append(pm)
    # Surnames seen once are names everywhere ("X said" where spaCy tagged X as an organisation).
    known = {_norm(pm.tokens[-1]) for pm in mentions if pm.tokens} | {
        _norm(pm.tokens[0]) for pm in mentions if len(pm.tokens) > 1
    }
    snap = res.snapshot if isinstance(res.snapshot, dict) else None
    if snap:
        known |= set(snap.get("_by_surname", {}))  # names Parley has learnt ("Lavrov said" tagged ORG by spaCy)
    covered = {i for pm in mentions for i in range(pm.tok_start, pm.tok_end)}
    for a, b in _officeholder_short_runs(res, covered):
        covered.update(range(a, b))
        mentions.append(PersonMention(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), a, b,
                                      res._sent_of(doc[a].idx), tuple(t.text for t in doc[a:b]),
                                      doc[b - 1].dep_ in SUBJECT_DEPS))
    for t in doc:
        if t.i in covered or not t.text[:1].isupper() or t.pos_ not in ("PROPN", "NOUN") \
                or is_title_abbreviation(t.text) or t.text.lower().rstrip(".") in HONORIFICS:
            continue
        if _norm(t.text) not in known and not _officeholder_surname(res, t):
            continue
        if t.i in res.token_mention:
            continue
        mentions.append(PersonMention(t.idx, t.idx + len(t.text), t.i, t.i + 1, res._sent_of(t.idx), (t.text,),
                                      t.dep_ in SUBJECT_DEPS))
    mentions.sort(key=lambda p: p.start)
    names = [(pm.tok_start, pm.tok_end) for pm in mentions]
    name_starts = {ns for ns, _ in names}
    name_ends = sorted(ne for _, ne in names)
    for pm in mentions:
        _evidence(res, pm, name_starts, name_ends)
        _respective_state(res, pm)

    clusters: list[Cluster] = []
    order: list[int] = []  # most recently mentioned first
    listed: dict[int, tuple[str, str]] = {}  # cluster -> the one listed officeholder its name is
    titles: dict[int, set[str]] = {}  # cluster -> the rank words its mentions carried ("prince", "sheikh")
    for idx, pm in enumerate(mentions):
        ci = _match_cluster(clusters, pm.tokens, order)
        ranks = _rank_words(doc, pm)
        if ci >= 0 and ranks and not ranks & titles.get(ci, set()):
            ci = _ranked_namesake(clusters, pm.tokens, order, ranks, titles, ci)
        who_ = _listed_person(pm.tokens)
        if ci < 0 and who_ is not None:
            # "AMLO" and "Andrés Manuel López Obrador": one person, as the dictionary lists the names
            ci = next((c for c in order if listed.get(c) == who_), -1)
        if ci >= 0 and who_ is not None:
            listed.setdefault(ci, who_)
        if ci < 0:
            clusters.append(Cluster(pm.tokens, pm.start, pm.end))
            ci = len(clusters) - 1
            if who_ is not None:
                listed[ci] = who_
        cl = clusters[ci]
        if len(pm.tokens) > len(cl.tokens):
            cl.tokens = pm.tokens
        cl.mentions.append(idx)
        titles.setdefault(ci, set()).update(ranks)
        pm.cluster = ci
        if ci in order:
            order.remove(ci)
        order.insert(0, ci)
    res.clusters, res.person_mentions = clusters, mentions
    return clusters, mentions


DESCRIPTION_HEADS = frozenset(
    "president minister secretary premier chancellor ambassador envoy leader diplomat spokesman spokeswoman "
    "spokesperson king queen emperor undersecretary prince princess emir sultan sheikh".split()
)


def add_descriptions(res: ArticleResolver, clusters: list[Cluster], mentions: list[PersonMention]
                      ) -> list[PersonMention]:
    """Definite descriptions ("the President", "the Japanese diplomat", "the Secretary") become mentions of the
    latest earlier person they fit, so pronouns after them find the right antecedent."""
    doc = res.doc
    covered: set[int] = set()
    for pm in mentions:
        covered.update(range(pm.title_start if pm.title_start >= 0 else pm.tok_start, pm.tok_end))
    added: list[PersonMention] = []
    for t in doc:
        if t.lower_ not in DESCRIPTION_HEADS or t.i in covered or t.i == 0:
            continue
        end = t.i + 1
        if t.lower_ == "secretary" and end < len(doc) and doc[end].lower_ == "general":
            end += 1  # "the Secretary General" (an organisation's head) is one office
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ in ("of", "for")):
            continue  # a title before a name, or an office described ("the minister of trade")
        a = t.i - 1
        while a > 0 and doc[a].lower_ not in ("the", "this") and (doc[a].pos_ in ("ADJ", "PROPN", "NOUN")) \
                and t.i - a < 4:
            a -= 1
        if doc[a].lower_ not in ("the", "this"):
            continue
        span = doc[a:end]
        linked = res.role_link_cluster(span, t.lower_)
        if linked is None:
            continue
        if clusters[linked].role is None:
            role = res.role_of_text(span.text)
            if role and role not in ("leader", "diplomat", "official"):
                clusters[linked].role, clusters[linked].role_rank = role, role_rank(role)
        pm = PersonMention(span.start_char, span.end_char, a, end, res._sent_of(span.start_char),
                           clusters[linked].tokens, t.dep_ in SUBJECT_DEPS, cluster=linked)
        pm.title_start = a
        added.append(pm)
    if not added:
        return mentions
    allm = sorted(mentions + added, key=lambda p: p.start)
    for cl in clusters:
        cl.mentions = []
    for i, pm in enumerate(allm):
        clusters[pm.cluster].mentions.append(i)
    return allm


