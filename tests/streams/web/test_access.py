"""The web server's access rules and error shape on the worker's real routes (a Faust app with every area's views,
served by aiohttp's test server, no broker): JSON errors for unknown paths and methods, the bearer token, CORS,
the loopback bind rule; and the OpenAPI document lists exactly the routes the server has."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import faust
import pytest
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from streams.ops import metrics
from streams.settings import Settings
from streams.tables.fold import ContactTables
from streams.web import access, api, dashboard

TOKEN = "s3cret-token"


class Replica:
    caught_up = True
    tables = ContactTables()


def worker_app(settings: Settings, tmp: Path) -> faust.App:
    app = faust.App(f"t-access-{id(settings)}", broker="kafka://127.0.0.1:1", web_port=6099, datadir=str(tmp))
    api.install(app, Replica())
    dashboard.install(app, settings)
    metrics.install(app, settings)

    @app.page("/health")
    async def health(web: Any, request: Any) -> Any:
        return web.json({"status": "ready"})

    access.install(app, settings)
    return app


@pytest.fixture
async def client_for(tmp_path: Path) -> AsyncIterator[Any]:
    clients: list[TestClient] = []

    async def make(**settings: Any) -> TestClient:
        app = worker_app(Settings(**settings), tmp_path)
        client = TestClient(TestServer(app.web.web_app))
        await client.start_server()
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.close()


def test_the_openapi_document_lists_every_route_the_server_has(tmp_path: Path) -> None:
    app = worker_app(Settings(), tmp_path)
    served = {r.resource.canonical for r in app.web.web_app.router.routes()}
    assert served - {"/countries/{code}/{rest}"} == set(api.openapi()["paths"])  # {rest}: the JSON 404 catch-all


async def test_unknown_paths_and_methods_are_json_errors(client_for: Any) -> None:
    client = await client_for()
    for method, path, status in [("GET", "/nope", 404), ("GET", "/countries/DEU/nothing", 404),
                                 ("POST", "/countries", 405), ("DELETE", "/quotes", 405), ("PUT", "/", 405),
                                 ("GET", "/static/settings.py", 404), ("GET", "/countries/1234", 400),
                                 ("GET", "/graph?from=tomorrow", 400)]:
        response = await client.request(method, path)
        assert response.status == status, (method, path)
        assert response.content_type == "application/json"
        body = await response.json()
        assert set(body) == {"error", "status"} and body["status"] == status
    assert (await client.get("/quotes")).status == 200
    assert (await client.get("/graph")).status == 200


async def test_a_token_guards_every_route_but_health_and_live(client_for: Any) -> None:
    client = await client_for(api_token=SecretStr(TOKEN))
    for path in ("/", "/countries", "/quotes", "/graph", "/openapi.json", "/metrics", "/dashboard/stats",
                 "/static/dashboard.js"):
        response = await client.get(path)
        assert response.status == 401, path
        assert response.headers["WWW-Authenticate"] == "Bearer"
        assert (await response.json())["status"] == 401
        assert (await client.get(path, headers={"Authorization": "Bearer wrong"})).status == 401
        assert (await client.get(path, headers={"Authorization": f"Bearer {TOKEN}"})).status == 200, path
    assert (await client.get("/health")).status == 200
    assert (await client.get("/live")).status == 200


async def test_a_browser_logs_in_once_with_the_token_in_the_url(client_for: Any) -> None:
    client = await client_for(api_token=SecretStr(TOKEN))
    assert (await client.get("/?token=wrong", allow_redirects=False)).status == 401
    response = await client.get(f"/?token={TOKEN}&country=AUS", allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/?country=AUS"
    cookie = response.cookies[access.COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert (await client.get("/countries")).status == 200, "the cookie jar now carries the token"


async def test_cors_answers_only_the_listed_origins(client_for: Any) -> None:
    client = await client_for(cors_origins="https://ok.example, https://also.example/")
    ok = await client.get("/countries", headers={"Origin": "https://ok.example"})
    assert ok.headers["Access-Control-Allow-Origin"] == "https://ok.example"
    other = await client.get("/countries", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = await client.options("/countries", headers={"Origin": "https://also.example",
                                                            "Access-Control-Request-Method": "GET"})
    assert preflight.status == 204 and preflight.headers["Access-Control-Allow-Origin"] == "https://also.example"
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    error = await client.get("/nope", headers={"Origin": "https://ok.example"})
    assert error.status == 404 and error.headers["Access-Control-Allow-Origin"] == "https://ok.example"


@pytest.mark.parametrize(("host", "token", "allow", "refused"), [
    ("127.0.0.1", None, False, False), ("127.0.0.2", None, False, False), ("::1", None, False, False),
    ("localhost", None, False, False), ("0.0.0.0", None, False, True), ("10.1.2.3", None, False, True),
    ("worker-1", None, False, True), ("::", None, False, True), ("0.0.0.0", TOKEN, False, False),
    ("10.1.2.3", None, True, False),
])
def test_binding_beyond_loopback_needs_a_token_or_an_explicit_setting(host: str, token: str | None, allow: bool,
                                                                      refused: bool) -> None:
    settings = Settings(web_host=host, api_token=SecretStr(token) if token else None, allow_open_bind=allow)
    if refused:
        with pytest.raises(access.UnsafeBind) as caught:
            access.check_bind(settings)
        assert "PARLEY_ALLOW_OPEN_BIND" in str(caught.value) and caught.value.code == 2
    else:
        access.check_bind(settings)
