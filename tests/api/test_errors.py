"""Errors as a client sees them: the API in its JSON shape, the explorer's pages as
HTML; a blank name is no entity; an ingest does not hold up other requests."""
from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from warta.api.app import create_app
from warta.settings import Settings


@pytest.mark.parametrize("url", ["/api/entities/%20", "/api/entities/%20/partners", "/api/entities/%20%20/graph"])
def test_a_blank_entity_name_is_not_found(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert r.json()["error"]["code"] == 404


@pytest.mark.parametrize("url", ["/entity/Tidak%20Ada%20Sama%20Sekali", "/document/nope", "/nowhere"])
def test_a_missing_page_answers_an_html_page(client, url):
    r = client.get(url, headers={"Accept": "text/html"})
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "<h1>404</h1>" in r.text and 'href="/"' in r.text


def test_the_api_still_answers_json_for_a_missing_thing(client):
    r = client.get("/api/documents/nope", headers={"Accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")


def test_an_ingest_does_not_block_other_requests(api_db, monkeypatch):
    from warta.store import ingest as store_ingest
    started, release, finished = threading.Event(), threading.Event(), threading.Event()

    def slow_ingest(store, paths, **kw):
        started.set()
        release.wait(20)          # blocking work, as the NLP is
        finished.set()
        return store_ingest.IngestReport(stored=1)
    monkeypatch.setattr(store_ingest, "ingest", slow_ingest)
    auth = {"Authorization": "Bearer rahasia", "Content-Type": "text/plain"}
    with TestClient(create_app(Settings(db_url=api_db, api_token="rahasia"))) as c:
        result: dict = {}
        t = threading.Thread(target=lambda: result.update(r=c.post("/api/ingest?doc_id=lambat", content=b"x",
                                                                   headers=auth)))
        t.start()
        assert started.wait(20)
        health = c.get("/api/health")
        answered_during_ingest = not finished.is_set()
        release.set()
        t.join(30)
    assert health.status_code == 200
    assert answered_during_ingest, "the health check waited for the ingest to finish"
    assert result["r"].status_code == 200 and result["r"].json()["stored"] == 1
