"""The words the meeting extractor keys on, kept in one place so the cheap sentence gate and the parser-based
extractor agree on them. A sentence with none of `GATE_WORDS` can never yield a meeting."""

from __future__ import annotations

import re

# Noun triggers -> kind. Plural forms matter: "talks" is diplomatic, "talk" mostly is not.
NOUN_KINDS: dict[str, str] = {
    "meeting": "meeting", "meetings": "meeting", "talks": "talks", "summit": "summit", "summits": "summit",
    "visit": "visit", "visits": "visit", "trip": "visit", "trips": "visit", "arrival": "visit", "tour": "visit",
    "call": "call", "calls": "call", "phone call": "call", "conversation": "call", "conversations": "call",
    "dialogue": "dialogue", "dialog": "dialogue", "two-plus-two": "dialogue", "negotiations": "negotiation",
    "negotiation": "negotiation", "consultations": "talks", "discussions": "talks", "videoconference": "call",
    "teleconference": "call", "conference": "call", "session": "meeting", "roundtable": "meeting",
    "commission": "dialogue", "round": "talks", "talk": "call", "lunch": "meeting", "dinner": "meeting",
    "breakfast": "meeting",
}  # fmt: skip

# Verb lemmas -> kind.
VERB_KINDS: dict[str, str] = {
    "meet": "meeting", "visit": "visit", "call": "call", "phone": "call", "telephone": "call", "speak": "call",
    "talk": "talks", "negotiate": "negotiation", "host": "meeting", "receive": "meeting", "welcome": "meeting",
    "arrive": "visit", "travel": "visit", "confer": "meeting", "discuss": "meeting", "exchange": "meeting",
    "join": "meeting", "sit": "meeting", "sign": "meeting", "ink": "meeting", "play": "meeting", "tour": "visit",
    "inspect": "meeting", "inaugurate": "meeting", "unveil": "meeting", "lay": "meeting", "address": "meeting",
    "convene": "meeting", "see": "meeting", "gather": "meeting", "assemble": "meeting", "bring": "meeting",
    "fly": "visit", "brief": "meeting",
}  # fmt: skip

# Words that must be in a sentence for it to yield a meeting (the cheap gate, lower case, as prefixes).
GATE_WORDS: tuple[str, ...] = (
    "meet", "met", "talk", "summit", "visit", "trip", "tour", "arriv", "call", "phone", "telephone", "conversation",
    "dialog", "two-plus-two", "negotiat", "consultation", "discuss", "spoke", "speak", "host", "receiv",
    "welcom", "travel", "confer", "exchang", "conference", "videoconference", "teleconference", "join",
    "session", "roundtable", "commission", "sat down", "sit down", "sits down", "sitting down", "signed", "sign ",
    "signing", "signs", "inspect", "inaugurat", "unveil", "laid", "lays", "laying", "lay a", "address", "accept",
    "inked", "inks", "ink ", "round", "due in", "expected in", "conven", "each other", "one another", "working lunch",
    "working dinner", "working breakfast", "spent", "spend", "gather", "assembl", "together", "2+2", "saw", "sees",
    "seeing", "seen", "across", "opposite", "encounter", "flew", "flies", "flying", "flown", "retreat", "going on to",
    "went on to", "goes on to", "continuing to", "continuing on to",
    "leave", "leaves", "leaving", "left", "depart", "brief",
)  # fmt: skip
GATE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in GATE_WORDS) + ")", re.IGNORECASE)

# Verbs whose subject takes part in the contact named by their object ("held talks", "paid a visit").
PARTICIPATION_VERBS = frozenset(
    "hold have attend begin start open conduct host join resume continue chair convene make pay go wrap end "
    "restart relaunch reopen "
    "conclude finish complete lead participate launch kick return take arrive travel head fly be come "
    "leave depart embark "
    "schedule plan arrange prepare expect agree set seek gather assemble".split()
)

