"""People of one article: their mentions, clustered by name, each cluster with a country and a role.

A person's country comes, in this order, from: the words around a mention ("Russian Foreign Minister X",
"X, Japan's foreign minister", "his Japanese counterpart, X", "Federal Chancellor of Germany X"); a shared
coordination ("Russian counterparts X and Y"); a role that exists in one government only ("Secretary of State");
the people snapshot (trusted only when recent, never against the text); and, for people holding a government
office, the context (the one state in their sentence that is not their counterparts', else the article's leading
state once counterparts are set aside). Media people get no country; non-government people only explicit ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from extractors.resolve_data import key_of

if TYPE_CHECKING:
    from extractors.resolve import ArticleResolver

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "dame", "mister"})
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "madam", "dame"})
# Capitalised title words that may precede a name ("Secretary Rice", "Director Wang", "Undersecretary Shannon").
TITLE_TRIGGERS = frozenset(
    "minister secretary president ambassador undersecretary chancellor premier envoy director spokesperson spokesman "
    "spokeswoman senator general governor king queen emperor prince princess sheikh emir sultan mayor chairman "
    "vice deputy taoiseach tánaiste tanaiste leader chief".split()
)
# Lower-case words allowed inside a title before a name ("the Russian foreign minister Sergey Lavrov").
TITLE_FILLERS = frozenset(
    "of for the foreign defense defence prime state affairs federal deputy vice senior former acting top new "
    "interim incoming outgoing special first chief national security general assistant under external economic "
    "trade finance home interior justice energy culture agriculture education health foreign-affairs ’s 's "
    "counterpart counterparts designate - central office department republic cabinet party communist to".split()
)
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "du", "der", "la", "le", "abu"})
PLURAL_MARKERS = frozenset({"counterparts", "ministers", "leaders", "officials", "envoys", "presidents"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
MAX_TITLE_TOKENS = 12
GOV_EXCLUDE = frozenset({"counterpart", "leader", "chairman", "chairwoman", "chair", "lawmaker", "official"})


@dataclass(slots=True)
class PersonMention:
    start: int  # character offsets of the name (without titles)
    end: int
    tok_start: int
    tok_end: int
    sent: int
    tokens: tuple[str, ...]
    is_subject: bool
    cluster: int = -1
    title_country: str | None = None  # from the words around this mention
    title_role: str | None = None
    counterpart: bool = False
    plural_title: bool = False
    nongov: bool = False
    media: bool = False
    female: bool | None = None
    title_start: int = -1  # token index where the title before the name starts (-1: none)
    group: int = -1  # index of the coordination ("X and Y") the mention belongs to, -1 when alone
    appos_end: int = -1  # token index where an apposition after the name ends (-1: none)


@dataclass(slots=True)
class Cluster:
    tokens: tuple[str, ...]
    first_start: int
    first_end: int
    mentions: list[int] = field(default_factory=list)
    country: str | None = None
    country_source: str | None = None  # title | coordination | role | snapshot | context
    role: str | None = None
    role_rank: int = 0
    gender: str | None = None  # "m" | "f" | None
    nongov: bool = False
    media: bool = False

    @property
    def name(self) -> str:
        return " ".join(self.tokens)


def _is_name_token(t: Token) -> bool:
    txt = t.text
    if not txt[:1].isalpha():
        return txt in ("-",)
    return txt[:1].isupper() or txt.lower() in NAME_PARTICLES or txt.lower().startswith(("al-", "el-"))


def _hyphen_joined(t: Token) -> bool:
    """The lower-case tail of a hyphenated name ("Jae-in", "Kyung-wha")."""
    return t.i >= 2 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_ and not t.doc[t.i - 2].whitespace_


def _clean_name(res: ArticleResolver, toks: list[Token]) -> list[Token]:
    """Strips honorifics, titles, country words and possessives around a name."""
    ref = res.ref
    while toks and (
        toks[0].text.lower().rstrip(".") in HONORIFICS
        or toks[0].lower_ in TITLE_TRIGGERS
        or toks[0].lower_ in TITLE_FILLERS
        or toks[0].lower_ in ref.role_words
        or toks[0].lower_ in ref.nongov_words
        or (toks[0].lower_,) in ref.gazetteer
        or not toks[0].text[:1].isalpha()
    ):
        toks = toks[1:]
    while toks and (toks[-1].text in ("'s", "’s", "'", "’") or toks[-1].is_punct or (
            not _is_name_token(toks[-1]) and not _hyphen_joined(toks[-1]))):
        toks = toks[:-1]
    return toks


def _name_spans(res: ArticleResolver) -> list[tuple[int, int]]:
    """Token ranges of person names: spaCy PERSON entities plus capitalised words after a title or honorific."""
    doc = res.doc
    ref = res.ref
    spans: list[tuple[int, int]] = []
    taken = set()
    country_chars = [(m.start, m.end) for m in res.mentions]

    def is_country_tok(t: Token) -> bool:
        return any(s <= t.idx < e for s, e in country_chars)

    def extendable(t: Token) -> bool:
        if t.ent_type_ not in ("", "PERSON"):
            return False
        return (t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in TITLE_TRIGGERS
                and t.lower_ not in ref.role_words and t.text.lower().rstrip(".") not in HONORIFICS
                and not is_country_tok(t)) or (t.text == "-" and t.whitespace_ == "") or _hyphen_joined(t)

    for ent in res.ents:
        if ent.label_ != "PERSON":
            continue
        a, b = ent.start, ent.end
        sent = res.sent_of_token(ent.start)
        while a - 1 >= sent.start and extendable(doc[a - 1]) and b - a < 6:
            a -= 1
        while b < sent.end and extendable(doc[b]) and b - a < 6:
            b += 1
        toks = _clean_name(res, list(doc[a:b]))
        if not toks or all(is_country_tok(t) for t in toks):
            continue
        if " ".join(t.lower_ for t in toks) in ref.places and len(toks) == 1 and is_country_tok(toks[0]):
            continue
        spans.append((toks[0].i, toks[-1].i + 1))
        taken.update(range(toks[0].i, toks[-1].i + 1))
    n = len(doc)
    for t in doc:
        low = t.text.lower().rstrip(".")
        if not (low in HONORIFICS or (t.lower_ in TITLE_TRIGGERS and t.text[:1].isupper())):
            continue
        j = t.i + 1
        # skip further title words ("Deputy Foreign Minister Ryabkov")
        while j < n and doc[j].text[:1].isupper() and (
            doc[j].lower_ in TITLE_TRIGGERS or doc[j].lower_ in ref.role_words
            or doc[j].lower_ in ("foreign", "prime", "defense", "defence")
        ):
            j += 1
        if j < n and doc[j].lower_ == "of":
            # "President of the French Republic Francois Hollande", "Federal Chancellor of Germany Angela Merkel"
            k = j + 1
            if k < n and doc[k].lower_ == "the":
                k += 1
            m_end = next((e for s_, e in country_chars if s_ == doc[k].idx), None) if k < n else None
            if m_end is None:
                continue
            while k < n and doc[k].idx < m_end:
                k += 1
            j = k
        k = j
        while (k < n and k - j < 4 and doc[k].pos_ == "PROPN" and doc[k].lower_ not in TITLE_FILLERS
               and doc[k].text[:1].isupper() and not is_country_tok(doc[k])
               and doc[k].lower_ not in ref.role_words and doc[k].i not in taken):
            k += 1
        if k > j:
            spans.append((j, k))
            taken.update(range(j, k))
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


def _title_tokens_left(res: ArticleResolver, s: int) -> tuple[int, int]:
    """Token range [a, s) of the title directly before a name, possibly across a comma after a role noun
    ("his Japanese counterpart, X")."""
    doc = res.doc
    ref = res.ref
    sent_start = res.sent_of_token(s).start
    j = s - 1
    if j >= sent_start and doc[j].text == "," and j - 1 >= sent_start:
        # "his Japanese counterpart, X" / "the leader of the Democratic Party of Japan, X": an NP holding a role
        k = j - 1
        while k >= sent_start and j - k < MAX_TITLE_TOKENS and not doc[k].is_punct and doc[k].pos_ not in (
                "VERB", "AUX") and doc[k].lower_ not in ("who", "which", "that"):
            k -= 1
        np = doc[k + 1 : j]
        if len(np) and (np[-1].lower_ in ref.role_words or np[-1].lower_ in PLURAL_MARKERS
                        or np[-1].lower_ in ("delegation", "team", "side") or res.role_of_text(np.text)):
            return k + 1, s
    a = j + 1
    count = 0
    while j >= sent_start and count < MAX_TITLE_TOKENS:
        t = doc[j]
        low = t.lower_
        in_country = any(m.start <= t.idx < m.end for m in res.mentions)
        ok = (
            in_country
            or low in ref.role_words
            or low in TITLE_FILLERS
            or low in TITLE_TRIGGERS
            or low in ref.nongov_words
            or low in PLURAL_MARKERS
            or (t.pos_ == "PROPN" and t.text[:1].isupper())
            or low in ("delegation", "team", "side")
        )
        if not ok:
            break
        if low in ("the", "a", "an") and not (j - 1 >= sent_start and doc[j - 1].lower_ in ("of", "for", "to")):
            a = j
            break
        a = j
        j -= 1
        count += 1
    # do not swallow another person's name that sits before this title
    return a, s if a < s else s


def _right_apposition(doc_len: int, res: ArticleResolver, e: int) -> tuple[int, int]:
    """Token range of an apposition after a name (", Japan's foreign minister," / "of the Heritage Foundation")."""
    doc = res.doc
    if e >= doc_len:
        return e, e
    sent_end = res.sent_of_token(e - 1).end
    j = e
    if doc[j].text == ",":
        j += 1
    elif doc[j].lower_ not in ("of", "at"):
        return e, e
    a = j
    while j < sent_end and j - a < 14:
        t = doc[j]
        if t.text in (",", ".", ";", ":", ")", "(", "—", "–") or t.pos_ in ("VERB", "AUX") or t.is_quote:
            break
        if t.lower_ in ("who", "which", "that", "whose"):
            break
        j += 1
    return a, j


def _as_title(res: ArticleResolver, pm: PersonMention, other_names: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A title given with "as" later in the sentence: "X is in Tokyo on her first trip as U.S. Secretary of
    State", "congratulate him on his appointment as the Iraqi Prime Minister-designate"."""
    doc = res.doc
    sent_end = res.sent_of_token(pm.tok_start).end
    for j in range(pm.tok_end, min(sent_end, pm.tok_end + 25)):
        if any(ns == j for ns, _ in other_names):
            return None
        if doc[j].lower_ == "as" and j + 1 < sent_end:
            k = j + 1
            while k < sent_end and k - j < 9 and not doc[k].is_punct and doc[k].pos_ not in ("VERB", "AUX", "ADP") \
                    or (k < sent_end and doc[k].lower_ == "of" and k - j < 9):
                k += 1
            if k > j + 1 and res.role_of_text(doc[j + 1 : k].text):
                return j + 1, k
            return None
    return None


