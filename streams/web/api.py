"""The HTTP query API over this worker's full replica of the contact tables (JSON via orjson).

Every worker answers from its own replica, never by forwarding (Faust's router forwards without a hop limit
during rebalances), so any worker gives the same answer. Country codes in paths may be ISO3, ISO2, a country
name or an `IGO:XX` code; anything but the canonical ISO3/IGO form is redirected to it, so caches and clients see
one address per country. Bad input is a 400/404 with a JSON error, never a 500.
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote, urlencode

import faust
import orjson
import pycountry

from streams.tables import queries
from streams.tables.fold import STATUSES, ContactTables, valid_code
from streams.web.quotes import MAX_PER_COUNTRY as MAX_PER_COUNTRY_QUOTES
from streams.web.quotes import MAX_TOTAL as MAX_TOTAL_QUOTES
from streams.web.quotes import QuoteStore

log = logging.getLogger("parley.api")

MAX_CODE_CHARS = 64
# A letter first (Latin, with accents); then letters, digits and the punctuation of names and `IGO:` codes. The
# OpenAPI document carries the same pattern, so clients and the server agree on what a code may be.
CODE_PATTERN = r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9 .,'()&:-]{0,63}$"
CODE_CHARS = re.compile(CODE_PATTERN.strip("^$"))
JSON = "application/json"
NDJSON = "application/x-ndjson"
CSV = "text/csv"
KINDS = ("meeting", "talks", "summit", "visit", "call", "dialogue", "negotiation")  # meeting.v1's `kind`
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_EXPORT = 10_000  # rows of an NDJSON or CSV answer without `limit`; the rest follows the X-Next-Cursor header
MAX_CURSOR = 200
MAX_ARTICLE_ID = 512

# Everyday names of countries and organisations come from the extractors' reference data (pycountry knows the
# official ones: "Russian Federation", "Türkiye"): one list for the text and the API, read as plain JSON so the
# worker's main process does not load the extractors' gazetteer.
REFERENCE = Path(__file__).resolve().parents[2] / "extractors" / "data" / "reference.json"


@functools.cache
def _reference() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case name -> code, code -> display name) for the names pycountry does not know and the IGOs."""
    raw = orjson.loads(REFERENCE.read_bytes())
    aliases: dict[str, str] = {}
    names: dict[str, str] = {}
    for table in ("names", "igos"):
        for code, known in raw[table].items():
            if code.startswith("_") or not isinstance(known, list) or not known:
                continue
            for name in known:
                aliases.setdefault(name.lower(), code)
            if table == "igos" or pycountry.countries.get(alpha_3=code) is None:
                names[code] = known[0]
    return aliases, names


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
    if code in _reference()[1]:
        return _reference()[1][code]
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
        if upper not in _reference()[1] and not tables.known(upper):
            raise ApiError(404, f"unknown organisation {upper}")
        canonical = upper
    elif len(upper) == 3 and upper.isalpha():
        if pycountry.countries.get(alpha_3=upper) is None and upper not in _reference()[1] and not tables.known(upper):
            raise ApiError(404, f"unknown country code {upper}")
        canonical = upper
    elif len(upper) == 2 and upper.isalpha() and pycountry.countries.get(alpha_2=upper) is not None:
        canonical = pycountry.countries.get(alpha_2=upper).alpha_3
    elif text.lower() in _reference()[0]:
        canonical = _reference()[0][text.lower()]
    elif tables.known("IGO:" + upper) or "IGO:" + upper in _reference()[1]:
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
            "totals": pair["totals"], "contacts": pair["contacts"], "meetings": pair["meetings"], "next": None}


def _api_error(web: Any, exc: ApiError) -> Any:
    """An ApiError as the API's one error shape (with the redirect's Location when it is one)."""
    headers = {"Location": exc.location} if exc.location else None
    return _json(web, {"error": exc.message, "status": exc.status}, exc.status, headers)


