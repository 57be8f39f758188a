"""Common Crawl's CC-NEWS layout as job input: `crawl-data/CC-NEWS/YYYY/MM/CC-NEWS-*.warc.gz`.

An input is one of
- a `warc.paths` (or `warc.paths.gz`) listing, as Common Crawl publishes one per month:
  each line a path relative to the crawl's root.  A line is read from a local mirror when
  the listing sits inside one (the folder holding `crawl-data/` is an ancestor of the
  listing, or the listing's own folder); otherwise it is a URL under `base`;
- a local folder (a mirror, a month of it, or any folder of archives): every WARC under it;
- a glob such as `mirror/crawl-data/CC-NEWS/2024/0[12]/CC-NEWS-*.warc.gz`;
- an archive, or a URL Spark's filesystems read (`s3a://`, `hdfs://`...), kept as it is.
Archives come out in name order within each input, which for CC-NEWS is crawl order.
"""
from __future__ import annotations

import glob
import gzip
from pathlib import Path

CC_BASE = "https://data.commoncrawl.org/"
GLOB_CHARS = set("*?[")


def is_listing(path: str) -> bool:
    return Path(path).name.endswith(("warc.paths", "warc.paths.gz"))


def _is_archive(p: Path) -> bool:
    return ".warc" in p.name and not p.name.startswith(".") and not is_listing(str(p))


def listing_lines(path: Path) -> list[str]:
    """The archive paths a listing names, in its order; blank lines and comments left out."""
    data = path.read_bytes()
    text = gzip.decompress(data).decode("utf-8") if data[:2] == b"\x1f\x8b" else data.decode("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _resolve(line: str, listing: Path, base: str) -> str:
    if "://" in line:
        return line
    for root in (listing.parent, *listing.parent.parents):
        if (root / line).is_file():
            return str(root / line)
    return base.rstrip("/") + "/" + line.lstrip("/")


def archive_paths(inputs: list[str], base: str = CC_BASE) -> list[str]:
    """Every archive the inputs name, in order (see the module's docstring); a local path
    that names nothing raises ValueError naming it."""
    out: list[str] = []
    for i in inputs:
        if "://" in i and not i.startswith("file:"):
            out.append(i)
            continue
        local = i[len("file:"):] if i.startswith("file:") else i
        p = Path(local)
        if is_listing(local) and p.is_file():
            try:
                lines = listing_lines(p)
            except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile) as exc:
                raise ValueError(f"{i}: not a readable warc.paths listing: {exc}") from exc
            out += [_resolve(ln, p, base) for ln in lines]
        elif p.is_dir():
            out += [str(f) for f in sorted(p.rglob("*")) if f.is_file() and _is_archive(f)]   # as `warta ingest` orders a folder
        elif GLOB_CHARS & set(local):
            hits = sorted(glob.glob(local, recursive=True))
            if not hits:
                raise ValueError(f"{i}: no archive matches this pattern")
            out += hits
        elif p.is_file():
            out.append(local)
        else:
            raise ValueError(f"{i}: no such file or folder")
    return out
