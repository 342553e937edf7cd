"""Finding country words in an article: country names, demonyms, capitals, seats of government and IGOs.

Works on the raw text with the gazetteer's own word split (so "U.S.-Russian" yields two countries even though
spaCy keeps it as one token), and uses the spaCy Doc only to veto matches inside person names ("George
Washington") and to know the sentence of each mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from extractors.resolve_data import Reference, words

# A place after one of these words is where something happens, not a state acting ("talks in Moscow").
LOCATIVE_WORDS = frozenset(
    "in at to from into near outside inside toward towards via across around throughout within visiting".split()
)
# A country word followed by one of these is part of a media name ("the Japan Times", "China Daily").
MEDIA_NEXT = frozenset(
    "times post herald daily tribune journal today broadcasting television tv radio news gazette monitor".split()
)
MEDIA_BEFORE = (("voice", "of"), ("radio", "free"))
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


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e and (e - s) > (end - start) for s, e in ranges)


def scan_countries(doc: Doc, ref: Reference, ents: list[Span] | None = None) -> list[Mention]:
    """All country words of the text, longest match first, in text order."""
    text = doc.text
    ws = words(text)
    lows = [w.lower() for w, _, _ in ws]
    persons = _person_char_ranges(list(doc.ents) if ents is None else ents)
    raw: list[tuple[int, int, object]] = []
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
            if entry.kind != "demonym" and _inside(persons, start, end):
                continue
            raw.append((i, i + n, entry))
            matched_n = n
            break
        i += matched_n or 1
    support = {e.codes[0] for _, _, e in raw if not e.ambiguous and e.kind != "igo"}
    out: list[Mention] = []
    for wi, wj, entry in raw:
        start, end = ws[wi][1], ws[wj - 1][2]
        code: str | None = entry.codes[0]
        if entry.needs_support:
            code = entry.codes[0] if entry.codes[0] in support else None
        elif entry.ambiguous and len(entry.codes) > 1:
            supported = [c for c in entry.codes if c in support]
            code = supported[0] if len(supported) == 1 else None
        after = text[end : end + 3]
        possessive = after.startswith(("'s", "’s")) or (after[:1] in "'’" and text[end - 1 : end] == "s")
        prev = ws[wi - 1][0].lower() if wi > 0 else ""
        prev2 = (ws[wi - 2][0].lower(), prev) if wi > 1 else ("", prev)
        locative = prev in LOCATIVE_WORDS or (prev == "the" and wi > 1 and ws[wi - 2][0].lower() in LOCATIVE_WORDS)
        nxt = ws[wj][0] if wj < n_words else ""
        kind = entry.kind
        if (nxt[:1].isupper() and nxt.lower() in MEDIA_NEXT) or prev2 in MEDIA_BEFORE:
            kind, code = "media", None
        k = wi - 1
        if prev == "the" and wi > 1:
            prev = ws[wi - 2][0].lower()
            k = wi - 2
        prev_2 = ws[k - 1][0].lower() if k > 0 else ""
        out.append(Mention(code, start, end, kind, text[start:end], possessive, locative, entry.codes, prev, prev_2))
    return out
