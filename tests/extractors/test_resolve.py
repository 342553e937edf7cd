"""Country resolution on articles written for these tests (none is copied from the corpus)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.pipeline import load_nlp
from extractors.resolve import Actor, ArticleResolver
from extractors.resolve_data import home_country


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


@pytest.mark.parametrize(("phrase", "expected"), TEXT_CASES)
def test_country_of_text(nlp: Language, phrase: str, expected: str | None) -> None:
    r = ArticleResolver(nlp(NEUTRAL))
    assert r.country_of_text(phrase) == expected


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
]


@pytest.mark.parametrize(("text", "codes"), COUNTRIES_IN_CASES)
def test_countries_in(nlp: Language, text: str, codes: list[str]) -> None:
    doc = nlp(text)
    r = ArticleResolver(doc)
    assert [c for c, _, _ in r.countries_in(doc[:])] == codes


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


@pytest.fixture(scope="module")
def two_plus_two(nlp: Language) -> ArticleResolver:
    return ArticleResolver(nlp(ARTICLE_TWO_PLUS_TWO), date(2018, 7, 31))


@pytest.mark.parametrize(("phrase", "nth", "name", "country", "role", "kind"), TWO_PLUS_TWO)
def test_two_plus_two(two_plus_two: ArticleResolver, phrase: str, nth: int, name: str, country: str, role: str,
                      kind: str) -> None:
    a = two_plus_two.actor(span_of(two_plus_two.doc, phrase, nth))
    assert (a.name, a.country, a.role, a.kind) == (name, country, role, kind)


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


@pytest.fixture(scope="module")
def seoul(nlp: Language) -> ArticleResolver:
    return ArticleResolver(nlp(ARTICLE_SEOUL))


@pytest.mark.parametrize(("phrase", "nth", "name", "country", "role"), SEOUL)
def test_seoul(seoul: ArticleResolver, phrase: str, nth: int, name: str, country: str, role: str | None) -> None:
    a = seoul.actor(span_of(seoul.doc, phrase, nth))
    assert (a.name, a.country, a.role) == (name, country, role)


ARTICLE_READOUT = (
    "President Putin had a telephone conversation with Federal Chancellor of Germany Olaf Scholz.\n\n"
    "The leaders discussed gas supplies. Mr Putin stressed that contracts would be honoured.\n\n"
    "Earlier, Foreign Minister Lavrov spoke with French Foreign Minister Catherine Colonna."
)

READOUT = [  # a Kremlin readout: bare titles belong to the site's state
    ("Putin", 0, "Putin", "RUS", "President"),
    ("Olaf Scholz", 0, "Olaf Scholz", "DEU", "Federal Chancellor"),
    ("Putin", 1, "Putin", "RUS", "President"),
    ("Lavrov", 0, "Lavrov", "RUS", "Foreign Minister"),
    ("Catherine Colonna", 0, "Catherine Colonna", "FRA", "Foreign Minister"),
]


@pytest.fixture(scope="module")
def readout(nlp: Language) -> ArticleResolver:
    return ArticleResolver(nlp(ARTICLE_READOUT), source="President of Russia", url="http://en.kremlin.ru/events/1")


@pytest.mark.parametrize(("phrase", "nth", "name", "country", "role"), READOUT)
def test_readout(readout: ArticleResolver, phrase: str, nth: int, name: str, country: str, role: str) -> None:
    a = readout.actor(span_of(readout.doc, phrase, nth))
    assert (a.name, a.country, a.role) == (name, country, role)


def test_readout_without_home_gives_no_country_to_bare_titles(nlp: Language) -> None:
    r = ArticleResolver(nlp(ARTICLE_READOUT))
    assert r.actor(span_of(r.doc, "Putin")).country is None
    assert r.actor(span_of(r.doc, "Olaf Scholz")).country == "DEU"


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


@pytest.fixture(scope="module")
def visit(nlp: Language) -> ArticleResolver:
    return ArticleResolver(nlp(ARTICLE_VISIT), source="Voice of America")


@pytest.mark.parametrize(("phrase", "nth", "name", "country", "role"), VISIT)
def test_visit(visit: ArticleResolver, phrase: str, nth: int, name: str, country: str | None,
               role: str | None) -> None:
    a = visit.actor(span_of(visit.doc, phrase, nth))
    assert (a.name, a.country, a.role) == (name, country, role)


def test_analyst_role_not_government(visit: ArticleResolver) -> None:
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


@pytest.fixture(scope="module")
def bodies(nlp: Language) -> ArticleResolver:
    return ArticleResolver(nlp(ARTICLE_BODIES))


@pytest.mark.parametrize(("phrase", "nth", "country", "kind"), BODIES)
def test_bodies(bodies: ArticleResolver, phrase: str, nth: int, country: str | None, kind: str) -> None:
    a = bodies.actor(span_of(bodies.doc, phrase, nth))
    assert (a.country, a.kind) == (country, kind)


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


@pytest.fixture(scope="module")
def appositives(nlp: Language) -> ArticleResolver:
    return ArticleResolver(nlp(ARTICLE_APPOSITIVES))


@pytest.mark.parametrize(("phrase", "nth", "name", "country", "role"), APPOSITIVES)
def test_appositives(appositives: ArticleResolver, phrase: str, nth: int, name: str, country: str,
                     role: str | None) -> None:
    a = appositives.actor(span_of(appositives.doc, phrase, nth))
    assert (a.name, a.country, a.role) == (name, country, role)


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


def test_people_lists_each_person_once(two_plus_two: ArticleResolver) -> None:
    names = [a.name for a in two_plus_two.people()]
    assert names == ["Taro Kono", "Itsunori Onodera", "Sergey Lavrov", "Sergei Shoigu"]


HOME_CASES = [
    ("President of Russia (en.kremlin.ru)", "http://en.kremlin.ru/events/president/news/1", "RUS"),
    ("GOV.UK", "https://www.gov.uk/government/news/x", "GBR"),
    ("Voice of America", None, "USA"),
    ("The Japan Times", None, "JPN"),
    ("Wikinews", "https://en.wikinews.org/wiki/X", None),
    (None, None, None),
]


@pytest.mark.parametrize(("source", "url", "expected"), HOME_CASES)
def test_home_country(source: str | None, url: str | None, expected: str | None) -> None:
    assert home_country(source, url) == expected
