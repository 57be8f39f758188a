"""The Spark job then `warta load` store exactly what `warta ingest` stores from the
same archives: the same documents with the same dates and near-duplicate marks, the
same entities and the same facts.  The archives are in Common Crawl's CC-NEWS layout,
the job reads them through a month's warc.paths listing, and ingest reads the folder."""
from __future__ import annotations

import io

import pytest

from tests.conftest import EXAMPLES
from tests.spark.test_spark import page_html

pytest.importorskip("pyspark", reason="PySpark is in the dev and spark extras")
pytestmark = pytest.mark.spark


def write_warc(path, records: list[tuple[str, str, str | None]]) -> None:
    """A CC-NEWS-like archive: a warcinfo record, then one response per (uri, html, WARC-Date)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    w.write_record(w.create_warcinfo_record(path.name, {"software": "test", "isPartOf": "CC-NEWS"}))
    for uri, body, date in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=UTF-8")], protocol="HTTP/1.1")
        extra = {"WARC-Date": date} if date else None
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()), http_headers=headers,
                                            warc_headers_dict=extra))
    path.write_bytes(buf.getvalue())


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """Two months of archives; the second month repeats three stories syndicated elsewhere,
    with other chrome, and repeats one page byte for byte."""
    root = tmp_path_factory.mktemp("ccnews")
    texts = sorted(EXAMPLES.glob("*.txt"))[:6]
    jan = [(f"https://contoh.invalid/{p.stem}", page_html(p), "2024-01-15T03:04:05Z") for p in texts]
    jan += [(f"https://contoh.invalid/{p.stem}", p.read_text(encoding="utf-8"), "2024-01-16T00:00:00Z")
            for p in sorted(EXAMPLES.glob("*.html"))]
    copies = [(f"https://lain.invalid/salinan/{p.stem}",
               page_html(p).replace("<html><body>", "<html><body><p>Baca juga: berita lain di sini</p>"),
               "2024-02-02T10:00:00Z") for p in texts[:3]]
    undated = ("<html><body><article><p>PT Sinar Contoh Energi dan PT Mitra Baterai Nusantara menandatangani perjanjian "
               "kerja sama untuk membangun pabrik sel baterai di Karawang, Jawa Barat.</p><p>Kedua perusahaan akan "
               "berinvestasi bersama dalam proyek tersebut, kata direktur utama Sinar Contoh Energi kepada wartawan.</p>"
               "</article></body></html>")
    feb = [*copies, jan[0], (f"https://contoh.invalid/{texts[4].stem}-2", page_html(texts[4]), "2024-02-03T08:00:00Z"),
           ("https://contoh.invalid/tanpa-tanggal", undated, "2024-02-04T23:59:00Z")]
    a = root / "crawl-data" / "CC-NEWS" / "2024" / "01" / "CC-NEWS-20240115000000-00000.warc.gz"
    b = root / "crawl-data" / "CC-NEWS" / "2024" / "02" / "CC-NEWS-20240202000000-00001.warc.gz"
    write_warc(a, jan)
    write_warc(b, feb)
    listing = root / "warc.paths"
    listing.write_text(f"{a.relative_to(root)}\n{b.relative_to(root)}\n", encoding="utf-8")
    return root, listing


def stored(store) -> dict[str, list]:
    from sqlalchemy import select

    from warta.store import models as M
    with store.session() as s:
        return {
            "documents": sorted(s.execute(select(M.Document.id, M.Document.doc_id, M.Document.revision, M.Document.date,
                                                 M.Document.duplicate_of, M.Document.source, M.Document.url,
                                                 M.Document.body)).all()),
            "entities": sorted(s.execute(select(M.Entity.id, M.Entity.type, M.Entity.name)).all()),
            "mentions": sorted(s.execute(select(M.EntityDocument.entity_id, M.EntityDocument.document_id,
                                                M.EntityDocument.mentions)).all()),
            "facts": sorted(s.execute(select(M.Fact.id, M.Fact.type, M.Fact.status, M.Fact.certainty, M.Fact.sources,
                                             M.Fact.first_seen, M.Fact.last_seen)).all()),
            "evidence": sorted(s.execute(select(M.Evidence.fact_id, M.Evidence.document_id, M.Evidence.start,
                                                M.Evidence.date)).all()),
            "failures": sorted(s.execute(select(M.Failure.source, M.Failure.stage)).all()),
        }


def test_spark_then_load_stores_what_ingest_stores(spark, crawl, tmp_path):
    from warta.spark.job import extract
    from warta.spark.load import load
    from warta.store.db import Store
    from warta.store.ingest import ingest
    root, listing = crawl
    counts = extract(spark, [str(listing)], tmp_path / "out", partitions=3, filter_scope=False)
    by_spark, by_ingest = Store(f"sqlite:///{tmp_path / 'spark.db'}"), Store(f"sqlite:///{tmp_path / 'ingest.db'}")
    by_spark.migrate()
    by_ingest.migrate()
    load(tmp_path / "out", by_spark)
    ingest(by_ingest, [str(root / "crawl-data")])
    got, want = stored(by_spark), stored(by_ingest)
    for table in want:
        assert got[table] == want[table], table
    docs = want["documents"]
    # what the comparison covers: every page (one of them twice), the copies marked, dated by their pages,
    # and a page that prints no date filed under its crawl record's date
    assert counts["documents"] == len(docs) + 1 == 14
    assert next(d.date for d in docs if d.url.endswith("/tanpa-tanggal")) == "2024-02-04"
    originals = {d.doc_id for d in docs if d.duplicate_of is None}
    copies = [d for d in docs if d.duplicate_of is not None]
    assert len(copies) == 4 and all(d.duplicate_of in originals for d in copies)
    assert len({d.date for d in docs}) > 2 and want["facts"] and want["entities"]
    assert all(d.source.startswith(str(root)) for d in docs)
