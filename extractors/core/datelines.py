"""Datelines: "KYIV (Reuters) - ", "NAIROBI, Kenya (AP) — ", "UNITED NATIONS, Sept 5 -", "WASHINGTON -- ", and the
shapes of outlets beyond the big wires ("NEW DELHI, Dec 3 (PTI): ", "Beijing, 3 December (Xinhua) -- ",
"MOSCOW, December 3. /TASS/. ", "Nairobi, Kenya | Dec. 3, 2019 | ", "KYIV: ", "(Reuters) - ").

A dateline says where the story was filed. Its city is not a party to the events, not their place and not a state
acting in them, yet the parser often takes it for the subject of the first sentence. So the resolver, the meeting
extractor and the quote extractor all set it aside, and all read it with this one grammar. Bounded repeats only,
so matching is linear. A dateline's date is the day the story was filed: relative time words ("on Tuesday",
"today") count from it (`story_day`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from extractors.core.dates import MONTHS, WEEKDAYS

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
# "NEW DELHI, Sept 9 (PTI) Prime Minister ...": with a date and a bracketed agency, the story may follow with no
# mark at all
_BARE_CLOSE = r"(?(date)(?<=\))(?=\s[A-Z])|(?!x)x)"
_WIDE = re.compile(
    rf"\s{{0,5}}(?P<city>(?:{_WIDE_CITY})?)"
    rf"(?:, (?P<region>{_REGION}))?"
    rf"(?: \| (?P<bardate>{_DATE}) \||"
    rf"(?:,? (?P<date>{_DATE}))?\.?(?:,? ?{_AGENCY_WIDE})?\s{{0,3}}(?:{_DASH}|:|(?<=[)/])\.|{_BARE_CLOSE}))\s"
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


# an agency's name: capitalised words ("Reuters", "AA", "Agência Brasil") or a short lower-case acronym ("dpa"),
# never a remark ("(pictured)", "(C)")
_AGENCY_NAME = re.compile(r"[A-Z][\w.&'’-]+(?: [A-Z][\w.&'’-]*){0,3}|[a-z]{2,3}")


def _wide_at(text: str, pos: int, limit: int, strict: bool) -> re.Match[str] | None:
    m = _WIDE.match(text, pos, limit)
    if m is None or strict and m.group("region") and (m.group("date") or m.group("bardate")):
        return None  # strict: one group of words after the city's comma, as in the wire grammar
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
    if agency:  # "PARIS (AFP) -", "Paris (AFP) -"; not "President Putin (Reuters) -" nor "Japan (Tokyo) -"
        return m if capitals or _known_place(city, city=True) else None
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
    return (_DATELINE_STRICT if strict else _DATELINE).match(text, pos, limit) or _wide_at(text, pos, limit, strict)


def dateline_end(text: str) -> int:
    """End offset of the dateline opening the text (0 when there is none)."""
    m = dateline_at(text)
    return m.end() if m is not None else 0


def dateline_city(text: str) -> str | None:
    """The city of the dateline opening the text ("ISLAMABAD (Wire) -" -> "ISLAMABAD"), or None."""
    m = dateline_at(text)
    return m.group(1).rstrip(" -") if m is not None else None


# A line above the dateline: a headline, a rubric ("ANALYSIS") or a byline ("By Jane Doe, Reuters"): short and
# without a sentence's closing mark.
MAX_HEAD_LINES = 3
_HEAD_LINE = re.compile(r"[^\n]{1,160}")


def head_lines_end(text: str) -> list[int]:
    """Offsets where a dateline may start: the text's start, then the start of each of the next lines while the lines
    above are short headline, rubric or byline lines ("Minister Says ...\n\nKYIV (Wire) - ")."""
    starts = [0]
    pos = 0
    for _ in range(MAX_HEAD_LINES):
        m = _HEAD_LINE.match(text, pos)
        if m is None or len(m.group(0).split()) > 20 or m.group(0).rstrip().endswith((".", "!", "?", "\"", "”", ":")):
            break
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        starts.append(pos)
    return starts


def find_dateline(text: str) -> re.Match[str] | None:
    """The dateline opening the story, below at most a few headline or byline lines."""
    for pos in head_lines_end(text):
        m = dateline_at(text, pos)
        if m is not None:
            return m
    return None


_DATE_IN = re.compile(rf"(?<![\w/])(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\.? (?P<m1>{_MONTH_CI})\.?|"
                      rf"(?P<m2>{_MONTH_CI})\.? (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
                      r"(?:(?:,? |/|, ?)(?P<y>\d{4}))?(?!\w)")
# a dateline's day further than this from the page's date is an archive's or a wrong page date: left alone
MAX_DATELINE_GAP = timedelta(days=10)


def dateline_day(text: str, published: date | None) -> date | None:
    """The day the dateline names ("SEOUL, Dec. 3 (Wire) --", "Abu Dhabi, 3rd December, 2019 (WAM) --"): its year
    as written, else the one that puts the day nearest the page's date; None without a dated dateline, or with no
    year and no page date."""
    m = find_dateline(text)
    if m is None:
        return None
    d = _DATE_IN.search(m.group(0), m.end(1) - m.start())
    if d is None:
        return None
    month = [m[:3] for m in MONTHS].index((d.group("m1") or d.group("m2")).lower()[:3]) + 1
    day = int(d.group("d1") or d.group("d2"))
    years = [int(d.group("y"))] if d.group("y") else (
        [published.year - 1, published.year, published.year + 1] if published else [])
    found = []
    for y in years:
        try:
            found.append(date(y, month, day))
        except ValueError:
            continue
    if not found:
        return None
    if published is None:
        return found[0] if len(found) == 1 else None
    best = min(found, key=lambda x: abs(x - published))
    return best if abs(best - published) <= MAX_DATELINE_GAP else None


def story_day(text: str, published: date | None) -> date | None:
    """The day relative time words ("on Tuesday", "yesterday") count from: the dateline's day, written when the
    story was filed, else the page's date. A page may be dated a day after the filing (time zones, print
    editions) or not at all."""
    return dateline_day(text, published) or published
