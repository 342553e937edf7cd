"""The work of `find_quotes` on one article: quotation marks to direct/partial quotes, speech verbs to indirect
quotes, colon blocks and transcript lines to direct quotes.

Kept in one class per article because the three passes share tables (token offsets, quotation spans, the
speaker tracker) and each later pass needs what the earlier ones kept (the verbs already used to attribute a
quotation are not read again as indirect quotes; a paragraph that is only a quotation takes the previous
record's speaker).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.core.datelines import dateline_at
from extractors.core.text import article_text
from extractors.core.types import Quote
from extractors.quotes.clauses import (
    cue_of,
    has_that,
    is_speech_participle,
    quoted_as,
    reported_content,
    reported_under,
    trim_range,
)
from extractors.quotes.lexicon import (
    AUTHOR_PRONOUNS,
    CLAUSE_VERBS,
    EVALUATIVE_VERBS,
    NOT_SPEECH,
    PARTICLE_ONLY,
    SPEAKER_NOUNS,
    SPEECH_LEMMAS,
    STATEMENT_NOUNS,
    is_agency,
)
from extractors.quotes.marks import (
    ALL_MARKS,
    Intervals,
    Quoted,
    clean_piece,
    find_quoted,
    is_heading,
    is_mark,
    is_title_like,
    paragraphs,
    trimmed,
)
from extractors.quotes.speakers import Speaker, SpeakerResolver, ents_in, is_passive, subject_of
from extractors.resolve.resolver import ArticleResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_END = {".", "!", "?"}
# Verbs that attribute a quotation only right after it ('"...," he continued'), never on their own.
# Nouns that carry what their owner said: "Moscow's claim that ...", "the administration's assertion that ...".
_CLAIM_NOUNS = {"assertion", "claim", "allegation", "accusation", "insistence", "argument", "warning", "assurance",
                "announcement", "suggestion", "contention", "statement", "pledge", "promise", "charge"}
_RIGHT_AFTER = {"continue", "go", "begin", "conclude", "explain", "insist", "reply", "respond", "note", "recall"}
_MAX_REGION = 40
# Stretches of time a writer dates a statement by: "..., 10 days after ...".
_SPANS = {"day", "week", "month", "year", "hour", "minute"}
# Conjunctions that carry a statement on past its attribution: "..., the minister warned, unless the bank acts".
_GOES_ON = {"because", "unless", "if", "although", "though", "since", "until", "while", "as", "so", "once"}
# What may go on after an interrupting attribution: "..., the senator said, because ..." / "..., in July".
_CLAUSE_TAIL = {"advcl", "prep", "dobj", "xcomp", "npadvmod", "advmod", "attr", "acomp", "oprd", "ccomp"}
# A live blog's time stamp opening an item ("12:20 -", "09.40 –"): neither a speaker nor the statement.
_TIMESTAMP = re.compile(r"\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})? ?(?:-{1,2}|\u2014|\u2013|:) ?")
# A lead's dateline the shared reader leaves alone: "NUSA DUA, Bali (JP): ", "Addis Abeba, July 10/2018 - ".
_LEAD_DATELINE = re.compile(r"[A-Z][A-Za-z'.-]+(?: [A-Z][A-Za-z'.-]+){0,2}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
                            r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:[/,] ?\d{4})?)?(?: \([A-Za-z]{1,12}\))?"
                            r" ?(?::|-{1,2}|\u2013|\u2014) ")
# "Kovalenko:" or "12:03 - Foreign Minister Kovalenko:" before a quotation: a transcript-style attribution.
_LABEL_INTRO = re.compile(r"(?:\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)? ?(?:-{1,2}|\u2014|\u2013) ?)?([^:\n\"]{2,60}):\s*$")
# A parenthesis closing a transcript label: "Guterres (retranslated):", "SMITH (via interpreter):".
_ASIDE = re.compile(r"\s*\([^()]{1,30}\)\s*$")
# Unnamed turns of a transcript or broadcast: "Reporter:", "Q:", "ANCHOR:".
_TURN_ROLES = {"reporter", "question", "q", "moderator", "anchor", "host", "interviewer", "journalist",
               "correspondent", "audience", "presenter", "participant", "answer", "a"}
# Turns of the people who run a briefing or ask in it: their announcements and questions frame the statements,
# they are not statements attributed to anyone (the corpus gold leaves them out).
_ASKING_ROLES = (_TURN_ROLES - {"answer", "a"}) | {"questioner", "emcee", "interlocutor"}
# A transcript turn that is only thanks or a greeting.
_COURTESY_TURN = re.compile(r"(?i)(?:(?:thank you|thanks|good (?:morning|afternoon|evening)|hello|welcome)"
                            r"(?:,? (?:very much|so much|all|everyone|everybody|again|both|sir|madam))*[.!,]?\s*)+")
_LABEL_HONORIFICS = {"mr", "ms", "mrs", "dr", "madam", "sir"}
# Capitals that open a paragraph as a rubric, not as a speaker's name.
_RUBRICS = {"update", "updated", "watch", "read", "note", "photo", "video", "breaking", "correction", "editor",
            "editor's", "listen", "related", "also", "see", "more", "source", "sources", "live", "warning",
            "analysis", "opinion", "exclusive", "advisory", "urgent", "flash", "bulletin", "summary", "background",
            "media", "contact", "end", "ends", "notes", "disclaimer", "tags", "topics"}
_NOT_SAYING = {"decline", "refuse", "fail", "avoid", "hesitate", "want", "wish", "hope", "plan", "intend", "expect",
               "try", "seek", "prepare", "need", "have", "like", "love", "dare", "forget"}
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us|me)\b")
_DOCUMENTS = {"statement", "report", "release", "transcript", "readout", "communique", "communiqué", "summary",
              "declaration", "letter", "message",
              "document", "note", "post", "interview", "briefing"}
# Records of someone's own words: "according to a transcript" leaves the words to the one who spoke them.
_RECORDINGS = {"transcript", "recording", "video", "footage", "audio", "tape", "minutes", "excerpt"}
_NOT_SOURCES = {"data", "figure", "estimate", "statistic", "poll", "survey", "study", "record", "media", "count",
                "forecast", "result", "census", "analysis", "calculation", "tally", "map", "image", "reports", "report"}
# Subjects whose rejection of a text is a vote: "shareholders rejected the pay plan".
_VOTERS = {"shareholder", "stockholder", "investor", "voter", "electorate", "lawmaker", "legislator", "parliament",
           "senate", "house", "assembly", "congress", "board", "jury", "court", "judge", "member", "delegate",
           "legislature", "referendum"}
# Heads of quoted names of texts and programmes ('a "Joint Statement"', 'the "Action Plan for 2030"').
_DOCUMENT_NAMES = {"statement", "declaration", "plan", "agreement", "treaty", "accord", "memorandum", "pact",
                   "charter", "roadmap", "framework", "programme", "program", "initiative", "strategy", "communique",
                   "communiqué", "protocol", "convention", "vision", "partnership", "mechanism", "dialogue"}
_SIGNING = {"sign", "adopt", "issue", "release", "conclude", "publish", "endorse", "approve", "launch", "unveil",
            "ink", "initial", "ratify", "agree", "finalize", "finalise", "produce", "draft"}
_NAMING_VERBS = {"call", "name", "dub", "nickname", "title", "christen", "rename", "know"}
# Nouns of a writer's comment appended to a statement ("..., a decision analysts had expected").
_SUMMARY_NOUNS = {"decision", "move", "step", "sign", "signal", "development", "setback", "blow", "boost", "shift",
                  "reversal", "departure", "rebuke", "snub", "concession", "outcome", "result", "sum", "figure",
                  "level", "record", "claim", "charge", "remark", "comment", "statement", "view", "position",
                  "stance", "prospect", "possibility", "scenario", "warning", "threat", "suggestion", "proposal"}
# Titles a headline may name its speaker by (beside SPEAKER_NOUNS).
_TITLE_HEADS = {"governor", "mayor", "premier", "chancellor", "boss", "chief", "ceo", "pm", "fm", "minister",
                "president", "senator", "envoy", "king", "queen", "pope", "general", "spokesman", "spokeswoman"}
_DEMONSTRATIVES = {"this", "that", "these", "those", "what", "which", "there"}
_QUANTIFIERS = {"many", "some", "most", "several", "few", "others", "all", "each", "both", "none", "any"}
# Things that cannot speak: a subject like these is a figure of speech or a joint text, not a speaker.
_INANIMATE = {"document", "agreement", "treaty", "deal", "meeting", "talk", "visit", "trip", "summit", "conference",
              "plan", "move", "decision", "event", "accord", "declaration", "resolution", "memorandum", "pact",
              "study", "survey", "poll", "data", "figure", "evidence", "chorus", "voice"}


def _in_capitals(word: str) -> bool:
    """A word of a transcript label written in capitals: "KERRY", "McCORMACK", "O'NEILL", or an honorific "MR."/"Mr."
    before one."""
    letters = [c for c in word if c.isalpha()]
    if word.rstrip(".").lower() in _LABEL_HONORIFICS:
        return True
    return bool(letters) and (all(c.isupper() for c in letters) or (
        len(letters) >= 5 and sum(c.islower() for c in letters) <= 2 and letters[-3:] == [c.upper() for c in
                                                                                           letters[-3:]]))


@dataclass(slots=True)
class _Attribution:
    verb: Token | None
    subject: Token | None
    cue: str | None
    via: str  # after | before | sentence | according | colon


@dataclass(slots=True)
class _Record:
    quote: Quote
    verb_i: int | None = None
    marks: tuple[int, int] = (0, 0)


class QuoteFinder:
    """One article's quotes: built once per document, `run()` once."""

    def __init__(self, doc: Doc, resolver: ArticleResolver) -> None:
        self.doc = doc
        self.text = article_text(doc, resolver)
        self.para = paragraphs(self.text)
        self._para_starts = [s for s, _ in self.para]
        self.quoted = find_quoted(self.text)
        self.quotations = Intervals([(q.open_mark, q.close_mark) for q in self.quoted])
        self._tok_starts = [t.idx for t in doc]
        self.speakers = SpeakerResolver(doc, resolver, self.quotations)
        self.used_verbs: set[int] = set()
        self._speaker_cache: dict[int, Speaker | None] = {}
        self._subject_override: dict[int, Token | None] = {}
        self._dateline = self._datelines()
        self._framing: list[tuple[int, int]] = []  # turns of a moderator or a questioner in a transcript
        self._unremembered: set[int] = set()  # subjects of speech verbs inside another's reported clause
        self._sourced: set[int] = set()  # speech verbs whose statement an "according to" source reports

    def subject(self, verb: Token) -> Token | None:
        if verb.i in self._subject_override:
            return self._subject_override[verb.i]
        fronted = self._fronted(verb)
        if fronted is not None:
            return fronted[0]
        if is_speech_participle(verb) or (
                verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.lemma_.lower() in SPEECH_LEMMAS and
                self.doc[verb.left_edge.i - 1].text == "," and not any(c.dep_ == "nsubj" for c in verb.children)):
            # "said the deal was the best on offer, arguing that ...", "..., calling them 'aggression'": the
            # speaker of the statement it follows
            p_start, _ = self.para_of(verb.idx)
            speech = [anc for anc in verb.ancestors if anc.pos_ == "VERB" and anc.lemma_.lower() in SPEECH_LEMMAS
                      and anc.i < verb.i and anc.idx >= p_start]  # (a headline the parser ran on is not it)
            if speech:
                return self.subject(speech[-1])  # the outermost: "said Moscow would respond ..., calling it ..."
        found = subject_of(verb, self._dateline)
        if found is not None:
            return self._channel_author(verb, found) or self._clause_subject(found, verb)
        named = quoted_as(verb)
        if named is not None:
            return named
        if verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ in ("ROOT", "ccomp", "conj") and verb.i > 0:
            # a finite verb the parser left without a subject ("..., opposition leader Mari Takeda said", with
            # the name hung on the phrase before): the name just before the verb is its subject
            prev = self.doc[verb.i - 1]
            while prev.i > verb.sent.start and prev.pos_ in ("ADV", "AUX", "PART") and not self._surname(prev):
                prev = self.doc[prev.i - 1]
            if (prev.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or prev.pos_ == "PRON" or self._surname(prev)
                    or prev.lemma_.lower() in SPEAKER_NOUNS) and prev.i not in self._dateline and \
                    not self.in_quote(prev.idx):
                return self._apposed_speaker(prev, verb)
        return None

    def _channel_author(self, verb: Token, found: Token) -> Token | None:
        """ "Addis Ababa, in a statement from its Foreign Ministry, accused ...": a state named as the subject speaks
        through the body whose statement is cited; that body is the speaker."""
        if found.ent_type_ not in ("GPE",):
            return None
        for p in verb.children:
            if p.dep_ != "prep" or p.lower_ != "in":
                continue
            for n in p.children:
                if n.dep_ != "pobj" or n.lemma_.lower() not in _DOCUMENTS:
                    continue
                preps = [q for q in n.children if q.dep_ == "prep"] + [
                    q for a in n.children if a.dep_ == "acl" for q in a.children if q.dep_ in ("agent", "prep")]
                for q in preps:  # "a statement from its ministry", "a statement issued by its ministry"
                    if q.lower_ in ("from", "by", "of"):
                        author = next((g for g in q.children if g.dep_ == "pobj"), None)
                        if author is not None and author.pos_ in ("NOUN", "PROPN"):
                            return author
        return None

    def _clause_subject(self, found: Token, verb: Token) -> Token:
        """ "... to brief the presidents, and officials say ...": the parser joins a new clause's subject to the
        objects before it as one more conjunct; a conjunct after ", and" right before the verb is its own subject."""
        last = next((c for c in reversed(list(found.children)) if c.dep_ == "conj" and c.i < verb.i), None)
        if last is None or last.right_edge.i != verb.i - 1 or last.left_edge.i < 2:
            return found
        if self.doc[last.left_edge.i - 1].lower_ in ("and", "but", "while") and \
                self.doc[last.left_edge.i - 2].text == "," and any(
                    t.dep_ == "cc" for t in self.doc[found.left_edge.i:last.left_edge.i - 2]):
            return last  # ("A, B, and C said" is one list: only a list already closed by "and" starts anew)
        return found

    def _apposed_speaker(self, prev: Token, verb: Token) -> Token:
        """ "Manila summoned the envoy, the Department of Foreign Affairs said": the parser hangs the speaker on the
        statement's last noun as its apposition; that apposition, ending right before the verb, is the speaker."""
        for t in [prev, *prev.ancestors]:
            if t.i >= verb.i or t.i < verb.sent.start:
                break
            if t.dep_ == "appos" and t.right_edge.i == verb.i - 1 and t.left_edge.i > verb.sent.start and \
                    self.doc[t.left_edge.i - 1].text == "," and t.pos_ in ("NOUN", "PROPN"):
                return t
        return prev

    def _datelines(self) -> set[int]:
        """Token indices of datelines ("MOSCOW (Reuters) -", "BEIJING, May 3 --") at paragraph starts."""
        out: set[int] = set()
        for p_start, p_end in self.para:
            m = dateline_at(self.text, p_start, p_end, strict=True) or _TIMESTAMP.match(
                self.text, p_start, min(p_end, p_start + 40))
            if m is None and p_start in self._para_starts[:2]:  # (a headline may come first)
                m = _LEAD_DATELINE.match(self.text, p_start, min(p_end, p_start + 60))
                if m is not None and not re.search(r"\d|\([A-Za-z]{1,12}\)", m.group(0)):
                    m = None  # a city alone before a colon may be a transcript label: only with a date or an outlet
            if m is None:
                continue
            i = self.tok_at(p_start)
            while i < len(self.doc) and self.doc[i].idx < m.end():
                out.add(i)
                i += 1
        return out

    def speaker_for(self, tok: Token) -> Speaker | None:
        """One resolution per subject token, so the pronoun tracker sees each mention once, in text order."""
        if tok.i not in self._speaker_cache:
            apposed = [c for c in tok.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
            of_people = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                         if g.dep_ == "pobj" and g.lemma_.lower() in SPEAKER_NOUNS]
            if (tok.lower_ in _QUANTIFIERS or tok.lower_ == "one") and apposed:
                # "One of the sources, a Turkish official, said": the apposition says who
                self._speaker_cache[tok.i] = self.speakers.speaker(apposed[0])
            elif tok.lower_ in ("one", "some", "many", "several", "two", "three", "most") and of_people:
                self._speaker_cache[tok.i] = self.speakers.speaker(of_people[0])  # "one of the people"
            elif tok.lower_ in _QUANTIFIERS or tok.lemma_.lower() in _INANIMATE or tok.lower_ in _DEMONSTRATIVES:
                self._speaker_cache[tok.i] = None
            else:
                self._speaker_cache[tok.i] = self.speakers.speaker(tok, remember=tok.i not in self._unremembered)
        return self._speaker_cache[tok.i]

    def _goes_on_clause(self, t: Token, clause: Token) -> bool:
        """ "said Cairo regarded Moscow as a partner and welcomed ...", "said he had spoken to X and had urged him to
        ...": a second verb joined without a comma to a reported clause whose subject is the speaker's state or
        the speaker ("he"), in the clause's own tense, and reporting no clause of its own, goes on that clause. With
        a comma ("..., and urged Moscow to"), after another subject ("said teachers supported X but warned that
        ..."), with a that-clause of its own ("and stressed that ...") or without the clause's auxiliary ("said she
        would accept the results but accused ...") it is the speaker's next statement."""
        k = t.left_edge.i - 1
        while k > 0 and self.doc[k].dep_ in ("cc", "advmod") and self.doc[k].i > t.head.i:
            k -= 1
        if self.doc[k].text in (",", ";") or any(g.dep_ == "ccomp" for g in t.children):
            return False
        head = t.head
        while head.dep_ == "conj" and head.i != clause.i and head.head.i != head.i:
            head = head.head
        if any(g.dep_ == "aux" for g in head.children) and not any(g.dep_ in ("aux", "auxpass") for g in t.children):
            return False  # "denied that he had received payments and dismissed the allegations": the second verb
            # drops the reported clause's "had"/"would" and takes the narrative's tense: the speaker's own act
        subj = next((g for g in head.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and (subj.lower_ in ("he", "she", "we") or subj.ent_type_ == "GPE")

    def _register_subjects(self) -> None:
        """Resolves every speech verb's subject in text order before any quote is built, so that a pronoun
        ("...," he said) finds the speakers named before it, whichever pass meets it first; and gives a second
        speech verb that the parser hung inside the first one's clause the first one's subject."""
        for v in self.doc:
            if v.pos_ != "VERB" or v.lemma_.lower() not in SPEECH_LEMMAS:
                continue
            for c in v.children:
                if c.dep_ != "ccomp" or c.i < v.i:
                    continue
                for t in c.subtree:
                    if t.dep_ == "conj" and t.i > c.i and t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_LEMMAS \
                            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in t.children) and \
                            not self._goes_on_clause(t, c) and not _nested_speaker(t):
                        # "said the measures were a response, and urged Moscow to ...": a second statement by
                        # the same speaker that the parser hung inside the first clause
                        self._subject_override[t.i] = subject_of(v, self._dateline)
        for tok in self.doc:
            subj: Token | None = None
            if tok.lower_ == "according":
                att = self._according([tok])
                subj = att.subject if att is not None else None
            elif self._is_speech_verb(tok) and not is_passive(tok):
                subj = self.subject(tok)
                if subj is not None and self._reported_inside(tok):
                    self._unremembered.add(subj.i)
            if subj is not None and not self.in_quote(subj.idx):
                self.speaker_for(subj)

    def _reported_inside(self, v: Token) -> bool:
        """ "Peskov said Putin would tell Erdogan about ...": a speech verb inside another speaker's reported clause.
        Its subject is someone spoken about, not a speaker: a later "He said" goes on with the outer speaker."""
        if v.i in self._subject_override or v.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "relcl"):
            return False
        return any(a.pos_ == "VERB" and a.lemma_.lower() in CLAUSE_VERBS and self._is_speech_verb(a) and
                   reported_under(v, a) for a in v.ancestors)

    # ---- small tables --------------------------------------------------------------------------------------
    def tok_at(self, offset: int) -> int:
        """Index of the token at or just before a character offset."""
        return max(0, bisect.bisect_right(self._tok_starts, offset) - 1)

    def in_quote(self, offset: int) -> bool:
        return self.quotations.holds(offset)

    def _same_quote(self, a: int, b: int) -> bool:
        iv = self.quotations.last_from(a)
        return iv is not None and iv[0] <= a and b < iv[1]

    def para_of(self, offset: int) -> tuple[int, int]:
        k = max(0, bisect.bisect_right(self._para_starts, offset) - 1)
        return self.para[k]

    def run(self) -> list[Quote]:
        if not len(self.doc):
            return []
        self._register_subjects()
        records, unattributed = self._marked_quotes()
        records += self._colon_blocks(records)
        records += self._transcript_lines(records)
        records += self._indirect_quotes(records)
        records += self._context_quotes(records, unattributed)
        records.sort(key=lambda r: r.quote.start)
        return [r.quote for r in records]

    # ---- quotation marks -----------------------------------------------------------------------------------
    def _is_speech_verb(self, tok: Token) -> bool:
        if tok.pos_ not in ("VERB",) or self.in_quote(tok.idx):
            return False
        if tok.ent_type_ == "PERSON" and not (tok.dep_ == "ROOT" and tok.text.istitle() and tok.i > 0 and
                                              tok.ent_iob_ == "I" and tok.lemma_.lower() in CLAUSE_VERBS):
            return False  # (a headline's "López Says ..." glues the verb to the name: it is still the verb)
        lemma = tok.lemma_.lower()
        if lemma == "put":  # "as the senator put it, ...": the clause around is the senator's
            return tok.dep_ == "advcl" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children) and \
                any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        if lemma in NOT_SPEECH or lemma not in SPEECH_LEMMAS:
            return False
        if lemma in PARTICLE_ONLY:
            return any(c.dep_ in ("prt", "advmod") and c.lower_ == PARTICLE_ONLY[lemma] for c in tok.children)
        if lemma == "make":
            return any(c.lower_ in ("clear", "plain") or (c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS)
                       for c in tok.children)
        if lemma in ("speak", "talk", "discuss", "raise", "signal", "convey", "state") and not any(
                c.dep_ in ("ccomp", "prep", "dobj") for c in tok.children):
            return False
        if lemma == "report" and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
            return False  # "X reports from Seoul": the correspondent's byline, not a statement
        return True

    def _region_after(self, q: Quoted) -> list[Token]:
        doc = self.doc
        _, p_end = self.para_of(q.close_mark - 1)
        out: list[Token] = []
        i = self.tok_at(q.close_mark)
        if i < len(doc) and doc[i].idx < q.close_mark:
            i += 1
        while i < len(doc) and len(out) < _MAX_REGION:
            t = doc[i]
            if t.idx >= p_end or (is_mark(t.text) and t.text != "'") or t.text in _END:
                break
            out.append(t)
            i += 1
        return out

    def _region_before(self, q: Quoted) -> list[Token]:
        doc = self.doc
        p_start, _ = self.para_of(q.open_mark)
        out: list[Token] = []
        i = self.tok_at(q.open_mark) - 1
        while i >= 0 and len(out) < _MAX_REGION:
            t = doc[i]
            if t.idx < p_start or t.text in _END or (is_mark(t.text) and t.text != "'") or self.in_quote(t.idx):
                break
            out.append(t)
            i -= 1
        out.reverse()
        return out

    def _according(self, toks: list[Token]) -> _Attribution | None:
        for t in toks:
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                to = self.doc[t.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if not objs:
                    continue
                obj = objs[0]
                if obj.lemma_.lower() in _DOCUMENTS or obj.lemma_.lower() in _NOT_SOURCES:
                    # "according to a statement from the ministry": the author speaks; with no author, no one
                    authors = [g for p in obj.children if p.dep_ == "prep" and p.lower_ in ("from", "by", "of")
                               for g in p.children if g.dep_ == "pobj"]
                    authors += [g for a in obj.children if a.dep_ == "acl" for p in a.children
                                if p.dep_ in ("agent", "prep") and p.lower_ == "by"
                                for g in p.children if g.dep_ == "pobj"]  # "a statement issued by the ministry"
                    authors += [c for c in obj.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN",
                                                                                                     "NOUN")]
                    if any(c.lower_ in ("joint", "common", "final") and c.dep_ in ("amod", "compound")
                           for c in obj.children):
                        authors = [obj]  # "according to the final communique": the text itself is the source
                    if not authors and self.speakers.knows_document(obj):
                        authors = [obj]  # "according to the summary": the one named before
                    if not authors:
                        return None
                    self.speakers.note_document(obj, self.speaker_for(authors[0]))
                    obj = authors[0]
                phrase = self.doc[obj.left_edge.i:obj.right_edge.i + 1]
                if is_agency(phrase.text) or (obj.lemma_.lower() in _NOT_SOURCES and obj is objs[0]):
                    return None
                persons = [e for e in ents_in(phrase) if e.label_ == "PERSON"]
                if persons:
                    obj = persons[-1].root
                return _Attribution(t, obj, "according to", "according")
        return None

    def _in_words(self, toks: list[Token]) -> _Attribution | None:
        """ 'was, in the words of Minister X, "a useful exchange"', 'in X's words': X speaks."""
        for t in toks:
            if t.lower_ != "words" or t.dep_ != "pobj" or t.head.lower_ != "in":
                continue
            owner = [c for c in t.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
            owner += [g for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                      if g.dep_ == "pobj"]
            if owner:
                return _Attribution(t.head, owner[0], "in the words of", "according")
        return None

    def _subject_near(self, verb: Token, region: list[Token]) -> Token | None:
        subj = self.subject(verb)
        if subj is not None and not self.in_quote(subj.idx):
            return subj
        after = [t for t in region if t.i > verb.i]
        for t in after:
            if t.pos_ in ("PROPN", "PRON", "NOUN") or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                head = t
                while head.dep_ in ("compound", "amod", "det", "poss", "nmod") and head.head.i > head.i:
                    head = head.head
                return head
        return None

    def _attribution(self, q: Quoted) -> _Attribution | None:
        """Who a quotation is attributed to, looking (in this order) at: the verb framing a lowercase fragment
        before it; '"...," X said' right after it; 'X said, "..."' before it; "according to X"; any speech verb
        of its sentence; 'X said:' closing the previous paragraph. None when nothing attributes it.
        A verb of praise or blame ("hailed", "applauded") yields to an "according to X" in the same sentence: the
        words are the source's ('the two hailed a "new chapter", according to a joint summary')."""
        att = self._attribution_by_position(q)
        if att is not None and att.verb is not None and att.verb.lemma_.lower() in EVALUATIVE_VERBS:
            p_start, p_end = self.para_of(q.open_mark)
            sent = self.doc[self.tok_at(q.start)].sent
            acc = self._according([t for t in sent if p_start <= t.idx < p_end])
            if acc is not None:
                return acc
        if att is not None and att.verb is not None and att.via != "according":
            # "According to a spokesperson, the chancellor told him that ... 'as soon as possible'": the source that
            # opens the sentence reports the whole exchange and is the outer speaker (an agency passing it on is no
            # source: None there). A trailing "..., X said, according to a statement" leaves the words to X.
            p_start, p_end = self.para_of(q.open_mark)
            subj = self.subject(att.verb)
            frame = [t for t in att.verb.children if t.lower_ == "according" and p_start <= t.idx < p_end and
                     t.i < att.verb.i and (subj is None or t.i < subj.left_edge.i) and
                     not any(o.lemma_.lower() in _RECORDINGS for o in t.subtree)]
            acc = self._according(frame) if frame else None
            if acc is not None:
                self.used_verbs.add(att.verb.i)  # (its clause holds these words: no indirect quote of its own)
                return acc
        return att

    def _attribution_by_position(self, q: Quoted) -> _Attribution | None:
        after = self._region_after(q)
        before = self._region_before(q)
        inner_end = self.text[q.end - 1:q.end] if q.end > q.start else ""
        if inner_end == "." and not q.merged:
            after = []  # '"... ends here." It goes on': the period closed the sentence, the next one is not its cue
        verbs_after = [t for t in after if self._is_speech_verb(t) or (
            t.lemma_.lower() in _RIGHT_AFTER and t.pos_ == "VERB" and t.i <= after[0].i + 3)]
        verbs_before = [t for t in reversed(before) if self._is_speech_verb(t)]
        strong_after = bool(verbs_after) and (inner_end in ",!?" or (after and after[0].text in ",\u2014"))
        first_char = self.text[q.start:q.start + 1]
        if verbs_before:
            # the outermost speech verb governing the quotation: "He added that Moscow would respond 'calmly'"
            first_tok = self.doc[self.tok_at(q.start)]
            governing = [v for v in verbs_before if v in first_tok.ancestors]
            if governing:
                top = max(governing, key=lambda v: v.i)  # the nearest governing verb ...
                for outer in sorted(governing, key=lambda v: v.i, reverse=True):
                    if outer is not top and reported_under(top, outer) and not is_speech_participle(top):
                        top = outer  # ... unless it is itself reported by an outer one: the outer speaker is kept
                for outer in [*top.ancestors, *self._final_attribution(top)]:
                    # "X replied that ... 'fragment' ..., an official said": the outer speaker is kept
                    if outer.i > top.i and outer.idx >= q.close_mark and self._is_speech_verb(outer) and \
                            outer.lemma_.lower() in CLAUSE_VERBS and (reported_under(top, outer) or
                                                                      outer not in top.ancestors) and \
                            outer.sent == top.sent and self._speaks(self.subject(outer)):
                        top = outer
                        break
                verbs_before = [top] + [v for v in verbs_before if v is not top]
        if verbs_before and first_char.islower() and before[-1].i - verbs_before[0].i <= 15:
            v = verbs_before[0]  # an embedded fragment belongs to the verb that frames it
            return _Attribution(v, self._subject_near(v, before), None, "before")
        if strong_after or (verbs_after and not verbs_before):
            v = verbs_after[0]
            if v.i - after[0].i <= 25:
                return _Attribution(v, self._subject_near(v, after), None, "after")
        if verbs_before:
            v = verbs_before[0]
            if before[-1].i - v.i <= 15:
                return _Attribution(v, self._subject_near(v, before), None, "before")
        acc = self._according(before + after) or self._in_words(before + after)
        if acc is not None:
            return acc
        # the sentence the quotation sits in: its speech verb, nearest first
        first = self.doc[self.tok_at(q.start)]
        sent = first.sent
        p_start, p_end = self.para_of(q.open_mark)
        cands = [t for t in sent if p_start <= t.idx < p_end and self._is_speech_verb(t)]
        if cands:
            ancestors = {a.i for a in first.ancestors}
            governing = [t for t in cands if t.i in ancestors]
            nearest = [t for t in governing if t.i < first.i]  # the innermost verb framing it, as above
            v = nearest[-1] if nearest else governing[0] if governing else min(cands, key=lambda t: abs(t.i - first.i))
            outer = [u for u in governing if u.i < v.i and reported_under(v, u) and not is_speech_participle(v)]
            if outer:
                v = outer[0]  # "X told reporters that Ethiopia had rejected ... and showed 'Y'": the outer speaker
            subj = self.subject(v)
            if subj is not None:
                return _Attribution(v, subj, None, "sentence")
        acc = self._according([t for t in sent if p_start <= t.idx < p_end])
        if acc is not None:
            return acc
        return self._colon_intro(q) or self._label_intro(q)

    def _surname(self, tok: Token) -> bool:
        """A family name the tagger read as a word ('"...," Long said'): capitalised mid-sentence, known as a
        person's name in the article."""
        return tok.text.istitle() and tok.i > tok.sent.start and self.speakers.knows_surname(tok.text)

    def _final_attribution(self, v: Token) -> list[Token]:
        """ "X answered that ..., a diplomat said." parsed with the closing attribution under X's verb: a speech
        verb after a comma that ends the sentence, with its own subject and no clause of its own."""
        sent = v.sent
        out = []
        for w in v.subtree:
            if w.i <= v.i or w.pos_ != "VERB" or any(c.dep_ == "ccomp" for c in w.children):
                continue
            subj = [c for c in w.children if c.dep_ == "nsubj" and c.i < w.i]
            if not subj or self.doc[subj[0].left_edge.i - 1].text != ",":
                continue
            if all(t.is_punct for t in self.doc[w.right_edge.i + 1:sent.end]) and w.right_edge.i >= w.i:
                out.append(w)
        return out

    def _speaks(self, subj: Token | None) -> bool:
        return subj is not None and not self.in_quote(subj.idx) and self.speaker_for(subj) is not None

    def _label_intro(self, q: Quoted) -> _Attribution | None:
        """ 'Kovalenko: "Poland has ..."' (often after a live blog's time stamp): the name before the colon
        speaks, as in a transcript."""
        p_start, _ = self.para_of(q.open_mark)
        m = _LABEL_INTRO.match(self.text, p_start, q.open_mark)
        if m is None or len(m.group(1).split()) > 6:
            return None
        a, b = m.start(1), m.end(1)
        toks = [t for t in self.doc[self.tok_at(a):self.tok_at(max(a, b - 1)) + 1] if a <= t.idx < b]
        while toks and toks[-1].is_punct:
            toks.pop()
        named = bool(toks) and (toks[-1].pos_ == "PROPN" or toks[-1].ent_type_ == "PERSON" or (
            toks[-1].text.istitle() and self.speakers.knows_surname(toks[-1].text)))
        if not named or any(t.pos_ in ("VERB", "AUX") for t in toks) or not toks[-1].text[:1].isupper():
            return None  # only a name (with its title) labels a speaker's line; "The message reads:", "Farmers'
            # march:" (a headline's topic the tagger took for a name) do not
        if toks[-1].ent_type_ != "PERSON" and toks[-1].text.isupper() and len(toks[-1].text) > 3:
            return None  # "UPDATE:", "WATCH:": a rubric, not a name
        return _Attribution(None, toks[-1], None, "colon")

    def _colon_intro(self, q: Quoted) -> _Attribution | None:
        """'The message reads, in part:' at the end of the previous paragraph, then the quotation."""
        p_start, _ = self.para_of(q.open_mark)
        if self.text[p_start:q.open_mark].strip() or p_start == 0:
            return None
        prev_end = p_start - 1
        while prev_end > 0 and self.text[prev_end].isspace():
            prev_end -= 1
        if self.text[prev_end] != ":":
            return None
        t = self.doc[self.tok_at(prev_end)]
        verbs = [v for v in t.sent if self._is_speech_verb(v) or v.lemma_.lower() == "read"]
        if not verbs:
            return None
        v = verbs[-1]
        subj = self.subject(v)
        return _Attribution(v, subj, None, "colon") if subj is not None else None

    def _whole_paragraph(self, q: Quoted) -> bool:
        p_start, _ = self.para[q.paragraph]
        _, p_end = self.para[q.last_paragraph]
        return not self.text[p_start:q.open_mark].strip() and not self.text[q.close_mark:p_end].strip(" .,\n")

    def _merge_split(self, quoted: list[Quoted], attrs: list[_Attribution | None]) -> None:
        """'"A," he said. "B."': B, with no attribution of its own, joins A as its second piece."""
        for k in range(len(quoted) - 1):
            a, b = quoted[k], quoted[k + 1]
            att = attrs[k]
            if att is None or att.via != "after" or attrs[k + 1] is not None and attrs[k + 1].via == "after":
                continue
            if b.paragraph != a.last_paragraph or a.single != b.single:
                continue
            between = self.text[a.close_mark:b.open_mark]
            if len(between) > 300 or "\n" in between.strip():
                continue
            if att.verb is None or not (a.close_mark <= att.verb.idx < b.open_mark):
                continue
            stripped = between.rstrip()
            if not stripped or stripped[-1] not in ".,:;\u2014":
                continue
            b_att = attrs[k + 1]
            if b_att is not None and b_att.via in ("after", "before") and b_att.verb is not None and \
                    b_att.verb.i != att.verb.i:
                continue
            a.merged = b.parts[:]
            a.close_mark = b.close_mark
            a.closed = b.closed
            a.last_paragraph = b.last_paragraph
            b.parts = []

    def _scare_quote(self, q: Quoted, text: str) -> bool:
        """A quoted label of one to three words that modifies a noun after it ('the "two-plus-two" dialogue')
        or follows "so-called": no one is quoted; a speech verb nearby reports the clause around it."""
        if q.merged or len(q.parts) > 1 or not 1 <= len(text.split()) <= 3 or any(c in text for c in ".,;:!?"):
            return False
        before = self.text[max(0, q.open_mark - 12):q.open_mark].lower()
        if before.rstrip().endswith(("so-called", "so called")):
            return True
        first, last = self.tok_at(q.start), self.tok_at(max(q.start, q.end - 1))
        toks = [t for t in self.doc[first:last + 1] if not t.is_punct]
        roots = [t for t in toks if not first <= t.head.i <= last]
        if len(roots) != 1:
            return False
        root = roots[0]
        if root.dep_ not in ("compound", "nmod", "nummod", "amod") or root.head.i <= last or \
                root.head.pos_ not in ("NOUN", "PROPN"):
            return False
        # an evaluation ('a "very productive" meeting') is the speaker's word; a label holds a noun or number
        return not any(t.pos_ == "ADV" for t in toks) and any(t.pos_ in ("NOUN", "PROPN", "NUM") or "-" in t.text
                                                              for t in toks)

    def _document_name(self, q: Quoted, text: str) -> bool:
        """ 'signed a "Joint Statement on Maritime Cooperation" and an "Action Plan for the coming decade"': the
        quoted name of a text or programme after its article, not words of a speaker."""
        text = text.rstrip(".")
        if q.merged or len(q.parts) > 1 or any(c in text for c in ".;!?") or not 1 <= len(text.split()) <= 12:
            return False
        before = self.text[max(0, q.open_mark - 8):q.open_mark].lower().split()
        if not before or before[-1] not in ("a", "an", "the", "its", "their", "his", "her", "new"):
            return False
        first, last = self.tok_at(q.start), self.tok_at(max(q.start, q.end - 1))
        toks = [t for t in self.doc[first:last + 1] if not t.is_punct]
        roots = [t for t in toks if not first <= t.head.i <= last]
        if len(roots) != 1 or roots[0].lemma_.lower() not in _DOCUMENT_NAMES or \
                any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl", "compound") for t in toks):
            return False
        head = roots[0]
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        # signed, adopted, launched a "Plan": a name; "called for a 'new partnership'" may be the speaker's words
        if head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB" and \
                head.head.lemma_.lower() not in SPEECH_LEMMAS:
            return True
        # the parser lost the verb ('signed on May 3 a "joint declaration" and a "Roadmap"'): a verb of signing
        # a few words before the first of the names
        lead = [t for t in self.doc[max(0, first - 8):first] if t.pos_ == "VERB"]
        if bool(lead) and lead[-1].lemma_.lower() in _SIGNING:
            return True
        # the second of two names: 'a "joint statement" and a "Plan"'
        prev = max((x for x in self.quoted if x.parts and x.close_mark <= q.open_mark), key=lambda x: x.close_mark,
                   default=None)
        if prev is None or self.text[prev.close_mark:q.open_mark].strip().lower() not in ("and a", "and an", "and the"):
            return False
        return self._document_name(prev, self.text[prev.start:prev.end])

    def _type_of(self, q: Quoted, text: str) -> str:
        sent_start = self.doc[self.tok_at(q.open_mark)].sent.start_char if len(self.doc) else 0
        p_start, _ = self.para_of(q.open_mark)
        lead = self.text[max(sent_start, p_start):q.open_mark].strip()
        if not lead or lead[-1] in ",:\u2014" or len(q.parts) + len(q.merged) > 1:
            return "direct"  # it opens the sentence, follows "X said," or runs on: the speaker's own sentences
        if (text[:1].isupper() or text[:1].isdigit()) and self._has_clause(q.parts[0]):
            return "direct"  # 'she hoped "We will all be safer now."': a whole sentence, embedded
        return "partial"  # a few words inside the reporter's sentence: 'called the plan "Washington's mistake"'

    def _short_sentence(self, q: Quoted, text: str) -> bool:
        """ '"Every week counts."' as a paragraph of its own: a short quotation that is a sentence (a subject and
        its verb, closed inside the marks) is speech, unlike a short slogan or title ("No farms, no food")."""
        if len(text.split()) < 2 or len(q.parts) != 1 or self.text[q.end - 1:q.end] not in (".", "!", "?"):
            return False
        a, b = self.tok_at(q.parts[0][0]), self.tok_at(max(q.parts[0][0], q.parts[0][1] - 1))
        return any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") and t.dep_ == "ROOT" for t in self.doc[a:b + 1])

    def _has_clause(self, piece: tuple[int, int]) -> bool:
        """Whether a quoted piece holds a subject and its verb of its own."""
        a, b = self.tok_at(piece[0]), self.tok_at(max(piece[0], piece[1] - 1))
        return any(t.dep_ in ("nsubj", "nsubjpass", "expl") and a <= t.head.i <= b for t in self.doc[a:b + 1])

    def _marked_quotes(self) -> tuple[list[_Record], list[tuple[list[tuple[int, int]], Quoted, str]]]:
        quoted = [q for q in self.quoted if q.parts]
        attrs = [self._attribution(q) for q in quoted]
        self._merge_split(quoted, attrs)
        records: list[_Record] = []
        pending_context: list[tuple[list[tuple[int, int]], Quoted, str]] = []
        for q, att in zip(quoted, attrs, strict=True):
            if not q.parts:
                continue
            pieces, text = self.pieces_text(q.parts + q.merged)
            if not pieces or len(text) < 2 or not any(c.isalpha() for c in text):
                continue
            if att is None:
                if self._whole_paragraph(q) and (len(text.split()) >= 4 or self._short_sentence(q, text)):
                    pending_context.append((pieces, q, text))
                continue
            inner_end = self.text[q.end - 1:q.end]
            if self._scare_quote(q, text) or self._document_name(q, text):
                continue  # the annual "two-plus-two" dialogue: a label; the sentence's statement is indirect
            if is_title_like(text) and not (att.via in ("after", "before") and inner_end in ",.!?"):
                continue  # a name or title in quotation marks; '"Never," he said' has the mark of speech
            if att.verb is not None and att.verb.lemma_.lower() in _NAMING_VERBS and len(text.split()) <= 4 and \
                    text[:1].isupper():
                continue  # "researchers are calling it 'Nova'": a name being given
            if att.verb is not None and att.verb.lemma_.lower() in ("discuss", "talk", "speak") and \
                    att.via != "after" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in att.verb.children):
                continue  # "discussed his 'longest ever project'": an epithet in the topic ("spoke of 'a turning
                # point'" is the speaker's words)
            speaker = self._speaker_of(att)
            if speaker is None:
                continue
            qtype = "direct" if att.via == "colon" else self._type_of(q, text)
            if qtype == "direct" and att.via == "according" and len(q.parts) + len(q.merged) == 1 and \
                    not self._has_clause(q.parts[0]):
                qtype = "partial"  # 'the talks were, in the words of X, "a useful exchange"': a few words
            conf = {"after": 0.9, "before": 0.85, "colon": 0.8, "according": 0.7, "sentence": 0.65}.get(att.via, 0.5)
            if speaker.kind == "unknown":
                conf -= 0.15
            quote = Quote(speaker=speaker.name, speaker_country=speaker.country, speaker_role=speaker.role,
                          type=qtype, text=text, cue=self._cue(att), start=pieces[0][0], end=pieces[-1][1],
                          parts=pieces, confidence=round(max(conf, 0.1), 2))
            if att.verb is not None:
                self.used_verbs.add(att.verb.i)
            records.append(_Record(quote, att.verb.i if att.verb is not None else None,
                                   (q.open_mark, q.close_mark)))
        return self._join_fragments(records), pending_context

    def _join_fragments(self, records: list[_Record]) -> list[_Record]:
        """ 'saying Georgia "is one of our partners" and "plays a role"': the quoted fragments of one reported
        clause, framed by the same verb a few words apart, are one partial quote (the fragments joined)."""
        out: list[_Record] = []
        for rec in records:
            prev = out[-1] if out else None
            if prev is not None and rec.quote.type == "partial" and prev.quote.type == "partial" and \
                    rec.verb_i is not None and rec.verb_i == prev.verb_i and \
                    self.doc[rec.verb_i].lower_ != "according" and rec.quote.speaker == prev.quote.speaker:
                gap = self.text[prev.marks[1]:rec.marks[0]]
                if len(gap.split()) <= 3 and not any(c in gap for c in ".!?;\n"):
                    q = prev.quote
                    q.parts = q.parts + rec.quote.parts
                    q.text = " ".join(self.text[a:b] for a, b in q.parts)
                    q.end = rec.quote.end
                    prev.marks = (prev.marks[0], rec.marks[1])
                    continue
            out.append(rec)
        return out

    def _context_quotes(self, records: list[_Record], pending: list[tuple[list[tuple[int, int]], Quoted, str]]
                        ) -> list[_Record]:
        """A paragraph that is only a quotation: the speaker of the record just before it speaks on."""
        out: list[_Record] = []
        ordered = sorted(records, key=lambda r: r.quote.start)
        starts = [r.quote.start for r in ordered]
        for pieces, q, text in pending:
            k = bisect.bisect_left(starts, q.start) - 1
            if k < 0:
                continue
            src = ordered[k].quote
            if q.paragraph - bisect.bisect_right(self._para_starts, src.start) + 1 > 3:
                continue  # nobody has spoken for several paragraphs: the context does not say who this is
            out.append(_Record(Quote(speaker=src.speaker, speaker_country=src.speaker_country,
                                     speaker_role=src.speaker_role, type="direct", text=text, cue=None,
                                     start=pieces[0][0], end=pieces[-1][1], parts=list(pieces),
                                     confidence=0.5), None, (q.open_mark, q.close_mark)))
        return out

    def _speaker_of(self, att: _Attribution) -> Speaker | None:
        if att.subject is None:
            return None
        if att.via != "according" and att.verb is not None and is_passive(att.verb):
            return None
        if len(self.para) > 1 and att.subject.idx < self.para[0][1]:
            line = self.text[self.para[0][0]:self.para[0][1]].strip()
            if len(line.split()) <= 16 and line[-1:] not in ".!?:":
                return self.speaker_for(self._headline_speaker(att.subject))  # 'Minister says talks "useful"'
        return self.speaker_for(att.subject)

    def _cue(self, att: _Attribution) -> str | None:
        if att.cue:
            return att.cue
        if att.verb is None:
            return None
        return cue_of(att.verb)

    # ---- block quotations introduced by a colon, without marks ---------------------------------------------
    def _colon_blocks(self, records: list[_Record]) -> list[_Record]:
        out: list[_Record] = []
        for k, (p_start, p_end) in enumerate(self.para[:-1]):
            body = self.text[p_start:p_end].rstrip()
            if not body.endswith(":") or len(body.split()) > 30:
                continue
            n_start, n_end = self.para[k + 1]
            nxt = self.text[n_start:n_end].strip()
            if not nxt or nxt[0] in ALL_MARKS + "`" or any(r.quote.start >= n_start and r.quote.start < n_end
                                                     for r in records):
                continue
            t = self.doc[self.tok_at(p_start + len(body) - 1)]
            verbs = [v for v in t.sent if self._is_speech_verb(v) and p_start <= v.idx < p_end]
            if not verbs:
                continue
            v = verbs[-1]
            subj = self.subject(v)
            if subj is None:
                continue
            speaker = self.speaker_for(subj)
            if speaker is None:
                continue
            pieces = [trimmed(self.text, n_start, n_end)]
            ahead: list[tuple[int, int]] = []
            for m_start, m_end in self.para[k + 2:k + 12]:
                # the statement goes on while the speaker goes on speaking in the first person (a paragraph
                # without "I"/"we" between two with them included)
                more = self.text[m_start:m_end].strip()
                if not more or more[0] in ALL_MARKS + "`" or more.endswith(":") or is_heading(more) or \
                        any(r.quote.start >= m_start and r.quote.start < m_end for r in records):
                    break
                ahead.append(trimmed(self.text, m_start, m_end))
                if _FIRST_PERSON.search(more):
                    pieces += ahead
                    ahead = []
                elif len(ahead) > 1:
                    break
            pieces, text = self.pieces_text(pieces)
            if not pieces:
                continue
            self.used_verbs.add(v.i)
            out.append(_Record(Quote(speaker=speaker.name, speaker_country=speaker.country,
                                     speaker_role=speaker.role, type="direct", text=text, cue=cue_of(v),
                                     start=pieces[0][0], end=pieces[-1][1], parts=pieces, confidence=0.75),
                               v.i, (pieces[0][0], pieces[-1][1])))
        return out

    def pieces_text(self, pieces: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], str]:
        """The pieces without closing commas (and the last one without its period), and their text joined by
        one space: so that `text == " ".join(article[s:e] for s, e in parts)` always holds."""
        out: list[tuple[int, int]] = []
        for n, (a, b) in enumerate(pieces):
            a, b = trimmed(self.text, a, b)
            cleaned = clean_piece(self.text[a:b], last=(n == len(pieces) - 1))
            if cleaned and self.text.startswith(cleaned, a):
                out.append((a, a + len(cleaned)))
        return out, " ".join(self.text[a:b] for a, b in out)

    # ---- transcripts: "Anna Berg: Good morning, everyone." ---------------------------------------------------
    def _turn_label(self, p_start: int, p_end: int) -> tuple[int, str, Token | None] | None:
        """The colon ending a transcript turn's label at a paragraph start, the label as written, and the token
        naming a person in it (None for a role: "REPORTER", "Question"). "Name:", "Title Name:", "NAME:",
        "Name (retranslated):"."""
        head = self.text[p_start:min(p_end, p_start + 80)]
        colon = head.find(":")
        if colon < 1 or "\n" in head[:colon] or not head[colon + 1:].strip():
            return None
        if len(head[:colon].split()) > 6 and not (len(head[:colon].split()) <= 10 and all(
                _in_capitals(w) for w in _ASIDE.sub("", head[:colon]).split() if any(c.isalpha() for c in w))):
            return None  # (only a label in capitals runs long: "PRIME MINISTER OF INDIA NARENDRA MODI (retranslated)")
        raw = head[:colon].strip()
        label = _ASIDE.sub("", raw).strip()
        words = label.split()
        if not words or not label[:1].isalpha():
            return None
        toks = [t for t in self.doc[self.tok_at(p_start):self.tok_at(p_start + len(label) - 1) + 1]
                if p_start <= t.idx < p_start + len(label)]
        persons = [e for e in ents_in(self.doc[toks[0].i:toks[-1].i + 1]) if e.label_ == "PERSON"] if toks else []
        if persons and persons[-1].end == toks[-1].i + 1:
            return colon, label, persons[-1].root
        if len(words) <= 3 and words[-1][:1].isupper() and not words[-1].isupper() and \
                self.speakers.knows_surname(words[-1]):
            # "Vaitkute: No. ..." with the family name of a person the article introduced: that person's turn
            named = next((t for t in self.doc if t.text == words[-1] and t.ent_type_ == "PERSON"
                          and not self.in_quote(t.idx)), None)
            if named is not None:
                return colon, label, named
        letters = [w for w in words if any(c.isalpha() for c in w)]
        if letters and all(_in_capitals(w) for w in letters) and \
                not (_RUBRICS & {w.strip(".'").lower() for w in words}) and \
                not self.speakers.is_place(label.title()):  # "NEW DELHI: India on Monday ...": a dateline
            last = words[-1].title()
            if self.speakers.knows_surname(last):
                named = next((t for t in self.doc if t.text.lower() == last.lower() and t.ent_type_ == "PERSON"
                              and not self.in_quote(t.idx)), None)
                return colon, label, named
            return colon, label, None
        if len(words) == 1 and label.lower() in _TURN_ROLES:
            return colon, label, None
        return None

    def _place(self, label: str) -> bool:
        """A label a gazetteer knows as a place (a dateline's "Bali", which the tagger may read as a person)."""
        try:
            return self.speakers.resolver.location_country(label) is not None
        except Exception:  # the reference data must never cost us the article
            return False

    def _label_country(self, speaker: Speaker, label: str) -> Speaker:
        """ "KING OF JORDAN ABDULLAH II (retranslated):" with the name also told elsewhere: the state the label's
        title names ("<TITLE> OF <STATE>") is the one the speaker speaks for, whatever the text around the other
        mention says."""
        m = re.search(r"(?i)\bof\s+(?:the\s+)?((?:\S+\s*){1,3})", _ASIDE.sub("", label))
        if m is None or re.search(r"(?i)\b(?:to|in|for|at)\b", label):
            return speaker  # only "<TITLE> OF <STATE>" names the state; "AMBASSADOR TO X" names the host's
        country = self.speakers.resolver.country_of_text(m.group(1).title())
        if country is None or country == speaker.country:
            return speaker
        return Speaker(speaker.name, country, speaker.role, speaker.kind, speaker.plural, speaker.joint)

    def _label_speaker(self, label: str) -> Speaker:
        """ "PRIME MINISTER OF INDIA NARENDRA MODI": a label naming someone the article does not name elsewhere still
        says whom they speak for, by the state and the office it names."""
        words = [w.strip(".,()'") for w in label.split()]
        if len(words) == 1 and words[0].lower() in _TURN_ROLES:
            return Speaker(label, None, None, "unknown")
        res = self.speakers.resolver
        role = res.role_of_text(label.title())
        country = res.country_of_text(label.title()) or res.default_country_of_role(role)
        return Speaker(label, country, role, "person" if country else "unknown")

    def _narrative(self, p_start: int, p_end: int) -> bool:
        """ "After the talks, Vladimir Putin said that ...": a paragraph after a transcript turn that tells, in the
        third person, what someone said is the writer's again; the turn ended before it."""
        body = self.text[p_start:p_end]
        if _FIRST_PERSON.search(body):
            return False
        for t in self.doc[self.tok_at(p_start):self.tok_at(max(p_start, p_end - 1)) + 1]:
            if p_start <= t.idx < p_end and self._is_speech_verb(t) and not self.in_quote(t.idx):
                subj = self.subject(t)
                if subj is not None and subj.lower_ not in AUTHOR_PRONOUNS and (
                        subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subj.pos_ in ("PROPN", "NOUN")):
                    return True
        return False

    def _transcript_lines(self, records: list[_Record]) -> list[_Record]:
        out: list[_Record] = []
        taken = Intervals([r.marks for r in records])
        labels = {k: self._turn_label(p_start, p_end) for k, (p_start, p_end) in enumerate(self.para)}
        strong = sum(1 for v in labels.values() if v is not None) >= 2  # a transcript, not one stray label
        for k, (p_start, p_end) in enumerate(self.para):
            got = labels[k]
            if got is None:
                continue
            colon, label, named = got
            if p_start in self._para_starts[:2] and "(" in self.text[p_start:p_start + colon] and \
                    self.tok_at(p_start) in self._dateline and self._place(label):
                continue  # "Bali (JP): Southeast Asian leaders pledged ...": a dateline, the city no speaker
            if named is None and not strong:
                continue  # a role or capitals label alone ("UPDATE:") is a rubric, not a speaker's turn
            a, b = trimmed(self.text, p_start + colon + 1, p_end)
            if b - a < 10 or taken.overlaps(a, b):
                continue
            if named is not None:
                speaker = self.speaker_for(named)
                if speaker is not None:
                    speaker = self._label_country(speaker, self.text[p_start:p_start + colon])
            else:
                speaker = self._label_speaker(label)
            pieces = [(a, b)]
            for j in range(k + 1, min(len(self.para), k + 12)):
                # the turn goes on over the paragraphs that follow, up to the next label
                m_start, m_end = self.para[j]
                more = self.text[m_start:m_end].strip()
                if labels[j] is not None or not more or more[0] in ALL_MARKS + "`" or is_heading(more) or \
                        taken.overlaps(m_start, m_end) or (not strong and not _FIRST_PERSON.search(more)) or \
                        self._narrative(m_start, m_end):
                    break
                pieces.append(trimmed(self.text, m_start, m_end))
            pieces, text = self.pieces_text(pieces)
            if speaker is None or not speaker.name or not pieces:
                continue
            if _COURTESY_TURN.fullmatch(text.strip()):
                continue  # "MR. SMITH: Thank you.": thanks and greetings are not statements
            if strong and text.rstrip().endswith("?") and not re.search(r"[.!]\s", text):
                # "TAPPER: Did you say that to him?": a turn that only asks frames the statements, like "Q:"
                self._framing.append((pieces[0][0], pieces[-1][1]))
                continue
            if (named is None or named.lower_ in _ASKING_ROLES) and \
                    _ASKING_ROLES & {w.strip(".,()'").lower() for w in label.split()}:
                # "MODERATOR: We have time for two questions", "Q: Will you ...?": the turn frames the statements,
                # it is no one's statement, and what it reports ("Economists say ...") is the asker's framing too
                self._framing.append((pieces[0][0], pieces[-1][1]))
                continue
            out.append(_Record(Quote(speaker=speaker.name, speaker_country=speaker.country,
                                     speaker_role=speaker.role, type="direct", text=text, cue=None,
                                     start=pieces[0][0], end=pieces[-1][1], parts=pieces, confidence=0.6),
                               None, (pieces[0][0], pieces[-1][1])))
        return out

    # ---- indirect speech -----------------------------------------------------------------------------------
    def _indirect_quotes(self, records: list[_Record]) -> list[_Record]:
        taken = Intervals([r.marks for r in records] + self._framing)
        found: list[tuple[_Record, tuple[int, int]]] = []
        for tok in self.doc:
            used = tok.i in self.used_verbs  # it attributes quoted words: only its "and that" clauses are left
            if used and (tok.pos_ != "VERB" or tok.lemma_.lower() not in CLAUSE_VERBS):
                continue
            inline = None if used else self._colon_statement(tok, taken)
            if inline is not None:
                found.append((inline, inline.marks))
                continue
            if tok.lower_ == "according":
                got = self._according_clause(tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _CLAIM_NOUNS:
                got = self._claim(tok)
            elif self._is_speech_verb(tok):
                got = self._reported(tok)
            else:
                continue
            if got is None:
                continue
            ranges, cue, subj = got
            whole = None if used else self._indirect_record(ranges, cue, subj, tok, taken)
            # a clause holding quoted words is that partial quote; an "and that" clause beside it still counts
            groups = [ranges] if whole is not None else self._other_statements(ranges, tok.i, records)
            for group in groups:
                rec = whole if whole is not None else self._indirect_record(group, cue, subj, tok, taken)
                if rec is not None:
                    found.append((rec, rec.marks))
        # for "X said ... Y said", the outer speaker is kept: drop records whose cue lies inside another's text
        spans = Intervals([p for r, _ in found for p in r.quote.parts])
        kept: list[_Record] = []
        for rec, _ in found:
            vi = rec.verb_i
            pos = self.doc[vi].idx if vi is not None else -1
            if (spans.overlaps(pos, pos + 1) and not (vi is not None and self.doc[vi].pos_ == "NOUN")) or \
                    vi in self._sourced:
                continue  # (a claim inside a rejection stays: "rejected Moscow's claim that ..." has two voices)
            kept.append(rec)
        return kept

    def _other_statements(self, ranges: list[tuple[int, int]], verb_i: int, records: list[_Record]
                          ) -> list[list[tuple[int, int]]]:
        """The "and that" clauses of a verb that already attributes quoted words, without the clause holding them
        (the first one when none visibly holds them): 'said A and that B was "C"' leaves A."""
        groups = self._statements(ranges)
        marks = [r.marks for r in records if r.verb_i == verb_i]
        held = [g for g in groups if any(self.doc[g[0][0]].idx < m_e and m_s < self.doc[g[-1][1]].idx +
                                         len(self.doc[g[-1][1]].text) for m_s, m_e in marks)]
        if held:
            return [g for g in groups if g not in held]
        verb = self.doc[verb_i]
        others = [(self.doc[c.left_edge.i].idx, self.doc[c.right_edge.i].idx + len(self.doc[c.right_edge.i].text))
                  for c in verb.sent if (c.dep_ == "conj" or self.doc[c.i - 1].lower_ in ("and", "but")) and
                  c.pos_ == "VERB" and c.i > verb.i and
                  c.lemma_.lower() in CLAUSE_VERBS and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
        if marks and all(m_e <= verb.idx or any(o_s <= m_s and m_e <= o_e + 1 for o_s, o_e in others)
                         for m_s, m_e in marks):
            # 'said A but warned that there could be "no cherry-picking"', 'called the talks "useful" and confirmed
            # he would travel': the quoted words lie before the verb or under another verb of the same speaker, so
            # every clause of this one is a statement of its own
            return groups
        return groups[1:]

    def _statements(self, ranges: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """ "said his players had been "robbed" and that the federation would complain": the clauses joined by
        "and that", each a statement of its own when the first is already a partial quote."""
        if len(ranges) != 1:
            return [ranges]
        a, b = ranges[0]
        cuts = sorted({t.left_edge.i for t in self.doc[a:b + 1] if (t.dep_ == "conj" or _joined_that(t)) and (
            has_that(t) or self._quoted_conjunct(t)) and a < t.left_edge.i and _last_word(t) <= b and (
            a <= t.head.i <= b or self._quoted_conjunct(t))})
        out: list[list[tuple[int, int]]] = []
        for cut in cuts + [b + 1]:
            x, y = trim_range(self.doc, a, cut - 1)
            if y > x:
                out.append([(x, y)])
            a = cut
        return out or [ranges]

    def _colon_statement(self, v: Token, taken: Intervals) -> _Record | None:
        """ "He said: The Government remains committed to the dialogue. At the same time, ..." within a paragraph
        and without quotation marks: a block quotation run into its introduction, `direct` to the paragraph's end
        (a colon ending the paragraph is `_colon_blocks`' case)."""
        if not self._is_speech_verb(v) or v.lemma_.lower() not in CLAUSE_VERBS or is_passive(v):
            return None
        k = v.i + 1
        while k < len(self.doc) and k <= v.i + 6 and self.doc[k].text != ":" and \
                any(a.i == v.i for a in self.doc[k].ancestors) and self.doc[k].dep_ not in ("ccomp", "mark") and \
                not self.doc[k].is_punct:
            k += 1  # "told the House on Thursday:"
        if k + 1 >= len(self.doc) or self.doc[k].text != ":":
            return None
        _, p_end = self.para_of(v.idx)
        a, b = trimmed(self.text, self.doc[k].idx + 1, p_end)
        body = self.text[a:b]
        if not body[:1].isupper() or any(c in body for c in ALL_MARKS) or len(body.split()) < 5 or \
                not re.search(r"[.!?]$", body.rstrip('"')) or taken.overlaps(a, b):
            return None
        subj = self.subject(v)
        speaker = self.speaker_for(subj) if subj is not None and not self.in_quote(subj.idx) else None
        if speaker is None or not speaker.name:
            return None
        pieces, text = self.pieces_text([(a, b)])
        if not pieces:
            return None
        self.used_verbs.add(v.i)
        return _Record(Quote(speaker=speaker.name, speaker_country=speaker.country, speaker_role=speaker.role,
                             type="direct", text=text, cue=cue_of(v), start=pieces[0][0], end=pieces[-1][1],
                             parts=pieces, confidence=0.7), v.i, (pieces[0][0], pieces[-1][1]))

    def _quoted_conjunct(self, t: Token) -> bool:
        """ 'said Moscow had received no proposals, and "we are not going to beg for them."': a clause of its own
        (with a subject) that opens inside quotation marks after an unquoted one is the partial quote; the clause
        before it is the indirect statement."""
        if t.pos_ not in ("VERB", "AUX") or not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in t.children):
            return False
        first = next((w for w in t.subtree if not w.is_punct), None)
        return first is not None and self.in_quote(first.idx) and not self.in_quote(t.head.idx)

    def _indirect_record(self, ranges: list[tuple[int, int]], cue: str, subj: Token, tok: Token,
                         taken: Intervals) -> _Record | None:
        chars = [(self.doc[a].idx, self.doc[b].idx + len(self.doc[b].text)) for a, b in ranges]
        span_s, span_e = chars[0][0], chars[-1][1]
        if any(taken.overlaps(cs, ce) for cs, ce in chars):
            return None  # the quotation marks inside already make it a quote
        if self.in_quote(span_s) and self.in_quote(span_e - 1) and not taken.overlaps(span_s, span_s + 1) and \
                self._same_quote(span_s, span_e - 1):
            return None  # the whole content sits inside one quotation: that quotation is the record
        speaker = self.speaker_for(subj)
        if speaker is None or not speaker.name:
            return None
        inner = [q for q in self.quoted if q.parts and len(q.parts) == 1 and not q.merged and
                 span_s <= q.start and q.end <= span_e]
        inner = [q for q in inner if not self._scare_quote(q, self.text[q.start:q.end]) and
                 not self._document_name(q, self.text[q.start:q.end]) and not is_title_like(self.text[q.start:q.end])]
        if inner:
            # "Holm's warning that Europe was 'running out of time'": quoted words that nothing else attributed are
            # this statement's partial quote
            pieces, text = self.pieces_text([p for q in inner for p in q.parts])
            qtype = "partial"
        else:
            pieces, text = self.pieces_text(chars)
            qtype = "indirect"
            if not pieces or len(text.split()) < 2:
                return None
        if not pieces or not any(c.isalpha() for c in text):
            return None
        conf = 0.6 if speaker.kind != "unknown" else 0.45
        quote = Quote(speaker=speaker.name, speaker_country=speaker.country, speaker_role=speaker.role,
                      type=qtype, text=text, cue=cue, start=pieces[0][0], end=pieces[-1][1],
                      parts=pieces, confidence=conf)
        return _Record(quote, tok.i, (span_s, span_e))

    def _claim(self, noun: Token) -> tuple[list[tuple[int, int]], str, Token] | None:
        """ "rejected Moscow's claim that the troops were on exercise": the owner of the claim said the clause."""
        owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos") and c.pos_ in ("VERB", "AUX")
                   and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]
        if not owners or not clauses or self.in_quote(noun.idx):
            return None
        owner = owners[0]
        while owner.dep_ == "poss" and owner.head.i != noun.i:
            owner = owner.head
        return [trim_range(self.doc, clauses[0].left_edge.i, clauses[0].right_edge.i)], noun.text, owner

    def _according_clause(self, tok: Token) -> tuple[list[tuple[int, int]], str, Token] | None:
        att = self._according([tok])
        if att is None or att.subject is None:
            return None
        sent = tok.sent
        to = self.doc[tok.i + 1]
        phrase_end = max(to.right_edge.i, tok.i + 1)
        before = [t for t in sent if t.i < tok.i and not t.is_punct and t.i not in self._dateline]
        after = [t for t in sent if t.i > phrase_end and not t.is_punct]
        if len(before) >= 3 and (len(before) >= len(after) or not after):
            a, b = before[0].i, before[-1].i
            if after and len(after) >= 3:
                b = after[-1].i
            told = self._told_within(sent, a, b)
            if told is not None:
                a, b = told
        elif after:
            a, b = after[0].i, after[-1].i
        else:
            return None
        return [trim_range(self.doc, a, b)], "according to", att.subject

    def _told_within(self, sent: object, a: int, b: int) -> tuple[int, int] | None:
        """ "The three ministers also confirmed that the countries would cooperate closely, according to an
        official": the source reports what the sentence's speech verb says; the that-clause is the statement."""
        root = self.doc[a].sent.root
        if not a <= root.i <= b or root.pos_ != "VERB" or root.lemma_.lower() not in CLAUSE_VERBS or \
                root.lemma_.lower() in ("say", "tell"):
            return None  # ("X said Y, according to Z": the outer source keeps the whole report)
        clause = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i and has_that(c)), None)
        if clause is None or clause.left_edge.i < a:
            return None
        x, y = trim_range(self.doc, clause.left_edge.i, min(clause.right_edge.i, b))  # (the parser may hang the
        # "according to" phrase inside the clause)
        if y - x < 3:
            return None
        self._sourced.add(root.i)  # the source is the outer speaker: the verb's own record gives way
        return x, y

    def _reported(self, v: Token) -> tuple[list[tuple[int, int]], str, Token] | None:
        """The reported content of speech verb v as token ranges (two around a parenthetical "the talks, he
        said, were useful"), its cue, and the subject token."""
        misread = v.tag_ == "VBN" and v.dep_ == "acl" and v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN") \
            and any(c.dep_ == "ccomp" and has_that(c) for c in v.children)
        # ("A broadcaster, citing sources, reported that ...": with the sentence's verb read as a participle of its
        # subject, the sentence has no verb of its own: it is the finite verb)
        if is_passive(v) or any(c.dep_ == "neg" for c in v.children) or (v.tag_ == "VBN" and not misread and not any(
                c.dep_ in ("nsubj", "aux") for c in v.children)):
            return None  # "was told", "did not say", "women encouraged to move": nobody states anything
        subj = self.subject(v)
        if subj is None or self.in_quote(subj.idx):
            return None
        if any(self._dating(k) for k in range(max(v.sent.start, subj.left_edge.i - 4), subj.left_edge.i)):
            return None  # "..., 10 days after world leaders pledged to ...": the writer's dating, not a statement
        lemma = v.lemma_.lower()
        kids = list(v.children)
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in _NOT_SAYING:
            return None  # "declined to say what ...", "wants to stress ...": nothing was said
        fronted = self._fronted(v)
        if fronted is not None:
            return fronted[1], cue_of(v), subj
        with_phrase = self._with_saying(v)
        if with_phrase is not None:
            return [with_phrase], cue_of(v), subj
        if v.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in kids) and not any(c.dep_ == "ccomp" for c in kids) \
                and not (v.i > v.head.i and v.dep_ == "advcl" and self.doc[v.left_edge.i - 1].text == ","):
            # "Underscoring the importance of Asia, she ...": a manner, not a statement ("..., expressing his
            # determination to ..." after the main clause is one)
            return None
        if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in kids):
            return None
        if lemma in ("reject", "approve", "back", "endorse") and (
                subj.lemma_.lower() in _VOTERS or subj.lower_.removesuffix("s") in _VOTERS):
            return None  # "shareholders rejected the pay plan", "the senate rejected the bill": a vote, not words
        head = v.head
        if v.dep_ == "parataxis" and lemma in CLAUSE_VERBS and head.left_edge.i < v.left_edge.i < head.i and \
                not any(c.dep_ == "ccomp" for c in kids):
            # "The plan, the spokesman said, was dead": the clause around the attribution, in two pieces
            first = trim_range(self.doc, head.left_edge.i, v.left_edge.i - 1)
            second = trim_range(self.doc, v.right_edge.i + 1, self._writer_tail(v.right_edge.i + 1,
                                                                               head.right_edge.i))
            ranges = [r for r in (first, second) if r[1] >= r[0] and not self.doc[r[0]].is_punct]
            return (ranges, cue_of(v), subj) if ranges else None
        if v.dep_ == "parataxis" and lemma in CLAUSE_VERBS and head.i < v.i and head.pos_ in ("VERB", "AUX") and \
                not any(c.dep_ == "ccomp" for c in kids):
            # "The ceasefire would not hold, the senator said, because ...": the clause goes on after the attribution
            tail = [c for c in head.children if c.i > v.right_edge.i and c.dep_ in _CLAUSE_TAIL]
            if tail and self.doc[v.right_edge.i].text == ",":
                start = head.left_edge.i if head.dep_ != "ROOT" else head.sent.start
                first = trim_range(self.doc, start, v.left_edge.i - 1)
                second = trim_range(self.doc, tail[0].left_edge.i, self._writer_tail(
                    tail[0].left_edge.i, max(c.right_edge.i for c in tail)))
                ranges = [r for r in (first, second) if r[1] > r[0]]
                if len(ranges) == 2:
                    return ranges, cue_of(v), subj
        if v.dep_ == "advcl" and (lemma in CLAUSE_VERBS or lemma in ("make", "put")) and any(
                m.lower_ == "as" and m.dep_ == "mark" for m in kids) and not any(
                a.pos_ == "VERB" and a.lemma_.lower() in SPEECH_LEMMAS for a in v.ancestors) and \
                v.left_edge.i - 1 > v.sent.start and self.doc[v.left_edge.i - 1].text == "," and \
                v.right_edge.i + 2 < v.sent.end and self.doc[v.right_edge.i + 1].text == ",":
            # "The bill, as the senator put it, is a giveaway": the sentence around the aside, in two pieces
            first = trim_range(self.doc, v.sent.start, v.left_edge.i - 1)
            second = trim_range(self.doc, v.right_edge.i + 2, self._writer_tail(v.right_edge.i + 2, v.sent.end - 1))
            ranges = [r for r in (first, second) if r[1] >= r[0] and not self.doc[r[0]].is_punct]
            if len(ranges) == 2:
                return ranges, cue_of(v), subj
        content = reported_content(v, lemma, kids, self._subject_override)
        if v.i < 20 and self._headline(v, subj) is not None:
            _, line_end = self.para_of(v.idx)
            if not any(c.dep_ == "ccomp" and c.idx < line_end for c in kids) and (
                    lemma not in CLAUSE_VERBS or content is None or content[1] is not None):
                return None  # "Norway rejects Russian claim": a headline's summary of an act, no statement
            content = self._headline(v, subj), None
            subj = self._headline_speaker(subj)
        if content is None:
            tail = self._before_attribution(v, subj, lemma)
            if tail is None:
                return None
            content = tail, None
        (a, b), upto = content
        if a < subj.left_edge.i <= b < v.i and subj.dep_ == "appos":
            b = subj.left_edge.i - 1  # (the apposed speaker the parser hung inside the statement)
        if v.i in range(a, b + 1) and self.doc[a].tag_ in ("WP", "WDT") and a < v.i < b:
            a = v.i + 1  # "questioned what the ministry says the deal would cost": the words after the verb
            while a < b and self.doc[a].dep_ == "mark":
                a += 1
        if v.i in range(a, b + 1):
            return None
        b = self._through_colon(v, a, b)
        p_start, p_end = self.para_of(v.idx)
        while a <= b and self.doc[a].idx < p_start:
            a += 1  # the parser ran a sentence over a paragraph break (live blogs): the statement stays in its own
        while b >= a and self.doc[b].idx >= p_end:
            b -= 1
        while a <= b and a in self._dateline:
            a += 1
        for t in self.doc[a:b + 1]:
            if t.lower_ == "according" and t.i > a + 2 and t.i + 1 < len(self.doc) and \
                    self.doc[t.i - 1].text == "," and t.nbor(1).lower_ == "to" and t.nbor(1).right_edge.i >= b - 1:
                b = t.i - 2  # "..., according to the TASS news agency": the channel, not the statement
                break
        a, b = trim_range(self.doc, a, self._writer_tail(a, b))
        if b - a < 1:
            return None
        if b < subj.i < v.i and subj.left_edge.i > 0 and self.doc[subj.left_edge.i - 1].text == "," and \
                lemma in CLAUSE_VERBS:
            # "Prices will rise, the minister warned, unless the bank acts": the condition is the statement's
            for c in v.children:
                if c.dep_ == "advcl" and c.i > v.i and self.doc[c.left_edge.i - 1].text == "," and any(
                        m.dep_ == "mark" and m.lower_ in _GOES_ON for m in c.children):
                    x, y = trim_range(self.doc, c.left_edge.i, self._writer_tail(c.left_edge.i, c.right_edge.i))
                    if y > x:
                        return [(a, b), (x, y)], cue_of(v, upto), subj
        return [(a, b)], cue_of(v, upto), subj

    def _fronted(self, v: Token) -> tuple[Token, list[tuple[int, int]]] | None:
        """ "The trade deal, the farmers' federation warned, would expose producers to ...": the parser takes the
        statement's own subject and the speaker for two subjects joined by a comma. The second is the speaker;
        the first and the clause after the attribution (which has no subject of its own) are the statement."""
        if v.pos_ != "VERB" or v.lemma_.lower() not in CLAUSE_VERBS:
            return None
        subj = next((c for c in reversed(list(v.lefts)) if c.dep_ == "nsubj" and c.i not in self._dateline), None)
        clause = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i), None)
        if subj is None or clause is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            return None
        speaker = next((c for c in subj.children if c.dep_ == "conj" and c.i > subj.i), None)
        if speaker is None or any(c.dep_ == "cc" for c in subj.children) or \
                self.doc[speaker.left_edge.i - 1].text != ",":
            return None
        if self.doc[clause.left_edge.i - 1].text != ",":
            return None
        first = trim_range(self.doc, subj.left_edge.i, speaker.left_edge.i - 2)
        second = trim_range(self.doc, clause.left_edge.i, self._writer_tail(clause.left_edge.i, clause.right_edge.i))
        if first[1] < first[0] or second[1] <= second[0]:
            return None
        return speaker, [first, second]

    def _with_saying(self, v: Token) -> tuple[int, int] | None:
        """ "..., with traders saying the warning had caught the market off guard": the parser often reads the
        participle as a modifier of its speaker and the statement as the rest of the "with" phrase; everything
        after the participle to the end of that phrase is what was said."""
        if v.tag_ != "VBG" or v.dep_ != "acl" or v.lemma_.lower() not in CLAUSE_VERBS or \
                v.head.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "ccomp" for c in v.children):
            return None
        lead = v.head.left_edge.i - 1
        if lead < 0 or self.doc[lead].lower_ != "with":
            return None
        end = max(self.doc[lead].right_edge.i, v.right_edge.i)
        a, b = trim_range(self.doc, v.i + 1, end)
        return (a, b) if b - a >= 2 else None

    def _dating(self, comma: int) -> bool:
        """ ", 10 days after ...", ", a week before ...": the writer dates the sentence against another event."""
        if comma + 3 >= len(self.doc) or self.doc[comma].text != ",":
            return False
        n1, n2, n3 = self.doc[comma + 1], self.doc[comma + 2], self.doc[comma + 3]
        return (n1.like_num or n1.lower_ in ("a", "one", "several", "just", "only")) and n2.lemma_.lower() in _SPANS \
            and n3.lower_ in ("after", "before", "since")

    def _writer_tail(self, a: int, b: int) -> int:
        """ "..., signaling an end to the dispute" closing the sentence: a participle clause after a comma that
        comments on the statement (not a speech verb's own statement) is the writer's, not the speaker's; so are
        "..., 10 days after leaders pledged ..." (the writer's dating) and "..., which would make him the first ..."
        (the writer's gloss on what was said)."""
        for t in self.doc[a + 3:b + 1]:
            if t.text == "," and t.i + 3 <= b and not self.in_quote(t.idx):
                n1, n2, n3 = self.doc[t.i + 1], self.doc[t.i + 2], self.doc[t.i + 3]
                if self._dating(t.i):
                    return t.i - 1
                if n1.lower_ == "which" and n2.lower_ in ("would", "will") and n1.head.dep_ == "relcl" and \
                        n3.lemma_.lower() in ("make", "be", "mark"):
                    return t.i - 1
            if t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ == "ccomp" for c in t.children) and \
                    t.left_edge.i == t.i and self.doc[t.i - 1].text == "," and t.right_edge.i >= b - 1 and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                return t.i - 2
            if t.text == "," and t.i + 2 <= b and self.doc[t.i + 1].lower_ in ("a", "an", "another") and \
                    not self.in_quote(t.idx):
                # "..., a decision most analysts had expected", "..., a move that angered Beijing": the writer's
                # comment on the statement, set off by a comma at its end
                k = t.i + 2
                while k < b and self.doc[k].pos_ in ("ADJ", "ADV"):
                    k += 1
                if self.doc[k].lemma_.lower() in _SUMMARY_NOUNS and self.doc[k].pos_ == "NOUN":
                    return t.i - 1
        return b

    def _through_colon(self, v: Token, a: int, b: int) -> int:
        """ "said three things had to happen: A, B and C": the statement runs on after its colon to the end of the
        sentence (the parser hangs the list elsewhere), unless a quotation or another speech verb comes."""
        doc = self.doc
        if a < v.i or b + 1 >= len(doc) or doc[b + 1].text != ":":
            return b
        sent = doc[b].sent
        p_start, p_end = self.para_of(doc[b].idx)
        end = sent.end
        if end <= b + 2 and b + 2 < len(doc):
            end = doc[b + 2].sent.end  # the parser ended the sentence at the colon: the list is the next one
        rest = [t for t in doc[b + 2:end] if t.idx < p_end]
        if len(rest) < 2 or any(is_mark(t.text) or self._is_speech_verb(t) for t in rest):
            return b
        return trim_range(doc, a, rest[-1].i)[1]

    def _headline(self, v: Token, subj: Token) -> tuple[int, int] | None:
        """ "Minister Says Talks Will Resume in January" as the first line: everything after the verb is what
        was said (the parser runs the line on into the dateline and splits it into object and clause)."""
        p_start, p_end = self.para_of(v.idx)
        line = self.text[p_start:p_end].strip()
        if p_start != self.para[0][0] or len(line.split()) > 16 or line[-1:] in ".!?\"\u201d:" or \
                not subj.idx >= p_start or subj.i > v.i:
            return None
        toks = [t for t in self.doc[v.i + 1:] if t.idx < p_end and not t.is_space]
        if len(toks) < 2:
            return None
        a, b = trim_range(self.doc, toks[0].i, toks[-1].i)
        return (a, b) if b > a else None

    def _headline_speaker(self, subj: Token) -> Token:
        """ "Governor Says State Will Sue", "Central bank chief says ...": a headline that names its speaker only by a
        title speaks for the person the lead sentence has speaking (the first speech verb of the next paragraph
        with a person's name for subject)."""
        if len(self.para) < 2 or subj.tag_ in ("NNS", "NNPS") or subj.ent_type_ == "PERSON" or any(
                t.ent_type_ == "PERSON" for t in subj.subtree) or \
                subj.pos_ not in ("NOUN", "PROPN") or subj.lemma_.lower() not in SPEAKER_NOUNS | _TITLE_HEADS:
            return subj
        p_start, p_end = self.para[1]
        for t in self.doc[self.tok_at(p_start):self.tok_at(p_end - 1) + 1]:
            if p_start <= t.idx < p_end and self._is_speech_verb(t) and not is_passive(t):
                lead = self.subject(t)
                named = next((c for c in lead.subtree if c.dep_ == "appos" and c.ent_type_ == "PERSON"),
                             None) if lead is not None else None
                lead = named or lead  # "The chief executive of X, Raj Patel, said": the name
                if lead is not None and lead.idx >= p_start and not self.in_quote(lead.idx):
                    sp = self.speaker_for(lead)
                    if sp is not None and sp.kind == "person" and sp.name:
                        return lead
                break
        return subj

    def _before_attribution(self, v: Token, subj: Token, lemma: str) -> tuple[int, int] | None:
        """ "Long statement of fact, the Foreign Office said on Thursday." parsed with the attribution as a
        modifier of the statement (or the statement as a modifier of "told reporters"): whatever precedes the
        comma that opens a sentence-final attribution is what was said."""
        if lemma not in CLAUSE_VERBS or any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
            return None
        sent = v.sent
        start = min([subj.left_edge.i, v.i] + [c.left_edge.i for c in v.children if c.dep_ == "nsubj" and
                                               c.right_edge.i + 1 == subj.left_edge.i])  # "the agency Xinhua said"
        if start - 2 <= sent.start or self.doc[start - 1].text != ",":
            return None
        own = {t.i for t in v.subtree}
        if any(not (i in own or self.doc[i].is_punct or self.doc[i].is_space) for i in range(start, sent.end)):
            return None  # more of the sentence follows the attribution: it is not sentence-final
        a, b = trim_range(self.doc, sent.start, start - 2)
        clause = self.doc[a:b + 1]
        if len(clause) < 4 or not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in clause):
            return None
        return a, b


