"""Which state each person of an article speaks for.

In this order: the words around a mention ("Russian Foreign Minister X", "X, Japan's foreign minister", "his
Japanese counterpart, X", "Federal Chancellor of Germany X"); a shared coordination ("Russian counterparts X and
Y"); a definite description ("the Israeli leader"); a role that exists in one government only ("Secretary of
State"); the officeholders dictionary at the article's date (`officeholders.who`: a name several people share
only with the title or a country the text gives); the people snapshot (trusted only when recent, never against
the text); for office-holders, the context
(the one state in their sentence that is not another party's, else the outlet's home country, else the state of
the dateline, else the article's clearly leading acting state); for an untitled principal of a government site,
that site's state. A visitor ("the visiting prime minister, X", "X, who is on a visit to Y", "X, in Y for talks,")
is never the host's: the destination, or the dateline's state when no destination is named, is another party's.
Words that state the person's state outside a title count as a title: "the Ethiopian delegation was led by X",
"X, who became Mozambique's prime minister", "Moon's spokesman, X" (the principal's). A judge is the court's (the
dateline's, else the outlet's), never a party's; a state only the person reports ("X will visit Y, Z said") yields
to the outlet's home. People without
a government role get only a state their own phrase names; media people, ex-office-holders ("former President X")
and people of a named non-state organisation ("Houthi spokesman X") get none.
Coordinations share a country only between offices one government can hold together ("Foreign Minister X and
Defense Minister Y"), never between two presidents or a foreign minister and a secretary of state; a venue ("met
in Munich") yields to the outlet's home and is no one's when two rival office-holders meet there.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from extractors.resolve.data import has_office
from extractors.resolve.gender import infer_genders
from extractors.resolve.officeholders import family_name_country, who
from extractors.resolve.own_clauses import deep_in_report, relative_clause_verbs
from extractors.resolve.partners import other_reading
from extractors.resolve.people import (
    HEADER_LINE_CHARS,
    SUBJECT_DEPS,
    Cluster,
    PersonMention,
    beside_officeholder,
    is_title_abbreviation,
    role_rank,
)
from extractors.resolve.snapshot import lookup
from extractors.resolve.vocab import GOVERNMENT_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from extractors.resolve.country_words import Mention
    from extractors.resolve.resolver import ArticleResolver

# Offices with a country-specific name; a foreign counterpart holds the generic office.
COUNTERPART_OFFICE = {
    "Secretary of State": "Foreign Minister",
    "Foreign Secretary": "Foreign Minister",
    "External Affairs Minister": "Foreign Minister",
    "Defense Secretary": "Defense Minister",
    "Defence Secretary": "Defense Minister",
    "Treasury Secretary": "Finance Minister",
    "Taoiseach": "Prime Minister",
    "Tánaiste": "Foreign Minister",
    "Chief Cabinet Secretary": "Minister",
}
JUDICIAL_ROLES = frozenset({"judge", "chief justice", "justice", "magistrate"})
IGO_ROLES = frozenset({"secretary-general", "high representative", "commissioner", "director-general"})
VISIT_NOUNS = frozenset({"visit", "trip", "journey", "tour", "mission", "travel", "voyage"})
TRAVEL_WORDS = frozenset("flew fly flies flying travelled traveled travels went goes arrived came headed".split())
CONTACT_WORDS = frozenset(
    "met meet meets meeting talks talked talk spoke speak speaks call called calls phoned telephone conversation "
    "counterpart counterparts visit visited visits visiting hosted hosts received receives welcomed greeted "
    "discussed discuss negotiated".split()
)


def assign_countries(res: ArticleResolver, clusters: list[Cluster], mentions: list[PersonMention]) -> None:
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
            if cl.country is None and (led := _delegation_country(res, pm)):
                cl.country, cl.country_source = led, "title"
        if cl.nongov and _state_office_elsewhere(res, cl, mentions):
            cl.nongov = False  # "President X ... Prof. X said": an academic style, not a private person
    _bureau_officials(res, clusters, mentions)
    infer_genders(res, clusters, mentions)
    _coordinations(res, clusters, mentions)
    _descriptions(res, clusters, mentions)
    for cl in clusters:
        if cl.country is None and cl.role:
            d = res.default_country_of_role(cl.role)
            if d:
                cl.country, cl.country_source = d, "role"
    for cl in clusters:
        if cl.country is None and cl.role == "Secretary" and res.american_secretary_ok() and any(
                _bare_secretary(res, mentions[mi]) for mi in cl.mentions):
            cl.country, cl.country_source = "USA", "role"
    for cl in clusters:
        if cl.country is None and not cl.media and not cl.nongov:
            for mi in cl.mentions:
                c = _office_in_own_clause(res, mentions[mi])
                if c:
                    cl.country, cl.country_source = c, "title"
                    break
    _dictionary(res, clusters)
    _snapshot(res, clusters)
    _principals(res, clusters, mentions)
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
            c = _own_phrase_country(res, mentions[cl.mentions[0]], mentions)
            if c:
                cl.country, cl.country_source = c, "phrase"
    for cl in clusters:
        titled = [mentions[mi] for mi in cl.mentions if mentions[mi].title_role]
        cl.former = bool(titled) and all(pm.former for pm in titled)
        if cl.media or cl.former:
            cl.country, cl.country_source = None, None  # media people and ex-office-holders speak for no state


def _state_office_elsewhere(res: ArticleResolver, cl: Cluster, mentions: list[PersonMention]) -> bool:
    """Whether another mention of a person some title marks as private gives them a state office, current and
    not former, which the officeholders dictionary confirms at the article's date ("President John Mills ...
    Prof. Mills"): the officeholder, whose academic style does not make them a private person."""
    for mi in cl.mentions:
        pm = mentions[mi]
        if pm.nongov or pm.former or pm.media or not pm.title_role:
            continue
        if who(cl.name, res.published, title=pm.title_role).country is not None:
            return True
    return False


