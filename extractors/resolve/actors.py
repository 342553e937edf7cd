"""What a span of an article is: a named person, a pronoun's antecedent, a title's holder, an unnamed official
or body, or a country (`Actor`), read from what `ArticleResolver` found in the article. Functions of the resolver;
`ArticleResolver.actor` is the entry point."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.resolve.data import has_office, key_of
from extractors.resolve.people import SUBJECT_DEPS
from extractors.resolve.vocab import (
    BODY_NOUNS,
    DEFINITE,
    DESCRIPTION_WORDS,
    IGO_NOUNS,
    MAX_BACK_SENTENCES,
    OFFICIAL_NOUNS,
    PRONOUN_FEMALE,
    PRONOUN_MALE,
    PRONOUN_PLURAL,
    PRONOUNS,
    ROLE_LINKS,
    ROYAL_WORDS,
)

OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "obj", "pobj"})

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from extractors.resolve.people import PersonMention
    from extractors.resolve.resolver import ArticleResolver
    from extractors.resolve.unnamed import Unnamed


@dataclass(frozen=True, slots=True)
class Actor:
    name: str | None  # fullest name in the article, the description of an unnamed speaker, or a body's name
    country: str | None  # ISO3 or IGO:XX, None when nothing in the text says
    role: str | None  # normalised role: "Foreign Minister", "President", "spokesperson", ...
    kind: str  # person | official | body | country | group | unknown
    start: int  # character offsets of the mention that was resolved
    end: int
    # how a person's country was decided: title | coordination | description | role | snapshot | context | home |
    # phrase (None for non-persons). "title" and "role" are the confident ones a people snapshot should learn from.
    source: str | None = None


def _office_head(head: Token) -> Token:
    """"Minister" for the head "designate"/"elect" of "the Prime Minister-designate" (the office is the noun)."""
    doc = head.doc
    if head.lower_ in ("designate", "elect") and head.i >= 2 and doc[head.i - 1].text == "-":
        return doc[head.i - 2]
    return head


def person_actor(res: ArticleResolver, pm: PersonMention) -> Actor:
    cl = res.clusters[pm.cluster]
    return Actor(cl.name, cl.country, cl.role, "person", pm.start, pm.end, cl.country_source)


def actor_of(res: ArticleResolver, span: Span) -> Actor:
    """Who a span is: the work of `ArticleResolver.actor` (which documents the answers), readers in order."""
    s, e = span.start_char, span.end_char
    named = _named_person(res, span)
    if named is not None:
        return named
    toks = [t for t in span if not t.is_punct]
    if not toks:
        return Actor(span.text, None, None, "unknown", s, e)
    by_form = _by_form(res, span, toks)
    if by_form is not None:
        return by_form
    if len(toks) == 1 and toks[0].pos_ in ("NOUN", "PROPN") and not res.mentions_between(s, e):
        span = _widen(res, toks[0])
        for c in toks[0].children:
            pm = res.token_person.get(c.i)
            if c.dep_ == "poss" and pm is not None and toks[0].lower_ not in BODY_NOUNS | OFFICIAL_NOUNS:
                return _dependant(res, pm, toks[0], span)  # "deputy" in "Lavrov's deputy"
    head = span.root if span.root is not None else toks[-1]
    head = _office_head(head)
    head_low = head.lower_
    counterpart = _host_counterpart(res, span, head)
    if counterpart is not None:
        return counterpart
    if head_low in res.ref.role_words or head_low in res.ref.nongov_words:
        holder_after = _holder_after_title(res, span)
        if holder_after is not None:
            return holder_after
    described = _described(res, span, head, head_low)
    if described is not None:
        return described
    return _by_country_words(res, span)


def _host_counterpart(res: ArticleResolver, span: Span, head: Token) -> Actor | None:
    """"my counterpart" (or "my counterpart, the Principal Secretary ...") said by an official a header gives with
    their bureau: the host's official, where the briefing was given; never the speaker's state or the topic's."""
    host = res.counterpart_host
    if host is None or res.mentions_between(span.start_char, span.end_char):
        return None
    noun = head
    if noun.lower_ not in ("counterpart", "counterparts") and noun.dep_ == "appos" \
            and noun.head.lower_ in ("counterpart", "counterparts"):
        noun = noun.head  # the office set off after "my counterpart,"
    if noun.lower_ not in ("counterpart", "counterparts"):
        return None
    if any(c.dep_ == "poss" and c.i in res.token_person for c in noun.children):
        return None  # "Kritenbrink's counterpart": read as the owner's dependant
    return Actor(span.text, host, res.role_of_text(span.text) or "counterpart", "official", span.start_char,
                 span.end_char)


