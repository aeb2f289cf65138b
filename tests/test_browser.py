"""The pages people look at, in a real browser: headless Chromium (Debian's
package) against `icadb serve` on 127.0.0.1. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, free_port
from tests.test_serve import wait_for

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = os.environ.get("ICADB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a sandboxed machine: no GPU, and no background calls to the outside world.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "icadb", "serve", "--db", str(built_db), "--port", str(port)],
                            cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/-/versions.json")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's chromium (apt-get install chromium) "
                    "or set ICADB_CHROMIUM to a Chromium binary")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def visit(browser, url: str, name: str, wait_for_selector: str | None = None):
    """Open *url*, wait for it to settle, save a screenshot; return the page and
    the console errors that did not come from blocked map tiles."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url}: HTTP {response and response.status}"
    if wait_for_selector:
        page.wait_for_selector(wait_for_selector, timeout=15000)
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)
    # Map tiles come from the internet, which tests must not need: their failures are expected.
    real_errors = [e for e in errors if "tile" not in e.lower() and "net::ERR" not in e]
    return page, real_errors


def test_home_page_lists_the_database(browser, server):
    page, errors = visit(browser, server + "/", "home")
    text = page.inner_text("body")
    assert "icadb — India–Central Asia security cooperation" in text
    assert "timeline" in text and "evidence_trail" in text
    assert errors == []


def test_timeline_with_facets(browser, server):
    page, errors = visit(browser, server + "/icadb/timeline", "timeline", wait_for_selector="table.rows-and-columns")
    text = page.inner_text("body")
    assert "One row per record" in text
    for facet in ("kind", "status", "countries"):
        assert page.locator(f".facet-info[data-column='{facet}']").count() == 1, f"facet {facet} missing"
    assert page.locator("table.rows-and-columns tbody tr").count() > 10
    assert "Second India–Central Asia meeting of security officials" in text
    fold = page.locator("details.column-descriptions-fold")
    assert fold.count() == 1 and "What each column means" in fold.inner_text()
    assert fold.get_attribute("open") is None, "the column descriptions start folded"
    assert errors == []


def test_canned_query_country_between_dates(browser, server):
    url = server + "/icadb/country_between_dates?iso3=KAZ&start=2021-01-01&end=2023-12-31"
    page, errors = visit(browser, url, "canned-query", wait_for_selector="table.rows-and-columns")
    text = page.inner_text("body")
    assert "Everything involving a country between two dates" in text
    assert page.locator("table.rows-and-columns tbody tr").count() > 3
    assert errors == []


def test_map_page_draws_markers(browser, server):
    page, errors = visit(browser, server + "/icadb/map", "map", wait_for_selector=".leaflet-container")
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster", timeout=15000)
    assert page.locator(".leaflet-marker-icon, .marker-cluster").count() > 0
    assert "Map of meetings and exercises" in page.inner_text("body")
    assert errors == []


def test_dashboard_draws_its_charts(browser, server):
    page, errors = visit(browser, server + "/-/dashboards/overview", "dashboard", wait_for_selector=".vega-embed")
    page.wait_for_selector(".vega-embed canvas, .vega-embed svg", timeout=15000)
    assert page.locator(".vega-embed").count() >= 4
    boxes = [page.locator(f"#card-{chart}").bounding_box() for chart in ("by-year", "by-country")]
    assert all(boxes) and boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"], "charts must not overlap"
    assert "icadb overview" in page.inner_text("body")
    assert errors == []
