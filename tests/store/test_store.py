"""The store as an analyst uses it: ingest, merge across articles, ask, export —
on SQLite and on PostgreSQL."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.conftest import EXAMPLES
from warta.model import Document, Entity, Evidence, Fact, Mention, Metadata
from warta.store import queries as Q
from warta.store.export import export
from warta.store.ingest import ingest, store_document


def _doc(doc_id: str, published: str, status: str, amount: float, sentence: str, hedged: bool = False) -> Document:
    body = f"JAKARTA - {sentence}"
    ents = [Entity(id="org:hyundai", type="ORG", name="Hyundai", kb=True, mentions=[Mention(text="Hyundai", start=10, end=17)]),
            Entity(id="org:lges", type="ORG", name="LG Energy Solution", kb=True, mentions=[Mention(text="LGES", start=20, end=24)])]
    ev = [Evidence(sentence=body, start=0, end=len(body))]
    facts = [Fact(type="PARTNERSHIP", args={"parties": ["Hyundai", "LG Energy Solution"], "purpose": None},
                  status=status, certainty="hedged" if hedged else "asserted", evidence=ev),
             Fact(type="INVESTMENT", args={"investor": "Hyundai", "target": None,
                                           "amount": {"value": amount, "currency": "USD", "approx": False, "qualifier": None}},
                  status="planned", certainty="asserted", evidence=ev)]
    return Document(doc_id=doc_id, language="id", metadata=Metadata(published=published, title=doc_id), body=body,
                    entities=ents, facts=facts)


def _store_docs(store, *docs):
    with store.session() as s:
        for i, d in enumerate(docs):
            store_document(s, store.dialect, f"hash{i}{d.doc_id}", d)
        s.commit()


def test_merge_keeps_status_history_and_conflicting_values(store):
    _store_docs(store,
                _doc("oct", "2024-10-01", "negotiating", 8e9, "Hyundai dikabarkan berunding dengan LGES.", hedged=True),
                _doc("jan", "2025-01-15", "agreed", 10e9, "Hyundai dan LGES menandatangani kesepakatan."))
    with store.session() as s:
        p = Q.partners(s, "hyundai")
        [row] = p["partners"]
        assert row["partner"] == "LG Energy Solution"
        assert row["status"] == "agreed" and row["first_seen"] == "2024-10-01" and row["last_seen"] == "2025-01-15"
        assert [h["status"] for h in row["status_history"]] == ["negotiating", "agreed"]
        assert row["sources"] == ["jan", "oct"]
        inv = Q.facts(s, type="INVESTMENT", entity="Hyundai")
        assert len(inv) == 1 and inv[0]["sources"] == 2
        values = Q.evidence(s, inv[0]["id"])["values"]
        assert sorted(v["value"]["value"] for v in values) == [8e9, 10e9]
        assert {src for v in values for src in v["sources"]} == {"oct", "jan"}


def test_queries_filters_search_and_errors(store):
    _store_docs(store, _doc("oct", "2024-10-01", "negotiating", 8e9, "Hyundai berunding dengan LGES soal baterai."))
    with store.session() as s:
        assert Q.find_entity(s, "LGES").name == "LG Energy Solution"       # a surface form
        assert Q.find_entity(s, "lg energy").name == "LG Energy Solution"  # a prefix
        assert [f["type"] for f in Q.facts(s, status="negotiating")] == ["PARTNERSHIP"]
        assert Q.facts(s, since="2025-01-01") == []
        assert Q.facts(s, certainty="asserted", type="investment")
        hits = Q.search(s, "baterai")
        assert [h["doc_id"] for h in hits] == ["oct"]
        assert Q.suggest(s, "hyu")[0]["name"] == "Hyundai"
        g = Q.graph(s, "Hyundai")
        assert {n["name"] for n in g["nodes"]} == {"Hyundai", "LG Energy Solution"} and g["edges"]
        with pytest.raises(Q.NotFound):
            Q.find_entity(s, "Tidak Ada")
        with pytest.raises(Q.NotFound):
            Q.evidence(s, "nope")


def test_exports(store, tmp_path):
    _store_docs(store, _doc("oct", "2024-10-01", "negotiating", 8e9, "Hyundai berunding dengan LGES."))
    with store.session() as s:
        lines = export(s, "jsonl", tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()
        assert Document.model_validate_json(lines[0]).doc_id == "oct"
        csv_text = export(s, "csv", tmp_path / "f.csv").read_text(encoding="utf-8")
        assert csv_text.splitlines()[0].startswith("id,type,label,status") and "PARTNERSHIP" in csv_text
        root = ET.parse(export(s, "graphml", tmp_path / "g.graphml")).getroot()
        ns = "{http://graphml.graphdrawing.org/xmlns}"
        edges = root.findall(f"{ns}graph/{ns}edge")
        # the partnership between the two, and the investment from Hyundai to the node standing for it
        assert len(root.findall(f"{ns}graph/{ns}node")) == 3 and len(edges) == 2
        status = {e.find(f"{ns}data[@key='e_type']").text: e.find(f"{ns}data[@key='e_status']").text for e in edges}
        assert status == {"PARTNERSHIP": "negotiating", "INVESTMENT": "planned"}
        import pyarrow.parquet as pq
        out = export(s, "parquet", tmp_path / "pq")
        assert pq.read_table(out / "facts.parquet").num_rows == 2
        with pytest.raises(ValueError):
            export(s, "xlsx", tmp_path / "x")


def test_ingest_seeds_and_examples_twice(store, pipeline, seeds_dir, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")
    paths = [str(seeds_dir), str(EXAMPLES), str(bad)]
    first = ingest(store, paths, pipeline=pipeline)
    assert first.stored >= 15 and first.failed == 1
    with store.session() as s:
        before = Q.counts(s)
        p = Q.partners(s, "Xiaomi")
        got = {r["partner"]: r for r in p["partners"]}
        assert {"Brilliance Auto", "Chery", "BAIC Group"} <= set(got)
        for name in ("Brilliance Auto", "Chery", "BAIC Group"):
            assert got[name]["status"] == "negotiating" and got[name]["certainty"] == "hedged"
            assert "berdiskusi dengan Brilliance Auto, Chery, dan Beijing Automotive Group" in got[name]["evidence"][0]
        assert [f["stage"] for f in Q.failures(s)] == ["read"]
    again = ingest(store, paths, pipeline=pipeline)
    assert again.stored == 0 and again.unchanged == first.stored
    with store.session() as s:
        assert Q.counts(s) == before


def test_a_changed_page_is_a_new_revision(store, pipeline, tmp_path):
    page = tmp_path / "berita.txt"
    page.write_text("JAKARTA - Toyota menandatangani kerja sama dengan PLN untuk membangun SPKLU di Jakarta.\n", encoding="utf-8")
    assert ingest(store, [str(page)], pipeline=pipeline).stored == 1
    page.write_text("JAKARTA - Toyota menandatangani kerja sama dengan PLN untuk membangun 50 SPKLU di Bandung.\n", encoding="utf-8")
    rep = ingest(store, [str(page)], pipeline=pipeline)
    assert rep.revisions == 1
    with store.session() as s:
        assert Q.document(s, "berita")["revision"] == 2
