"""Finds quoted passages by their quotation marks, on the raw text, before any parsing.

Wire copy mixes curly and straight marks, sometimes reverses curly ones, drops a closing mark, or runs one
quotation over several paragraphs with an opening mark on each; apostrophes ("ministers'", "don't") look like
single quotes. So the direction of a mark is read from its neighbours first and from its glyph only when the
neighbours say nothing, single quotes count only when they pair up inside one paragraph, and nothing here can
fail or backtrack: one left-to-right pass over the characters.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

DOUBLE_OPEN = "\u201c\u201e\u00ab\u301d"
DOUBLE_CLOSE = "\u201d\u00bb\u301e\u201f"
DOUBLE_ANY = '"' + DOUBLE_OPEN + DOUBLE_CLOSE
SINGLE_OPEN = "\u2018"
SINGLE_ANY = "'\u2018\u2019"
ALL_MARKS = DOUBLE_ANY + SINGLE_ANY
_OPENERS_BEFORE = "([{\u2014\u2013-/"  # a mark right after these opens
_TITLE_SMALL_WORDS = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "de", "la", "von", "van",
                      "&"}
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n|\r\n[ \t]*\r\n|\u2029")


@dataclass(slots=True)
class Quoted:
    """One quotation: its pieces (one per paragraph it runs over) as content offsets without the marks.

    `open_mark` is the offset of the first opening mark, `close_mark` the offset just after the last closing
    mark (or the end of the last piece when the closing mark is missing, then `closed` is False).
    """

    parts: list[tuple[int, int]]
    open_mark: int
    close_mark: int
    closed: bool
    paragraph: int  # index of the paragraph where it starts
    last_paragraph: int
    single: bool = False  # delimited by single quotation marks
    merged: list[tuple[int, int]] = field(default_factory=list)  # pieces merged from a split quotation

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; blank lines separate paragraphs, as in the corpus format."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()] or [(0, len(text))]


def _direction(text: str, i: int) -> str:
    """'open', 'close' or '?' for the double or single mark at i, from its neighbours, then its glyph."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    before_space = prev.isspace() or prev in _OPENERS_BEFORE
    after_space = nxt.isspace() or (nxt in ".,;:!?)]}\u2014\u2013" and not nxt.isalnum())
    if before_space and not after_space:
        return "open"
    if after_space and not before_space:
        return "close"
    ch = text[i]
    if ch in DOUBLE_OPEN or ch == SINGLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    return "?"


def _first_mark_closes(text: str, start: int, end: int) -> bool:
    for i in range(start, end):
        if text[i] in DOUBLE_ANY:
            return _direction(text, i) == "close"
    return False


def trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) without the white space at either end."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _scan_double(text: str, para: list[tuple[int, int]]) -> list[Quoted]:
    found: list[Quoted] = []
    pending: Quoted | None = None  # a quotation still open at the end of a paragraph
    for p_index, (p_start, p_end) in enumerate(para):
        open_at: int | None = None
        if pending is not None:
            first = p_start
            while first < p_end and text[first].isspace():
                first += 1
            if first < p_end and text[first] in DOUBLE_ANY and _direction(text, first) != "close":
                open_at = first  # the same quotation goes on in this paragraph
            elif _first_mark_closes(text, p_start, p_end):
                open_at = p_start - 1  # no opening mark here, but the closing one comes first: it goes on
            else:
                found.append(pending)
                pending = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in DOUBLE_ANY:
                continue
            way = _direction(text, i)
            if way == "?":
                way = "close" if open_at is not None else "open"
            if way == "open":
                if open_at is not None and open_at != i and pending is not None:
                    found.append(pending)  # a new opening mark: the pending one really ended
                    pending = None
                open_at = i
                continue
            if open_at is None:
                if pending is None and text[i - 1] in ",?!" and not any(text[j] in DOUBLE_ANY for j in range(
                        p_start, i)) and not any(q.last_paragraph == p_index for q in found):
                    # 'Our reforms are on track," the minister added.' with the opening mark lost: the paragraph
                    # up to the closing mark is the quotation
                    s, e = trimmed(text, p_start, i)
                    if e > s and len(text[s:e].split()) >= 4:
                        found.append(Quoted([(s, e)], p_start, i + 1, True, p_index, p_index))
                continue  # a stray closing mark: nothing to close
            s, e = trimmed(text, open_at + 1, i)
            if pending is not None:
                if e > s:
                    pending.parts.append((s, e))
                pending.close_mark = i + 1
                pending.closed = True
                pending.last_paragraph = p_index
                found.append(pending)
                pending = None
            elif e > s:
                found.append(Quoted([(s, e)], open_at, i + 1, True, p_index, p_index))
            open_at = None
        if open_at is not None:
            s, e = trimmed(text, open_at + 1, p_end)
            if e <= s:
                continue
            if pending is not None:
                pending.parts.append((s, e))
                pending.close_mark = e
                pending.last_paragraph = p_index
            else:
                pending = Quoted([(s, e)], open_at, e, False, p_index, p_index)
    if pending is not None:
        found.append(pending)
    return found


