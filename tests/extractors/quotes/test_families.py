"""Quote families 9-11 of issue 17, on short articles written for these tests (never corpus text).

Each case gives the whole expected output as (speaker's last word, type, exact text), like `test_extract.CASES`.
"""

from __future__ import annotations

import pytest

from tests.extractors.quotes.test_extract import assert_gate_selects_every_quote, last_word, quotes_of

Row = tuple[str, str, str]

# (name, article, expected rows in text order)
FAMILY_CASES: list[tuple[str, str, list[Row]]] = [
    # ---- family 9: partial quotes inside reported speech ------------------------------------------------------
    (
        "f9: two fragments quoted in one reported clause are one partial, the fragments joined",
        "The commissioner praised the port authority, saying its new terminal was \"a model for the region\" and "
        "\"proof that reform pays\".",
        [("commissioner", "partial", "a model for the region proof that reform pays")],
    ),
    (
        "f9: fragments joined with typewriter marks too",
        "Rector Paulina Ostrowska thanked the donors on Friday, saying the grant ''changes everything'' and "
        "''arrives just in time.''",
        [("ostrowska", "partial", "changes everything arrives just in time")],
    ),
    (
        "f9: a fragment in a reported clause reported by someone else: the outer speaker keeps it",
        "Okonkwo answered that Lagos would wait for \"a clearer signal\" from the lenders, a Nigerian diplomat "
        "familiar with the exchange said.",
        [("diplomat", "partial", "a clearer signal")],
    ),
    (
        "f9: an outer attribution that only passes the news on leaves the fragment with its own speaker",
        "Ankara called the vote \"a farce\", the Anadolu news agency reported.",
        [("ankara", "partial", "a farce")],
    ),
    (
        "f9: a closing participle that characterises is a second statement of the same speaker, with its fragment",
        "The union said the strike would go ahead as planned, describing the offer as \"an insult.\"",
        [("union", "indirect", "the strike would go ahead as planned"), ("union", "partial", "an insult")],
    ),
    (
        "f9: fragments of a statement and of its closing participle keep the outer speaker",
        "Kremlin spokesman Ivan Petrov said Moscow would respond \"in kind\" if the sanctions went ahead, calling "
        "them \"economic aggression.\"",
        [("petrov", "partial", "in kind"), ("petrov", "partial", "economic aggression")],
    ),
    (
        "f9: the quoted name of a text that was adopted is a name, not a fragment: the clause stays indirect",
        "The ministry said the two sides would adopt a \"roadmap for peace\" next month.",
        [("ministry", "indirect", 'the two sides would adopt a "roadmap for peace" next month')],
    ),
    (
        "f9: the same words called for by a speaker are the speaker's fragment",
        "The president called for a \"new partnership of equals\" with Africa.",
        [("president", "partial", "new partnership of equals")],
    ),
    (
        "f9: a pronoun in a phrase fronted before the main clause points to its subject",
        "In what she called \"a turning point\", Premier Ana Ruiz signed the decree on Monday.",
        [("ruiz", "partial", "a turning point")],
    ),
    (
        "f9: the same with 'described as' and typewriter marks",
        "Despite what he described as ``deep reservations,'' Senator Paul Odum voted for the bill.",
        [("odum", "partial", "deep reservations")],
    ),
    # ---- family 10: bodies, documents, agencies and transcripts as speakers -----------------------------------
    (
        "f10: a state's own news agency named as the source speaks",
        "PYONGYANG - The country test-fired a new cruise missile on Sunday, state news agency KCNA said.\n\n"
        "KCNA said the launch had been \"a complete success\".",
        [("kcna", "indirect", "The country test-fired a new cruise missile on Sunday"),
         ("kcna", "partial", "a complete success")],
    ),
    (
        "f10: a wire agency that is not called a state's own stays a channel",
        "The two navies will hold joint drills next month, Reuters said.",
        [],
    ),
    (
        "f10: a joint text speaks as itself, and 'the summary' later is the same text",
        "A joint summary issued after the talks said both sides would reopen their consulates by March.\n\n"
        "\"The delegations agreed to meet again in the spring,\" the summary reads.",
        [("summary", "indirect", "both sides would reopen their consulates by March"),
         ("summary", "direct", "The delegations agreed to meet again in the spring")],
    ),
    (
        "f10: a final communique named as the source speaks as itself",
        "Ministers from the river commission met in Niamey on Tuesday. The commission will publish new flood maps "
        "in June, according to the final communique.",
        [("communique", "indirect", "The commission will publish new flood maps in June")],
    ),
    (
        "f10: 'the statement' later is the statement of the body named as its author",
        "Farmers will receive drought aid before the harvest, according to a statement released by the "
        "Agriculture Ministry.\n\nMinister Sione Tupou visited two villages.\n\nThe aid will be paid in two "
        "instalments, the statement said.",
        [("ministry", "indirect", "Farmers will receive drought aid before the harvest"),
         ("ministry", "indirect", "The aid will be paid in two instalments")],
    ),
    (
        "f10: a transcript with capitals labels; a role label's question is no quote; a turn runs over its paragraphs",
        "Press briefing by Trade Minister Ingrid Solberg.\n\n"
        "INGRID SOLBERG: We have agreed on the quota. The rest will follow.\n\n"
        "QUESTION: When will the deal be signed?\n\n"
        "SOLBERG: Not before the summer.\n\nThe lawyers still need time to check the annexes.",
        [("solberg", "direct", "We have agreed on the quota. The rest will follow"),
         ("solberg", "direct", "Not before the summer. The lawyers still need time to check the annexes")],
    ),
    (
        "f10: broadcast turns: the presenter's link is no quote, the named correspondent's turn is",
        "PRESENTER: Fishing talks resumed in Reykjavik today. Our reporter Tom Eriksen is there.\n\n"
        "ERIKSEN: Both delegations arrived early. Officials expect a long night.",
        [("eriksen", "direct", "Both delegations arrived early. Officials expect a long night")],
    ),
    (
        "f10: question-and-answer turns with one-letter labels: only the answers are quotes",
        "Interview with Defence Minister Arno Kask.\n\nQ: Will the brigade stay next year?\n\n"
        "KASK: Yes, and it will grow.\n\nQ: By how much?\n\nKASK: We will decide that in June.",
        [("kask", "direct", "Yes, and it will grow"),
         ("kask", "direct", "We will decide that in June")],
    ),
    (
        "f10: a state's title in the lead is the person the next paragraph names with that title",
        "The ferry service to the islands will resume next week, Norway's transport minister said on Monday.\n\n"
        "Norwegian Transport Minister Kari Lunde told reporters in Oslo that the repairs were finished.",
        [("lunde", "indirect", "The ferry service to the islands will resume next week"),
         ("lunde", "indirect", "the repairs were finished")],
    ),
    (
        "f10: a title without a state does not point forward",
        "The border will reopen on Friday, the foreign minister said.\n\n"
        "German Foreign Minister Jonas Weber met his Polish counterpart in Berlin.",
        [("minister", "indirect", "The border will reopen on Friday")],
    ),
    (
        "f10: datelines written with a colon are not transcript turns",
        "NEW DELHI: India and Japan will hold talks next week.\n\nTOKYO: The Japanese side confirmed the dates.",
        [],
    ),
    (
        "f10: one capitals label alone is a rubric, not a turn",
        "UPDATE: The vote has been moved to Thursday.",
        [],
    ),
    # ---- family 11: external-corpus styles ------------------------------------------------------------------
    (
        "f11: `` '' as quotation marks, a quotation split around its attribution",
        "``We are not there yet,'' Governor Mara Quill said on Tuesday. ``But we are close.''",
        [("quill", "direct", "We are not there yet But we are close")],
    ),
    (
        "f11: '' as both marks, and a fragment",
        "The union said the offer was ''an insult to every nurse'' and called a strike.",
        [("union", "partial", "an insult to every nurse")],
    ),
    (
        "f11: speaker nouns for bodies and groups",
        "The campaign said the debate schedule was unfair to smaller parties.\n\n"
        "The federation said in a statement that referees would get a pay rise.\n\n"
        "Administrators at the hospital said no patients had been harmed.",
        [("campaign", "indirect", "the debate schedule was unfair to smaller parties"),
         ("federation", "indirect", "referees would get a pay rise"),
         ("hospital", "indirect", "no patients had been harmed")],  # "Administrators at the hospital"
    ),
    (
        "f11: a participle of speech after a comma starts a second statement",
        "Mayor Ines Corbo said the tram line would open in May, adding that fares would stay frozen for a year.",
        [("corbo", "indirect", "the tram line would open in May"),
         ("corbo", "indirect", "fares would stay frozen for a year")],
    ),
    (
        "f11: a statement runs on through its colon and list commas",
        "The auditor said four steps were still missing: the board had to approve the plan, the bank had to "
        "sign, the city had to pay, and the court had to agree.",
        [("auditor", "indirect", "four steps were still missing: the board had to approve the plan, the bank had "
                                 "to sign, the city had to pay, and the court had to agree")],
    ),
    (
        "f11: attribution inside a relative clause",
        "Opposition members disputed what the treasury says the tunnel will cost by 2030.",
        [("treasury", "indirect", "the tunnel will cost by 2030")],
    ),
    (
        "f11: an interrupted statement goes on after the attribution",
        "The bridge will stay closed until spring, the engineer said, because the cables need replacing.",
        [("engineer", "indirect", "The bridge will stay closed until spring because the cables need replacing")],
    ),
    (
        "f11: an interrupted statement goes on with its condition when the parser hangs it on the verb",
        "Prices would keep rising, the minister warned, unless the central bank acted.",
        [("minister", "indirect", "Prices would keep rising unless the central bank acted")],
    ),
    (
        "f11: the same with 'if' and a possessive speaker",
        "Exports will recover next year, the agency's chief economist said, if demand in Europe holds up.",
        [("economist", "indirect", "Exports will recover next year if demand in Europe holds up")],
    ),
    (
        "f11: the opposition as a speaker noun",
        "The opposition said the government was hiding the figures.",
        [("opposition", "indirect", "the government was hiding the figures")],
    ),
    (
        "f11: an interrupted statement stops before a closing participle that comments on it",
        "The main obstacle, the envoy said, was the fate of the prisoners, leaving little room for a deal.",
        [("envoy", "indirect", "The main obstacle was the fate of the prisoners")],
    ),
    (
        "f11: a closing participle after a statement is the writer's comment",
        "Inspector Hanna Berg said the ferry had left port without a working radio, raising new questions about "
        "the operator.",
        [("berg", "indirect", "the ferry had left port without a working radio")],
    ),
    (
        "f11: a stance noun with only a topic is no statement",
        "Foreign Minister Lena Vos expressed her hopes for the new trade corridor.",
        [],
    ),
    (
        "f11: a closing participle that expresses a stance with content is a statement of the main subject",
        "President Amadou Sy thanked the hosts, expressing his determination to finish the railway by 2030.",
        [("sy", "indirect", "his determination to finish the railway by 2030")],
    ),
    (
        "f11: participle cues: 'by saying' and 'with X saying'",
        "The airline responded by saying that all flights would run as planned.\n\n"
        "Shares fell 4 percent, with traders saying the outlook had darkened.",
        [("airline", "indirect", "all flights would run as planned"),
         ("traders", "indirect", "the outlook had darkened")],
    ),
    (
        "f11: 'told X to do': the instruction is the infinitive",
        "Prime Minister Odile Marchand told her ministers on Sunday to cut travel budgets by a tenth.",
        [("marchand", "indirect", "cut travel budgets by a tenth")],
    ),
    (
        "f11: 'told a hearing that ...' parsed as a relative clause is still the statement",
        "Senator Rhys Llewellyn told a committee that the navy should not buy the frigates until the audit ends.",
        [("llewellyn", "indirect", "the navy should not buy the frigates until the audit ends")],
    ),
    (
        "f11: a headline 'X Says Y' as the first line: Y is the statement, 'Says' is not in the name",
        "Mendoza Says Rail Link to Chile Will Open in 2028\n\n"
        "SANTIAGO (Wire) - Argentine Transport Minister Lucia Mendoza said on Friday that the line was on schedule.",
        [("mendoza", "indirect", "Rail Link to Chile Will Open in 2028"),
         ("mendoza", "indirect", "the line was on schedule")],
    ),
    (
        "f11: a headline naming an act, not a statement, is no quote",
        "Estonia rejects Latvian bid for shared radar\n\nTALLINN - The defence ministry gave no reason.",
        [],
    ),
    (
        "f11: a family name the tagger reads as a word still speaks",
        "Prime Minister Tran Van Long met the visiting delegation on Friday.\n\n"
        "\"The river belongs to all of us,\" Long said at a news conference.",
        [("long", "direct", "The river belongs to all of us")],
    ),
    (
        "f11: a quotation whose opening mark was lost runs from the paragraph start",
        "The minister opened the session at noon.\n\n"
        "Our budget is balanced for the first time in a decade,\" Finance Minister Oskar Lind said.",
        [("lind", "direct", "Our budget is balanced for the first time in a decade")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), FAMILY_CASES, ids=[c[0] for c in FAMILY_CASES])
def test_family_case(nlp, name: str, text: str, expected: list[Row]) -> None:
    got = [(last_word(q.speaker), q.type, q.text) for q in quotes_of(nlp, text)]
    assert got == expected


@pytest.mark.parametrize("text", [c[1] for c in FAMILY_CASES if c[2]], ids=[c[0] for c in FAMILY_CASES if c[2]])
def test_lexical_gate_selects_every_family_quote(nlp, text: str) -> None:
    """The cheap gate of the pipeline selects the sentence or paragraph of every quote found here."""
    assert_gate_selects_every_quote(nlp, text)


@pytest.mark.parametrize(("text", "speaker", "country"), [
    ("BEIJING (Wire) - Tokyo's top government spokesperson, Chief Cabinet Secretary Haruto Mori, said the ships "
     "had left the area.", "mori", "JPN"),
    ("SEOUL (Wire) - Seoul's chief delegate, Unification Vice Minister Kang Min-ho, said the talks would go on.",
     "min-ho", "KOR"),
], ids=["appositive title before a bare title", "appositive title with a capital"])
def test_f12_a_title_phrase_before_the_comma_is_the_speakers_own(nlp, text: str, speaker: str, country: str) -> None:
    got = [(last_word(q.speaker), q.speaker_country) for q in quotes_of(nlp, text)]
    assert got == [(speaker, country)]


@pytest.mark.parametrize(("text", "speaker", "country"), [
    ("The representative of Mongolia, Lkhagva Dorj-ochir, said his Government supported the draft.", "dorj-ochir",
     "MNG"),
    ("The representative of the Republic of Korea, Choi Young-jin, said his Government would fully comply.",
     "young-jin", "KOR"),
    ("Uganda's minister of state for foreign affairs, Henry Oryem Okello, said the talks had gone well.", "okello",
     "UGA"),
    ("KAMPALA - Uganda's minister of state for international affairs, Okello Oryem, said the border was calm.",
     "oryem", "UGA"),
], ids=["name hung on the state of the title", "hyphenated given name", "title with its portfolio",
        "with a dateline"])
def test_a_name_apposed_to_a_title_is_the_speaker(nlp, text: str, speaker: str, country: str) -> None:
    """The tagger often reads the apposed name as an organisation; the title's holder speaks, not "the minister"."""
    got = [(last_word(q.speaker), q.speaker_country) for q in quotes_of(nlp, text)]
    assert got == [(speaker, country)]


def test_a_body_apposed_to_a_noun_stays_a_body(nlp) -> None:
    got = [last_word(q.speaker) for q in quotes_of(nlp, "The regulator, Ofcom, said the licence was suspended.")]
    assert got == ["ofcom"]


def test_a_state_agency_speaks_for_its_state(nlp) -> None:
    text = ("BEIJING - Chinese and Pakistani engineers finished the dam survey on Monday, the official news agency "
            "Xinhua said.")
    got = [(last_word(q.speaker), q.speaker_country) for q in quotes_of(nlp, text)]
    assert got == [("xinhua", "CHN")]
