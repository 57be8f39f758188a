"""Sources counted honestly, as an analyst checks them: an article, its syndicated copy
and a later revision of it are one source; an article written independently is another.
The fact says so in the CLI (`warta evidence`), the API (/api/facts/{id}/evidence) and
the explorer's page for the fact."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ORIGINAL, COPY = "bisnis_ibc_catl_pabrik", "syndicated_antara_ibc_catl"

# written for this test: another outlet's own report of the same deal, two days later
INDEPENDENT = """KONTAN.CO.ID  Industri
CATL dan IBC Resmi Bentuk Usaha Patungan Baterai
Reporter: Dina Mirayanti | Editor: Herlina Kartika
Rabu, 3 Juli 2024 / 10:15 WIB

KONTAN.CO.ID - JAKARTA. Indonesia Battery Corporation dan CATL resmi membentuk perusahaan patungan untuk pabrik sel baterai kendaraan listrik di Halmahera Timur.

Kedua perusahaan menandatangani perjanjian pemegang saham di Jakarta pada Selasa (2/7). Pabrik ditargetkan mulai berproduksi pada 2026.

Menurut Kementerian Investasi, proyek ini menjadi bagian dari rantai pasok baterai dari hulu hingga hilir di dalam negeri.
"""


def warta(*args):
    return subprocess.run([sys.executable, "-m", "warta", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("sources")
    (d / "kontan_ibc_catl_patungan.txt").write_text(INDEPENDENT, encoding="utf-8")
    path = d / "warta.db"
    r = warta("ingest", str(EXAMPLES / f"{ORIGINAL}.txt"), str(EXAMPLES / f"{COPY}.txt"),
              str(d / "kontan_ibc_catl_patungan.txt"), "--db", str(path))
    assert r.returncode == 0, r.stderr
    return f"sqlite:///{path}"


def _deal(db: str) -> dict:
    r = warta("facts", "--type", "PARTNERSHIP", "--entity", "CATL", "--db", db, "-f", "json")
    [fact] = [f for f in json.loads(r.stdout)["items"] if "Indonesia Battery Corporation" in f["args"]["parties"]]
    return fact


def test_a_syndicated_copy_counts_once_and_is_listed_under_its_source(db):
    fact = _deal(db)
    assert fact["sources"] == 2
    r = warta("evidence", fact["id"], "--db", db, "-f", "json")
    assert r.returncode == 0, r.stderr
    ev = json.loads(r.stdout)
    assert len(ev["evidence"]) == 3 and ev["copies"] == 1
    first, second = ev["independent_sources"]
    assert (first["doc_id"], first["site"], first["date"]) == (ORIGINAL, "Bisnis.com", "2024-07-01")
    assert "menandatangani kesepakatan usaha patungan" in first["sentence"]
    assert [(c["doc_id"], c["relation"], c["site"]) for c in first["copies"]] == [(COPY, "copy", "ANTARA")]
    assert (second["doc_id"], second["copies"]) == ("kontan_ibc_catl_patungan", [])
    table = warta("evidence", fact["id"], "--db", db).stdout
    assert "2 independent sources, 1 copy" in table
    rows = [line for line in table.splitlines() if ORIGINAL in line or COPY in line or "kontan_ibc" in line]
    assert ["source" in rows[0], "↳ copy" in rows[1], "source" in rows[2]] == [True, True, True]


def test_the_api_and_the_page_show_sources_and_copies_apart(db):
    from fastapi.testclient import TestClient

    from warta.api.app import create_app
    from warta.settings import Settings
    client = TestClient(create_app(Settings(db_url=db)))
    fact = _deal(db)
    ev = client.get(f"/api/facts/{fact['id']}/evidence").json()
    assert ev["sources"] == len(ev["independent_sources"]) == 2 and ev["copies"] == 1
    assert [[c["doc_id"] for c in g["copies"]] for g in ev["independent_sources"]] == [[COPY], []]
    schema = client.get("/openapi.json").json()
    op = schema["paths"]["/api/facts/{fact_id}/evidence"]["get"]["responses"]["200"]["content"]["application/json"]
    assert op["schema"]["$ref"].endswith("/FactEvidence")
    assert "copies" in schema["components"]["schemas"]["IndependentSource"]["properties"]
    # the model's score on the fact, in the API's list and the evidence, as the highest of its statements
    [item] = [f for f in client.get("/api/facts", params={"type": "PARTNERSHIP", "entity": "CATL"}).json()["items"]
              if f["id"] == fact["id"]]
    assert 0.0 < item["score"] <= 1.0 and item["score"] == ev["score"] == max(e["score"] for e in ev["evidence"])
    assert "score" in schema["components"]["schemas"]["FactItem"]["properties"]
    # the fact's link opens an independent source, not the copy, and lists both groups
    r = client.get(f"/fact/{fact['id']}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/document/kontan_ibc_catl_patungan?")
    page = client.get(r.headers["location"]).text
    assert 'data-sources="2" data-copies="1"' in page and "2 sumber independen · 1 salinan" in page
    panel = page[page.index('id="fact-sources"'):page.index('id="body"')]
    assert panel.index(f'class="source" data-doc="{ORIGINAL}"') < panel.index(f'data-doc="{COPY}" data-relation="copy"') \
        < panel.index('class="source" data-doc="kontan_ibc_catl_patungan"')
    assert "2 independent sources · 1 copies" in client.get(r.headers["location"].split("#")[0] + "&lang=en").text


def test_a_revision_of_the_source_counts_once_too(db, tmp_path):
    changed = (EXAMPLES / f"{ORIGINAL}.txt").read_text(encoding="utf-8").replace(
        "semester pertama 2025.", "semester kedua 2025, mundur dari rencana awal.")
    (tmp_path / f"{ORIGINAL}.txt").write_text(changed, encoding="utf-8")
    r = warta("ingest", str(tmp_path / f"{ORIGINAL}.txt"), "--db", db)
    assert r.returncode == 0 and "1 new revisions" in r.stderr, r.stderr
    fact = _deal(db)
    assert fact["sources"] == 2
    ev = json.loads(warta("evidence", fact["id"], "--db", db, "-f", "json").stdout)
    first = ev["independent_sources"][0]
    assert (first["doc_id"], first["revision"]) == (ORIGINAL, 2)     # the article as it reads now
    assert sorted((c["doc_id"], c["revision"], c["relation"]) for c in first["copies"]) == [
        (ORIGINAL, 1, "revision"), (COPY, 1, "copy")]
    assert ev["copies"] == 2
