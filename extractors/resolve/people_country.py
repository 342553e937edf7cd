"""Which state each person of an article speaks for.

In this order: the words around a mention ("Russian Foreign Minister X", "X, Japan's foreign minister", "his
Japanese counterpart, X", "Federal Chancellor of Germany X"); a shared coordination ("Russian counterparts X and
Y"); a definite description ("the Israeli leader"); a role that exists in one government only ("Secretary of
State"); the officeholders dictionary at the article's date (`officeholders.who`: a name several people share
only with the title or a country the text gives); the people snapshot (trusted only when recent, never against
the text); for office-holders, the context
(the one state in their sentence that is not another party's, else the outlet's home country, else the article's
clearly leading acting state); for an untitled principal of a government site, that site's state. People without
a government role get only a state their own phrase names; media people, ex-office-holders ("former President X")
and people of a named non-state organisation ("Houthi spokesman X") get none.
Coordinations share a country only between offices one government can hold together ("Foreign Minister X and
Defense Minister Y"), never between two presidents or a foreign minister and a secretary of state; a venue ("met
in Munich") yields to the outlet's home and is no one's when two rival office-holders meet there.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from extractors.resolve.data import has_office
from extractors.resolve.officeholders import who
from extractors.resolve.people import SUBJECT_DEPS, Cluster, PersonMention, role_rank
from extractors.resolve.snapshot import lookup

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from extractors.resolve.resolver import ArticleResolver

# Offices with a country-specific name; a foreign counterpart holds the generic office.
COUNTERPART_OFFICE = {
    "Secretary of State": "Foreign Minister",
    "Foreign Secretary": "Foreign Minister",
    "Defense Secretary": "Defense Minister",
    "Defence Secretary": "Defense Minister",
    "Treasury Secretary": "Finance Minister",
    "Taoiseach": "Prime Minister",
    "Tánaiste": "Foreign Minister",
    "Chief Cabinet Secretary": "Minister",
}
IGO_ROLES = frozenset({"secretary-general", "high representative", "commissioner", "director-general"})
VISIT_NOUNS = frozenset({"visit", "trip", "journey", "tour", "mission", "travel", "voyage"})
CONTACT_WORDS = frozenset(
    "met meet meets meeting talks talked talk spoke speak speaks call called calls phoned telephone conversation "
    "counterpart counterparts visit visited visits visiting hosted hosts received receives welcomed greeted "
    "discussed discuss negotiated".split()
)


def assign_countries(res: ArticleResolver, clusters: list[Cluster], mentions: list[PersonMention]) -> None:
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
            if r and r != "counterpart" and role_rank(r) > cl.role_rank:
                cl.role, cl.role_rank = r, role_rank(r)
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
    for cl in clusters:
        if cl.country is None and cl.role == "Secretary" and any(
                _bare_secretary(res, mentions[mi]) for mi in cl.mentions):
            cl.country, cl.country_source = "USA", "role"
    _dictionary(res, clusters)
    _snapshot(res, clusters)
    for ci, cl in enumerate(clusters):
        if cl.country is None and not cl.media and (cl.nongov or (cl.role and cl.role != "counterpart")):
            # people without a government role: only a country their own sentence ties them to
            c = _context_country(res, ci, clusters, mentions, sentence_only=cl.nongov or role_rank(cl.role) < 2)
            if c:
                cl.country, cl.country_source = c, "context"
                _share_with_group(clusters, mentions, ci)
    for ci, cl in enumerate(clusters):
        if cl.country is None and cl.role is None and not cl.nongov and not cl.media and res.home:
            if _home_principal(res, ci, clusters, mentions):
                cl.country, cl.country_source = res.home, "home"
    for cl in clusters:
        if cl.country is None and not cl.media and len(cl.tokens) > 1:
            # untitled people: only a state named in what the text says about them ("X, who heads an institute
            # that advises the Israeli government, ...")
            c = _own_phrase_country(res, mentions[cl.mentions[0]])
            if c:
                cl.country, cl.country_source = c, "phrase"
    for cl in clusters:
        titled = [mentions[mi] for mi in cl.mentions if mentions[mi].title_role]
        cl.former = bool(titled) and all(pm.former for pm in titled)
        if cl.media or cl.former:
            cl.country, cl.country_source = None, None  # media people and ex-office-holders speak for no state


# Offices one government holds once: two holders of offices of one family in "X and Y" are two states' people
# ("President Putin of Russia and President Biden", "Foreign Minister X and Secretary Y").
OFFICE_FAMILIES = (  # a president and a prime minister may share one state; two presidents never do
    ("president", "king", "queen", "emir", "sultan", "emperor", "supreme leader", "head of state"),
    ("prime minister", "premier", "chancellor", "taoiseach"),
    ("foreign minister", "foreign secretary", "secretary of state", "secretary", "tánaiste"),
    ("defense minister", "defence minister", "defense secretary", "defence secretary"),
    ("finance minister", "treasury secretary"),
    ("ambassador", "envoy"),
)


def _family(role: str | None) -> int:
    low = (role or "").lower()
    if "vice" in low or "deputy" in low or "former" in low:
        return -1
    for i, fam in enumerate(OFFICE_FAMILIES):
        if low in fam:
            return i
    return -1


def can_share_government(a: str | None, b: str | None) -> bool:
    """False when two coordinated titles cannot belong to one government (same office family, or the same role)."""
    if not a or not b:
        return True
    if a.lower() == b.lower() and a.lower() not in ("minister", "official", "adviser", "aide"):
        return False
    fa, fb = _family(a), _family(b)
    return fa < 0 or fa != fb


def _bare_secretary(res: ArticleResolver, pm: PersonMention) -> bool:
    """"Secretary Blinken": a bare capitalised "Secretary" before a name is the American style for a cabinet
    secretary (other governments' secretaries carry their office: "Foreign Secretary", "Party Secretary")."""
    if pm.title_start < 0 or pm.tok_start - pm.title_start != 1:
        return False
    t = res.doc[pm.title_start]
    return t.text == "Secretary"


def _share_with_group(clusters: list[Cluster], mentions: list[PersonMention], ci: int) -> None:
    """Coordinated people with titles and no country share the one just found ("Foreign Minister X and Defense
    Minister Y met ...")."""
    for mi in clusters[ci].mentions:
        g = mentions[mi].group
        if g < 0:
            continue
        for pm in mentions:
            other = clusters[pm.cluster]
            if pm.group == g and other.country is None and other.role and not other.media and not other.nongov \
                    and can_share_government(clusters[ci].role, other.role):
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
        if any(pm.end <= m.start and clusters[pm.cluster].country == m.code for pm in mentions):
            continue  # "the Indian minister" after "his Indian counterpart X": X, already known
        sent = res._sent_of(m.start)
        # people who fit the description ("the Russian President" is not the prime minister named just before), in
        # the latest sentence that names any
        fitting = [pm for pm in mentions if pm.end <= m.start and sent - pm.sent <= 2
                   and _role_fits(nxt.lower_, clusters[pm.cluster].role) and not clusters[pm.cluster].media]
        if not fitting:
            continue
        last_sent = fitting[-1].sent
        open_ = list(dict.fromkeys(pm.cluster for pm in fitting if pm.sent == last_sent
                                   and clusters[pm.cluster].country is None))
        if len(open_) > 1:
            # "X met Y. The Russian president said": two people could be meant; an exact office decides, else none
            exact = [ci for ci in open_ if nxt.lower_ in (clusters[ci].role or "").lower()]
            open_ = exact if len(exact) == 1 else []
        if len(open_) == 1:
            clusters[open_[0]].country, clusters[open_[0]].country_source = m.code, "description"


# Office words of a description and the roles they can stand for; "leader", "official", "diplomat" fit anyone.
DESCRIPTION_FIT = {
    "president": ("president",),
    "premier": ("premier", "prime minister"),
    "chancellor": ("chancellor",),
    "minister": ("minister", "secretary"),
    "envoy": ("envoy", "ambassador", "representative", "negotiator"),
}


def _role_fits(head: str, role: str | None) -> bool:
    """True when a person with `role` can be called "the <demonym> <head>" (a prime minister is no president)."""
    if not role or head not in DESCRIPTION_FIT:
        return True
    low = role.lower()
    if low in ("counterpart", "leader", "official"):
        return True
    if head == "president" and "vice" in low:
        return False
    return any(w in low for w in DESCRIPTION_FIT[head])


def _own_phrase_country(res: ArticleResolver, pm: PersonMention) -> str | None:
    """The one state named in the phrases hanging on a name (apposition, relative clause), not in reported
    speech."""
    doc = res.doc
    head = doc[pm.tok_end - 1]
    codes: list[str] = []
    for child in head.children:
        if child.i in range(pm.tok_start, pm.tok_end) or child.dep_ not in ("relcl", "appos", "prep", "acl"):
            continue
        sub = [t for t in child.subtree if t.dep_ not in ("ccomp",)]
        for t in sub:
            m = res.token_mention.get(t.i)
            if m is not None and m.code and m.acts_as_state and not m.code.startswith("IGO:") and m.code not in codes:
                codes.append(m.code)
    return codes[0] if len(codes) == 1 else None


def _home_principal(res: ArticleResolver, ci: int, clusters: list[Cluster], mentions: list[PersonMention]) -> bool:
    """An untitled person who is the subject of a contact with a foreign office-holder in a text from a
    government site or national outlet speaks for that outlet's state (on the Kremlin's site, "X held a phone
    call with the German chancellor": X is the Russian side)."""
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
            elif pm.title_role and prev.title_country and clusters[prev.cluster].country_source == "title" and \
                    can_share_government(prev.title_role, pm.title_role):
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
            role = COUNTERPART_OFFICE.get(role or "", role)  # "her North Korean counterpart": not a Secretary of State
            if role and (cl.role is None or cl.role_rank <= 1):
                cl.role, cl.role_rank = role, role_rank(role)


def _dictionary(res: ArticleResolver, clusters: list[Cluster]) -> None:
    """Who holds office: a name the text gives no country resolves at the article's date ("Marco Rubio held
    talks with Badr Abdelatty"); the text's own words were asked first and always win."""
    named: set[str] | None = None
    for cl in clusters:
        if cl.country is not None or cl.media or cl.nongov:
            continue
        if named is None:
            named = {m.code for m in res.mentions if m.code}
        answer = who(cl.name, res.published, title=cl.role, countries=named)
        if answer.country:
            cl.country, cl.country_source = answer.country, "dictionary"


def _snapshot(res: ArticleResolver, clusters: list[Cluster]) -> None:
    snap = res.snapshot
    if snap is None:
        return
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
            cl.role, cl.role_rank = role, role_rank(role)


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
    if sp is not None and res.home and _home_office_in(res, sp, mentions):
        out.add(res.home)  # "The Prime Minister spoke to Chancellor X" on a UK site: the UK is the other side
    if sp is not None:
        for t in sp:
            if t.lower_ in ("he", "she") and t.dep_ in SUBJECT_DEPS:
                ref_pm = res.recent_person(t.idx, "m" if t.lower_ == "he" else "f")
                if ref_pm is not None and ref_pm.cluster != ci and clusters[ref_pm.cluster].country:
                    out.add(clusters[ref_pm.cluster].country)  # type: ignore[arg-type]
    return out


HOME_OFFICES = frozenset({"president", "minister", "secretary", "chancellor", "premier", "taoiseach"})


def _home_office_in(res: ArticleResolver, sent: Span, mentions: list[PersonMention]) -> bool:
    """True when the sentence names an office with no holder and no country ("The Prime Minister", "the
    Secretary"): in a government site's text that is the site's own principal."""
    covered = {i for pm in mentions for i in range(pm.title_start if pm.title_start >= 0 else pm.tok_start,
                                                   pm.appos_end if pm.appos_end > 0 else pm.tok_end)}
    for t in sent:
        if t.lower_ not in HOME_OFFICES or not t.text[:1].isupper() or t.i in covered or t.i == 0:
            continue
        k = t.i - 1
        while k > sent.start and res.doc[k].text[:1].isupper() and res.doc[k].lower_ in ("prime", "foreign", "deputy"):
            k -= 1
        if res.doc[k].lower_ != "the" or (t.i + 1 < len(res.doc) and res.doc[t.i + 1].lower_ == "of"):
            continue
        if any(res.doc[j].i in res.token_mention for j in range(k, t.i + 1)):
            continue
        nxt = res.doc[t.i + 1] if t.i + 1 < len(res.doc) else None
        if nxt is not None and nxt.pos_ == "PROPN":
            continue
        if not has_office(res.ref, res.home, res.role_of_text(res.doc[k : t.i + 1].text)):
            continue  # "The Prime Minister" in an American outlet is someone else's
        return True
    return False


def _context_country(res: ArticleResolver, ci: int, clusters: list[Cluster], mentions: list[PersonMention],
                     sentence_only: bool = False) -> str | None:
    """The state an office-holder with no country word belongs to: the one state named in their sentence that is
    not another party's (a destination counts only when the person is not the traveller), else the outlet's home
    country, else the article's clearly leading state once the other parties are set aside."""
    cl = clusters[ci]
    first = mentions[cl.mentions[0]]
    sent = first.sent
    others = _others(res, ci, clusters, mentions, sent)
    title_ranges = _other_titles(res, ci, cl, mentions, sent)
    # someone without a government role is tied only to what their own clause says, not to what they report
    reported = _reported_by(res, first) if sentence_only else set()
    cands, venues, named = _sentence_states(res, first, title_ranges, reported, sentence_only, others)
    if cl.role and cl.role.lower() in IGO_ROLES:
        # "Secretary-General X": the organisation named around them, never a state
        igos = [m.code for m, ms in zip(res.mentions, res._mention_sents, strict=True)
                if m.code and m.code.startswith("IGO:") and ms == sent]
        if not igos:
            igos = [c for c, _ in Counter(m.code for m in res.mentions if m.code and m.code.startswith("IGO:"))
                    .most_common(1)]
        return igos[0] if igos else None
    cands = [c for c in cands if c not in others]
    own_groups = {mentions[mi].group for mi in cl.mentions if mentions[mi].group >= 0}
    rivals = any(pm.group in own_groups and pm.cluster != ci
                 and not can_share_government(cl.role, clusters[pm.cluster].role) for pm in mentions)
    if rivals:
        # "Presidents X and Y held talks in Minsk": the venue is at most one of theirs
        cands = [c for c in cands if c in named]
    if len(cands) == 1:
        venue_only = cands[0] in venues and cands[0] not in named
        if venue_only and others and res.home and res.home not in others and has_office(res.ref, res.home, cl.role):
            # the venue of a contact with a foreign party is the host's or a third country's: an outlet's own
            # office-holder ("Vice President X met Y in Munich" on a US site) is the home state's
            return res.home
        return cands[0]
    if res.home and not sentence_only and res.home not in others and has_office(res.ref, res.home, cl.role):
        return res.home
    if sentence_only:
        return None
    ranking = [(c, n) for c, n in res.country_ranking(acting_only=True) if c not in others]
    if ranking and ranking[0][1] >= 2 and (len(ranking) == 1 or ranking[0][1] > ranking[1][1]):
        return ranking[0][0]
    return None


def _other_titles(res: ArticleResolver, ci: int, cl: Cluster, mentions: list[PersonMention], sent: int
                  ) -> list[tuple[int, int, bool]]:
    """Character ranges of the other people's titles and appositions in the sentence; True when in the person's
    own clause."""
    title_ranges: list[tuple[int, int, bool]] = []
    own_clauses = {_clause(res.doc, mentions[mi]) for mi in cl.mentions if mentions[mi].sent == sent}
    for pm in mentions:
        if pm.cluster == ci or pm.sent != sent:
            continue
        a = res.doc[pm.title_start].idx if pm.title_start >= 0 else pm.start
        b = res.doc[pm.appos_end - 1].idx + 1 if pm.appos_end > 0 else pm.end
        title_ranges.append((a, b, _clause(res.doc, pm) in own_clauses))
    return title_ranges


def _reported_by(res: ArticleResolver, pm: PersonMention) -> set[int]:
    """Character starts of the words of the clauses the sentence reports, unless the person is in them."""
    reported: set[int] = set()
    own = set(range(pm.tok_start, pm.tok_end))
    for t in res.sent_of_token(pm.tok_start):
        if t.dep_ in ("ccomp", "parataxis") and not own & {x.i for x in t.subtree}:
            reported.update(x.idx for x in t.subtree)
    return reported


def _sentence_states(res: ArticleResolver, first: PersonMention, title_ranges: list[tuple[int, int, bool]],
                     reported: set[int], sentence_only: bool, others: set[str]) -> tuple[list[str], set[str], set[str]]:
    """The states the person's sentence names as candidates, in order; those only named as where something happens
    ("met X in Munich"); those named otherwise. States in other people's titles in the person's clause, and
    destinations the person travels to, are added to `others`."""
    cands: list[str] = []
    venues: set[str] = set()
    named: set[str] = set()
    for m, ms in zip(res.mentions, res._mention_sents, strict=True):
        if ms != first.sent or not m.code or m.code.startswith("IGO:") or m.kind == "media" or m.start in reported:
            continue
        if m.kind == "city" and not (m.locative or m.destination):
            continue
        inside = [same for a, b, same in title_ranges if a <= m.start < b]
        if inside:
            if any(inside):
                others.add(m.code)
            continue
        if sentence_only and m.kind != "city":
            # without an office, every state the sentence names competes ("leaving X ... democracy in Y": neither)
            if m.code not in cands:
                cands.append(m.code)
            continue
        if m.destination:
            if _is_traveller(res.doc, m.start, first):
                others.add(m.code)
            elif m.prep == "to" and m.prep2 in VISIT_NOUNS and m.code not in cands:
                cands.append(m.code)  # "during the Secretary's visit to Moscow, ... Foreign Minister X": the host
            continue
        if m.locative and not (first.is_subject or _with_object(res.doc, first)):
            continue
        if m.locative:
            venues.add(m.code)
        else:
            named.add(m.code)
        if m.code not in cands:
            cands.append(m.code)
    return cands, venues, named
