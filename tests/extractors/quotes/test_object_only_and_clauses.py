"""Round 14 (issue 17, quotes): what makes a reported statement and where it ends.

ANNOTATION.md: a speech verb with only an object or topic is no quote ("called for fresh elections", "warned against
Z", "stressed the importance of ties"); an infinitive with content is ("called for all sides to withdraw"), and so
is "accused X of doing Y", as dev's gold reads it. A clause beside quoted words is a statement of its own when the
quoted words sit in another clause; "..., noting that ..." gives the same statement its ground; a speaker reported
inside a statement and a because-clause stay in it. Texts are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.extractors.quotes.test_extract import last_word, quotes_of

CASES = [
    (  # a call for a bare thing names only its object
        "The opposition senator called for an independent audit of the vote count.",
        [],
    ),
    (  # a call with an action of its own is a request
        "Foreign Minister Ana Lopes called for all armed groups to lay down their weapons by the end of the month.",
        [("lopes", "indirect", "all armed groups to lay down their weapons by the end of the month")],
    ),
    (  # a charge with a deed of its own is reported speech, as the corpus's gold reads it
        "Uganda's foreign ministry accused Kigali of backing the rebels in the east.",
        [("ministry", "indirect", "Kigali of backing the rebels in the east")],
    ),
    (  # a warning against a thing names only its object
        "The Kremlin warned against any new package of sanctions.",
        [],
    ),
    (  # the importance of a bare thing is a topic
        "President Ramon Santos stressed the importance of ties between the two countries.",
        [],
    ),
    (  # the importance of doing something says something
        "President Ramon Santos underscored the importance of responsibly managing the dispute over the islands.",
        [("santos", "indirect", "the importance of responsibly managing the dispute over the islands")],
    ),
    (  # a time before "called on" is not the addressee
        "NAIROBI - Foreign Minister Grace Wanjiru on Thursday called on the warring parties to return to talks.",
        [("wanjiru", "indirect", "the warring parties to return to talks")],
    ),
    (  # "noting that" carries the statement on
        "Minister Tanaka stated that Japan intends to strengthen economic relations with Hungary, noting that the "
        "number of Japanese companies in Hungary continues to grow.",
        [("tanaka", "indirect", "Japan intends to strengthen economic relations with Hungary, noting that the number "
                                "of Japanese companies in Hungary continues to grow")],
    ),
    (  # the clause without quoted words beside an "and that" clause with them
        'Lavrov said Russia would host the next round of consultations, and that Moscow supported the Indian '
        'position "unreservedly".',
        [("lavrov", "indirect", "Russia would host the next round of consultations"),
         ("lavrov", "partial", "unreservedly")],
    ),
    (  # a second that-clause the parser nests inside the first
        'A palace spokesperson said the prince had been "delighted" to take his children to the concert and that '
        'the outing had been planned for several months.',
        [("spokesperson", "partial", "delighted"),
         ("spokesperson", "indirect", "the outing had been planned for several months")],
    ),
    (  # quoted words under a second verb of the same speaker leave the first clause a statement
        'In Berlin, Merkel said she wanted to give the new government time to prepare its position but warned that '
        'there could be "no cherry-picking" once formal talks began.',
        [("merkel", "indirect", "she wanted to give the new government time to prepare its position"),
         ("merkel", "partial", "no cherry-picking")],
    ),
    (  # quoted words inside the clause's own object stay its partial quote
        'Clinton said the United States would pursue a model of partnership with Africa that "adds value, rather '
        'than extracts it."',
        [("clinton", "partial", "adds value, rather than extracts it")],
    ),
    (  # an opening "that" the parser read as a pronoun is the complementiser
        "President Joseph Mwamba told the summit that his government would not negotiate with the armed groups.",
        [("mwamba", "indirect", "his government would not negotiate with the armed groups")],
    ),
    (  # a reported speaker's second verb stays inside the outer statement (the outer speaker is kept)
        "Jordanian officials said King Hassan urged the envoys to restart negotiations and warned that the region "
        "could not afford another year of stalemate.",
        [("officials", "indirect", "King Hassan urged the envoys to restart negotiations and warned that the region "
                                   "could not afford another year of stalemate")],
    ),
    (  # a reason the speaker gives with someone else's words is part of the statement
        "Foreign Minister Nikos Doukas said he had postponed his visit because the king had said the timing was not "
        "right.",
        [("doukas", "indirect", "he had postponed his visit because the king had said the timing was not right")],
    ),
    (  # a short quotation paragraph that is a sentence speaks on for the speaker before it
        'Kaja Kallas said her country would send more aid. "We have to be faster than the aggressor," she said.'
        '\n\n"Every week counts."',
        [("kallas", "indirect", "her country would send more aid"),
         ("kallas", "direct", "We have to be faster than the aggressor"),
         ("kallas", "direct", "Every week counts")],
    ),
    (  # a short verbless line is no sentence
        'Farmers blocked the ring road on Monday, the union said.\n\n"Never again."',
        [("union", "indirect", "Farmers blocked the ring road on Monday")],
    ),
    (  # a headline's topic before a colon is not a speaker
        "Farmers' march: 'No farms, no food'\n\nPARIS - Tractors blocked the ring road on Monday.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"r14q{n}" for n in range(len(CASES))])
def test_object_only_and_clauses(nlp, text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(last_word(q.speaker), q.type, q.text) for q in quotes_of(nlp, text)]
    assert got == expected