def _internal_error(web: Any, path: str) -> Any:
    log.exception("contact API failed on %s", path)
    return _json(web, {"error": "internal error", "status": 500}, 500)


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
            return _api_error(web, exc)
        except Exception:
            return _internal_error(web, request.path)

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
    raise ApiError(404, "no such resource: /countries/{code}, its /contacts, /events, /timeline and "
                        "/contacts/{other} exist")


# ---------------------------------------------------------------------------------------------- queries

@dataclass
class Raw:
    """A non-JSON answer (an NDJSON or CSV export)."""
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)


def _one(query: Mapping[str, str], name: str) -> str | None:
    getall = getattr(query, "getall", None)
    values = getall(name, []) if getall is not None else ([query[name]] if name in query else [])
    if len(values) > 1:
        raise ApiError(400, f"{name}: give it once")
    return values[0] if values else None


def _day(query: Mapping[str, str], name: str) -> str | None:
    value = _one(query, name)
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(400, f"{name}: a date, YYYY-MM-DD") from None


def _choice(query: Mapping[str, str], name: str, allowed: Iterable[str], default: str | None = None) -> str | None:
    value = _one(query, name)
    if value is None:
        return default
    allowed = tuple(allowed)
    if value not in allowed:
        raise ApiError(400, f"{name}: one of {', '.join(allowed)}")
    return value


def _limit(query: Mapping[str, str], default: int, most: int) -> int:
    value = _one(query, "limit")
    if value is None:
        return default
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= most:
        raise ApiError(400, f"limit: a whole number from 1 to {most}")
    return int(value)


def _cursor(query: Mapping[str, str]) -> str | None:
    value = _one(query, "cursor")
    if value is not None:
        try:
            if not value or len(value) > MAX_CURSOR:
                raise queries.QueryError("malformed cursor")
            queries.decode_cursor(value)
        except queries.QueryError:
            raise ApiError(400, "malformed cursor: pass back the `next` value of the previous page") from None
    return value


def _format(query: Mapping[str, str], accept: str) -> str:
    chosen = _choice(query, "format", ("json", "ndjson", "csv"))
    if chosen is not None:
        return chosen
    for part in accept.lower().split(","):  # the first media type we can give, in the client's order
        media = part.split(";")[0].strip()
        if media == NDJSON:
            return "ndjson"
        if media == CSV:
            return "csv"
        if media in (JSON, "*/*", "application/*"):
            return "json"
    return "json"


def _code_param(query: Mapping[str, str], name: str, tables: ContactTables) -> str | None:
    value = _one(query, name)
    if value is None:
        return None
    try:
        return resolve(value, tables)
    except ApiError as exc:  # a query parameter: a bad value is the request's fault, 400 either way
        raise ApiError(400, f"{name}: {exc.message}") from None


def _other(query: Mapping[str, str], tables: ContactTables, code: str) -> str | None:
    other = _code_param(query, "other", tables)
    if other == code:
        raise ApiError(400, "a country has no contacts with itself")
    return other


def _filters(query: Mapping[str, str], other: str | None = None) -> queries.Filters:
    start, end = _day(query, "from"), _day(query, "to")
    if start and end and start > end:
        raise ApiError(400, "from is after to")
    return queries.Filters(start, end, _choice(query, "kind", KINDS), _choice(query, "status", STATUSES), other)


def _check(query: Mapping[str, str], tables: ContactTables, accept: str = "") -> None:
    """Every parameter is checked before a redirect: a bad request is 400 whatever its path."""
    _filters(query)
    for name in ("other", "country"):
        _code_param(query, name, tables)
    _limit(query, 1, MAX_LIMIT)
    _cursor(query)
    _format(query, accept)
    _choice(query, "period", queries.PERIODS)


def _canonical_or_redirect(tables: ContactTables, query: Mapping[str, str], code: str, suffix: str) -> str:
    _check(query, tables)
    canonical = resolve(code, tables)
    if canonical != code:
        qs = urlencode(list(query.items())) if query else ""
        raise _redirect(_paths(canonical) + suffix + ("?" + qs if qs else ""))
    return canonical


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(_flat(v) if not isinstance(v, dict) else str(v.get("name") or "") for v in value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text  # no formulas in spreadsheets


def export(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str, next_cursor: str | None) -> Raw:
    headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
    if fmt == "ndjson":
        return Raw(b"".join(orjson.dumps(r) + b"\n" for r in rows), NDJSON, headers)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_flat(_dig(r, c)) for c in columns])
    return Raw(out.getvalue().encode(), CSV, {**headers, "Content-Disposition": "attachment"})


