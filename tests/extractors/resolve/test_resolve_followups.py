"""Resolver follow-ups (issue 17): abbreviated titles only prefix names; officials a transcript header gives with
their bureau and the counterparts they name; a locative "at ..." after a name is no title. Every article here is
written for these tests (invented people, or office-holders in made-up sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from extractors.core.pipeline import load_nlp
from extractors.resolve.people import is_title_abbreviation
from extractors.resolve.resolver import ArticleResolver


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def resolve(nlp: Language, text: str, on: date = date(2024, 3, 12), **kw: str | None) -> ArticleResolver:
    return ArticleResolver(nlp(text), on, None, **kw)


def names(r: ArticleResolver) -> list[str]:
    return [c.name for c in r.clusters]


def country(r: ArticleResolver, name: str) -> str | None:
    for c in r.clusters:
        if c.name == name:
            return c.country
    raise AssertionError(f"{name} not among {names(r)}")


# ------------------------------------------------------------------------------ abbreviated titles prefix a name
ABBREVIATED = [
    ('Gen. Tomas Rekk met Defence Minister Ilse Varga in Vienna on Tuesday. "We spoke about drills," the Gen. '
     "said.", "Tomas Rekk"),
    ("Interior Minister Sara Obuya met Lt. Gen. Peter Lasko on Monday. Obuya and the Gen. discussed the border. "
     "Gen. Lasko said the talks were useful.", "Peter Lasko"),
    ("Foreign Minister Hana Rivas met Adm. Carl Mendt in Lima on Friday. Adm. Mendt told reporters the navy was "
     "ready. Rivas thanked the Adm. for coming.", "Carl Mendt"),
    ("Health Minister Arun Patel received Dr. Lena Hoss on Monday. Dr. said the clinics would open. Maj. Tim Ode "
     "and Col. Ruth Amsel attended.", "Lena Hoss"),
]


@pytest.mark.parametrize(("text", "name"), ABBREVIATED)
def test_an_abbreviated_title_is_never_a_person(nlp: Language, text: str, name: str) -> None:
    r = resolve(nlp, text)
    assert name in names(r)
    for n in names(r):
        assert not is_title_abbreviation(n.split()[0]), n  # no "Gen." cluster, no "Gen. X" name
    for c in r.clusters:
        for mi in c.mentions:
            toks = r.person_mentions[mi].tokens
            assert not all(is_title_abbreviation(t) for t in toks), (c.name, toks)


def test_an_abbreviated_title_is_not_merged_with_a_minister(nlp: Language) -> None:
    r = resolve(nlp, "External Affairs Minister Dr. Ravi Kannan met Gen. Ola Brandt in Delhi. Dr. said ties were "
                     "strong. Kannan later met the Gen. again.")
    minister = next(c for c in r.clusters if c.name.endswith("Kannan"))
    assert all(r.person_mentions[mi].tokens[-1] == "Kannan" for mi in minister.mentions)


def test_the_same_officer_with_and_without_a_title_is_one_person(nlp: Language) -> None:
    r = resolve(nlp, "Defence Minister Rustem Umerov met Gen. Christopher Cavoli on Monday. \"It was useful,\" "
                     "Gen. Cavoli said.")
    assert names(r).count("Christopher Cavoli") == 1 and "Gen. Cavoli" not in names(r)


def test_gen_z_is_nobody(nlp: Language) -> None:
    r = resolve(nlp, "Gen Z voters met President Ana Ruiz in Lima on Monday.")
    assert all(c.name not in ("Z", "Gen Z") for c in r.clusters)


def test_abbreviation_rules() -> None:
    assert is_title_abbreviation("Gen.") and is_title_abbreviation("Lt") and is_title_abbreviation("Dr.")
    assert not is_title_abbreviation("Sen")  # a name word unless dotted ("Hun Sen")
    assert is_title_abbreviation("Sen.")
    assert not is_title_abbreviation("gen.") and not is_title_abbreviation("General")


# ---------------------------------------------------------------------- a bureau in a header, and counterparts
HEADERS = [
    # a government site: its home state; the place line names the host
    ("Special Briefing\nMara Quill, Assistant Secretary, Bureau of East Asian and Pacific Affairs\nHanoi, Vietnam\n"
     "March 11, 2024\n\nASSISTANT SECRETARY QUILL: Good afternoon. I met today with my counterpart, Ambassador "
     "Tran Van Long, the Permanent Secretary of the Foreign Ministry. We discussed maritime security.\n",
     "State Department", "https://www.state.gov/briefing", "Quill", "USA", "Tran Van Long", "VNM"),
    # no outlet known: "Bureau of ... Affairs" is the US style; the dateline names the host
    ("NAIROBI, Kenya - Remarks to the press\nOwen Daly, Deputy Assistant Secretary, Bureau of African Affairs\n\n"
     "MR DALY: Thank you. This morning I held talks with my counterpart, Principal Secretary Amina Wekesa, on the "
     "situation in Sudan.\n", "Embassy", None, "Daly", "USA", "Amina Wekesa", "KEN"),
    # the name alone on its line, the office on the next; the place from "here in"
    ("Press Availability\nRuth Penner\nActing Assistant Secretary, Bureau of Western Hemisphere Affairs\n\n"
     "MS PENNER: It is good to be here in Quito. Yesterday my counterpart, Vice Minister Diego Salas, and I "
     "agreed on a new migration plan.\n", "Embassy", None, "Penner", "USA", "Diego Salas", "ECU"),
]


@pytest.mark.parametrize(("text", "source", "url", "official", "home", "counterpart", "host"), HEADERS)
def test_a_bureau_in_a_header_and_the_hosts_counterpart(nlp: Language, text: str, source: str, url: str | None,
                                                        official: str, home: str, counterpart: str,
                                                        host: str) -> None:
    r = resolve(nlp, text, source=source, url=url)
    off = next(c for c in r.clusters if c.name.endswith(official))
    assert off.country == home
    assert country(r, counterpart) == host


def test_a_statement_heading_with_the_bureau(nlp: Language) -> None:
    text = ("Statement by Assistant Secretary Nora Vail, Bureau of Near Eastern Affairs\nAmman, Jordan\n\n"
            "Today I met my counterpart, Secretary-General Faris Haddad of the Foreign Ministry, to discuss aid.\n")
    r = resolve(nlp, text, source="Embassy")
    assert country(r, "Nora Vail") == "USA"
    assert country(r, "Faris Haddad") == "JOR"


def test_another_states_bureau_is_not_american(nlp: Language) -> None:
    r = resolve(nlp, "Press conference\nLi Wen, Deputy Director, Bureau of Hong Kong, Macao and Taiwan Affairs\n\n"
                     "MS LI: We met our counterparts.\n", source="Agency")
    assert country(r, "Li Wen") != "USA"


def test_a_country_before_a_line_break_is_no_media_name(nlp: Language) -> None:
    # "Jordan" then "Today" on the next line is no "Jordan Today"
    r = resolve(nlp, "Remarks\nAmman, Jordan\nToday the minister spoke.")
    assert any(m.code == "JOR" and r.text[m.start:m.end] == "Jordan" for m in r.mentions)


def test_an_unnamed_counterpart_is_the_hosts(nlp: Language) -> None:
    text = ("Remarks to the Press\nLiam Okoro, Deputy Assistant Secretary, Bureau of African Affairs\nAccra, Ghana\n"
            "May 1, 2024\n\nMR OKORO: Thank you all for coming. This morning I held talks with my counterpart, the "
            "Chief Director of the Ministry of Foreign Affairs, on the situation in Niger.\n")
    doc = nlp(text)
    r = ArticleResolver(doc, date(2024, 5, 2), None, source="Embassy")
    i = text.index("my counterpart")
    sp = doc.char_span(i, i + len("my counterpart"))
    assert sp is not None
    assert r.actor(sp).country == "GHA"
    j = text.index("the Chief Director")
    sp2 = doc.char_span(j, j + len("the Chief Director"))
    assert sp2 is not None
    assert r.actor(sp2).country == "GHA"  # the office set off after "my counterpart,", not the speaker


def test_a_bureau_in_running_text_is_no_header(nlp: Language) -> None:
    # a sentence that ends with a full stop is prose: the bureau rule does not fire, nor the counterpart rule
    r = resolve(nlp, "Zoe Marr, a director at the Bureau of Consular Affairs, met her counterpart, Kenji Sato, "
                     "in Tokyo.", source="Japan Times")
    assert r.counterpart_host is None


# -------------------------------------------------------------------------------- "at ..." is a place, not a title
AT_PLACE = [
    ("Andrés Manuel López Obrador hosted Joe Biden at the National Palace in Mexico on Monday.", date(2023, 1, 9),
     "Joe Biden", "USA"),
    ("Justin Trudeau met Joe Biden at a forum of Mexican and Canadian business leaders.", date(2023, 3, 24),
     "Joe Biden", "USA"),
    ("Olaf Scholz received Emmanuel Macron at a dinner in Germany on Friday.", date(2023, 6, 2),
     "Emmanuel Macron", "FRA"),
]


@pytest.mark.parametrize(("text", "on", "name", "expected"), AT_PLACE)
def test_a_place_after_a_name_is_not_the_persons_state(nlp: Language, text: str, on: date, name: str,
                                                       expected: str) -> None:
    assert country(resolve(nlp, text, on), name) == expected


def test_of_after_a_name_still_gives_the_state(nlp: Language) -> None:
    r = resolve(nlp, "Professor Jane Holm of the Mexican Institute said the deal was weak.")
    assert country(r, "Jane Holm") == "MEX"


# ---------------------------------------------------------------------- names the dictionary lists as one person
def test_listed_variants_of_a_name_are_one_person(nlp: Language) -> None:
    r = resolve(nlp, "AMLO hosts Biden\nAndrés Manuel López Obrador hosted Joe Biden at the National Palace on "
                     "Monday.", date(2023, 1, 9))
    amlo = [c for c in r.clusters if c.country == "MEX"]
    assert len(amlo) == 1 and amlo[0].name == "Andrés Manuel López Obrador"
    r = resolve(nlp, "Joko Widodo travelled to Kyiv and met Volodymyr Zelensky on Wednesday. Jokowi said he "
                     "carried a message.", date(2022, 6, 29))
    assert [c.name for c in r.clusters if c.country == "IDN"] == ["Joko Widodo"]
