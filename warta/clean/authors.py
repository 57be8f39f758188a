"""The writers of an article: from the byline in the page head ("Penulis: X",
"Oleh X", the name next to the date line), else from the credit right after the
article ("(Budi Santoso)", "Penulis: X", "(Reporting by X; Editing by Y)").
Label words: warta/data/clean/chrome.yaml."""
from __future__ import annotations

import re

from warta.calendar import day_names
from warta.clean import lines as L
from warta.clean.dates import find_dates
from warta.clean.lexicon import load

NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|bin|binti|van|de|von))*"
DAY_NAMES = day_names()


def _alt(key: str) -> str:
    return "|".join(map(re.escape, sorted(load("chrome")[key], key=len, reverse=True)))


def authors(head: list[str], byline: str | None, tail: list[str] = (), last_paragraph: str = "",
            media: frozenset[str] = frozenset()) -> list[str]:
    return _from_head(head, byline) or _from_tail(list(tail), last_paragraph, media)


def _from_head(head: list[str], byline: str | None) -> list[str]:
    found = labelled(head, "author_labels")
    if found:
        return found
    for s in head:  # "Oleh Anisa Putri", "By Fransiska Nangoy"
        m = re.match(rf"^(?:oleh|by)\s+(?P<n>{NAME}(?:\s*(?:,|dan|and|&)\s*{NAME})*)\s*$", s, re.I)
        if m:
            return split_names(m.group("n"))
    for s in head:  # "Laporan Wartawan Contoh.com, Budi Santoso"
        m = re.match(rf"^(?:date \d{{4}}-\d{{2}}\s+)?(?:{_alt('reporter_prefixes')})\s+[^,]{{2,40}},\s*(?P<n>{NAME})\s*$", s, re.I)
        if m:
            return split_names(m.group("n"))
    if not byline:
        return []
    # "Fadli Rahman - detikOto", "Rizki Ananda, CNBC Indonesia" or "Rina Wulandari," next to the date line
    i = head.index(byline) if byline in head else -1
    for s in (head[i - 1] if i > 0 else "", head[i + 1] if 0 <= i < len(head) - 1 else ""):
        m = re.match(rf"^(?P<n>{NAME})\s*(?:[-–,]\s*\S.{{0,30}}|,)?$", s)
        if m and 2 <= len(m.group("n").split()) <= 4:
            return split_names(m.group("n"))
    # "Tangguh Yudha , Jurnalis-Minggu, 15 Oktober 2023 |16:00 WIB": the names before the date
    pre = byline[: find_dates(byline)[0][0]]
    pre = re.sub(rf"{DAY_NAMES}\s*,?\s*$", "", pre.strip(), flags=re.I)
    pre = re.sub(rf"^\s*(?:{_alt('author_labels')})\s*:?\s+(?=[A-Z])", "", pre, flags=re.I)  # "Oleh Budi Santoso diperbarui"
    pre = re.sub(rf"\b(?:{_alt('date_labels')})\b.*$", "", pre, flags=re.I)
    pre = re.sub(rf"\b(?:{_alt('author_labels')})\b.*$", "", pre, flags=re.I)
    pre = pre.strip(" ,-|–—:/·•")
    return split_names(pre)


def _from_tail(tail: list[str], last_paragraph: str, media: frozenset[str]) -> list[str]:
    found = labelled(_join_labels(tail[:4]), "author_labels")
    if found:
        return found
    wire = re.compile(rf"\((?:{_alt('wire_author_labels')})\s+(?P<n>[^;()]+?)(?:[;,]?\s+(?:{_alt('editor_labels')}|additional reporting)\b[^()]*)?\)", re.I)
    for s in [last_paragraph, *tail[:2]]:  # "(Reporting by Budi Santoso; Editing by Rina Wulandari)"
        m = wire.search(s)
        if m:
            return split_names(m.group("n"))
    for s in tail[:1]:  # "(Budi Santoso)" closing the article
        m = re.fullmatch(rf"\(\s*(?P<n>{NAME})\s*\)", s)
        if m and 2 <= len(m.group("n").split()) <= 4 and m.group("n").lower() not in media:
            return split_names(m.group("n"))
    return []


def wire_editors(tail: list[str], last_paragraph: str) -> list[str]:
    """"(Reporting by X; Editing by Budi Santoso and Rina Wulandari)" -> the editors."""
    pat = re.compile(r"\((?:[^()]*?[;,]?\s)?editing by\s+(?P<n>[^;()]+)\)", re.I)
    for s in [last_paragraph, *tail[:2]]:
        m = pat.search(s)
        if m:
            return split_names(m.group("n").strip())
    return []


def _join_labels(lines: list[str]) -> list[str]:
    """"- Penulis :" then "- Budi Santoso" on the next line -> "Penulis : Budi Santoso"."""
    out, i = [], 0
    while i < len(lines):
        s = lines[i].strip(" -•")
        nxt = lines[i + 1].strip(" -•") if i + 1 < len(lines) else ""
        if re.fullmatch(rf"(?:{_alt('author_labels')})\s*:", s, re.I) and nxt and not L.is_heading(nxt) \
                and not L.is_chrome_line(nxt):
            out.append(f"{s} {nxt}")
            i += 2
            continue
        out.append(s)
        i += 1
    return out


def split_names(s: str) -> list[str]:
    s = re.split(r"\s+[-–—|]\s+", s)[0]
    parts = re.split(r"\s*(?:,|&|\bdan\b|\band\b)\s*", s)
    return [p.strip() for p in parts if re.fullmatch(NAME, p.strip() or "x") and len(p.split()) <= 5]


def labelled(lines: list[str], key: str) -> list[str]:
    """Names after a label: "Penulis: X", "Editor: Y", "Reporter : Z | Editor : W",
    "Senin, 7 Oktober 2019 11:47 Reporter : Z"."""
    pat = re.compile(rf"(?:^|[|•·]\s*|(?<=\d)\s+)(?:{_alt(key)})\s*:\s*(?P<names>[^|•·\n]+)", re.I)
    out = []
    for s in lines:
        for m in pat.finditer(s):
            out += split_names(m.group("names").strip(" .-"))
    return L.unique(out)
