"""The authors an HTML extractor reports, cleaned as a reader would write them.

trafilatura reads authors from meta tags and byline elements, and brings along what
sits beside the name there: the label ("Written By", "Author"), the date that follows
("Supermove February 8"), a job title ("... Trending Editor"), the publisher itself
("USA TODAY", the site's own name), a credential split off as a name ("Ph D"), and
the same person twice ("Tina Flint Huffman; Tina Huffman").  A publisher named as the
author stays: on many sites it is the only byline there is.  The labels and month
names are the ones the text cleaner uses (warta/data/clean/).
"""
from __future__ import annotations

import re
from functools import lru_cache

from warta import calendar
from warta.clean.lexicon import load


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    chrome = load("chrome")
    labels = sorted({*chrome["author_labels"], *chrome["wire_author_labels"]}, key=len, reverse=True)
    label = re.compile(r"^(?:%s)\b\s*:?\s*" % "|".join(re.escape(x) for x in labels), re.I)
    months = sorted(calendar.months(), key=len, reverse=True)
    month = re.compile(r"\s+(?:%s)\b.*$" % "|".join(re.escape(m) for m in months if len(m) > 3), re.I)
    job = re.compile(r"\s+(?:%s)$" % "|".join(re.escape(x) for x in chrome["author_job_titles"]), re.I)
    return label, month, job


CREDENTIAL = re.compile(r"^(?:[A-Z]{2,6}\.?|Ph\.? ?D\.?|M\.?D\.?|Sr\.?|Jr\.?)(?:\s+[A-Z][a-z]+)?$")


def clean_authors(names: list[str], site: str | None = None, host: str | None = None) -> list[str]:
    label, month, job = _patterns()
    out: list[str] = []
    for raw in names:
        n = label.sub("", raw.strip())
        n = job.sub("", month.sub("", n)).strip(" ,;:-|")
        if not n or not re.search(r"[A-Za-z]", n) or n.casefold() in {"written by", "author", "the author"}:
            continue
        if CREDENTIAL.match(n) and out:      # "Ph D" split off "Genevieve Carlton": it goes back
            out[-1] = f"{out[-1]}, {n}"
            continue
        low = n.casefold()
        if any(_same_person(low, o.casefold()) for o in out):
            continue
        out.append(n)
    return out


def _same_person(a: str, b: str) -> bool:
    """"tina huffman" and "tina flint huffman": the same first and last name."""
    wa, wb = a.split(), b.split()
    return a == b or (len(wa) >= 2 and len(wb) >= 2 and wa[0] == wb[0] and wa[-1] == wb[-1])


# where a page names its author when its meta tags do not (schema.org, rel=author, byline classes)
BYLINE_XPATHS = (
    '//meta[@name="author"]/@content',
    '//*[@itemprop="author"]//*[@itemprop="name"]',
    '//*[@itemprop="author"]',
    '//a[@rel="author"]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " author-name ")]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " byline__name ")]',
)


def byline_candidates(tree) -> list[str]:
    """The first author-marked element's text (`tree` parsed by lxml.html, before pruning)."""
    for xp in BYLINE_XPATHS:
        for el in tree.xpath(xp)[:3]:
            t = re.sub(r"\s+", " ", el if isinstance(el, str) else el.text_content()).strip()
            if t and len(t.split()) <= 8:
                return [t]
    return []
