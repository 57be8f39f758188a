"""The REST API and the HTML views as a client sees them."""
from __future__ import annotations

import pytest

from warta.api.app import create_app
from warta.settings import Settings


def test_import_does_nothing_and_the_factory_builds_an_app(tmp_path):
    app = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'lazy.db'}"))
    assert not (tmp_path / "lazy.db").exists()  # the store opens on the first request
    assert "/api/facts" in app.openapi()["paths"]


def test_health_and_openapi(client):
    assert client.get("/api/health").json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    assert {"/api/entities", "/api/facts", "/api/entities/{name}/graph", "/api/documents/{doc_id}"} <= set(spec["paths"])


def test_entity_search_with_prefixes(client):
    names = [e["name"] for e in client.get("/api/entities", params={"q": "hyun"}).json()["items"]]
    assert "Hyundai Motor Company" in names


def test_partners_merge_status_across_articles(client):
    data = client.get("/api/entities/Hyundai Motor Company/partners").json()
    [lges] = [p for p in data["partners"] if p["partner"] == "LG Energy Solution"]
    assert lges["status"] == "agreed" and [h["status"] for h in lges["status_history"]] == ["negotiating", "agreed"]


def test_facts_filters_and_bounds(client):
    facts = client.get("/api/facts", params={"type": "PARTNERSHIP", "status": "ended"}).json()["items"]
    assert facts and all(f["status"] == "ended" for f in facts)
    assert client.get("/api/facts", params={"limit": 500}).status_code == 422
    assert client.get("/api/facts", params={"since": "bukan-tanggal"}).status_code == 422


def test_evidence_and_document_spans(client):
    fact = client.get("/api/facts", params={"type": "PARTNERSHIP", "limit": 1}).json()["items"][0]
    ev = client.get(f"/api/facts/{fact['id']}/evidence").json()
    doc = client.get(f"/api/documents/{ev['evidence'][0]['document']['doc_id']}").json()
    span = next(s for s in doc["spans"] if s["fact_id"] == fact["id"])
    assert doc["body"][span["start"]:span["end"]] == ev["evidence"][0]["sentence"]


@pytest.mark.parametrize("url,code", [
    ("/api/entities/Tidak Ada Sama Sekali", 404),
    ("/api/facts/nope/evidence", 404),
    ("/api/documents/nope", 404),
    ("/api/entities?q=", 422),
    ("/api/nowhere", 404),
])
def test_every_error_has_one_shape(client, url, code):
    r = client.get(url)
    assert r.status_code == code
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]


def test_writing_is_off_without_a_token(client):
    r = client.post("/api/ingest", params={"doc_id": "x"}, content=b"JAKARTA - Berita.")
    assert r.status_code == 403 and r.json()["error"]["code"] == 403


def test_writing_needs_the_token_when_configured(api_db):
    from fastapi.testclient import TestClient
    c = TestClient(create_app(Settings(db_url=api_db, api_token="rahasia")))
    page = "JAKARTA - Toyota menandatangani kerja sama dengan PLN untuk membangun SPKLU di Jakarta.\n".encode()
    assert c.post("/api/ingest", params={"doc_id": "baru"}, content=page).status_code == 401
    r = c.post("/api/ingest", params={"doc_id": "baru"}, content=page, headers={"Authorization": "Bearer rahasia"})
    assert r.status_code == 200 and r.json()["stored"] == 1
    big = c.post("/api/ingest", params={"doc_id": "besar"}, content=b"x" * 6_000_001, headers={"Authorization": "Bearer rahasia"})
    assert big.status_code == 413


def test_pages_render_and_untrusted_text_stays_inert(client):
    entity = client.get("/entity/Hyundai Motor Company")
    assert entity.status_code == 200 and "<svg" in entity.text and "LG Energy Solution" in entity.text
    for url in ("/document/tribun_xss_startup", "/document/tribun_xss_startup?chrome=1", "/?q=siber"):
        html = client.get(url).text
        assert "<script>alert(1)</script>" not in html and "<img src=x onerror" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/document/tribun_xss_startup").text


def test_fact_link_lands_on_the_highlighted_sentence(client):
    fact = client.get("/api/facts", params={"type": "PARTNERSHIP", "limit": 1}).json()["items"][0]
    r = client.get(f"/fact/{fact['id']}", follow_redirects=False)
    assert r.status_code == 303 and f"fact={fact['id']}" in r.headers["location"]
    page = client.get(r.headers["location"]).text
    assert f'class="focus" id="f-{fact["id"]}"' in page
