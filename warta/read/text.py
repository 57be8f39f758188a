"""Flattened page text, as crawl dumps store it.

Some dumps put a crawl header first: a line starting ` date YYYY-MM-DD`, sometimes
followed on the same line by the page's first words.  The header becomes the
page's `date_hint` (the crawl's date, not the article's) and is cut from the text.
"""
from __future__ import annotations

import re

from warta.model import RawPage

CRAWL_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*")


def page_from_text(text: str, doc_id: str, source: str, url: str | None = None,
                   date_hint: str | None = None) -> RawPage:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    m = CRAWL_HEADER.match(text)
    if m:
        date_hint = date_hint or m.group(1)
        text = text[m.end():]
    return RawPage(doc_id=doc_id, source=source, kind="text", content=text, url=url, date_hint=date_hint)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)