# A US-style office given with its bureau in a transcript or statement header ("X, Assistant Secretary, Bureau of
# East Asian and Pacific Affairs"): departments with "Bureau of ... Affairs" are the State Department's style.
BUREAU = re.compile(r"\bBureau (?:of|for) [A-Z][^\n]{0,80}")
BUREAU_AFFAIRS = re.compile(r"\bBureau (?:of|for) [A-Z][^\n,;]{0,80}?\bAffairs\b")
def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


def _bureau_country(res: ArticleResolver, pm: PersonMention) -> str | None:
    """The state of an official whose header line gives the office with its bureau ("X, Deputy Assistant Secretary,
    Bureau of African Affairs", or the name alone on a line and the office on the next): the outlet's home state,
    else the United States for a "Bureau of ... Affairs". A header is a short line with no closing full stop."""
    text = res.text
    a, b = _line_bounds(text, pm.start)
    rest = text[pm.end : b]
    if not rest.strip(" ,") and b < len(text):  # the name alone on its line: the office on the next one
        a2, b2 = _line_bounds(text, b + 1)
        rest = text[a2:b2]
        b = b2
    line = text[a:b].strip()
    if not line or len(line) > HEADER_LINE_CHARS or line.endswith((".", "!", "?", '"', "”")):
        return None
    found = BUREAU.search(rest)
    if not found:
        return None
    if res.home:
        return res.home
    at = b - len(rest) + found.start()
    if any(m.code and not m.code.startswith("IGO:") for m in res.mentions_between(at, b)):
        return None  # "Bureau of Hong Kong, Macao and Taiwan Affairs": another state's office
    return "USA" if BUREAU_AFFAIRS.search(rest) else None


def _called_counterpart(res: ArticleResolver, pm: PersonMention) -> bool:
    """"my counterpart, Ambassador X", "his counterpart X": the person is named as someone's counterpart."""
    doc = res.doc
    lo = pm.title_start if pm.title_start >= 0 else pm.tok_start
    sent_start = res.sent_of_token(pm.tok_start).start
    for t in doc[max(lo - 4, sent_start) : pm.tok_start]:
        if t.lower_ in ("counterpart", "counterparts"):
            return True
    return pm.counterpart


