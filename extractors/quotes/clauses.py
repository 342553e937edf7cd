"""What a speech verb reports: the clause, the object, or the stance that an indirect quote's text is.

Pure functions of the dependency parse, one per shape of English reported speech: "said (that) CLAUSE",
"CLAUSE, he said", "as X has made clear, CLAUSE", "called on X to ...", "threatened to ...", "accused X of ...",
"expressed concern about X", "underscored the importance of doing X", "made it clear that ...". Which verbs take
which shape is in `lexicon`; a verb with only an object ("called for fresh elections", "warned against Z",
"stressed the importance of ties") reports no clause (ANNOTATION.md). "accused X of doing Y" stays a statement: the
corpus's own gold counts the charge as reported speech.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.quotes.lexicon import (
    CLAUSE_VERBS,
    COURTESY_NOUNS,
    INFINITIVE_VERBS,
    OBJECT_VERBS,
    REQUEST_VERBS,
    SPEAKER_NOUNS,
    STANCE_NOUNS,
    STANCE_VERBS,
    STATEMENT_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_FEELING_NOUNS = {"concern", "concerns", "support", "opposition", "regret", "dissatisfaction", "satisfaction",
                  "disappointment", "doubt", "alarm", "outrage", "anger", "frustration", "fear", "worry",
                  "skepticism", "scepticism", "displeasure", "interest", "objection", "optimism", "pessimism"}
_CONTENT_NOUNS = {"importance", "need", "necessity"}
# Stance nouns that hold a statement only with a clause or an infinitive: "expressed his expectation that ..." is a
# quote, "expressed his expectations on Fiji's role" names a topic.
_TOPIC_NOUNS = {"expectation", "expectations", "hope", "hopes", "view", "views", "opinion", "opinions", "interest",
                "intention", "desire", "readiness", "willingness", "determination", "commitment", "position"}
# Verbs that state a stance as a position taken ("affirmed its commitment to X"): the noun is the statement even
# when it could name a mere topic elsewhere ("expressed his views on X").
_ASSERTING = {"affirm", "reaffirm"}
_FEELING_PREPS = {"about", "for", "over", "at", "with", "regarding", "on", "toward", "towards", "in", "to", "of"}
SPEECH_PARTICIPLES = CLAUSE_VERBS | OBJECT_VERBS | {"call"}
SPEECH_VERBS = (CLAUSE_VERBS | OBJECT_VERBS | REQUEST_VERBS) - {"note", "state", "report", "point", "answer"}
# Verbs of refusal whose object is a statement only when it is someone's words ("rejected the claim that ...",
# "dismissed the allegations as ..."); rejecting a resolution, a plan or calls is an act.
_REFUSALS = {"reject", "dismiss"}
# Participles that carry the same statement on rather than start another: "stated that Japan would invest more,
# noting that the number of firms there keeps growing" is one statement with its ground.
_GOING_ON = {"note"}
# Verbs that state a view only through "as": "described the talks as frank".
_AS_VERBS = {"describe", "characterize", "characterise"}
_CONTEXT_MARKS = {"as", "after", "while", "amid", "when", "before"}
_ASKING = {"question", "ask", "wonder"}
_REFUSING = {"decline", "refuse", "fail"}
_SAID_NOUNS = {"claim", "assertion", "allegation", "accusation", "charge", "suggestion", "notion", "idea", "report",
               "criticism", "characterization", "characterisation", "argument", "statement", "remark", "comment",
               "assessment", "version", "account", "speculation", "rumour", "rumor", "interpretation", "premise",
               "insinuation", "assumption", "contention", "warning", "threat", "ultimatum", "narrative", "story"}
# Duties one is asked to take on ("asked X to lead the delegation"): an appointment, not a statement.
_DUTIES = {"testify", "appear", "lead", "head", "chair", "serve", "represent", "attend", "accompany", "join", "oversee",
           "coordinate", "succeed", "replace", "co-chair", "host", "organize", "organise", "run", "manage", "direct"}
# What one tells a statement to, beside people: "told a briefing / a hearing / the conference that ...".
_AUDIENCES = {"briefing", "conference", "hearing", "meeting", "session", "forum", "audience", "rally", "gathering",
              "interview", "reporter", "journalist", "crowd", "committee", "parliament", "lawmaker", "senator",
              "assembly", "congress", "senate", "council", "panel", "summit", "seminar", "symposium", "convention",
              "delegate", "legislator", "broadcaster", "newspaper", "radio", "television", "channel", "agency",
              "supporter", "investor", "analyst", "student", "group", "court", "jury", "inquiry", "podcast"}
# Nouns whose own infinitive is their content ("the plan to expand the port"), not an instruction.
_INFINITIVE_NOUNS = {"plan", "decision", "proposal", "attempt", "effort", "bid", "move", "need", "right", "ability",
                     "chance", "opportunity", "intention", "request", "offer", "order", "promise", "pledge",
                     "agreement", "deal", "way", "time", "campaign", "drive", "push", "scheme", "programme",
                     "program", "initiative", "appeal", "demand"}
# Where a statement was made: "said in a statement", "wrote in a letter", "told reporters on a call".
_CHANNELS = {"statement", "communique", "communiqué", "letter", "interview", "post", "message", "release", "speech",
             "address", "briefing", "note", "video", "broadcast", "tweet", "column", "editorial", "report", "filing",
             "remark", "remarks", "readout", "declaration", "call", "conference", "session", "hearing",
             "meeting", "talks", "talk", "summit", "visit", "ceremony", "dinner", "event", "forum", "rally", "trip",
             "tour", "exchange", "debate", "vote", "lunch", "breakfast"}
_SETTINGS = {"on", "at", "during", "in", "after", "before", "over", "via", "by"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}


def quoted_as(verb: Token) -> Token | None:
    """The person in "media quoted X as saying ..." or "X was cited by Y as saying ..."."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    head = verb.head.head
    if head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
        return head  # the parser made the quoted person the head: "... quoted spokesman Wu Qian as saying"
    if head.lemma_.lower() not in ("quote", "cite"):
        return None
    for c in head.children:
        if c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and c.i < verb.i):
            return c
    return None


