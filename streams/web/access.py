"""Who may use the worker's web server, and one JSON shape for every error it gives.

- **Errors**: every 4xx/5xx of every route, including aiohttp's own 404 (unknown path) and 405 (wrong method), is
  `{"error": "...", "status": N}` as JSON; the server is read-only, so any method but GET and OPTIONS is 405 (HEAD
  too, but on the dashboard's routes, which aiohttp answers for HEAD as for GET).
- **Token** (PARLEY_API_TOKEN): when set, every route but /health and /live (the orchestrator's probes) needs
  `Authorization: Bearer <token>`; a browser opens the dashboard once as `/?token=<token>`, which sets an
  HttpOnly, SameSite=Strict cookie (an EventSource cannot send headers) and redirects to the same page without it.
- **CORS** (PARLEY_CORS_ORIGINS): only the listed origins get `Access-Control-Allow-Origin`; preflights answer 204.
- **Bind**: a worker refuses to start on an address beyond loopback without a token, unless PARLEY_ALLOW_OPEN_BIND
  says a network boundary (a pod network behind ClusterIP Services, a container's port mapping) protects it.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

import faust
import orjson
from aiohttp import web

from streams.cli.errors import UserError
from streams.settings import Settings

log = logging.getLogger("parley.access")

OPEN_PATHS = frozenset({"/health", "/live"})
METHODS = ("GET", "HEAD", "OPTIONS")
COOKIE = "parley_token"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class UnsafeBind(UserError):
    """PARLEY_WEB_HOST is beyond loopback, with no token and no explicit permission."""

    def __init__(self, host: str) -> None:
        super().__init__(f"refusing to bind {host!r} beyond loopback without PARLEY_API_TOKEN: set a token, or "
                         "PARLEY_ALLOW_OPEN_BIND=true when a network boundary protects the port", 2)


def loopback(host: str) -> bool:
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(settings: Settings) -> None:
    if not loopback(settings.web_host) and settings.api_token is None and not settings.allow_open_bind:
        raise UnsafeBind(settings.web_host)


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(body=orjson.dumps({"error": message, "status": status}), status=status,
                        content_type="application/json", headers=headers)


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.cookies.get(COOKIE)


def _same(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def middlewares(settings: Settings) -> list[Callable[..., Awaitable[web.StreamResponse]]]:
    token = settings.api_token.get_secret_value() if settings.api_token is not None else None
    origins = frozenset(settings.cors_origin_list)

    @web.middleware
    async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            if exc.status == 404:
                return error_response(404, f"no such path: {request.path} (GET /openapi.json lists them)")
            if exc.status == 405:
                return error_response(405, f"method {request.method} not allowed: the API is read-only, use GET",
                                      {"Allow": "GET"})
            return error_response(exc.status, exc.reason or "error")
        except Exception:
            log.exception("web request %s %s failed", request.method, request.path)
            return error_response(500, "internal error")
        return response

    @web.middleware
    async def cors(request: web.Request, handler: Handler) -> web.StreamResponse:
        origin = request.headers.get("Origin")
        allowed = origin is not None and origin.rstrip("/") in origins
        if request.method == "OPTIONS":
            headers = {"Allow": ", ".join(METHODS)}
            if allowed and request.headers.get("Access-Control-Request-Method"):
                headers |= {"Access-Control-Allow-Origin": origin or "", "Vary": "Origin",
                            "Access-Control-Allow-Methods": "GET, HEAD",
                            "Access-Control-Allow-Headers": "Authorization, Accept",
                            "Access-Control-Max-Age": "600"}
            return web.Response(status=204, headers=headers)
        response = await handler(request)
        if allowed and not response.prepared:
            response.headers["Access-Control-Allow-Origin"] = origin or ""
            response.headers["Access-Control-Expose-Headers"] = "X-Next-Cursor, Location"
            response.headers.add("Vary", "Origin")
        return response

    @web.middleware
    async def read_only(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.method not in METHODS:
            return error_response(405, f"method {request.method} not allowed: the API is read-only, use GET",
                                  {"Allow": "GET"})
        return await handler(request)

    @web.middleware
    async def bearer(request: web.Request, handler: Handler) -> web.StreamResponse:
        if token is None or request.path in OPEN_PATHS:
            return await handler(request)
        if request.path == "/" and "token" in request.query:
            if not _same(request.query.get("token"), token):
                return error_response(401, "wrong token", {"WWW-Authenticate": "Bearer"})
            rest = [(k, v) for k, v in request.query.items() if k != "token"]
            response = web.HTTPSeeOther("/" + ("?" + urlencode(rest) if rest else ""))
            response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/",
                                secure=request.secure)
            raise response
        if not _same(_bearer(request), token):
            return error_response(401, "a bearer token is required (Authorization: Bearer ...)",
                                  {"WWW-Authenticate": "Bearer"})
        return await handler(request)

    return [cors, json_errors, read_only, bearer]  # outermost first: CORS headers reach the error answers too


def install(app: faust.App, settings: Settings) -> None:
    """Called once by streams.app.create_app, before the web server starts (aiohttp freezes its middlewares then)."""
    web_app = app.web.web_app  # type: ignore[attr-defined]
    web_app.middlewares.extend(middlewares(settings))
