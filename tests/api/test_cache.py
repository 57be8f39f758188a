"""Answers served from memory while the store is unchanged, recomputed once it changes."""
from __future__ import annotations

import shutil
import time

import pytest
from fastapi.testclient import TestClient

from tests.conftest import EXAMPLES
from warta.api.app import create_app
from warta.settings import Settings
from warta.store.db import open_store
from warta.store.ingest import ingest

ENTITY = "/api/entities/Hyundai Motor Company/partners"


@pytest.fixture()
def store_url(tmp_path):
    db = tmp_path / "w.db"
    ingest(open_store(f"sqlite:///{db}"), [str(EXAMPLES / "kompas_hyundai_lges_negosiasi.txt")])
    return f"sqlite:///{db}"


def _writer_adds_agreement(url: str, tmp_path) -> None:
    """Another process's write: a separate store object (its own engine and connections)."""
    from warta.store.db import Store
    page = tmp_path / "kontan.txt"
    shutil.copy(EXAMPLES / "kontan_hyundai_lges_sepakat.txt", page)
    other = Store(url)
    ingest(other, [str(page)])
    other.dispose()


def _status(resp) -> str:
    [p] = [p for p in resp.json()["partners"] if p["partner"] == "LG Energy Solution"]
    return p["status"]


def test_an_unchanged_store_answers_from_memory_and_a_write_is_seen(store_url, tmp_path):
    c = TestClient(create_app(Settings(db_url=store_url, api_cache_seconds=0)))
    first = c.get(ENTITY)
    assert first.headers["x-warta-cache"] == "miss" and _status(first) == "negotiating"
    again = c.get(ENTITY)
    assert again.headers["x-warta-cache"] == "hit" and again.content == first.content
    assert again.headers["content-security-policy"]          # the cached answer keeps its headers

    _writer_adds_agreement(store_url, tmp_path)
    after = c.get(ENTITY)
    assert after.headers["x-warta-cache"] == "miss" and _status(after) == "agreed"


def test_a_busy_store_serves_an_answer_at_most_max_stale_old(store_url, tmp_path, monkeypatch):
    import warta.api.cache as cache
    c = TestClient(create_app(Settings(db_url=store_url, api_cache_seconds=60)))
    assert _status(c.get(ENTITY)) == "negotiating"
    _writer_adds_agreement(store_url, tmp_path)
    stale = c.get(ENTITY)
    assert stale.headers["x-warta-cache"] == "stale" and _status(stale) == "negotiating"
    later = time.monotonic() + 61                      # the answer is now older than max_stale
    monkeypatch.setattr(cache, "_now", lambda: later)
    fresh = c.get(ENTITY)
    assert fresh.headers["x-warta-cache"] == "miss" and _status(fresh) == "agreed"


def test_etag_gives_304_and_errors_credentials_and_health_are_not_cached(store_url):
    c = TestClient(create_app(Settings(db_url=store_url)))
    r = c.get(ENTITY)
    etag = r.headers["etag"]
    not_modified = c.get(ENTITY, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert c.get(ENTITY, headers={"If-None-Match": 'W/"other"'}).status_code == 200

    missing = c.get("/api/entities/Tidak Ada Sama Sekali")
    assert missing.status_code == 404
    assert c.get("/api/entities/Tidak Ada Sama Sekali").headers["x-warta-cache"] == "miss"
    assert "x-warta-cache" not in c.get(ENTITY, headers={"Authorization": "Bearer t"}).headers
    assert "x-warta-cache" not in c.get("/api/health").headers