def _header_place(res: ArticleResolver, exclude: set[str]) -> str | None:
    """The state of a place line in a transcript's header ("Hanoi, Vietnam" alone on a line among the first
    lines), else of the dateline: where the briefing was given."""
    text = res.text
    pos = 0
    for _ in range(8):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if 0 < len(line.strip()) <= 60:
            every = res.mentions_between(pos, end)
            ms = [m for m in every if m.code and not m.code.startswith("IGO:")]
            rest = line
            for m in sorted(every, key=lambda m: -m.start):
                rest = rest[: m.start - pos] + rest[m.end - pos :]
            if ms and not rest.strip(" ,.-–—"):
                code = ms[-1].code
                return code if code not in exclude else None
        if end >= len(text):
            break
        pos = end + 1
    dl = res.dateline_country()
    if dl:
        return dl if dl not in exclude else None
    for m in res.mentions:  # "here in Hanoi", "my visit to Kenya": where the speaker is
        if m.code and not m.code.startswith("IGO:") and m.code not in exclude \
                and SPEAKER_PLACE.search(text, max(0, m.start - 40), m.start):
            return m.code
    return None


# What puts the speaker of a transcript in a place: "here in Hanoi", "my visit to Kenya", "we arrived in Accra".
SPEAKER_PLACE = re.compile(
    r"\b(?:here in|(?:my|our|this) (?:visit|trip|stay|time) (?:to|in)|(?:I|we) (?:am|are|arrived|landed) in"
    r"|I'm in|we're in|(?:I|we) (?:came|come) to)\s+(?:the\s+)?$")


def _bureau_officials(res: ArticleResolver, clusters: list[Cluster], mentions: list[PersonMention]) -> None:
    """Officials a header gives with their bureau are their department's state (whatever their title's regional
    words say); the counterparts they name are the host's, where the briefing was given, not theirs."""
    officials: dict[int, str] = {}
    for ci, cl in enumerate(clusters):
        for mi in cl.mentions:
            c = _bureau_country(res, mentions[mi])
            if c:
                officials[ci] = c
                break
    if not officials:
        return
    for ci, c in officials.items():
        clusters[ci].country, clusters[ci].country_source = c, "title"
    host = _header_place(res, set(officials.values()))
    if host is None:
        return
    res.counterpart_host = host
    for ci, cl in enumerate(clusters):
        if ci in officials or cl.media or cl.nongov:
            continue
        if any(_called_counterpart(res, mentions[mi]) and mentions[mi].title_country is None for mi in cl.mentions):
            cl.country, cl.country_source = host, "title"


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
        # not the person whose clause holds the description ("X spoke with the Russian president": someone else)
        own_clause = {pm.cluster for pm in mentions if pm.sent == sent and pm.end <= m.start
                      and pm.is_subject and _clause(doc, pm) in {a.i for a in sp[0].ancestors}}
        fitting = [pm for pm in mentions if pm.end <= m.start and sent - pm.sent <= 2
                   and _role_fits(nxt.lower_, clusters[pm.cluster].role) and not clusters[pm.cluster].media
                   and pm.cluster not in own_clause]
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


DELEGATION_NOUNS = frozenset({"delegation", "side", "team", "mission", "delegations"})
LEAD_VERBS = frozenset({"lead", "head", "chair"})


def _delegation_country(res: ArticleResolver, pm: PersonMention) -> str | None:
    """The state whose delegation a person leads: "the Ethiopian delegation was led by X", "a Sudanese team led by
    X", "(and) the Eritrean side by X", "X headed Egypt's delegation"."""
    doc = res.doc
    t = doc[pm.tok_end - 1]
    lo = pm.title_start if pm.title_start >= 0 else pm.tok_start
    while lo <= t.head.i < pm.tok_end and t.head.i != t.i:
        t = t.head  # "State Minister for Foreign Affairs X": the title is the phrase's head
    noun = None
    if t.dep_ == "pobj" and t.head.lower_ == "by":
        up = t.head.head
        if up.lemma_.lower() in LEAD_VERBS:
            if up.dep_ in ("acl", "relcl") and up.head.lower_ in DELEGATION_NOUNS:
                noun = up.head
            else:
                noun = next((c for c in up.children if c.dep_ in ("nsubjpass", "nsubj")
                             and c.lower_ in DELEGATION_NOUNS), None)
        elif up.lower_ in DELEGATION_NOUNS:
            noun = up
    elif t.dep_ in SUBJECT_DEPS and t.head.lemma_.lower() in LEAD_VERBS:
        noun = next((c for c in t.head.children if c.dep_ == "dobj" and c.lower_ in DELEGATION_NOUNS), None)
    if noun is None:
        return None
    codes = {m.code for c in noun.children if c.dep_ in ("amod", "poss", "compound", "nmod")
             for m in [res.token_mention.get(x.i) for x in c.subtree] if m is not None and m.code
             and m.acts_as_state and not m.code.startswith("IGO:")}
    return codes.pop() if len(codes) == 1 else None


