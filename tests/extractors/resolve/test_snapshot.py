"""The people snapshot: built from extraction rows, versioned, time-aware, never above the article's words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from extractors.core.pipeline import load_nlp
from extractors.resolve.resolver import ArticleResolver
from extractors.resolve.snapshot import build_snapshot, load_snapshot, lookup, name_key, save_snapshot, snapshot_version


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


ROWS = [
    {
        "id": "a1",
        "published": "2017-03-20",
        "meetings": [{"participants": [
            {"name": "Sergey Lavrov", "country": "RUS", "role": "Foreign Minister"},
            {"name": "Fumio Kishida", "country": "JPN", "role": "Foreign Minister"},
        ]}],
        "quotes": [{"speaker": "Sergey Lavrov", "speaker_country": "RUS", "speaker_role": "Foreign Minister"}],
    },
    {
        "id": "a2",
        "published": "2019-05-10",
        "meetings": [],
        "quotes": [
            {"speaker": "Sergey Lavrov", "speaker_country": "RUS", "speaker_role": "Foreign Minister"},
            {"speaker": "Kishida", "speaker_country": "JPN", "speaker_role": None},  # one word: not learnt from
            {"speaker": "a Foreign Ministry official", "speaker_country": "JPN", "speaker_role": None},
            {"speaker": "Jane Doe", "speaker_country": None, "speaker_role": "analyst"},  # no country
        ],
    },
    {"id": "a3", "meetings": [], "quotes": [
        {"speaker": "Fumio Kishida", "speaker_country": "JPN", "speaker_role": "Prime Minister"},
    ]},
]
DATES = {"a3": "2022-01-05"}


@pytest.fixture(scope="module")
def snap() -> dict:
    return build_snapshot(ROWS, DATES)


def test_build_keeps_confident_full_names(snap: dict) -> None:
    assert sorted(snap["people"]) == ["fumio kishida", "sergey lavrov"]  # descriptions are not people
    lav = snap["people"]["sergey lavrov"]
    assert (lav["country"], lav["first_seen"], lav["last_seen"], lav["sightings"]) == (
        "RUS", "2017-03-20", "2019-05-10", 3)
    assert snap["people"]["fumio kishida"]["roles"] == {
        "Foreign Minister": {"first_seen": "2017-03-20", "last_seen": "2017-03-20"},
        "Prime Minister": {"first_seen": "2022-01-05", "last_seen": "2022-01-05"},
    }


def test_version_is_content_hash(snap: dict) -> None:
    assert snap["version"] == snapshot_version(snap)
    assert snap["version"].startswith("people-")
    assert build_snapshot(list(reversed(ROWS)), DATES)["version"] == snap["version"]
    assert snapshot_version(None) == "people-none"


def test_save_and_load_round_trip(snap: dict, tmp_path: Path) -> None:
    path = tmp_path / "people.json"
    save_snapshot(snap, path)
    loaded = load_snapshot(path)
    assert loaded["people"] == snap["people"]
    path.write_text(path.read_text().replace('"RUS"', '"UKR"'))
    with pytest.raises(ValueError):
        load_snapshot(path)


LOOKUP_CASES = [
    ("Sergey Lavrov", date(2019, 6, 1), ("RUS", "Foreign Minister")),
    ("Lavrov", date(2019, 6, 1), ("RUS", "Foreign Minister")),  # surname alone
    ("Mr. Lavrov", date(2018, 1, 1), ("RUS", "Foreign Minister")),
    ("Lavrov", date(2024, 1, 1), None),  # last seen more than three years before the article
    ("Lavrov", date(2010, 1, 1), None),  # first seen more than three years after it
    ("Lavrov", None, ("RUS", "Foreign Minister")),  # undated article: dated entries are trusted
    ("Kishida", date(2022, 3, 1), ("JPN", "Prime Minister")),  # the role held at that time
    ("Kishida", date(2018, 1, 1), ("JPN", "Foreign Minister")),
    ("Nobody", date(2019, 1, 1), None),
]


@pytest.mark.parametrize(("name", "published", "expected"), LOOKUP_CASES)
def test_lookup(snap: dict, name: str, published: date | None, expected: tuple[str, str | None] | None) -> None:
    assert lookup(snap, name, published) == expected


def test_name_key() -> None:
    assert name_key("Mr. Sergey  Lavrov") == "sergey lavrov"
    assert name_key("") == ""


TEXT = "Lavrov said the talks would continue. Ukrainian Foreign Minister Lavrov disagreed."


def test_snapshot_fills_only_what_the_text_leaves_open(nlp: Language) -> None:
    # someone the officeholders dictionary does not list (it is asked before the snapshot)
    rows = [{**r, "meetings": [], "quotes": [{**q, "speaker": q["speaker"].replace("Sergey Lavrov", "Arkady Voronov")}
                                            for q in r["quotes"]]} for r in ROWS]
    snap = build_snapshot(rows, DATES)
    doc = nlp("Voronov said the talks would continue next month.")
    assert ArticleResolver(doc, date(2019, 6, 1)).actor(doc[0:1]).country is None  # default: no snapshot
    with_snap = ArticleResolver(doc, date(2019, 6, 1), snapshot=snap)
    a = with_snap.actor(doc[0:1])
    assert (a.name, a.country, a.role) == ("Voronov", "RUS", "Foreign Minister")
    # time: the same sentence in a much later article is not resolved from old memory
    assert ArticleResolver(doc, date(2025, 1, 1), snapshot=snap).actor(doc[0:1]).country is None
    # explicit context wins over the snapshot
    doc2 = nlp("Ukrainian envoy Voronov said the talks would continue.")
    a2 = ArticleResolver(doc2, date(2019, 6, 1), snapshot=snap).actor(doc2[2:3])
    assert a2.country == "UKR"
    # and the dictionary comes before the snapshot: Lavrov is Russia's at any date he held office
    doc3 = nlp("Lavrov said the talks would continue next month.")
    assert ArticleResolver(doc3, date(2025, 1, 1)).actor(doc3[0:1]).country == "RUS"


def test_same_article_same_result(nlp: Language, snap: dict) -> None:
    doc = nlp("Lavrov met Kishida in Tokyo. He said ties were improving.")
    first = [ArticleResolver(doc, date(2017, 4, 1), snapshot=snap).actor(doc[i : i + 1]) for i in range(len(doc))]
    second = [ArticleResolver(doc, date(2017, 4, 1), snapshot=snap).actor(doc[i : i + 1]) for i in range(len(doc))]
    assert first == second
