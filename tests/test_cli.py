"""The command line as a user runs it: formats, exit codes, schema, failures on stderr."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = "Kompas  Otomotif\nJudul Berita Mobil\n\nJAKARTA - PT Astra International Tbk meluncurkan mobil listrik baru di Jakarta, kata direktur perusahaan itu.\n"


def warta(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "warta", *args], capture_output=True, text=True, input=stdin, cwd=ROOT)


def test_schema_prints_the_document_json_schema():
    r = warta("schema")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert {"doc_id", "metadata", "body", "entities", "facts"} <= set(schema["properties"])


def test_extract_jsonl_clean_only_and_a_failure(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    r = warta("extract", str(tmp_path), "--clean-only")
    assert r.returncode == 1, r.stderr
    docs = [json.loads(x) for x in r.stdout.splitlines()]
    assert [d["doc_id"] for d in docs] == ["a"]
    assert docs[0]["body"].startswith("JAKARTA - PT Astra")
    assert "empty.txt" in r.stderr and "empty file" in r.stderr


def test_extract_json_to_file_from_stdin(tmp_path):
    out = tmp_path / "out.json"
    r = warta("extract", "-", "--clean-only", "--format", "json", "-o", str(out), stdin=PAGE)
    assert r.returncode == 0, r.stderr
    [doc] = json.loads(out.read_text(encoding="utf-8"))
    assert doc["metadata"]["dateline"] == "Jakarta"