# A contact under one of these (as its governor, through "to"/"for"/object links) is planned.
PLANNED_VERBS = frozenset(
    "expect schedule plan agree pledge set due intend arrange prepare decide confirm announce promise "
    "aim slate look concur".split()
)
# ... is not a contact at all: proposals, refusals, wishes, conditions.
NON_CONTACT_VERBS = frozenset(
    "propose suggest urge seek refuse reject deny decline offer invite want wish hope consider call demand "
    "push press request oppose rule insist threaten stress underscore emphasize emphasise advocate favor "
    "favour welcome resist avoid boycott like love".split()
)
CANCEL_VERBS = frozenset("cancel postpone scrap abandon suspend delay shelve scuttle".split())
# Nouns that make a contact hypothetical or merely wished for ("the importance of holding talks").
NON_CONTACT_NOUNS = frozenset(
    "importance need call calls effort efforts possibility prospect prospects chance chances idea proposal "
    "offer invitation demand demands hope hopes plea appeal push bid condition conditions readiness "
    "willingness prerequisite resumption revival return".split()
)
NON_CONTACT_ADJS = frozenset("willing ready eager keen open prepared possible potential".split())

# Modifiers that mark a planned or a merely hoped-for contact on the noun itself.
PLANNED_MODIFIERS = frozenset("upcoming planned scheduled forthcoming expected next coming proposed future".split())
# Object nouns of "meet" that are not people: standards, deadlines, demands...
MEET_NONPERSON_OBJECTS = frozenset(
    "standard standards requirement requirements deadline deadlines demand demands need needs goal goals target "
    "targets obligation obligations criteria criterion expectation expectations condition conditions challenge "
    "challenges end ends cost costs payroll quota threshold test tests approval".split()
)

# Sport, business, science and other non-diplomatic contexts in which meeting words have other senses.
SPORT_WORDS = frozenset(
    "match matches tournament cup league championship championships olympics paralympics paralympic olympic "
    "coach striker strikers midfielder goalkeeper squad fixture fixtures quarterfinal quarterfinals semifinal "
    "semifinals stadium kickoff playoff playoffs halftime referee semi semi-final semi-finals quarter-final "
    "quarter-finals grandmaster grandmasters chess copa".split()
)

# Heads of noun phrases that can stand for a government participant.
OFFICIAL_NOUNS = frozenset(
    "president premier minister secretary chancellor leader leaders king queen prince emir sultan ambassador "
    "envoy diplomat diplomats official officials counterpart counterparts delegation delegations representative "
    "representatives spokesman spokeswoman spokesperson government governments administration ministry "
    "minister's foreign head heads state states sides side parties party nation nations country countries "
    "vice-president ministers presidents tánaiste taoiseach monarch chief commissioner mayor governor "
    "negotiator negotiators emissary".split()
)

# Kinds ranked by how much they say: when mentions merge, the most specific kind wins.
KIND_RANK = {"dialogue": 7, "summit": 6, "negotiation": 5, "call": 4, "visit": 3, "meeting": 2, "talks": 1}

# Kinds that never merge with each other: a visit and the meetings in it, a call and a meeting.
KIND_CLASS = {
    "meeting": "m", "talks": "m", "summit": "m", "dialogue": "m", "negotiation": "m", "visit": "v", "call": "c",
}  # fmt: skip

# A standing body of two states ("the joint technical committee", "the binational cabinet"): its parties are the two
# states the article is about.
JOINT_BODY_NOUNS = frozenset("committee commission cabinet council panel mechanism board group".split())
JOINT_BODY_MODIFIERS = frozenset("joint binational bilateral intergovernmental inter-governmental mixed".split())

# Words of world regions: a trip "to South Asia" or "of Latin America" has no single host state.
REGION_WORDS = frozenset(
    "asia africa europe america americas oceania pacific caribbean balkans caucasus gulf sahel levant maghreb "
    "scandinavia baltics mediterranean arctic".split()
)

ORDINAL_DISTINCT = frozenset("second third another again twice fresh new next latest further".split())

# Standing formats whose name alone says who takes part ("the Normandy format summit"). Used only for a
# contact the text places in time or space; a format named in passing ("return to the six-party talks") is a
# process, not a contact.
FORMATS: dict[str, tuple[str, ...]] = {
    "normandy": ("DEU", "FRA", "RUS", "UKR"),
    "six-party": ("CHN", "JPN", "KOR", "PRK", "RUS", "USA"),
    "six-nation": ("CHN", "JPN", "KOR", "PRK", "RUS", "USA"),
    "six-way": ("CHN", "JPN", "KOR", "PRK", "RUS", "USA"),
    "inter-korean": ("KOR", "PRK"),
}

# Titles of a head of state or government: who "the two leaders" can be.
LEADER_TITLES = ("president", "prime minister", "premier", "chancellor", "king", "emir", "sultan", "leader")