def _named_person(res: ArticleResolver, span: Span) -> Actor | None:
    """A person named in the span; "Lavrov's deputy" (the name owns the head noun) is someone else."""
    s, e = span.start_char, span.end_char
    root = span.root if len(span) else None
    body_head = root is not None and (root.lower_ in BODY_NOUNS or root.lower_ in OFFICIAL_NOUNS)
    for t in span:
        pm = res.token_person.get(t.i)
        if pm is not None and pm.start < e and s < pm.end and not (
                body_head and not (pm.start <= root.idx < pm.end)):
            if root is not None and root.pos_ == "NOUN" and not (pm.start <= root.idx < pm.end) and any(
                    c.dep_ == "poss" and pm.tok_start <= c.i < pm.tok_end for c in root.children):
                return _dependant(res, pm, root, span)
            return person_actor(res, pm)
    return None


def _by_form(res: ArticleResolver, span: Span, toks: list[Token]) -> Actor | None:
    """A part of a person's title, a pronoun, or a relative pronoun standing for the noun it hangs on."""
    s, e = span.start_char, span.end_char
    holder = _title_holder(res, toks)
    if holder is not None:
        a = person_actor(res, holder)
        return Actor(a.name, a.country, a.role, "person", s, e, a.source)
    if len(toks) == 1 and toks[0].lower_ in PRONOUNS:
        return pronoun_actor(res, toks[0])
    if len(toks) == 1 and toks[0].lower_ in ("who", "whom", "which", "that") and toks[0].head.dep_ == "relcl":
        # "..., Rice, who said ...": the noun the relative clause hangs on
        ante = toks[0].head.head
        if ante.i != toks[0].i and ante.i < toks[0].i:
            a = actor_of(res, res.doc[ante.i : ante.i + 1])
            return Actor(a.name, a.country, a.role, a.kind, s, e, a.source)
    return None


def _holder_after_title(res: ArticleResolver, span: Span) -> Actor | None:
    """ "History professor Lena Orr", "the director, Pavel Brun": the title's holder, named right after."""
    j = span.end + 1 if span.end < len(res.doc) and res.doc[span.end].text == "," else span.end
    limit = min(len(res.doc), j + 6)
    while j < limit:
        pm = res.token_person.get(j)
        if pm is not None:
            comma = j > span.end and res.doc[span.end].text == ","
            if comma and res.doc[pm.tok_end - 1].dep_ in ("nsubj", "nsubjpass"):
                break  # "According to a spokesperson, Scholz told Putin ...": the next clause's subject
            if pm.tok_start == j and pm.sent == res._sent_of(span.start_char):
                return person_actor(res, pm)
            break
        t = res.doc[j]
        if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "PRON"):
            break
        j += 1  # "Former spokesman and current adviser X"
    return None


def _described(res: ArticleResolver, span: Span, head: Token, head_low: str) -> Actor | None:
    """A description that points at someone or something: "the bloc", "the minister", an unnamed official or
    body the article introduced, or an office that is one state's ("the Foreign Secretary")."""
    s, e = span.start_char, span.end_char
    first = span[0].lower_
    if head_low in IGO_NOUNS and first in ("the", "this") and not res.mentions_between(s, e):
        igo = _recent_igo(res, s)
        if igo is not None:  # "the bloc said" after "the European Union": the organisation itself
            return Actor(span.text, igo, None, "body", s, e)
    if (head_low in ROLE_LINKS or head_low in DESCRIPTION_WORDS) and first in DEFINITE:
        linked = _role_link(res, span, head_low)
        if linked is not None:
            return linked
    for u in res._unnamed:
        if u.start <= s and e <= u.end or (s <= u.start and u.end <= e):
            if u.kind in ("official", "group", "body") and u.name:
                return _unnamed_actor(u, s, e)
    if first in DEFINITE and head_low in DESCRIPTION_WORDS and not res.mentions_between(s, e):
        earlier = _earlier_office_state(res, s, head_low)
        if earlier is not None:  # "The Chinese premier met ... The premier said": the office told before
            return Actor(span.text, earlier, res.role_of_text(span.text), "official", s, e)
    if first in DEFINITE and head_low in DESCRIPTION_WORDS:
        # "The Foreign Secretary met ...", with no named holder: the office itself, when it is one state's
        role = res.role_of_text(span.text)
        default = res.default_country_of_role(role)
        if default:
            return Actor(span.text, default, role, "official", s, e)
        if res.home and head.text[:1].isupper() and not res.mentions_between(s, e) and has_office(
                res.ref, res.home, role) and not (
                head.i + 1 < len(res.doc) and res.doc[head.i + 1].lower_ == "of"):
            # "The President spoke today with ..." on a government site or in a national outlet: its own
            return Actor(span.text, res.home, role, "official", s, e)
    return None