def _evidence(res: ArticleResolver, pm: PersonMention, other_names: list[tuple[int, int]]) -> None:
    doc = res.doc
    ref = res.ref
    a, s = _title_tokens_left(res, pm.tok_start)
    # a title never extends over another person's name
    for _ns, ne in other_names:
        if a < ne <= s:
            a = ne
    ranges = []
    if a < s:
        pm.title_start = a
        ranges.append((a, s))
    ra, rb = _right_apposition(len(doc), res, pm.tok_end)
    if ra < rb:
        ranges.append((ra, rb))
        pm.appos_end = rb
    asr = _as_title(res, pm, other_names)
    if asr is not None:
        ranges.append(asr)
    for lo, hi in ranges:
        if lo >= hi:
            continue
        sp = doc[lo:hi]
        words_low = {t.lower_ for t in sp}
        if pm.title_role is None:
            role = res.role_of_text(sp.text)
            if role:
                pm.title_role = role
        if words_low & {"counterpart", "counterparts"}:
            pm.counterpart = True
        if words_low & PLURAL_MARKERS:
            pm.plural_title = True
        key = " " + " ".join(key_of(sp.text)) + " "
        if any(f" {w} " in key for w in ref.media_roles):
            pm.media = True
        if any(f" {r} " in key for r in ref.nongov_roles):
            pm.nongov = True
        if pm.title_country is None:
            for m in res.mentions_between(sp.start_char, sp.end_char):
                if m.kind == "media":
                    pm.media = True
                    break
                if m.prep == "to":
                    continue  # "Ambassador to Afghanistan": the posting, not the person's state
                if m.code and not m.code.startswith("IGO:") and not (m.kind == "capital" and m.locative) \
                        and m.kind != "city":
                    pm.title_country = m.code
                    break
                if m.code and m.code.startswith("IGO:") and lo < pm.tok_start:
                    pm.title_country = m.code
                    break
        # "Putin's adviser X": the possessor person's country (resolved later through the cluster)
    for t in doc[max(pm.tok_start - 3, 0) : pm.tok_start]:
        if t.text.lower().rstrip(".") in HONORIFICS:
            pm.female = t.text.lower().rstrip(".") in FEMALE_HONORIFICS


