"""The attribute ruler and the lemmatizer, memoised: the same POS, morphology and lemma, at a tenth of the cost.

In en_core_web_sm both are rule components, yet together they cost about a quarter of the pipeline (about 45
microseconds a token, mostly Python work per match). Their output for a token depends only on the token's own
text, tag and dependency label, and, for the few two-token patterns ("gon na", "let 's", "there is"), on its
neighbours. So the first time a combination is seen the real components compute it (on a three-token Doc:
the token and its neighbours, with the same tags and labels) and the answer is kept; a news vocabulary repeats
itself, so nearly every token after the first articles is a dictionary lookup. `tests/extractors/core/
test_memo_attributes.py` holds it to the stock components token by token.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

NAME = "parley_memo_attributes"
MAX_ENTRIES = 200_000  # about 40 MB at most; a long-running worker starts afresh when it is full

Key = tuple[int, ...]
Value = tuple[int, int, int, int]  # pos, lemma, morph (hash), dep


def _context_words(ruler: Any) -> re.Pattern[str]:
    """Lower-case words that take part in a multi-token pattern: only they need their neighbours in the key."""
    words: list[str] = []
    for entry in ruler.patterns:
        for pattern in entry["patterns"]:
            if len(pattern) < 2:
                continue
            target = entry.get("index", 0) % len(pattern)
            for position, token in enumerate(pattern):
                lower = token.get("LOWER")
                if isinstance(lower, str):
                    words.append(re.escape(lower))
                elif isinstance(lower, dict) and "REGEX" in lower:
                    words.append(lower["REGEX"].strip("^$"))
                elif isinstance(lower, dict) and "IN" in lower:
                    words.extend(re.escape(w) for w in lower["IN"])
                elif lower is None and position == target:
                    words.append(".*")  # a changed token matched by its labels alone: every word needs context
    return re.compile("^(?:" + "|".join(words) + ")$") if words else re.compile(r"(?!)")


class MemoAttributes:
    def __init__(self, nlp: Language) -> None:
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.vocab = nlp.vocab
        self._needs_context = _context_words(self.ruler)
        self._context: dict[int, bool] = {}
        self.cache: dict[Key, Value] = {}
        self.misses = 0

    def _contextual(self, lower: int, text: str) -> bool:
        found = self._context.get(lower)
        if found is None:
            found = self._context[lower] = bool(self._needs_context.match(text))
        return found

    def _key(self, doc: Doc, i: int) -> Key:
        token = doc[i]
        if not self._contextual(token.lower, token.lower_):
            return (token.orth, token.tag, token.dep, token.is_space)
        key: list[int] = [token.orth, token.tag, token.dep, token.is_space]
        for j in (i - 1, i + 1):
            if 0 <= j < len(doc):
                other = doc[j]
                key += [other.orth, other.tag, other.dep, other.is_space]
            else:
                key += [-1, -1, -1, -1]
        return tuple(key)

    def _compute(self, doc: Doc, wanted: dict[Key, int]) -> None:
        """The real components, once per Doc, on just the tokens not seen before (with their neighbours when a
        multi-token pattern could involve them), each group cut off from the next by a line break, which no
        pattern crosses; tags and labels as in the Doc."""
        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str] = []
        deps: list[str] = []
        where: dict[Key, int] = {}
        for key, i in wanted.items():
            lo, hi = (max(0, i - 1), min(len(doc), i + 2)) if len(key) > 4 else (i, i + 1)
            for t in doc[lo:hi]:
                if t.i == i:
                    where[key] = len(words)
                words.append(t.text)
                spaces.append(bool(t.whitespace_))
                tags.append(t.tag_)
                deps.append(t.dep_)
            words.append("\n")
            spaces.append(False)
            tags.append("_SP")
            deps.append("")
        mini = Doc(self.vocab, words=words, spaces=spaces, tags=tags)
        for t, dep in zip(mini, deps, strict=True):
            t.dep_ = dep  # labels without heads: the ruler's patterns read labels only
        self.lemmatizer(self.ruler(mini))
        cache = self.cache
        for key, j in where.items():
            out = mini[j]
            cache[key] = (out.pos, out.lemma, out.morph.key, out.dep)

    def __call__(self, doc: Doc) -> Doc:
        cache = self.cache
        keys = [self._key(doc, i) for i in range(len(doc))]
        missing = {key: i for i, key in enumerate(keys) if key not in cache}
        if missing:
            if len(cache) + len(missing) > MAX_ENTRIES:  # bounded memory in a long-running worker: start afresh
                cache.clear()
                missing = {key: i for i, key in enumerate(keys)}
            self.misses += len(missing)
            self._compute(doc, missing)
        for token, key in zip(doc, keys, strict=True):
            pos, lemma, morph, dep = cache[key]
            token.pos = pos
            token.lemma = lemma
            token.set_morph(morph)
            if dep != token.dep:
                token.dep = dep
        return doc


@Language.factory(NAME)
def make_memo_attributes(nlp: Language, name: str) -> MemoAttributes:
    return MemoAttributes(nlp)


def install(nlp: Language) -> Language:
    """Puts the memo where the attribute ruler ran and turns the two real components off (they stay loaded: the
    memo calls them on what it has not seen). A pipeline without them is returned unchanged."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names or NAME in nlp.pipe_names:
        return nlp
    if getattr(nlp.get_pipe("lemmatizer"), "mode", None) != "rule":
        return nlp
    nlp.add_pipe(NAME, before="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return nlp