def _earlier_office_state(res: ArticleResolver, before: int, head_low: str) -> str | None:
    """The one state whose office of this head noun the article named before ("the Chinese premier", "Japan's
    top diplomat"): a state's word followed within three words by the head. None when several states' offices of
    that name came before ("the Chinese premier met the Japanese premier")."""
    doc = res.doc
    states: set[str] = set()
    for m in res.mentions:
        if m.start >= before:
            break
        if not m.code or m.code.startswith("IGO:") or m.kind not in ("demonym", "name") or m.locative:
            continue
        sp = doc.char_span(m.start, m.end, alignment_mode="expand")
        if sp is None:
            continue
        k = sp.end + (1 if sp.end < len(doc) and doc[sp.end].text in ("'s", "’s") else 0)
        for t in doc[k : min(len(doc), k + 3)]:
            if t.lower_ == head_low:
                if t.idx < before:
                    states.add(m.code)
                break
            if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "DET"):
                break
    return states.pop() if len(states) == 1 else None


def _by_country_words(res: ArticleResolver, span: Span) -> Actor:
    """What is left: a country ("Japan said"), a seat or IGO, a phrase with a country word, or nothing known."""
    s, e = span.start_char, span.end_char
    low_words = set(key_of(span.text))
    if low_words & res.ref.media_roles:
        return Actor(span.text, None, None, "unknown", s, e)
    ms = [m for m in res.mentions_between(s, e) if m.code]
    if ms and all(m.end - m.start >= len(span.text.strip()) - 4 for m in ms[:1]):
        m = ms[0]
        kind = "body" if m.kind in ("seat", "igo") else "country"
        return Actor(span.text, m.code, None, kind, s, e)
    if ms:
        return Actor(span.text, ms[0].code, res.role_of_text(span.text), "unknown", s, e)
    return Actor(span.text, None, res.role_of_text(span.text), "unknown", s, e)


def _dependant(res: ArticleResolver, pm: PersonMention, head: Token, span: Span) -> Actor:
    """"Lavrov's deputy", "Putin's spokesman": someone else, of the owner's state when the head is an office
    ("Navalny's lawyer" gets none)."""
    cl = res.clusters[pm.cluster]
    low = head.lower_
    role = res.role_of_text(head.text) or (low if low in ("deputy",) else None)
    official = low in OFFICIAL_NOUNS or low in res.ref.role_words or low in ("deputy", "aide", "aides")
    return Actor(span.text, cl.country if official else None, role, "official" if official else "unknown",
                 span.start_char, span.end_char)


def _title_holder(res: ArticleResolver, toks: list[Token]) -> PersonMention | None:
    """The person whose title a modifier span belongs to: "Trade" in "Deputy Trade Minister Ken Osei",
    "developer" in "software developer Maria Berg". Country words and determiners answer for themselves."""
    pms = {id(res.token_title.get(t.i)) for t in toks}
    if len(pms) == 1 and toks[0].i in res.token_title:
        if not any(t.i in res.token_mention or t.lower_ in DEFINITE or t.pos_ == "DET" for t in toks):
            return res.token_title[toks[0].i]
        return None
    last = toks[-1]
    for _ in range(4):  # "open-source" -> "software" -> "developer": up to the noun before the name
        if last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i and last.head.pos_ in ("NOUN", "ADJ"):
            last = last.head
        else:
            break
    nxt = last.i + 1
    pm = res.token_person.get(nxt) if nxt < len(res.doc) else None
    if pm is None or pm.tok_start != nxt or last.pos_ != "NOUN" or last.i in res.token_mention:
        return None
    name_head = res.doc[pm.tok_end - 1]
    if (last.dep_ == "compound" and pm.tok_start <= last.head.i < pm.tok_end) or (
            name_head.dep_ == "appos" and name_head.head.i == last.i):
        return pm
    return None


