"""The explorer an analyst opens every morning, in a real browser (Debian's Chromium
driven by Playwright): the market map and its network, browsing facts with facets and
pages, a company's timeline down to the article behind a step, the language switch,
the watch page and its feed, and /docs with every request off the machine refused.
Screenshots go to the test's temporary folder; their paths are printed."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import EXAMPLES
from tests.web.serving import ARGS, served
from tests.web.test_browser import CHROMIUM, _need_browser


@pytest.fixture(scope="module")
def market_db(tmp_path_factory):
    """The bundled examples, as `make run` ingests them, with Hyundai on the watch list."""
    from warta.store import watch
    from warta.store.db import open_store
    from warta.store.ingest import ingest
    db = tmp_path_factory.mktemp("market") / "warta.db"
    store = open_store(f"sqlite:///{db}")
    ingest(store, [str(EXAMPLES)])
    with store.session() as s:
        watch.add(s, "Hyundai Motor Company")
    return f"sqlite:///{db}"


@pytest.fixture(scope="module")
def server(market_db):
    from warta.settings import Settings
    with served(Settings(db_url=market_db)) as url:
        yield url


@pytest.fixture
def page(server, tmp_path):
    _need_browser()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            ctx = browser.new_context(viewport={"width": 1280, "height": 1000})
            pg = ctx.new_page()
            errors: list[str] = []
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.errors = errors
            yield pg
            assert not errors, errors
        finally:
            browser.close()


def shot(page, tmp_path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")


def test_home_is_a_market_map_with_an_interactive_network(server, page, tmp_path):
    page.goto(server + "/")
    events = page.locator("#events .event")
    assert events.count() >= 5
    change = page.locator('#events .event[data-kind="change"]', has_text="LG Energy Solution")
    assert change.count() == 1
    text = change.inner_text()
    assert "2025-01-16" in text and "bernegosiasi" in text and "sepakat" in text and "KONTAN.CO.ID" in text
    assert page.locator("#active .active-row").count() >= 2
    assert page.locator('#by-type .kpi[data-type="PARTNERSHIP"] b').inner_text().isdigit()
    page.wait_for_selector("#market-network[data-ready]")
    svg = page.locator("#market-network")
    nodes_before, edges_before = svg.locator("circle").count(), svg.locator("line").count()
    assert nodes_before >= 10 and edges_before >= 8
    shot(page, tmp_path, "home")
    # filter by status: unticking 'agreed' removes its edges and the nodes left alone
    agreed = svg.locator('line[data-status="agreed"]').count()
    assert agreed >= 3
    page.locator('#net-status input[value="agreed"]').uncheck()
    assert svg.locator('line[data-status="agreed"]').count() == 0
    assert svg.locator("line").count() == edges_before - agreed
    assert svg.locator("circle").count() < nodes_before
    page.locator('#net-status input[value="agreed"]').check()
    # by sector and by date
    page.select_option("#net-sector", "battery")
    sectors = {svg.locator("line").nth(i).get_attribute("data-sector") for i in range(svg.locator("line").count())}
    assert sectors == {"battery"}
    page.select_option("#net-sector", "")
    page.fill("#net-since", "2025-01-01")
    page.dispatch_event("#net-since", "change")
    assert 0 < svg.locator("line").count() < edges_before
    page.fill("#net-since", "")
    page.dispatch_event("#net-since", "change")
    page.select_option("#net-country", "KR")
    assert {svg.locator("circle").nth(i).get_attribute("data-name") for i in range(svg.locator("circle").count())} >= {
        "Hyundai Motor Company", "LG Energy Solution"}
    page.select_option("#net-country", "")
    # zoom and pan change the view
    z0 = float(svg.get_attribute("data-zoom"))
    page.click("#net-zoom-in")
    assert float(svg.get_attribute("data-zoom")) > z0
    t0 = page.locator("#net-root").get_attribute("transform")
    box = svg.bounding_box()
    page.mouse.move(box["x"] + 8, box["y"] + 8)
    page.mouse.down()
    page.mouse.move(box["x"] + 120, box["y"] + 90, steps=5)
    page.mouse.up()
    assert page.locator("#net-root").get_attribute("transform") != t0
    shot(page, tmp_path, "home_network_zoomed")
    # a node opens its company
    page.locator('#market-network circle[data-name="PLN"]').click()
    page.wait_for_url("**/entity/PLN")


def test_browse_facts_with_facets_pages_and_downloads(server, page, tmp_path):
    page.goto(server + "/facts")
    total_all = int(page.inner_text("#total"))
    page.locator('.facet[data-facet="type"] a[data-value="PARTNERSHIP"]').click()
    page.wait_for_url("**/facts?type=PARTNERSHIP")
    total = int(page.inner_text("#total"))
    assert 0 < total < total_all
    rows = page.locator("#results .fact-row")
    assert {rows.nth(i).get_attribute("data-type") for i in range(rows.count())} == {"PARTNERSHIP"}
    page.locator('.facet[data-facet="status"] a[data-value="agreed"]').click()
    rows = page.locator("#results .fact-row")
    assert rows.count() == int(page.inner_text("#total")) and \
        {rows.nth(i).get_attribute("data-status") for i in range(rows.count())} == {"agreed"}
    shot(page, tmp_path, "facts_partnership_agreed")
    # .json and .csv of the very view
    body = page.request.get(server + page.get_attribute("#json-link", "href")).json()
    assert body["total"] == rows.count() and {f["status"] for f in body["items"]} == {"agreed"}
    csv_text = page.request.get(server + page.get_attribute("#csv-link", "href")).text()
    assert len(csv_text.strip().splitlines()) == rows.count() + 1
    # pages of five walk through all of them
    page.goto(server + "/facts?type=PARTNERSHIP&limit=5")
    seen = []
    while True:
        r = page.locator("#results .fact-row")
        seen += [r.nth(i).locator("a").first.get_attribute("href") for i in range(r.count())]
        if page.locator("#next").count() == 0:
            break
        page.click("#next")
    assert len(seen) == len(set(seen)) == total
    # a bad date is named on the page, not a crash
    page.goto(server + "/facts?since=yesterday")
    assert "is not a date" in page.inner_text("#filter-error")


def test_browse_entities_and_articles(server, page, tmp_path):
    page.goto(server + "/entities?type=ORG&country=KR")
    names = page.locator("#results .entity-row td:first-child a").all_inner_texts()
    assert {"Hyundai Motor Company", "LG Energy Solution"} <= set(names)
    page.goto(server + "/entities")
    page.locator("a.sort", has_text="name").click()
    names = page.locator("#results .entity-row td:first-child a").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    shot(page, tmp_path, "entities_by_name")
    page.goto(server + "/documents")
    page.locator('.facet[data-facet="language"] a[data-value="en"]').click()
    assert parse_qs(urlsplit(page.url).query)["language"] == ["en"]
    assert page.locator("#results .document-row").count() == int(page.inner_text("#total")) >= 1
    shot(page, tmp_path, "documents_en")
    page.locator("#results .document-row a").first.click()
    page.wait_for_url("**/document/**")


def test_company_timeline_step_opens_its_own_article(server, page, tmp_path):
    page.goto(server + "/entity/Hyundai Motor Company")
    rel = page.locator("#timeline .rel[data-type=PARTNERSHIP]", has_text="LG Energy Solution")
    steps = rel.locator(".step")
    assert [steps.nth(i).get_attribute("data-status") for i in range(steps.count())] == ["negotiating", "agreed"]
    first, second = steps.nth(0).inner_text(), steps.nth(1).inner_text()
    assert first.startswith("2024-03-12") and "KOMPAS.com" in first and "LG Energy Solution" in first
    assert second.startswith("2025-01-16") and "KONTAN.CO.ID" in second
    page.wait_for_selector("#market-network[data-ready]")       # its own deals as an interactive network
    assert set(page.locator("#market-network circle").evaluate_all("cs => cs.map(c => c.dataset.name)")) == {
        "Hyundai Motor Company", "LG Energy Solution"}
    shot(page, tmp_path, "entity_hyundai_timeline")
    steps.nth(0).locator("a.step-link").click()
    page.wait_for_url("**/document/kompas_hyundai_lges_negosiasi**")
    assert page.locator("mark.focus").count() >= 1
    # the partner row's evidence link shows the article of the status it shows (agreed: Kontan)
    page.goto(server + "/entity/Hyundai Motor Company")
    page.locator("#partners .partner-row", has_text="LG Energy Solution").locator("a.evidence-link").click()
    page.wait_for_url("**/document/kontan_hyundai_lges_sepakat**")


def test_language_switch_relabels_statuses_and_types(server, page, tmp_path):
    page.goto(server + "/entity/Hyundai Motor Company")
    row = page.locator("#partners .partner-row", has_text="LG Energy Solution")
    assert row.locator("[data-status]").inner_text() == "sepakat"
    page.click("#lang-switch")
    page.wait_for_url("**/entity/Hyundai**")
    row = page.locator("#partners .partner-row", has_text="LG Energy Solution")
    assert row.locator("[data-status]").inner_text() == "agreed"
    assert row.locator("[data-status]").get_attribute("data-status") == "agreed"   # the code stays
    page.goto(server + "/")                                                       # the choice is kept
    assert "Latest deals and status changes" in page.inner_text("#events h2")
    assert "Partnership" in page.inner_text("#by-type")
    shot(page, tmp_path, "home_english")
    page.click("#lang-switch")
    assert "Kemitraan" in page.inner_text("#by-type")


def test_watch_page_and_its_atom_feed(server, page, tmp_path):
    page.goto(server + "/watch?since=2024-01-01")
    assert "Hyundai Motor Company" in page.inner_text("#watched")
    news = page.locator("#news .event")
    assert news.count() >= 2 and "LG Energy Solution" in page.inner_text("#news")
    shot(page, tmp_path, "watch")
    feed = ET.fromstring(page.request.get(server + page.get_attribute("#watch-feed", "href")).body())
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.find(f"{atom}title").text for e in feed.findall(f"{atom}entry")]
    assert any("LG Energy Solution" in t for t in titles)


def test_docs_work_offline(server, page, tmp_path):
    refused = []

    def only_local(route):
        if route.request.url.startswith(server):
            return route.continue_()
        refused.append(route.request.url)
        return route.abort()
    page.route("**/*", only_local)
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=20000)
    assert "Warta" in page.inner_text(".swagger-ui .info .title")
    page.wait_for_selector(".opblock-summary-path", timeout=20000)
    assert "/api/facts" in page.inner_text(".swagger-ui")
    shot(page, tmp_path, "docs_offline")
    assert refused == []