def reported_under(inner: Token, outer: Token) -> bool:
    """Whether `inner` sits in the reported clause of `outer`: a ccomp/xcomp edge on the way up to it."""
    if inner.dep_ in ("advcl", "conj") and inner.lemma_.lower() in SPEECH_VERBS:
        return False  # "said ... and accused X of 'Y'", "..., while the ministry said 'Z'": a statement of its own
    t = inner
    seen_clause = False
    for _ in range(16):
        if t.i == outer.i:
            return seen_clause
        if t.head.i == t.i:
            return False
        if _others_words(t):
            return False  # "..., a sum critics called 'an insult'": the relative clause's own speaker
        seen_clause = seen_clause or t.dep_ in ("ccomp", "xcomp") or (t.dep_ in ("relcl", "acl") and _that_clause(t))
        t = t.head
    return False


def _misread_that(doc: Doc, a: int) -> bool:
    """ "told the summit that his government would not ...": the parser may read the opening "that" as the clause's
    object pronoun; followed by the clause's own subject, it is the complementiser all the same."""
    if doc[a].lower_ != "that" or doc[a].dep_ not in ("dobj", "nsubj", "pobj") or a + 1 >= len(doc):
        return False
    nxt = doc[a + 1]
    subj = nxt if nxt.dep_ in ("nsubj", "nsubjpass") else nxt.head if nxt.head.dep_ in ("nsubj", "nsubjpass") \
        and nxt.head.i > nxt.i else None
    return subj is not None and subj.head.i == doc[a].head.i