def _dig(row: Mapping[str, Any], column: str) -> Any:
    value: Any = row
    for part in column.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


CONTACT_COLUMNS = ("id", "countries", "day", "date", "bucket", "status", "statuses", "kinds", "mentions", "sources",
                   "first_reported", "last_reported")
EVENT_COLUMNS = ("event_id", "day", "date", "status", "kind", "countries", "contact", "article_id", "source", "url",
                 "title", "reported", "date_text", "location", "participants", "evidence")
QUOTE_COLUMNS = ("event_id", "day", "speaker", "speaker_country", "speaker_role", "type", "text", "article.id",
                 "article.source", "article.url", "article.title", "article.published")


def _listing(rows: list[dict[str, Any]], query: Mapping[str, str], accept: str, columns: tuple[str, ...],
             name: str, id_field: str, head: dict[str, Any]) -> Any:
    fmt = _format(query, accept)
    exporting = fmt != "json"
    limit = _limit(query, MAX_EXPORT if exporting else DEFAULT_LIMIT, MAX_LIMIT)
    chunk, nxt = queries.page(rows, _cursor(query), limit, id_field)
    if exporting:
        return export(chunk, columns, fmt, nxt)
    return {**head, "count": len(rows), name: chunk, "next": nxt}


def _run(answer: Callable[[], Any]) -> Any:
    try:
        return answer()
    except queries.QueryError as exc:
        raise ApiError(400, str(exc)) from None


def _country_listing(tables: ContactTables, query: Mapping[str, str], accept: str, code: str, what: str,
                     select: Callable[..., Any], columns: Any, key: str) -> Any:
    """`/countries/{code}/contacts` and `/events`: one country's rows, filtered, paged, in the asked format."""
    code = _canonical_or_redirect(tables, query, code, f"/{what}")
    other = _other(query, tables, code)
    rows = _run(lambda: select(tables, code, _filters(query, other)))
    return _listing(rows, query, accept, columns, what, key,
                    {"code": code, "name": country_name(code), "counterpart": other})


def country_contacts(tables: ContactTables, query: Mapping[str, str], accept: str, code: str) -> Any:
    return _country_listing(tables, query, accept, code, "contacts", queries.contacts, CONTACT_COLUMNS, "id")


def country_events(tables: ContactTables, query: Mapping[str, str], accept: str, code: str) -> Any:
    return _country_listing(tables, query, accept, code, "events", queries.events, EVENT_COLUMNS, "event_id")


def country_timeline(tables: ContactTables, query: Mapping[str, str], accept: str, code: str) -> Any:
    code = _canonical_or_redirect(tables, query, code, "/timeline")
    other = _other(query, tables, code)
    period = _choice(query, "period", queries.PERIODS, "month")
    rows = _run(lambda: queries.contacts(tables, code, _filters(query, other)))
    return {"code": code, "name": country_name(code), "counterpart": other,
            **_run(lambda: queries.timeline(rows, period or "month"))}


def pair_filtered(tables: ContactTables, query: Mapping[str, str], accept: str, code: str, other: str) -> Any:
    """The pair's totals (unfiltered), its contacts passing the filters (paged) and their most recent meetings."""
    _check(query, tables)
    canonical, counterpart = resolve(code, tables), resolve(other, tables)
    if canonical == counterpart:
        raise ApiError(400, "a country has no contacts with itself")
    if (canonical, counterpart) != (code, other):
        qs = urlencode(list(query.items())) if query else ""
        raise _redirect(_paths(canonical, counterpart) + ("?" + qs if qs else ""))
    body = pair_body(tables, code, other)
    f = _filters(query, other)
    plain = not (f.dated or f.kind or f.status) and not query.get("cursor") and not query.get("limit")
    if plain:
        return body
    rows = queries.contacts(tables, code, f)
    chunk, nxt = queries.page(rows, _cursor(query), _limit(query, tables.recent, MAX_LIMIT))
    keep = {r["id"] for r in chunk}
    meetings = [m for m in queries.events(tables, code, f) if m["contact"] in keep][:tables.recent]
    return {**body, "contacts": [{k: v for k, v in r.items() if k != "day"} for r in chunk],
            "meetings": [{k: v for k, v in m.items() if k not in ("contact", "day")} for m in meetings], "next": nxt}


