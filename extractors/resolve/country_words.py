"""Finding country words in an article: country names, demonyms, capitals, seats of government and IGOs.

Works on the raw text with the gazetteer's own word split (so "U.S.-Russian" yields two countries even though
spaCy keeps it as one token), and uses the spaCy Doc only to veto matches inside person names ("George
Washington", "Israel Katz"; not "Prime Minister of Armenia X" or "Kenya's Ruto", which spaCy may tag as one name)
and to know the sentence of each mention. "New <country>" that is no key of its own ("New Jersey", "New Mexico")
is another place; a wire dateline ("KYIV (Reuters) -") is where the story was filed, not a state acting.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.core.datelines import MAX_CHARS, dateline_at, head_lines_end
from extractors.resolve.data import Entry, Reference, fold, key_of, province_states, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# A place after one of these words is where something happens, not a state acting ("talks in Moscow").
LOCATIVE_WORDS = frozenset(
    "in at to from into near outside inside toward towards via across around throughout within visiting".split()
)
# A country word followed by one of these is part of a media name ("the Japan Times", "China Daily").
MEDIA_NEXT = frozenset(
    "times post herald daily tribune journal today broadcasting television tv radio news gazette monitor".split()
)
MEDIA_BEFORE = (("voice", "of"), ("radio", "free"))
# A town or capital followed by one of these names a group, a format or a process that only took its name from
# the place ("the OSCE Minsk Group", "the Paris Club", "the Astana format", "the Geneva International
# Discussions"): the place's state is no party to it.
GROUP_NEXT = frozenset("group club format process discussions accords agreements protocol".split())
GROUP_SKIP = frozenset({"international", "peace"})  # "Geneva International Discussions", "Minsk peace process"
DESTINATION_WORDS = frozenset({"to", "toward", "towards", "into", "visiting", "visit", "visited", "for"})
STATE_KINDS = frozenset({"name", "demonym", "capital", "seat"})
BAD_GAP_CHARS = frozenset(",;:()[]\"“”\n\t")


@dataclass(frozen=True, slots=True)
class Mention:
    """A country word in the text. `code` is None when an ambiguous word could not be resolved."""

    code: str | None
    start: int
    end: int
    kind: str  # name | demonym | capital | seat | igo | city | media
    text: str
    possessive: bool  # followed by 's ("Japan's foreign ministry", "Moscow's desire")
    locative: bool  # after a locative preposition ("in Moscow"): a place, not a state acting
    candidates: tuple[str, ...] = ()
    prep: str = ""  # the lower-case word before the mention ("to" in "a visit to Russia")
    prep2: str = ""  # the word before that ("visit")

    @property
    def destination(self) -> bool:
        """True after a word of direction ("visit to Russia", "travel to Moscow", "left for Beijing")."""
        return self.prep in DESTINATION_WORDS

    @property
    def acts_as_state(self) -> bool:
        """True when the mention stands for a state (not a place where something happened, not a media name)."""
        if self.code is None or self.kind in ("media", "city"):
            return False
        if self.kind == "capital":
            return not self.locative
        return True


def dateline(text: str) -> tuple[int, int, str | None]:
    """(start, end, city as written) of the wire dateline opening the text or the paragraph after a few headline,
    rubric or byline lines ("Minister Says ...\n\nKYIV (Wire) - ", "By Jane Doe\nReuters\n\nKYIV (Wire) - ");
    (0, 0, None) when there is none. A city written with letters beyond ASCII ("SÃO PAULO", "BOGOTÁ",
    "REYKJAVÍK") is read in its ASCII spelling, with the offsets of the text as written."""
    for start in head_lines_end(text):  # below a headline, a rubric ("ANALYSIS") or a byline, if any
        end, city = _dateline_at(text, start)
        if city is not None:
            return start, end, city
    return 0, 0, None


def _dateline_at(text: str, pos: int) -> tuple[int, str | None]:
    m = dateline_at(text, pos)
    if m is not None:
        return m.end(), m.group(1).rstrip(" -")
    head = text[pos : pos + MAX_CHARS + 10]
    if head.isascii():
        return 0, None
    folded, where = [], []  # the head in ASCII, and for each folded character the offset it came from
    for i, ch in enumerate(head):
        f = fold(ch) if ch.isalpha() else ch
        if ch.isalpha() and ch.isupper():
            f = f.upper()
        if len(f) != 1 and not ch.isalpha():
            f = ch
        folded.extend(f)
        where.extend([i] * len(f))
    m = dateline_at("".join(folded))
    if m is None:
        return 0, None
    end = pos + where[m.end() - 1] + 1 if m.end() > 0 else 0
    a, b = pos + where[m.start(1)], pos + where[m.end(1) - 1] + 1
    return end, text[a:b].rstrip(" -")


def _case_ok(exact: bool, key_text: str, matched: list[tuple[str, int, int]]) -> bool:
    if exact:
        letters = [c for w, _, _ in matched for c in w if c.isalpha()]
        return all(c.isupper() for c in letters)
    return matched[0][0][:1].isupper()


def _gap_ok(text: str, matched: list[tuple[str, int, int]]) -> bool:
    for (_, _, e1), (_, s2, _) in zip(matched, matched[1:], strict=False):
        gap = text[e1:s2]
        if len(gap) > 3 or any(c in BAD_GAP_CHARS for c in gap):
            return False
    return True


def _person_char_ranges(ents: list[Span]) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"]


def _all_country_words(text: str, ref: Reference) -> bool:
    whole = key_of(re.sub(r"['’]s?$", "", text.strip()))
    if whole and ref.gazetteer.get(whole) is not None and ref.gazetteer[whole].codes:
        return True  # "Papua New Guinea's" tagged PERSON
    parts = [p for p in re.split(r"[\s\-–]+", text) if p]
    return bool(parts) and all(key_of(p) in ref.gazetteer for p in parts)


def _inside(ranges: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """True when [start, end) lies inside a longer range (ranges sorted by start, non-overlapping)."""
    i = bisect.bisect_right(starts, start) - 1
    if i < 0:
        return False
    s, e = ranges[i]
    return s <= start and end <= e and (e - s) > (end - start)


def scan_countries(doc: Doc, ref: Reference, ents: list[Span] | None = None, text: str | None = None
                   ) -> list[Mention]:
    """All country words of the text, longest match first, in text order (`text`: the doc's text when the caller
    has it already; spaCy rebuilds it on every access)."""
    text = doc.text if text is None else text
    ws = words(text)
    persons = sorted(
        (a, b) for a, b in _person_char_ranges(list(doc.ents) if ents is None else ents)
        if not _all_country_words(text[a:b], ref)  # "U.S.-Russia" tagged PERSON is no person
    )
    raw = _gazetteer_matches(text, ws, ref, persons)
    return _mentions(text, ws, raw)


def _gazetteer_matches(text: str, ws: list[tuple[str, int, int]], ref: Reference, persons: list[tuple[int, int]]
                       ) -> list[tuple[int, int, Entry]]:
    """(first word, end word, entry) of each gazetteer key in the words, longest first, left to right; none inside
    a person's name (except where a name names its country) nor in "New Jersey"."""
    lows = [w.lower() for w, _, _ in ws]
    person_starts = [p[0] for p in persons]
    raw: list[tuple[int, int, Entry]] = []
    i = 0
    n_words = len(ws)
    while i < n_words:
        matched_n = 0
        longest = ref.starts.get(lows[i], 0)
        for n in range(min(longest, n_words - i), 0, -1):
            seg = ws[i : i + n]
            entry = ref.gazetteer.get(tuple(lows[i : i + n]))
            if entry is None or not _case_ok(entry.exact_case, "", seg) or not _gap_ok(text, seg):
                continue
            start, end = seg[0][1], seg[-1][2]
            prev_word = lows[i - 1] if i > 0 else ""
            if entry.kind != "demonym" and _inside(persons, person_starts, start, end) and not (
                    entry.kind == "name" and not entry.ambiguous and (
                        prev_word in ("of", "from") or entry.exact_case or text[end : end + 2] in ("'s", "’s"))):
                # "George Washington", "Israel Katz"; but "Prime Minister of Armenia Nikol X", "U.S. Envoy X" and
                # "Kenya's Ruto" (tagged as one PERSON) name the country
                continue
            if i > 0 and ws[i - 1][0] == "New" and _gap_ok(text, [ws[i - 1], seg[0]]) and entry.kind != "igo":
                continue  # "New Jersey", "New Mexico", "New Guinea": another place, not the country in the name
            raw.append((i, i + n, entry))
            matched_n = n
            break
        i += matched_n or 1
    return raw