def _norm(word: str) -> str:
    w = word.lower()
    for p in ("al-", "el-", "ad-", "as-", "ar-"):
        if w.startswith(p) and len(w) > len(p) + 2:
            return w[len(p) :]
    return w


def _ctoks(cl: Cluster) -> tuple[str, ...]:
    return tuple(_norm(t) for t in cl.tokens)


def _match_cluster(clusters: list[Cluster], toks: tuple[str, ...], order: list[int]) -> int:
    low = tuple(_norm(t) for t in toks)
    if len(low) > 1:
        for ci in order:
            cl = clusters[ci]
            ct = _ctoks(cl)
            if ct == low:
                return ci
        for ci in order:
            cl = clusters[ci]
            ct = _ctoks(cl)
            if ct[-1] == low[-1] and (len(ct) == 1 or ct[0] == low[0] or ct[0][:1] == low[0][:1]):
                return ci
            if len(ct) == 1 and ct[0] == low[0] and len(low) >= 2 and not _surname_ok(low[-1]):
                return ci
        for ci in order:
            ct = _ctoks(clusters[ci])
            if len(ct) > 1 and ct[0] == low[0] and _close(ct[-1], low[-1]):
                return ci
        return -1
    w = low[0]
    for ci in order:
        if _ctoks(clusters[ci])[-1] == w:
            return ci
    for ci in order:
        ct = _ctoks(clusters[ci])
        if len(ct) > 1 and ct[0] == w:
            return ci
    for ci in order:
        ct = _ctoks(clusters[ci])
        if len(w) >= 6 and _close(ct[-1], w):
            return ci
    return -1