def _scan_single(text: str, para: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[Quoted]:
    """Single-mark quotations that open at a word start and close inside the same paragraph."""
    found: list[Quoted] = []
    starts = [s for s, _ in taken]
    for p_index, (p_start, p_end) in enumerate(para):
        open_at: int | None = None
        for i in range(p_start, p_end):
            if text[i] not in SINGLE_ANY:
                continue
            k = bisect.bisect_right(starts, i) - 1
            if k >= 0 and taken[k][0] <= i < taken[k][1]:
                continue  # nested inside a double quotation
            way = _direction(text, i)
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if way == "open" and open_at is None and nxt.isalpha():
                open_at = i
            elif way == "close" and open_at is not None:
                prev = text[i - 1]
                if prev.lower() == "s" and i + 1 < p_end and text[i + 1] == " " and text[i + 2:i + 3].isalpha():
                    continue  # "ministers' meeting": a plural possessive, not the end of the quotation
                s, e = trimmed(text, open_at + 1, i)
                if e - s > 1:
                    found.append(Quoted([(s, e)], open_at, i + 1, True, p_index, p_index, single=True))
                open_at = None
    return found


def ascii_doubles(text: str) -> str:
    """Typewriter-style double marks (``...'' and ''...'') as one curly mark each, offsets kept: "``" becomes
    an opening mark and a space, "''" a space and a closing mark, so a quotation's marks still span them."""
    if "``" not in text and "''" not in text:
        return text
    return text.replace("``", "\u201c ").replace("''", " \u201d")


def is_mark(token_text: str) -> bool:
    """A token that is a quotation mark, the two-character typewriter ones included."""
    return token_text in ("``", "''") or (len(token_text) == 1 and token_text in ALL_MARKS)


def find_quoted(text: str) -> list[Quoted]:
    """Every quotation in the text, in text order; never raises, linear in the text length."""
    if not text:
        return []
    text = ascii_doubles(text)
    para = paragraphs(text)
    doubles = _scan_double(text, para)
    taken = sorted((q.open_mark, q.close_mark) for q in doubles)
    singles = _scan_single(text, para, taken) if any(c in text for c in SINGLE_ANY) else []
    found = doubles + singles
    found.sort(key=lambda q: q.open_mark)
    return found


def clean_piece(text: str, last: bool) -> str:
    """A piece's text without the closing comma (and period, for the last piece); '!' and '?' stay."""
    t = text.strip()
    while t and (t[-1] == "," or t[-1] == ";" or t[-1] == ":" or (last and t[-1] == "." and not t.endswith(
            "..."))):
        t = t[:-1].rstrip()
    return t


def is_title_like(text: str) -> bool:
    """A name, title or term in quotation marks ("Cold War", "Swan Lake"): capitalised words, no sentence."""
    words = text.split()
    if not words or len(words) > 7 or any(c in text for c in "!?,;:") or ". " in text:
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def is_heading(text: str) -> bool:
    """A short line without closing punctuation ("Further information", "Notes to editors")."""
    return len(text.split()) <= 8 and text[-1:] not in ".!?\"\u201d"


class Intervals:
    """Overlap queries on a fixed set of intervals in O(log n) for short probes (no quadratic scans on long
    articles): intervals are sorted by start and a running maximum of their ends is kept."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.max_end: list[int] = []
        best = -1
        for _, e in self.spans:
            best = max(best, e)
            self.max_end.append(best)

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.starts, e) - 1  # intervals starting before e
        return k >= 0 and self.max_end[k] > s

    def last_from(self, pos: int) -> tuple[int, int] | None:
        """The interval that starts last at or before `pos` (quotations do not nest: the one `pos` may be in)."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return self.spans[k] if k >= 0 else None

    def holds(self, pos: int) -> bool:
        """Whether `pos` lies inside the interval that starts last at or before it."""
        iv = self.last_from(pos)
        return iv is not None and iv[0] <= pos < iv[1]