def trim_range(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """A reported clause without its "that", its leading conjunction, its punctuation at either end."""
    if a < b and doc[a].lower_ in _WEEKDAYS and doc[a].dep_ in ("npadvmod", "compound", "nmod", "nsubj") and \
            doc[a + 1].pos_ in ("NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"):
        a += 1  # "said Friday farmers were angry": the day belongs to the verb, not to the statement
    while a < b and (doc[a].is_punct or doc[a].is_space or (doc[a].lower_ == "that" and doc[a].dep_ == "mark")
                     or doc[a].dep_ == "cc" or _misread_that(doc, a)):
        a += 1
    while b > a and (doc[b].is_punct or doc[b].is_space or doc[b].dep_ == "cc"):
        b -= 1
    return a, b


def cue_of(v: Token, upto: Token | None = None) -> str:
    """The attributing words: auxiliaries, the verb, its particle, and the audience of 'tell'."""
    doc = v.doc
    start = v.i
    for c in v.lefts:
        if c.dep_ in ("aux", "neg") and c.i >= v.i - 3:
            start = min(start, c.i)
    end = v.i
    for c in v.rights:
        if c.dep_ == "prt":
            end = max(end, c.i)
        if v.lemma_.lower() == "tell" and c.dep_ in ("dobj", "dative", "iobj") and c.i <= v.i + 4:
            end = max(end, c.right_edge.i if c.right_edge.i <= v.i + 4 else c.i)
    if upto is not None and upto.i > end and upto.i - v.i <= 6:
        end = upto.i
    return doc[start:end + 1].text


def reported_content(v: Token, lemma: str, kids: list[Token], cut: set[int] | dict[int, object]
                     ) -> tuple[tuple[int, int], Token | None] | None:
    """What speech verb `v` reports, as an inclusive token range, and the token that ends its cue (or None).

    `cut` holds verbs that start a second statement inside the first clause ("said ..., and urged ...").
    """
    ccomps = [c for c in kids if c.dep_ == "ccomp" and (c.pos_ in ("VERB", "AUX") or has_that(c))]
    if lemma in _ASKING and _put_to_speaker(v, kids):
        return None
    if lemma in _ASKING:
        # "questioned whether the agency could be trusted", "asked if the talks would resume": a question reported
        for c in ccomps:
            if c.i > v.i and c.left_edge.lower_ in ("whether", "if") and c.right_edge.i - c.left_edge.i >= 3:
                return (c.left_edge.i, c.right_edge.i), None
    if lemma in CLAUSE_VERBS and ccomps and lemma not in ("call",):
        return _clause(v, kids, ccomps, cut), None
    if lemma in CLAUSE_VERBS and lemma not in ("call",):
        for o in kids:
            if o.dep_ not in ("dobj", "dative") or o.i < v.i or o.i > v.i + 4:
                continue
            for r in o.children:
                # "told a hearing that the country should not return": the parser took the that-clause for a
                # relative clause of the audience; "that" as a marker with a subject of its own says otherwise
                if r.dep_ == "relcl" and has_that(r) and any(g.dep_ in ("nsubj", "nsubjpass", "expl") and
                                                             g.lower_ != "that" for g in r.children):
                    return (r.left_edge.i, r.right_edge.i), o
                if r.dep_ == "relcl" and lemma == "tell" and r.left_edge.lower_ == "that" and \
                        r.right_edge.i == o.right_edge.i and o.lemma_.lower() in _AUDIENCES and any(
                            g.dep_ in ("nsubj", "nsubjpass", "expl") and g.lower_ != "that" for g in r.children):
                    # "told a briefing that ships had acted lawfully", "that" read as the relative's object: an
                    # audience hears a statement, it is not described by one
                    return (r.left_edge.i + 1, r.right_edge.i), o
        got = _clause_on_channel(v, kids)
        if got is not None:
            return got, None
    if lemma in CLAUSE_VERBS | {"make", "put"} and v.dep_ in ("parataxis", "advcl") and (
            v.dep_ == "parataxis" or any(m.lower_ == "as" and m.dep_ == "mark" for m in kids)):
        head = v.head
        if head.i > v.i:
            start = v.i + 1
            if v.dep_ == "advcl":  # "as X has made clear, ...": the statement starts after the comma
                comma = next((t.i for t in v.doc[v.i + 1:head.i] if t.text == ","), None)
                start = comma + 1 if comma is not None else v.right_edge.i + 1
            return (start, head.right_edge.i), None
        return (head.left_edge.i if head.dep_ != "ROOT" else head.sent.start, v.left_edge.i - 1), None
    if lemma == "make":
        return _make(v, kids)
    if lemma in ("tell", "warn", "caution", "remind"):
        # "told his staff on Monday to prepare options": the instruction is the infinitive
        objs = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i > v.i]
        for c in kids:
            to = [g for g in c.children if g.dep_ == "aux" and g.lower_ == "to" and g.i < c.i]
            if objs and c.dep_ in ("xcomp", "advcl", "ccomp") and to and c.i > objs[0].i:
                if lemma != "tell":  # "warned fishermen not to go to sea": whom and what, as for "urged"
                    return (objs[0].left_edge.i, own_end(c)), None
                return (to[0].i + 1, own_end(c)), None
        for x in v.subtree:
            # "told analysts on a call to expect lower dividends": the parser hung the infinitive on the
            # audience or on the occasion ("on a call", "at a meeting")
            to = [g for g in x.children if g.dep_ == "aux" and g.lower_ == "to" and g.i < x.i]
            if not objs or not to or x.dep_ != "acl" or x.pos_ != "VERB" or x.i < objs[0].i or x.i > v.i + 12:
                continue
            n = x.head
            if (n.dep_ in ("dobj", "dative") and n.head.i == v.i) or (
                    n.dep_ == "pobj" and n.head.head.i == v.i and n.head.lower_ in _SETTINGS and
                    n.lemma_.lower() not in _INFINITIVE_NOUNS):
                return (to[0].i + 1, x.right_edge.i), None
    if lemma in INFINITIVE_VERBS:
        xs = [c for c in kids if c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to"
                                                            for g in c.children)]
        if xs:
            return (xs[0].left_edge.i, xs[0].right_edge.i), None
    if lemma in REQUEST_VERBS:
        got = _request(v, lemma, kids)
        if got is not None:
            return got
    if lemma in OBJECT_VERBS:
        objs = [c for c in kids if c.dep_ == "dobj"]
        if objs and lemma in _REFUSALS and objs[0].lemma_.lower() not in _SAID_NOUNS and not any(
                has_that(g) for g in objs[0].children):
            return None  # "rejected a draft resolution", "rejecting calls for talks": a decision, no words reported
        if objs and lemma in _AS_VERBS and not any(
                t.lower_ == "as" and t.dep_ in ("prep", "mark", "advmod", "dep") for t in v.subtree if t.i > v.i):
            return None  # "describes the negotiations in detail": a topic; "described them as X" states a view
        if objs and objs[0].i > v.i:
            end = max(c.right_edge.i for c in kids if c.i > v.i and (
                c.dep_ in ("dobj", "prep", "oprd", "npadvmod", "xcomp") or (c.dep_ in ("advcl", "acomp") and
                                                                           c.left_edge.lower_ == "as")))
            if end - objs[0].left_edge.i >= 2:
                return (objs[0].left_edge.i, end), None
    if lemma in STANCE_VERBS or lemma in ("speak", "talk"):
        return _stance(v, lemma, kids)
    return None

