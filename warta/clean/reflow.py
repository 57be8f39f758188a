"""Hard-wrapped text re-flowed into paragraphs before cleaning.

Wire copies, e-mail alerts and some archives break every line near a fixed width
(~60-80 characters), so a paragraph arrives as a run of short lines that end in the
middle of a sentence.  The cleaner judges lines, and such a line looks like a caption
or a menu item: left as it is, the whole article is dropped.

A page is taken as hard-wrapped when many of its lines stop short of a sentence's end
near one common width and go on in the next line with a lower-case word.  Then a line
is joined to the next when it ends without a sentence closer, fills at least half the
width, is not a byline, and the next line is text (not a bullet, a blank or a
dateline that opens the article).  Pages that are not wrapped
are returned unchanged.
"""
from __future__ import annotations

import re

from warta import datafiles

CLOSERS = ('.', '!', '?', '"', '”', '’', ':', ';', ')', ']', '…')
BULLET = re.compile(r"^\s*(?:[*•·\-–—]|\d+[.)])\s")
BYLINE = re.compile(r"^(?:by|oleh|reporting by|penulis|reporter)\b", re.I)
DATELINE = re.compile(r"^[A-Z][A-Z/.'-]+(?:[ /][A-Z][A-Z/.'-]+)*\s*(?:,|\(|-|–)")   # "SINGAPORE/HONG KONG, May 7"
_T = datafiles.load("thresholds.yaml")["clean"]["reflow"]
MIN_LINES = _T["min_lines"]
MAX_WIDTH = _T["max_width"]
MIN_WIDTH = _T["min_width"]
MIN_SHARE = _T["run_on_share"]   # of the lines near the width, this share must run on into a lower-case line


def _width(lines: list[str]) -> int:
    lens = sorted(len(s) for s in lines)
    return lens[int(0.9 * (len(lens) - 1))]


def _runs_on(s: str, nxt: str, width: int) -> bool:
    return (len(s) >= 0.5 * width and not s.endswith(CLOSERS) and bool(nxt)
            and not BULLET.match(nxt) and not s.startswith(("*", "•"))
            and not BYLINE.match(s) and not DATELINE.match(nxt))


def is_hard_wrapped(text: str) -> bool:
    lines = [s.strip() for s in text.split("\n")]
    full = [s for s in lines if s]
    if len(full) < MIN_LINES:
        return False
    width = _width(full)
    if width > MAX_WIDTH or width < MIN_WIDTH:
        return False
    near = [(s, n) for s, n in zip(lines, lines[1:]) if s and len(s) >= 0.6 * width]
    if len(near) < MIN_LINES // 2:
        return False
    lower = sum(1 for s, n in near if _runs_on(s, n, width) and n[:1].islower())
    return lower >= 3 and lower / len(near) >= MIN_SHARE


def reflow(text: str) -> str:
    if not is_hard_wrapped(text):
        return text
    lines = [s.strip() for s in text.split("\n")]
    width = _width([s for s in lines if s])
    out: list[str] = []
    joining = False
    for i, s in enumerate(lines):
        if joining and s:
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        joining = bool(s) and _runs_on(s, nxt, width)
    return "\n".join(out)