def _surname_ok(w: str) -> bool:
    return len(w) > 1


def _close(a: str, b: str) -> bool:
    """Edit distance at most 1 for long words (a typo or transliteration: "Ahmedinejad" / "Ahmadinejad")."""
    if a == b:
        return True
    if len(a) < 6 or len(b) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _role_rank(role: str | None) -> int:
    if not role:
        return 0
    low = role.lower()
    if low in GOV_EXCLUDE:
        return 1
    if low in ("minister", "secretary", "director", "official", "diplomat", "adviser", "advisor", "aide"):
        return 2
    return 3 + len(low.split())


def find_people(res: ArticleResolver) -> tuple[list[Cluster], list[PersonMention]]:
    doc = res.doc
    spans = _name_spans(res)
    mentions: list[PersonMention] = []
    for s, e in spans:
        toks = [t for t in doc[s:e]]
        pm = PersonMention(
            start=toks[0].idx,
            end=toks[-1].idx + len(toks[-1].text),
            tok_start=s,
            tok_end=e,
            sent=res._sent_of(toks[0].idx),
            tokens=tuple(res.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)].split()),
            is_subject=any(t.dep_ in SUBJECT_DEPS for t in toks) or any(
                t.dep_ in ("compound", "appos", "conj") and t.head.dep_ in SUBJECT_DEPS for t in toks
            ),
        )
        mentions.append(pm)
    # Surnames seen once are names everywhere ("Kishida said" where spaCy missed the entity).
    known = {_norm(pm.tokens[-1]) for pm in mentions if pm.tokens} | {
        _norm(pm.tokens[0]) for pm in mentions if len(pm.tokens) > 1
    }
    snap = res.snapshot if isinstance(res.snapshot, dict) else None
    if snap:
        known |= set(snap.get("_by_surname", {}))  # names Parley has learnt ("Lavrov said" tagged ORG by spaCy)
    covered = {i for pm in mentions for i in range(pm.tok_start, pm.tok_end)}
    country_chars = [(m.start, m.end) for m in res.mentions]
    for t in doc:
        if t.i in covered or _norm(t.text) not in known or not t.text[:1].isupper() or t.pos_ not in ("PROPN", "NOUN"):
            continue
        if any(s <= t.idx < e for s, e in country_chars):
            continue
        mentions.append(PersonMention(t.idx, t.idx + len(t.text), t.i, t.i + 1, res._sent_of(t.idx), (t.text,),
                                      t.dep_ in SUBJECT_DEPS))
    mentions.sort(key=lambda p: p.start)
    names = [(pm.tok_start, pm.tok_end) for pm in mentions]
    for pm in mentions:
        _evidence(res, pm, names)

    clusters: list[Cluster] = []
    order: list[int] = []  # most recently mentioned first
    for idx, pm in enumerate(mentions):
        ci = _match_cluster(clusters, pm.tokens, order)
        if ci < 0:
            clusters.append(Cluster(pm.tokens, pm.start, pm.end))
            ci = len(clusters) - 1
        cl = clusters[ci]
        if len(pm.tokens) > len(cl.tokens):
            cl.tokens = pm.tokens
        cl.mentions.append(idx)
        pm.cluster = ci
        if ci in order:
            order.remove(ci)
        order.insert(0, ci)
    res.clusters, res.person_mentions = clusters, mentions
    _assign(res, clusters, mentions)
    mentions = _add_descriptions(res, clusters, mentions)
    res.person_mentions = mentions
    return clusters, mentions