def _last_word(t: Token) -> int:
    """The last token of t's subtree that is not punctuation: a clause ending in a closing quotation mark ('...
    and that Moscow supported it "unreservedly".') ends at its last word, as the trimmed statement does."""
    r = t.right_edge.i
    while r > t.i and t.doc[r].is_punct:
        r -= 1
    return r


def _joined_that(t: Token) -> bool:
    """ "said the prince had been 'delighted' to go and that the outing had been planned": a second that-clause
    after "and"/"but" that the parser hung inside the first one is a second statement all the same."""
    return t.dep_ == "ccomp" and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].lower_ in ("and", "but") and \
        has_that(t)


def _nested_speaker(t: Token) -> bool:
    """ "Officials said Mubarak urged the Americans to keep up pressure and warned that ...": a second speech verb
    joined to a reported speech verb with a subject of its own goes on that reported speaker's words, which stay
    inside the outer statement (the outer speaker is kept)."""
    h = t
    while h.dep_ == "conj" and h.head.i != h.i:
        h = h.head
    return h.i != t.i and h.pos_ == "VERB" and h.lemma_.lower() in SPEECH_LEMMAS and \
        h.dep_ in ("ccomp", "xcomp") and any(g.dep_ in ("nsubj", "nsubjpass") for g in h.children)