def _put_to_speaker(v: Token, kids: list[Token]) -> bool:
    """ "Asked whether the plan would survive, the minister said ...", "when asked if ...": a passive participle
    with no subject of its own is the interviewer's question put to the speaker, not the speaker's words (the
    tagger often reads a paragraph-opening "Asked" as a past tense)."""
    return v.tag_ in ("VBN", "VBD") and v.dep_ in ("advcl", "dep") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in kids)


def _that_clause(r: Token) -> bool:
    """A clause the parser hung on a noun that opens with "that" as a conjunction and has a subject of its own:
    "(told reporters after the meeting) that Ethiopia had rejected ...", a complement, not a relative clause."""
    return has_that(r) and r.left_edge.lower_ == "that" and any(
        g.dep_ in ("nsubj", "nsubjpass", "expl") and g.lower_ != "that" for g in r.children)


def _clause_on_channel(v: Token, kids: list[Token]) -> tuple[int, int] | None:
    """ "said in a separate statement that the talks would resume", "wrote in a letter that ...": the parser hangs
    the that-clause on the channel noun as its modifier; a "that" with a subject of its own after a channel is the
    verb's statement, not a description of the channel."""
    for p in kids:
        if p.dep_ != "prep" or p.lower_ not in _SETTINGS or p.i < v.i or p.i > v.i + 5:
            continue
        for n in p.children:
            if n.dep_ != "pobj" or n.lemma_.lower() not in _CHANNELS:
                continue
            for x in n.subtree:  # also "in an interview with a broadcaster that ...": hung on the last noun
                for r in x.children:
                    if r.dep_ in ("acl", "relcl", "ccomp") and r.i > x.i and _that_clause(r) and \
                            r.left_edge.i == x.i + 1 and x.pos_ in ("NOUN", "PROPN"):
                        return r.left_edge.i, r.right_edge.i
    return None