def _widen(res: ArticleResolver, tok: Token) -> Span:
    """A head noun widened to its pre-modifiers ("official" -> "a Foreign Ministry official")."""
    left = tok.left_edge.i
    sent_start = res.sent_of_token(tok.i).start
    left = max(left, sent_start)
    while left < tok.i and res.doc[left].is_punct:
        left += 1
    return res.doc[left : tok.i + 1]


def _unnamed_actor(u: Unnamed, s: int, e: int) -> Actor:
    return Actor(u.name, u.country, u.role, u.kind, s, e)


def recent_person(res: ArticleResolver, before: int, gender: str | None, exclude: frozenset[int] = frozenset()
                  ) -> PersonMention | None:
    """The person a pronoun at `before` most likely stands for: of a compatible gender, not one of the `exclude`
    clusters, the nearest subject in its sentence, else the latest subject of the sentences before."""
    sent = res._sent_of(before)
    cands = [pm for pm in res.person_mentions if pm.end <= before and sent - pm.sent <= MAX_BACK_SENTENCES
             and pm.cluster not in exclude]
    if gender:
        cands = [pm for pm in cands if res.clusters[pm.cluster].gender in (None, gender)]
    if gender == "f":
        # most people in the news carry no gender mark; a known woman nearby is the better "she"
        known = [pm for pm in cands if res.clusters[pm.cluster].gender == "f"]
        cands = known or cands
    if not cands:
        return None
    # Same sentence: the nearest subject, else the nearest mention. Earlier sentences: the latest subject.
    same = [pm for pm in cands if pm.sent == sent]
    subj_same = [pm for pm in same if pm.is_subject]
    if subj_same:
        return subj_same[-1]
    for back in range(1, MAX_BACK_SENTENCES + 1):
        in_sent = [pm for pm in cands if pm.sent == sent - back]
        subj = [pm for pm in in_sent if pm.is_subject]
        if subj:
            return subj[0]
        if in_sent and not same:
            return in_sent[0]
    if same:
        return same[-1]
    return cands[-1]


def pronoun_actor(res: ArticleResolver, tok: Token) -> Actor:
    low = tok.lower_
    s, e = tok.idx, tok.idx + len(tok.text)
    if low in PRONOUN_MALE or low in PRONOUN_FEMALE:
        pm = recent_person(res, s, "m" if low in PRONOUN_MALE else "f", _own_subjects(res, tok))
        if pm is not None:
            a = person_actor(res, pm)
            return Actor(a.name, a.country, a.role, "person", s, e, a.source)
        return Actor(None, None, None, "unknown", s, e)
    sent = res._sent_of(s)
    wanted = ("group",) if low in PRONOUN_PLURAL else ("body", "country")
    for u in reversed(res._unnamed):
        if u.end <= s and sent - u.sent <= 2 and u.kind in wanted:
            return Actor(u.name, u.country, u.role, u.kind, s, e)
    return Actor(None, None, None, "unknown", s, e)


def _own_subjects(res: ArticleResolver, tok: Token) -> frozenset[int]:
    """For an object pronoun ("X told him", "X met her"), the people who are its own clause's subject: a plain
    pronoun there never stands for them (a reflexive would)."""
    if tok.dep_ not in OBJECT_DEPS or tok.lower_ in ("himself", "herself"):
        return frozenset()
    v = tok.head
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
            break
        v = v.head
    out: set[int] = set()
    for c in v.children:
        if c.dep_ in SUBJECT_DEPS:
            for x in c.subtree:
                pm = res.token_person.get(x.i)
                if pm is not None:
                    out.add(pm.cluster)
    return frozenset(out)


def _role_link(res: ArticleResolver, span: Span, head_low: str) -> Actor | None:
    ci = role_link_cluster(res, span, head_low)
    if ci is None:
        return None
    cl = res.clusters[ci]
    return Actor(cl.name, cl.country, cl.role, "person", span.start_char, span.end_char, cl.country_source)


