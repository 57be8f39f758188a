"""The publication date of an HTML page, from what the page says of itself.

In order: a meta tag naming the publication time (warta/data/clean/dates.yaml
`published_meta`, never a modified or updated time), the JSON-LD `datePublished`,
the first `<time datetime>` element; then the date trafilatura found, unless it is
only a year padded to 1 January (trafilatura reads a bare year, often the footer's
copyright, as YYYY-01-01) that the page never prints as a date.
"""
from __future__ import annotations

import re
from functools import lru_cache

from warta.clean.lexicon import load

ISO = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?")
LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


@lru_cache(maxsize=1)
def _meta_keys() -> dict[str, int]:
    return {k.lower(): i for i, k in enumerate(load("dates")["published_meta"])}


def _iso(v: str | None) -> str | None:
    m = ISO.search(v or "")
    return m.group(0).replace(" ", "T", 1) if m else None


def from_tree(tree) -> str | None:
    """The publication time the page's markup states, or None."""
    if tree is None:
        return None
    keys = _meta_keys()
    best: tuple[int, str] | None = None
    for m in tree.iter("meta"):
        k = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if k in keys:
            v = _iso(m.get("content"))
            if v and (best is None or keys[k] < best[0]):
                best = (keys[k], v)
    if best:
        return best[1]
    for s in tree.iter("script"):
        if (s.get("type") or "").lower() == "application/ld+json" and s.text:
            m = LD_PUBLISHED.search(s.text)
            if m and _iso(m.group(1)):
                return _iso(m.group(1))
    for t in tree.iter("time"):
        v = _iso(t.get("datetime"))
        if v:
            return v
    return None


def padded_year(date: str | None, html: str) -> bool:
    """A bare "YYYY-01-01" that the page prints nowhere: a year, not a date."""
    return date is not None and re.fullmatch(r"(?:19|20)\d{2}-01-01", date) is not None and date not in html
