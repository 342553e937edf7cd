"""Which country a speaker speaks for, read from the speaker's own description, not from the words around.

The resolution layer gives a person or body a country from everything it knows, which near a quote often means
the countries the sentence talks about ("the EU budget", "Argentine officials", "the Japanese side"). A quote's
speaker is better served by their own affiliation: the nationality or body in their title ("Brazil coach X",
"the African Union's special envoy for the Nile basin, X", "a spokesman for the Afghan commerce ministry"), and
for a home-government title with no nationality ("government spokesman X", "foreign ministry spokesperson X",
"the Foreign Office", "the President of the Republic") the country of the national outlet that publishes the story,
else of its dateline.
What a title is about ("envoy for Libya", "talks on the EU budget") is never an affiliation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from extractors.core.datelines import dateline_city
from extractors.core.text import article_text
from extractors.quotes.lexicon import is_agency
from extractors.resolve.resolver import ArticleResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Words that make a title or body the government of the story's own country when no nationality is given.
_HOME_GOVERNMENT = re.compile(
    r"\b(?:government|ministry|foreign office|presidential|presidency|chancellery|cabinet|of the republic|"
    r"treasurer|foreign secretary|prime minister's office|palace|department|agency|regulator|authorities|police|"
    r"coast guard|central bank|joint chiefs|armed forces|military|army|navy|commission)\b", re.IGNORECASE)
# Nouns an international organisation is called by after its name.
_IGO_NOUNS = {"agency", "organization", "organisation", "body", "bloc", "alliance", "union", "fund", "bank",
              "institution", "watchdog", "grouping", "commission", "court", "tribunal", "council"}
# "the fund's mission chief", "the bank's governor": a body named before by its full name ("the International
# Monetary Fund"), then by its head noun alone.
_BARE_BODY = re.compile(r"^\s*(?:the|a|an)\s+([a-z]+)(?:'s|\u2019s)?\b", re.IGNORECASE)
# Office-holders whose bare title ("Interior Minister X", "Judge X") names the dateline's state when nothing
# else gives them a country; an opposition or party title names no state.
_STATE_TITLES = re.compile(r"\b(?:minister|president|premier|chancellor|treasurer|judge|justice|secretary|governor|"
                           r"mayor|senator|congressman|congresswoman|rep|representative|speaker|majority leader|"
                           r"ambassador|attorney general|commissioner|spokes(?:man|woman|person))\b", re.IGNORECASE)
# Offices several states name alike (Britain, India, Pakistan, Bangladesh, Sri Lanka, Nepal): the story decides.
_SHARED_SECRETARY = re.compile(r"\b(?:foreign|home) secretary\b", re.IGNORECASE)
_SHARED_SECRETARY_STATES = ("GBR", "IND", "PAK", "BGD", "LKA", "NPL")
_VISITOR = re.compile(r"\b(?:visiting|guest)\b", re.IGNORECASE)
_NO_STATE = re.compile(r"\b(?:opposition|party|former|ex|rebel|union)\b", re.IGNORECASE)
# Titles that speak for no state (the corpus convention: opposition leaders and party spokespeople get none).
_STATELESS = re.compile(r"\bopposition\b|\bparty spokes(?:man|woman|person)\b", re.IGNORECASE)
# Bodies a "for" phrase names as an employer ("a spokesman for the Afghan commerce ministry"), not a topic.
_EMPLOYERS = re.compile(
    r"\b(?:government|ministry|office|embassy|department|administration|presidency|delegation|mission|party|"
    r"council|agency|commission|secretariat|kremlin|white house|union|league|organi[sz]ation|federation)\b",
    re.IGNORECASE)
# What a title is about starts at these words: "envoy for Libya", "adviser on Asia", "talks with Seoul".
_TOPIC_START = re.compile(r"\s(?:for|to|on|in|at|with|about|over|toward|towards)\s", re.IGNORECASE)


def _home_government(text: str) -> bool:
    """A home-government title or body with no nationality; a news agency ("state news agency KCNA") is its own
    state's, which the agency's name tells, not the dateline."""
    return bool(_HOME_GOVERNMENT.search(text)) and not is_agency(text) and not _NEWS.search(text)


_NEWS = re.compile(r"\bnews\b|\bstate[- ](?:run|owned|media|television|broadcaster)\b", re.IGNORECASE)


class Affiliation:
    """Per article: the story's home country and each titled person's own country, read once."""

    def __init__(self, doc: Doc, resolver: ArticleResolver) -> None:
        self.doc = doc
        self.resolver = resolver
        self._home: str | None = None
        self._home_done = False
        self.by_surname: dict[str, str] = {}
        self.bare_title: set[str] = set()  # surnames introduced with a state title that names no country
        self.stateless: set[str] = set()  # opposition leaders and party spokespeople: speak for no state
        self.home_guess: set[str] = set()  # surnames whose country is the story's home, their title naming none
        self._bare_office: dict[str, str] = {}  # surname -> the office word of a bare state title
        self._offices: dict[str, set[str]] = {}  # office word -> countries named with it for someone else
        self._ministers: list[tuple[int, str]] = []  # (offset, country) of ministers named with their country
        # `doc.ents` is rebuilt from the tokens on each read: read once, as a long article asks per speaker
        self._body_ents = [e for e in doc.ents if e.label_ in ("ORG", "FAC", "NORP", "GPE")]
        self._end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0

    @property
    def home(self) -> str | None:
        """The outlet's country (a national paper's foreign ministry is its own, wherever it files from), else the
        dateline's ("ISLAMABAD (Wire) -"), else the one most mentioned."""
        if not self._home_done:
            self._home_done = True
            self._home = getattr(self.resolver, "home", None)  # a national outlet's own, wherever it files from
            city = self._dateline_city()
            if city is not None and self._home is None:
                self._home = self._safe(lambda: self.resolver.location_country(city.title()))
            if self._home is None:  # no dateline, no known outlet: the country the story is mostly about
                self._home = self._safe(self.resolver.main_country)
        return self._home

    def dateline_home(self) -> str | None:
        """The country of the dateline alone (None without one)."""
        city = self._dateline_city()
        return None if city is None else self._safe(lambda: self.resolver.location_country(city.title()))

    def _dateline_city(self) -> str | None:
        """The dateline's city, opening the text or the paragraph after a headline line ("Governor Says ...\n\n
        PHOENIX - ...")."""
        text = article_text(self.doc, self.resolver)
        city = dateline_city(text)
        if city is not None:
            return city
        first, _, rest = text.partition("\n\n")
        if rest and len(first.split()) <= 16 and first.rstrip()[-1:] not in ".!?\"\u201d":
            return dateline_city(rest.lstrip())
        return None

    def of_title(self, text: str, at: int | None = None) -> str | None:
        """The country a title or body description names as its own, or the home country for a home-government
        title that names none; None when it says nothing."""
        own = text.strip().strip(",").strip()
        if not own:
            return None
        cut = _TOPIC_START.search(own)
        if cut is not None and not (own[cut.start():cut.end()].strip().lower() == "for"
                                    and _EMPLOYERS.search(own[cut.end():])):
            own = own[:cut.start()]
        if not own.strip():
            return None
        code = self._safe(lambda: self.resolver.country_of_text(own))
        if code is not None:
            return code
        bare = _BARE_BODY.match(own)
        if bare is not None and (bare.group(0).endswith(("'s", "\u2019s")) or len(own.split()) == 2):
            code = self.named_body(bare.group(1), self._end)
            if code is not None:
                return code
        if _SHARED_SECRETARY.search(own):
            return self._shared_office_state()
        if _home_government(own):
            if at is not None and self.dateline_home() is None and re.search(r"\bministry\b", own, re.IGNORECASE):
                # "Hungarian Defence Minister X said ... said Y, a spokeswoman for the Ministry of Defence": without a
                # dateline, the ministry is that of the last minister named with a country
                earlier = [code for pos, code in self._ministers if pos < at]
                if earlier:
                    return earlier[-1]
            return self.home
        return None

    def _shared_office_state(self) -> str | None:
        """The state of a "Foreign Secretary": the outlet's or the dateline's when that state has such an office,
        else the one state with it the article names (India's in a story on an Indian visit filed from Kyoto), else
        none; the story's main country is often the host, who has no such office."""
        for code in (getattr(self.resolver, "home", None), self.dateline_home()):
            if code in _SHARED_SECRETARY_STATES:
                return code
        try:
            counts = self.resolver.context_counts()
        except Exception:  # the resolution layer must never cost us the article
            return None
        named = [c for c in _SHARED_SECRETARY_STATES if counts.get(c, 0) > 0]
        return named[0] if len(named) == 1 else None

    def named_body(self, noun: str, before: int) -> str | None:
        """The country of the body last named in full before `before` with `noun` as its last word: "the fund" after
        "the International Monetary Fund", "the bank" after "the Asian Development Bank"."""
        noun = noun.lower()
        for ent in reversed([e for e in self._body_ents if e.end_char <= before]):
            if ent[-1].lower_ == noun and len(ent) >= 2:
                return self._safe(lambda e=ent: self.resolver.country_of_text(e.text))
        if noun in _IGO_NOUNS:
            # "the agency's regional director" after "the World Health Organization": the international body named
            # last
            for ent in reversed([e for e in self._body_ents if e.label_ == "ORG" and e.end_char <= before]):
                code = self._safe(lambda e=ent: self.resolver.country_of_text(e.text))
                if code is not None and code.startswith("IGO:"):
                    return code
        return None

    def body_country(self, span: Span) -> str | None:
        """A home-government body named without a country ("the Foreign Office said", "a ministry spokesman"):
        the story's home country, unless the article named that body with a country before ("Russia's foreign
        ministry ... the ministry"), when the resolution layer's reading by context stands."""
        if not _home_government(span.text) or self._safe(lambda: self.resolver.country_of_text(span.text)):
            return None
        head = span.root.lemma_.lower()
        looked = 0
        for i in range(span.start - 1, max(-1, span.start - 2000), -1):  # the few nearest earlier mentions
            tok = self.doc[i]
            if tok.lemma_.lower() != head or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            earlier = self.doc[max(tok.left_edge.i, tok.i - 8):tok.i + 1].text
            if self._safe(lambda text=earlier: self.resolver.country_of_text(text)):
                return None
            looked += 1
            if looked >= 5:
                break
        return self.home

    def earlier_holder(self, title: Span) -> str | None:
        """The country of the same title written out earlier for someone else: "the President of the Republic"
        after "the President of the Republic of Senegal, X" gives SEN (X holds the longer title, not this one)."""
        words = title.text.strip()
        for det in ("the ", "The "):
            words = words.removeprefix(det)
        if len(words.split()) < 2:
            return None
        text = article_text(self.doc, self.resolver)
        at = text.rfind(words, 0, title.start_char)
        if at < 0:
            return None
        rest = text[at + len(words):at + len(words) + 40]
        if not rest.startswith(" of "):
            return None
        return self._safe(lambda: self.resolver.country_of_text(" ".join(rest[4:].split()[:3]).strip(",.")))

    def note_person(self, surname: str, title: Span | None) -> None:
        """Records a person's own country from the title they are introduced with (first titled mention wins)."""
        if title is None or not surname or surname in self.by_surname or surname in self.stateless:
            return
        if _STATELESS.search(title.text):
            self.stateless.add(surname)
            return
        code = self.of_title(title.text, title.start_char)
        if code is not None:
            self.by_surname[surname] = code
            if self._safe(lambda: self.resolver.country_of_text(title.text)) is None:
                self.home_guess.add(surname)  # "Foreign Ministry spokesman X": the story's state, a guess
            if re.search(r"\bminist", title.text, re.IGNORECASE):
                self._ministers.append((title.start_char, code))
        elif _STATE_TITLES.search(title.text) and not _NO_STATE.search(title.text) and \
                not _VISITOR.search(title.text):
            self.bare_title.add(surname)  # ("the visiting prime minister" is not the dateline's)
            self._bare_office[surname] = _STATE_TITLES.search(title.text).group(0).lower()
        if code is not None:
            office = _STATE_TITLES.search(title.text)
            if office is not None:
                self._offices.setdefault(office.group(0).lower(), set()).add(code)

    def bare_title_home(self, surname: str) -> str | None:
        """The dateline's state for a person introduced by a bare state title ("Judge Catherine Doyle" in a
        story from London); only a last resort, when nothing else gives a country."""
        if surname not in self.bare_title:
            return None
        office = self._bare_office.get(surname)
        if office is not None and self.home in self._offices.get(office, set()):
            return None  # "The Prime Minister, X, ... with Poland's Prime Minister, Y": X is not Poland's
        return self.home

    @staticmethod
    def _safe(ask: Callable[[], str | None]) -> str | None:
        try:
            got = ask()
        except Exception:  # the resolution layer must never cost us the article
            return None
        return got if isinstance(got, str) else None
