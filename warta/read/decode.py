"""Bytes to text: UTF-8 first, then the Windows/Latin encodings old portals still send."""
from __future__ import annotations

import sys


class NotText(ValueError):
    pass


_warned: set[str] = set()


def to_text(data: bytes, source: str) -> str:
    if not data.strip():
        raise NotText("empty file")
    head = data[:8192]
    if b"\x00" in head:
        raise NotText("binary file (NUL bytes), not a page")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        pos = exc.start
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if source not in _warned:
            _warned.add(source)
            print(f"warta: {source}: not valid UTF-8 (byte {pos}); read as {enc}", file=sys.stderr)
        return text
    raise NotText("undecodable text")  # pragma: no cover - latin-1 decodes any bytes