# Words that make a country's namesake province the reading ("the governor of Georgia", "Georgia lawmakers").
PROVINCE_WORDS = frozenset("governor gov governors state statehouse senator sen legislature legislators lawmakers "
                           "county counties assembly".split())


def _near_province_word(ws: list[tuple[str, int, int]], wi: int, wj: int) -> bool:
    """Whether a word of provincial government stands just before or after words wi..wj."""
    back = 5 if wi > 0 and ws[wi - 1][0] == "of" else 3  # "Governor Roy Cooper of North Carolina"
    return bool({ws[k][0].lower() for k in (*range(wi - back, wi), wj, wj + 1) if 0 <= k < len(ws)}
                & PROVINCE_WORDS)


def _province_reading(ws: list[tuple[str, int, int]], wi: int, wj: int, codes: tuple[str, ...]) -> str | None:
    """The state whose province an ambiguous country word names when a word of provincial government stands
    next to it ("Governor Brian Kemp of Georgia", "Georgia Gov. Brian Kemp", "the Georgia state legislature")."""
    if not _near_province_word(ws, wi, wj):
        return None
    states = province_states().get(tuple(w.lower() for w, _, _ in ws[wi:wj]), frozenset())
    owners = [c for c in codes if c in states]
    return owners[0] if len(owners) == 1 else None


