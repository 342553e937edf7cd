"""The words that make a statement a quote: speech verbs, stance nouns and the channels that are not speakers.

Kept apart from the extraction logic so the cheap lexical gate of the pipeline (which sentences deserve a
parse) and the extractor read the same lists. The lists follow the corpus conventions (ANNOTATION.md and the
dev decisions): saying, telling, stressing, calling on and expressing concern make quotes; thanks, greetings,
congratulations, bare topics and objects ("called for fresh elections", "accused X of Y", "warned against Z") and
cognition verbs ("hope", "think") do not.
"""

from __future__ import annotations

import re

# Verbs whose clausal complement ("said that ...", "stressed ...") is the reported statement.
CLAUSE_VERBS = frozenset("""
say tell add note stress emphasize emphasise declare acknowledge admit insist warn argue claim explain reiterate
confirm announce state report remark reply respond suggest indicate assert maintain deny predict underscore
underline affirm reaffirm recall observe concede contend allege answer comment point write vow pledge promise
caution complain estimate propose demand recommend hint signal disclose reveal testify repeat highlight convey
charge counter assure inform lament boast brag joke quip retort tweet post forecast rule
""".split())

# Verbs whose object plus infinitive is the statement ("called on them to act", "urged Iran to stop").
REQUEST_VERBS = frozenset("urge request call appeal implore encourage ask instruct advise exhort beg challenge press"
                          .split())

# Verbs whose infinitive alone is the statement ("threatened to ban ...").
INFINITIVE_VERBS = frozenset("threaten vow pledge promise".split())

# Verbs whose object (with what follows) is the statement ("accused X of ...", "condemned X for ...").
OBJECT_VERBS = frozenset("""
accuse condemn criticize criticise denounce reject deny blame describe characterize characterise term
label brand dismiss slam decry
""".split())

# Verbs whose object counts only when it is a stance ("expressed concern about X", "noted the need for X").
STANCE_VERBS = frozenset("""
express voice note stress emphasize emphasise underscore underline highlight reiterate reaffirm raise discuss
convey signal state pledge affirm
""".split())

STANCE_NOUNS = frozenset("""
concern concerns support confidence hope regret opposition dissatisfaction satisfaction disappointment doubt
readiness willingness desire interest commitment determination alarm outrage expectation intention belief view
opinion fear worry skepticism scepticism importance need necessity position objection anger frustration
optimism pessimism displeasure call calls demand demands appeal condemnation stance
""".split())

# Objects that make an expression of feeling a courtesy, not a statement.
COURTESY_NOUNS = frozenset("""
gratitude appreciation thanks thank congratulations congratulation condolences condolence greetings greeting
sympathy wishes wish welcome respect
""".split())

# Nouns that carry a statement when made or issued ("made a request to ...", "issued a warning that ...").
STATEMENT_NOUNS = frozenset("""
request appeal call proposal pledge promise statement announcement assurance warning demand case point plea
""".split())

# Cognition and wish verbs: their complement is a state of mind, not a statement.
NOT_SPEECH = frozenset("hope think believe feel want expect wish fear know see".split())

# Verbs that attribute a quotation but carry no reported clause of their own ('"Why?" asked X').
ATTRIBUTION_VERBS = frozenset("""
ask shout exclaim quip joke wonder muse laugh sigh tweet post read recount conclude counter
retort interject chime scream yell whisper plead boast concede summarize summarise shoot fire hit snap question
hail praise laud applaud welcome blast lambast mock ridicule liken compare
""".split())
# Verbs of praise or blame: they attribute quoted words ("hailed the deal as 'historic'") unless a source is named.
EVALUATIVE_VERBS = frozenset("hail praise laud applaud welcome blast lambast mock ridicule liken compare".split())
# Attribution verbs that attribute only with their particle: '"...," she shot back' / "fired back".
PARTICLE_ONLY = {"shoot": "back", "fire": "back", "hit": "back"}

SPEECH_LEMMAS = (CLAUSE_VERBS | REQUEST_VERBS | INFINITIVE_VERBS | OBJECT_VERBS | STANCE_VERBS | ATTRIBUTION_VERBS
                 | {"make", "speak", "talk"})

