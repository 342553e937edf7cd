"""The live dashboard in a real browser (Debian's headless Chromium driven by Playwright) on a real worker: an article
fed to Kafka shows as a meeting on the open page within 5 s, HTML or script in article text shows as text, the
network graph and the timeline draw the contact tables, a refresh makes at most two API calls, and a filtered view
opens from its URL. Screenshots go to bench/out/ (dashboard.png, dashboard-graph.png, dashboard-timeline.png,
dashboard-filtered.png)."""

from __future__ import annotations

import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path

import orjson
import pytest

from tests.integration.helpers import REPO, produce

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOT_COPY = REPO / "bench" / "out" / "dashboard.png"
OUT = REPO / "bench" / "out"

TALKS = {
    "id": "dash-canberra-talks",
    "url": "https://news.example/canberra-talks",
    "source": "Southern Cross Wire",
    "published": "2024-06-03",
    "title": "Neighbours talk trade",
    "text": ("CANBERRA - Australian Foreign Minister Penny Wong met Indonesian Foreign Minister Retno Marsudi in "
             "Canberra on Monday to discuss fisheries and trade, officials said."),
}
HOSTILE_EVIDENCE = "<b>to discuss</b> trade <script>document.title='pwned'</script>"
HOSTILE = {
    "id": "dash-hostile-markup",
    "url": "javascript:document.title='clicked'",
    "source": "Markup Wire",
    "published": "2024-06-04",
    "title": "<i>Talks</i> in Seoul<img src=x onerror=\"document.title='pwned'\">",
    "text": ("SEOUL - South Korean Foreign Minister Cho Tae-yul met Japanese Foreign Minister Yoko Kamikawa in "
             f"Seoul on Tuesday {HOSTILE_EVIDENCE}, officials said.\n\n"
             "\"Our partnership <img src=x onerror=alert(1)> has never been stronger,\" Cho told reporters."),
}


MORE = [
    {"id": "dash-tokyo-talks", "url": "https://news.example/tokyo-talks", "source": "Pacific Wire",
     "published": "2024-07-12", "title": "Wong in Tokyo",
     "text": ("TOKYO - Australian Foreign Minister Penny Wong met Japanese Foreign Minister Yoko Kamikawa in Tokyo "
              "on Friday to discuss security, officials said.")},
    {"id": "dash-washington-talks", "url": "https://news.example/washington-talks", "source": "Capital Wire",
     "published": "2024-05-02", "title": "Blinken hosts Kamikawa",
     "text": ("WASHINGTON - US Secretary of State Antony Blinken met Japanese Foreign Minister Yoko Kamikawa in "
              "Washington on Thursday to discuss trade, the State Department said.")},
]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh installs it with apt-get as root)")
    return path


@pytest.fixture
async def browser():
    playwright_api = pytest.importorskip("playwright.async_api", reason="the playwright package is not installed")
    executable = chromium_path()
    async with playwright_api.async_playwright() as pw:
        chrome = await pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chrome
        finally:
            await chrome.close()