def _clause(v: Token, kids: list[Token], ccomps: list[Token], cut: set[int] | dict[int, object]) -> tuple[int, int]:
    """ "said (that) CLAUSE", "CLAUSE, he said": the clause, up to a second statement of the same speaker or the
    writer's own next point, and with a second clause of the speaker's own ("..., but he will only discuss ...")."""
    after = [x for x in ccomps if x.i > v.i]
    c = after[0] if after else ccomps[-1]  # before the verb: the nearest clause is the one it closes
    end = c.right_edge.i
    for t in c.subtree:
        if t.i in cut and t.i > c.i and t.dep_ == "conj":
            end = t.left_edge.i - 1  # a second statement of the same speaker starts here
            break
        if is_speech_participle(t) and t.i > c.i and t.left_edge.i > v.i and t.lemma_.lower() not in _GOING_ON:
            end = min(end, t.left_edge.i - 1)  # "..., arguing that ...": a second statement with its own cue
        if t.i > c.i and t.dep_ == "conj" and t.lemma_.lower() in _REFUSING and any(
                x.dep_ == "xcomp" and x.lemma_.lower() in SPEECH_VERBS | {"comment", "elaborate", "give", "answer"}
                for x in t.children):
            end = min(end, t.left_edge.i - 1)  # "..., but declined to say when": the writer's report of a refusal
        if t.i > c.i and _own_statement(t) and t.left_edge.i > c.i and not _reason_given(t):
            end = min(end, t.left_edge.i - 1)  # "..., though she added that ...", "and she accused X of ...": a
            # second statement with a subject and a cue of its own
        if t.i > c.i and _others_words(t) and t.lemma_.lower() in SPEECH_VERBS and \
                v.doc[t.head.left_edge.i - 1].text == "," and t.head.left_edge.i > c.i:
            end = min(end, t.head.left_edge.i - 2)  # "..., a sum critics called 'an insult'": the writer's aside
            # about what someone else said
    new_clause = next((k for k in c.children if k.dep_ == "conj" and k.i > c.i and _own_clause(k)), None)
    if new_clause is not None and c.i > v.i:
        end = min(end, new_clause.left_edge.i - 1)  # the writer's own next point, not the statement
    if c.i > v.i:
        # "says he will talk ..., but he will only discuss ...": the second clause hangs on the verb
        for k in kids:
            if k.dep_ == "conj" and k.i > c.i and k.pos_ in ("VERB", "AUX") and \
                    k.lemma_.lower() not in SPEECH_VERBS and any(g.dep_ == "nsubj" and g.pos_ == "PRON"
                                                                  for g in k.children):
                end = max(end, k.right_edge.i)
            if _second_that_clause(k, c):
                end = max(end, k.right_edge.i)
            if _ground(k, c, end):
                end = k.right_edge.i
    return c.left_edge.i, end


def _ground(k: Token, c: Token, end: int) -> bool:
    """ "stated that Japan would invest more, noting that the number of firms keeps growing": a participle of
    `_GOING_ON` hung on the speech verb right after its clause gives the statement's ground, in the same voice."""
    return k.dep_ == "advcl" and k.tag_ == "VBG" and k.lemma_.lower() in _GOING_ON and k.i > c.i and \
        k.left_edge.i == end + 2 and k.doc[end + 1].text == "," and any(
            g.dep_ == "ccomp" and has_that(g) for g in k.children)


def _second_that_clause(k: Token, c: Token) -> bool:
    """ "said the plan was sound, but that funding was short": the parser may hang the second "that" clause on
    the speech verb rather than on the first clause; its own "that" marks it as more of the same statement."""
    return k.dep_ == "conj" and k.i > c.right_edge.i and k.pos_ in ("VERB", "AUX") and \
        k.left_edge.lower_ == "that" and any(m.dep_ == "mark" and m.lower_ == "that" for m in k.children) and \
        any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in k.children)


def _others_words(t: Token) -> bool:
    """A relative clause whose own subject is a noun ("the offer the unions called 'an insult'", "a plan which
    critics say ..."): what it reports is that noun's words, not the words of the clause it sits in."""
    if t.dep_ not in ("relcl", "acl") or t.pos_ != "VERB" or _that_clause(t):
        return False
    if any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in t.children):
        return True
    return t.tag_ in ("VBD", "VBZ", "VBP") and t.head.pos_ in ("NOUN", "PROPN") and t.head.tag_ in ("NNS", "NNPS") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)


