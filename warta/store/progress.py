"""The ingest's progress bar, with a total when it is cheap to know: the page files in
the folders and files given are counted before the first page is read; when an
archive (WARC, JSON Lines) is among them, whose pages are not known before reading
it, the total is the bytes of the inputs and the bar follows the archive's offsets.
The bar moves as pages are read, so it runs at most one batch of pages
(warta.pipeline.BATCH) ahead of the pages stored."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from warta.read.files import _suffixes, _walk

ARCHIVE_SUFFIXES = {".warc", ".arc", ".jsonl"}


def _files(paths: Iterable[str]) -> list[Path] | None:
    """The page files the inputs name (folders walked as the reader walks them); None when
    standard input is among them."""
    out: list[Path] = []
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(_walk(path, [])))
        elif path.exists():
            out.append(path)
    return out


def input_total(paths: Iterable[str]) -> tuple[int | None, str]:
    """(total, unit): the number of pages when every input is a page file, else the bytes
    of the inputs when an archive is among them; (None, "pages") when it cannot be known."""
    files = _files(paths)
    if files is None:
        return None, "pages"
    if any(_suffixes(f) & ARCHIVE_SUFFIXES for f in files):
        return sum(_size(f) for f in files), "bytes"
    return len(files), "pages"


def _size(f: Path) -> int:
    try:
        return os.stat(f).st_size
    except OSError:
        return 0


class Tracker:
    """Where the reading is, from each item's source ("file", "file.warc#offset", "file.jsonl:line")."""

    def __init__(self, paths: list[str]):
        self.total, self.unit = input_total(paths)
        self.pages = 0
        self._done = 0          # bytes of the files finished
        self._file: str | None = None
        self.position = 0

    def advance(self, source: str) -> None:
        self.pages += 1
        if self.unit != "bytes":
            self.position = min(self.pages, self.total) if self.total is not None else self.pages
            return
        name, _, offset = source.partition("#")
        if not offset and not os.path.exists(name):
            name = name.rsplit(":", 1)[0]      # a JSON Lines line
        if name != self._file:
            if self._file is not None:
                self._done += _size(Path(self._file))
            self._file = name
        at = int(offset) if offset.isdigit() else 0
        self.position = min(self._done + at, self.total or 0)


def bar(items: Iterator, paths: list[str], console=None) -> Iterator:
    """`items` as they are read, shown on standard error with their total."""
    import rich.progress as rp
    from rich.console import Console
    tr = Tracker(paths)
    count = rp.DownloadColumn() if tr.unit == "bytes" else rp.MofNCompleteColumn()
    with rp.Progress(rp.SpinnerColumn(), rp.TextColumn("ingesting"), rp.BarColumn(), count,
                     rp.TextColumn("{task.fields[pages]} pages"), rp.TimeElapsedColumn(), rp.TimeRemainingColumn(),
                     console=console or Console(stderr=True), transient=True) as prog:
        task = prog.add_task("ingest", total=tr.total, pages=0)
        for it in items:
            yield it
            tr.advance(getattr(it, "source", "") or "")
            prog.update(task, completed=tr.position, pages=tr.pages)
        prog.update(task, completed=tr.total or tr.position)
