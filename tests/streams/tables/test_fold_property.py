"""The streaming fold equals the separately written reference fold (tests/streams/tables/reference.py) on generated
articles: several meetings per article (same and different buckets, planned and held, several countries), several
versions per article with the retractions the ledger sends, random duplicates and random orders."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streams.tables import fold
from tests.streams.tables.reference import observed, reference_tables

COUNTRIES = ["AUS", "IND", "JPN", "USA"]
# (date, date_granularity, date_period): a day, a month, a year, nothing
DATES = [("2024-05-13", "day", "2024-05-13"), ("2024-05-14", "day", "2024-05-14"), (None, "month", "2024-05"),
         (None, "year", "2024"), (None, "year", "2025"), (None, None, None)]
PUBLISHED = ["2024-05-14", "2024-05-13T23:30:00-02:00", "2024-06-01"]

meeting_spec = st.fixed_dictionaries({
    "countries": st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=3, unique=True),
    "status": st.sampled_from(["held", "planned", "cancelled"]),
    "date": st.sampled_from(DATES),
    "kind": st.sampled_from(["talks", "call", "visit"]),
})
# one version of an article: anchor (its place in the text, hence its event id) -> the meeting found there
version_spec = st.dictionaries(st.integers(0, 4), meeting_spec, max_size=4)
article_spec = st.fixed_dictionaries({
    "source": st.sampled_from(["Wire A", "Wire B", None]),
    "published": st.sampled_from(PUBLISHED),
    "versions": st.lists(version_spec, min_size=1, max_size=3),
})


def event(aid: str, article: dict, version: int, anchor: int, m: dict) -> dict:
    day, granularity, period = m["date"]
    return {"schema_version": "meeting.v1", "event_id": f"{aid}-{anchor}-{'-'.join(m['countries'])}",
            "article_version": version,
            "article": {"id": aid, "source": article["source"], "published": article["published"],
                        "url": f"https://{aid}.example/x", "title": None},
            "countries": m["countries"], "status": m["status"], "kind": m["kind"], "date": day,
            "date_granularity": granularity, "date_period": period, "date_text": None, "location": None,
            "participants": [], "evidence": "They met."}


def records_of(articles: list[dict]) -> list[dict]:
    """What the worker publishes: each version's events, and the retraction of each event the previous version
    yielded and this one does not (on the retracted event's key, carrying its countries)."""
    out = []
    for n, article in enumerate(articles):
        aid = f"a{n}"
        previous: dict[str, dict] = {}
        for v, meetings in enumerate(article["versions"]):
            version = 10 * v + n  # an offset: grows with each version of the article
            current = {e["event_id"]: e for e in (event(aid, article, version, a, m) for a, m in meetings.items())}
            out.extend(current.values())
            for gone in sorted(set(previous) - set(current)):
                out.append({"schema_version": "retraction.v1", "event_id": gone, "retracts": "meeting.v1",
                            "reason": "article_changed", "article_version": version,
                            "countries": previous[gone]["countries"],
                            "article": {"id": aid, "source": article["source"], "published": article["published"],
                                        "url": None, "title": None}})
            previous = current
    return out


def streaming(records: list[dict]) -> fold.ContactTables:
    updates = [u for r in records for u in fold.fan_out(r, arrival_ms=1_700_000_000_000)]
    return fold.build(updates)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_spec, min_size=1, max_size=5), st.randoms(use_true_random=False),
       st.integers(0, 6))
def test_the_streaming_fold_equals_the_reference_fold_whatever_the_order_duplicates_and_versions(
        articles: list[dict], rng: random.Random, duplicates: int) -> None:
    records = records_of(articles)
    delivered = records + [rng.choice(records) for _ in range(duplicates if records else 0)]
    rng.shuffle(delivered)
    assert observed(streaming(delivered)) == reference_tables(records)
