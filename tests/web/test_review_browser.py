"""The review page in a real browser (Debian's Chromium through Playwright): give the
token, confirm the costliest item with `c`, move with `k`/`j`, reject the next with
`x` and a reason; the store holds both judgements and the entity page shows them;
a fact confirmed with its button on the entity page is marked there."""
from __future__ import annotations

import json
import urllib.request

import pytest

from tests.conftest import EXAMPLES
from tests.web.serving import chromium_page, served
from tests.web.test_browser import ARTIFACTS, CHROMIUM, _need_browser

TOKEN = "browser-review-token"


@pytest.fixture(scope="module")
def review_server(tmp_path_factory):
    from warta.settings import Settings
    from warta.store.db import open_store
    from warta.store.ingest import ingest
    db = tmp_path_factory.mktemp("review-web") / "w.db"
    ingest(open_store(f"sqlite:///{db}"), [str(EXAMPLES / n) for n in (
        "okezone_grab_gojek_jajaki.txt", "kompas_hyundai_lges_negosiasi.txt", "kontan_hyundai_lges_sepakat.txt")])
    with served(Settings(db_url=f"sqlite:///{db}", api_token=TOKEN)) as url:
        yield url


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


def test_review_page_by_keyboard_and_buttons(review_server):
    _need_browser()
    ARTIFACTS.mkdir(exist_ok=True)
    with chromium_page(CHROMIUM) as page:
        page.goto(review_server + "/review")
        items = page.locator("#queue .q-item")
        assert items.count() >= 3
        first, second = (items.nth(i).get_attribute("data-id") for i in (0, 1))
        kinds = [items.nth(i).get_attribute("data-kind") for i in (0, 1)]
        assert "current" in items.nth(0).get_attribute("class")
        page.fill("#token", TOKEN)
        page.fill("#reason", "the sources only speculate")
        page.press("#reason", "Escape")           # out of the field: keys now drive the queue
        page.keyboard.press("c")
        page.wait_for_selector(f'.q-item[data-id="{first}"][data-review="confirmed"]')
        assert "current" in items.nth(1).get_attribute("class")     # moved on by itself
        page.keyboard.press("k")
        assert "current" in items.nth(0).get_attribute("class")
        page.keyboard.press("j")
        page.keyboard.press("x")
        page.wait_for_selector(f'.q-item[data-id="{second}"][data-review="rejected"]')
        page.screenshot(path=str(ARTIFACTS / "review_queue.png"), full_page=True)
        made = {(j["target"], j["action"]): j for j in _get(review_server + "/api/review/judgements")}
        want = {"fact": ("fact.confirm", "fact.reject"), "entity": ("entity.confirm", "entity.not_entity")}
        assert (first, want[kinds[0]][0]) in made
        assert made[(second, want[kinds[1]][1])]["reason"] == "the sources only speculate"
        if kinds[1] == "fact":
            listed = [f["id"] for f in _get(review_server + "/api/facts?limit=200")["items"]]
            assert second not in listed
        # a button on the entity page
        page.goto(review_server + "/entity/Hyundai%20Motor%20Company")
        row = page.locator("#partners .partner-row").first
        row.locator('button[data-act="confirm"]').click()
        page.wait_for_selector('#partners .partner-row[data-review="confirmed"]')
        page.reload()
        assert page.locator("#partners .partner-row").first.locator(".tag.confirmed").count() == 1
