"""The query API: code resolution, JSON errors instead of 500s, and an OpenAPI description that fits the answers."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from jsonschema import Draft202012Validator

from streams.tables import fold as contacts
from streams.web import api


def meeting(article_id: str, countries: list[str], source: str, date: str = "2024-03-04") -> dict:
    return {"event_id": article_id + "-m", "countries": countries, "status": "held", "date": date, "kind": "talks",
            "participants": [{"name": "A Minister", "country": countries[0], "role": "Foreign Minister"}],
            "evidence": "They met.", "location": "Oslo", "date_text": "Monday",
            "article": {"id": article_id, "source": source, "published": "2024-03-05", "url": None, "title": "T"}}


TABLES = contacts.build([u for m in (meeting("a1", ["DEU", "FRA"], "Wire A"), meeting("a2", ["DEU", "FRA"], "Wire B"),
                                     meeting("a3", ["IGO:UN", "KEN"], "Wire A"))
                         for u in contacts.fan_out(m, 0)])


class FakeWeb:
    def bytes(self, value: bytes, *, content_type: str, status: int = 200, headers: Any = None) -> dict:
        return {"status": status, "body": orjson.loads(value), "headers": headers or {}, "type": content_type}


class FakeReplica:
    def __init__(self, caught_up: bool = True) -> None:
        self.caught_up = caught_up
        self.tables = TABLES


class FakeRequest:
    path = "/test"


async def call(answer: Any, replica: FakeReplica | None = None, **params: str) -> dict:
    return await api._guarded(replica or FakeReplica(), answer)(FakeWeb(), FakeRequest(), **params)


def validator(name: str) -> Draft202012Validator:
    spec = api.openapi()
    return Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})


@pytest.mark.parametrize(("raw", "canonical"), [
    ("DEU", "DEU"), ("deu", "DEU"), ("DE", "DEU"), ("Germany", "DEU"), ("germany", "DEU"), ("Russia", "RUS"),
    ("South Korea", "KOR"), ("United Kingdom", "GBR"), ("UK", "GBR"), ("IGO:UN", "IGO:UN"), ("igo:un", "IGO:UN"),
    ("UN", "IGO:UN"), ("NATO", "IGO:NATO"), ("KEN", "KEN"), ("Türkiye", "TUR"), ("Côte d'Ivoire", "CIV"),
])
def test_codes_names_and_organisations_resolve_to_the_canonical_code(raw: str, canonical: str) -> None:
    assert api.resolve(raw, TABLES) == canonical


@pytest.mark.parametrize(("raw", "status"), [
    ("XYZ", 404), ("Atlantis", 404), ("QQ", 404), ("x" * 65, 400), ("DEU;drop", 400), ("../etc", 400),
    ("IGO:", 400), ("IGO:" + "A" * 17, 400), ("1234", 400), ("", 400), ("IGO:ZZZ", 404), ("_x", 400),
    ("D\u00e9u\x00", 400), ("DEU\n", 400),
])
def test_unknown_and_malformed_codes_are_404_and_400(raw: str, status: int) -> None:
    with pytest.raises(api.ApiError) as caught:
        api.resolve(raw, TABLES)
    assert caught.value.status == status


async def test_a_non_canonical_code_is_redirected_with_a_json_body() -> None:
    answer = await call(api._country, code="germany")
    assert answer["status"] == 301 and answer["headers"]["Location"] == "/countries/DEU"
    answer = await call(api._pair, code="kenya", other="un")
    assert answer["status"] == 301 and answer["headers"]["Location"] == "/countries/KEN/contacts/IGO:UN"
    validator("Error").validate(answer["body"])


async def test_errors_are_json_never_500() -> None:
    for answer in (await call(api._country, code="Z" * 500), await call(api._country, code="XYZ"),
                   await call(api._pair, code="DEU", other="DEU"), await call(api._pair, code="DEU", other="%%")):
        assert answer["status"] in (400, 404) and answer["type"] == "application/json"
        validator("Error").validate(answer["body"])


async def test_a_worker_still_loading_its_replica_says_so() -> None:
    answer = await call(api.countries_body, FakeReplica(caught_up=False))
    assert answer["status"] == 503 and "loading" in answer["body"]["error"]


async def test_the_answers_match_the_openapi_description() -> None:
    countries = await call(api.countries_body)
    validator("CountryList").validate(countries["body"])
    assert [c["code"] for c in countries["body"]["countries"]] == ["DEU", "FRA", "IGO:UN", "KEN"]
    deu = await call(api._country, code="DEU")
    validator("Country").validate(deu["body"])
    assert deu["body"]["counterparts"][0] | {"recent_contacts": []} == {
        "code": "FRA", "name": "France", "held": 1, "planned": 0, "cancelled": 0, "contacts": 1, "mentions": 2,
        "sources": 2, "last_contact_date": "2024-03-04", "first_reported": "2024-03-05",
        "last_reported": "2024-03-05", "recent_contacts": []}
    pair = await call(api._pair, code="IGO:UN", other="KEN")
    validator("Pair").validate(pair["body"])
    assert pair["body"]["counterpart_name"] == "Kenya" and pair["body"]["meetings"][0]["article_id"] == "a3"
    empty = await call(api._pair, code="DEU", other="KEN")
    validator("Pair").validate(empty["body"])
    assert empty["body"]["totals"]["contacts"] == 0 and empty["body"]["contacts"] == []


def test_the_openapi_description_names_every_route() -> None:
    spec = api.openapi()
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {"/countries", "/countries/{code}", "/countries/{code}/contacts/{other}",
                                  "/countries/{code}/contacts", "/countries/{code}/events",
                                  "/countries/{code}/timeline", "/graph", "/quotes", "/health", "/live", "/metrics",
                                  "/openapi.json", "/", "/static/{name}", "/dashboard/events", "/dashboard/stats"}
    for schema in spec["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
