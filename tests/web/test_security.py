"""Issue 19: a stored url is a link only when it is http(s); every page carries the security headers."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from warta.api.app import create_app
from warta.settings import Settings
from warta.web.views import web_link

BODY = ("JAKARTA - PT Contoh Jaya menandatangani kerja sama dengan Mitra Energi untuk membangun pabrik baterai "
        "di Batang, Jawa Tengah, kata Direktur Utama Budi Santoso pada Senin.")
URLS = {"js": "javascript:alert(document.cookie)", "data": "data:text/html,<script>alert(1)</script>",
        "mixed": " JaVaScRiPt:alert(1)", "ok": "https://news.example/contoh-jaya"}


@pytest.mark.parametrize("url, ok", [(u, k == "ok") for k, u in URLS.items()] + [("http://a.b/c", True), ("//a.b", False),
                                                                                  ("vbscript:x", False), (None, False)])
def test_only_http_urls_become_links(url, ok):
    assert (web_link(url) is not None) == ok


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from warta.store.db import open_store
    from warta.store.ingest import ingest
    d = tmp_path_factory.mktemp("links")
    src = d / "pages.jsonl"
    src.write_text("".join(json.dumps({"id": f"doc-{k}", "url": u, "text": BODY.replace("Contoh", f"Contoh{k}")}) + "\n"
                           for k, u in URLS.items()), encoding="utf-8")
    ingest(open_store(f"sqlite:///{d / 'w.db'}"), [str(src)])
    return TestClient(create_app(Settings(db_url=f"sqlite:///{d / 'w.db'}")))


@pytest.mark.parametrize("key", ["js", "data", "mixed"])
def test_a_javascript_or_data_url_is_shown_as_text_not_a_link(client, key):
    page = client.get(f"/document/doc-{key}")
    assert page.status_code == 200
    assert 'href="javascript' not in page.text.lower() and 'href="data:' not in page.text.lower()
    assert ">sumber</a>" not in page.text


def test_an_https_url_stays_a_link(client):
    assert 'href="https://news.example/contoh-jaya"' in client.get("/document/doc-ok").text


def test_every_response_carries_the_security_headers(client):
    for url in ("/", "/document/doc-ok", "/api/health", "/api/nothing-here"):
        h = client.get(url).headers
        assert "frame-ancestors 'none'" in h["content-security-policy"], url
        assert h["x-frame-options"] == "DENY" and h["x-content-type-options"] == "nosniff", url


@pytest.mark.parametrize("url", ["/api/entities?q=hyun%00dai", "/api/search?q=%00", "/api/entities/Hyun%00dai",
                                 "/entity/a%00b"])
def test_a_nul_byte_is_a_client_error_and_the_connection_goes_on(client, url):
    r = client.get(url)
    assert r.status_code == 400 and "NUL" in r.json()["error"]["message"]
    assert client.get("/api/health").status_code == 200


def test_an_overlong_name_is_refused_not_a_crash(client):
    r = client.get("/api/entities/" + "x" * 50_000)
    assert r.status_code == 414
    assert client.get("/api/entities/" + "x" * 500).status_code == 404


def _writer(api_db, **kw):
    from fastapi.testclient import TestClient

    from warta.api.app import create_app
    from warta.settings import Settings
    return TestClient(create_app(Settings(db_url=api_db, api_token="rahasia", **kw)))


def test_a_chunked_body_past_the_limit_is_refused_like_a_declared_one(api_db):
    from warta.api.app import MAX_BODY
    c = _writer(api_db)
    auth = {"Authorization": "Bearer rahasia", "Content-Type": "text/plain"}

    def chunks(total, size=1 << 20):
        sent = 0
        while sent < total:
            yield b"x" * min(size, total - sent)
            sent += size
    r = c.post("/api/ingest?doc_id=besar", content=chunks(MAX_BODY + 2_000_000), headers=auth)
    assert "content-length" not in {k.lower() for k in r.request.headers}      # sent chunked, no length declared
    assert r.status_code == 413 and "over" in r.json()["error"]["message"]
    assert c.get("/api/health").status_code == 200


def test_cors_is_off_unless_origins_are_configured(api_db, client):
    hdr = {"Origin": "https://evil.example"}
    assert "access-control-allow-origin" not in client.get("/api/health", headers=hdr).headers
    c = _writer(api_db, cors_origins=("https://analis.example",))
    assert c.get("/api/health", headers={"Origin": "https://analis.example"}).headers["access-control-allow-origin"] \
        == "https://analis.example"
    assert "access-control-allow-origin" not in c.get("/api/health", headers=hdr).headers
