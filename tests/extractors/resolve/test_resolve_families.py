"""The resolver's context families (issue 17): genders from the text, visitors, shared office names, seats as
places and speakers, headline lines, datelines beyond ASCII, towns read in the article's context. Every article
here is written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.resolve.country_words import dateline
from extractors.resolve.data import reference
from extractors.resolve.people import headline_ranges
from extractors.resolve.resolver import ArticleResolver
from tests.extractors.resolve.test_resolver import span_of


def person(r: ArticleResolver, name: str) -> tuple[str | None, str | None]:
    for a in r.people():
        if a.name == name:
            return a.country, r.clusters[[c.name for c in r.clusters].index(name)].gender
    raise AssertionError(f"{name} not found among {[a.name for a in r.people()]}")


# ------------------------------------------------------------------------------------------ gender, no names list
def test_the_reference_data_has_no_first_name_list() -> None:
    ref = reference()
    assert not hasattr(ref, "female_names") and not hasattr(ref, "male_names")


GENDER_CASES = [
    # an object pronoun is never its own clause's subject; the other person in view is "him"
    ("Chancellor Ines Korb met President Olu Adeyemi in Lagos. Korb told him that trade must grow. "
     "Adeyemi said the talks went well. She later flew home.", "She", "Ines Korb"),
    # a possessive bound by its clause's subject
    ("Mayor Sam Ito met Governor Kim Dara on Monday. Dara praised her staff for the flood response. "
     "Ito said the city would pay. She thanked him.", "She", "Kim Dara"),
    # a gendered role word in the title
    ("Spokeswoman Rene Alvarez and Minister Chris Obi spoke on Friday. Obi left early. She said more talks "
     "were planned.", "She", "Rene Alvarez"),
    # honorifics still count
    ("Ms Robin Hale met Jordan Price in Oslo. Price gave a speech. She said the speech was good.", "She",
     "Robin Hale"),
    # "Dr." says nothing of gender (a second honorific reading once took it for "Mr.")
    ("Dr. Robin Hale met Mr Jordan Price in Oslo. Price gave a speech. She said the speech was good.", "She",
     "Robin Hale"),
]


@pytest.mark.parametrize(("text", "pronoun", "expected"), GENDER_CASES)
def test_pronouns_find_their_person_from_the_text(nlp: Language, text: str, pronoun: str, expected: str) -> None:
    r = ArticleResolver(nlp(text))
    assert r.actor(span_of(r.doc, pronoun)).name == expected


def test_said_she_binds_the_pronoun_to_the_speaker(nlp: Language) -> None:
    r = ArticleResolver(nlp("Governor Alex Moreau said she would veto the bill. Moreau spoke in Lyon."))
    assert person(r, "Alex Moreau")[1] == "f"


# ---------------------------------------------------------------------------------------------- (a) visitors
def test_the_visiting_prime_minister_is_not_the_datelines(nlp: Language) -> None:
    r = ArticleResolver(nlp(
        "ACCRA, May 4 (Wire) - President Kojo Asante held talks on Monday with the visiting prime minister, "
        "Didier Kouame, on cocoa prices.\n\nKouame, who became Ivory Coast's prime minister last year, said "
        "the two countries would set a common floor price."))
    assert person(r, "Kojo Asante")[0] == "GHA"
    assert person(r, "Didier Kouame")[0] == "CIV"


def test_who_is_on_a_visit_to(nlp: Language) -> None:
    r = ArticleResolver(nlp(
        "Foreign Minister Arman Tokayev, who is on a two-day visit to Georgia, met President Nino Kvara in Tbilisi "
        "on Tuesday. Tokayev said Kazakhstan would ship more oil through Georgian ports."))
    assert person(r, "Arman Tokayev")[0] == "KAZ"
    assert person(r, "Nino Kvara")[0] == "GEO"


def test_a_guest_in_the_hosts_capital_and_the_host(nlp: Language) -> None:
    r = ArticleResolver(nlp(
        "MAPUTO, June 3 (Wire) - Defence Minister Tiago Souza, in Maputo for talks, met his host, Defence Minister "
        "Alberto Cossa, on Tuesday.\n\nSouza said Brazil would sell two patrol boats."))
    assert person(r, "Tiago Souza")[0] == "BRA"
    assert person(r, "Alberto Cossa")[0] == "MOZ"


def test_a_planned_trip_elsewhere_does_not_make_the_host_a_guest(nlp: Language) -> None:
    r = ArticleResolver(nlp(
        "HARARE, July 1 (Wire) - President Tendai Moyo hosted Malawi's president, Peter Mbewe, at State House on "
        "Tuesday.\n\nMoyo will travel to Lilongwe in August."))
    assert person(r, "Tendai Moyo")[0] == "ZWE"


def test_a_delegation_led_by(nlp: Language) -> None:
    r = ArticleResolver(nlp(
        "The Sudanese delegation was led by State Minister Omar Tahir, and the talks in Cairo lasted two days."))
    assert person(r, "Omar Tahir")[0] == "SDN"


# ---------------------------------------------------------------------------------------- (b) shared offices
def test_foreign_secretary_outside_a_british_story(nlp: Language) -> None:
    r = ArticleResolver(nlp(
        "DHAKA, Jan 5 (Wire) - Foreign Secretary Farhana Akter received Nepal's foreign secretary on Monday."))
    assert person(r, "Farhana Akter")[0] == "BGD"


def test_foreign_secretary_in_a_british_story(nlp: Language) -> None:
    r = ArticleResolver(nlp(
        "Foreign Secretary Tom Leland said Britain would send more aid to Sudan. Home Secretary Ann Byrne agreed."))
    assert person(r, "Tom Leland")[0] == "GBR"
    assert person(r, "Ann Byrne")[0] == "GBR"


def test_home_secretary_in_an_indian_story(nlp: Language) -> None:
    r = ArticleResolver(nlp("NEW DELHI (Wire) - Home Secretary Raj Malhotra chaired a meeting on border security."))
    assert person(r, "Raj Malhotra")[0] == "IND"


# ------------------------------------------------------------------------------------------- (c) seats
SEAT_CASES = [
    ("President Ana Ruiz hosted the talks at the Elysee.", "the Elysee", "FRA"),
    ("The leaders met at the Blue House.", "the Blue House", "KOR"),
    ("Talks were held at No 10.", "No 10", "GBR"),
    ("The envoy was received at the Kremlin.", "the Kremlin", "RUS"),
    ("LUSAKA, Nov 4 (Wire) - The two presidents met at State House.", "State House", "ZMB"),
    ("NAIROBI (Wire) - State House said the two leaders met.", "State House", "KEN"),
]


@pytest.mark.parametrize(("text", "place", "expected"), SEAT_CASES)
def test_seats_as_places(nlp: Language, text: str, place: str, expected: str) -> None:
    r = ArticleResolver(nlp(text))
    assert r.location_country(place) == expected


@pytest.mark.parametrize(("text", "speaker", "expected"), [
    ("The Kremlin said the call was useful.", "The Kremlin", "RUS"),
    ("The Elysee said the president would travel.", "The Elysee", "FRA"),
    ("No 10 said the Prime Minister had spoken to the Turkish president.", "No 10", "GBR"),
    ("DAR ES SALAAM (Wire) - State House said the Zambian president would visit.", "State House", "TZA"),
])
def test_seats_as_speakers(nlp: Language, text: str, speaker: str, expected: str) -> None:
    r = ArticleResolver(nlp(text))
    assert r.actor(span_of(r.doc, speaker)).country == expected


# ------------------------------------------------------------------------------------------- (d) headlines
def test_headline_lines() -> None:
    text = "Okafor Says Talks With Ghana Were Useful\n\nABUJA (Wire) - Foreign Minister Ada Okafor said on Monday."
    assert headline_ranges(text) == [(0, 40)]
    assert headline_ranges("Talks ended. The minister said so.") == []


@pytest.mark.parametrize("headline", [
    "Okafor Says Talks With Ghana Were Useful",
    "Okafor Tells Mensah Nigeria Will Pay",
    "Okafor Urges Calm Over Border Clash",
])
def test_a_headline_verb_is_no_part_of_a_name(nlp: Language, headline: str) -> None:
    r = ArticleResolver(nlp(headline + "\n\nABUJA (Wire) - Nigerian Foreign Minister Ada Okafor met Ghana's "
                                       "foreign minister, Kofi Mensah, on Monday."))
    names = [a.name for a in r.people()]
    assert "Ada Okafor" in names
    assert all(w not in n.split() for n in names for w in ("Says", "Tells", "Urges", "Talks", "Nigeria"))
    assert person(r, "Ada Okafor")[0] == "NGA"


def test_a_dateline_after_a_headline_is_no_part_of_a_title(nlp: Language) -> None:
    r = ArticleResolver(nlp("Okafor Tells Mensah Nigeria Will Pay\n\nACCRA - Nigerian Foreign Minister Ada Okafor "
                            "told Ghanaian Foreign Minister Kofi Mensah on Monday that Nigeria would pay."))
    assert person(r, "Ada Okafor")[0] == "NGA"
    assert r.dateline_country() == "GHA"


# ------------------------------------------------------------------------------------ (e) datelines beyond ASCII
@pytest.mark.parametrize(("text", "city", "country"), [
    ("SÃO PAULO, May 8 (Wire) - Finance Minister Rita Gomes met officials.", "SÃO PAULO", "BRA"),
    ("BOGOTÁ (Wire) — Foreign Minister Lina Rojas met officials.", "BOGOTÁ", "COL"),
    ("ZÜRICH, Oct 3 (Wire) - Economy Minister Beat Keller met officials.", "ZÜRICH", "CHE"),
    ("REYKJAVÍK - Prime Minister Anna Jónsdóttir met officials.", "REYKJAVÍK", "ISL"),
    ("KYIV (Reuters) - Prime Minister Ivan Koval met officials.", "KYIV", "UKR"),
])
def test_datelines_beyond_ascii(nlp: Language, text: str, city: str, country: str) -> None:
    start, end, found = dateline(text)
    assert (start, found) == (0, city) and text[end - 2 : end] in ("- ", "— ")
    r = ArticleResolver(nlp(text))
    assert r.dateline_country() == country
    holder = r.people()[0]
    assert holder.country == country  # the office-holder at home: the dateline's state
    assert not r.main_country() or r.main_country() == country


def test_ascii_spellings_of_accented_places(nlp: Language) -> None:
    r = ArticleResolver(nlp("The talks ended."))
    assert r.location_country("Sao Paulo") == "BRA"
    assert r.location_country("Zurich") == "CHE"
    assert r.location_country("Tromso") == "NOR"


# ----------------------------------------------------------------------------------- (f) places in context
@pytest.mark.parametrize(("text", "place", "expected"), [
    ("BEIRUT (Wire) - Lebanese and Syrian ministers met in Tripoli on Monday.", "Tripoli", "LBN"),
    ("Libyan and Tunisian ministers met in Tripoli on Monday.", "Tripoli", "LBY"),
    ("Pakistan's interior minister met Iran's envoy in Hyderabad, where Pakistan opened a passport office.",
     "Hyderabad", "PAK"),
    ("Indian ministers met in Hyderabad to discuss India's budget.", "Hyderabad", "IND"),
    ("Spain's and Italy's leaders held a summit in Valencia as Spain pressed for funds.", "Valencia", "ESP"),
    ("Venezuelan and Colombian officials met in Valencia.", "Valencia", "VEN"),
    ("Talks were held in Kirkenes, Norway, on Monday.", "Kirkenes", "NOR"),
    ("TUNXI, China (Wire) - The two ministers met in Tunxi.", "Tunxi", "CHN"),
    ("Chad's president flew to Niger for talks.", "Niger", "NER"),
    ("The king met the envoy in Jordan.", "Jordan", "JOR"),
    ("Colombian officials held talks in Armenia with Armenian diplomats.", "Armenia", "ARM"),
    # a town named like another state's province: the province where the article is about its state
    ("Indonesia's president will welcome Australia's prime minister in Bali as Indonesia hosts the forum.", "Bali",
     "IDN"),
    ("Cameroon's minister toured Bali, a town in Cameroon's North-West, on Friday.", "Bali", "CMR"),
    ("Pakistan's premier received Chinese investors in Hyderabad, capital of Pakistan's Sindh.", "Sindh", "PAK"),
])
def test_places_in_the_articles_context(nlp: Language, text: str, place: str, expected: str) -> None:
    r = ArticleResolver(nlp(text))
    assert r.location_country(place) == expected


def test_a_capital_shared_with_other_towns_needs_the_article(nlp: Language) -> None:
    r = ArticleResolver(nlp("BEIRUT (Wire) - Lebanese officials met in Tripoli."))
    assert r.country_of_text("Tripoli") is None
    r = ArticleResolver(nlp("Libya's prime minister spoke in Tripoli."))
    assert r.country_of_text("Tripoli") == "LBY"


# ------------------------------------------------------------------- the written set, read by the resolver alone
def test_people_of_the_written_set_get_their_states(nlp: Language) -> None:
    """Every named participant and speaker of `families_resolve.jsonl` gets the state its gold gives, as the
    resolver reads the article alone (no meeting or quote extractor between): the families above, in articles."""
    import json
    from pathlib import Path

    from schemas.article import article_from_mapping

    path = Path(__file__).resolve().parents[1] / "data" / "families_resolve.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 15 and all(r["id"].startswith("fr-") for r in rows)
    checked, wrong = 0, []
    for row in rows:
        a = article_from_mapping({k: v for k, v in row.items() if k != "gold"})
        r = ArticleResolver(nlp(a.text), a.published_date, source=a.source, url=a.url)
        people = {p.name: p.country for p in r.people()}
        gold = {p["name"]: p["country"] for m in row["gold"]["meetings"] for p in m["participants"]}
        gold.update({q["speaker"]: q["speaker_country"] for q in row["gold"]["quotes"] if q["speaker"] in people})
        for name, country in gold.items():
            if name in people:
                checked += 1
                if people[name] != country:
                    wrong.append((row["id"], name, country, people[name]))
    assert checked >= 40
    assert len(wrong) <= 1, wrong
