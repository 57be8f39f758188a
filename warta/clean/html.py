"""HTML pages through trafilatura, with Warta's Indonesian clean-up on top.

trafilatura finds the main text and the page's metadata; Warta then drops the
chrome lines trafilatura keeps on Indonesian portals ("Baca Juga:" links,
captions, "ADVERTISEMENT", share prompts) with the same line rules the
page-text cleaner uses.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from warta.clean import lines as L
from warta.clean.html_date import from_tree, padded_year


@dataclass
class HtmlPage:
    text: str                       # paragraphs separated by a blank line
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    url: str | None = None
    description: str | None = None
    removed: list[str] = field(default_factory=list)


def _extract(html, url: str | None):
    import trafilatura
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, deduplicate=False)
    if doc is None:
        return None, {}
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return meta.get("text") or "", meta


def html_to_page(html: str, url: str | None = None) -> HtmlPage:
    from trafilatura.utils import load_html
    tree = load_html(html)       # parsed once: the headline is read before trafilatura prunes the tree
    heads = _heads(tree)
    stated = from_tree(tree)     # the JSON-LD scripts are gone once trafilatura has pruned the tree
    text, meta = _extract(tree if tree is not None else html, url)
    if text is None:
        return HtmlPage(text="", url=url)
    kept, removed = [], []
    for raw in text.split("\n"):
        s = L.norm_line(raw)
        if not s:
            continue
        (removed if L.is_chrome_line(s) or L.is_heading(s) else kept).append(s)
    from urllib.parse import urlsplit

    from warta.clean.html_authors import clean_authors
    host = urlsplit(url or meta.get("url") or "").hostname
    named = [a for a in (meta.get("author") or "").split(";") if a.strip()] or (heads[2] if heads else [])
    authors = clean_authors(named, site=meta.get("sitename"), host=host)
    date = stated or (None if padded_year(meta.get("date"), html) else meta.get("date"))
    return HtmlPage(
        text="\n\n".join(kept), title=_title(heads, meta, url), published=date, authors=authors,
        site=meta.get("sitename"), url=url or meta.get("url"), description=meta.get("description"),
        removed=removed,
    )



def _heads(tree):
    """What the headline is chosen from, read off the tree before extraction changes it."""
    if tree is None:
        return None
    from warta.clean.html_authors import byline_candidates
    from warta.clean.html_title import candidates
    return (*candidates(tree), byline_candidates(tree))


def _title(heads, meta: dict, url: str | None) -> str | None:
    from urllib.parse import urlsplit

    from warta.clean.html_title import headline
    if heads is None:
        return meta.get("title")
    host = urlsplit(url or meta.get("url") or "").hostname
    return headline(heads[0], heads[1], fallback=meta.get("title"), site=meta.get("sitename"), host=host)
