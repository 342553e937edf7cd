"""Wire datelines: "KYIV (Reuters) - ", "NAIROBI, Kenya (AP) — ", "UNITED NATIONS, Sept 5 -", "WASHINGTON -- ".

A dateline says where the story was filed. Its city is not a party to the events, not their place and not a state
acting in them, yet the parser often takes it for the subject of the first sentence. So the resolver, the meeting
extractor and the quote extractor all set it aside, and all read it with this one grammar. Bounded repeats only,
so matching is linear.
"""

from __future__ import annotations

import re

from extractors.core.dates import WEEKDAYS

# The city: capitals (accented ones too: "BOGOTÁ", "SÃO PAULO", "ZÜRICH"), dots, apostrophes, hyphens and
# spaces ("KYIV", "UNITED NATIONS", "ST. PETERSBURG").
_CAPS = "A-ZÀ-ÖØ-Þ"
_CITY = rf"[{_CAPS}][{_CAPS}.'’\- ]{{1,40}}"
# What may follow the city after a comma: a short stretch of one line ("Kenya", "Sept 5", "Mongolia, Oct. 12,
# 2004") or, read strictly, one group of words ("Kenya", "June 3").
_AFTER_COMMA = r",[^\n()\-—–]{1,40}"
_AFTER_COMMA_STRICT = r", [A-Za-z.]+(?: [A-Za-z0-9.]+){0,3}"
_AGENCY = r"\([^()\n]{1,40}\)"


def _grammar(after_comma: str) -> re.Pattern[str]:
    return re.compile(rf"\s{{0,5}}({_CITY})(?:{after_comma})?\s{{0,3}}(?:{_AGENCY}\s{{0,3}})?[-—–]{{1,2}}\s")


_DATELINE = _grammar(_AFTER_COMMA)
_DATELINE_STRICT = _grammar(_AFTER_COMMA_STRICT)
MAX_CHARS = 120  # a dateline is read within this many characters of where it may start


# The wider reading, tried when the grammar above finds nothing: the shapes of outlets beyond the big wires.
#   "NEW DELHI, Dec 3 (PTI): ", "Beijing, 3 December (Xinhua) -- ", "MOSCOW, December 3. /TASS/. ",
#   "Abu Dhabi, 3rd December, 2019 (WAM) -- ", "BAKU, January 12 (APA). ", "HAVANA, Apr 3 (EFE).- ",
#   "Lausanne, March 31, IRNA -- ", "Nairobi, Kenya | Dec. 3, 2019 | ", "KYIV: ", "Jakarta - ", "(Reuters) - ".
# A city in capitals or in title case (up to three words); an optional region ("Kenya", "Calif."); an optional
# date, day first or month first, with an optional year; an optional agency, in brackets, between slashes or as one
# word; then a dash, a colon, a bar-closed date or a full stop after the agency. What only a wider reading finds
# must show it is a dateline: a date or an agency, else a city the reference data knows (so "MODERATOR: " and
# "Lavrov - " are not datelines).
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_CI = rf"(?i:{_MONTH})"
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (rf"(?:{_ORD}\.? {_MONTH_CI}\.?|{_MONTH_CI}\.? {_ORD})(?:(?:,? |/|, ?)\d{{4}})?")
_TITLE_WORD = r"[A-Z][a-zà-öø-ÿ'’\-]+\.?"
_WIDE_CITY = rf"(?:[{_CAPS}][{_CAPS}.'’\-]*(?: [{_CAPS}][{_CAPS}.'’\-]*){{0,3}}|{_TITLE_WORD}(?: {_TITLE_WORD}){{0,2}})"
_REGION = rf"(?!{_MONTH_CI}\b)[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){{0,2}}"
_AGENCY_WIDE = r"(?:\((?P<agency>[^()\n]{1,40})\)|/(?P<agency2>[A-Za-z][\w-]{1,12})/|(?P<agency3>[A-Z][A-Za-z]{1,12}))"
_DASH = r"(?:[-—–]{1,2}|\.[-—–])"
_WIDE = re.compile(
    rf"\s{{0,5}}(?P<city>(?:{_WIDE_CITY})?)"
    rf"(?:, (?P<region>{_REGION}))?"
    rf"(?: \| (?P<bardate>{_DATE}) \||"
    rf"(?:,? (?P<date>{_DATE}))?\.?(?:,? ?{_AGENCY_WIDE})?\s{{0,3}}(?:{_DASH}|:|(?<=[)/])\.))\s"
)


