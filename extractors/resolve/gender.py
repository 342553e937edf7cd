"""Which people of an article "he" and "she" can stand for, from what the article itself says about them.

No list of first names: the evidence is the text's. Strong evidence, which decides alone: an honorific before a
mention ("Mr", "Ms", "Mrs", "Dame", "Sir") and a gendered title or role word in the person's title or apposition
("spokeswoman X", "Queen X", "X, the chairwoman of ..."). Votes, counted over the article: a pronoun the parse binds
to the person (a possessive or reflexive in the clause the person is the subject of: "X paid her respects", "X said
she would ..."), and an object pronoun that cannot be its own clause's subject ("X told him ...": "him" is the other
person in view). Mere nearness ("X arrived. She said ...") is no evidence: it is what the pronoun's resolution
reads anyway. A person keeps no gender when the votes tie or are absent.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from extractors.resolve.people import SUBJECT_DEPS, Cluster, PersonMention
from extractors.resolve.vocab import PRONOUN_FEMALE, PRONOUN_MALE

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extractors.resolve.resolver import ArticleResolver

# Title and role words that say the holder's gender ("Sheikh" is left out: it is also a family name).
FEMALE_WORDS = frozenset(
    "spokeswoman chairwoman congresswoman councilwoman businesswoman stateswoman queen princess empress duchess "
    "countess baroness dame madam madame mme lady sheikha begum".split()
)
MALE_WORDS = frozenset(
    "spokesman chairman congressman councilman businessman statesman king prince emperor duke baron sir lord "
    "mister".split()
)
FEMALE_HONORIFICS = frozenset({"ms", "mrs", "miss", "mme", "madam", "madame", "dame", "lady"})
MALE_HONORIFICS = frozenset({"mr", "mister", "sir", "lord"})
REFLEXIVE = frozenset({"himself", "herself"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj", "obj"})
SPEECH_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "xcomp", "conj"})


def pronoun_gender(word: str) -> str | None:
    low = word.lower()
    if low in PRONOUN_MALE:
        return "m"
    if low in PRONOUN_FEMALE:
        return "f"
    return None


def _word_gender(word: str) -> str | None:
    low = word.lower().rstrip(".")
    if low in FEMALE_WORDS or low in FEMALE_HONORIFICS:
        return "f"
    if low in MALE_WORDS or low in MALE_HONORIFICS:
        return "m"
    return None


def _stated(res: ArticleResolver, pm: PersonMention) -> str | None:
    """The gender a mention's own title, honorific or apposition states ("Ms X", "spokeswoman X", "X, the
    chairwoman of ...")."""
    doc = res.doc
    lo = pm.title_start if pm.title_start >= 0 else pm.tok_start
    lo = min(lo, max(pm.tok_start - 3, 0))
    found: set[str] = set()
    for t in doc[lo : pm.tok_start]:
        g = _word_gender(t.text)
        if g:
            found.add(g)
    if pm.appos_end > pm.tok_end:
        for t in doc[pm.tok_end : pm.appos_end]:
            low = t.lower_
            if low in FEMALE_WORDS - {"lady", "dame", "madam", "madame", "mme"}:
                found.add("f")
            elif low in MALE_WORDS - {"sir", "lord", "mister"}:
                found.add("m")
    return found.pop() if len(found) == 1 else None


def _clause_verb(t: Token) -> Token | None:
    """The verb whose clause holds `t` (its own head chain, at most eight steps)."""
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _subject_clusters(people: dict[int, PersonMention], verb: Token) -> set[int]:
    """Clusters of the people named in a verb's subject ("X and Y said")."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            for x in c.subtree:
                pm = people.get(x.i)
                if pm is not None:
                    out.add(pm.cluster)
    return out


def _binder(people: dict[int, PersonMention], tok: Token) -> set[int]:
    """The people a possessive, reflexive or embedded subject pronoun is bound to by the parse: the subject of its
    own clause ("X paid her respects"), or of the clause that reports it ("X said she would go")."""
    if not (tok.dep_ in SUBJECT_DEPS or tok.lower_ in REFLEXIVE or tok.dep_ == "poss"):
        return set()  # a plain object pronoun is never its own clause's subject ("X told him")
    verb = _clause_verb(tok)
    if verb is None:
        return set()
    if tok.dep_ not in SUBJECT_DEPS:
        own = _subject_clusters(people, verb)
        if own:
            return own
    v = verb
    for _ in range(2):
        if v.dep_ not in SPEECH_CLAUSE_DEPS or v.head.i == v.i:
            break
        v = v.head
        up = _subject_clusters(people, v)
        if up:
            return up
    return set()


def infer_genders(res: ArticleResolver, clusters: list[Cluster], mentions: list[PersonMention]) -> None:
    """Sets `Cluster.gender` ("m", "f" or None) from the article's own words (see the module's docstring)."""
    if not mentions:
        return
    doc = res.doc
    people = {i: pm for pm in mentions for i in range(pm.tok_start, pm.tok_end)}
    stated: dict[int, Counter[str]] = {}
    for pm in mentions:
        g = _stated(res, pm)
        if g:
            stated.setdefault(pm.cluster, Counter())[g] += 1
    votes: dict[int, Counter[str]] = {}
    by_sent: dict[int, set[int]] = {}
    for pm in mentions:
        by_sent.setdefault(pm.sent, set()).add(pm.cluster)
    for tok in doc:
        g = pronoun_gender(tok.text)
        if g is None:
            continue
        if tok.i in people:
            continue
        sent = res._tok_sent[tok.i]
        before_in_sent = {pm.cluster for pm in mentions if pm.sent == sent and pm.tok_end <= tok.i}
        bound = _binder(people, tok)
        if len(bound) == 1 and before_in_sent == bound:
            # no one else named before it in the sentence ("X thanked Y for her support" is not X's "her")
            votes.setdefault(next(iter(bound)), Counter())[g] += 2
            continue
        if tok.dep_ in OBJECT_DEPS and tok.lower_ not in REFLEXIVE:
            verb = _clause_verb(tok)
            subj = _subject_clusters(people, verb) if verb is not None else set()
            if subj:
                # "X told him": not X; the one other person of the sentence and the one before it
                near = (before_in_sent | by_sent.get(sent - 1, set())) - subj
                if len(near) == 1:
                    votes.setdefault(next(iter(near)), Counter())[g] += 2
    for ci, cl in enumerate(clusters):
        if cl.gender is not None:
            continue
        s = stated.get(ci)
        if s and len(s) == 1:
            cl.gender = next(iter(s))
            continue
        v = votes.get(ci)
        if v and v["m"] != v["f"]:
            cl.gender = "m" if v["m"] > v["f"] else "f"
