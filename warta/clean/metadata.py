"""Metadata from the page head and the article: title, date, authors, editors,
site, dateline, cited sources.  Only the head (before the article) and the
article itself are read: the link lists after it never lend their dates."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from warta.clean import lines as L
from warta.clean.dates import find_dates
from warta.clean.lead import parse_lead
from warta.clean.lexicon import load
from warta.clean.text import Cleaned
from warta.model import Metadata

NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|bin|binti|van|de|von))*"
DAY_NAMES = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def extract_metadata(c: Cleaned, url: str | None = None) -> Metadata:
    published, byline = _published(c.head)
    lead = parse_lead(c.lead_line) if c.lead_line else None
    return Metadata(
        title=_title(c.head, byline),
        published=published,
        published_inferred=None if published else infer_reference_date(c.body),
        authors=_authors(c.head, byline),
        editors=_unique(c.editors + _labelled(c.head + c.removed, "editor_labels")),
        site=lead.site if lead else None,
        dateline=lead.dateline if lead else None,
        cited_sources=cited_sources(c.body),
        url=url,
    )


def _has_date(s: str) -> bool:
    return bool(find_dates(s))


def _published(head: list[str]) -> tuple[str | None, str | None]:
    """The first date in the page head, and the line that carried it (the byline)."""
    for s in head:
        if L.is_caption(s):
            continue
        found = find_dates(s)
        if found:
            return found[0][2], s
    return None, None


def _is_label_line(s: str) -> bool:
    c = load("chrome")
    labels = "|".join(map(re.escape, c["author_labels"] + c["editor_labels"] + c["credit_labels"]))
    return bool(re.match(rf"^(?:{labels})\b\s*:?", s, re.I))


def _title(head: list[str], byline: str | None) -> str | None:
    cands = [s for s in head if s != byline and L.is_headline(s) and not L.is_chrome_line(s)
             and not L.is_heading(s) and not _has_date(s) and len(L.words(s)) >= 3 and not _is_label_line(s)]
    if not cands:
        return None
    counts = Counter(cands)
    repeated = [s for s in cands if counts[s] > 1]
    if repeated:
        return repeated[0]
    if byline and byline in head:
        before = [s for s in head[: head.index(byline)] if s in cands]
        if before:
            return max(before, key=lambda s: len(L.words(s)))
    return max(cands, key=lambda s: len(L.words(s)))


def _authors(head: list[str], byline: str | None) -> list[str]:
    found = _labelled(head, "author_labels")
    if found:
        return found
    for s in head:  # "Oleh Anisa Putri", "By Fransiska Nangoy"
        m = re.match(rf"^(?:oleh|by)\s+(?P<n>{NAME}(?:\s*(?:,|dan|and|&)\s*{NAME})*)\s*$", s, re.I)
        if m:
            return _split_names(m.group("n"))
    if not byline:
        return []
    # "Fadli Rahman - detikOto" or "Rizki Ananda, CNBC Indonesia" next to the date line
    i = head.index(byline) if byline in head else -1
    for s in (head[i - 1] if i > 0 else "", head[i + 1] if 0 <= i < len(head) - 1 else ""):
        m = re.match(rf"^(?P<n>{NAME})\s*(?:[-–,]\s*\S.{{0,30}})?$", s)
        if m and 2 <= len(m.group("n").split()) <= 4:
            return _split_names(m.group("n"))
    # "Tangguh Yudha , Jurnalis-Minggu, 15 Oktober 2023 |16:00 WIB": the names before the date
    pre = byline[: find_dates(byline)[0][0]]
    pre = re.sub(rf"{DAY_NAMES}\s*,?\s*$", "", pre.strip(), flags=re.I)
    dl = "|".join(map(re.escape, load("chrome")["date_labels"]))
    pre = re.sub(rf"\b(?:{dl})\b.*$", "", pre, flags=re.I)
    labels = load("chrome")["author_labels"]
    pre = re.sub(r"\b(?:%s)\b.*$" % "|".join(map(re.escape, labels)), "", pre, flags=re.I)
    pre = pre.strip(" ,-|–—:/")
    return _split_names(pre)


def _split_names(s: str) -> list[str]:
    s = re.split(r"\s+[-–—|]\s+", s)[0]
    parts = re.split(r"\s*(?:,|&|\bdan\b|\band\b)\s*", s)
    return [p.strip() for p in parts if re.fullmatch(NAME, p.strip() or "x") and len(p.split()) <= 5]


def _labelled(lines: list[str], key: str) -> list[str]:
    """Names after a label: "Penulis: X", "Editor: Y", "Reporter : Z | Editor : W"."""
    labels = "|".join(map(re.escape, sorted(load("chrome")[key], key=len, reverse=True)))
    pat = re.compile(rf"(?:^|[|•·]\s*)(?:{labels})\s*:\s*(?P<names>[^|•·\n]+)", re.I)
    out = []
    for s in lines:
        for m in pat.finditer(s):
            out += _split_names(m.group("names").strip(" .-"))
    return _unique(out)


def _unique(xs: list[str]) -> list[str]:
    seen, out = set(), []
    for x in xs:
        if x.lower() not in seen:
            seen.add(x.lower())
            out.append(x)
    return out


def infer_reference_date(body: str) -> str | None:
    """A date the body gives ("dipantau Antara pekan lalu (4/7/2020)"), shifted by the
    relative word before it.  Not the article's published date: a reference for
    resolving "tahun depan" and the like, marked as inferred."""
    rel = load("dates")["relative_days"]
    best = None
    for start, end, iso in find_dates(body, default_zone=None):
        day = dt.date.fromisoformat(iso[:10])
        before = body[max(0, start - 30): start].lower()
        shift = max((d for w, d in rel.items() if w in before), default=0)
        cand = day + dt.timedelta(days=shift)
        best = cand if best is None or cand > best else best
    return best.isoformat() if best else None


@lru_cache(maxsize=1)
def _source_pattern() -> re.Pattern:
    s = load("sources")
    cues = "|".join(map(re.escape, sorted(s["cues"], key=len, reverse=True)))
    desc = "|".join(map(re.escape, sorted(s["descriptors"], key=len, reverse=True)))
    return re.compile(rf"\b(?i:{cues})\s+(?:(?i:{desc})\s+)?(?:dari\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){{0,3}})")


def cited_sources(body: str) -> list[str]:
    stop = {w.lower() for w in load("sources")["stop_words"]}
    out = []
    for m in _source_pattern().finditer(body):
        ws = []
        for w in m.group("name").split():
            if w.lower().strip(".,") in stop:
                break
            ws.append(w)
        name = " ".join(ws).rstrip(".,")
        if name and name.lower() not in stop and not re.fullmatch(DAY_NAMES, name):
            out.append(name)
    return _unique(out)
