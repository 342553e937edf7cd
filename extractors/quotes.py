"""Quote extraction (issue 5): every statement an article attributes to a person or body, one record each.

Two sources feed the records. Quotation marks (found on the raw text by `quote_marks`, so odd or missing marks
never break the parse) give `direct` and `partial` quotes; their speaker is the subject of the speech verb
next to them ("...," he said / X said, "..."), or of the sentence they sit in ("threatened an 'open war'"), or,
for a paragraph that is only a quotation, the previous speaker. Speech verbs without quotation marks give
`indirect` quotes from the dependency parse (`quote_clauses`). Speakers are resolved by `quote_speakers`, which
leans on the resolution layer for names, countries and roles.

Everything works sentence by sentence and paragraph by paragraph, so a pipeline that parses only the
sentences a cheap lexical gate selects (`quote_lexicon.TRIGGER_RE`: quotation marks, speech verbs, "according
to") loses nothing but the pronoun antecedents of unselected sentences.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from extractors.quote_finder import QuoteFinder
from extractors.resolve import ArticleResolver
from extractors.types import Quote

log = logging.getLogger(__name__)

__all__ = ["find_quotes"]


def find_quotes(doc: Doc, resolver: ArticleResolver) -> list[Quote]:
    """The article's quotes in text order.

    Offsets: `Quote.start`/`end` cover the whole quotation, from the first character of its first piece to the
    last character of its last piece (for a split quote this includes the attribution between the pieces, so
    a reader can highlight it in one go); `parts` always lists each piece's own (start, end), one pair for an
    unsplit quote. `text` is the pieces joined by one space, without quotation marks, without a closing period
    or comma ("!" and "?" are kept).
    """
    if not doc.text.strip():
        return []
    try:
        return QuoteFinder(doc, resolver).run()
    except Exception:  # a bug here must cost the quotes of one article, never the article or the worker
        log.exception("quote extraction failed on a document of %d characters", len(doc.text))
        return []