def graph_body(tables: ContactTables, query: Mapping[str, str], accept: str) -> Any:
    """The network under the filters, and the timeline of the focused country or pair (else of every contact)."""
    focus, other = _code_param(query, "country", tables), _code_param(query, "other", tables)
    if other is not None and focus is None:
        raise ApiError(400, "other needs country")
    if other is not None and other == focus:
        raise ApiError(400, "a country has no contacts with itself")
    period = _choice(query, "period", queries.PERIODS, "month") or "month"
    f = _filters(query)
    net = _run(lambda: queries.graph(tables, f))
    rows = net.pop("rows")
    if focus is not None:
        rows = [r for r in rows if focus in r["countries"] and (other is None or other in r["countries"])]
    return {"nodes": [{**n, "name": country_name(n["code"])} for n in net["nodes"]], "edges": net["edges"],
            "kinds": net["kinds"], "focus": focus, "focus_name": country_name(focus) if focus else None,
            "counterpart": other, "counterpart_name": country_name(other) if other else None,
            "timeline": queries.timeline(rows, period)}


def quotes_body(store: QuoteStore) -> Callable[..., Any]:
    def answer(tables: ContactTables, query: Mapping[str, str], accept: str) -> Any:
        codes = {c for c in (_code_param(query, "country", tables), _code_param(query, "other", tables)) if c}
        article = _one(query, "article")
        if article is not None and not 1 <= len(article) <= MAX_ARTICLE_ID:
            raise ApiError(400, f"article: an article id of 1 to {MAX_ARTICLE_ID} characters")
        f = _filters(query)
        rows = [{**q} for q in store.query(codes or None, article, f.start, f.end)]
        return _listing(rows, query, accept, QUOTE_COLUMNS, "quotes", "event_id", {"stored": len(store)})
    return answer


def _guarded_query(replica: Replica, answer: Callable[..., Any], needs_replica: bool = True
                   ) -> Callable[..., Awaitable[Any]]:
    """Like _guarded, for the views that read the query string and may answer NDJSON or CSV."""

    async def view(web: Any, request: Any, **params: str) -> Any:
        if needs_replica and not replica.caught_up:
            return _json(web, {"error": "the contact tables are still loading", "status": 503}, 503,
                         {"Retry-After": "1"})
        try:
            result = answer(replica.tables, request.query, request.headers.get("Accept", ""), **params)
        except queries.QueryError as exc:
            return _json(web, {"error": str(exc), "status": 400}, 400)
        except ApiError as exc:
            return _api_error(web, exc)
        except Exception:
            return _internal_error(web, request.path)
        if isinstance(result, Raw):
            return web.bytes(result.body, content_type=result.content_type, headers=result.headers)
        return _json(web, result)

    return view


