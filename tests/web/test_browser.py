"""The explorer in a real browser: Debian's Chromium driven by Playwright (never
Playwright's own browser download).  Search "Xiaomi", open its page, see three
negotiating partnerships, click one, land on the document with the sentence
highlighted; a screenshot of the entity page is kept for review."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.web.serving import chromium_page, served

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"


def _need_browser():
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append("Debian's chromium (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright Python package")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail("browser test cannot run under CI: missing " + ", ".join(missing))
        pytest.skip("missing " + ", ".join(missing))


@pytest.fixture(scope="module")
def server(api_db, seeds_dir):
    from warta.settings import Settings
    with served(Settings(db_url=api_db)) as url:
        yield url


def test_search_entity_partnerships_and_evidence(server):
    _need_browser()
    ARTIFACTS.mkdir(exist_ok=True)
    with chromium_page(CHROMIUM) as page:
        page.goto(server + "/")
        page.fill("#q", "Xiaomi")
        page.press("#q", "Enter")
        page.wait_for_url("**/entity/Xiaomi")
        rows = page.locator("#partners .partner-row")
        statuses = [rows.nth(i).locator("[data-status]").get_attribute("data-status") for i in range(rows.count())]
        assert statuses.count("negotiating") == 3, statuses
        assert {rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())} >= {"Brilliance Auto", "Chery", "BAIC Group"}
        shot = ARTIFACTS / "entity_xiaomi.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"screenshot: {shot}")
        rows.nth(0).locator("a.evidence-link").click()
        page.wait_for_url("**/document/**")
        mark = page.locator("mark.focus")
        assert mark.count() >= 1
        assert "berdiskusi dengan Brilliance Auto, Chery, dan Beijing Automotive Group" in mark.first.inner_text()
        assert mark.first.is_visible()
