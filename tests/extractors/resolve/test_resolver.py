"""Country resolution on articles written for these tests (none is copied from the corpus)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.core.pipeline import load_nlp
from extractors.resolve.resolver import Actor, ArticleResolver


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


def span_of(doc: Doc, phrase: str, nth: int = 0) -> Span:
    """The nth whole-word occurrence of a phrase in the doc."""
    found = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", doc.text)]
    start = found[nth]
    sp = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert sp is not None
    return sp


# ------------------------------------------------------------------------------------------------ bare phrases
NEUTRAL = "The talks ended without a statement."

TEXT_CASES = [
    ("Russian", "RUS"),
    ("Japanese", "JPN"),
    ("South Korean", "KOR"),
    ("North Korean", "PRK"),
    ("North Korea's", "PRK"),
    ("Moscow", "RUS"),
    ("Tokyo", "JPN"),
    ("Seoul", "KOR"),
    ("Beijing", "CHN"),
    ("the Kremlin", "RUS"),
    ("the White House", "USA"),
    ("Downing Street", "GBR"),
    ("the Pentagon", "USA"),
    ("Japan's Foreign Ministry", "JPN"),
    ("Seoul's foreign ministry", "KOR"),
    ("the State Department", "USA"),
    ("U.S.", "USA"),
    ("the United States", "USA"),
    ("Britain", "GBR"),
    ("Iraqis", "IRQ"),
    ("Israeli", "ISR"),
    ("Palestinian", "PSE"),
    ("Emirati", "ARE"),
    ("Turkish", "TUR"),
    ("the Elysee Palace", "FRA"),
    ("the United Nations", "IGO:UN"),
    ("the U.N. Security Council", "IGO:UN"),
    ("EU", "IGO:EU"),
    ("NATO", "IGO:NATO"),
    ("ASEAN", "IGO:ASEAN"),
    ("the African Union", "IGO:AU"),
    ("the IAEA", "IGO:IAEA"),
    ("Congo", None),  # ambiguous, nothing in the article decides
    ("Georgia", None),
    ("Guinea", None),
    ("us", None),  # the pronoun, not the country
    ("", None),
    ("the weather", None),
]


AMBIGUOUS_CASES = [
    ("Officials in Tbilisi welcomed the decision.", "Georgia", "GEO"),
    ("The ministry in Kinshasa issued a statement.", "Congo", "COD"),
    ("Officials in Brazzaville issued a statement.", "Congo", "COG"),
    ("Crowds gathered in Conakry on Sunday.", "Guinea", "GIN"),
    ("Officials in Tbilisi and Washington spoke.", "Georgia", None),  # both readings have support
]


@pytest.mark.parametrize(("text", "phrase", "expected"), AMBIGUOUS_CASES)
def test_ambiguous_names_need_context(nlp: Language, text: str, phrase: str, expected: str | None) -> None:
    r = ArticleResolver(nlp(text))
    assert r.country_of_text(phrase) == expected


LOCATION_CASES = [
    ("Geneva", "CHE"),
    ("New York", "USA"),
    ("Baghdad's Green Zone", "IRQ"),
    ("the Kremlin", "RUS"),
    ("Vladivostok", "RUS"),
    ("Japan", "JPN"),
    ("Nowhere Special", None),
]


@pytest.mark.parametrize(("place", "expected"), LOCATION_CASES)
def test_location_country(nlp: Language, place: str, expected: str | None) -> None:
    r = ArticleResolver(nlp(NEUTRAL))
    assert r.location_country(place) == expected


# --------------------------------------------------------------------------------------------- countries_in
COUNTRIES_IN_CASES = [
    ("Ties between Moscow and Tokyo have thawed.", ["RUS", "JPN"]),
    ("U.S.-Russian relations are at a low.", ["USA", "RUS"]),
    ("The ministers held talks in Moscow.", []),  # a place, not a state acting
    ("Beijing accused Washington of meddling.", ["CHN", "USA"]),
    ("The North Korean envoy met NATO officials.", ["PRK", "IGO:NATO"]),
    ("The Japan Times reported the story first.", []),  # a newspaper's name
    ("Warships sailed through the South China Sea.", []),  # a sea, not China
    ("Exports to Latin America rose.", []),
    ("Male voters backed the reform.", []),  # the capital of the Maldives only with the Maldives in the text
    ("Officials in Male said the Maldives would vote.", ["MDV"]),
]


def test_countries_in_includes_people(nlp: Language) -> None:
    doc = nlp("Chinese Foreign Minister Wang Yi arrived on Monday. Wang met the press in the evening.")
    r = ArticleResolver(doc)
    second = r.sents[1]
    assert [(c, doc.text[s:e]) for c, s, e in r.countries_in(second)] == [("CHN", "Wang")]


# ------------------------------------------------------------------------------------------------ articles
ARTICLE_TWO_PLUS_TWO = (
    "Tokyo and Moscow agreed on Tuesday to restart security consultations that were frozen after the Crimea crisis.\n\n"
    "At the session in the Russian capital, Foreign Minister Taro Kono and Defense Minister Itsunori Onodera sat "
    "down with their Russian counterparts Sergey Lavrov and Sergei Shoigu.\n\n"
    "\"We made real progress on the islands,\" Kono told reporters after the session.\n\n"
    "Lavrov said both governments wanted a peace treaty, but he gave no timetable.\n\n"
    "A Foreign Ministry official, speaking on condition of anonymity, said Japan would keep pressing its claim.\n\n"
    "The official added that another round could follow in the autumn."
)

TWO_PLUS_TWO = [
    ("Taro Kono", 0, "Taro Kono", "JPN", "Foreign Minister", "person"),
    ("Itsunori Onodera", 0, "Itsunori Onodera", "JPN", "Defense Minister", "person"),
    ("Sergey Lavrov", 0, "Sergey Lavrov", "RUS", "Foreign Minister", "person"),
    ("Sergei Shoigu", 0, "Sergei Shoigu", "RUS", "Defense Minister", "person"),
    ("Kono", 1, "Taro Kono", "JPN", "Foreign Minister", "person"),
    ("Lavrov", 1, "Sergey Lavrov", "RUS", "Foreign Minister", "person"),
    ("he", 0, "Sergey Lavrov", "RUS", "Foreign Minister", "person"),
    ("official", 0, "A Foreign Ministry official", "JPN", "official", "official"),
    ("The official", 0, "A Foreign Ministry official", "JPN", "official", "official"),
]


ARTICLE_SEOUL = (
    "South Korean President Moon Jae-in received the visiting Chinese foreign minister on Friday.\n\n"
    "Wang Yi, China's foreign minister, said Beijing wanted calm on the peninsula.\n\n"
    "Seoul's foreign ministry said the two sides agreed to keep talking. It gave no further details.\n\n"
    "Mr. Moon told his guest that North Korea's missile tests worried the region. The president also raised trade.\n\n"
    "Kang Kyung-wha, his foreign minister, hosted a dinner for Wang and his Japanese counterpart, Taro Kono."
)

SEOUL = [
    ("Moon Jae-in", 0, "Moon Jae-in", "KOR", "President"),
    ("Wang Yi", 0, "Wang Yi", "CHN", "Foreign Minister"),
    ("Seoul's foreign ministry", 0, "Seoul's foreign ministry", "KOR", None),
    ("It", 0, "Seoul's foreign ministry", "KOR", None),
    ("Moon", 1, "Moon Jae-in", "KOR", "President"),
    ("The president", 0, "Moon Jae-in", "KOR", "President"),
    ("Kang Kyung-wha", 0, "Kang Kyung-wha", "KOR", "Foreign Minister"),
    ("Taro Kono", 0, "Taro Kono", "JPN", "Foreign Minister"),
]


ARTICLE_READOUT = (
    "President Putin held a phone call with Federal Chancellor of Germany Olaf Scholz.\n\n"
    "The leaders discussed gas supplies. Mr Putin stressed that contracts would be honoured.\n\n"
    "The President said Russia remained a reliable supplier.\n\n"
    "Earlier, Foreign Minister Lavrov spoke with French Foreign Minister Catherine Colonna."
)

READOUT = [  # a Kremlin readout: bare titles belong to the site's state
    ("Putin", 0, "Putin", "RUS", "President"),
    ("Olaf Scholz", 0, "Olaf Scholz", "DEU", "Federal Chancellor"),
    ("Putin", 1, "Putin", "RUS", "President"),
    ("The President", 0, "Putin", "RUS", "President"),
    ("Lavrov", 0, "Lavrov", "RUS", "Foreign Minister"),
    ("Catherine Colonna", 0, "Catherine Colonna", "FRA", "Foreign Minister"),
]


def test_readout_without_home_gives_no_country_to_bare_titles(nlp: Language) -> None:
    r = ArticleResolver(nlp(ARTICLE_READOUT))
    assert r.actor(span_of(r.doc, "Putin")).country == "RUS"  # not the site's: the officeholders dictionary's
    assert r.actor(span_of(r.doc, "Olaf Scholz")).country == "DEU"
    r = ArticleResolver(nlp(ARTICLE_READOUT.replace("Putin", "Zorvanek")))  # someone no dictionary lists
    assert r.actor(span_of(r.doc, "Zorvanek")).country is None


ARTICLE_VISIT = (
    "U.S. Secretary of State Mike Pompeo arrived in Baghdad on an unannounced visit on Wednesday.\n\n"
    "During the trip he met Prime Minister Adel Abdul Mahdi and President Barham Salih, officials said.\n\n"
    "\"We support a strong and sovereign Iraq,\" Pompeo told reporters. She did not comment, an aide to the "
    "speaker said.\n\n"
    "The Iraqi leader thanked his guest. Iraqi officials said the talks covered Iran.\n\n"
    "Analyst Sarah Collins of the Middle East Policy Forum said the visit was mostly symbolic."
)

VISIT = [
    ("Mike Pompeo", 0, "Mike Pompeo", "USA", "Secretary of State"),
    ("Adel Abdul Mahdi", 0, "Adel Abdul Mahdi", "IRQ", "Prime Minister"),
    ("Barham Salih", 0, "Barham Salih", "IRQ", "President"),
    ("Pompeo", 1, "Mike Pompeo", "USA", "Secretary of State"),
    ("he", 0, "Mike Pompeo", "USA", "Secretary of State"),
    ("Iraqi officials", 0, "Iraqi officials", "IRQ", "official"),
    ("Sarah Collins", 0, "Sarah Collins", None, None),  # an analyst: the text ties her to no state
]


def test_analyst_role_not_government(resolved: Callable[[str], ArticleResolver]) -> None:
    visit = resolved("visit")
    a = visit.actor(span_of(visit.doc, "Sarah Collins"))
    assert a.kind == "person" and a.country is None


ARTICLE_BODIES = (
    "The Kremlin said on Monday that the summit would go ahead. The White House declined to comment.\n\n"
    "Mr. Netanyahu's office said the prime minister would travel on Sunday. Israeli Prime Minister Benjamin "
    "Netanyahu has met the U.S. president twice this year.\n\n"
    "A Japanese newspaper reported that the Pentagon had approved the sale.\n\n"
    "Downing Street said Britain supported the plan, and Japan's Foreign Ministry agreed."
)

BODIES = [
    ("The Kremlin", 0, "RUS", "body"),
    ("The White House", 0, "USA", "body"),
    ("Mr. Netanyahu's office", 0, "ISR", "body"),
    ("A Japanese newspaper", 0, None, "unknown"),
    ("the Pentagon", 0, "USA", "body"),
    ("Downing Street", 0, "GBR", "body"),
    ("Japan's Foreign Ministry", 0, "JPN", "body"),
]


ARTICLE_APPOSITIVES = (
    "Fumiko Tanaka, Japan's trade minister, said exports would recover. Tanaka spoke in Osaka.\n\n"
    "Pierre Martin, the French ambassador to Washington, said Paris backed the deal.\n\n"
    "Ambassador Ana Lopes of Portugal and Jan Novak, the Czech foreign minister, attended a dinner.\n\n"
    "She later told reporters that the meeting had gone well."
)

APPOSITIVES = [
    ("Fumiko Tanaka", 0, "Fumiko Tanaka", "JPN", "Minister"),
    ("Tanaka", 1, "Fumiko Tanaka", "JPN", "Minister"),
    ("Pierre Martin", 0, "Pierre Martin", "FRA", "Ambassador"),
    ("Ana Lopes", 0, "Ana Lopes", "PRT", "Ambassador"),
    ("Jan Novak", 0, "Jan Novak", "CZE", "Foreign Minister"),
]


ARTICLE_CALL = (
    "Indian Prime Minister Narendra Modi called President Joe Biden on Friday to discuss vaccine supplies.\n\n"
    "The President thanked the prime minister for the call. He said Washington would send more doses.\n\n"
    "The Foreign Secretary met Tánaiste Micheál Martin in Dublin on Monday, the Foreign Office said."
)

CALL = [
    ("Narendra Modi", 0, "Narendra Modi", "IND", "Prime Minister", "person"),
    ("The President", 0, "Joe Biden", "USA", "President", "person"),  # not from the source: the dictionary's
    ("He", 0, "Joe Biden", "USA", "President", "person"),  # the President was the last subject
    ("the prime minister", 0, "Narendra Modi", "IND", "Prime Minister", "person"),
    ("Micheál Martin", 0, "Micheál Martin", "IRL", "Tánaiste", "person"),
    ("The Foreign Secretary", 0, "The Foreign Secretary", "GBR", "Foreign Secretary", "official"),
]


def test_call_from_the_white_house(nlp: Language) -> None:
    r = ArticleResolver(nlp(ARTICLE_CALL), url="https://www.whitehouse.gov/briefing-room/x")
    assert r.actor(span_of(r.doc, "Joe Biden")).country == "USA"
    assert r.actor(span_of(r.doc, "He")).country == "USA"


IGO_AND_EMBASSY_CASES = [
    ("EU foreign policy chief Josep Borrell said the sanctions would stay.", "Josep Borrell", "IGO:EU"),
    ("Secretary-General Antonio Guterres told the United Nations General Assembly that the war must end.",
     "Antonio Guterres", "IGO:UN"),
    ("NATO Secretary General Jens Stoltenberg arrived in Kyiv.", "Jens Stoltenberg", "IGO:NATO"),
    ("A spokesman for the Chinese embassy said the report was false.", "spokesman", "CHN"),
    ("Chinese Foreign Ministry spokesman Zhao Lijian said Beijing would respond.", "Zhao Lijian", "CHN"),
    ("A senior State Department official said the talks were useful.", "official", "USA"),
    ("Officials at the Japanese embassy declined to comment.", "Officials", "JPN"),
]


IGO_AND_EMBASSY_CASES += [
    ("The visit was arranged by Secretary of State Mike Pompeo, who said it was overdue.", "who", "USA"),
    ("Officials said the leaders of Brazil and Chile would meet.", "Officials", None),  # two states: not guessed
    ("Japanese officials said Tokyo would respond.", "Japanese officials", "JPN"),
    ("Kurdistan Regional Government leader Masrour Barzani met the envoy.", "Masrour Barzani", "IRQ"),
]


ARTICLE_MOSCOW = (
    "British Foreign Secretary Liz Truss met Russian Foreign Minister Sergei Lavrov in Moscow on Thursday. "
    "Truss told him that troops must be withdrawn. Lavrov said the two sides had talked past each other. "
    "She later flew back to London.\n\n"
    "Israeli Prime Minister Naftali Bennett held talks with Vladimir Putin, an Israeli official said. "
    "South Korea's nuclear envoy Noh Kyu-duk welcomed the talks."
)

MOSCOW = [
    ("him", 0, "Sergei Lavrov", "RUS"),  # the object of "told": not its subject
    ("She", 0, "Liz Truss", "GBR"),  # a known woman before the nearer man of unknown gender
    ("Vladimir Putin", 0, "Vladimir Putin", "RUS"),  # ", an Israeli official said" is not his apposition (the
    # dictionary gives his own state)
    ("an Israeli official", 0, "an Israeli official", "ISR"),
    ("Noh Kyu-duk", 0, "Noh Kyu-duk", "KOR"),
]


# Each article is read once; each case asks `actor` about a phrase of it (its nth occurrence) and checks the
# fields its table gives: (text, ArticleResolver keywords, the Actor fields of the table's expected values).
ARTICLES: dict[str, tuple[str, dict[str, Any], tuple[str, ...]]] = {
    "two_plus_two": (ARTICLE_TWO_PLUS_TWO, {"published": date(2018, 7, 31)}, ("name", "country", "role", "kind")),
    "seoul": (ARTICLE_SEOUL, {}, ("name", "country", "role")),
    "readout": (ARTICLE_READOUT, {"source": "President of Russia", "url": "http://en.kremlin.ru/events/1"},
                ("name", "country", "role")),
    "visit": (ARTICLE_VISIT, {"source": "Voice of America"}, ("name", "country", "role")),
    "bodies": (ARTICLE_BODIES, {}, ("country", "kind")),
    "appositives": (ARTICLE_APPOSITIVES, {}, ("name", "country", "role")),
    "call": (ARTICLE_CALL, {}, ("name", "country", "role", "kind")),
    "moscow": (ARTICLE_MOSCOW, {}, ("name", "country")),
}
ACTOR_CASES = [(article, phrase, nth, tuple(expected)) for article, rows in (
    ("two_plus_two", TWO_PLUS_TWO), ("seoul", SEOUL), ("readout", READOUT), ("visit", VISIT), ("bodies", BODIES),
    ("appositives", APPOSITIVES), ("call", CALL), ("moscow", MOSCOW),
) for phrase, nth, *expected in rows]


@pytest.fixture(scope="module")
def resolved(nlp: Language) -> Callable[[str], ArticleResolver]:
    cache: dict[str, ArticleResolver] = {}

    def resolver_of(article: str) -> ArticleResolver:
        if article not in cache:
            text, keywords, _ = ARTICLES[article]
            cache[article] = ArticleResolver(nlp(text), **keywords)
        return cache[article]

    return resolver_of


@pytest.mark.parametrize(("article", "phrase", "nth", "expected"), ACTOR_CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in ACTOR_CASES])
def test_actor(resolved: Callable[[str], ArticleResolver], article: str, phrase: str, nth: int,
               expected: tuple) -> None:
    r = resolved(article)
    a = r.actor(span_of(r.doc, phrase, nth))
    assert tuple(getattr(a, field) for field in ARTICLES[article][2]) == expected


MORE_CASES = [  # (text, source url, phrase, expected name, expected country)
    ("Vladimir Putin held talks with President of the Republic of Kazakhstan Kassym-Jomart Tokayev. The heads of "
     "state discussed trade. The President of Russia noted the growth of investment.", "http://en.kremlin.ru/e/2",
     "The President", "Vladimir Putin", "RUS"),
    ("Vladimir Putin held talks with President of the Republic of Kazakhstan Kassym-Jomart Tokayev.",
     "http://en.kremlin.ru/e/2", "Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev", "KAZ"),
    ("Foreign Minister Javad Zarif will travel to Baghdad on Sunday, Iranian state media said. Zarif will meet "
     "Iraqi Prime Minister Mustafa al-Kadhimi, the ministry said.", None, "the ministry", "the ministry", "IRN"),
    ("Secretary Blinken met Egyptian Foreign Minister Sameh Shoukry in Cairo. The Secretary thanked him.",
     "https://www.state.gov/x", "The Secretary", "Blinken", "USA"),
    ("Rice met her North Korean counterpart, Pak Ui-chun, on Wednesday.", None, "Pak Ui-chun", "Pak Ui-chun", "PRK"),
]


def test_counterpart_holds_the_generic_office(nlp: Language) -> None:
    r = ArticleResolver(nlp("Secretary of State Condoleezza Rice met her North Korean counterpart, Pak Ui-chun."))
    assert r.actor(span_of(r.doc, "Pak Ui-chun")).role == "Foreign Minister"


# ------------------------------------------------------------------------------------------- robustness
@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "“", "\"\"\"", "He said.", "U.S." * 50, "Mr. " * 200, "a " * 3000, "Congo Congo Georgia"],
)
def test_never_crashes(nlp: Language, text: str) -> None:
    doc = nlp(text)
    r = ArticleResolver(doc, None)
    for tok in doc[:50]:
        a = r.actor(doc[tok.i : tok.i + 1])
        assert isinstance(a, Actor)
    r.countries_in(doc[:])
    r.people()
    r.main_country()
    assert r.country_of_text(text) in (None, "USA", "COD", "GEO")


def test_main_country(nlp: Language) -> None:
    r = ArticleResolver(nlp("Japan protested. Tokyo said Japanese fishermen were detained near Russia."))
    assert r.main_country() == "JPN"
    assert ArticleResolver(nlp(NEUTRAL)).main_country() is None


def test_people_lists_each_person_once(resolved: Callable[[str], ArticleResolver]) -> None:
    names = [a.name for a in resolved("two_plus_two").people()]
    assert names == ["Taro Kono", "Itsunori Onodera", "Sergey Lavrov", "Sergei Shoigu"]


# ------------------------------------------------------------------------------- generalisation (unseen copy)
# (text, source url, phrase, expected name or None to skip, expected country, expected role or "-" to skip)
GENERAL_CASES = [
    # a White House readout of a call with Russia: the home outlet gives the untitled/bare-titled principal
    ("President Biden spoke today with President Vladimir Putin of Russia. President Biden made clear that the "
     "United States would respond if Russia moved against its neighbour.", "https://www.whitehouse.gov/briefing/1",
     "President Biden", "Biden", "USA", "President"),
    # two presidents in "X and Y" are two states' presidents: the first one's country is not shared
    ("President Vladimir Putin of Russia and President Biden spoke for an hour on Tuesday.",
     "https://www.whitehouse.gov/briefing/2", "President Biden", "Biden", "USA", "-"),
    ("Russian President Vladimir Putin and President Daniel Harwick spoke for an hour on Tuesday.", None,
     "Daniel Harwick", "Daniel Harwick", None, "President"),
    ("Russian President Vladimir Putin and President Joe Biden spoke for an hour on Tuesday.", None,
     "Joe Biden", "Joe Biden", "USA", "President"),  # the officeholders dictionary knows him
    # a foreign minister and a "Secretary" in one coordination are counterparts, not colleagues
    ("Finnish Foreign Minister Pekka Haavisto and Secretary Antony Blinken discussed NATO enlargement on Monday.",
     None, "Antony Blinken", "Antony Blinken", "USA", "-"),
    ("Readout of a meeting. Secretary Blinken met today with Finnish Foreign Minister Pekka Haavisto in Washington.",
     None, "Pekka Haavisto", "Pekka Haavisto", "FIN", "Foreign Minister"),
    ("Japanese Foreign Minister Taro Kono and Defense Minister Itsunori Onodera flew to Moscow.", None,
     "Itsunori Onodera", "Itsunori Onodera", "JPN", "Defense Minister"),
    # "Prime Minister of Armenia X" (spaCy tags "Armenia X" as one PERSON) and "the Russian President" after it
    ("President Vladimir Putin had a telephone conversation with Prime Minister of Armenia Nikol Pashinyan. Prime "
     "Minister Pashinyan informed the Russian President about the situation on the border.",
     "http://en.kremlin.ru/events/president/news/1", "Prime Minister Pashinyan", "Nikol Pashinyan", "ARM",
     "Prime Minister"),
    ("President Vladimir Putin had a telephone conversation with Prime Minister Nikol Pashinyan. Prime Minister "
     "Pashinyan informed the Russian President about the border.", "http://en.kremlin.ru/events/president/news/1",
     "the Russian President", "Vladimir Putin", "RUS", "President"),
    ("Russian President Vladimir Putin met Turkish leader Recep Tayyip Erdogan in Sochi. The Russian leader said "
     "gas deliveries would continue.", None, "The Russian leader", "Vladimir Putin", "RUS", "President"),
    # a location is not a nationality; a bloc word names no state
    ("A senior Western diplomat in Nairobi said the talks had stalled. Kenyan officials declined to comment.", None,
     "diplomat", "A senior Western diplomat", None, "diplomat"),
    ("Foreign diplomats in Nairobi said the vote was orderly. Kenya's election board agreed.", None,
     "Foreign diplomats", None, None, "-"),
    # US states and cities are not the same-named territory
    ("NEWARK (AP) — Authorities in New Jersey said on Tuesday they had arrested two men. The authorities said the "
     "inquiry was continuing.", None, "Authorities", None, None, "-"),
    ("Police in Jersey City said two officers were hurt. Authorities said the suspect had been detained.", None,
     "Authorities", None, None, "-"),
    # the holder of a hyphenated office, and the office as a description
    ("Iraqi President Barham Salih named Mohammed Allawi as prime minister-designate on Saturday. The Prime "
     "Minister-designate said he would form a government within a month.", None, "The Prime Minister-designate",
     "Mohammed Allawi", "-", "Prime Minister-designate"),
    # a modifier of a title or of a name's description answers for the holder
    ("Ghana's Deputy Trade Minister Ken Osei said exports would rise.", None, "Trade", "Ken Osei", "GHA", "-"),
    ("The open-source software developer Maria Berg said the code was safe.", None, "open-source", "Maria Berg", None,
     "-"),
    ("The open-source software developer Maria Berg said the code was safe.", None, "developer", "Maria Berg", None,
     "-"),
    # a spokesman of the minister is a spokesperson of the minister's state
    ("Japanese Foreign Minister Yoko Kamikawa met her Chinese counterpart. The minister's spokesman said the talks "
     "were frank.", None, "The minister's spokesman", "The minister's spokesman", "JPN", "spokesperson"),
    # datelines, IGO officials, possessives, counterparts
    ("KYIV (Reuters) - Ukrainian Foreign Minister Dmytro Kuleba met his Polish counterpart on Tuesday. Kuleba said "
     "the talks were useful.", None, "Kuleba", "Dmytro Kuleba", "UKR", "Foreign Minister"),
    ("UNITED NATIONS (AP) — U.N. Secretary-General Antonio Guterres urged calm on Friday. Guterres said the council "
     "must act.", None, "Guterres", "Antonio Guterres", "IGO:UN", "Secretary-General"),
    ("NAIROBI, Kenya (AP) — Kenya's Ruto hosted Ethiopia's Abiy Ahmed for talks on Sunday.", None, "Abiy Ahmed",
     "Abiy Ahmed", "ETH", "-"),
    ("Secretary of State Antony Blinken met his Egyptian counterpart Sameh Shoukry in Cairo. Shoukry said Egypt "
     "would keep mediating.", None, "Shoukry", "Sameh Shoukry", "EGY", "Foreign Minister"),
    ("NATO Secretary General Mark Rutte said allies must spend more.", None, "Mark Rutte", "Mark Rutte", "IGO:NATO",
     "Secretary-General"),
    ("U.S. special envoy for Sudan Tom Perriello met army leaders in Port Sudan.", None, "Tom Perriello",
     "Tom Perriello", "USA", "envoy"),
    ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha. The two leaders agreed "
     "to open the border.", None, "The two leaders", None, None, "-"),
    # former office-holders speak for no state
    ("Former U.S. President Barack Obama spoke at the event.", None, "Barack Obama", "Barack Obama", None, "-"),
    ("Former President Donald Trump criticised the deal. Trump said America had been cheated.", None, "Trump",
     "Donald Trump", None, "-"),
    # non-state actors get no country from the context
    ("Rebels in eastern Congo said they had seized the town. The rebels' spokesman said Kinshasa had broken the "
     "truce.", None, "The rebels' spokesman", None, None, "-"),
    ("A spokeswoman for Shell said the company had no comment on the Nigerian probe.", None, "spokeswoman", None,
     None, "-"),
    ("Hamas said it had received a new proposal from Egyptian mediators. A Hamas official said the group was "
     "studying it.", None, "A Hamas official", None, None, "-"),
    # names holding a country word; royal titles; compound-noun titles
    ("Jordan Peterson said the lecture would go ahead in Toronto.", None, "Jordan Peterson", "Jordan Peterson", None,
     "-"),
    ("Italian Prime Minister Giorgia Meloni met Tunisian President Kais Saied in Tunis. Meloni said Italy would help.",
     None, "Meloni", "Giorgia Meloni", "ITA", "Prime Minister"),
    ("Saudi Crown Prince Mohammed bin Salman received Jordan's King Abdullah in Riyadh.", None, "King Abdullah",
     "Abdullah", "JOR", "King"),
    ("Saudi Crown Prince Mohammed bin Salman received Jordan's King Abdullah in Riyadh.", None, "Mohammed bin Salman",
     "Mohammed bin Salman", "SAU", "Crown Prince"),
    ("South Sudan's President Salva Kiir met Sudan's army chief Abdel Fattah al-Burhan in Juba.", None,
     "Abdel Fattah al-Burhan", "Abdel Fattah al-Burhan", "SDN", "-"),
    ("Niger's junta leader Abdourahamane Tiani met a Nigerian delegation in Niamey.", None, "Abdourahamane Tiani",
     "Abdourahamane Tiani", "NER", "-"),
    # a venue is the host's or a third country's: the outlet's own office-holder stays home
    ("Vice President Kamala Harris met Ukrainian President Volodymyr Zelenskyy in Munich.",
     "https://www.whitehouse.gov/x", "Kamala Harris", "Kamala Harris", "USA", "Vice President"),
]


@pytest.mark.parametrize(("text", "url", "phrase", "name", "country", "role"), GENERAL_CASES)
def test_general_cases(nlp: Language, text: str, url: str | None, phrase: str, name: str | None,
                       country: str | None, role: str) -> None:
    r = ArticleResolver(nlp(text), url=url)
    a = r.actor(span_of(r.doc, phrase))
    if name is not None:
        assert a.name == name
    if country != "-":
        assert a.country == country
    if role != "-":
        assert a.role == role


AMBIGUOUS_PLACE_CASES = [  # (text, countries_in the whole text: country words and people with a country)
    ("Jordan Henderson scored twice on Saturday.", []),
    ("Chad Mitchell said the plant would close.", []),
    ("Jordan and Egypt called for a ceasefire.", ["JOR", "EGY"]),
    ("Chad said its troops would withdraw from Niger.", ["TCD", "NER"]),
    ("Police in New Jersey arrested two men.", []),
    ("Jersey City officials said the water was safe.", []),
    ("Sudan and South Sudan agreed to reopen oil pipelines.", ["SDN", "SSD"]),
    ("Nigeria and Niger restored power links.", ["NGA", "NER"]),
    ("The Dominican Republic and Dominica signed a deal.", ["DOM", "DMA"]),
    ("Beijing rejected claims in the South China Sea.", ["CHN"]),
    ("Congo's army said rebels had retreated.", []),
    ("Kinshasa said Congo's army had retaken Goma.", ["COD", "COD"]),
    ("Equatorial Guinea's president met Papua New Guinea's prime minister.", ["GNQ", "PNG"]),
]


def test_blank_pipeline_doc_never_raises() -> None:
    import spacy

    doc = spacy.blank("en")("President Biden said Russia must withdraw. The Kremlin declined to comment.")
    r = ArticleResolver(doc)
    assert r.people() == []
    assert r.country_of_text("the Kremlin") == "RUS"
    assert isinstance(r.actor(doc[0:2]), Actor)
    r.countries_in(doc[:])


MORE_GENERAL_CASES = [  # (text, source url, phrase, expected country)
    ("The U.S. ambassador to the United Nations, Linda Thomas-Greenfield, said Washington would veto the draft.", None,
     "Linda Thomas-Greenfield", "USA"),
    ("U.N. envoy for Yemen Hans Grundberg met the negotiators in Muscat.", None, "Hans Grundberg", "IGO:UN"),
    ("European Commission President Ursula von der Leyen met Chinese Premier Li Qiang in Beijing.", None,
     "Ursula von der Leyen", "IGO:EU"),
    ("WHO Director-General Tedros Adhanom Ghebreyesus said the outbreak was under control.", None,
     "Tedros Adhanom Ghebreyesus", "IGO:WHO"),
    ("Sheikh Mohammed bin Abdulrahman Al Thani, Qatar's prime minister and foreign minister, hosted the talks.", None,
     "Sheikh Mohammed bin Abdulrahman Al Thani", "QAT"),
    ("The Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, received the Turkish foreign minister.", None,
     "Sheikh Tamim bin Hamad Al Thani", "QAT"),
    ("Iran's Supreme Leader Ayatollah Ali Khamenei warned Israel on Sunday.", None, "Ali Khamenei", "IRN"),
    ("Pope Francis met President Javier Milei of Argentina at the Vatican.", None, "Pope Francis", "VAT"),
    ("Pope Francis met President Javier Milei of Argentina at the Vatican.", None, "Javier Milei", "ARG"),
    ("Ukraine's Zelenskiy met Poland's Duda in Warsaw on Friday.", None, "Duda", "POL"),
    ("The Israeli military said it had struck targets in Lebanon.", None, "The Israeli military", "ISR"),
    ("Hezbollah leader Hassan Nasrallah said the group would respond to Israel.", None, "Hassan Nasrallah", None),
    ("Houthi spokesman Mohammed Abdulsalam said talks with Saudi Arabia were progressing.", None,
     "Mohammed Abdulsalam", None),
    ("A U.S. official in Baghdad said the embassy was safe.", None, "A U.S. official", "USA"),
    ("Diplomats in Brussels said the EU would extend sanctions on Russia.", None, "Diplomats", None),
    ("Chad's President Mahamat Idriss Deby met French officials in Paris.", None, "Mahamat Idriss Deby", "TCD"),
    ("Georgian Prime Minister Irakli Kobakhidze said the law would stay.", None, "Irakli Kobakhidze", "GEO"),
    ("King Charles hosted Japan's Emperor Naruhito at Buckingham Palace.", "https://www.gov.uk/x", "Naruhito", "JPN"),
    ("Israeli Prime Minister Benjamin Netanyahu spoke with U.S. President Joe Biden, his office said.", None,
     "his office", "ISR"),
    ("Foreign Minister Wang Yi told his U.S. counterpart that Taiwan was a red line.", "https://www.fmprc.gov.cn/x",
     "Wang Yi", "CHN"),
    ("Former Japanese Prime Minister Yoshihide Suga led a delegation to Beijing.", None, "Yoshihide Suga", None),
    ("Deputy Prime Minister Chrystia Freeland of Canada said Ottawa would retaliate.", None, "Chrystia Freeland",
     "CAN"),
    ("Russia's ambassador to Washington, Anatoly Antonov, was summoned.", None, "Anatoly Antonov", "RUS"),
    ("Apple said its chief executive Tim Cook would visit China.", None, "Tim Cook", None),
    ("Amnesty International researcher Joanne Mariner said the strikes broke the law.", None, "Joanne Mariner", None),
]


DESCRIPTION_CASES = [  # (text, phrase, expected name, expected country)
    # two untitled people before "the Russian president": either could be meant, so neither gets the country
    ("Boris Kovalenko met Mikhail Orlov in Minsk on Friday. The Russian president said the union was strong.",
     "Mikhail Orlov", "Mikhail Orlov", None),
    # ... unless the officeholders dictionary knows them
    ("Vladimir Putin met Alexander Lukashenko in Minsk on Friday. The Russian president said the union was strong.",
     "Alexander Lukashenko", "Alexander Lukashenko", "BLR"),
    # a person of that state with a generic role is "the Chinese president"
    ("Chinese leader Xi Jinping met Brazilian President Luiz Inacio Lula da Silva. The Chinese president said trade "
     "would grow.", "The Chinese president", "Xi Jinping", "CHN"),
    # the venue of two presidents' talks is at most one of theirs
    ("President Orlin and President Karnovich held talks in Minsk.", "President Orlin", "Orlin", None),
    ("President Putin and President Lukashenko held talks in Minsk.", "President Putin", "Putin", "RUS"),
    # one open candidate: the description names their state
    ("Russian President Vladimir Putin met Nikol Pashinyan in Moscow. The Armenian leader asked for help.",
     "Nikol Pashinyan", "Nikol Pashinyan", "ARM"),
]


def test_dateline_place_is_no_state(nlp: Language) -> None:
    doc = nlp("NAIROBI, Kenya (AP) — Ethiopia's foreign ministry said the talks would resume.")
    r = ArticleResolver(doc)
    assert [c for c, _, _ in r.countries_in(doc[:])] == ["ETH"]
    assert r.main_country() == "ETH"


WIRE_CASES = [  # (text, source url, phrase, expected country)
    ("The Chinese Embassy in Washington said the report was false.", None, "Embassy", "CHN"),
    ("Iran's state-run IRNA news agency said the talks were constructive.", None, "agency", None),
    ("Kremlin spokesman Dmitry Peskov said Putin had no plans to call Biden.", None, "Dmitry Peskov", "RUS"),
    ("Ukrainian President Volodymyr Zelenskiy spoke with French President Emmanuel Macron. Zelenskiy's office said "
     "the call was productive.", None, "Zelenskiy's office", "UKR"),
    ("Britain's ambassador to Moscow, Nigel Casey, was summoned by the Russian foreign ministry.", None, "Nigel Casey",
     "GBR"),
    ("Secretary of State Marco Rubio said he had spoken with his Saudi counterpart, Prince Faisal bin Farhan.", None,
     "Prince Faisal bin Farhan", "SAU"),
    ("Saudi Foreign Minister Prince Faisal bin Farhan met Rubio in Riyadh. The prince said the kingdom backed the "
     "talks.", None, "The prince", "SAU"),
    ("A source close to the negotiations said Qatar had submitted a new draft.", None,
     "A source close to the negotiations", None),
    ("Two U.S. officials, speaking on condition of anonymity, said the strike hit a depot.", None, "Two U.S. officials",
     "USA"),
    ("Indian External Affairs Minister S. Jaishankar met his Chinese counterpart Wang Yi.", None, "Wang Yi", "CHN"),
    ("Taiwan's President Lai Ching-te said the island would not be provoked.", None, "Lai Ching-te", "TWN"),
    ("Mexico's President Claudia Sheinbaum spoke by phone with U.S. President Donald Trump.", None,
     "Claudia Sheinbaum", "MEX"),
]


def test_counterpart_of_external_affairs_minister_is_foreign_minister(nlp: Language) -> None:
    r = ArticleResolver(nlp("Indian External Affairs Minister S. Jaishankar met his Chinese counterpart Wang Yi."))
    assert r.actor(span_of(r.doc, "Wang Yi")).role == "Foreign Minister"


MEDIA_TEXT_CASES = [
    ("a Japanese newspaper", None),
    ("the Japan Times", None),
    ("Russia's state news agency", None),
    ("the International Atomic Energy Agency", "IGO:IAEA"),
    ("Japan's foreign ministry", "JPN"),
]


NAME_WITH_COUNTRY_WORD_CASES = [  # (text, phrase, expected name, expected country)
    ("Israeli Defense Minister Israel Katz said the army would respond. Katz spoke in Tel Aviv.", "Katz",
     "Israel Katz", "ISR"),
    ("Italian Prime Minister Georgia Meloni met the press in Rome.", "Georgia Meloni", "Georgia Meloni", "ITA"),
    ("French Foreign Minister Jean-Noel Barrot met Jordan's King Abdullah in Amman.", "King Abdullah", "Abdullah",
     "JOR"),
]


READOUT_CASES = [  # government-site readouts in several house styles: (text, url, phrase, expected country)
    ("On March 3, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, held a meeting with H.E. Mr. Ahmed "
     "Attaf, Minister of Foreign Affairs of Algeria. In response, Minister Attaf expressed his gratitude.",
     "https://www.mofa.go.jp/x", "Minister Attaf", "DZA"),
    ("Vladimir Putin had a telephone conversation with President of the United States of America Donald Trump. The "
     "President of Russia congratulated his counterpart.", "http://en.kremlin.ru/x", "Donald Trump", "USA"),
    ("Vladimir Putin had a telephone conversation with President of the United States of America Donald Trump. The "
     "President of Russia congratulated his counterpart.", "http://en.kremlin.ru/x", "The President of Russia", "RUS"),
    ("Foreign Secretary David Lammy met Chinese Foreign Minister Wang Yi in Beijing. The Foreign Secretary raised "
     "human rights.", "https://www.gov.uk/government/news/x", "The Foreign Secretary", "GBR"),
    ("Prime Minister Keir Starmer spoke to President Zelenskyy of Ukraine this evening. The Prime Minister "
     "reiterated the UK's support.", "https://www.gov.uk/government/news/x", "The Prime Minister", "GBR"),
    ("Secretary Rubio spoke with Ukrainian Foreign Minister Andrii Sybiha. The Secretary underscored support for a "
     "durable peace.", "https://www.state.gov/x", "The Secretary", "USA"),
    ("Chinese President Xi Jinping held talks with visiting Vietnamese leader To Lam in Beijing on Tuesday.", None,
     "To Lam", "VNM"),
    ("Wang Yi, a member of the Political Bureau and foreign minister, met with Lao Deputy Prime Minister Saleumxay "
     "Kommasith.", "https://www.fmprc.gov.cn/x", "Saleumxay Kommasith", "LAO"),
]


HOME_OFFICE_CASES = [  # an office named without holder or country in a government site's text is its own
    ("The President spoke today with Prime Minister Shigeru Ishiba of Japan.", "https://www.whitehouse.gov/x",
     "The President", "USA"),
    ("The Secretary met with Foreign Minister Penny Wong of Australia.", "https://www.state.gov/x", "The Secretary",
     "USA"),
    ("The President met Prime Minister Ishiba of Japan.", None, "The President", None),  # no outlet: unknown
    # the foreign office-holder that the home principal spoke to is not the home state's
    ("The Prime Minister spoke to Chancellor Hollberg this afternoon.", "https://www.gov.uk/x", "Chancellor Hollberg",
     None),
    ("The Prime Minister spoke to Chancellor Merz this afternoon.", "https://www.gov.uk/x", "Chancellor Merz", "DEU"),
]


ARTICLE_DEPENDANTS = (
    "Russian Foreign Minister Sergei Lavrov met his Iranian counterpart in Moscow. Lavrov's deputy said a deal was "
    "near. Navalny's lawyer disagreed."
)

DEPENDANTS = [  # someone named by their relation to a person is not that person
    ("Lavrov's deputy", "Lavrov's deputy", "RUS", "official"),
    ("deputy", "Lavrov's deputy", "RUS", "official"),
    ("Navalny's lawyer", "Navalny's lawyer", None, "unknown"),
    ("Lavrov", "Sergei Lavrov", "RUS", "person"),
]


@pytest.mark.parametrize(("phrase", "name", "country", "kind"), DEPENDANTS)
def test_dependants(nlp: Language, phrase: str, name: str, country: str | None, kind: str) -> None:
    r = ArticleResolver(nlp(ARTICLE_DEPENDANTS))
    a = r.actor(span_of(r.doc, phrase))
    assert (a.name, a.country, a.kind) == (name, country, kind)


MORE_WIRE_CASES = [  # (text, phrase, expected country)
    ("A spokesman for the Israeli prime minister said the talks would continue.",
     "A spokesman for the Israeli prime minister", "ISR"),
    ("The Iranian side said the talks were serious.", "The Iranian side", "IRN"),
    ("Japan's Foreign Minister Takeshi Iwaya met his South Korean counterpart Cho Tae-yul. Iwaya said the two "
     "countries shared challenges. The South Korean minister agreed.", "The South Korean minister", "KOR"),
    ("The Taliban's chief spokesman Zabihullah Mujahid said the group would not allow attacks.", "Zabihullah Mujahid",
     None),
    ("Ethiopian Prime Minister Abiy Ahmed said Ethiopia wanted access to the sea. Eritrea's information minister "
     "rejected the idea.", "Eritrea's information minister", "ERI"),
    ("The European Union's foreign policy chief Kaja Kallas said the bloc would act.", "Kaja Kallas", "IGO:EU"),
    ("IAEA chief Rafael Grossi said inspectors had been denied access.", "Rafael Grossi", "IGO:IAEA"),
    ("Former British Prime Minister Tony Blair met Saudi officials in Riyadh.", "Tony Blair", None),
]


COORDINATION_CASES = [  # (text, phrase, expected country): which offices one government holds together
    ("French President Emmanuel Macron and Prime Minister Francois Bayrou met union leaders on Monday.",
     "Francois Bayrou", "FRA"),
    ("Russian President Vladimir Putin and President Daniel Harwick spoke for an hour on Tuesday.", "Daniel Harwick",
     None),
    ("Russian President Vladimir Putin and President Joe Biden spoke for an hour on Tuesday.", "Joe Biden", "USA"),
    ("Finnish Foreign Minister Pekka Haavisto and Secretary Antony Blinken discussed NATO enlargement.",
     "Antony Blinken", "USA"),
]


HOME_FALLBACK_CASES = [  # (text, source, phrase, expected country): the outlet's home only for offices it has
    ("Foreign Minister Park Min-seo said the talks would resume next month.", "Voice of America", "Park Min-seo",
     None),
    ("Prime Minister Hiroshi Tanabe said the reactor was stable.", "Voice of America", "Hiroshi Tanabe", None),
    # the officeholders dictionary knows these, whatever the outlet
    ("Foreign Minister Kim Sung-hwan said the talks would resume next month.", "Voice of America", "Kim Sung-hwan",
     "KOR"),
    ("Prime Minister Naoto Kan said the reactor was stable.", "Voice of America", "Naoto Kan", "JPN"),
    ("President Vladimir Putin said the economy was recovering.", "The Japan Times", "Vladimir Putin", "RUS"),
    ("President Barack Obama said the economy was recovering.", "Voice of America", "Barack Obama", "USA"),
    ("President Viktor Salnikov said the economy was recovering.", "The Japan Times", "Viktor Salnikov", None),
    ("Prime Minister Shinzo Abe said the economy was recovering.", "The Japan Times", "Shinzo Abe", "JPN"),
]


@pytest.mark.parametrize(("text", "source", "phrase", "country"), HOME_FALLBACK_CASES)
def test_home_fallback_needs_the_office(nlp: Language, text: str, source: str, phrase: str,
                                        country: str | None) -> None:
    r = ArticleResolver(nlp(text), source=source)
    assert r.actor(span_of(r.doc, phrase)).country == country


IGO_BACK_REFERENCE_CASES = [  # (text, phrase, expected country)
    ("European Union foreign ministers met in Brussels on Monday. The bloc said it would extend sanctions.",
     "The bloc", "IGO:EU"),
    ("NATO defence ministers met on Thursday. The alliance said it would send more air defences.", "The alliance",
     "IGO:NATO"),
    ("Japan and Britain signed a defence pact. The alliance was announced in London.", "The alliance", None),
]


PAST_OFFICE_CASES = [  # (text, phrase, expected country)
    ("Ex-president Viktor Yushchenko of Ukraine attended the forum.", "Viktor Yushchenko", None),
    ("Former Foreign Minister Yoriko Kawaguchi of Japan spoke at the forum.", "Yoriko Kawaguchi", None),
    # "then-" is the office held at the time of the events told
    ("Then-Secretary of State Hillary Clinton met the Chinese premier in 2010.", "Hillary Clinton", "USA"),
]


def test_long_article_stays_cheap(nlp: Language) -> None:
    import time

    doc = nlp("Foreign Minister Sergei Lavrov met Secretary of State Antony Blinken in Geneva. He said the talks were "
              "useful. " * 300)
    t = time.perf_counter()
    r = ArticleResolver(doc)
    assert time.perf_counter() - t < 3.0  # no per-person scan of every other person or entity
    assert r.actor(span_of(r.doc, "Sergei Lavrov", 299)).name == "Sergei Lavrov"


# Each case asks `actor` about one phrase of a short text (read with its source url, if any).
COUNTRY_CASES = [(text, None, phrase, country) for text, phrase, country in (
    IGO_AND_EMBASSY_CASES + MORE_WIRE_CASES + COORDINATION_CASES + IGO_BACK_REFERENCE_CASES + PAST_OFFICE_CASES
)] + MORE_GENERAL_CASES + WIRE_CASES + READOUT_CASES + HOME_OFFICE_CASES
NAME_CASES = [(text, None, phrase, name, country) for text, phrase, name, country in (
    DESCRIPTION_CASES + NAME_WITH_COUNTRY_WORD_CASES
)] + MORE_CASES


@pytest.mark.parametrize(("text", "url", "phrase", "country"), COUNTRY_CASES)
def test_country_of_a_phrase(nlp: Language, text: str, url: str | None, phrase: str, country: str | None) -> None:
    r = ArticleResolver(nlp(text), url=url)
    assert r.actor(span_of(r.doc, phrase)).country == country


@pytest.mark.parametrize(("text", "url", "phrase", "name", "country"), NAME_CASES)
def test_name_and_country_of_a_phrase(nlp: Language, text: str, url: str | None, phrase: str, name: str,
                                      country: str | None) -> None:
    r = ArticleResolver(nlp(text), url=url)
    a = r.actor(span_of(r.doc, phrase))
    assert (a.name, a.country) == (name, country)


@pytest.mark.parametrize(("phrase", "expected"), TEXT_CASES + MEDIA_TEXT_CASES)
def test_country_of_text(nlp: Language, phrase: str, expected: str | None) -> None:
    r = ArticleResolver(nlp(NEUTRAL))
    assert r.country_of_text(phrase) == expected


@pytest.mark.parametrize(("text", "codes"), COUNTRIES_IN_CASES + AMBIGUOUS_PLACE_CASES)
def test_countries_in(nlp: Language, text: str, codes: list[str]) -> None:
    doc = nlp(text)
    r = ArticleResolver(doc)
    assert [c for c, _, _ in r.countries_in(doc[:])] == codes


@pytest.mark.parametrize(("place", "country"), [
    ("Lebanon", "LBN"), ("Jordan", "JOR"), ("Chad", "TCD"), ("Mexico", "MEX"), ("Japan", "JPN"),  # not the towns
    ("Geneva", "CHE"), ("the Kremlin", "RUS"), ("Georgia", None),  # a city; a seat; two candidates stay open
])
def test_location_country_of_a_country_name_is_that_country(nlp: Language, place: str, country: str | None) -> None:
    assert ArticleResolver(nlp("A visit.")).location_country(place) == country