def install(app: faust.App, replica: Replica) -> None:
    spec = orjson.dumps(openapi())
    store = QuoteStore()
    app.parley_quotes = store  # type: ignore[attr-defined]  # fed by the dashboard's consumer of the event topics
    app.page("/countries")(_guarded(replica, countries_body))
    app.page("/countries/{code}")(_guarded(replica, _country))
    app.page("/countries/{code}/contacts")(_guarded_query(replica, country_contacts))
    app.page("/countries/{code}/events")(_guarded_query(replica, country_events))
    app.page("/countries/{code}/timeline")(_guarded_query(replica, country_timeline))
    app.page("/countries/{code}/contacts/{other}")(_guarded_query(replica, pair_filtered))
    app.page("/countries/{code}/{rest:.+}")(_guarded(replica, _no_such_path))
    app.page("/graph")(_guarded_query(replica, graph_body))
    app.page("/quotes")(_guarded_query(replica, quotes_body(store), needs_replica=False))

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
            "bucket": {"type": "string", "description": "resolved day, month or year; else, held, the publication "
                                                        "day or 'undated'; else 'unresolved:' and the publication day"},
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
                      "meetings": {"type": "array", "items": _ref("Meeting")},
                      "next": _nullable("string", description="with filters or limit: the next page's cursor")}),
        "Health": {"type": "object", "required": ["status"],
                   "properties": {"status": {"enum": ["ready", "starting"]}}},
    }


def _answer(schema: str, description: str, exports: bool = False) -> dict[str, Any]:
    content: dict[str, Any] = {JSON: {"schema": _ref(schema)}}
    if exports:
        content |= {NDJSON: {"schema": {"type": "string"}}, CSV: {"schema": {"type": "string"}}}
    return {"description": description, "content": content}


def _errors(*statuses: int) -> dict[str, Any]:
    text = {301: "moved: not the canonical code (ISO2, a name, lower case); Location has the canonical path",
            400: "malformed code or parameter", 401: "PARLEY_API_TOKEN is set and the bearer token is missing or "
            "wrong", 404: "unknown code", 503: "this worker's replica is still loading"}
    return {str(s): _answer("Error", text[s]) for s in (*statuses, 401)}


def _schemas_more(base: dict[str, Any]) -> dict[str, Any]:
    count = {"type": "integer", "minimum": 0}
    code = {"type": "string", "pattern": r"^(?:[A-Z]{3}|IGO:[A-Z0-9]{1,16})$"}
    day = _nullable("string", format="date")
    text = _nullable("string")
    cursor = _nullable("string", description="pass it back as `cursor` for the next page; null on the last")
    contact = base["Contact"]
    meeting = base["Meeting"]
    series = _obj({"period": {"type": "string", "description": "ISO week (2024-W05) or month (2024-05)"},
                   "start": {"type": "string", "format": "date"}, "held": count, "planned": count,
                   "cancelled": count, "contacts": count})
    timeline = _obj({"period": {"enum": list(queries.PERIODS)}, "series": {"type": "array", "items": series},
                     "undated": {**count, "description": "contacts without a day, in no period"}})
    return {
        "ContactRow": _obj({**contact["properties"], "day": {**day, "description": "what from/to filter on"}}),
        "ContactPage": _obj({"code": code, "name": text, "counterpart": {"anyOf": [code, {"type": "null"}]},
                             "count": {**count, "description": "contacts passing the filters"},
                             "contacts": {"type": "array", "items": _ref("ContactRow")}, "next": cursor}),
        "EventRow": _obj({**meeting["properties"], "contact": text, "day": day}),
        "EventPage": _obj({"code": code, "name": text, "counterpart": {"anyOf": [code, {"type": "null"}]},
                           "count": count, "events": {"type": "array", "items": _ref("EventRow")},
                           "next": cursor}),
        "TimelineSeries": timeline,
        "Timeline": _obj({"code": code, "name": text, "counterpart": {"anyOf": [code, {"type": "null"}]},
                          **timeline["properties"]}),
        "Graph": _obj({
            "nodes": {"type": "array", "items": _obj({"code": code, "name": text, "contacts": count,
                                                      "held": count})},
            "edges": {"type": "array", "items": _obj({"source": code, "target": code, "contacts": count,
                                                      "held": count})},
            "kinds": {"type": "array", "items": {"type": "string"}},
            "focus": {"anyOf": [code, {"type": "null"}]}, "focus_name": text,
            "counterpart": {"anyOf": [code, {"type": "null"}]}, "counterpart_name": text,
            "timeline": _ref("TimelineSeries")}),
        "Quote": _obj({
            "event_id": {"type": "string"}, "speaker": text, "speaker_country": {"anyOf": [code, {"type": "null"}]},
            "speaker_role": text, "type": text, "text": {"type": "string"}, "day": day,
            "article": _obj({"id": text, "url": text, "source": text, "title": text, "published": text}),
            "extracted_at": text}),
        "QuotePage": _obj({"stored": {**count, "description": "quotes held by this worker's bounded store"},
                           "count": count, "quotes": {"type": "array", "items": _ref("Quote")}, "next": cursor}),
        "Live": _obj({"status": {"enum": ["alive", "stalled"]}, "event_loop_lag_s": {"type": "number"},
                      "last_tick_age_s": _nullable("number")}),
        "DashboardStats": {"type": "object", "required": ["clients", "max_clients", "dropped", "refused"],
                           "properties": {"clients": count, "max_clients": count, "dropped": count,
                                          "refused": count}},
    }