BECOME_VERBS = frozenset({"be", "become", "remain", "serve", "take", "elect", "appoint", "name", "swear", "head",
                          "lead", "run"})
OFFICE_BODIES = frozenset({"ministry", "presidency", "government", "cabinet", "premiership"})


def _office_in_own_clause(res: ArticleResolver, pm: PersonMention) -> str | None:
    """A state's office the text gives the person in a clause about them: "X, who became Mozambique's prime
    minister in January, ...", "X, who served as Kenya's foreign minister, ...", "since X took over Paraguay's
    foreign ministry"."""
    doc = res.doc
    head = doc[pm.tok_end - 1]
    verbs = [c for c in head.children if c.dep_ in ("relcl", "acl") and c.i >= pm.tok_end]
    if head.dep_ in SUBJECT_DEPS:
        verbs.append(head.head)
    for v in verbs:
        if v.lemma_.lower() not in BECOME_VERBS:
            continue
        nouns = [c for c in v.children if c.dep_ in ("attr", "oprd", "dobj")]
        nouns += [g for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                  if g.dep_ == "pobj"]
        for n in nouns:
            if n.lower_ not in res.ref.role_words and n.lower_ not in OFFICE_BODIES:
                continue  # "X took over Paraguay's foreign ministry": the ministry's state is X's
            codes = {m.code for c in n.children if c.dep_ in ("poss", "amod", "compound")
                     for m in [res.token_mention.get(x.i) for x in c.subtree]
                     if m is not None and m.code and m.acts_as_state and not m.code.startswith("IGO:")}
            if len(codes) == 1:
                return codes.pop()
    return None


def _own_phrase_country(res: ArticleResolver, pm: PersonMention, mentions: list[PersonMention]) -> str | None:
    """The one state named in the phrases hanging on a name (apposition, relative clause), not in reported
    speech nor in the name or title of another person in a relative clause ("X, who spoke with Chilean Minister
    Y": Y's state)."""
    doc = res.doc
    others = {i for o in mentions if o.cluster != pm.cluster
              for i in range(o.title_start if o.title_start >= 0 else o.tok_start, o.tok_end)}
    head = doc[pm.tok_end - 1]
    codes: list[str] = []
    for child in head.children:
        if child.i in range(pm.tok_start, pm.tok_end) or child.dep_ not in ("relcl", "appos", "prep", "acl"):
            continue
        sub = [t for t in child.subtree if t.dep_ not in ("ccomp",)]
        for t in sub:
            if child.dep_ == "relcl" and t.i in others:
                continue  # "X, who spoke with Chilean Minister Y": Y's state ("adviser to US President Y": X's too)
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
                    can_share_government(prev.title_role, pm.title_role) and not prev.counterpart:
                # (not from "her Mexican counterpart X and Secretary of State Y": one counterpart, a third party)
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


# Title words that make a possessor someone other than the person's principal ("Putin's counterpart X").
NOT_PRINCIPAL = frozenset({"counterpart", "counterparts", "rival", "rivals", "opponent", "opponents", "critic",
                           "critics", "predecessor", "successor", "challenger", "host", "guest"})


def _principals(res: ArticleResolver, clusters: list[Cluster], mentions: list[PersonMention]) -> None:
    """A person titled as someone's ("Moon's spokesman, X", "Erdogan's chief adviser X") serves that person's
    state, whatever states the sentence names."""
    doc = res.doc
    for cl in clusters:
        if cl.country is not None or cl.media or cl.nongov:
            continue
        for mi in cl.mentions:
            pm = mentions[mi]
            if pm.title_start < 0 or any(t.lower_ in NOT_PRINCIPAL for t in doc[pm.title_start : pm.tok_start]):
                continue
            owner = next((o for o in mentions if o.cluster != pm.cluster and pm.title_start <= o.tok_end
                          < pm.tok_start and doc[o.tok_end].lower_ in ("'s", "’s", "'")), None)
            if owner is not None and clusters[owner.cluster].country:
                cl.country, cl.country_source = clusters[owner.cluster].country, "title"
                break


