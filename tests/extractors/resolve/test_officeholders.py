"""The officeholders dictionary: its files validate, and a name at a date resolves as a reader of the news would.

The cases are facts about well-known officeholders (they also catch a wrong row in the data) and the rules: a
full name is its person's country before, during and after a term; a bare surname only while in office; a name
several people share only with support from the text (a title, a country it names); never a guess.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extractors.resolve import officeholders as oh

D = date.fromisoformat

# (name as written, article date, expected country) -- full names and their variants
FULL_NAMES = [
    ("Vladimir Putin", "2001-06-01", "RUS"), ("Vladimir Putin", "2010-06-01", "RUS"),
    ("Vladimir Putin", "2024-06-01", "RUS"), ("Sergei Lavrov", "2005-01-10", "RUS"),
    ("Sergey Lavrov", "2016-03-01", "RUS"), ("Sergei Shoigu", "2015-01-01", "RUS"),
    ("Sergei Shoygu", "2015-01-01", "RUS"), ("Maria Zakharova", "2019-02-01", "RUS"),
    ("Dmitry Peskov", "2020-02-01", "RUS"), ("Dmitry Medvedev", "2009-02-01", "RUS"),
    ("Volodymyr Zelensky", "2022-03-01", "UKR"), ("Volodymyr Zelenskyy", "2023-03-01", "UKR"),
    ("Alexander Lukashenko", "2021-03-01", "BLR"), ("Recep Tayyip Erdogan", "2019-01-01", "TUR"),
    ("Recep Tayyip Erdoğan", "2019-01-01", "TUR"), ("Hakan Fidan", "2024-01-01", "TUR"),
    ("Viktor Orbán", "2015-01-01", "HUN"), ("Viktor Orban", "2015-01-01", "HUN"),
    ("Angela Merkel", "2010-01-01", "DEU"), ("Olaf Scholz", "2023-01-01", "DEU"),
    ("Emmanuel Macron", "2019-01-01", "FRA"), ("Nicolas Sarkozy", "2009-01-01", "FRA"),
    ("Francois Hollande", "2014-01-01", "FRA"), ("François Hollande", "2014-01-01", "FRA"),
    ("Jacques Chirac", "2003-01-01", "FRA"), ("Tony Blair", "2003-03-01", "GBR"),
    ("Gordon Brown", "2008-09-01", "GBR"), ("David Cameron", "2012-01-01", "GBR"),
    ("Theresa May", "2018-01-01", "GBR"), ("Boris Johnson", "2020-06-01", "GBR"),
    ("Rishi Sunak", "2023-06-01", "GBR"), ("Keir Starmer", "2025-01-15", "GBR"),
    ("Mark Rutte", "2015-01-01", "NLD"), ("Giorgia Meloni", "2023-05-01", "ITA"),
    ("Mario Draghi", "2021-06-01", "ITA"), ("Mariano Rajoy", "2015-01-01", "ESP"),
    ("Kaja Kallas", "2022-05-01", "EST"), ("Joe Biden", "2022-05-01", "USA"),
    ("Donald Trump", "2018-05-01", "USA"), ("Barack Obama", "2012-05-01", "USA"),
    ("George W. Bush", "2004-05-01", "USA"), ("Condoleezza Rice", "2006-05-01", "USA"),
    ("Colin Powell", "2002-05-01", "USA"), ("Hillary Clinton", "2011-05-01", "USA"),
    ("John Kerry", "2015-05-01", "USA"), ("Antony Blinken", "2023-05-01", "USA"),
    ("Marco Rubio", "2025-03-04", "USA"), ("Lloyd Austin", "2022-05-01", "USA"),
    ("Jim Mattis", "2018-05-01", "USA"), ("Ned Price", "2022-05-01", "USA"),
    ("Justin Trudeau", "2019-05-01", "CAN"), ("Javier Milei", "2024-05-01", "ARG"),
    ("Mauricio Macri", "2017-05-01", "ARG"), ("Gabriel Boric", "2023-05-01", "CHL"),
    ("Gustavo Petro", "2023-05-01", "COL"), ("Nicolas Maduro", "2016-05-01", "VEN"),
    ("Nicolás Maduro", "2016-05-01", "VEN"), ("Hugo Chavez", "2006-05-01", "VEN"),
    ("Hugo Chávez", "2006-05-01", "VEN"), ("Jair Bolsonaro", "2020-05-01", "BRA"),
    ("Xi Jinping", "2015-05-01", "CHN"), ("Wang Yi", "2016-05-01", "CHN"),
    ("Qin Gang", "2023-03-01", "CHN"), ("Hua Chunying", "2018-03-01", "CHN"),
    ("Zhao Lijian", "2021-03-01", "CHN"), ("Mao Ning", "2023-03-01", "CHN"),
    ("Shinzo Abe", "2015-03-01", "JPN"), ("Fumio Kishida", "2022-03-01", "JPN"),
    ("Kishida Fumio", "2022-03-01", "JPN"), ("Yoshihide Suga", "2021-03-01", "JPN"),
    ("Yoko Kamikawa", "2024-03-01", "JPN"), ("Yoshimasa Hayashi", "2022-03-01", "JPN"),
    ("Shigeru Ishiba", "2025-03-01", "JPN"), ("Junichiro Koizumi", "2004-03-01", "JPN"),
    ("Moon Jae-in", "2019-03-01", "KOR"), ("Kim Jong Un", "2019-03-01", "PRK"),
    ("Kim Jong Il", "2005-03-01", "PRK"), ("Narendra Modi", "2019-03-01", "IND"),
    ("Manmohan Singh", "2009-03-01", "IND"), ("S. Jaishankar", "2020-03-01", "IND"),
    ("S Jaishankar", "2020-03-01", "IND"), ("Subrahmanyam Jaishankar", "2020-03-01", "IND"),
    ("Imran Khan", "2019-03-01", "PAK"), ("Nawaz Sharif", "2015-03-01", "PAK"),
    ("Sheikh Hasina", "2015-03-01", "BGD"), ("Joko Widodo", "2016-03-01", "IDN"),
    ("Rodrigo Duterte", "2018-03-01", "PHL"), ("Anwar Ibrahim", "2023-03-01", "MYS"),
    ("Hun Sen", "2015-03-01", "KHM"), ("Benjamin Netanyahu", "2017-03-01", "ISR"),
    ("Mahmoud Abbas", "2017-03-01", "PSE"), ("Ali Khamenei", "2017-03-01", "IRN"),
    ("Hassan Rouhani", "2017-03-01", "IRN"), ("Abbas Araghchi", "2025-03-01", "IRN"),
    ("Mohammed bin Salman", "2019-03-01", "SAU"), ("Sameh Shoukry", "2019-03-01", "EGY"),
    ("Badr Abdelatty", "2025-03-01", "EGY"), ("Paul Kagame", "2019-03-01", "RWA"),
    ("Cyril Ramaphosa", "2019-03-01", "ZAF"), ("William Ruto", "2023-03-01", "KEN"),
    ("Bassirou Diomaye Faye", "2024-06-01", "SEN"), ("Anthony Albanese", "2023-03-01", "AUS"),
    ("Penny Wong", "2023-03-01", "AUS"), ("Scott Morrison", "2020-03-01", "AUS"),
    ("Jacinda Ardern", "2020-03-01", "NZL"),
]

# International organisations' heads resolve to the IGO while they head it.
IGO_HEADS = [
    ("Kofi Annan", "2004-03-01", "IGO:UN"), ("Ban Ki-moon", "2012-03-01", "IGO:UN"),
    ("Jens Stoltenberg", "2018-03-01", "IGO:NATO"), ("Rafael Grossi", "2022-03-01", "IGO:IAEA"),
    ("Antonio Guterres", "2019-03-01", "IGO:UN"), ("Mark Rutte", "2025-03-01", "IGO:NATO"),
    ("Kaja Kallas", "2025-03-01", "IGO:EU"), ("Tedros Adhanom Ghebreyesus", "2021-03-01", "IGO:WHO"),
    ("Kristalina Georgieva", "2021-03-01", "IGO:IMF"), ("Ngozi Okonjo-Iweala", "2022-03-01", "IGO:WTO"),
    # one person, offices in two states: the office held at the date decides
    ("Jens Stoltenberg", "2008-03-01", "NOR"), ("Antonio Guterres", "2000-03-01", "PRT"),
    ("Mark Rutte", "2015-03-01", "NLD"), ("Kaja Kallas", "2022-03-01", "EST"),
]

# Former officeholders named after their term still belong to their state; so do future ones before it.
FORMER_AND_FUTURE = [
    ("Tony Blair", "2015-03-01", "GBR"), ("Gordon Brown", "2014-03-01", "GBR"),
    ("Jacques Chirac", "2012-03-01", "FRA"), ("Hugo Chavez", "2000-01-01", "VEN"),
    ("Shinzo Abe", "2021-03-01", "JPN"), ("Angela Merkel", "2023-03-01", "DEU"),
    ("Nicolas Sarkozy", "2016-03-01", "FRA"), ("Jacinda Ardern", "2024-03-01", "NZL"),
    ("Mauricio Macri", "2022-03-01", "ARG"), ("Hassan Rouhani", "2023-03-01", "IRN"),
    ("Rishi Sunak", "2025-03-01", "GBR"), ("Liz Truss", "2024-03-01", "GBR"),
    ("Keir Starmer", "2020-03-01", "GBR"), ("Javier Milei", "2022-03-01", "ARG"),
]

# A full name whose only known offices are international ones, years before the first: the person then spoke for a
# state the dictionary does not give (a French minister before the IMF, a French minister before UNESCO), so the
# text must tell; once in office, the organisation.
BEFORE_AN_IGO_OFFICE = [
    ("Christine Lagarde", "2010-04-01", None), ("Audrey Azoulay", "2016-06-01", None),
    ("Audrey Azoulay", "2018-01-01", "IGO:UN"), ("Valerie Amos", "2003-06-01", None),
]

# A bare surname resolves only while (or just around when) its person is in office.
SURNAMES = [
    ("Putin", "2015-01-01", "RUS"), ("Lavrov", "2015-01-01", "RUS"), ("Shoygu", "2020-01-01", "RUS"),
    ("Zakharova", "2020-01-01", "RUS"), ("Merkel", "2010-01-01", "DEU"), ("Macron", "2020-01-01", "FRA"),
    ("Sunak", "2023-05-01", "GBR"), ("Starmer", "2025-05-01", "GBR"), ("Erdogan", "2020-01-01", "TUR"),
    ("Erdoğan", "2020-01-01", "TUR"), ("Netanyahu", "2017-01-01", "ISR"), ("Modi", "2020-01-01", "IND"),
    ("Kishida", "2022-01-01", "JPN"), ("Obama", "2010-01-01", "USA"), ("Blinken", "2022-01-01", "USA"),
    ("Zelensky", "2023-01-01", "UKR"), ("Ramaphosa", "2020-01-01", "ZAF"), ("Kagame", "2020-01-01", "RWA"),
    ("Meloni", "2024-01-01", "ITA"), ("Milei", "2024-06-01", "ARG"), ("Maduro", "2020-01-01", "VEN"),
    ("Rouhani", "2016-01-01", "IRN"), ("Khamenei", "2016-01-01", "IRN"), ("Duterte", "2018-01-01", "PHL"),
    ("Albanese", "2021-01-01", None), ("Lukashenko", "2021-01-01", "BLR"), ("Guterres", "2024-01-01", "IGO:UN"),
    ("Sunak", "2030-05-01", None), ("Merkel", "2030-01-01", None), ("Chirac", "2015-01-01", None),
    ("Blair", "2015-01-01", None), ("Obama", "2020-06-01", None), ("Rouhani", "2023-01-01", None),
    ("Putin", "1990-01-01", None), ("Macron", "2010-01-01", None), ("Modi", "2005-01-01", None),
]

# Names several people share: unresolved without support, resolved with a title or a country the text names.
AMBIGUOUS = [
    ("Kim", "2019-01-01", None, None, None), ("Kim", "2019-01-01", "Leader", None, "PRK"),
    ("Kim", "2019-01-01", None, {"PRK"}, "PRK"), ("Abdullah", "2010-01-01", None, None, None),
    ("Abdullah", "2010-01-01", None, {"JOR"}, "JOR"), ("Abdullah", "2010-01-01", "King", None, None),
    ("Khan", "2020-01-01", None, None, None), ("Khan", "2020-01-01", "Prime Minister", None, "PAK"),
    ("Khan", "2020-01-01", None, {"PAK", "USA"}, "PAK"), ("Lee", "2010-01-01", None, None, None),
    ("Singh", "2009-01-01", None, None, None), ("Singh", "2009-01-01", None, {"IND"}, "IND"),
    ("Ali", "2021-01-01", None, None, None), ("Nguyen", "2015-01-01", None, None, None),
    ("Li", "2015-01-01", None, None, None), ("Li", "2015-01-01", "Premier", None, "CHN"),
    ("Wang", "2016-01-01", None, None, None), ("Wang", "2016-01-01", None, {"CHN"}, "CHN"),
    ("Rice", "2006-01-01", None, None, "USA"), ("Sharif", "2015-01-01", None, None, None),
    # two people in office at once: Australia's prime minister and a UN rapporteur; Timor-Leste's president and
    # the UN Secretary-General
    ("Albanese", "2023-01-01", None, None, None), ("Albanese", "2023-01-01", "Prime Minister", None, "AUS"),
    ("Albanese", "2023-01-01", None, {"AUS"}, "AUS"), ("Guterres", "2020-01-01", None, None, None),
    ("Guterres", "2020-01-01", None, {"IGO:UN", "USA"}, "IGO:UN"),
]

# Who a name is when the text names no one by that name at all, or someone who only shares a surname with an
# officeholder ("Sonny Young" is not Trinidad and Tobago's Stuart Young; "Jerry Rice" is not Condoleezza Rice).
UNKNOWN = ["Jane Doe", "Ahmed Nobody", "Harriet Quill", "Xyzzy", "The Minister", "Sonny Young", "Jerry Rice",
           "Sam Blinken", "Anna Merkel"]


@pytest.mark.parametrize(("name", "on", "expected"), FULL_NAMES + FORMER_AND_FUTURE + SURNAMES + BEFORE_AN_IGO_OFFICE)
def test_name_at_date(name: str, on: str, expected: str | None) -> None:
    answer = oh.who(name, D(on))
    assert answer.country == expected, answer.reason


@pytest.mark.parametrize(("name", "on", "expected"), IGO_HEADS)
def test_igo_heads(name: str, on: str, expected: str | None) -> None:
    answer = oh.who(name, D(on))
    assert answer.country == expected, answer.reason


@pytest.mark.parametrize(("name", "on", "title", "countries", "expected"), AMBIGUOUS)
def test_shared_names_need_support(name: str, on: str, title: str | None, countries: set[str] | None,
                                   expected: str | None) -> None:
    assert oh.who(name, D(on), title=title, countries=countries).country == expected


@pytest.mark.parametrize("name", UNKNOWN)
def test_unknown_names(name: str) -> None:
    assert oh.who(name, D("2020-01-01")).country is None


def test_undated_article_uses_every_term() -> None:
    assert oh.who("Sergei Lavrov", None).country == "RUS"
    assert oh.who("Kim", None).country is None


def test_office_at_the_date() -> None:
    at = oh.office_at(oh.who("Vladimir Putin", D("2010-01-01")), D("2010-01-01"))
    assert at is not None and at.role == "head_of_government"
    at = oh.office_at(oh.who("Tony Blair", D("2015-01-01")), D("2015-01-01"))
    assert at is not None and at.office == "Prime Minister" and at.end is not None


def test_builtin_files_validate_and_cover() -> None:
    book = oh.build(oh.builtin_files())
    people = {(t.key, t.country) for terms in book.full.values() for t in terms}
    countries = {t.country for terms in book.full.values() for t in terms}
    assert book.rows >= 2500
    assert len(people) >= 2000
    igos = {c for c in countries if c.startswith("IGO:")}
    assert {"IGO:UN", "IGO:EU", "IGO:NATO", "IGO:AU", "IGO:IAEA", "IGO:WHO", "IGO:IMF", "IGO:WB", "IGO:WTO"} <= igos
    assert len(countries - igos) >= 190  # every UN member plus Taiwan, Kosovo and Palestine, nearly


@pytest.mark.parametrize(("row", "problem"), [
    ("Jane Roe\t\tRoe\tXXX\thead_of_state\tPresident\t2001\t", "unknown country code 'XXX'"),
    ("Jane Roe\t\tRoe\tFRA\tboss\tPresident\t2001\t", "unknown role 'boss'"),
    ("Jane Roe\t\tRoe\tFRA\thead_of_state\tPresident\t2001-13\t", "is not YYYY or YYYY-MM"),
    ("Jane Roe\t\tRoe\tFRA\thead_of_state\tPresident\t2005\t2001", "ends (2001) before it starts"),
    ("Jane Roe\tRoe||J Roe\tRoe\tFRA\thead_of_state\tPresident\t2001\t", "empty name variant"),
    ("Jane Roe\t\tRoe\tFRA\thead_of_state\tPresident", "6 fields, expected 8"),
    ("\t\tRoe\tFRA\thead_of_state\tPresident\t2001\t", "name and office are required"),
])
def test_validation_names_file_and_row(tmp_path: Path, row: str, problem: str) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("\t".join(oh.COLUMNS) + "\nJohn Roe\t\tRoe\tFRA\tminister\tMinister\t2001\t2002\n" + row + "\n",
                    encoding="utf-8")
    with pytest.raises(oh.DictionaryError) as err:
        oh.read_rows(path)
    assert str(err.value).startswith(f"{path}:3: ") and problem in str(err.value)


def test_duplicates_and_header_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.tsv"
    row = "John Roe\t\tRoe\tFRA\tminister\tMinister\t2001\t2002\n"
    path.write_text("\t".join(oh.COLUMNS) + "\n" + row + row, encoding="utf-8")
    with pytest.raises(oh.DictionaryError, match=r"dup.tsv:3: duplicate of row 2"):
        oh.read_rows(path)
    path.write_text("name,country\n", encoding="utf-8")
    with pytest.raises(oh.DictionaryError, match=r":1: header must be"):
        oh.read_rows(path)


def test_users_files_extend_the_dictionary_and_its_version(tmp_path: Path) -> None:
    before = oh.dictionary_version()
    mine = tmp_path / "mine.tsv"
    mine.write_text("\t".join(oh.COLUMNS) + "\nHarriet Quill\tH. Quill\tQuill\tNZL\tminister\tTrade Minister\t"
                    "2031-02\t\n", encoding="utf-8")
    try:
        oh.configure([mine])
        assert oh.who("Harriet Quill", D("2032-01-01")).country == "NZL"
        assert oh.who("Quill", D("2032-01-01")).country == "NZL"
        assert oh.dictionary_version() != before
    finally:
        oh.configure([])
    assert oh.who("Harriet Quill", D("2032-01-01")).country is None
    assert oh.dictionary_version() == before