def _query_params(*names: str) -> list[dict[str, Any]]:
    code = {"type": "string", "pattern": CODE_PATTERN, "minLength": 1, "maxLength": MAX_CODE_CHARS}
    day = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    known = {
        "from": ("first day, inclusive (YYYY-MM-DD): a contact's day, a quote's publication day", day),
        "to": ("last day, inclusive (YYYY-MM-DD)", day),
        "kind": ("contacts reporting this kind of meeting", {"enum": list(KINDS)}),
        "status": ("contacts with this status (the strongest reported)", {"enum": list(STATUSES)}),
        "other": ("only contacts with this counterpart (ISO3, ISO2, a name or IGO:XX)", code),
        "country": ("ISO3, ISO2, a name or IGO:XX", code),
        "period": ("timeline periods: ISO weeks or months (default month)", {"enum": list(queries.PERIODS)}),
        "limit": (f"page size, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}; an NDJSON or CSV export without it gives "
                  f"up to {MAX_EXPORT} rows)", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}),
        "cursor": ("the `next` of the previous page (or the X-Next-Cursor header of an export)",
                   {"type": "string", "minLength": 1, "maxLength": MAX_CURSOR}),
        "format": ("json (default), ndjson or csv; or ask with the Accept header", {"enum": ["json", "ndjson", "csv"]}),
        "article": ("quotes of this article id", {"type": "string", "minLength": 1, "maxLength": MAX_ARTICLE_ID}),
    }
    return [{"name": n, "in": "query", "required": False, "description": known[n][0], "schema": known[n][1]}
            for n in names]


