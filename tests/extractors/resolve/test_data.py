"""The reference tables: outlets' home countries, and which offices a state's government has."""

from __future__ import annotations

import pytest

from extractors.resolve.data import has_office, home_country, reference

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


@pytest.mark.parametrize(("country", "role", "expected"), [
    ("USA", "Foreign Minister", False),
    ("USA", "President", True),
    ("JPN", "President", False),
    ("JPN", "Prime Minister", True),
    ("GBR", "Prime Minister-designate", True),
    (None, "Minister", True),
    ("USA", None, True),
])
def test_has_office(country: str | None, role: str | None, expected: bool) -> None:
    assert has_office(reference(), country, role) is expected
