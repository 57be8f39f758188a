"""The headline among the lines of the page head.  The url's slug, when it has
one, picks the headline among the candidates (it never supplies the title: the
title is always a line of the page)."""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import unquote, urlparse

from warta import datafiles
from warta.clean import lines as L
from warta.clean.dates import find_dates
from warta.clean.lead import parse_lead
from warta.clean.lexicon import load

# a photo credit glued to the end of a headline: "... Kredit Foto: Budi Santoso"
TRAILING_CREDIT = re.compile(r"\s+(?:kredit\s+)?(?:foto|photo|image)\s*:\s*[^:]{2,60}$", re.I)
CRAWL_MONTH = re.compile(r"^date \d{4}-\d{2}\b")


def _is_label_line(s: str) -> bool:
    c = load("chrome")
    labels = "|".join(map(re.escape, c["author_labels"] + c["editor_labels"] + c["credit_labels"]))
    return bool(re.match(rf"^(?:{labels})\b\s*:?", s, re.I))


def _slug_tokens(url: str | None) -> set[str]:
    if not url:
        return set()
    path = unquote(urlparse(url).path).lower()
    toks = set()
    for part in path.split("/"):
        ws = re.findall(r"[a-z]+|\d+", part)
        if len(ws) >= 3:  # a slug, not a section name or an id
            toks |= {w for w in ws if not w.isdigit() or len(w) < 5}
    return toks


def _tokens(s: str) -> set[str]:
    return set(re.findall(r"[a-z]+|\d+", s.lower()))


def _is_lead(s: str) -> bool:
    """"Contoh.com - PT Contoh ...": the article's lead line, never its headline."""
    lead = parse_lead(s)
    return bool(lead and lead.site and "." in lead.site and lead.end < len(s))


def _candidate(s: str, byline: str | None) -> bool:
    return (s != byline and not _is_lead(s) and L.is_headline(s) and not L.is_chrome_line(s) and not L.is_heading(s)
            and not find_dates(s) and len(L.words(s)) >= 3 and not _is_label_line(s) and not CRAWL_MONTH.match(s))


def title(head: list[str], byline: str | None, url: str | None = None) -> str | None:
    slug = _slug_tokens(url)
    if len(slug) >= 3:
        best, score = None, 0.0
        for s in head:
            t = TRAILING_CREDIT.sub("", s)
            if L.is_chrome_line(t) or L.is_caption(t) or _is_lead(t) or not 3 <= len(L.words(t)) <= 30 or CRAWL_MONTH.match(t):
                continue
            toks = _tokens(t)
            sc = len(toks & slug) / max(len(slug), len(toks))
            if sc > score:
                best, score = t, sc
        if best and score >= datafiles.load("thresholds.yaml")["clean"]["title"]["slug_match"]:
            return best
    cands = [TRAILING_CREDIT.sub("", s) for s in head if _candidate(s, byline)]
    if not cands:
        return None
    counts = Counter(cands)
    repeated = [s for s in cands if counts[s] > 1]
    if repeated:
        return repeated[0]
    if byline and byline in head:
        before = [TRAILING_CREDIT.sub("", s) for s in head[: head.index(byline)] if _candidate(s, byline)]
        if before:
            return max(before, key=lambda s: len(L.words(s)))
    return max(cands, key=lambda s: len(L.words(s)))
