"""Bytes to text: UTF-8 first, then the Windows/Latin encodings old portals still send."""
from __future__ import annotations

import sys


class NotText(ValueError):
    pass


_warned: set[str] = set()


BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
CONTROLS = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}


def _looks_binary(sample: bytes) -> bool:
    """Bytes that are no page in any encoding: control characters a text never holds,
    or (once UTF-8 has failed) mostly high bytes, which a Windows-1252 page has a few of."""
    if not sample:
        return False
    ctl = sum(b in CONTROLS for b in sample)
    high = sum(b >= 0x80 for b in sample)
    return ctl > len(sample) // 100 + 1 or high > len(sample) * 0.3


def to_text(data: bytes, source: str) -> str:
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {enc.upper()} byte-order mark but is not {enc.upper()} (byte {exc.start})") from None
            if not text.strip():
                raise NotText("empty file")
            return text
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
    if _looks_binary(head):
        raise NotText("binary file (not text in UTF-8 or a Windows encoding), not a page")
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
