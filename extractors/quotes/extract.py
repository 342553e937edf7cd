"""Quote extraction (issue 5): every statement an article attributes to a person or body, one record each.

Two sources feed the records. Quotation marks (found on the raw text by `marks`, so odd or missing marks
never break the parse) give `direct` and `partial` quotes; their speaker is the subject of the speech verb
next to them ("...," he said / X said, "..."), or of the sentence they sit in ("threatened an 'open war'"), or,
for a paragraph that is only a quotation, the previous speaker. Speech verbs without quotation marks give
`indirect` quotes from the dependency parse (`clauses`); "X said:" before an unmarked paragraph and
"Name: ..." transcript lines give `direct` ones. `finder` runs these passes over one article;
`speakers` decides who speaks (pronouns, joint subjects, bodies), leaning on the resolution layer for
names, countries and roles; `affiliation` prefers a speaker's own title ("Brazil coach X", "government
spokesman X" in a story from Berlin) over country words that merely occur near the quote; `lexicon` holds
the word lists. Short quoted labels ('the annual "two-plus-two" dialogue') are scare quotes, not quotes: the
sentence around them stays an indirect quote.

Everything works sentence by sentence and paragraph by paragraph, so a pipeline that parses only the
sentences a cheap lexical gate selects (`lexicon.TRIGGER_RE`: quotation marks, speech verbs, "according
to", a colon ending a paragraph or opening a "Name:" line) loses nothing but the pronoun antecedents of
unselected sentences.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from extractors.core.text import article_text
from extractors.core.types import Quote
from extractors.quotes.finder import QuoteFinder
from extractors.resolve.resolver import ArticleResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

__all__ = ["find_quotes"]


def find_quotes(doc: Doc, resolver: ArticleResolver) -> list[Quote]:
    """The article's quotes in text order.

    Offsets: `parts` always lists each piece's own (start, end), one pair for an unsplit quote, so that
    `text == " ".join(article[s:e] for s, e in parts)`: no quotation marks, no closing comma, no period at the
    very end ("!" and "?" are kept; a period between two pieces stays). `Quote.start`/`end` cover the whole
    quotation, from the start of its first piece to the end of its last piece: for a split quote this includes
    the attribution between the pieces, so a reader can highlight the passage in one go.
    """
    if not article_text(doc, resolver).strip():
        return []
    if not doc.has_annotation("DEP"):
        log.debug("no dependency parse on this document: no quotes")  # speakers and clauses need the parser
        return []
    try:
        return QuoteFinder(doc, resolver).run()
    except Exception:  # a bug here must cost the quotes of one article, never the article or the worker
        log.exception("quote extraction failed on a document of %d characters", len(doc.text))
        return []
