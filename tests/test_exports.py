"""Data for analysis, as the README shows it: `warta ingest` with its summary, the CSV
and Parquet tables with flat columns, `-o -`, the GraphML graph read back by networkx,
and `warta.open(db).facts().to_pandas()` with the export's columns."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TABLES = ("facts", "fact_entities", "evidence", "documents", "entities")


def warta(*args):
    return subprocess.run([sys.executable, "-m", "warta", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("exports") / "warta.db"
    r = warta("ingest", str(EXAMPLES), "--db", str(path))
    assert r.returncode == 0, r.stderr
    # the syndicated copy of Bisnis's IBC-CATL story is stored and marked
    assert "14 stored, 0 new revisions, 0 unchanged, 1 near-duplicates, 0 failed" in r.stderr
    return str(path)


@pytest.fixture(scope="module")
def csv_dir(db, tmp_path_factory):
    out = tmp_path_factory.mktemp("csv") / "tables"
    r = warta("export", "--db", db, "-f", "csv", "-o", str(out))
    assert r.returncode == 0, r.stderr
    return out


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _one(rows, **want):
    found = [r for r in rows if all(r[k] == v for k, v in want.items())]
    assert len(found) == 1, (want, found)
    return found[0]


def test_ingest_summary_counts_copies_and_near_duplicates(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("bisnis_ibc_catl_pabrik.txt", "syndicated_antara_ibc_catl.txt", "cnbc_pln_spklu.txt"):
        shutil.copy(EXAMPLES / name, folder / name)
    db = str(tmp_path / "w.db")
    first = warta("ingest", str(folder), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "warta: 3 stored, 0 new revisions, 0 unchanged, 1 near-duplicates, 0 failed" in first.stderr
    again = warta("ingest", str(folder), "--db", db)
    assert "warta: 0 stored, 0 new revisions, 3 unchanged, 0 near-duplicates, 0 failed" in again.stderr


def test_the_progress_bar_knows_its_total(tmp_path):
    from rich.console import Console

    from warta.read import read_inputs
    from warta.store.progress import bar, input_total
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("kompas_hyundai_lges_negosiasi.txt", "kontan_hyundai_lges_sepakat.txt", "tribun_xss_startup.html"):
        shutil.copy(EXAMPLES / name, folder / name)
    (folder / "notes.md").write_text("not a page", encoding="utf-8")
    assert input_total([str(folder)]) == (3, "pages")
    buf = io.StringIO()
    pages = list(bar(iter(read_inputs([str(folder)])), [str(folder)], console=Console(file=buf, force_terminal=True, width=120)))
    assert len(pages) == 3 and "3/3" in buf.getvalue()
    # an archive's pages are not known before reading it: the bar counts its bytes
    total, unit = input_total([str(folder), str(EXAMPLES / "feeds.jsonl")])
    assert unit == "bytes" and total == sum(p.stat().st_size for p in folder.iterdir() if p.suffix != ".md") \
        + (EXAMPLES / "feeds.jsonl").stat().st_size
    assert input_total(["-"]) == (None, "pages")


def test_csv_tables_have_flat_columns(csv_dir):
    assert sorted(p.name for p in csv_dir.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    facts = _rows(csv_dir / "facts.csv")
    from warta.store.tables import TABLES as COLUMNS
    for t in TABLES:
        with open(csv_dir / f"{t}.csv", encoding="utf-8") as fh:
            assert next(csv.reader(fh)) == list(COLUMNS[t]), t
    # "Toyota ... investasi Rp 27 triliun" (cnnindonesia_toyota_hybrid.html)
    toyota = _one(facts, type="INVESTMENT", investors="Toyota")
    assert float(toyota["amount_value"]) == 27e12 and toyota["amount_currency"] == "IDR"
    assert toyota["amount_text"] == "IDR 27 trillion" and toyota["label"].startswith("Toyota — IDR 27 trillion")
    assert toyota["investor_ids"] == "org:toyota" and toyota["status"] == "committed"
    assert (toyota["documents"], toyota["sources"], toyota["confirmed"]) == ("1", "1", "False")
    # the Hyundai-LGES deal: negotiating in Kompas (2024-03-12), agreed in Kontan (2025-01-16)
    deal = _one(facts, type="PARTNERSHIP", parties="Hyundai Motor Company; LG Energy Solution")
    assert (deal["status"], deal["first_seen"], deal["last_seen"], deal["documents"], deal["sources"]) == \
        ("agreed", "2024-03-12", "2025-01-16", "2", "2")
    plant = _one(facts, type="FACILITY", kind="battery_plant", location="Karawang; West Java")
    assert (float(plant["area_value"]), plant["area_unit"]) == (40.0, "ha")
    launch = _one(facts, type="LAUNCH_PLAN", maker="SAIC-GM-Wuling")
    assert (launch["date"], launch["date_written"]) == ("2025-Q4", "kuartal keempat 2025")
    role = _one(facts, type="ROLE", person="Darmawan Prasodjo")
    assert (role["role"], role["org"], role["org_id"]) == ("Direktur Utama", "PLN", "org:pln")

    links = _rows(csv_dir / "fact_entities.csv")
    assert {(r["entity_id"], r["role"]) for r in links if r["fact_id"] == deal["id"]} == \
        {("org:hyundai-motor-company", "party"), ("org:lg-energy-solution", "party")}
    evidence = [r for r in _rows(csv_dir / "evidence.csv") if r["fact_id"] == deal["id"]]
    assert [(r["doc_id"], r["status"]) for r in evidence] == \
        [("kompas_hyundai_lges_negosiasi", "negotiating"), ("kontan_hyundai_lges_sepakat", "agreed")]
    docs = {r["doc_id"]: r for r in _rows(csv_dir / "documents.csv")}
    for r in evidence:     # each statement's offsets point into its document's body
        assert int(r["start"]) < int(r["end"]) and r["doc_id"] in docs
    assert docs["syndicated_antara_ibc_catl"]["duplicate_of"] == "bisnis_ibc_catl_pabrik"
    assert docs["kontan_hyundai_lges_sepakat"]["site"] == "KONTAN.CO.ID"
    ents = {r["id"]: r for r in _rows(csv_dir / "entities.csv")}
    assert ents["org:pln"]["type"] == "ORG" and int(ents["org:pln"]["documents"]) >= 2 and int(ents["org:pln"]["aliases"]) >= 1


def test_csv_to_standard_output_is_the_facts_table(db, csv_dir):
    r = warta("export", "--db", db, "-f", "csv", "-o", "-")
    assert r.returncode == 0, r.stderr
    assert r.stdout == (csv_dir / "facts.csv").read_text(encoding="utf-8")
    ind = list(csv.DictReader(io.StringIO(warta("export", "--db", db, "-f", "csv", "-o", "-", "--lang", "id").stdout)))
    assert _one(ind, type="INVESTMENT", investors="Toyota")["amount_text"] == "IDR 27 triliun"


def test_a_folder_name_taken_by_a_file_is_a_clear_error(db, tmp_path):
    taken = tmp_path / "tables"
    taken.write_text("not a folder", encoding="utf-8")
    for fmt in ("csv", "parquet"):
        r = warta("export", "--db", db, "-f", fmt, "-o", str(taken))
        assert r.returncode == 2 and f"cannot write {taken}" in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_parquet_tables_and_to_pandas_share_the_columns(db, csv_dir, tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "pq"
    assert warta("export", "--db", db, "-f", "parquet", "-o", str(out)).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    facts = pd.read_parquet(out / "facts.parquet")
    assert list(facts.columns) == list(pd.read_csv(csv_dir / "facts.csv").columns)
    assert len(facts) == len(_rows(csv_dir / "facts.csv"))
    assert str(facts["amount_value"].dtype) == "float64" and str(facts["sources"].dtype) == "int64"
    assert "body" in pd.read_parquet(out / "documents.parquet").columns

    import warta as W
    df = W.open(f"sqlite:///{db}").facts(type="INVESTMENT").to_pandas()
    assert list(df.columns) == list(facts.columns) and len(df) == 4
    left = df.set_index("id").sort_index()
    right = facts[facts["type"] == "INVESTMENT"].set_index("id").sort_index()
    pd.testing.assert_frame_equal(left, right)
    assert left.loc[left["investors"] == "Toyota", "amount_value"].item() == 27e12
    pln = W.open(f"sqlite:///{db}").entity("PLN").to_pandas()
    assert list(pln.columns) == ["entity", *facts.columns] and set(pln["entity"]) == {"PLN"}
    assert "~3,200 EV chargers, owner PLN" in set(pln["label"])


def test_graphml_has_every_relation_with_typed_attributes(db, csv_dir, tmp_path):
    out = tmp_path / "g.graphml"
    assert warta("export", "--db", db, "-f", "graphml", "-o", str(out)).returncode == 0
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in ET.parse(out).getroot().iter(f"{ns}key")}
    assert keys[("edge", "sources")] == "int" and keys[("edge", "amount_value")] == "double"
    assert keys[("node", "label")] == "string" and keys[("edge", "first_seen")] == "string"
    nx = pytest.importorskip("networkx")
    g = nx.read_graphml(out)
    assert g.is_directed() and g.is_multigraph()
    by_type: dict[str, list] = {}
    for a, b, d in g.edges(data=True):
        by_type.setdefault(d["type"], []).append((a, b, d))
    assert set(by_type) == {"PARTNERSHIP", "INVESTMENT", "FACILITY", "INFRASTRUCTURE", "ROLE", "PRODUCT",
                            "LAUNCH_PLAN", "QUOTE"}
    [deal] = [d for a, b, d in by_type["PARTNERSHIP"]
              if {a, b} == {"org:hyundai-motor-company", "org:lg-energy-solution"}]
    assert (deal["status"], deal["first_seen"], deal["last_seen"], deal["sources"]) == ("agreed", "2024-03-12", "2025-01-16", 2)
    assert deal["label"].startswith("Hyundai Motor Company + LG Energy Solution") and deal["symmetric"] is True
    [toyota] = [d for a, b, d in by_type["INVESTMENT"] if a == "org:toyota"]
    assert toyota["amount_value"] == 27e12 and toyota["amount_currency"] == "IDR"
    [role] = [(a, b, d) for a, b, d in by_type["ROLE"] if a.endswith("darmawan-prasodjo")]
    assert role[1] == "org:pln" and role[2]["role"] == "Direktur Utama"
    assert g.nodes["org:pln"]["label"] == "PLN" and g.nodes["org:pln"]["country"] == "ID"
    # a factory whose owner the article does not name: the node standing for it -> its place
    assert all(g.nodes[b]["type"] == "PLACE" for a, b, d in by_type["FACILITY"] if a.startswith("fact:"))
    assert {g.nodes[b]["type"] for a, b, d in by_type["PRODUCT"]} == {"PRODUCT"}
    # every fact exported is in the graph, and no node hangs alone
    assert {d["fact_id"] for _, _, d in g.edges(data=True)} == {r["id"] for r in _rows(csv_dir / "facts.csv")}
    assert not list(nx.isolates(g))


def test_the_bar_follows_a_warc_archive_by_its_offsets(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from warta.read import read_inputs
    from warta.store.progress import Tracker
    page = (EXAMPLES / "tribun_xss_startup.html").read_text(encoding="utf-8")
    archive = tmp_path / "crawl.warc.gz"
    with open(archive, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(3):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://example.invalid/{i}", "response",
                                                payload=io.BytesIO(page.replace("Rina", f"Rina {i}").encode()),
                                                http_headers=headers))
    text = tmp_path / "kompas.txt"
    shutil.copy(EXAMPLES / "kompas_hyundai_lges_negosiasi.txt", text)
    paths = [str(archive), str(text)]
    tr = Tracker(paths)
    assert (tr.total, tr.unit) == (archive.stat().st_size + text.stat().st_size, "bytes")
    seen = []
    for item in read_inputs(paths):
        tr.advance(item.source)
        seen.append(tr.position)
    assert len(seen) == 4 and seen == sorted(seen) and 0 < seen[1] < seen[2] < archive.stat().st_size
    assert seen[-1] == archive.stat().st_size      # the text file starts where the archive ends