def _dictionary(res: ArticleResolver, clusters: list[Cluster]) -> None:
    """Who holds office: a name the text gives no country resolves at the article's date ("Marco Rubio held
    talks with Badr Abdelatty"); the text's own words were asked first and always win."""
    named: set[str] | None = None
    mentions = res.person_mentions
    for ci, cl in enumerate(clusters):
        if cl.country is not None or cl.media or cl.nongov:
            continue
        if named is None:
            named = {m.code for m in res.mentions if m.code}
        answer = who(cl.name, res.published, title=cl.role, countries=named)
        # "Moon and Kim met": a shared family name is not the state of the person it meets
        reading = other_reading(res, cl, ci, answer.country, mentions, clusters)
        if reading != answer.country:
            cl.country, cl.country_source = reading, "dictionary" if reading else None
            continue
        if answer.country is None:
            for styled in _styled_names(res, cl):  # "Dr Tedros": listed with the title that prefixes the name
                answer = who(styled, res.published, title=cl.role, countries=named)
                if answer.country:
                    break
        if answer.country:
            cl.country, cl.country_source = answer.country, "dictionary"
        elif len(cl.tokens) == 1 and (state := family_name_country(cl.name, res.published)) and \
                beside_officeholder(res, res.sents[res._sent_of(cl.first_start)], -1):
            cl.country, cl.country_source = state, "dictionary"  # "Lavrov met Wang": every Wang then is Chinese