def _known_place(name: str, *, city: bool = False) -> bool:
    """A city or state the reference data knows ("Kyiv", "NEW DELHI"), read in lower case; `city`: a town, not a
    state ("Iran: ..." opens a headline or a label as often as a story)."""
    from extractors.resolve.data import fold, key_of, reference  # late: the resolver imports this module

    ref = reference()
    low = name.strip().lower()
    entry = ref.gazetteer.get(key_of(low))
    if entry is not None:
        return not city or entry.kind in ("capital", "city", "seat")
    return low in ref.places or fold(low) in ref.places


# an agency's name: capitalised words ("Reuters", "AA", "Agência Brasil"), never a remark ("(pictured)", "(C)")
_AGENCY_NAME = re.compile(r"[A-Z][\w.&'’-]+(?: [A-Z][\w.&'’-]*){0,3}")


def _wide_at(text: str, pos: int, limit: int) -> re.Match[str] | None:
    m = _WIDE.match(text, pos, limit)
    if m is None:
        return None
    agency = m.group("agency") or m.group("agency2") or m.group("agency3")
    if agency and not _AGENCY_NAME.fullmatch(agency):
        return None
    dated = m.group("date") or m.group("bardate")
    city = m.group("city")
    if not city:  # "(Reuters) - " opening the story or a paragraph: an agency, no city
        alone = m.group("agency") and not (m.group("region") or dated)
        return m if alone and text[m.end() - 2] != ":" and (pos == 0 or text[pos - 1] == "\n") else None
    if city.split()[0].lower() in WEEKDAYS:
        return None  # "Sunday, December 3 - ": a day, not a place
    capitals = city.upper() == city
    if m.group("agency3") and not (dated or m.group("region")) and not _known_place(city):
        return None  # "Minister Lavrov -": one word before a dash is an agency only after a date
    if dated:
        return m
    if agency:  # "PARIS (AFP) -", "Paris (AFP) -"; not "President Putin (Reuters) -"
        return m if capitals or _known_place(city) else None
    colon = text[m.end() - 2] == ":"
    return m if _known_place(city, city=colon) else None


def dateline_at(text: str, pos: int = 0, endpos: int | None = None, *, strict: bool = False) -> re.Match[str] | None:
    """The dateline at `pos` (the start of the text, of a paragraph or of a line), or None; `endpos` bounds it
    (a paragraph's end). Group 1 is the city, with the spaces and hyphen that may follow it (empty for an agency
    alone: "(Reuters) - ").

    `strict`: one group of words only after the city's comma. The quote extractor reads datelines so: in the
    loose reading, "DARKHAN, Mongolia, Oct. 12, 2011 - " is a dateline, and the quote extractor would leave it
    out of the quotation that follows it (dev2 then changes; kept as it was until that change is decided).
    """
    limit = pos + MAX_CHARS if endpos is None else min(endpos, pos + MAX_CHARS)
    return (_DATELINE_STRICT if strict else _DATELINE).match(text, pos, limit) or _wide_at(text, pos, limit)



def dateline_end(text: str) -> int:
    """End offset of the dateline opening the text (0 when there is none)."""
    m = dateline_at(text)
    return m.end() if m is not None else 0


def dateline_city(text: str) -> str | None:
    """The city of the dateline opening the text ("ISLAMABAD (Wire) -" -> "ISLAMABAD"), or None."""
    m = dateline_at(text)
    return m.group(1).rstrip(" -") if m is not None else None
