"""The contact update rule: order-free, replay-proof, exact counts, bounded values."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from aiokafka.partitioner import DefaultPartitioner
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.tables import fold as contacts
from streams.tables.agents import partition_of, sweep

DAY_MS = 24 * 3600 * 1000


def meeting(article_id: str, countries: list[str], *, status: str = "held", date: str | None = "2024-05-13",
            published: str | None = "2024-05-14", source: str | None = "Wire A", kind: str = "talks",
            event: str = "e1", version: int | None = None, period: str | None = None) -> dict:
    granularity = "day" if date else ("month" if period and len(period) == 7 else "year" if period else None)
    return {"event_id": f"{article_id}-{event}", "countries": countries, "status": status, "date": date,
            "date_granularity": granularity, "date_period": date or period, "article_version": version,
            "kind": kind, "date_text": "Monday", "location": "Tokyo", "participants": [], "evidence": "They met.",
            "article": {"id": article_id, "source": source, "published": published, "url": None, "title": None}}


def retraction(of: dict, version: int) -> dict:
    return {"schema_version": "retraction.v1", "event_id": of["event_id"], "retracts": "meeting.v1",
            "reason": "article_changed", "article_version": version, "article": of["article"],
            "countries": of["countries"]}


def updates(*events: dict) -> list[dict]:
    return [u for e in events for u in contacts.fan_out(e, arrival_ms=1_700_000_000_000)]


def snapshot(tables: contacts.ContactTables) -> dict:
    """Everything the API can show."""
    codes = tables.codes()
    return {"countries": tables.countries(), "detail": {c: tables.country(c) for c in codes},
            "pairs": {(c, o["code"]): tables.pair(c, o["code"])
                      for c in codes for o in tables.country(c)["counterparts"]}}


def row(tables: contacts.ContactTables, country: str, other: str) -> dict:
    return next(r for r in tables.country(country)["counterparts"] if r["code"] == other)


# ---------------------------------------------------------------------------------------------- fan-out

def test_a_meeting_fans_out_to_one_update_per_country_with_a_key_from_the_meeting_alone() -> None:
    out = updates(meeting("a1", ["JPN", "AUS", "IGO:UN"]))
    assert [u["country"] for u in out] == ["AUS", "IGO:UN", "JPN"]
    assert {u["fact"]["key"] for u in out} == {"AUS+IGO:UN+JPN@2024-05-13"}


def test_the_contact_key_ignores_kind_and_status_and_falls_back_to_the_publication_day() -> None:
    held_call = contacts.contact_key(meeting("a1", ["JPN", "AUS"], kind="call", status="held"))
    planned_visit = contacts.contact_key(meeting("a2", ["AUS", "JPN"], kind="visit", status="planned"))
    assert held_call == planned_visit == "AUS+JPN@2024-05-13"
    undated = meeting("a3", ["JPN", "AUS"], date=None, published="2024-05-14T23:30:00-02:00")
    assert contacts.contact_key(undated) == "AUS+JPN@2024-05-15", "the publication day in UTC"
    assert contacts.contact_key(meeting("a4", ["JPN", "AUS"], date=None, published=None)) == "AUS+JPN@undated"


def test_meetings_without_two_valid_countries_or_a_known_status_are_not_fanned_out() -> None:
    assert updates(meeting("a1", ["JPN", "JPN"])) == []
    assert updates(meeting("a1", ["JPN", None, "japan"])) == []  # type: ignore[list-item]
    assert updates(meeting("a1", ["JPN", "AUS"], status="rumoured")) == []


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=12),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=20)
FIELDS = st.sampled_from(["countries", "status", "date", "article", "participants", "kind", "event_id", "evidence"])


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(FIELDS, JSON | st.just(["JPN", "AUS"]) | st.just("held")))
def test_fan_out_never_raises_on_odd_events_and_every_update_it_makes_is_valid(event: dict) -> None:
    for update in contacts.fan_out(event, arrival_ms=0):
        assert contacts.valid_update(update)
        orjson.dumps(update)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["country", "contact_key", "countries", "article_id", "status", "meeting",
                                        "source", "reported", "date", "kind"]), JSON, max_size=3), JSON)
def test_odd_contact_updates_are_refused_not_folded(junk: dict, odd: Any) -> None:
    value = {**updates(meeting("a1", ["AUS", "JPN"]))[0], **junk}
    if isinstance(value.get("meeting"), dict):
        value["meeting"] = {**value["meeting"], "date": odd}  # odd types inside the meeting too
    store_c: dict = {}
    store_a: dict = {}
    contacts.apply_update(store_c, store_a, updates(meeting("a0", ["AUS", "JPN"]))[0], now_ms=0)
    if contacts.valid_update(value):
        contacts.apply_update(store_c, store_a, value, now_ms=0)
        contacts.load(store_c, store_a).pair("AUS", "JPN")


# ---------------------------------------------------------------------------------------------- the rule

def test_a_redelivered_event_writes_nothing() -> None:
    store_c: dict = {}
    store_a: dict = {}
    first = updates(meeting("a1", ["AUS", "JPN"], version=3))
    assert all(contacts.apply_update(store_c, store_a, u, now_ms=1) for u in first)
    before = orjson.dumps([store_c, store_a])
    assert not any(contacts.apply_update(store_c, store_a, u, now_ms=2) for u in first)
    assert orjson.dumps([store_c, store_a]) == before, "not even the expiry clock moves"


def test_several_reports_of_one_contact_count_it_once_and_grow_mentions_and_sources() -> None:
    one = contacts.build(updates(meeting("a1", ["AUS", "JPN"], source="Wire A")))
    more = contacts.build(updates(meeting("a1", ["AUS", "JPN"], source="Wire A"),
                                  meeting("a2", ["AUS", "JPN"], source="Wire A", kind="meeting"),  # syndicated copy
                                  meeting("a3", ["AUS", "JPN"], source="Daily B", status="planned")))
    assert row(one, "JPN", "AUS")["held"] == row(more, "JPN", "AUS")["held"] == 1
    assert (row(one, "JPN", "AUS")["mentions"], row(more, "JPN", "AUS")["mentions"]) == (1, 3)
    assert (row(one, "JPN", "AUS")["sources"], row(more, "JPN", "AUS")["sources"]) == (1, 2)
    assert more.country("JPN")["totals"]["contacts"] == 1


def test_one_article_with_two_contacts_with_a_counterpart_is_one_mention_of_it() -> None:
    tables = contacts.build(updates(meeting("a1", ["AUS", "JPN"], event="e1"),
                                    meeting("a1", ["AUS", "JPN"], status="planned", date="2024-06-20", event="e2")))
    assert row(tables, "JPN", "AUS") | {"recent_contacts": None} == row(tables, "JPN", "AUS") | {
        "held": 1, "planned": 1, "contacts": 2, "mentions": 1, "sources": 1, "recent_contacts": None}
    assert row(tables, "JPN", "AUS")["recent_contacts"] == ["AUS+JPN@2024-06-20", "AUS+JPN@2024-05-13"]
    assert row(tables, "JPN", "AUS")["planned"] == 1, "a plan on a resolved day stays apart from another day"


def test_a_planned_contact_reported_held_moves_from_planned_to_held_in_either_order() -> None:
    planned = meeting("a1", ["DNK", "NOR"], status="planned", date="2024-04-10", published="2024-03-28")
    held = meeting("a2", ["DNK", "NOR"], status="held", date="2024-04-10", published="2024-04-11")
    for order in ([planned, held], [held, planned]):
        counts = row(contacts.build(updates(*order)), "NOR", "DNK")
        assert (counts["held"], counts["planned"], counts["contacts"], counts["mentions"]) == (1, 0, 1, 2)
    # without a resolved date the plan is a contact of its own, even when published the day the meeting is held
    undated_plan = meeting("a3", ["DNK", "NOR"], status="planned", date=None, published="2024-04-10")
    counts = row(contacts.build(updates(undated_plan, held)), "NOR", "DNK")
    assert (counts["held"], counts["planned"]) == (1, 1)


def test_a_plan_on_a_month_is_fulfilled_by_a_held_contact_in_that_month_and_not_by_one_outside() -> None:
    plan = meeting("a1", ["DNK", "NOR"], status="planned", date=None, period="2024-04", published="2024-03-28")
    held = meeting("a2", ["DNK", "NOR"], status="held", date="2024-04-10", published="2024-04-11")
    later = meeting("a3", ["DNK", "NOR"], status="held", date="2024-05-02", published="2024-05-03")
    counts = row(contacts.build(updates(plan, held)), "NOR", "DNK")
    assert (counts["held"], counts["planned"], counts["contacts"], counts["mentions"]) == (1, 0, 1, 2)
    counts = row(contacts.build(updates(plan, later)), "NOR", "DNK")
    assert (counts["held"], counts["planned"], counts["contacts"]) == (1, 1, 2)


def test_two_meetings_of_one_article_in_one_bucket_are_two_facts_in_either_order() -> None:
    """The bug the property test found first: the second meeting of an article in a bucket was dropped whole."""
    plan = meeting("a1", ["IND", "JPN"], status="planned", date=None, period="2025", event="visit", kind="visit")
    call = meeting("a1", ["IND", "JPN"], status="held", date=None, event="call", kind="call")
    for order in ([plan, call], [call, plan]):
        counts = row(contacts.build(updates(*order)), "JPN", "IND")
        assert (counts["held"], counts["planned"], counts["contacts"], counts["mentions"]) == (1, 1, 2, 1)
    same_day = [meeting("a1", ["IND", "JPN"], status="planned", event="e1", kind="visit"),
                meeting("a1", ["IND", "JPN"], status="held", event="e2", kind="call")]
    for order in (same_day, same_day[::-1]):
        pair = contacts.build(updates(*order)).pair("JPN", "IND")
        assert (pair["totals"]["held"], pair["totals"]["planned"]) == (1, 0)
        assert pair["contacts"][0]["kinds"] == ["call", "visit"] and len(pair["meetings"]) == 2


def test_a_newer_version_replaces_the_older_and_a_retraction_removes_its_event() -> None:
    planned = meeting("a1", ["IND", "JPN"], status="planned", event="e1", version=5)
    held = meeting("a1", ["IND", "JPN"], status="held", event="e2", version=9)
    gone = retraction(planned, version=9)
    for order in ([planned, held, gone], [gone, held, planned], [held, planned, gone, planned]):
        counts = row(contacts.build(updates(*order)), "JPN", "IND")
        assert (counts["held"], counts["planned"], counts["contacts"], counts["mentions"]) == (1, 0, 1, 1)
    # a retraction alone withdraws the article's contact for every country of the retracted meeting
    tables = contacts.build(updates(planned, gone))
    assert tables.codes() == [] and tables.countries() == []
    # the retraction travels on the retracted meeting's key when it does not name the countries
    bare = {k: v for k, v in gone.items() if k != "countries"}
    assert {u["country"] for u in contacts.fan_out(bare, 0, key=b"IND|JPN")} == {"IND", "JPN"}


def test_an_older_version_never_overwrites_a_newer_one() -> None:
    store: dict = {}
    new = updates(meeting("a1", ["IND", "JPN"], status="held", event="e2", version=9))
    old = updates(meeting("a1", ["IND", "JPN"], status="planned", event="e1", version=5))
    assert all(contacts.apply_update({}, store, u, now_ms=1) for u in new)
    assert not any(contacts.apply_update({}, store, u, now_ms=2) for u in old)


def test_last_contact_date_is_a_resolved_meeting_date_never_the_publication_date() -> None:
    tables = contacts.build(updates(meeting("a1", ["AUS", "JPN"], date=None, published="2024-05-14")))
    assert row(tables, "JPN", "AUS")["last_contact_date"] is None
    assert row(tables, "JPN", "AUS")["last_reported"] == "2024-05-14"
    tables = contacts.build(updates(meeting("a1", ["AUS", "JPN"], date=None),
                                    meeting("a2", ["AUS", "JPN"], date="2024-05-01", published="2024-05-02")))
    assert row(tables, "JPN", "AUS")["last_contact_date"] == "2024-05-01"


def test_an_article_without_a_date_is_reported_at_its_arrival() -> None:
    tables = contacts.build(updates(meeting("a1", ["AUS", "JPN"], published=None)))
    assert row(tables, "JPN", "AUS")["first_reported"] == contacts.ms_to_iso(1_700_000_000_000)


EVENTS = [
    meeting("a1", ["AUS", "JPN"], source="Wire A"),
    meeting("a2", ["AUS", "JPN"], source="Wire B", kind="call"),
    meeting("a2", ["IGO:UN", "JPN"], date=None, event="e2", source="Wire B"),
    meeting("a3", ["DNK", "NOR"], status="planned", date="2024-04-10", published="2024-03-28T08:00:00Z"),
    meeting("a4", ["DNK", "NOR"], date="2024-04-10", published="2024-04-11", source=None),
    meeting("a5", ["CHN", "JPN", "KOR"], date="2024-04-07", published="2024-04-08", source="Wire C"),
    meeting("a6", ["CHN", "JPN", "KOR"], status="cancelled", date="2024-04-07", published="2024-04-09"),
    meeting("a7", ["JPN", "USA"], date=None, published=None),
]


@settings(max_examples=60, deadline=None)
@given(st.permutations(updates(*EVENTS) * 2))
def test_the_tables_do_not_depend_on_arrival_order_or_duplicates(order: list[dict]) -> None:
    assert snapshot(contacts.build(order)) == snapshot(contacts.build(updates(*EVENTS)))


def test_status_precedence_held_over_cancelled_over_planned() -> None:
    tables = contacts.build(updates(*EVENTS))
    assert row(tables, "JPN", "KOR") | {"recent_contacts": []} == row(tables, "JPN", "KOR") | {
        "held": 1, "cancelled": 0, "planned": 0, "contacts": 1, "mentions": 2, "recent_contacts": []}
    assert tables.country("JPN")["totals"]["counterparts"] == 5


# ---------------------------------------------------------------------------------------------- bounds and expiry

def test_values_stay_small_however_many_reports_a_contact_gets() -> None:
    store_c: dict = {}
    store_a: dict = {}
    for n in range(2000):
        for u in updates(meeting(f"a{n}", ["AUS", "JPN"], source=f"Outlet {n}" * 20)):
            contacts.apply_update(store_c, store_a, u, now_ms=n)
    biggest = max(len(orjson.dumps(v)) for v in [*store_c.values(), *store_a.values()])
    assert biggest < 20_000, "a changelog record must stay far below Kafka's 1 MB"
    tables = contacts.load(store_c, store_a)
    assert row(tables, "JPN", "AUS")["mentions"] == row(tables, "JPN", "AUS")["sources"] == 2000
    assert len(tables.pair("JPN", "AUS")["meetings"]) == contacts.DEFAULT_RECENT


def test_state_expires_a_horizon_after_the_last_report_that_touched_it() -> None:
    assert not contacts.expired({"seen": 100 * DAY_MS}, now_ms=189 * DAY_MS, horizon_ms=90 * DAY_MS)
    assert contacts.expired({"seen": 100 * DAY_MS}, now_ms=191 * DAY_MS, horizon_ms=90 * DAY_MS)
    assert not contacts.expired({"seen": 0}, now_ms=10**15, horizon_ms=0), "0: never"


class FakeTable(dict):
    """items() and del, as a Faust table of bytes offers them."""


def test_a_sweep_deletes_only_its_own_partitions_expired_entries() -> None:
    table = FakeTable()
    for code in ("AUS", "JPN", "NOR", "DNK", "KOR", "CHN"):
        table[f"{code}|k".encode()] = orjson.dumps({"seen": 0})
        table[f"{code}|fresh".encode()] = orjson.dumps({"seen": 10 * DAY_MS})
    partition = partition_of(b"JPN", 8)
    removed = sweep(table, partition, 8, now=11 * DAY_MS, horizon_ms=5 * DAY_MS)
    gone = {k for k in (f"{c}|k".encode() for c in ("AUS", "JPN", "NOR", "DNK", "KOR", "CHN")) if k not in table}
    assert b"JPN|k" in gone and removed == len(gone)
    assert all(partition_of(k.split(b"|")[0], 8) == partition for k in gone)
    assert all(f"{c}|fresh".encode() in table for c in ("AUS", "JPN", "NOR", "DNK", "KOR", "CHN"))


@pytest.mark.parametrize("code", [b"JPN", b"AUS", b"IGO:UN", b"USA", b"XKX"])
def test_partition_of_is_where_the_producer_puts_the_update(code: bytes) -> None:
    assert partition_of(code, 8) == DefaultPartitioner()(code, list(range(8)), list(range(8)))


# ---------------------------------------------------------------------------------------------- history

def _stores(events: list[dict]) -> tuple[FakeTable, FakeTable]:
    """The two Faust tables (bytes), as the agent leaves them after folding `events`."""
    from streams.tables.agents import TableStore

    history, articles = FakeTable(), FakeTable()
    for u in updates(*events):
        contacts.apply_update(TableStore(history), TableStore(articles), u, now_ms=DAY_MS)
    return history, articles


def _tables(history: FakeTable, articles: FakeTable) -> contacts.ContactTables:
    return contacts.load({k.decode(): orjson.loads(v) for k, v in history.items()},
                         {k.decode(): orjson.loads(v) for k, v in articles.items()})


def test_expired_articles_fold_into_compact_history_and_the_counts_stay() -> None:
    from streams.tables.agents import TableStore
    from tests.streams.tables.reference import observed

    events = [*EVENTS, meeting("a8", ["DNK", "NOR"], status="planned", date=None, period="2024-04",
                               published="2024-03-01"),
              meeting("a1", ["AUS", "JPN"], status="planned", date="2024-06-01", event="e9")]
    history, articles = _stores(events)
    before = _tables(history, articles)
    swept = sum(sweep(articles, p, 8, now=200 * DAY_MS, horizon_ms=90 * DAY_MS, history=TableStore(history))
                for p in range(8))
    assert swept > 0 and len(articles) == 0, "every article's detail expired"
    after = _tables(history, articles)
    assert observed(after) == observed(before), "the same counts from the compact history alone"
    assert after.pair("JPN", "AUS")["meetings"] == [], "per-meeting detail is gone with the articles"
    # history never expires, and a sweep repeated after a crash folds nothing twice
    for p in range(8):
        sweep(history, p, 8, now=10_000 * DAY_MS, horizon_ms=90 * DAY_MS)
    assert contacts.fold_expired(TableStore(history), "JPN", "a1", {"facts": {
        "x": updates(events[0])[0]["fact"]}}) == 0
    assert observed(_tables(history, articles)) == observed(before)


def test_a_contact_folded_into_history_stays_small() -> None:
    from streams.tables.agents import TableStore

    history, articles = _stores([meeting(f"a{n}", ["AUS", "JPN"], source=f"Outlet {n % 50}", kind="talks")
                                 for n in range(600)])
    for p in range(8):
        sweep(articles, p, 8, now=200 * DAY_MS, horizon_ms=90 * DAY_MS, history=TableStore(history))
    biggest = max(len(v) for v in history.values())
    assert biggest < 12_000, biggest
    assert row(_tables(history, articles), "JPN", "AUS")["mentions"] == contacts.MAX_HISTORY_ARTICLES