# Channels: wire services and broadcasters cited only as the way a statement travelled.
AGENCIES = frozenset("""
ap reuters afp xinhua kyodo yonhap tass ria interfax kcna irna anadolu dpa efe ansa bernama pti ani bloomberg
cnn bbc nhk voa
""".split())
AGENCY_PHRASES = ("associated press", "agence france", "france-presse", "ria novosti", "news agency", "press agency",
                  "state media", "state television", "media reports", "local media", "wire service")

SUBJECT_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
PLURAL_PRONOUNS = frozenset({"they", "them"})
AUTHOR_PRONOUNS = frozenset({"i", "we", "you", "us", "me", "one"})

# Plural or paired subjects that make a statement joint ("the two agreed", "both leaders stressed").
JOINT_HEADS = frozenset("side sides party parties leader leaders man men minister ministers country countries "
                        "government governments head heads president presidents counterpart counterparts "
                        "delegation delegations".split())

_IRREGULAR = {"say": ("said",), "tell": ("told",), "speak": ("spoke", "spoken"), "write": ("wrote", "written"),
              "make": ("made",), "read": ("read",), "quip": ("quipped", "quipping"), "begin": ("began", "begun")}


def _forms(lemma: str) -> set[str]:
    """Inflected forms of a speech verb, generously (the gate may over-select, never under-select)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", stem + "ed", stem + "ing", lemma + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "admitted", "planned"
    forms |= set(_IRREGULAR.get(lemma, ()))
    return forms


# The cheap lexical gate: a sentence (or a paragraph, for quotations that run on) matching none of these holds no
# quote, so a pipeline may parse only the ones that match. Quotation marks of any kind, "according to", a colon
# at a paragraph end (block quotations, "Name:" transcript lines) and every form of every speech verb.
TRIGGER_RE = re.compile(
    r"[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019']|\baccording to\b|:\s*$|^[^:\n]{1,60}:|\b(?:"
    + "|".join(sorted({f for w in SPEECH_LEMMAS for f in _forms(w)}, key=lambda f: (-len(f), f)))
    + r")\b",
    re.IGNORECASE | re.MULTILINE,
)


def is_agency(text: str) -> bool:
    """True for a news agency or broadcaster named as the channel of a statement."""
    low = text.lower().strip()
    words = [w for w in re.findall(r"[a-z]+", low) if w not in ("the", "a", "an")]
    if not words:
        return False
    if any(p in low for p in AGENCY_PHRASES):
        return True
    return len(words) <= 3 and words[0] in AGENCIES

# Common nouns that can head a speaker's description ("a Foreign Ministry official", "the ministry",
# "one woman", "reports"); a subject headed by anything else ("the worst", "the plan") is not a speaker unless a
# name or a nationality is in it.
SPEAKER_NOUNS = frozenset("""
official officials minister ministry spokesman spokeswoman spokesperson spokespeople diplomat analyst expert
source leader president secretary ambassador envoy chancellor premier king queen prince princess emperor
governor mayor senator lawmaker legislator congressman congresswoman member chairman chairwoman chair director
head chief commander general officer aide adviser advisor professor researcher scientist economist critic
observer witness resident woman man women men people person protester activist supporter opponent voter
student worker farmer doctor lawyer attorney prosecutor judge court police army military government
administration office department agency embassy council commission committee parliament congress senate party
union group organization organisation company firm bank newspaper paper daily report reports media outlet
coalition alliance cabinet delegation team coach player captain manager executive founder author editor
journalist correspondent reporter host organizer organiser authorities authority regime junta leadership side
country nation state kingdom republic representative delegate negotiator mediator monitor inspector
investigator regulator watchdog ministry's presidency palace kremlin pentagon military navy force forces
spokesmen official's statement communique survivor victim family relative mother father son daughter wife
husband friend neighbor neighbour owner user fan citizen villager refugee migrant soldier troops commander
cleric imam priest bishop pope rabbi monk nun teacher nurse engineer pilot driver participant ceo chairperson
deputy vice undersecretary counsellor counselor consul attache envoys premier's figure figures insider
insiders aides advisers analysts experts sources observers residents witnesses groups agencies companies
association federation confederation campaign network fund institute foundation chamber league bureau bloc
militants rebels insurgents
secretariat mission staff broadcaster station channel publisher lobby caucus administrator
administrators management body bodies treasury airline carrier hospital university school club opposition
""".split())
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ess", "man", "woman", "men", "ese", "ite")
