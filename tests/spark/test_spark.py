"""Warta on Spark in local mode, on WARC archives the tests build from the bundled
examples: the same documents and facts as `warta ingest` of the same archive,
and a corrupt record in the middle costs that record only."""
from __future__ import annotations

import html
import io

import pytest

from tests.conftest import EXAMPLES

pyspark = pytest.importorskip("pyspark", reason="PySpark is in the dev and spark extras")
pytestmark = pytest.mark.spark


def page_html(path) -> str:
    if path.suffix == ".html":
        return path.read_text(encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    return "<html><body>" + "".join(f"<p>{html.escape(ln)}</p>" for ln in lines if ln.strip()) + "</body></html>"


def build_warc(path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for uri, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    path.write_bytes(buf.getvalue())


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    d = tmp_path_factory.mktemp("warc")
    pages = [(f"https://contoh.invalid/{p.stem}", page_html(p)) for p in sorted(EXAMPLES.glob("*.txt"))[:8]]
    pages += [(f"https://contoh.invalid/{p.stem}", page_html(p)) for p in sorted(EXAMPLES.glob("*.html"))]
    build_warc(d / "examples.warc.gz", pages)
    return d / "examples.warc.gz"


def _contents(store):
    from sqlalchemy import select

    from warta.store import models as M
    with store.session() as s:
        return {"docs": sorted(s.execute(select(M.Document.id, M.Document.doc_id, M.Document.body)).all()),
                "facts": sorted(s.execute(select(M.Fact.id, M.Fact.status, M.Fact.certainty, M.Fact.sources)).all()),
                "entities": sorted(s.scalars(select(M.Entity.id)).all())}


def test_spark_then_load_equals_ingest(spark, archive, tmp_path):
    from warta.spark.job import extract
    from warta.spark.load import load
    from warta.store.db import Store
    from warta.store.ingest import ingest
    counts = extract(spark, [str(archive)], tmp_path / "out", filter_scope=False)
    assert counts["documents"] >= 8 and counts["facts"] > 0
    a, b = Store(f"sqlite:///{tmp_path / 'spark.db'}"), Store(f"sqlite:///{tmp_path / 'ingest.db'}")
    a.migrate()
    b.migrate()
    load(tmp_path / "out", a)
    ingest(b, [str(archive)])
    got, want = _contents(a), _contents(b)
    assert got["docs"] == want["docs"] and got["facts"] == want["facts"] and got["entities"] == want["entities"]
    again = load(tmp_path / "out", a)
    assert again["stored"] == 0 and _contents(a) == got  # loading twice changes nothing


def test_corrupt_record_in_the_middle_costs_that_record_only(spark, tmp_path):
    from warta.spark.job import extract
    body = page_html(sorted(EXAMPLES.glob("*.txt"))[0])
    members = []
    for i in range(3):
        p = tmp_path / f"one{i}.warc.gz"
        build_warc(p, [(f"https://contoh.invalid/{i}", body.replace("JAKARTA", f"JAKARTA {i}"))])
        members.append(p.read_bytes())
    bad = bytearray(members[1])
    bad[40:80] = b"\x00" * 40          # damage the middle record's compressed bytes
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mixed.warc.gz").write_bytes(members[0] + bytes(bad) + members[2])
    counts = extract(spark, [str(tmp_path / "in")], tmp_path / "out", filter_scope=False)
    assert counts["documents"] == 2 and counts["failures"] >= 1
    import pyarrow.dataset as ds
    fails = ds.dataset(str(tmp_path / "out" / "failures"), format="parquet").to_table().to_pylist()
    assert all("mixed.warc.gz" in f["source"] and f["stage"] == "read" for f in fails)


def test_topic_filter_drops_out_of_scope_pages(spark, tmp_path):
    from warta.spark.job import extract
    build_warc(tmp_path / "x.warc.gz", [("https://contoh.invalid/resep", "<html><body><p>Resep rendang: daging, santan, "
                                         "cabai dan bumbu dimasak perlahan selama empat jam hingga kering.</p></body></html>")])
    counts = extract(spark, [str(tmp_path / "x.warc.gz")], tmp_path / "out")
    assert counts["documents"] == 0 and counts["failures"] == 1
