"""The HTTP query API over this worker's full replica of the contact tables (JSON via orjson).

Every worker answers from its own replica, never by forwarding (Faust's router forwards without a hop limit
during rebalances), so any worker gives the same answer. Country codes in paths may be ISO3, ISO2, a country
name or an `IGO:XX` code; anything but the canonical ISO3/IGO form is redirected to it, so caches and clients see
one address per country. Bad input is a 400/404 with a JSON error, never a 500.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any, Protocol
from urllib.parse import quote

import faust
import orjson
import pycountry

from streams.tables.fold import ContactTables, valid_code

log = logging.getLogger("parley.api")

MAX_CODE_CHARS = 64
CODE_CHARS = re.compile(r"[^\W\d_][\w .,'()&:-]*")  # a letter first; names may have accents
JSON = "application/json"

# Everyday names pycountry does not know (it has "Russian Federation", "Türkiye", ...).
ALIASES = {
    "russia": "RUS", "uk": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR", "turkey": "TUR",
    "palestine": "PSE", "kosovo": "XKX", "ivory coast": "CIV", "america": "USA", "us": "USA", "usa": "USA",
    "united states of america": "USA", "czechia": "CZE", "holland": "NLD", "burma": "MMR", "vatican": "VAT",
    "european union": "IGO:EU", "united nations": "IGO:UN", "african union": "IGO:AU",
}
IGO_NAMES = {
    "IGO:UN": "United Nations", "IGO:EU": "European Union", "IGO:NATO": "NATO", "IGO:ASEAN": "ASEAN",
    "IGO:AU": "African Union", "IGO:IAEA": "International Atomic Energy Agency", "IGO:WHO": "World Health Organization",
    "IGO:OPEC": "OPEC", "IGO:G7": "G7", "IGO:G20": "G20", "IGO:IMF": "International Monetary Fund",
}
EXTRA_NAMES = {"XKX": "Kosovo"}


class Replica(Protocol):
    caught_up: bool
    tables: ContactTables


class ApiError(Exception):
    def __init__(self, status: int, message: str, location: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.location = location


def country_name(code: str) -> str | None:
    if code in IGO_NAMES or code in EXTRA_NAMES:
        return IGO_NAMES.get(code) or EXTRA_NAMES[code]
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def resolve(raw: str, tables: ContactTables) -> str:
    """The canonical code for a path segment; raises ApiError (400 malformed, 404 unknown, 301 to the canonical)."""
    if len(raw) > MAX_CODE_CHARS or not CODE_CHARS.fullmatch(raw):
        raise ApiError(400, f"malformed country code (a code or a name, at most {MAX_CODE_CHARS} characters)")
    text = raw.strip()
    upper = text.upper()
    if upper.startswith("IGO:"):
        if not valid_code(upper):
            raise ApiError(400, "malformed organisation code: IGO: then 1 to 16 letters or digits")
        if upper not in IGO_NAMES and not tables.known(upper):
            raise ApiError(404, f"unknown organisation {upper}")
        canonical = upper
    elif len(upper) == 3 and upper.isalpha():
        if pycountry.countries.get(alpha_3=upper) is None and upper not in EXTRA_NAMES and not tables.known(upper):
            raise ApiError(404, f"unknown country code {upper}")
        canonical = upper
    elif len(upper) == 2 and upper.isalpha() and pycountry.countries.get(alpha_2=upper) is not None:
        canonical = pycountry.countries.get(alpha_2=upper).alpha_3
    elif text.lower() in ALIASES:
        canonical = ALIASES[text.lower()]
    elif tables.known("IGO:" + upper) or "IGO:" + upper in IGO_NAMES:
        canonical = "IGO:" + upper
    else:
        try:
            canonical = pycountry.countries.lookup(text).alpha_3
        except LookupError:
            raise ApiError(404, f"unknown country {text!r}") from None
    return canonical


def _paths(code: str, other: str | None = None) -> str:
    path = "/countries/" + quote(code, safe=":")
    return path + "/contacts/" + quote(other, safe=":") if other is not None else path


def _named(row: dict[str, Any]) -> dict[str, Any]:
    return {"code": row["code"], "name": country_name(row["code"]), **{k: v for k, v in row.items() if k != "code"}}


def countries_body(tables: ContactTables) -> dict[str, Any]:
    rows = [_named(r) for r in tables.countries()]
    return {"count": len(rows), "countries": rows}


def country_body(tables: ContactTables, code: str) -> dict[str, Any]:
    summary = tables.country(code)
    return {"code": code, "name": country_name(code), "totals": summary["totals"],
            "counterparts": [_named(r) for r in summary["counterparts"]]}


def pair_body(tables: ContactTables, code: str, other: str) -> dict[str, Any]:
    pair = tables.pair(code, other)
    return {"code": code, "name": country_name(code), "counterpart": other, "counterpart_name": country_name(other),
            "totals": pair["totals"], "contacts": pair["contacts"], "meetings": pair["meetings"]}


def _json(web: Any, body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Any:
    return web.bytes(orjson.dumps(body), content_type=JSON, status=status, headers=headers)


def _guarded(replica: Replica, answer: Callable[[ContactTables], Any]) -> Callable[..., Awaitable[Any]]:
    """Loading, bad codes and (should one slip through) bugs all become JSON answers."""

    async def view(web: Any, request: Any, **params: str) -> Any:
        if not replica.caught_up:
            return _json(web, {"error": "the contact tables are still loading", "status": 503}, 503,
                         {"Retry-After": "1"})
        try:
            return _json(web, answer(replica.tables, **params))
        except ApiError as exc:
            headers = {"Location": exc.location} if exc.location else None
            return _json(web, {"error": exc.message, "status": exc.status}, exc.status, headers)
        except Exception:
            log.exception("contact API failed on %s", request.path)
            return _json(web, {"error": "internal error", "status": 500}, 500)

    return view


def _redirect(target: str) -> ApiError:
    return ApiError(301, f"moved to {target}", target)


def _country(tables: ContactTables, code: str) -> dict[str, Any]:
    canonical = resolve(code, tables)
    if canonical != code:
        raise _redirect(_paths(canonical))
    return country_body(tables, canonical)


def _pair(tables: ContactTables, code: str, other: str) -> dict[str, Any]:
    canonical, counterpart = resolve(code, tables), resolve(other, tables)
    if canonical == counterpart:
        raise ApiError(400, "a country has no contacts with itself")
    if (canonical, counterpart) != (code, other):
        raise _redirect(_paths(canonical, counterpart))
    return pair_body(tables, canonical, counterpart)


def _no_such_path(tables: ContactTables, code: str, rest: str) -> dict[str, Any]:
    raise ApiError(404, "no such resource: /countries/{code} and /countries/{code}/contacts/{other} exist")


def install(app: faust.App, replica: Replica) -> None:
    spec = orjson.dumps(openapi())
    app.page("/countries")(_guarded(replica, countries_body))
    app.page("/countries/{code}")(_guarded(replica, _country))
    app.page("/countries/{code}/contacts/{other}")(_guarded(replica, _pair))
    app.page("/countries/{code}/{rest:.+}")(_guarded(replica, _no_such_path))

    async def openapi_view(web: Any, request: Any) -> Any:
        return web.bytes(spec, content_type=JSON)

    app.page("/openapi.json")(openapi_view)


# ---------------------------------------------------------------------------------------------- OpenAPI

def _nullable(kind: str, **extra: Any) -> dict[str, Any]:
    return {"type": [kind, "null"], **extra}


def _obj(props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": required or list(props),
            "additionalProperties": False}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _schemas() -> dict[str, Any]:
    count = {"type": "integer", "minimum": 0}
    day = _nullable("string", format="date", description="resolved meeting day, never the publication date")
    moment = _nullable("string", description="publication time (ISO 8601 date or UTC datetime), else arrival time")
    code = {"type": "string", "pattern": r"^(?:[A-Z]{3}|IGO:[A-Z0-9]{1,16})$"}
    counts = {"held": count, "planned": count, "cancelled": count,
              "contacts": {**count, "description": "distinct contacts: held + planned + cancelled"},
              "mentions": {**count, "description": "distinct articles that reported them"},
              "sources": {**count, "description": "distinct outlets among those articles"},
              "last_contact_date": day, "first_reported": moment, "last_reported": moment}
    recent = {"type": "array", "items": {"type": "string"}, "description": "ids of the most recent contacts"}
    participant = _obj({"name": _nullable("string"), "country": _nullable("string"), "role": _nullable("string")})
    return {
        "Error": _obj({"error": {"type": "string"}, "status": {"type": "integer"}}),
        "CountrySummary": _obj({"code": code, "name": _nullable("string"), **counts,
                                "counterparts": count}),
        "CountryList": _obj({"count": count, "countries": {"type": "array", "items": _ref("CountrySummary")}}),
        "CountryTotals": _obj({**counts, "counterparts": count}),
        "Counterpart": _obj({"code": code, "name": _nullable("string"), **counts, "recent_contacts": recent}),
        "Country": _obj({"code": code, "name": _nullable("string"), "totals": _ref("CountryTotals"),
                         "counterparts": {"type": "array", "items": _ref("Counterpart")}}),
        "PairTotals": _obj({**counts, "recent_contacts": recent}),
        "Contact": _obj({
            "id": {"type": "string", "description": "contact_key: sorted countries @ date bucket"},
            "countries": {"type": "array", "items": code}, "date": day,
            "bucket": {"type": "string", "description": "resolved date, else publication day, else 'undated'"},
            "status": {"enum": ["held", "planned", "cancelled"]},
            "statuses": {"type": "array", "items": {"enum": ["held", "planned", "cancelled"]}},
            "kinds": {"type": "array", "items": {"type": "string"}},
            "mentions": count, "sources": count, "first_reported": moment, "last_reported": moment}),
        "Participant": participant,
        "Meeting": _obj({
            "event_id": _nullable("string"), "article_id": _nullable("string"), "source": _nullable("string"),
            "url": _nullable("string"), "title": _nullable("string"), "reported": moment,
            "countries": {"type": "array", "items": code}, "status": {"enum": ["held", "planned", "cancelled"]},
            "kind": _nullable("string"), "date": day, "date_text": _nullable("string"),
            "location": _nullable("string"), "participants": {"type": "array", "items": _ref("Participant")},
            "evidence": _nullable("string")}),
        "Pair": _obj({"code": code, "name": _nullable("string"), "counterpart": code,
                      "counterpart_name": _nullable("string"), "totals": _ref("PairTotals"),
                      "contacts": {"type": "array", "items": _ref("Contact")},
                      "meetings": {"type": "array", "items": _ref("Meeting")}}),
        "Health": {"type": "object", "required": ["status"],
                   "properties": {"status": {"enum": ["ready", "starting"]}}},
    }


def _answer(schema: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": _ref(schema)}}}


def _errors(*statuses: int) -> dict[str, Any]:
    text = {301: "moved: not the canonical code (ISO2, a name, lower case); Location has the canonical path",
            400: "malformed code", 404: "unknown code", 503: "this worker's replica is still loading"}
    return {str(s): _answer("Error", text[s]) for s in statuses}


def openapi() -> dict[str, Any]:
    code_param = {"in": "path", "required": True, "description": "ISO3, ISO2, a country name or IGO:XX",
                  "schema": {"type": "string", "maxLength": MAX_CODE_CHARS}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Parley contact tables", "version": "1",
                 "description": "Diplomatic contacts per country, from the meetings Parley extracts. Every worker "
                                "answers from its own full replica, with the same answer."},
        "paths": {
            "/countries": {"get": {"summary": "every country with its totals", "responses": {
                "200": _answer("CountryList", "countries, sorted by code"), **_errors(503)}}},
            "/countries/{code}": {"get": {
                "summary": "one country: totals and every counterpart",
                "parameters": [{"name": "code", **code_param}],
                "responses": {"200": _answer("Country", "the country"), **_errors(301, 400, 404, 503)}}},
            "/countries/{code}/contacts/{other}": {"get": {
                "summary": "one pair: totals, the most recent contacts and meetings",
                "parameters": [{"name": "code", **code_param}, {"name": "other", **code_param}],
                "responses": {"200": _answer("Pair", "the pair"), **_errors(301, 400, 404, 503)}}},
            "/health": {"get": {"summary": "readiness and counters", "responses": {
                "200": _answer("Health", "ready"), "503": _answer("Health", "starting")}}},
            "/openapi.json": {"get": {"summary": "this description",
                                      "responses": {"200": {"description": "OpenAPI 3.1"}}}},
        },
        "components": {"schemas": _schemas()},
    }
