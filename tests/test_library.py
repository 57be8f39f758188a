"""The public Python API, used as the README shows it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import warta

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ROOT = Path(__file__).resolve().parents[1]


def test_import_warta_loads_neither_the_models_nor_pydantic():
    code = ("import sys, warta; heavy = [m for m in ('spacy', 'pydantic', 'sqlalchemy', 'warta.model') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_extract_a_file_gives_the_contracts_document():
    doc = warta.extract(EXAMPLES / "kontan_hyundai_lges_sepakat.txt")
    assert isinstance(doc, warta.Document)
    assert doc.language == "id"
    deal = next(f for f in doc.facts if f.type == "PARTNERSHIP")
    assert isinstance(deal, warta.Fact)
    assert sorted(deal.args["parties"]) == ["Hyundai Motor Company", "LG Energy Solution"]
    assert deal.status == "agreed"


def test_extract_text_and_the_same_file_agree():
    path = EXAMPLES / "kontan_hyundai_lges_sepakat.txt"
    from_text = warta.extract(path.read_text(encoding="utf-8"))
    from_path = warta.extract(str(path))
    assert [f.model_dump() for f in from_text.facts] == [f.model_dump() for f in from_path.facts]


def test_extract_refuses_empty_text_and_many_pages_with_a_reason():
    with pytest.raises(ValueError, match="empty"):
        warta.extract("  ")
    with pytest.raises(ValueError, match="extract_many"):
        warta.extract(EXAMPLES)
    with pytest.raises(ValueError, match=r"holds \d+ pages"):
        warta.extract(EXAMPLES / "feeds.jsonl")


def test_extract_many_reads_a_folder_and_marks_near_duplicates():
    docs = list(warta.extract_many([EXAMPLES]))
    assert len(docs) >= 10
    assert all(isinstance(d, warta.Document) for d in docs)
    assert len({d.doc_id for d in docs}) == len(docs)


def test_a_page_without_an_article_raises_naming_the_stage():
    with pytest.raises(warta.ExtractError) as err:
        warta.extract("<html><body><nav>Home | Login</nav></body></html>")
    assert err.value.stage == "clean"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("lib") / "warta.db"
    st = warta.open(f"sqlite:///{db}")
    st.ingest([EXAMPLES / "kompas_hyundai_lges_negosiasi.txt", EXAMPLES / "kontan_hyundai_lges_sepakat.txt"])
    return st


def test_partners_as_the_readme_shows(store):
    p = store.partners("Hyundai Motor Company")
    assert p.entity.name == "Hyundai Motor Company"
    lges = next(x for x in p if x.partner == "LG Energy Solution")
    assert lges.status == "agreed" and lges.source_count == 2
    assert [h["status"] for h in lges.status_history] == ["negotiating", "agreed"]


def test_facts_and_entity(store):
    facts = store.facts(type="PARTNERSHIP")
    assert len(facts) >= 1 and all(f.type == "PARTNERSHIP" for f in facts)
    e = store.entity("lg energy solution")
    assert e.name == "LG Energy Solution" and e.kb and e.fact_counts["PARTNERSHIP"] >= 1
    assert [p.partner for p in e.partners] == ["Hyundai Motor Company"]


def test_an_unknown_entity_is_not_found(store):
    with pytest.raises(warta.NotFound, match="Nobody Inc"):
        store.partners("Nobody Inc")


def test_to_pandas_gives_one_row_per_partner(store):
    pytest.importorskip("pandas")
    df = store.partners("Hyundai Motor Company").to_pandas()
    assert list(df["partner"]) == ["LG Energy Solution"]
    assert {"status", "certainty", "first_seen", "source_count"} <= set(df.columns)
    assert len(store.facts().to_pandas()) == len(store.facts())


def test_to_pandas_without_pandas_says_what_to_install(store, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)   # import pandas now raises ImportError
    with pytest.raises(ImportError, match="pip install pandas"):
        store.facts().to_pandas()