def _styled_names(res: ArticleResolver, cl: Cluster) -> list[str]:
    """The cluster's names as written after an abbreviated title ("Dr. Tedros" -> "Dr Tedros")."""
    doc = res.doc
    out: list[str] = []
    for mi in cl.mentions:
        if mi >= len(res.person_mentions):
            continue
        pm = res.person_mentions[mi]
        if pm.tok_start > 0 and is_title_abbreviation(doc[pm.tok_start - 1].text):
            styled = doc[pm.tok_start - 1].text.rstrip(".") + " " + " ".join(pm.tokens)
            if styled not in out:
                out.append(styled)
    return out


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
    of the noun ("Abe's visit to Russia", "Hale had planned to fly to Lagos")."""
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
    own_clauses = _own_clauses(res, clusters[ci], mentions, sent)
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
    said = _reported_by(res, mentions[clusters[ci].mentions[0]]) if sp is not None else set()
    if sp is not None and res.home and _home_office_in(res, sp, mentions, said):
        # "The Prime Minister spoke to Chancellor X" on a UK site: the UK is the other side ("X said the
        # President welcomed ...": X's principal, not another side)
        out.add(res.home)
    if sp is not None:
        for t in sp:
            if t.lower_ in ("he", "she") and t.dep_ in SUBJECT_DEPS:
                ref_pm = res.recent_person(t.idx, "m" if t.lower_ == "he" else "f")
                if ref_pm is not None and ref_pm.cluster != ci and clusters[ref_pm.cluster].country:
                    out.add(clusters[ref_pm.cluster].country)  # type: ignore[arg-type]
    return out


HOME_OFFICES = frozenset({"president", "minister", "secretary", "chancellor", "premier", "taoiseach"})


def _home_office_in(res: ArticleResolver, sent: Span, mentions: list[PersonMention], skip: set[int] | None = None
                    ) -> bool:
    """True when the sentence names an office with no holder and no country ("The Prime Minister", "the
    Secretary"): in a government site's text that is the site's own principal."""
    covered = {i for pm in mentions for i in range(pm.title_start if pm.title_start >= 0 else pm.tok_start,
                                                   pm.appos_end if pm.appos_end > 0 else pm.tok_end)}
    for t in sent:
        if t.lower_ not in HOME_OFFICES or not t.text[:1].isupper() or t.i in covered or t.i == 0 or (
                skip and t.idx in skip):
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
    hosts = visit_hosts(res, cl, mentions)
    if hosts is not None:
        others |= hosts  # "the visiting prime minister, X": never the host's, wherever the story is filed
    title_ranges = _other_titles(res, ci, cl, mentions, sent)
    # someone without a government role is tied only to what their own clause says, not to what they report
    reported = _reported_by(res, first) if sentence_only else set()
    weak: set[str] = set()
    deep: set[str] = set()
    cands, venues, named = _sentence_states(res, first, title_ranges, reported, sentence_only, others, weak, deep)
    if cl.role and cl.role.lower() in IGO_ROLES:
        # "Secretary-General X": the organisation named around them, never a state
        igos = [m.code for m, ms in zip(res.mentions, res._mention_sents, strict=True)
                if m.code and m.code.startswith("IGO:") and ms == sent]
        if not igos:
            igos = [c for c, _ in Counter(m.code for m in res.mentions if m.code and m.code.startswith("IGO:"))
                    .most_common(1)]
        return igos[0] if igos else None
    if cl.role and cl.role.lower() in JUDICIAL_ROLES:
        # "Mr Justice X rejected an appeal by a Russian businessman": the parties' states are not the court's; a
        # judge sits where the story is filed, else in the outlet's state
        return next((c for c in (res.dateline_country(), res.home) if c and c not in others), None)
    cands = [c for c in cands if c not in others]
    # a state named only deep in what the person reports is their topic ("X said the deal must include the
    # plateau, which Israel captured"): it yields to a state named elsewhere, else to the outlet's or the
    # dateline's state when that has the office; with nothing else ("said tariffs protect American jobs") it stands
    if any(c not in deep for c in cands):
        cands = [c for c in cands if c not in deep]
    elif cands and not sentence_only:
        alt = next((c for c in (res.home, res.dateline_country()) if c and c not in others), None)
        if alt is not None and alt not in cands and has_office(res.ref, alt, cl.role):
            return alt
    own_groups = {mentions[mi].group for mi in cl.mentions if mentions[mi].group >= 0}
    rivals = any(pm.group in own_groups and pm.cluster != ci
                 and not can_share_government(cl.role, clusters[pm.cluster].role) for pm in mentions)
    if rivals:
        # "Presidents X and Y held talks in Minsk": the venue is at most one of theirs
        cands = [c for c in cands if c in named]
    if len(cands) == 1 and cands[0] in weak and res.home and res.home != cands[0] and res.home not in others \
            and has_office(res.ref, res.home, cl.role):
        # "X will travel to Abuja, spokesperson Y said" in a paper of X's state: a state named only in what Y
        # reports is no better a guess than the paper's own
        return res.home
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
    dl = res.dateline_country()
    if dl and hosts is None and dl not in others and (not cands or _is_host(res, cl, mentions)) \
            and has_office(res.ref, dl, cl.role):
        return dl  # "HANOI (Wire) - Prime Minister X held talks ...": the office-holder at home
    ranking = [(c, n) for c, n in res.country_ranking(acting_only=True) if c not in others]
    # a visitor is of the one state the article names acting besides the host's, and so is anyone when that state
    # is the only one left (a single mention will do then)
    least = 1 if hosts or len(ranking) == 1 else 2
    if ranking and ranking[0][1] >= least and (len(ranking) == 1 or ranking[0][1] > ranking[1][1]):
        return ranking[0][0]
    return None


def _is_host(res: ArticleResolver, cl: Cluster, mentions: list[PersonMention]) -> bool:
    """"his host, Defence Minister X": the person a visitor is the guest of."""
    doc = res.doc
    for mi in cl.mentions:
        pm = mentions[mi]
        lo = pm.title_start if pm.title_start >= 0 else pm.tok_start
        if lo >= 1 and doc[lo - 1].text == ",":
            lo = max(lo - 4, 0)  # "his host, Defence Minister X"
        if any(t.lower_ in ("host", "hosts") for t in doc[lo : pm.tok_start]):
            return True
    return False


VISIT_VERBS = frozenset({"visit", "arrive", "land", "fly", "travel", "tour", "come"})
HOST_PREPS = frozenset({"to", "in", "at", "into", "visiting", "visit", "visited"})


def visit_hosts(res: ArticleResolver, cl: Cluster, mentions: list[PersonMention]) -> set[str] | None:
    """The states a visitor is the guest of, or None when the article does not make the person a visitor: "the
    visiting prime minister, X", "X, who is on a visit to Y", "X, in Y for talks,", "X arrived in Y". A guest with
    no destination named is the guest of the state the story is filed from (the dateline's)."""
    doc = res.doc
    hosts: set[str] = set()
    visitor = False
    nowhere = False  # a visit whose destination the text does not name
    for mi in cl.mentions:
        pm = mentions[mi]
        if pm.title_start >= 0 and any(t.lower_ == "visiting" for t in doc[pm.title_start : pm.tok_start]):
            visitor = nowhere = True
            continue
        if pm.tok_end + 1 < len(doc) and doc[pm.tok_end].text == "," and doc[pm.tok_end + 1].lower_ == "in":
            # "X, in Luanda for two days of talks, ...": away from home, in the host's capital
            k = pm.tok_end + 1
            while k < len(doc) and k - pm.tok_end < 15 and doc[k].text not in (",", ".", ";"):
                k += 1
            places = [m for m in res.mentions_between(doc[pm.tok_end + 1].idx, doc[k - 1].idx + 1)
                      if m.code and not m.code.startswith("IGO:")]
            if places and k < len(doc) and doc[k].text == ",":
                visitor = True
                hosts.add(places[0].code)  # type: ignore[arg-type]
                continue
        head = doc[pm.tok_end - 1]
        phrases = [c for c in head.children if c.dep_ in ("relcl", "acl", "appos", "prep") and c.i >= pm.tok_end]
        if head.dep_ in SUBJECT_DEPS and head.head.lemma_.lower() in VISIT_VERBS:
            phrases.append(head.head)  # "X arrived in Y", "X will visit Y"
        own = range(pm.tok_start, pm.tok_end)
        for ph in phrases:
            sub = [t for t in ph.subtree if t.i not in own]
            lemmas = {t.lemma_.lower() for t in sub}
            if not (lemmas & VISIT_VERBS or lemmas & VISIT_NOUNS and any(t.lower_ in ("on", "during") for t in sub)):
                continue
            visitor = True
            found = {m.code for m in res.mentions_between(sub[0].idx, sub[-1].idx + len(sub[-1]))
                     if m.code and not m.code.startswith("IGO:") and m.prep in HOST_PREPS}
            hosts |= found
            nowhere = nowhere or not found
    if not visitor:
        return None
    dl = res.dateline_country()
    if dl and nowhere:
        hosts.add(dl)
    return hosts


def _own_clauses(res: ArticleResolver, cl: Cluster, mentions: list[PersonMention], sent: int) -> set[int]:
    """The verbs of the person's own clauses in a sentence: the clause governing each mention and a relative
    clause of contact on it ("X, who negotiated with Y in Beijing, said": Y is another party, as in "X
    negotiated with Y")."""
    out: set[int] = set()
    for mi in cl.mentions:
        pm = mentions[mi]
        if pm.sent != sent:
            continue
        out.add(_clause(res.doc, pm))
        lo = pm.title_start if pm.title_start >= 0 else pm.tok_start
        hi = pm.appos_end if pm.appos_end > 0 else pm.tok_end
        out |= relative_clause_verbs(res.doc, lo, hi, CONTACT_WORDS)
    return out


def _other_titles(res: ArticleResolver, ci: int, cl: Cluster, mentions: list[PersonMention], sent: int
                  ) -> list[tuple[int, int, bool]]:
    """Character ranges of the other people's titles and appositions in the sentence; True when in the person's
    own clause."""
    title_ranges: list[tuple[int, int, bool]] = []
    own_clauses = _own_clauses(res, cl, mentions, sent)
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


def _unnamed_office(res: ArticleResolver, m: Mention, pm: PersonMention) -> bool:
    """True when a state word qualifies an office other than the person's own ("Nepal's foreign secretary", "the
    Russian president" in X's sentence): that state is another party's."""
    sp = res.doc.char_span(m.start, m.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return False
    t = sp.root
    if t.dep_ == "case" and t.head.i != t.i:
        t = t.head
    head = t.head
    own = range(pm.title_start if pm.title_start >= 0 else pm.tok_start, pm.appos_end if pm.appos_end > 0 else
                pm.tok_end)
    if t.dep_ not in ("poss", "amod", "compound") or head.i in own or head.i in res.token_person:
        return False
    low = head.lemma_.lower() if head.lower_ not in res.ref.role_words else head.lower_
    return low in res.ref.role_words and low not in ("leader", "official", "officials")


def _deep_mention(res: ArticleResolver, m: Mention) -> bool:
    """True when a country word sits deep in a reported clause (see `own_clauses.deep_in_report`)."""
    sp = res.doc.char_span(m.start, m.end, alignment_mode="expand")
    return sp is not None and len(sp) > 0 and deep_in_report(sp.root)


def _on_clause(res: ArticleResolver, m: Mention, pm: PersonMention) -> bool:
    """True when a place is where the person is ("met X in Munich", "visited a hospital in Leeds"), not the origin
    or the end of something else ("a gas pipeline from Russia", "a border with Libya")."""
    sp = res.doc.char_span(m.start, m.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return True
    t = sp.root
    if t.head.i == t.i or t.head.pos_ != "ADP":
        return True
    prep = t.head
    if prep.lower_ == "with":
        return prep.head.lower_ in GOVERNMENT_HEADS or prep.head.pos_ in ("VERB", "AUX")
    return prep.lower_ in ("in", "at") or prep.head.pos_ in ("VERB", "AUX") or prep.head.i == _clause(res.doc, pm)


def _sentence_states(res: ArticleResolver, first: PersonMention, title_ranges: list[tuple[int, int, bool]],
                     reported: set[int], sentence_only: bool, others: set[str], weak: set[str] | None = None,
                     deep: set[str] | None = None) -> tuple[list[str], set[str], set[str]]:
    """The states the person's sentence names as candidates, in order; those only named as where something happens
    ("met X in Munich"); those named otherwise. States in other people's titles in the person's clause, and
    destinations the person travels to, are added to `others`; candidates only the person's report names ("X will
    visit Y, Z said", "Z said the President welcomed Y's support") to `weak`, and those only named deep in it (not
    the reported clause's subject or its owner) to `deep`."""
    said = _reported_by(res, first) if weak is not None else set()
    outside: set[str] = set()  # candidates named outside what the person reports
    shallow: set[str] = set()  # candidates named outside the report or as its subject (or its subject's owner)
    in_depth: set[str] = set()  # candidates named deep in the report
    cands: list[str] = []
    venues: set[str] = set()
    named: set[str] = set()
    for m, ms in zip(res.mentions, res._mention_sents, strict=True):
        if ms != first.sent or not m.code or m.code.startswith("IGO:") or m.kind == "media" or m.start in reported:
            continue
        if m.kind == "city" and not (m.locative or m.destination):
            continue
        if res.dateline_start <= m.start < res.dateline_end:
            continue  # where the story was filed, not a word of the sentence
        inside = [same for a, b, same in title_ranges if a <= m.start < b]
        if inside:
            if any(inside):
                others.add(m.code)
            continue
        if _unnamed_office(res, m, first):
            others.add(m.code)  # "X received Nepal's foreign secretary": the state of someone else's office
            continue
        if sentence_only and m.kind != "city":
            # without an office, every state the sentence names competes ("leaving X ... democracy in Y": neither)
            if m.code not in cands:
                cands.append(m.code)
            continue
        if m.destination:
            if _is_traveller(res.doc, m.start, first):
                others.add(m.code)
            elif m.prep == "to" and (m.prep2 in VISIT_NOUNS or m.prep2 in TRAVEL_WORDS) and m.code not in cands:
                # "during the Secretary's visit to Moscow, ... Foreign Minister X", "flew to Niger for talks with
                # General X": the host
                cands.append(m.code)
                if m.start not in said:
                    outside.add(m.code)
            continue
        if m.locative and not (first.is_subject or _with_object(res.doc, first)):
            continue
        if (m.locative or m.prep == "with") and not _on_clause(res, m, first):
            continue  # "a pipeline from Russia", "a border with Libya": a place of something else
        if m.locative:
            venues.add(m.code)
        else:
            named.add(m.code)
        if m.code not in cands:
            cands.append(m.code)
        if m.start not in said or deep is None or not _deep_mention(res, m):
            shallow.add(m.code)
        else:
            in_depth.add(m.code)
        if m.start not in said:
            outside.add(m.code)
    if weak is not None:
        weak.update(c for c in cands if c not in outside)
    if deep is not None:
        deep.update(c for c in cands if c in in_depth and c not in shallow)
    return cands, venues, named
