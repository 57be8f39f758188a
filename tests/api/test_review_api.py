"""/api/review/...: every endpoint that writes refuses without the token (403 when no
token is configured, 401 without the right one) and records nothing; with it, the
judgement is recorded and every read shows it."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import EXAMPLES
from warta.api.app import create_app
from warta.settings import Settings

TOKEN = "s3cret-review-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Warta-User": "ana"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from warta.store.db import open_store
    from warta.store.ingest import ingest
    path = tmp_path_factory.mktemp("review") / "w.db"
    ingest(open_store(f"sqlite:///{path}"), [str(EXAMPLES / n) for n in (
        "okezone_grab_gojek_jajaki.txt", "detik_vinfast_subang.txt", "kompas_hyundai_lges_negosiasi.txt")])
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def api(db):
    return TestClient(create_app(Settings(db_url=db, api_token=TOKEN)))


def _grab_goto(api) -> str:
    [f] = [f for f in api.get("/api/facts", params={"entity": "Grab", "type": "PARTNERSHIP", "rejected": 1}).json()["items"]
           if "GoTo" in f["args"]["parties"]]
    return f["id"]


def _writes(fid: str) -> list[tuple[str, dict | None]]:
    return [(f"/api/review/facts/{fid}/confirm", None), (f"/api/review/facts/{fid}/reject", {"reason": "x"}),
            (f"/api/review/facts/{fid}/edit", {"set": {"status": "agreed"}}),
            ("/api/review/facts", {"type": "PARTNERSHIP", "args": {"parties": ["Grab", "VinFast"]},
                                   "doc_id": "okezone_grab_gojek_jajaki", "start": 0, "end": 20}),
            *[(f"/api/review/entities/Grab/{a}", b) for a, b in (("rename", {"name": "Grab Holdings"}), ("type", {"type": "PERSON"}),
                                                                 ("merge", {"into": "VinFast"}), ("split", {"alias": "Grab"}),
                                                                 ("parent", {"parent": "VinFast"}), ("not-entity", {"reason": "x"}),
                                                                 ("confirm", None))],
            ("/api/review/import", None)]


def test_write_endpoints_refuse_without_the_token(db, api):
    fid = _grab_goto(api)
    off = TestClient(create_app(Settings(db_url=db)))        # no WARTA_API_TOKEN: writing is off
    for path, body in _writes(fid):
        assert off.post(path, json=body, headers=AUTH).status_code == 403, path
        assert api.post(path, json=body).status_code == 401, path
        assert api.post(path, json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401, path
    assert api.get("/api/review/judgements").json() == []
    assert _grab_goto(api) in [f["id"] for f in api.get("/api/facts", params={"entity": "Grab"}).json()["items"]]
    assert "Grab" in [e["name"] for e in api.get("/api/entities", params={"q": "Grab"}).json()["items"]]


def test_with_the_token_judgements_are_made_and_shown(api):
    fid = _grab_goto(api)
    assert fid in [i["id"] for i in api.get("/api/review/queue").json()]
    r = api.post(f"/api/review/facts/{fid}/reject", json={}, headers=AUTH)
    assert r.status_code == 422 and "reason" in r.json()["error"]["message"]
    r = api.post(f"/api/review/facts/{fid}/reject", json={"reason": "only a rumour"}, headers=AUTH)
    assert r.status_code == 200 and r.json()["who"] == "ana"
    assert fid not in [f["id"] for f in api.get("/api/facts", params={"entity": "Grab"}).json()["items"]]
    shown = {f["id"]: f for f in api.get("/api/facts", params={"entity": "Grab", "rejected": 1}).json()["items"]}
    assert shown[fid]["review"] == "rejected"
    assert "GoTo" not in [p["partner"] for p in api.get("/api/entities/Grab/partners").json()["partners"]]
    assert fid not in [i["id"] for i in api.get("/api/review/queue").json()]
    [j] = api.get("/api/review/judgements", params={"target": fid}).json()
    assert j["action"] == "fact.reject" and j["reason"] == "only a rumour"
    assert '"fact.reject"' in api.get("/api/review/export").text
    assert "GoTo" not in api.get("/entity/Grab").text          # the web page hides it too
    assert "ditolak" in api.get("/entity/Grab", params={"rejected": 1}).text
    r = api.post("/api/review/entities/Grab/type", json={"type": "ANIMAL"}, headers=AUTH)
    assert r.status_code == 422 and "ORG" in r.json()["error"]["message"]
    r = api.post("/api/review/entities/Hyundai Motor Company/parent", json={"parent": "Hyundai Motor Group"}, headers=AUTH)
    assert r.status_code == 200
    assert api.get("/api/entities/Hyundai Motor Company").json()["parent"] == "Hyundai Motor Group"
    r = api.post("/api/review/import", content=b"not json\n", headers=AUTH)
    assert r.status_code == 422 and "not JSON" in r.json()["error"]["message"]
