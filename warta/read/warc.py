"""WARC and WARC.gz archives: every HTML response record, streamed with warcio.

A damaged archive yields the records read before the damage, then one failure
naming the file and the byte offset where reading stopped.
"""
from __future__ import annotations

import zlib
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


def _read_from(stream: BinaryIO, source: str, max_bytes: int):
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    origin = stream.tell() if stream.seekable() else 0
    it = ArchiveIterator(stream)
    offset = origin
    try:
        for rec in it:
            if rec.rec_type != "response":
                continue
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
            if not any(t in ctype.lower() for t in HTML_TYPES):
                continue
            status = rec.http_headers.get_statuscode() if rec.http_headers else "200"
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            if status and not str(status).startswith("2"):
                continue
            data = rec.content_stream().read(max_bytes + 1)
            offset = origin + it.get_record_offset()  # valid once the record is read
            where = f"{source}#{offset}"
            if len(data) <= max_bytes and getattr(rec.raw_stream, "limit", 0) > 0:
                yield ReadFailure(where, f"record truncated: {rec.raw_stream.limit} bytes missing (archive damaged after byte {offset})")
                continue
            if len(data) > max_bytes:
                yield ReadFailure(where, f"record over the {max_bytes // 1_000_000} MB page limit")
                continue
            try:
                html = to_text(data, where)
            except NotText as exc:
                yield ReadFailure(where, str(exc))
                continue
            date = (rec.rec_headers.get_header("WARC-Date") or "")[:10] or None
            digest = rec.rec_headers.get_header("WARC-Payload-Digest") or rec.rec_headers.get_header("WARC-Record-ID")
            yield RawPage(doc_id=content_id(uri, digest, html if not digest else None), source=where,
                          kind="html", content=html, url=uri, date_hint=date)
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        yield ReadFailure(source, f"archive damaged after byte {offset}: {type(exc).__name__}: {str(exc)[:120]}")
        return offset
    return None
