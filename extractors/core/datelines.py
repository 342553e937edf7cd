"""Wire datelines: "KYIV (Reuters) - ", "NAIROBI, Kenya (AP) — ", "UNITED NATIONS, Sept 5 -", "WASHINGTON -- ".

A dateline says where the story was filed. Its city is not a party to the events, not their place and not a state
acting in them, yet the parser often takes it for the subject of the first sentence. So the resolver, the meeting
extractor and the quote extractor all set it aside, and all read it with this one grammar. Bounded repeats only,
so matching is linear.
"""

from __future__ import annotations

import re

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


def dateline_at(text: str, pos: int = 0, endpos: int | None = None, *, strict: bool = False) -> re.Match[str] | None:
    """The dateline at `pos` (the start of the text, of a paragraph or of a line), or None; `endpos` bounds it
    (a paragraph's end). Group 1 is the city, with the spaces and hyphen that may follow it.

    `strict`: one group of words only after the city's comma. The quote extractor reads datelines so: in the
    loose reading, "DARKHAN, Mongolia, Oct. 12, 2011 - " is a dateline, and the quote extractor would leave it
    out of the quotation that follows it (dev2 then changes; kept as it was until that change is decided).
    """
    limit = pos + MAX_CHARS if endpos is None else min(endpos, pos + MAX_CHARS)
    return (_DATELINE_STRICT if strict else _DATELINE).match(text, pos, limit)


def dateline_end(text: str) -> int:
    """End offset of the dateline opening the text (0 when there is none)."""
    m = dateline_at(text)
    return m.end() if m is not None else 0


def dateline_city(text: str) -> str | None:
    """The city of the dateline opening the text ("ISLAMABAD (Wire) -" -> "ISLAMABAD"), or None."""
    m = dateline_at(text)
    return m.group(1).rstrip(" -") if m is not None else None
