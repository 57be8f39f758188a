"""Stable ids: a file's name without its extensions, or a content hash."""
from __future__ import annotations

import hashlib
from pathlib import PurePath

EXTENSIONS = (".gz", ".txt", ".html", ".htm", ".xhtml", ".jsonl", ".json", ".warc", ".arc")


def file_doc_id(path: str) -> str:
    name = PurePath(path).name
    while True:
        low = name.lower()
        ext = next((e for e in EXTENSIONS if low.endswith(e) and len(name) > len(e)), None)
        if ext is None:
            return name
        name = name[: -len(ext)]


def content_id(*parts: str | bytes | None) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass") if isinstance(p, str) else (p or b""))
        h.update(b"\x1f")
    return h.hexdigest()[:16]
