"""Stage "clean": raw page -> article body, metadata and the chrome removed."""
from __future__ import annotations

import re

from warta.clean.metadata import extract_metadata
from warta.clean.reflow import reflow
from warta.clean.text import clean_extracted, clean_lines
from warta.model import WorkDoc
from warta.stage import stage


class NoArticle(ValueError):
    pass


@stage("clean", requires=("raw",), assigns=("doc.body", "doc.metadata", "removed"))
def clean(wd: WorkDoc) -> WorkDoc:
    raw = wd.raw
    if raw.kind == "html":
        from warta.clean.html import html_to_page
        page = html_to_page(raw.content, raw.url)
        # trafilatura has already cut the page to its article: the flattened-page rules
        # (find the lead, stop at the first list heading) would cut articles short
        c = clean_extracted(page.text, page.title)
        meta = extract_metadata(c, url=raw.url)
        # the HTML's own metadata is better than what a text head can give
        meta.title = page.title or meta.title
        meta.published = page.published or meta.published
        meta.authors = page.authors or meta.authors
        if meta.published:
            meta.published_inferred = None
        c.removed = page.removed + c.removed
    else:
        c = clean_lines(reflow(raw.content))
        meta = extract_metadata(c, url=raw.url)
        # a full date above a flattened page ("date 2025-12-15") dates it when the page
        # prints no date of its own (bare: it gives no time)
        if not meta.published and raw.date_hint and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.date_hint):
            meta.published, meta.published_inferred = raw.date_hint, None
    if not c.paragraphs:
        raise NoArticle("no article text found")
    wd.doc.body = c.body
    wd.doc.metadata = meta
    wd.removed = c.removed
    return wd
