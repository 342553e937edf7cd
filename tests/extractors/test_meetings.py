"""Meeting extraction on articles written for these tests (never corpus text), one convention per case.

Each case gives the whole expected output as (countries, kind, status, date); the articles name every
participant's nationality so the cases test the meeting logic, not the resolver's world knowledge.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from extractors.meeting_lexicon import GATE, GATE_WORDS
from extractors.meetings import find_meetings
from extractors.resolve import ArticleResolver
from extractors.types import Meeting

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

Row = tuple[tuple[str, ...], str, str, str | None]


def meetings_of(nlp, text: str, published: str | None = "2021-03-17") -> list[Meeting]:
    doc = nlp(text)
    pub = date.fromisoformat(published) if published else None
    return find_meetings(doc, ArticleResolver(doc, pub))


def rows(ms: list[Meeting]) -> list[Row]:
    return [(tuple(m.countries), m.kind, m.status, m.date) for m in ms]


# (name, published, article, expected rows in order)
CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "wire story, one meeting mentioned three times",
        "2023-06-14",
        "Chinese Foreign Minister Qin Gang met his Australian counterpart Penny Wong in Beijing on Monday, the first "
        "such meeting in three years. The two ministers discussed trade barriers and consular cases. Wong told "
        "reporters the meeting was constructive.",
        [(("AUS", "CHN"), "meeting", "held", "2023-06-12")],
    ),
    (
        "a trip made for one meeting is one planned contact",
        "2022-09-07",
        "German Chancellor Olaf Scholz will travel to Washington next week for talks with U.S. President Joe Biden, "
        "a government spokesman said on Wednesday. The trip comes as both governments weigh new sanctions.",
        [(("DEU", "USA"), "talks", "planned", None)],
    ),
    (
        "phone call named in a prepositional phrase",
        "2020-04-02",
        "Turkish President Recep Tayyip Erdogan and Russian President Vladimir Putin discussed the situation in "
        "Syria in a phone call on Tuesday, the Kremlin said. The two leaders agreed to keep in touch.",
        [(("RUS", "TUR"), "call", "held", "2020-03-31")],
    ),
    (
        "readout: 'spoke with' is a call",
        "2019-11-20",
        "Secretary of State Mike Pompeo spoke today with Canadian Foreign Minister Francois-Philippe Champagne. The "
        "Secretary and the Foreign Minister discussed the detention of two Canadian citizens in China.",
        [(("CAN", "USA"), "call", "held", "2019-11-20")],
    ),
    (
        "called off",
        "2018-02-10",
        "Russia has called off talks with Ukraine that had been scheduled for next week in Minsk, the Russian "
        "foreign ministry said. A Ukrainian official said Kiev regretted the decision.",
        [(("RUS", "UKR"), "talks", "cancelled", None)],
    ),
    (
        "denied meeting",
        "2021-01-05",
        "Officials in Seoul denied reports that South Korean President Moon Jae-in would meet Japanese Prime "
        "Minister Yoshihide Suga in Geneva. Seoul's foreign ministry said no such plan existed.",
        [],
    ),
    (
        "hypothetical meeting",
        "2021-01-05",
        "If the Egyptian president were to meet the Ethiopian prime minister, it would be their first encounter "
        "since the dam dispute began. Analysts doubt that such talks will take place soon.",
        [],
    ),
    (
        "teams that meet in a match",
        "2014-06-20",
        "Argentina and Nigeria meet in their final group match on Wednesday, with the winner guaranteed top spot. "
        "Argentina coach Alejandro Sabella said his team was ready. Nigeria beat Bosnia in their last game.",
        [],
    ),
    (
        "a company's talks with a union, a board meeting",
        "2019-03-03",
        "The carmaker held talks with the union on Friday about wages, a company spokesman said. The board met on "
        "Tuesday to approve the budget.",
        [],
    ),
    (
        "the summit of a mountain",
        "2019-03-03",
        "The climbers reached the summit of Mount Kilimanjaro in Tanzania on Sunday after a five-day ascent. Their "
        "guide said the weather had been kind.",
        [],
    ),
    (
        "talks on the sidelines: the host city is not a party",
        "2016-09-21",
        "The foreign ministers of India and Pakistan held talks on the sidelines of the U.N. General Assembly in New "
        "York on Saturday. It was their first meeting since the border clashes.",
        [(("IND", "PAK"), "talks", "held", "2016-09-17")],
    ),
    (
        "a multi-day visit and the meeting during it are two entries",
        "2015-04-08",
        "Japanese Prime Minister Shinzo Abe arrived in Jakarta on Tuesday for a three-day visit, during which he met "
        "Indonesian President Joko Widodo and toured a railway project. Abe later flew to Manila.",
        [(("IDN", "JPN"), "visit", "held", "2015-04-07"), (("IDN", "JPN"), "meeting", "held", None)],
    ),
    (
        "two contacts with two countries stay two",
        "2017-10-12",
        "British Foreign Secretary Boris Johnson met Iranian Foreign Minister Mohammad Javad Zarif in London on "
        "Monday. On Wednesday he spoke by telephone with Saudi Foreign Minister Adel al-Jubeir about Yemen.",
        [(("GBR", "IRN"), "meeting", "held", "2017-10-09"), (("GBR", "SAU"), "call", "held", "2017-10-11")],
    ),
    (
        "expected to hold talks",
        "2019-07-01",
        "South Korean President Moon Jae-in is expected to hold talks with Chinese President Xi Jinping in Beijing "
        "later this month, the presidential office said.",
        [(("CHN", "KOR"), "talks", "planned", None)],
    ),
    (
        "negotiations resumed",
        "2015-03-30",
        "Iranian and American negotiators resumed nuclear negotiations in Lausanne on Monday, with a deadline "
        "looming at the end of the month.",
        [(("IRN", "USA"), "negotiation", "held", "2015-03-30")],
    ),
    (
        "summit with an ending",
        "2019-02-28",
        "U.S. President Donald Trump and North Korean leader Kim Jong Un held a summit in Hanoi on Wednesday, but the "
        "talks ended early without an agreement.",
        [(("PRK", "USA"), "summit", "held", "2019-02-27")],
    ),
    (
        "hosting is meeting",
        "2022-05-12",
        "French President Emmanuel Macron hosted Italian Prime Minister Mario Draghi at the Elysee Palace on Thursday "
        "for a working dinner.",
        [(("FRA", "ITA"), "meeting", "held", "2022-05-12")],
    ),
    (
        "a missile test and a condemnation are not contacts",
        "2020-08-15",
        "North Korea test-fired two short-range missiles on Saturday, South Korea's military said. Japan's defense "
        "ministry condemned the launch and said it would consult with Washington.",
        [],
    ),
    (
        "sanctions and statements are not contacts",
        "2020-08-15",
        "The European Union imposed new sanctions on Belarus on Friday. Lithuanian Foreign Minister Linas "
        "Linkevicius said the measures were overdue.",
        [],
    ),
    (
        "agreed to meet",
        "2018-05-30",
        "The leaders of Ethiopia and Eritrea agreed to meet in Asmara next month to sign a peace deal, officials from "
        "both countries said.",
        [(("ERI", "ETH"), "meeting", "planned", None)],
    ),
    (
        "a past summit implied by a negative sentence",
        "2020-10-10",
        "The leaders of Japan and South Korea have not held a formal summit since December 2019, diplomats said.",
        [(("JPN", "KOR"), "summit", "held", None)],
    ),
    (
        "arrival for talks, then visits to two capitals",
        "2011-03-09",
        "U.S. envoy Stephen Bosworth arrived in Seoul on Monday for talks with South Korean Foreign Minister Kim "
        "Sung-hwan. He will also visit Beijing and Tokyo this week.",
        [
            (("KOR", "USA"), "talks", "held", "2011-03-07"),
            (("CHN", "USA"), "visit", "planned", None),
            (("JPN", "USA"), "visit", "planned", None),
        ],
    ),
    (
        "virtual summit and its video call are one contact",
        "2021-11-16",
        "Chinese President Xi Jinping and U.S. President Joe Biden held a virtual summit on Monday, their first since "
        "Biden took office. The video call lasted more than three hours.",
        [(("CHN", "USA"), "summit", "held", "2021-11-15")],
    ),
    (
        "meeting obligations",
        "2021-11-16",
        "Greece must meet its obligations to creditors, the German finance minister said on Monday.",
        [],
    ),
    (
        "an invitation and a rejected proposal",
        "2021-11-16",
        "The Venezuelan president invited the Colombian president to visit Caracas, but Bogota has not responded. "
        "Colombia rejected a proposal to hold talks in Havana.",
        [],
    ),
    (
        "Kremlin-style readout with a planned follow-up call",
        "2014-05-02",
        "At the German side's initiative, Russian President Vladimir Putin had a telephone conversation with German "
        "Chancellor Angela Merkel. The two leaders discussed the situation in Ukraine. They agreed to have another "
        "telephone conversation shortly.",
        [(("DEU", "RUS"), "call", "held", None), (("DEU", "RUS"), "call", "planned", None)],
    ),
    (
        "two calls on two days stay two",
        "2009-10-11",
        "On Saturday, Indian Prime Minister Manmohan Singh called U.S. President Barack Obama to congratulate him. "
        "On Sunday, Obama returned Singh's phone call.",
        [(("IND", "USA"), "call", "held", "2009-10-10"), (("IND", "USA"), "call", "held", "2009-10-11")],
    ),
    (
        "speech about a meeting inside quotation marks is not reporting it",
        "2021-03-17",
        'Spanish Foreign Minister Arancha Gonzalez said: "Next year I hope to talk with the Moroccan government."',
        [],
    ),
    (
        "a two-plus-two dialogue, mentioned as dialogue, talks and meeting",
        "2021-03-17",
        "Australia and Japan held their annual two-plus-two dialogue in Tokyo on Tuesday. At the meeting, Australian "
        "Foreign Minister Marise Payne and Japanese Foreign Minister Toshimitsu Motegi discussed maritime security. "
        "The talks ended with a joint statement.",
        [(("AUS", "JPN"), "dialogue", "held", "2021-03-16")],
    ),
    (
        "a series agreed is one planned entry besides the meeting",
        "2008-05-07",
        "Chinese President Hu Jintao met Japanese Prime Minister Yasuo Fukuda on Wednesday. The two sides agreed to "
        "hold annual meetings.",
        [(("CHN", "JPN"), "meeting", "held", "2008-05-07"), (("CHN", "JPN"), "meeting", "planned", None)],
    ),
    (
        "a trip to several countries: one visit per host",
        "2009-02-16",
        "U.S. Secretary of State Hillary Clinton will visit Indonesia, South Korea and China after Japan.",
        [
            (("IDN", "USA"), "visit", "planned", None),
            (("KOR", "USA"), "visit", "planned", None),
            (("CHN", "USA"), "visit", "planned", None),
        ],
    ),
    (
        "an election is not a contact",
        "2018-05-10",
        "Malaysian voters ended the ruling coalition's long hold on power in Wednesday's election. The opposition "
        "leader called the result a victory for democracy.",
        [],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected


def test_fields_of_a_wire_story(nlp) -> None:
    text = (
        "Chinese Foreign Minister Qin Gang met his Australian counterpart Penny Wong in Beijing on Monday, the "
        "first such meeting in three years."
    )
    (m,) = meetings_of(nlp, text, "2023-06-14")
    assert m.location == "Beijing" and m.location_country == "CHN"
    assert m.date_text == "Monday" and m.date_granularity == "day" and m.date_period == "2023-06-12"
    assert [(p.name, p.country) for p in m.participants] == [("Qin Gang", "CHN"), ("Penny Wong", "AUS")]
    assert m.evidence == text[m.evidence_start : m.evidence_end] == text
    assert 0.0 <= m.confidence <= 1.0
    assert m.host_country is None


def test_visit_has_host_and_month_date(nlp) -> None:
    text = "Japanese Prime Minister Fumio Kishida will visit Canada in late April, his office said on Friday."
    (m,) = meetings_of(nlp, text, "2023-03-10")
    assert (m.kind, m.status, m.host_country, m.location_country) == ("visit", "planned", "CAN", "CAN")
    assert (m.date, m.date_text, m.date_granularity, m.date_period) == (None, "late April", "month", "2023-04")


def test_without_published_date_dates_stay_null_but_words_are_kept(nlp) -> None:
    text = "Swedish Prime Minister Ulf Kristersson met Finnish President Sauli Niinisto in Helsinki on Thursday."
    (m,) = meetings_of(nlp, text, None)
    assert (m.date, m.date_text, m.date_granularity) == (None, "Thursday", None)


def test_evidence_offsets_point_into_the_text(nlp) -> None:
    text = (
        "Officials gathered early.\n\nMexican President Andres Manuel Lopez Obrador received Guatemalan President "
        "Bernardo Arevalo at the National Palace on Friday. Later, the two leaders signed a trade accord."
    )
    ms = meetings_of(nlp, text, "2024-02-10")
    assert ms
    for m in ms:
        assert text[m.evidence_start : m.evidence_end] == m.evidence


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", '"', "“”“", "met met met", "The summit.", "Talks" * 500, ("He met her. " * 400).strip()],
)
def test_never_crashes(nlp, text: str) -> None:
    assert isinstance(meetings_of(nlp, text), list)


def test_gate_words_cover_every_trigger() -> None:
    for sentence in [
        "They met.",
        "A summit opened.",
        "She spoke by phone with him.",
        "He paid a visit.",
        "The talks began.",
        "Negotiations resumed.",
        "The two-plus-two dialogue ended.",
        "He hosted the premier.",
        "They exchanged views.",
    ]:
        assert GATE.search(sentence), sentence
    assert not GATE.search("North Korea fired two missiles on Saturday.")
    assert all(w == w.lower() for w in GATE_WORDS)


@pytest.mark.corpus
def test_false_meetings_on_non_diplomatic_news(nlp) -> None:
    """Real news with no diplomatic contact: at most one false meeting per 100 articles."""
    path = CORPUS / "stream.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpus is absent")
    from schemas.article import article_from_mapping

    rows_ = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    false = 0
    for row in rows_:
        art = article_from_mapping(row)
        doc = nlp(art.text)
        false += len(find_meetings(doc, ArticleResolver(doc, art.published_date)))
    assert false <= len(rows_) / 100
