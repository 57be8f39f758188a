"""The knowledge files: valid, large enough, compiled data fresh, fast to load."""
from __future__ import annotations

import json

import pytest
import yaml

from warta.kb.base import COMPILED, KB, KBError, _read, compile_sources, load_kb, norm_name


def test_compiled_data_is_not_stale():
    fresh = compile_sources()
    stored = json.loads(COMPILED.read_text(encoding="utf-8"))
    assert stored == json.loads(json.dumps(fresh)), "run `warta kb compile` after editing warta/data/kb/*.yaml"


def test_size_and_coverage():
    kb = load_kb()
    orgs = [e for e in kb.entities.values() if e["type"] == "ORG"]
    assert len(orgs) >= 400
    assert {e.get("country") for e in orgs} >= {"ID", "CN", "JP", "KR", "VN", "DE", "US"}
    epithets = {n for e in kb.entities.values() for n in e.get("epithets", [])}
    assert {"Negeri Tirai Bambu", "Negeri Sakura", "Negeri Ginseng", "Negeri Paman Sam", "Negeri Jiran"} <= epithets
    assert any(e["type"] == "PERSON" and e.get("roles") for e in kb.entities.values())


def test_loads_once_per_process_and_reads_the_compiled_file_not_the_sources(monkeypatch):
    """What keeps loading cheap: the compiled JSON is read (the YAML sources are not
    parsed again), and only once."""
    import warta.kb.base as base
    load_kb.cache_clear()
    monkeypatch.setattr(base, "compile_sources", lambda *a, **k: pytest.fail("load_kb compiled the sources"))
    reads = []
    real = base.json.loads
    monkeypatch.setattr(base.json, "loads", lambda s, *a, **k: reads.append(len(s)) or real(s, *a, **k))
    first = load_kb()
    assert load_kb() is first and len(reads) == 1 and reads[0] == len(COMPILED.read_text(encoding="utf-8"))
    assert len(first.entities) >= 400
    load_kb.cache_clear()


@pytest.mark.parametrize("raw,key", [
    ("PT Astra International Tbk", "astra international"),
    ("PT Pertamina (Persero)", "pertamina"),
    ("Tesla Inc.", "tesla"),
    ("  BMW   AG ", "bmw"),
    ("Alibaba Group", "alibaba group"),
])
def test_names_compare_without_case_or_legal_form(raw, key):
    assert norm_name(raw) == key


def test_schema_rejects_a_bad_entry(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"orgs": [{"name": "X Corp", "kind": "spaceship"}]}), encoding="utf-8")
    with pytest.raises(KBError, match="bad.yaml.*X Corp"):
        _read(bad)


def test_a_file_that_requires_sources_names_the_entry_without_one(tmp_path):
    f = tmp_path / "sourced.yaml"
    f.write_text(yaml.safe_dump({"sources_required": True, "orgs": [
        {"name": "Satu Karya", "kind": "company", "source": "IDX: SATU"},
        {"name": "Dua Karya", "kind": "company"}]}), encoding="utf-8")
    with pytest.raises(KBError, match="sourced.yaml.*Dua Karya.*no source"):
        _read(f)
    f.write_text(yaml.safe_dump({"sources_required": True, "orgs": [
        {"name": "Satu Karya", "kind": "company", "source": "IDX: SATU"}]}), encoding="utf-8")
    assert _read(f)["orgs"][0]["source"] == "IDX: SATU"


def test_every_entry_of_the_sourced_files_keeps_its_source_in_the_compiled_base():
    from warta.kb.base import TYPE_OF, slug, source_files
    entities = compile_sources()["entities"]
    sourced = [p for p in source_files() if (yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get("sources_required")]
    assert sourced, "no knowledge file requires sources"
    for p in sourced:
        for key, entries in _read(p).items():
            for e in entries:
                assert entities[f"{TYPE_OF[key].lower()}:{slug(e['name'])}"]["source"], (p.name, e["name"])


def test_unknown_parent_is_an_error(tmp_path):
    f = tmp_path / "o.yaml"
    f.write_text(yaml.safe_dump({"orgs": [{"name": "Anak", "kind": "unit", "parent": "Tidak Ada"}]}), encoding="utf-8")
    with pytest.raises(KBError, match="parent"):
        compile_sources([f])


def test_extra_user_file_extends_the_base(tmp_path, monkeypatch):
    f = tmp_path / "mine.yaml"
    f.write_text(yaml.safe_dump({"orgs": [{"name": "Siberaman", "kind": "company", "country": "ID", "aliases": ["PT Siberaman"]}]}), encoding="utf-8")
    monkeypatch.setenv("WARTA_KB_EXTRA", str(f))
    load_kb.cache_clear()
    try:
        assert load_kb().lookup("PT Siberaman")[0]["name"] == "Siberaman"
    finally:
        monkeypatch.delenv("WARTA_KB_EXTRA")
        load_kb.cache_clear()


def test_kb_object_indexes_epithets():
    kb = KB({"place:x": {"id": "place:x", "type": "PLACE", "name": "Xland", "kind": "country", "country": "XL",
                         "epithets": ["Negeri Contoh"]}}, [])
    assert kb.lookup("negeri contoh")[0]["name"] == "Xland"
