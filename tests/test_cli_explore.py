"""The browsing commands as a user runs them: filters checked, "N of M" notices and
--offset, a missing database named, export to standard output, watch lists."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def warta(*args):
    return subprocess.run([sys.executable, "-m", "warta", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "warta.db"
    r = warta("ingest", str(EXAMPLES / "kompas_hyundai_lges_negosiasi.txt"), str(EXAMPLES / "kontan_hyundai_lges_sepakat.txt"),
              str(EXAMPLES / "cnbc_pln_spklu.txt"), str(EXAMPLES / "cnnindonesia_toyota_hybrid.html"), "--db", str(path))
    assert r.returncode == 0, r.stderr
    return str(path)


@pytest.mark.parametrize("args,message", [
    (["--type", "INVESTMNT"], "unknown fact type 'INVESTMNT'; did you mean INVESTMENT?"),
    (["--status", "agred"], "unknown status 'agred'; did you mean agreed?"),
    (["--since", "yesterday"], "since 'yesterday' is not a date"),
])
def test_bad_filters_are_clear_errors(db, args, message):
    r = warta("facts", "--db", db, *args)
    assert r.returncode == 2 and message in r.stderr and r.stdout == ""


def test_notice_and_offset_page_through_all_facts(db):
    everything = json.loads(warta("facts", "--db", db, "-f", "json", "--limit", "1000").stdout)
    total = everything["total"]
    assert total == len(everything["items"]) > 4
    r = warta("facts", "--db", db, "-f", "json", "--limit", "3")
    assert f"3 of {total} facts; --offset 3 for the next" in r.stderr
    seen = []
    offset = 0
    while offset is not None:
        page = json.loads(warta("facts", "--db", db, "-f", "json", "--limit", "3", "--offset", str(offset)).stdout)
        seen += [f["id"] for f in page["items"]]
        offset = page["next_offset"]
    assert seen == [f["id"] for f in everything["items"]]


def test_facts_filters_as_the_explorer_has_them(db):
    d = json.loads(warta("facts", "--db", db, "-f", "json", "--type", "partnership", "--until", "2024",
                         "--entity", "Hyundai Motor Company").stdout)
    assert [f["status"] for f in d["items"]] == ["agreed"]       # the deal seen first in 2024, agreed since
    inv = json.loads(warta("facts", "--db", db, "-f", "json", "--type", "INVESTMENT", "--lang", "en").stdout)["items"]
    assert any("IDR 27 trillion" in f["label"] for f in inv)


def test_a_read_command_on_a_missing_database_says_so(tmp_path):
    missing = tmp_path / "tidak-ada.db"
    for cmd in (["facts"], ["entity", "PLN"], ["partners", "PLN"], ["watch", "list"], ["export", "-f", "csv", "-o", "-"]):
        r = warta(*cmd, "--db", str(missing))
        assert r.returncode == 2 and f"no database at {missing}" in r.stderr, (cmd, r.stderr)
    assert not missing.exists()


def test_export_to_standard_output(db):
    r = warta("export", "--db", db, "-f", "csv", "-o", "-")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and {"id", "type", "status"} <= set(rows[0])
    jl = warta("export", "--db", db, "-f", "jsonl", "-o", "-")
    assert {json.loads(x)["doc_id"] for x in jl.stdout.splitlines()} >= {"kompas_hyundai_lges_negosiasi"}
    pq = warta("export", "--db", db, "-f", "parquet", "-o", "-")
    assert pq.returncode == 2 and "standard output" in pq.stderr


def test_watch_add_list_and_news(db):
    r = warta("watch", "add", "Hyundai Motor Company", "--db", db)
    assert r.returncode == 0 and "watching Hyundai Motor Company in default" in r.stderr
    assert "already watching" in warta("watch", "add", "hyundai motor company", "--db", db).stderr
    assert warta("watch", "add", "Tidak Ada Perusahaan Ini", "--db", db).returncode == 1
    listed = json.loads(warta("watch", "list", "--db", db, "-f", "json").stdout)
    assert [(w["list"], w["name"]) for w in listed] == [("default", "Hyundai Motor Company")]
    news = json.loads(warta("watch", "news", "--db", db, "--since", "2024-01-01", "-f", "json").stdout)
    steps = {(e["date"], e["previous"], e["status"], e["site"]) for e in news["items"] if e["type"] == "PARTNERSHIP"}
    assert steps == {("2024-03-12", None, "negotiating", "KOMPAS.com"), ("2025-01-16", "negotiating", "agreed", "KONTAN.CO.ID")}
    later = json.loads(warta("watch", "news", "--db", db, "--since", "2025-01-17", "-f", "json").stdout)
    assert later["items"] == []
    bad = warta("watch", "news", "--db", db, "--since", "kemarin")
    assert bad.returncode == 2 and "not a date" in bad.stderr