def names_group(ws: list[tuple[str, int, int]], wj: int) -> bool:
    """Whether the words from wj on name a group or format ("Group", "Club", "International Discussions",
    "format", "peace process") right after a place word."""
    for k in range(wj, min(wj + 2, len(ws))):
        low = ws[k][0].lower()
        if low in GROUP_NEXT:
            return True
        if low not in GROUP_SKIP:
            return False
    return False


def _mentions(text: str, ws: list[tuple[str, int, int]], raw: list[tuple[int, int, Entry]]) -> list[Mention]:
    """The matches as mentions: ambiguous words resolved by the article's support, possessive, locative and
    media readings, the dateline's place."""
    n_words = len(ws)
    support = {e.codes[0] for _, _, e in raw
               if e.codes and not e.ambiguous and e.kind not in ("igo", "city", "province")}
    dl_start, dl_end, _ = dateline(text)
    # the dateline's state decides between the readings no other word of the article decides ("State House")
    dl_codes = {e.codes[0] for wi, _, e in raw if len(e.codes) == 1 and dl_start <= ws[wi][1] < dl_end}
    out: list[Mention] = []
    for wi, wj, entry in raw:
        if not entry.codes:
            continue  # a sea, a region or a continent that merely contains a country word
        start, end = ws[wi][1], ws[wj - 1][2]
        code: str | None = entry.codes[0]
        if entry.kind == "province":
            # "North Carolina", "New Mexico": the province's state where provincial government is named beside
            # it ("Governor X of North Carolina"), else no state at all (never the North Korea in its name)
            if len(entry.codes) != 1 or not _near_province_word(ws, wi, wj):
                continue
            entry = Entry(entry.codes, "name", False)
        if entry.needs_support:
            code = entry.codes[0] if entry.codes[0] in support else None
        elif entry.ambiguous and len(entry.codes) > 1:
            supported = [c for c in entry.codes if c in support]
            province_of = _province_reading(ws, wi, wj, entry.codes)
            if province_of:
                supported = [province_of]  # "Governor X of Georgia", "the Georgia state senate": the US state
            if len(supported) != 1 or entry.kind == "seat":
                # a seat is the one of the state the story is filed from ("State House" in a Lusaka story)
                supported = [c for c in entry.codes if c in dl_codes] or supported
            if not supported and entry.default:
                supported = [entry.default]  # none of the candidates named: the usual reading
            code = supported[0] if len(supported) == 1 else None
        after = text[end : end + 3]
        possessive = after.startswith(("'s", "’s")) or (after[:1] in "'’" and text[end - 1 : end] == "s")
        prev = ws[wi - 1][0].lower() if wi > 0 else ""
        prev2 = (ws[wi - 2][0].lower(), prev) if wi > 1 else ("", prev)
        locative = prev in LOCATIVE_WORDS or (prev == "the" and wi > 1 and ws[wi - 2][0].lower() in LOCATIVE_WORDS)
        nxt = ws[wj][0] if wj < n_words and "\n" not in text[end : ws[wj][1]] else ""  # not across a line break
        kind = entry.kind
        if (nxt[:1].isupper() and nxt.lower() in MEDIA_NEXT) or prev2 in MEDIA_BEFORE:
            kind, code = "media", None
        if kind in ("capital", "seat", "city") and names_group(ws, wj):
            kind, code = "city", None  # "the Minsk Group": a group named after the town, no state of it
        if dl_start <= start and end <= dl_end and kind != "media":
            kind, locative = "city", True  # the dateline's place: where the story was filed
        k = wi - 1
        if prev == "the" and wi > 1:
            prev = ws[wi - 2][0].lower()
            k = wi - 2
        prev_2 = ws[k - 1][0].lower() if k > 0 else ""
        out.append(Mention(code, start, end, kind, text[start:end], possessive, locative, entry.codes, prev, prev_2))
    return out
