"""Filters, paging, timelines, the graph, exports and quotes of the HTTP API, on tables built by the fold rule; every
answer is validated against the OpenAPI document, every refusal is the one JSON error shape."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import orjson
import pytest
from jsonschema import Draft202012Validator
from multidict import CIMultiDict, MultiDict

from streams.tables import fold as contacts
from streams.tables import queries
from streams.web import api
from streams.web.quotes import QuoteStore


def meeting(n: int, countries: list[str], date: str | None, status: str = "held", kind: str = "talks",
            source: str = "Wire") -> dict[str, Any]:
    return {"event_id": f"e{n}", "countries": countries, "status": status, "date": date, "kind": kind,
            "participants": [], "evidence": "=HYPERLINK(\"x\")" if n == 1 else "They met.",
            "article": {"id": f"a{n}", "source": source, "published": "2024-06-30", "url": None, "title": f"T{n}"}}


MEETINGS = [
    meeting(1, ["AUS", "JPN"], "2024-01-03"),
    meeting(2, ["AUS", "JPN"], "2024-01-20", kind="call"),
    meeting(3, ["AUS", "IDN"], "2024-02-14", status="planned", kind="visit"),
    meeting(4, ["AUS", "IDN", "JPN"], "2024-03-01", kind="summit"),
    meeting(5, ["JPN", "KOR"], "2024-03-05"),
    meeting(6, ["AUS", "USA"], None, status="cancelled"),  # no day: its bucket carries the publication day
]
TABLES = contacts.build([u for m in MEETINGS for u in contacts.fan_out(m, 0)])
SPEC = api.openapi()


class FakeWeb:
    def bytes(self, value: bytes, *, content_type: str, status: int = 200, headers: Any = None) -> dict:
        body = orjson.loads(value) if content_type == api.JSON else value
        return {"status": status, "body": body, "headers": headers or {}, "type": content_type}


class FakeReplica:
    caught_up = True
    tables = TABLES


class FakeRequest:
    path = "/test"

    def __init__(self, query: list[tuple[str, str]], accept: str = "") -> None:
        self.query = MultiDict(query)
        self.headers = CIMultiDict({"Accept": accept} if accept else {})


async def call(answer: Any, query: list[tuple[str, str]] | None = None, accept: str = "", **params: str) -> dict:
    view = api._guarded_query(FakeReplica(), answer)
    return await view(FakeWeb(), FakeRequest(query or [], accept), **params)


def check(name: str, body: Any) -> None:
    Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": SPEC["components"]}).validate(body)


async def test_contacts_are_filtered_by_date_kind_status_and_counterpart() -> None:
    everything = await call(api.country_contacts, code="AUS")
    check("ContactPage", everything["body"])
    assert everything["body"]["count"] == 5 and everything["body"]["next"] is None
    days = [c["day"] for c in everything["body"]["contacts"]]
    assert days == sorted(days, reverse=True), "most recent first"
    january = await call(api.country_contacts, [("from", "2024-01-01"), ("to", "2024-01-31")], code="AUS")
    assert [c["id"] for c in january["body"]["contacts"]] == ["AUS+JPN@2024-01-20", "AUS+JPN@2024-01-03"]
    calls = await call(api.country_contacts, [("kind", "call")], code="AUS")
    assert [c["id"] for c in calls["body"]["contacts"]] == ["AUS+JPN@2024-01-20"]
    planned = await call(api.country_contacts, [("status", "planned")], code="AUS")
    assert [c["id"] for c in planned["body"]["contacts"]] == ["AUS+IDN@2024-02-14"]
    with_idn = await call(api.country_contacts, [("other", "Indonesia")], code="AUS")
    assert {c["id"] for c in with_idn["body"]["contacts"]} == {"AUS+IDN@2024-02-14", "AUS+IDN+JPN@2024-03-01"}
    assert with_idn["body"]["counterpart"] == "IDN"


async def test_cursor_paging_visits_every_contact_once() -> None:
    seen, cursor, pages = [], None, 0
    while True:
        query = [("limit", "2")] + ([("cursor", cursor)] if cursor else [])
        answer = await call(api.country_contacts, query, code="AUS")
        check("ContactPage", answer["body"])
        seen += [c["id"] for c in answer["body"]["contacts"]]
        pages += 1
        cursor = answer["body"]["next"]
        if cursor is None:
            break
    assert pages == 3 and len(seen) == len(set(seen)) == 5


@pytest.mark.parametrize("query", [
    [("from", "2024-13-01")], [("from", "20240101")], [("to", "yesterday")],
    [("from", "2024-02-01"), ("to", "2024-01-01")],
    [("kind", "lunch")], [("status", "done")], [("limit", "0")], [("limit", "501")], [("limit", "ten")],
    [("cursor", "!!!")], [("cursor", "x" * 300)], [("format", "xml")], [("other", "Atlantis")], [("other", "%%")],
    [("status", "held"), ("status", "planned")],
])
async def test_bad_parameters_are_400_with_the_json_error_shape(query: list[tuple[str, str]]) -> None:
    for view in (api.country_contacts, api.country_events):
        answer = await call(view, query, code="AUS")
        assert answer["status"] == 400 and answer["type"] == api.JSON, (query, answer)
        check("Error", answer["body"])


async def test_non_canonical_codes_redirect_with_the_query_kept() -> None:
    answer = await call(api.country_timeline, [("period", "week")], code="australia")
    assert answer["status"] == 301 and answer["headers"]["Location"] == "/countries/AUS/timeline?period=week"
    assert (await call(api.country_contacts, code="XYZ"))["status"] == 404


async def test_events_are_the_live_meetings_with_their_own_kind_and_status() -> None:
    answer = await call(api.country_events, [("kind", "summit")], code="JPN")
    check("EventPage", answer["body"])
    assert [e["event_id"] for e in answer["body"]["events"]] == ["e4"]
    assert answer["body"]["events"][0]["contact"] == "AUS+IDN+JPN@2024-03-01"


async def test_timeline_counts_contacts_per_month_and_week_with_empty_periods() -> None:
    months = await call(api.country_timeline, code="AUS")
    check("Timeline", months["body"])
    by_period = {s["period"]: s for s in months["body"]["series"]}
    assert by_period["2024-01"]["held"] == 2 and by_period["2024-02"]["planned"] == 1
    assert by_period["2024-03"]["held"] == 1 and by_period["2024-06"]["cancelled"] == 1
    assert by_period["2024-04"]["contacts"] == 0, "periods between are filled with zeros"
    pair = await call(api.country_timeline, [("other", "JPN"), ("period", "week")], code="AUS")
    check("Timeline", pair["body"])
    weeks = {s["period"]: s["contacts"] for s in pair["body"]["series"] if s["contacts"]}
    assert weeks == {"2024-W01": 1, "2024-W03": 1, "2024-W09": 1}
    assert pair["body"]["series"][0]["start"] == "2024-01-01"  # the Monday of ISO week 1


async def test_graph_has_nodes_sized_by_contacts_and_edges_weighted_by_held_ones() -> None:
    answer = await call(api.graph_body, [("country", "AUS"), ("other", "JPN")])
    body = answer["body"]
    check("Graph", body)
    nodes = {n["code"]: n for n in body["nodes"]}
    assert nodes["AUS"]["contacts"] == 5 and nodes["JPN"] == {"code": "JPN", "name": "Japan", "contacts": 4,
                                                               "held": 4}
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert edges[("AUS", "JPN")] == {"source": "AUS", "target": "JPN", "contacts": 3, "held": 3}
    assert edges[("IDN", "JPN")]["contacts"] == 1, "a three-country contact is on each of its edges"
    assert sum(s["contacts"] for s in body["timeline"]["series"]) == 3, "the focused pair's timeline"
    assert set(body["kinds"]) == {"call", "summit", "talks", "visit"}
    held = await call(api.graph_body, [("status", "held"), ("from", "2024-03-01")])
    assert {n["code"] for n in held["body"]["nodes"]} == {"AUS", "IDN", "JPN", "KOR"}


async def test_exports_as_ndjson_and_csv_by_parameter_or_accept_header() -> None:
    ndjson = await call(api.country_contacts, [("format", "ndjson")], code="AUS")
    assert ndjson["type"] == api.NDJSON
    rows = [orjson.loads(line) for line in ndjson["body"].splitlines()]
    assert len(rows) == 5 and all("id" in r for r in rows)
    by_accept = await call(api.country_events, accept="text/csv", code="AUS")
    assert by_accept["type"] == api.CSV
    table = list(csv.DictReader(io.StringIO(by_accept["body"].decode())))
    assert len(table) == 5 and set(api.EVENT_COLUMNS) == set(table[0])
    formula = next(r for r in table if r["event_id"] == "e1")
    assert formula["evidence"].startswith("'="), "no formula reaches a spreadsheet"
    paged = await call(api.country_contacts, [("format", "ndjson"), ("limit", "2")], code="AUS")
    assert len(paged["body"].splitlines()) == 2 and paged["headers"]["X-Next-Cursor"]


def quote(n: int, country: str | None, day: str, article: str = "q") -> dict[str, Any]:
    return {"schema_version": "quote.v1", "event_id": f"q{n}", "speaker": f"S{n}", "speaker_country": country,
            "speaker_role": None, "type": "direct", "text": f"quote {n}", "extracted_at": day + "T10:00:00Z",
            "article": {"id": f"{article}{n % 2}", "published": day, "source": "W", "url": None, "title": "t"}}


def test_the_quote_store_is_bounded_overall_and_per_country() -> None:
    store = QuoteStore(max_total=5, max_per_country=2)
    for n in range(4):
        store.add(quote(n, "AUS", "2024-01-0" + str(n + 1)))
    assert [q["event_id"] for q in store.query({"AUS"})] == ["q3", "q2"], "a country keeps its latest 2"
    for n in range(4, 10):
        store.add(quote(n, ["JPN", "KOR", "USA", None][n % 4], "2024-02-01"))
    assert len(store) == 5
    store.add(quote(9, "USA", "2024-02-01"))  # a re-delivery replaces itself
    assert len(store) == 5
    store.remove("q9")
    assert "q9" not in store.quotes and len(store) == 4


async def test_quotes_are_filtered_by_country_article_and_dates() -> None:
    store = QuoteStore()
    for n, (country, day) in enumerate([("AUS", "2024-01-02"), ("JPN", "2024-01-05"), ("AUS", "2024-02-01")]):
        store.add(quote(n, country, day))
    answer = await call(api.quotes_body(store), [("country", "australia")])
    check("QuotePage", answer["body"])
    assert [q["event_id"] for q in answer["body"]["quotes"]] == ["q2", "q0"]
    pair = await call(api.quotes_body(store), [("country", "AUS"), ("other", "JPN"), ("to", "2024-01-31")])
    assert [q["event_id"] for q in pair["body"]["quotes"]] == ["q1", "q0"]
    article = await call(api.quotes_body(store), [("article", "q1")])
    assert [q["event_id"] for q in article["body"]["quotes"]] == ["q1"]
    assert (await call(api.quotes_body(store), [("country", "Atlantis")]))["status"] == 400
    exported = await call(api.quotes_body(store), [("format", "csv")])
    assert exported["body"].decode().splitlines()[0].startswith("event_id,day,speaker")


def test_every_schema_of_the_openapi_document_is_valid_and_code_patterns_match_the_server() -> None:
    for schema in SPEC["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    pattern = SPEC["paths"]["/countries/{code}"]["get"]["parameters"][0]["schema"]["pattern"]
    assert pattern == api.CODE_PATTERN
    for good in ("DEU", "South Korea", "Côte d'Ivoire", "IGO:UN"):
        assert api.CODE_CHARS.fullmatch(good)
    for bad in ("1234", "_x", "../etc", "DEU;drop"):
        assert not api.CODE_CHARS.fullmatch(bad)


def test_contact_day_rules() -> None:
    assert queries.contact_day("2024-05", [], []) == "2024-05-01"
    assert queries.contact_day("2024", [], []) == "2024-01-01"
    assert queries.contact_day("unresolved:2024-05-03", [], []) == "2024-05-03"
    assert queries.contact_day("undated", [], ["2024-05-04T10:00:00Z"]) == "2024-05-04"
    assert queries.contact_day("undated", [], []) is None


def test_the_graph_rows_are_cached_until_a_country_changes() -> None:
    tables = contacts.build([u for m in MEETINGS for u in contacts.fan_out(m, 0)])
    first = queries.all_contacts(tables)
    assert queries.all_contacts(tables) is not first and queries._every_row(tables) is queries._every_row(tables)
    tables.put("articles", "KOR|a5", None)  # the JPN-KOR meeting's article, seen from KOR, is gone
    tables.put("articles", "JPN|a5", None)
    after = {r["id"] for r in queries.all_contacts(tables)}
    assert {r["id"] for r in first} - after == {"JPN+KOR@2024-03-05"}


def test_the_dashboard_loads_nothing_from_outside() -> None:
    """No CDN and no library: the page's script and style are the worker's own files, and the script fetches only
    same-origin paths."""
    static = Path(api.__file__).resolve().parent / "static"
    html = (static / "index.html").read_text()
    assert re.findall(r'(?:src|href)="([^"]+)"', html) == ["/static/dashboard.css", "/static/dashboard.js",
                                                            "/openapi.json"]
    script = "\n".join(line for line in (static / "dashboard.js").read_text().splitlines()
                       if not line.lstrip().startswith("//"))
    assert not re.search(r"^\s*import\b|\bimport\(", script, re.M) and ".innerHTML" not in script
    assert set(re.findall(r"https?://[^\s\"']+", script)) == {"http://www.w3.org/2000/svg"}, "only the SVG namespace"


async def test_a_country_with_itself_is_400_everywhere() -> None:
    for view in (api.country_contacts, api.country_events, api.country_timeline):
        assert (await call(view, [("other", "AUS")], code="AUS"))["status"] == 400
    assert (await call(api.graph_body, [("country", "AUS"), ("other", "au")]))["status"] == 400
    assert (await call(api.graph_body, [("other", "AUS")]))["status"] == 400
