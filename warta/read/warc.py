"""WARC and WARC.gz archives: every HTML response record, streamed with warcio.

A damaged archive yields the records read before the damage, then one failure
naming the file and the byte offset where reading stopped.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warta.model import RawPage, ReadFailure
from warta.read.decode import NotText, to_text
from warta.read.ids import content_id

HTML_TYPES = ("text/html", "application/xhtml")


MARKERS = (b"\x1f\x8b\x08", b"WARC/1.")


def read_warc_stream(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[RawPage | ReadFailure]:
    """Every HTML response record.  On a damaged record, a seekable stream is searched
    for the next record start (a gzip member or a WARC header) and reading goes on,
    so a corrupt record in the middle costs that record only."""
    start = stream.tell() if stream.seekable() else 0
    while True:
        broke_at = yield from _read_from(stream, source, max_bytes)
        if broke_at is None or not stream.seekable():
            return
        nxt = _next_record(stream, broke_at + 1)
        if nxt is None or nxt <= start:
            return
        start = nxt
        stream.seek(nxt)


def _next_record(stream: BinaryIO, pos: int) -> int | None:
    stream.seek(pos)
    window = b""
    base = pos
    while True:
        chunk = stream.read(1 << 20)
        if not chunk:
            return None
        window += chunk
        hits = [window.find(m) for m in MARKERS]
        hits = [h for h in hits if h >= 0]
        if hits:
            return base + min(hits)
        base += len(window) - 8
        window = window[-8:]


class _QuietIterator:
    """warcio's ArchiveIterator, made once, that counts rather than prints a record whose
    Content-Length does not land on the blank lines between records."""
    cls = None

    @classmethod
    def make(cls, stream):
        if cls.cls is None:
            from warcio.archiveiterator import ArchiveIterator

            class Quiet(ArchiveIterator):
                INC_RECORD = ""
            cls.cls = Quiet
        return cls.cls(stream)


def _clean(msg: str) -> str:
    """An exception's text as one printable line: damaged archives put raw bytes in it."""
    return "".join(c if c.isprintable() else " " for c in ascii(msg)[1:-1])[:120]


def _read_from(stream: BinaryIO, source: str, max_bytes: int):
    """Read records until the archive breaks; return the offset to resynchronise after, or None at its end."""
    it = _QuietIterator.make(stream)
    offset = stream.tell() if stream.seekable() else 0     # where the record being read starts
    try:
        for rec in it:
            if rec.rec_headers.get_header("Content-Length") is None:
                # without its length warcio reads every later record as this one's body
                yield ReadFailure(f"{source}#{offset}", "record has no Content-Length header (archive damaged); "
                                                        "record skipped, reading resumes at the next record header")
                return offset
            errs = it.err_count
            page = _page_of(rec, source, max_bytes, it)
            offset = it.get_record_offset()                  # valid once the record is read to its end
            where = f"{source}#{offset}"
            if it.err_count > errs:
                yield ReadFailure(where, "record's Content-Length does not end where the next record "
                                         "starts; record skipped, reading resumes at the next record header")
                return offset
            if page is not None:
                yield page
            offset = it.offset                               # the next record starts here
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged bytes; one page's damage, not the batch's
        yield ReadFailure(f"{source}#{offset}", f"archive damaged at byte {offset}: {type(exc).__name__}: {_clean(str(exc))}")
        return offset
    return None


def _page_of(rec, source: str, max_bytes: int, it) -> RawPage | ReadFailure | None:
    if rec.rec_type != "response":
        return None
    ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
    if not any(t in ctype.lower() for t in HTML_TYPES):
        return None
    status = rec.http_headers.get_statuscode() if rec.http_headers else "200"
    if status and not str(status).startswith("2"):
        return None
    uri = rec.rec_headers.get_header("WARC-Target-URI")
    data = rec.content_stream().read(max_bytes + 1)
    missing = getattr(rec.raw_stream, "limit", 0)
    where = f"{source}#{it.get_record_offset()}"
    if len(data) <= max_bytes and missing > 0:
        return ReadFailure(where, f"record truncated: {missing} bytes missing (archive damaged)")
    if len(data) > max_bytes:
        return ReadFailure(where, f"record over the {max_bytes // 1_000_000} MB page limit")
    try:
        html = to_text(data, where)
    except NotText as exc:
        return ReadFailure(where, str(exc))
    date = (rec.rec_headers.get_header("WARC-Date") or "")[:10] or None
    digest = rec.rec_headers.get_header("WARC-Payload-Digest") or rec.rec_headers.get_header("WARC-Record-ID")
    return RawPage(doc_id=content_id(uri, digest, html if not digest else None), source=where,
                   kind="html", content=html, url=uri, date_hint=date)
