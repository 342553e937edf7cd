"""The live dashboard in a real browser (Debian's headless Chromium driven by Playwright) on a real worker: an article
fed to Kafka shows as a meeting on the open page within 5 s, and HTML or script in article text shows as text."""

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

    await page.select_option("#country", "AUS")
    await page.locator("#contacts tbody tr[data-counterpart='IDN']").wait_for(timeout=10_000)
    for pair in ("AUS|IDN", "IDN|AUS", "JPN|KOR", "KOR|JPN"):  # who met whom, both ways
        await page.locator(f"#matrix td[data-pair='{pair}']", has_text="1").wait_for(timeout=10_000)
    assert await page.locator("#matrix td[data-pair='AUS|KOR']").inner_text() == "0"

    # A page opened now starts with the latest events; the worker counts both open pages; nothing else is served.
    second = await browser.new_page()
    await second.goto(worker.url + "/")
    await second.locator("#meetings tbody tr", has_text="Penny Wong").wait_for(timeout=10_000)
    assert worker.get("/dashboard/stats")[1]["clients"] == 2
    await second.close()
    assert status_of(worker.url + "/static/settings.py") == 404, "only the dashboard's own files are served"
    assert status_of(worker.url + "/static/dashboard.js") == 200

    shot = tmp_path / "dashboard.png"
    await page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    SCREENSHOT_COPY.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, SCREENSHOT_COPY)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code