def _occasion(c: Token) -> bool:
    """ "during talks with X in Seoul", "at a meeting in Cairo": the occasion a statement was made on, told by the
    writer after it, not part of what was said."""
    return c.dep_ == "prep" and (c.lower_ in ("during", "at") or (
        c.lower_ in ("in", "on") and c.doc[c.i - 1].text == ",")) and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _CHANNELS for g in c.children)


def own_end(x: Token) -> int:
    """The end of a requested action without the writer's setting after it: "urged residents to move inland on
    Wednesday as the typhoon approached" ends at "inland"."""
    end = x.right_edge.i
    for c in sorted(x.children, key=lambda c: -c.i):
        if c.i < x.i or c.right_edge.i != end:
            break
        setting = (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONTEXT_MARKS for m in c.children)
                   and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)) or (
            c.dep_ in ("prep", "npadvmod") and (c.ent_type_ == "DATE" or any(
                g.ent_type_ == "DATE" and g.lower_ in _WEEKDAYS for g in c.children))) or _occasion(c)
        if not setting:
            break
        end = c.left_edge.i - 1
    return max(end, x.i)


def _reason_given(t: Token) -> bool:
    """ "said he was postponing the trip because she had said she had no interest": a speech verb in a because-clause
    is the reason the speaker gives, part of the statement, not a second statement of its own."""
    return t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "because" for m in t.children)


def _own_statement(t: Token) -> bool:
    """A speech verb with a subject of its own and something it reports (a clause, an object): a second statement
    inside the first one's clause."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in SPEECH_VERBS or t.dep_ not in ("advcl", "conj", "relcl", "acl") \
            or has_that(t):
        return False  # ("... and that the club would appeal the card": more of the same statement)
    if t.lemma_.lower() in REQUEST_VERBS - CLAUSE_VERBS and not any(c.dep_ in ("xcomp", "ccomp", "oprd") or (
            c.dep_ == "dobj" and any(g.dep_ in ("appos", "oprd") for g in c.children)) or (
            c.dep_ == "prep" and c.lower_ in ("on", "upon", "for")) for c in t.children):
        return False  # "appeal the red card", "call a meeting": no request
    subj = [c for c in t.children if c.dep_ == "nsubj"]
    if not subj or subj[0].lower_ in ("that", "which", "who", "what"):
        return False
    return any(c.dep_ in ("ccomp", "dobj", "oprd", "xcomp") and c.i > t.i for c in t.children)


def is_speech_participle(t: Token) -> bool:
    """ "..., arguing that ...", "..., adding that ...", "..., calling the offer 'an insult'": a speech verb's
    participle after a comma, with no subject of its own, that carries a statement of its own (the subject of the
    sentence says it)."""
    return t.tag_ == "VBG" and t.dep_ in ("advcl", "conj", "xcomp") and t.lemma_.lower() in SPEECH_PARTICIPLES and \
        t.i > 0 and t.doc[t.left_edge.i - 1].text == "," and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and any(
            (c.dep_ == "ccomp" or (c.dep_ in ("dobj", "oprd", "prep") and t.lemma_.lower() in OBJECT_VERBS | {"call"}))
            and c.i > t.i for c in t.children)


def _acts(n: Token) -> bool:
    """Whether what a noun like "importance" or "need" governs holds an action ("the need for leaders to act",
    "the importance of responsibly managing competition") rather than a bare thing ("the importance of ties")."""
    return any(t.pos_ in ("VERB", "AUX") for t in n.subtree if t.i > n.i)


def has_infinitive(span: Span) -> bool:
    """Whether a call's object carries an action of its own ("called for all sides to withdraw", "called for talks
    to resolve the dispute"): a call for a bare thing ("called for an emergency session") names only an object."""
    return any(t.pos_ in ("VERB", "AUX") and any(g.dep_ == "aux" and g.lower_ == "to" for g in t.children)
               for t in span)


def has_that(c: Token) -> bool:
    """A clause the tagger mislabelled ("that the United States values ...", "values" as a noun) still opens
    with "that"."""
    return any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)