DESCRIPTION_HEADS = frozenset(
    "president minister secretary premier chancellor ambassador envoy leader diplomat spokesman spokeswoman "
    "spokesperson king queen emperor undersecretary".split()
)


def _add_descriptions(res: ArticleResolver, clusters: list[Cluster], mentions: list[PersonMention]
                      ) -> list[PersonMention]:
    """Definite descriptions ("the President", "the Japanese diplomat", "the Secretary") become mentions of the
    latest earlier person they fit, so pronouns after them find the right antecedent."""
    doc = res.doc
    covered: set[int] = set()
    for pm in mentions:
        covered.update(range(pm.title_start if pm.title_start >= 0 else pm.tok_start, pm.tok_end))
    added: list[PersonMention] = []
    for t in doc:
        if t.lower_ not in DESCRIPTION_HEADS or t.i in covered or t.i == 0:
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ in ("of", "for")):
            continue  # a title before a name, or an office described ("the minister of trade")
        a = t.i - 1
        while a > 0 and doc[a].lower_ not in ("the", "this") and (doc[a].pos_ in ("ADJ", "PROPN", "NOUN")) \
                and t.i - a < 4:
            a -= 1
        if doc[a].lower_ not in ("the", "this"):
            continue
        span = doc[a : t.i + 1]
        linked = res.role_link_cluster(span, t.lower_)
        if linked is None:
            continue
        if clusters[linked].role is None:
            role = res.role_of_text(span.text)
            if role and role not in ("leader", "diplomat", "official"):
                clusters[linked].role, clusters[linked].role_rank = role, _role_rank(role)
        pm = PersonMention(span.start_char, span.end_char, a, t.i + 1, res._sent_of(span.start_char),
                           clusters[linked].tokens, t.dep_ in SUBJECT_DEPS, cluster=linked)
        pm.title_start = a
        added.append(pm)
    if not added:
        return mentions
    allm = sorted(mentions + added, key=lambda p: p.start)
    for cl in clusters:
        cl.mentions = []
    for i, pm in enumerate(allm):
        clusters[pm.cluster].mentions.append(i)
    return allm


VISIT_NOUNS = frozenset({"visit", "trip", "journey", "tour", "mission", "travel", "voyage"})
CONTACT_WORDS = frozenset(
    "met meet meets meeting talks talked talk spoke speak speaks call called calls phoned telephone conversation "
    "counterpart counterparts visit visited visits visiting hosted hosts received receives welcomed greeted "
    "discussed discuss negotiated".split()
)