async def test_fed_article_appears_live_and_markup_stays_text(start_worker, kafka_bootstrap: str, browser,
                                                             tmp_path: Path) -> None:
    worker = start_worker()
    prefix = start_worker.prefix
    with urllib.request.urlopen(worker.url + "/", timeout=5) as resp:
        csp = resp.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert resp.headers["Content-Type"].startswith("text/html")

    page = await browser.new_page(viewport={"width": 1400, "height": 1000})
    await page.goto(worker.url + "/")
    await page.wait_for_selector("#status.live", timeout=15_000)  # the event stream is open

    began = time.monotonic()
    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(TALKS)], [TALKS["id"].encode()])
    row = page.locator("#meetings tbody tr", has_text="Penny Wong")
    await row.wait_for(timeout=5_000)
    seen_after = time.monotonic() - began
    assert seen_after <= 5.0
    assert "AUS – IDN" in await row.locator("td.countries").inner_text()
    print(f"meeting on the page {seen_after:.2f} s after the article was produced")

    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(HOSTILE)], [HOSTILE["id"].encode()])
    hostile_row = page.locator("#meetings tbody tr", has_text="Cho Tae-yul")
    await hostile_row.wait_for(timeout=10_000)
    assert HOSTILE_EVIDENCE in await hostile_row.locator("td.evidence").inner_text()
    assert "<i>Talks</i> in Seoul<img" in await hostile_row.locator("td.article").inner_text()
    assert await page.locator("#meetings tbody script, #meetings tbody b, #meetings tbody img, "
                              "#meetings tbody i, #quotes img").count() == 0
    assert await hostile_row.locator("td.article a").count() == 0, "a javascript: url is not made a link"
    quote = page.locator("#quotes li", has_text="has never been stronger")
    await quote.wait_for(timeout=10_000)
    assert "<img src=x onerror=alert(1)>" in await quote.inner_text()
    assert await page.title() == "Parley: live diplomatic contacts", "no script of the article ran"

    await produce(kafka_bootstrap, f"{prefix}.articles", [orjson.dumps(a) for a in MORE],
                  [a["id"].encode() for a in MORE])

    # The network graph: countries as nodes, pairs as edges, from GET /graph.
    for pair in ("AUS|IDN", "JPN|KOR", "AUS|JPN", "JPN|USA"):
        await page.locator(f"#graph line[data-pair='{pair}']").wait_for(state="attached", timeout=20_000)
    assert await page.locator("#graph g.node[data-code='AUS'] circle").count() == 1
    await page.locator("#graph g.node[data-code='AUS']").click()  # click a country: it becomes the focus
    await page.locator("#contacts tbody tr[data-counterpart='IDN']").wait_for(timeout=10_000)
    assert "country=AUS" in page.url
    assert "Australia (AUS)" in await page.locator("#country option:checked").inner_text()
    assert await page.locator("#graph g.node.focus[data-code='AUS']").count() == 1
    await page.locator("#timeline g.period rect.held").first.wait_for(timeout=10_000)
    assert "Australia (AUS)" in await page.locator("#timeline-note").inner_text()
    OUT.mkdir(parents=True, exist_ok=True)
    await page.locator("#graph-section").screenshot(path=str(OUT / "dashboard-graph.png"))
    await page.locator("#timeline-section").screenshot(path=str(OUT / "dashboard-timeline.png"))

    # One refresh = at most two API calls, however many countries there are.
    api_calls: list[str] = []
    page.on("request", lambda request: api_calls.append(request.url))
    before = await page.evaluate("window.parleyStats.refreshes")
    await page.evaluate("window.parleyRefresh()")
    await page.wait_for_function(f"window.parleyStats.refreshes > {before}", timeout=10_000)
    paths = [u.removeprefix(worker.url).split("?")[0] for u in api_calls]
    api_paths = [p for p in paths if not p.startswith(("/static/", "/dashboard/events"))]
    print(f"API calls per dashboard refresh: {len(api_paths)} ({', '.join(api_paths)})")
    assert 1 <= len(api_paths) <= 2, api_paths

    # A page opened now starts with the latest events; the worker counts both open pages; nothing else is served.
    second = await browser.new_page()
    await second.goto(worker.url + "/")
    await second.locator("#meetings tbody tr", has_text="Retno Marsudi").wait_for(timeout=10_000)
    assert worker.get("/dashboard/stats")[1]["clients"] == 2
    await second.close()
    # A filtered view opened from its URL: the pair AUS-IDN, held contacts in 2024, per week.
    filtered = await browser.new_page(viewport={"width": 1400, "height": 1000})
    await filtered.goto(worker.url + "/?country=AUS&other=IDN&status=held&from=2024-01-01&to=2024-12-31&period=week")
    await filtered.locator("#graph-section[data-loaded='true']").wait_for(timeout=10_000)
    assert await filtered.locator("#country").input_value() == "AUS"
    assert await filtered.locator("#other").input_value() == "IDN"
    assert await filtered.locator("#status-filter").input_value() == "held"
    assert await filtered.locator("#period").input_value() == "week"
    assert await filtered.locator("#graph line.focus[data-pair='AUS|IDN']").count() == 1
    note = await filtered.locator("#timeline-note").inner_text()
    assert "Australia (AUS) – Indonesia (IDN)" in note and "week" in note
    await filtered.locator("#timeline g.period[data-period='2024-W23'] rect.held").wait_for(timeout=10_000)
    await filtered.locator("#meetings tbody tr", has_text="Retno Marsudi").wait_for(timeout=10_000)
    assert await filtered.locator("#meetings tbody tr", has_text="Yoko Kamikawa").count() == 0
    assert await filtered.locator("#meetings tbody tr", has_text="Cho Tae-yul").count() == 0
    await filtered.screenshot(path=str(OUT / "dashboard-filtered.png"), full_page=True)
    await filtered.close()

    assert status_of(worker.url + "/static/settings.py") == 404, "only the dashboard's own files are served"
    assert status_of(worker.url + "/static/dashboard.js") == 200

    shot = tmp_path / "dashboard.png"
    await page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    SCREENSHOT_COPY.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, SCREENSHOT_COPY)
    for name in ("dashboard-graph.png", "dashboard-timeline.png", "dashboard-filtered.png"):
        assert (OUT / name).stat().st_size > 5_000, name


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code
