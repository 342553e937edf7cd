"""A plural contact word told with two times is one contact per time (round 13, `plural_dates.py`); "talks" told
with two times and a plural with one time stay one contact. Short articles written for these tests."""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "summits in two months and two cities",
        "2024-05-02",
        "Indian Prime Minister Narendra Modi held summits with Chinese President Xi Jinping in Wuhan in April 2018 "
        "and in Chennai in October 2019.",
        [(("CHN", "IND"), "summit", "held", None), (("CHN", "IND"), "summit", "held", None)],
    ),
    (
        "summits with one time stay one contact",
        "2024-05-02",
        "Indian Prime Minister Narendra Modi held two informal summits with Chinese President Xi Jinping in 2018.",
        [(("CHN", "IND"), "summit", "held", None)],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_one_contact_per_time(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