def _own_clause(k: Token) -> bool:
    """ "..., and the leaders have not met since 2015": a conjunct after a comma and "and"/"but" with a subject
    of its own that is a noun, not a "that"-clause, is the writer's next sentence, not more of the statement
    (a pronoun subject usually carries the speaker's own point on; "and that ..." is a second statement)."""
    if k.pos_ not in ("VERB", "AUX") or has_that(k):
        return False
    subj = [g for g in k.children if g.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subj or subj[0].pos_ == "PRON":
        return False
    doc = k.doc
    lead = subj[0].left_edge.i
    ccs = [t for t in doc[max(0, lead - 2):lead] if t.dep_ == "cc" or t.text == ","]
    return len(ccs) == 2 and ccs[0].text == ","


def _make(v: Token, kids: list[Token]) -> tuple[tuple[int, int], Token | None] | None:
    for c in kids:
        if c.lower_ in ("clear", "plain"):
            for g in list(c.children) + [k for k in kids if k.dep_ == "ccomp" and k is not c]:
                if g.pos_ in ("VERB", "AUX") and g.dep_ in ("ccomp", "csubj", "advcl"):
                    return (g.left_edge.i, g.right_edge.i), c
        if c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS:
            for g in c.children:
                if g.dep_ in ("acl", "relcl", "ccomp", "xcomp") and g.pos_ in ("VERB", "AUX"):
                    return (g.left_edge.i, g.right_edge.i), c
    return None

def _request(v: Token, lemma: str, kids: list[Token]) -> tuple[tuple[int, int], Token | None] | None:
    xcomps = [c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.i > v.i]
    if lemma == "call":
        oprd = [c for c in kids if c.dep_ == "oprd" and c.i > v.i]
        if oprd and any(c.dep_ == "dobj" and c.lower_ == "what" and c.i < v.i for c in kids):
            # "summoned the envoy over what it called repeated incursions": the words after "called" are the
            # speaker's description
            return (oprd[0].left_edge.i, oprd[0].right_edge.i), None
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i > v.i:  # not "X on Thursday called on Y"
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs and (xcomps or any(g.dep_ in ("acl", "relcl") for g in objs[0].children)):
                    end = max([objs[0].right_edge.i] + [x.right_edge.i for x in xcomps])
                    return (objs[0].left_edge.i, end), c
            if c.dep_ == "prep" and c.lower_ == "for" and c.i == v.i + 1:
                objs = [g for g in c.children if g.dep_ == "pobj"]
                end = objs[0].right_edge.i if objs else -1
                for k in kids:  # "called for talks to resolve the issue" with the purpose hung on the verb
                    if k.dep_ in ("advcl", "xcomp") and k.left_edge.i == end + 1 and k.left_edge.lower_ == "to":
                        end = k.right_edge.i
                if objs and end - objs[0].left_edge.i >= 1 and has_infinitive(v.doc[objs[0].left_edge.i:end + 1]):
                    return (objs[0].left_edge.i, end), c
            if c.dep_ == "dobj" and c.lower_ == "attention":
                for p in kids:
                    if p.dep_ == "prep" and p.lower_ == "to":
                        objs = [g for g in p.children if g.dep_ == "pobj"]
                        if objs:
                            return (objs[0].left_edge.i, objs[0].right_edge.i), p
            if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN"):
                comp = [k for k in kids if k.dep_ in ("oprd", "acomp") and k.pos_ in ("ADJ", "NOUN")]
                if comp and comp[0].i > c.i:
                    return (c.left_edge.i, comp[0].right_edge.i), None
        return None
    objs = [c for c in kids if c.dep_ in ("dobj", "dative")]
    if lemma == "press" and not (objs and _addressee(objs[0])):
        return None  # "pressed the grapes to extract the juice": only someone pressed to act is asked to
    if lemma == "ask" and xcomps and xcomps[0].lemma_.lower() in _DUTIES:
        return None  # "asked his deputy to lead a delegation": a task given, not words reported
    if not xcomps and objs and _addressee(objs[0]):
        # "pressed Pakistan on Thursday to keep up pressure ...": the parser may read the infinitive after the
        # addressee (and a time) as a purpose clause of the verb
        xcomps = [c for c in kids if c.dep_ == "advcl" and c.i > objs[0].i and c.left_edge.lower_ == "to" and
                  any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
    if xcomps and objs and objs[0].i < xcomps[0].i:  # urging someone: no addressee, no request
        return (objs[0].left_edge.i, own_end(xcomps[0])), None
    for o in objs:
        for g in o.children:
            if g.dep_ in ("acl", "relcl", "xcomp") and g.pos_ == "VERB":
                return (o.left_edge.i, g.right_edge.i), None
    return None

def _before_occasion(n: Token, end: int) -> int:
    """A stance's end without the occasion the writer tells after it ("affirmed its readiness to resume visits
    during talks with X on Sunday")."""
    for t in n.doc[n.i + 1:end + 1]:
        if _occasion(t) and t.right_edge.i >= end - 1 and t.left_edge.i > n.i + 1:
            return t.left_edge.i - 1
    return end


def _addressee(o: Token) -> bool:
    """Whether an object can be asked to act: a person, a state or a body ("pressed Pakistan", "pressed his host",
    "pressed them"), not a thing ("pressed the grapes", "pressed the button")."""
    if o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or o.pos_ in ("PRON", "PROPN"):
        return True
    return o.lemma_.lower() in SPEAKER_NOUNS or o.lower_ in SPEAKER_NOUNS or o.lemma_.lower() in (
        "host", "counterpart", "ally", "partner", "neighbour", "neighbor", "guest", "visitor")


def _stance(v: Token, lemma: str, kids: list[Token]) -> tuple[tuple[int, int], Token | None] | None:
    nouns: list[Token] = [c for c in kids if c.dep_ == "dobj"]
    if lemma in ("speak", "talk", "discuss"):
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in ("about", "of", "on"):
                nouns += [g for g in c.children if g.dep_ == "pobj"]
    for n in nouns:
        nl = n.lemma_.lower()
        if nl in COURTESY_NOUNS or n.lower_ in COURTESY_NOUNS:
            return None
        if lemma in ("speak", "talk", "discuss") and nl not in _CONTENT_NOUNS:
            continue
        if nl not in STANCE_NOUNS and n.lower_ not in STANCE_NOUNS:
            continue
        if (nl in _CONTENT_NOUNS or n.lower_ in _CONTENT_NOUNS) and not _acts(n):
            continue  # "stressed the importance of ties": a topic; "the importance of settling it" says something
        if nl in _FEELING_NOUNS or n.lower_ in _FEELING_NOUNS:
            addressed = False
            for p in n.children:
                if p.dep_ == "prep" and p.lower_ in _FEELING_PREPS:
                    objs = [g for g in p.children if g.dep_ in ("pobj", "pcomp")]
                    if objs and p.lower_ == "with" and objs[0].pos_ == "PROPN" and any(
                            t.ent_type_ == "PERSON" or t.dep_ == "compound" and t.lower_ in SPEAKER_NOUNS
                            for t in objs[0].subtree):
                        addressed = True  # "raised his concerns with President X": whom they were put to
                        continue
                    if objs:
                        return (objs[0].left_edge.i, max(objs[0].right_edge.i, n.right_edge.i)), p
            if addressed:
                continue  # concerns put to someone, with no word of what they were: no statement
        for g in n.children:
            if g.dep_ in ("acl", "ccomp", "relcl") and g.pos_ in ("VERB", "AUX") and any(
                    m.lower_ == "that" and m.dep_ == "mark" for m in g.children):
                return (g.left_edge.i, g.right_edge.i), n
        # "his concerns to continue ..., and his expectation that ...": a second noun goes on; a verb does not
        right = [c.right_edge.i for c in kids if c.i > n.i and (c.dep_ in ("xcomp", "ccomp") or (
            c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")))]
        end = max([n.right_edge.i] + right)
        content = right or any(g.dep_ in ("acl", "relcl", "xcomp", "ccomp") and g.pos_ in ("VERB", "AUX")
                               for g in n.children) or nl in _FEELING_NOUNS or n.lower_ in _FEELING_NOUNS or \
            nl in _CONTENT_NOUNS or nl not in _TOPIC_NOUNS or lemma in _ASSERTING
        end = _before_occasion(n, end)
        if end - n.left_edge.i >= 3 and content:
            return (n.left_edge.i, end), None
    return None
