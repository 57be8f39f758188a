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


def read_warc_stream(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[RawPage | ReadFailure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    it = ArchiveIterator(stream)
    offset = 0
    try:
        for n, rec in enumerate(it):
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
            offset = it.get_record_offset()  # valid once the record is read
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