def _assign(res: ArticleResolver, clusters: list[Cluster], mentions: list[PersonMention]) -> None:
    ref = res.ref
    # roles, explicit countries, gender
    for cl in clusters:
        for mi in cl.mentions:
            pm = mentions[mi]
            if pm.media:
                cl.media = True
            if pm.nongov:
                cl.nongov = True
            r = pm.title_role
            if r and r != "counterpart" and _role_rank(r) > cl.role_rank:
                cl.role, cl.role_rank = r, _role_rank(r)
            if pm.title_country and cl.country is None:
                cl.country, cl.country_source = pm.title_country, "title"
            if pm.female is not None and cl.gender is None:
                cl.gender = "f" if pm.female else "m"
        if cl.gender is None and len(cl.tokens) > 1 and cl.tokens[0].lower() in ref.female_names:
            cl.gender = "f"
    _coordinations(res, clusters, mentions)
    _descriptions(res, clusters, mentions)
    for cl in clusters:
        if cl.country is None and cl.role:
            d = res.default_country_of_role(cl.role)
            if d:
                cl.country, cl.country_source = d, "role"
    _snapshot(res, clusters)
    for ci, cl in enumerate(clusters):
        if cl.country is None and not cl.media and (cl.nongov or (cl.role and cl.role != "counterpart")):
            # people without a government role: only a country their own sentence ties them to
            c = _context_country(res, ci, clusters, mentions, sentence_only=cl.nongov or _role_rank(cl.role) < 2)
            if c:
                cl.country, cl.country_source = c, "context"
                _share_with_group(clusters, mentions, ci)
    for ci, cl in enumerate(clusters):
        if cl.country is None and cl.role is None and not cl.nongov and not cl.media and res.home:
            if _home_principal(res, ci, clusters, mentions):
                cl.country, cl.country_source = res.home, "home"
    for ci, cl in enumerate(clusters):
        if cl.country is None and not cl.media and len(cl.tokens) > 1:
            # untitled people: only the one state their own sentence ties them to
            c = _context_country(res, ci, clusters, mentions, sentence_only=True)
            if c:
                cl.country, cl.country_source = c, "sentence"
    for cl in clusters:
        if cl.media:
            cl.country, cl.country_source = None, None


def _share_with_group(clusters: list[Cluster], mentions: list[PersonMention], ci: int) -> None:
    """Coordinated people with titles and no country share the one just found ("Foreign Minister X and Defense
    Minister Y met ...")."""
    for mi in clusters[ci].mentions:
        g = mentions[mi].group
        if g < 0:
            continue
        for pm in mentions:
            other = clusters[pm.cluster]
            if pm.group == g and other.country is None and other.role and not other.media and not other.nongov:
                other.country, other.country_source = clusters[ci].country, "coordination"


def _descriptions(res: ArticleResolver, clusters: list[Cluster], mentions: list[PersonMention]) -> None:
    """A definite description with a country word ("the Israeli leader", "the Japanese diplomat") names the
    country of the latest person before it (within two sentences) that has none yet."""
    doc = res.doc
    for m in res.mentions:
        if not m.code or m.kind != "demonym" or m.code.startswith("IGO:"):
            continue
        sp = doc.char_span(m.start, m.end, alignment_mode="expand")
        if sp is None or sp.start == 0:
            continue
        prev = doc[sp.start - 1]
        nxt = doc[sp.end] if sp.end < len(doc) else None
        if prev.lower_ != "the" or nxt is None or nxt.lower_ not in ("leader", "diplomat", "minister", "president",
                                                                        "premier", "envoy", "official", "chancellor"):
            continue
        sent = res._sent_of(m.start)
        for pm in reversed(mentions):
            if pm.end > m.start or sent - pm.sent > 2:
                continue
            cl = clusters[pm.cluster]
            if cl.country is None and not cl.media:
                cl.country, cl.country_source = m.code, "description"
            break


def _home_principal(res: ArticleResolver, ci: int, clusters: list[Cluster], mentions: list[PersonMention]) -> bool:
    """An untitled person who is the subject of a contact with a foreign office-holder in a text from a
    government site or national outlet speaks for that outlet's state ("Vladimir Putin had a telephone
    conversation with Federal Chancellor of Germany Angela Merkel" on the Kremlin's site)."""
    for mi in clusters[ci].mentions:
        pm = mentions[mi]
        if not pm.is_subject:
            continue
        sent = res.sent_of_token(pm.tok_start)
        if not any(t.lower_ in CONTACT_WORDS for t in sent):
            continue
        for other in mentions:
            if other.sent == pm.sent and other.cluster != ci:
                oc = clusters[other.cluster].country
                if oc and oc != res.home and clusters[other.cluster].role:
                    return True
    return False


