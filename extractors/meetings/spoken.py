"""Whether a conversation told by "spoke" was held in person (a meeting) or at a distance (a call).

The corpus's golds read "X spoke with Y today", "the two last spoke on February 23", "the two leaders last spoke in
January" as calls: a conversation with no word placing both sides in one room is a telephone call in diplomatic
copy. Only words that put the two together make it a meeting: a venue ("at the Great Hall of the People"), a
gathering's margins, a meal, a city they are both in ("spoke in Geneva"), or an adverb of presence ("privately",
"face-to-face").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.meetings.syntax import is_place

if TYPE_CHECKING:
    from spacy.tokens import Token

# Adverbs that put both speakers in one place.
PRESENCE_ADVERBS = frozenset({"together", "privately", "alone", "face-to-face", "bilaterally", "aside"})
# Nouns of an occasion at which both were present ("on the sidelines of", "during a dinner", "over lunch").
OCCASION_NOUNS = frozenset(
    "margin margins sideline sidelines lunch dinner breakfast coffee tea meal reception ceremony summit meeting "
    "conference forum session visit talks banquet".split()
)
# Words that make it a call whatever else is said.
REMOTE_WORDS = frozenset({"phone", "telephone", "telephonically", "video", "videoconference", "videolink", "line"})
PLACE_PREPS = frozenset({"at", "in", "on", "during", "over", "inside", "aboard"})


def _occasion_or_venue(g: Token) -> bool:
    """A pobj that is an occasion both attended, a named building or a place."""
    if g.lower_ in OCCASION_NOUNS or g.lemma_.lower() in OCCASION_NOUNS:
        return True
    return g.ent_type_ == "FAC" or g.ent_type_ not in ("DATE", "TIME") and is_place(g)


def told_in_person(verb: Token) -> bool:
    """Whether the words hung on `verb` place its two speakers together (its own children and those of a "with"
    phrase's object: "spoke with X at the palace")."""
    words = [verb, *(g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                     for g in c.children if g.dep_ == "pobj")]  # fmt: skip
    for w in words:
        for c in w.children:
            if c.dep_ == "advmod" and c.lower_ in PRESENCE_ADVERBS:
                return True
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                if any(g.dep_ == "pobj" and _occasion_or_venue(g) for g in c.children):
                    return True
    return False


def told_remotely(verb: Token) -> bool:
    """"spoke by telephone", "spoke over a video link": a word of distance anywhere under the verb's prepositions."""
    return any(t.lower_ in REMOTE_WORDS for c in verb.children if c.dep_ in ("prep", "agent", "advmod")
               for t in c.subtree)  # fmt: skip


# Adverbs that recall a pair's earlier conversation ("the two last spoke on February 23").
RECALLED_ADVERBS = frozenset({"last", "previously"})


def spoken_kind(verb: Token, pair: bool = False) -> str:
    """The kind of a conversation told by "spoke": a meeting where its words place the two together, else a call.
    For a pair as subject with no counterpart named ("the two leaders spoke for an hour"), only a recalled
    conversation ("last spoke") is a call: a pair's talk told with its length, in a story about their meeting, is
    that meeting told again."""
    if told_remotely(verb):
        return "call"
    if told_in_person(verb):
        return "meeting"
    if pair:
        recalled = any(c.dep_ == "advmod" and c.lower_ in RECALLED_ADVERBS for c in verb.children)
        return "call" if recalled else "meeting"
    return "call"
