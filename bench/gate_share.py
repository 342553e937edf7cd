"""How much of each article set a sentence gate would leave to the costly NLP: the share of characters in
sentences that can yield a meeting or a quote, and in the sentences resolution needs around them.

Why it exists: the benchmark issue asks for NER and the parser only "on the sentences that can matter". This
measures the ceiling of that idea for Parley's extractors before anyone builds it. A gate must keep every
sentence with a meeting word (`meeting_lexicon.GATE`), a quote trigger (`quote_lexicon.TRIGGER_RE`) or a
quotation (`quote_marks.find_quoted`), plus what resolution reads: the opening paragraph, the sentence before
each kept one (pronoun antecedents) and sentences naming a capitalised word a kept sentence uses (full names
behind later surnames). A second, tighter variant counts only quotation marks that open real quotations (not
apostrophes), skips "State(s)", and adds the previous sentence only when the kept one starts with a pronoun or
role. The costly part of the pipeline scales with the kept share at best. The meetings-only figures show what
dropping issue 5's "quotes from every article" would buy.

    .venv/bin/python -m bench.gate_share
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import spacy

from bench.corpus import build_sets
from extractors.meetings.lexicon import GATE
from extractors.quotes.lexicon import TRIGGER_RE
from extractors.quotes.marks import find_quoted

_NAME = re.compile(r"\b[A-Z][\w'\u2019-]{2,}")
_NOT_NAMES = frozenset("""The This That These Those There Their They Then When While After Before During Since
Under Over With Without From Into About Also But And For Not Its His Her Our Some Many Most More Other Such What
Which Who How Why Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December President Minister Prime Foreign Defense Secretary State
Ministry Government Mr Mrs Ms Dr""".split())
_ANAPHOR = re.compile(r"^\W*(?:he|she|they|it|his|her|their|its|the (?:minister|president|premier|leader|official|"
                      r"spokes\w+|diplomat|envoy|ambassador|chancellor|secretary|ministry))\b", re.I)
_MARKS_ONLY = re.compile(TRIGGER_RE.pattern.replace("\\u2018\\u2019'", ""), TRIGGER_RE.flags)


def _names(text: str) -> set[str]:
    return {w for w in _NAME.findall(text) if w not in _NOT_NAMES}


def kept_share(texts: Iterable[str], tight: bool, quotes: bool = True) -> float:
    """`quotes=False`: the share a meetings-only product would need (quote triggers and quotations ignored)."""
    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    kept_chars = total = 0
    for text in texts:
        sents = [(s.start_char, s.end_char) for s in splitter(text).sents]
        quoted = [(q.open_mark, q.close_mark) for q in find_quoted(text)] if quotes else []
        first_break = text.find("\n\n")
        base = []
        for i, (s, e) in enumerate(sents):
            chunk = text[s:e]
            trigger = quotes and (any(m.group(0) not in ("State", "States") for m in _MARKS_ONLY.finditer(chunk))
                                  if tight else bool(TRIGGER_RE.search(chunk)))
            lede = i == 0 if tight else (i < 2 or (first_break > 0 and s < first_break))
            base.append(lede or bool(GATE.search(chunk)) or trigger or any(a < e and s < b for a, b in quoted))
        keep = list(base)
        for i in range(len(sents) - 1, 0, -1):
            if base[i] and (not tight or _ANAPHOR.search(text[sents[i][0]:sents[i][1]])):
                keep[i - 1] = True
        wanted = set().union(*(_names(text[s:e]) for (s, e), k in zip(sents, keep, strict=True) if k))
        for i, (s, e) in enumerate(sents):
            keep[i] = keep[i] or bool(_names(text[s:e]) & wanted)
        kept_chars += sum(e - s for (s, e), k in zip(sents, keep, strict=True) if k)
        total += sum(e - s for s, e in sents)
    return kept_chars / total if total else 0.0


def main() -> None:
    for name, aset in build_sets(300).items():
        texts = list(dict.fromkeys(row["text"] for row in aset.rows))
        print(f"{name:10s} {len(texts):4d} texts  kept share: safe gate {kept_share(texts, False):.1%}, "
              f"tight gate {kept_share(texts, True):.1%}; meetings only (no quotes): safe "
              f"{kept_share(texts, False, quotes=False):.1%}, tight {kept_share(texts, True, quotes=False):.1%}")


if __name__ == "__main__":
    main()