def _coordinations(res: ArticleResolver, clusters: list[Cluster], mentions: list[PersonMention]) -> None:
    """Members of "X and Y" share a plural title's country ("Russian counterparts X and Y"); a member with a
    title but no country takes the previous member's; counterparts take the roles of the people they face."""
    doc = res.doc
    groups: list[list[int]] = []
    for i, pm in enumerate(mentions):
        if groups and mentions[groups[-1][-1]].sent == pm.sent:
            prev = mentions[groups[-1][-1]]
            gap_start = prev.tok_end
            gap_end = pm.title_start if pm.title_start >= 0 else pm.tok_start
            gap = [t for t in doc[gap_start:gap_end]]
            if gap and all(t.lower_ in ("and", ",", "&") for t in gap):
                groups[-1].append(i)
                continue
        groups.append([i])
    for gi, g in enumerate(groups):
        if len(g) > 1:
            for mi in g:
                mentions[mi].group = gi
    for g in groups:
        first = mentions[g[0]]
        for k, mi in enumerate(g[1:], start=1):
            pm = mentions[mi]
            cl = clusters[pm.cluster]
            if cl.country is not None:
                continue
            prev = mentions[g[k - 1]]
            if first.plural_title and first.title_country:
                cl.country, cl.country_source = first.title_country, "coordination"
            elif pm.title_role and prev.title_country and clusters[prev.cluster].country_source == "title":
                cl.country, cl.country_source = prev.title_country, "coordination"
    # counterparts: roles from the people they are counterparts of (earlier in the sentence, same positions)
    for gi, g in enumerate(groups):
        first = mentions[g[0]]
        if not first.counterpart:
            continue
        earlier = [grp for grp in groups[:gi] if mentions[grp[0]].sent == first.sent]
        anchor = earlier[-1] if earlier else None
        if anchor is None:
            back = [grp for grp in groups[:gi] if mentions[grp[0]].sent >= first.sent - 1]
            anchor = back[-1] if back else None
        if anchor is None:
            continue
        for k, mi in enumerate(g):
            src = anchor[k] if len(anchor) == len(g) else anchor[-1]
            role = clusters[mentions[src].cluster].role
            cl = clusters[mentions[mi].cluster]
            if role and (cl.role is None or cl.role_rank <= 1):
                cl.role, cl.role_rank = role, _role_rank(role)


def _snapshot(res: ArticleResolver, clusters: list[Cluster]) -> None:
    snap = res.snapshot
    if snap is None:
        return
    from extractors.people import lookup

    for cl in clusters:
        if cl.country is not None and cl.role is not None:
            continue
        hit = lookup(snap, cl.name, res.published)
        if hit is None:
            continue
        country, role = hit
        if cl.country is None and not cl.media and not cl.nongov:
            cl.country, cl.country_source = country, "snapshot"
        if cl.role is None and role:
            cl.role, cl.role_rank = role, _role_rank(role)


def _clause(doc: Doc, pm: PersonMention) -> int:
    """Token index of the verb that governs a mention (its clause)."""
    t = doc[pm.tok_end - 1]
    for _ in range(12):
        if (t.pos_ in ("VERB", "AUX") and t.dep_ != "xcomp") or t.head.i == t.i:
            return t.i
        t = t.head
    return t.i


def _is_traveller(doc: Doc, char: int, pm: PersonMention) -> bool:
    """True when the person is the one going to the destination at `char`: the subject of the verb or the owner
    of the noun ("Abe's visit to Russia", "Shannon had planned to travel to St. Petersburg")."""
    sp = doc.char_span(char, char + 1, alignment_mode="expand")
    if sp is None or not len(sp):
        return False
    own = set(range(pm.tok_start, pm.tok_end))
    t = sp[0]
    for _ in range(6):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and t.lower_ in VISIT_NOUNS:
            return any(c.dep_ == "poss" and c.i in own or (c.dep_ == "poss" and any(g.i in own for g in c.subtree))
                       for c in t.children)
        if t.pos_ in ("VERB", "AUX"):
            v = t
            for _ in range(3):
                subj = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
                if subj:
                    members = {x.i for c in subj for x in c.subtree}
                    return bool(members & own)
                if v.dep_ in ("xcomp", "conj") and v.head.i != v.i:
                    v = v.head
                else:
                    break
            return False
    return False


def _with_object(doc: Doc, pm: PersonMention) -> bool:
    """True for "talks in Seoul with Foreign Minister X": the person the visitor is with, usually the host."""
    t = doc[pm.tok_end - 1]
    for _ in range(3):
        if t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.lower_ == "with":
            return True
        t = t.head
    return False