def role_link_cluster(res: ArticleResolver, span: Span, head_low: str) -> int | None:
    """Index of the latest person before a definite description ("the minister", "the Japanese diplomat")
    whose role (and country, when the description names one) fits it, within six sentences."""
    s, e = span.start_char, span.end_char
    want_roles = ROLE_LINKS.get(head_low, (head_low,))
    countries = {m.code for m in res.mentions_between(s, e) if m.code}
    if span.end + 1 < len(res.doc) and res.doc[span.end].lower_ == "of":
        # "the President of Russia": the country after the title counts too
        m = res.token_mention.get(span.end + 1) or res.token_mention.get(span.end + 2)
        if m is not None and m.code:
            countries.add(m.code)
    text_role = res.role_of_text(span.text)
    # "the External Affairs Minister" after "Guyana's Foreign Minister X": an office only one state has is no
    # other state's minister, though the head noun fits (the holder of that very title still links)
    own_state = res.default_country_of_role(text_role) if not countries else None
    sent = res._sent_of(s)
    for pm in reversed(res.person_mentions):
        if pm.end > s or sent - pm.sent > 6:
            continue
        cl = res.clusters[pm.cluster]
        role = (cl.role or "").lower()
        if not role:
            continue
        if countries and cl.country not in countries:
            continue
        if text_role and text_role.lower() != "minister" and text_role.lower() in role:
            return pm.cluster
        if any(w in role for w in want_roles) and not _other_state(cl.country, own_state):
            return pm.cluster
    for pm in reversed(res.person_mentions):
        # "Foreign Minister Prince Faisal ... The prince said": a form of address the name was given
        if pm.end <= s and sent - pm.sent <= 6 and head_low in _title_words(res, pm.cluster) and (
                not countries or res.clusters[pm.cluster].country in countries) \
                and not _other_state(res.clusters[pm.cluster].country, own_state):
            return pm.cluster
    if head_low in ROYAL_WORDS:
        return None  # a prince is never just the latest untitled person
    if countries and head_low in ("president", "leader", "premier", "chancellor", "king", "emir"):
        # "Chinese leader Xi ... The Chinese president": the one person of that state with a generic role
        generic = list(dict.fromkeys(
            pm.cluster for pm in res.person_mentions
            if pm.end <= s and sent - pm.sent <= 6 and res.clusters[pm.cluster].country in countries
            and (res.clusters[pm.cluster].role or "leader").lower() in ("leader", "counterpart", "head of state")))
        if len(generic) == 1:
            return generic[0]
    # "Mr X and Ms Y (a chancellor) discussed ... The President said": the latest untitled person, when the other
    # people around have roles of their own
    for pm in reversed(res.person_mentions):
        if pm.end > s or sent - pm.sent > 2:
            continue
        cl = res.clusters[pm.cluster]
        if cl.role is None and not cl.nongov and not cl.media and (not countries or cl.country in countries) \
                and not _other_state(cl.country, own_state):
            return pm.cluster
    return None


def _other_state(country: str | None, own_state: str | None) -> bool:
    """Whether a person's known state differs from the one state whose office a description names."""
    return own_state is not None and country is not None and country != own_state


def _recent_igo(res: ArticleResolver, before: int) -> str | None:
    """The international organisation named last before `before`, within three sentences."""
    sent = res._sent_of(before)
    for m, ms in zip(reversed(res.mentions), reversed(res._mention_sents), strict=True):
        if m.end <= before and sent - ms <= MAX_BACK_SENTENCES and m.code and m.code.startswith("IGO:") \
                and m.kind == "igo":
            return m.code
    return None


def _title_words(res: ArticleResolver, ci: int) -> set[str]:
    """Lower-case words of every title the article puts before this person's name (built once)."""
    if res._title_words_cache is None:
        cache: dict[int, set[str]] = {}
        for pm in res.person_mentions:
            if pm.title_start >= 0:
                words_ = cache.setdefault(pm.cluster, set())
                words_.update(t.lower_ for t in res.doc[pm.title_start : pm.tok_start])
        res._title_words_cache = cache
    return res._title_words_cache.get(ci, set())