def openapi() -> dict[str, Any]:
    code_schema = {"type": "string", "pattern": CODE_PATTERN, "minLength": 1, "maxLength": MAX_CODE_CHARS}
    code_param = {"in": "path", "required": True, "description": "ISO3, ISO2, a country name or IGO:XX",
                  "schema": code_schema}
    filters = ("from", "to", "kind", "status")
    base = _schemas()
    listing = ("other", *filters, "limit", "cursor", "format")
    text = {"type": "string"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Parley contact tables", "version": "2",
                 "description": "Diplomatic contacts per country, from the meetings Parley extracts. Every worker "
                                "answers from its own full replica, with the same answer. Every error is "
                                "`{\"error\": ..., \"status\": N}`; the server is read-only (other methods: 405)."},
        "security": [{}, {"bearer": []}],
        "paths": {
            "/countries": {"get": {"summary": "every country with its totals", "responses": {
                "200": _answer("CountryList", "countries, sorted by code"), **_errors(503)}}},
            "/countries/{code}": {"get": {
                "summary": "one country: totals and every counterpart",
                "parameters": [{"name": "code", **code_param}],
                "responses": {"200": _answer("Country", "the country"), **_errors(301, 400, 404, 503)}}},
            "/countries/{code}/contacts": {"get": {
                "summary": "the country's contacts passing the filters, most recent day first, paged; exportable",
                "parameters": [{"name": "code", **code_param}, *_query_params(*listing)],
                "responses": {"200": _answer("ContactPage", "a page of contacts", exports=True),
                              **_errors(301, 400, 404, 503)}}},
            "/countries/{code}/events": {"get": {
                "summary": "the country's live meeting events passing the filters (of the event itself), newest "
                           "first, paged; exportable",
                "parameters": [{"name": "code", **code_param}, *_query_params(*listing)],
                "responses": {"200": _answer("EventPage", "a page of meeting events", exports=True),
                              **_errors(301, 400, 404, 503)}}},
            "/countries/{code}/timeline": {"get": {
                "summary": "the country's (or pair's, with `other`) contacts per week or month and status",
                "parameters": [{"name": "code", **code_param}, *_query_params("other", "period", *filters)],
                "responses": {"200": _answer("Timeline", "counts per period"), **_errors(301, 400, 404, 503)}}},
            "/countries/{code}/contacts/{other}": {"get": {
                "summary": "one pair: totals, its contacts (the most recent, or those passing the filters, paged) "
                           "and the most recent meetings reporting them",
                "parameters": [{"name": "code", **code_param}, {"name": "other", **code_param},
                               *_query_params(*filters, "limit", "cursor")],
                "responses": {"200": _answer("Pair", "the pair"), **_errors(301, 400, 404, 503)}}},
            "/graph": {"get": {
                "summary": "the network of contacts under the filters, and the timeline of the focused country "
                           "or pair (else of every contact): what the dashboard draws, in one call",
                "parameters": _query_params("country", "other", "period", *filters),
                "responses": {"200": _answer("Graph", "nodes, edges, kinds, timeline"), **_errors(400, 503)}}},
            "/quotes": {"get": {
                "summary": f"recent quotes from this worker's bounded store (the last {MAX_TOTAL_QUOTES} overall, "
                           f"{MAX_PER_COUNTRY_QUOTES} per speaker country), newest first, paged; exportable",
                "parameters": _query_params("country", "other", "article", "from", "to", "limit", "cursor",
                                            "format"),
                "responses": {"200": _answer("QuotePage", "a page of quotes", exports=True), **_errors(400)}}},
            "/health": {"get": {"summary": "readiness and counters (never needs the token)", "security": [{}],
                                "responses": {"200": _answer("Health", "ready"),
                                              "503": _answer("Health", "starting")}}},
            "/live": {"get": {"summary": "liveness: 200 while the event loop runs (never needs the token)",
                              "security": [{}],
                              "responses": {"200": _answer("Live", "alive"), "503": _answer("Live", "stalled")}}},
            "/metrics": {"get": {"summary": "Prometheus text format", "responses": {
                "200": {"description": "metrics", "content": {"text/plain": {"schema": text}}}, **_errors()}}},
            "/openapi.json": {"get": {"summary": "this description", "responses": {
                "200": {"description": "OpenAPI 3.1", "content": {JSON: {"schema": {"type": "object"}}}},
                **_errors()}}},
            "/": {"get": {"summary": "the dashboard page (with `?token=`: sets the token cookie, then 303 to /)",
                          "responses": {"200": {"description": "HTML", "content": {"text/html": {"schema": text}}},
                                        "303": {"description": "token accepted: the cookie is set"},
                                        **_errors()}}},
            "/static/{name}": {"get": {
                "summary": "the dashboard's script and style (nothing else on disk is served)",
                "parameters": [{"name": "name", "in": "path", "required": True,
                                "schema": {"enum": ["dashboard.js", "dashboard.css"]}}],
                "responses": {"200": {"description": "the file", "content": {
                    "text/javascript": {"schema": text}, "text/css": {"schema": text}}}, **_errors(404)}}},
            "/dashboard/events": {"get": {
                "summary": "server-sent events: the latest meetings and quotes, then each as it is published",
                "responses": {"200": {"description": "an endless event stream",
                                      "content": {"text/event-stream": {"schema": text}}},
                              **_errors(503)}}},
            "/dashboard/stats": {"get": {"summary": "connected, refused and dropped dashboard clients",
                                         "responses": {"200": _answer("DashboardStats", "counts"), **_errors()}}},
        },
        "components": {"schemas": {**base, **_schemas_more(base)},
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                                      "description": "PARLEY_API_TOKEN, when set"}}},
    }
