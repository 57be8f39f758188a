"""Each reader on well-formed input, and every kind of bad input the issue names:
a one-line reason naming the file, and the batch goes on."""
from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from warta.model import RawPage, ReadFailure
from warta.read import read_inputs
from warta.settings import Settings

PAGE = "Kompas  Otomotif\nJudul Berita\n\nJAKARTA - PT Contoh Motor meluncurkan mobil listrik baru hari ini di Jakarta.\n"
HTML = "<html><head><title>Judul</title></head><body><article><p>JAKARTA - Sebuah paragraf berita yang cukup panjang untuk dianggap artikel oleh pengekstrak.</p></article></body></html>"


def _read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], Settings(**kw) if kw else None))


def _warc(path, records, truncate_at=None):
    """A WARC of HTML responses, gzipped per record when the name ends in .gz."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=path.name.endswith(".gz"))
    for uri, html, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers))
    data = buf.getvalue()
    path.write_bytes(data[:truncate_at] if truncate_at else data)
    return path


def test_text_page_with_crawl_header(tmp_path):
    f = tmp_path / "001_abc.txt"
    f.write_text(" date 2023-10-15 Advertisement\n" + PAGE, encoding="utf-8")
    [p] = _read(f)
    assert isinstance(p, RawPage) and p.doc_id == "001_abc" and p.kind == "text"
    assert p.date_hint == "2023-10-15"
    assert p.content.startswith("Advertisement\nKompas")


def test_html_file_and_gzipped_html(tmp_path):
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(HTML.encode()))
    pages = _read(tmp_path)
    assert [(p.doc_id, p.kind) for p in pages] == [("a", "html"), ("b", "html")]


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "z.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "x.gold.json").write_text("{}", encoding="utf-8")
    assert [p.doc_id for p in _read(tmp_path)] == ["a", "z"]


def test_jsonl_records_and_a_broken_line(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "r1", "url": "http://x/1", "text": PAGE, "date": "2024-01-02"}),
        "{not json",
        json.dumps({"url": "http://x/2", "html": HTML}),
        json.dumps({"id": "r4"}),
    ]), encoding="utf-8")
    out = _read(f)
    assert [type(o).__name__ for o in out] == ["RawPage", "ReadFailure", "RawPage", "ReadFailure"]
    assert out[0].doc_id == "r1" and out[0].date_hint == "2024-01-02"
    assert out[1].source.endswith("feed.jsonl:2") and "not JSON" in out[1].reason
    assert out[2].kind == "html" and len(out[2].doc_id) == 16
    assert "neither" in out[3].reason


def test_warc_yields_every_html_response(tmp_path):
    f = _warc(tmp_path / "crawl.warc.gz", [("http://a/1", HTML, "text/html; charset=utf-8"),
                                           ("http://a/img", "GIF89a", "image/gif"),
                                           ("http://a/2", HTML.replace("Judul", "Lain"), "text/html")])
    pages = _read(f)
    assert [p.url for p in pages] == ["http://a/1", "http://a/2"]
    assert all(p.kind == "html" and "#" in p.source for p in pages)
    assert len({p.doc_id for p in pages}) == 2


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path):
    full = _warc(tmp_path / "full.warc.gz", [("http://a/%d" % i, HTML, "text/html") for i in range(3)])
    size = full.stat().st_size
    f = _warc(tmp_path / "cut.warc.gz", [("http://a/%d" % i, HTML, "text/html") for i in range(3)], truncate_at=size - 40)
    out = _read(f)
    assert isinstance(out[-1], ReadFailure) and "cut.warc.gz" in out[-1].source
    assert sum(isinstance(o, RawPage) for o in out) == 2


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n", "empty"),
    ("binary.txt", b"\x00\x01\x02PNG\x00" * 50, "binary"),
    ("cut.txt.gz", gzip.compress(PAGE.encode() * 20)[:30], "gzip"),
])
def test_bad_files_fail_with_a_reason_and_the_batch_goes_on(tmp_path, name, data, reason):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "zz_good.txt"
    good.write_text(PAGE, encoding="utf-8")
    out = _read(bad, good)
    assert isinstance(out[0], ReadFailure) and out[0].source == str(bad) and reason in out[0].reason
    assert isinstance(out[1], RawPage)


def test_a_50_mb_page_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.html"
    with open(big, "wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    [f] = _read(big)
    assert isinstance(f, ReadFailure) and "limit" in f.reason and "MB" in f.reason


def test_cp1252_text_is_read_with_a_fallback(tmp_path, capsys):
    f = tmp_path / "lama.txt"
    f.write_bytes("JAKARTA - Harga naik 5\u2030 menurut \u201cdata\u201d resmi perusahaan tahun ini.".encode("cp1252"))
    [p] = _read(f)
    assert isinstance(p, RawPage) and "\u201cdata\u201d" in p.content
    assert "not valid UTF-8" in capsys.readouterr().err


def test_missing_path(tmp_path):
    [f] = _read(tmp_path / "nope.txt")
    assert isinstance(f, ReadFailure) and "no such file" in f.reason


def test_stdin_text_and_warc(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    [p] = list(read_inputs(["-"]))
    assert p.kind == "text" and p.source == "<stdin>"
