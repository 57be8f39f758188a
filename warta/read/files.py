"""Paths to pages: directories (recursive), `-` for standard input, and files
sniffed by name and content (WARC, JSON Lines, HTML, page text, gzipped or not)."""
from __future__ import annotations

import errno
import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from warta.model import RawPage, ReadFailure
from warta.read.decode import NotText, to_text
from warta.read.ids import content_id, file_doc_id
from warta.read.jsonl import bounded_lines, read_jsonl_lines
from warta.read.text import looks_like_html, page_from_text
from warta.read.warc import read_warc_stream
from warta.settings import Settings

PAGE_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", ".jsonl", ".warc", ".gz"}


def read_inputs(paths: Iterable[str], settings: Settings | None = None) -> Iterator[RawPage | ReadFailure]:
    settings = settings or Settings.from_env()
    for p in paths:
        yield from read_path(p, settings)


def read_path(path: str, settings: Settings | None = None) -> Iterator[RawPage | ReadFailure]:
    settings = settings or Settings.from_env()
    if path == "-":
        yield from _read_stdin(settings)
        return
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:   # missing, a symlink loop, a folder on the way that cannot be entered
        yield ReadFailure(path, _why(exc))
        return
    if stat.S_ISDIR(st.st_mode):
        failures: list[ReadFailure] = []
        for f in sorted(_walk(p, failures)):
            yield from read_file(f, settings)
        yield from failures
    else:
        yield from read_file(p, settings)


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.EACCES:
        return "permission denied"
    return f"cannot read: {exc.strerror or exc}"


def _walk(root: Path, failures: list[ReadFailure]) -> Iterator[Path]:
    """Page files under `root`; a sub-folder that cannot be listed becomes a failure, not a silence."""
    def unreadable(exc: OSError) -> None:
        failures.append(ReadFailure(str(exc.filename or root), f"folder not read: {_why(exc)}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            f = Path(dirpath) / name
            if not name.startswith(".") and _suffixes(f) & PAGE_SUFFIXES and not name.endswith(".gold.json"):
                yield f


def _suffixes(p: Path) -> set[str]:
    return {s.lower() for s in p.suffixes}


def read_file(path: Path, settings: Settings) -> Iterator[RawPage | ReadFailure]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield ReadFailure(source, "empty file")
            return
        sx = _suffixes(path)
        gz = path.name.lower().endswith(".gz")
        if ".warc" in sx or ".arc" in sx:
            with open(path, "rb") as fh:
                yield from read_warc_stream(fh, source, settings.max_page_bytes)
            return
        if ".jsonl" in sx:
            with _open_text(path, gz) as fh:
                yield from read_jsonl_lines(_guard_lines(bounded_lines(fh, settings.max_page_bytes), source), source)
            return
        if not gz and size > settings.max_page_bytes:
            yield ReadFailure(source, f"page is {size / 1e6:.1f} MB, over the {settings.max_page_bytes / 1e6:.0f} MB limit (WARTA_MAX_PAGE_BYTES)")
            return
        data = _read_bounded(path, gz, settings.max_page_bytes)
        yield from _page_from_bytes(data, file_doc_id(source), source, html_hint=bool(sx & {".html", ".htm", ".xhtml"}))
    except _TooLarge as exc:
        yield ReadFailure(source, str(exc))
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield ReadFailure(source, f"truncated or corrupt gzip: {type(exc).__name__}: {exc}")
    except NotText as exc:
        yield ReadFailure(source, str(exc))
    except OSError as exc:
        yield ReadFailure(source, _why(exc))


class _TooLarge(ValueError):
    pass


def _read_bounded(path: Path, gz: bool, limit: int) -> bytes:
    opener = gzip.open if gz else open
    with opener(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise _TooLarge(f"page is over the {limit / 1e6:.0f} MB limit once decompressed (WARTA_MAX_PAGE_BYTES)")
    return data


def _open_text(path: Path, gz: bool):
    raw = gzip.open(path, "rb") if gz else open(path, "rb")
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline=None)


def _guard_lines(fh, source: str) -> Iterator[str]:
    try:
        yield from fh
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise EOFError(f"{source}: truncated: {exc}") from exc


def _page_from_bytes(data: bytes, doc_id: str, source: str, html_hint: bool = False) -> Iterator[RawPage | ReadFailure]:
    text = to_text(data, source)
    if html_hint or looks_like_html(text):
        yield RawPage(doc_id=doc_id, source=source, kind="html", content=text)
    else:
        yield page_from_text(text, doc_id, source)


def _read_stdin(settings: Settings) -> Iterator[RawPage | ReadFailure]:
    data = sys.stdin.buffer.read(settings.max_page_bytes * 5 + 1)
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield ReadFailure("<stdin>", f"truncated or corrupt gzip: {exc}")
            return
    head = data[:64].lstrip()
    if head.startswith(b"WARC/"):
        yield from read_warc_stream(io.BytesIO(data), "<stdin>", settings.max_page_bytes)
        return
    if not data.strip():
        yield ReadFailure("<stdin>", "empty input")
        return
    if head.startswith(b"{"):
        lines = bounded_lines(io.StringIO(data.decode("utf-8", "replace")), settings.max_page_bytes)
        yield from read_jsonl_lines(lines, "<stdin>")
        return
    if len(data) > settings.max_page_bytes:
        yield ReadFailure("<stdin>", "page over the size limit (WARTA_MAX_PAGE_BYTES)")
        return
    try:
        yield from _page_from_bytes(data, content_id(data), "<stdin>")
    except NotText as exc:
        yield ReadFailure("<stdin>", str(exc))
