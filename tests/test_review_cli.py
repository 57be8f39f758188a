"""`warta review` and `warta entity` as an analyst runs them: the old profile form
still works, judgements are made, refused with exit 2 and a reason, shown as
confirmed or hidden as rejected, exported and imported into a fresh store."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]


def warta(*args):
    return subprocess.run([sys.executable, "-m", "warta", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from warta.store.db import open_store
    from warta.store.ingest import ingest
    path = tmp_path_factory.mktemp("cli-review") / "w.db"
    ingest(open_store(f"sqlite:///{path}"), [str(EXAMPLES / n) for n in (
        "okezone_grab_gojek_jajaki.txt", "detik_vinfast_subang.txt", "kompas_hyundai_lges_negosiasi.txt")])
    return f"sqlite:///{path}"


def _facts(db, *extra):
    r = warta("facts", "--entity", "Grab", "--db", db, "-f", "json", *extra)
    assert r.returncode == 0, r.stderr
    return {f["id"]: f for f in json.loads(r.stdout)["items"]}


def test_entity_profile_old_and_new_form(db):
    old, new = warta("entity", "--db", db, "Grab", "-f", "json"), warta("entity", "show", "Grab", "--db", db, "-f", "json")
    assert old.returncode == new.returncode == 0, old.stderr + new.stderr
    assert json.loads(old.stdout)["name"] == json.loads(new.stdout)["name"] == "Grab"
    r = warta("entity", "No Such Company Zzz", "--db", db)
    assert r.returncode == 1 and "no entity" in r.stderr


def test_review_queue_confirm_reject_edit_and_share(db, tmp_path):
    r = warta("review", "--db", db, "-f", "json", "--limit", "5")
    assert r.returncode == 0, r.stderr
    queue = json.loads(r.stdout)
    assert queue and [i["cost"] for i in queue] == sorted((i["cost"] for i in queue), reverse=True)
    [fid] = [i for i, f in _facts(db).items() if f["type"] == "PARTNERSHIP"]
    r = warta("review", "reject", fid, "--db", db)
    assert r.returncode == 2 and "--reason" in r.stderr
    r = warta("review", "edit", fid, "--set", "status=signed", "--db", db)
    assert r.returncode == 2 and "not one of PARTNERSHIP's" in r.stderr
    assert warta("review", "confirm", fid, "--db", db).returncode == 0
    assert _facts(db)[fid]["review"] == "confirmed"
    assert "confirmed" in warta("facts", "--entity", "Grab", "--db", db).stdout
    assert warta("review", "edit", fid, "--set", "certainty=asserted", "--db", db).returncode == 0
    assert _facts(db)[fid]["certainty"] == "asserted"
    assert warta("review", "reject", fid, "--reason", "a rumour", "--db", db).returncode == 0
    assert fid not in _facts(db) and _facts(db, "--include-rejected")[fid]["review"] == "rejected"
    assert fid not in {i["id"] for i in json.loads(warta("review", "--db", db, "-f", "json", "--limit", "500").stdout)}
    r = warta("entity", "rename", "GoTo", "GoTo Gojek Tokopedia", "--db", db)
    assert r.returncode == 0, r.stderr
    assert json.loads(warta("entity", "GoTo", "--db", db, "-f", "json").stdout)["name"] == "GoTo Gojek Tokopedia"
    out = tmp_path / "j.jsonl"
    assert warta("review", "export", "-o", str(out), "--db", db).returncode == 0
    assert [json.loads(x)["action"] for x in out.read_text().splitlines()] == [
        "fact.confirm", "fact.edit", "fact.reject", "entity.rename"]
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    r = warta("review", "import", str(out), "--db", fresh)
    assert r.returncode == 0 and "4 judgements added" in r.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"action": "fact.confirm"}\n')
    r = warta("review", "import", str(bad), "--db", fresh)
    assert r.returncode == 2 and "missing" in r.stderr and "nothing imported" in r.stderr
    ingest = warta("ingest", str(EXAMPLES / "okezone_grab_gojek_jajaki.txt"), "--db", fresh)
    assert ingest.returncode == 0, ingest.stderr
    assert fid not in _facts(fresh) and _facts(fresh, "--include-rejected")[fid]["review"] == "rejected"


def test_the_queue_shows_the_model_score_and_its_doubt(db):
    items = json.loads(warta("review", "--db", db, "--kind", "fact", "-f", "json", "--limit", "500").stdout)
    deals = [i for i in items if i["type"] == "PARTNERSHIP"]
    assert deals and all(isinstance(i["score"], float) for i in deals)
    assert all(i["score"] is None for i in items if i["type"] in ("ROLE", "QUOTE"))
    unsure = [i for i in deals if i["score"] < 0.75]
    assert unsure, "the examples hold a partnership the model is unsure of"
    for i in unsure:
        assert f"model_unsure: {i['score']:.2f}" in i["reasons"]
    assert not any(r.startswith("model_unsure") for i in deals if i["score"] >= 0.75 for r in i["reasons"])
    table = warta("review", "--db", db, "--kind", "fact", "--limit", "500").stdout
    assert "model score" in table and f"{unsure[0]['score']:.2f}" in table