def _others(res: ArticleResolver, ci: int, clusters: list[Cluster], mentions: list[PersonMention], sent: int
            ) -> set[str]:
    """Countries of the other parties in a sentence: people met or coordinated against (not those merely cited:
    "according to X"), including people referred to by he/she."""
    doc = res.doc
    out: set[str] = set()
    own_groups = {mentions[mi].group for mi in clusters[ci].mentions if mentions[mi].group >= 0}
    own_clauses = {_clause(doc, mentions[mi]) for mi in clusters[ci].mentions if mentions[mi].sent == sent}
    for pm in mentions:
        if pm.sent != sent or pm.cluster == ci or (pm.group >= 0 and pm.group in own_groups):
            continue
        if _clause(doc, pm) not in own_clauses:
            continue
        if pm.tok_start >= 2 and doc[pm.tok_start - 1].lower_ == "to" and doc[pm.tok_start - 2].lower_ == "according":
            continue
        c = clusters[pm.cluster].country
        if c:
            out.add(c)
    sp = None
    for pm in mentions:
        if pm.sent == sent:
            sp = res.sent_of_token(pm.tok_start)
            break
    if sp is not None:
        for t in sp:
            if t.lower_ in ("he", "she") and t.dep_ in SUBJECT_DEPS:
                ref_pm = res._recent_person(t.idx, "m" if t.lower_ == "he" else "f")
                if ref_pm is not None and ref_pm.cluster != ci and clusters[ref_pm.cluster].country:
                    out.add(clusters[ref_pm.cluster].country)  # type: ignore[arg-type]
    return out


def _context_country(res: ArticleResolver, ci: int, clusters: list[Cluster], mentions: list[PersonMention],
                     sentence_only: bool = False) -> str | None:
    """The state an office-holder with no country word belongs to: the one state named in their sentence that is
    not another party's (a destination counts only when the person is not the traveller), else the outlet's home
    country, else the article's clearly leading state once the other parties are set aside."""
    cl = clusters[ci]
    first = mentions[cl.mentions[0]]
    sent = first.sent
    others = _others(res, ci, clusters, mentions, sent)
    title_ranges: list[tuple[int, int, bool]] = []  # other people's titles; True when in the person's clause
    own_clauses = {_clause(res.doc, mentions[mi]) for mi in cl.mentions if mentions[mi].sent == sent}
    for pm in mentions:
        if pm.cluster == ci or pm.sent != sent:
            continue
        a = res.doc[pm.title_start].idx if pm.title_start >= 0 else pm.start
        b = res.doc[pm.appos_end - 1].idx + 1 if pm.appos_end > 0 else pm.end
        title_ranges.append((a, b, _clause(res.doc, pm) in own_clauses))
    reported: set[int] = set()
    if sentence_only:
        # someone without a government role is tied only to what their own clause says, not to what they report
        own = set(range(first.tok_start, first.tok_end))
        for t in res.sent_of_token(first.tok_start):
            if t.dep_ in ("ccomp", "parataxis") and not own & {x.i for x in t.subtree}:
                reported.update(x.idx for x in t.subtree)
    cands: list[str] = []
    for m, ms in zip(res.mentions, res._mention_sents, strict=True):
        if ms != sent or not m.code or m.code.startswith("IGO:") or m.kind == "media" or m.start in reported:
            continue
        if m.kind == "city" and not (m.locative or m.destination):
            continue
        inside = [same for a, b, same in title_ranges if a <= m.start < b]
        if inside:
            if any(inside):
                others.add(m.code)
            continue
        if m.destination:
            if _is_traveller(res.doc, m.start, first):
                others.add(m.code)
            elif m.prep == "to" and m.prep2 in VISIT_NOUNS and m.code not in cands:
                cands.append(m.code)  # "during the Secretary's visit to Moscow, ... Foreign Minister X": the host
            continue
        if m.locative and not (first.is_subject or _with_object(res.doc, first)):
            continue
        if m.code not in cands:
            cands.append(m.code)
    cands = [c for c in cands if c not in others]
    if len(cands) == 1:
        return cands[0]
    if res.home and not sentence_only and res.home not in others:
        return res.home
    if sentence_only:
        return None
    ranking = [(c, n) for c, n in res.country_ranking(acting_only=True) if c not in others]
    if ranking and ranking[0][1] >= 2 and (len(ranking) == 1 or ranking[0][1] > ranking[1][1]):
        return ranking[0][0]
    return None
