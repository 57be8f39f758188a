"""The lead of an article: "BEIJING - ", "Suara.com - ", "Liputan6.com, Jakarta - ",
"Jakarta, CNN Indonesia -- ", "JAKARTA, KOMPAS.com - ", "JAKARTA (Reuters) - ".
It names the site and the dateline; it stays in the body."""
from __future__ import annotations

import re
from dataclasses import dataclass

LEAD = re.compile(r"^(?P<head>[^\n]{2,60}?)\s*(?P<dash>--|[-–—])\s+(?=\S)")
DOMAIN = re.compile(r"^[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{2,})+$")
PAREN_SITE = re.compile(r"^(?P<place>[A-Z][A-Za-z. ]+?)\s*\((?P<site>[A-Z][\w. ]+)\)$")


@dataclass
class Lead:
    site: str | None
    dateline: str | None
    end: int  # characters of the lead prefix


def _place(s: str) -> str:
    return " ".join(w.capitalize() if w.isupper() else w for w in s.split())


def parse_lead(line: str) -> Lead | None:
    m = LEAD.match(line)
    if not m:
        return None
    head = m.group("head").strip()
    if len(head.split()) > 5:
        return None
    pm = PAREN_SITE.match(head)
    if pm:
        return Lead(pm.group("site").strip(), _place(pm.group("place")), m.end())
    site = dateline = None
    for piece in (p.strip() for p in head.split(",")):
        if not piece:
            continue
        paren = re.search(r"\((?P<site>[A-Z][\w. ]+)\)$", piece)
        if paren:  # "March 4 (Reuters)", "Jakarta (ANTARA)"
            site = paren.group("site").strip()
            rest = piece[: paren.start()].strip()
            if rest and rest.isupper():
                dateline = _place(rest)
            continue
        if DOMAIN.match(piece):
            site = piece
        elif piece.isupper() and piece.replace(" ", "").isalpha():
            if dateline or site is None and len(head.split(",")) > 1 and not _looks_city(piece):
                site = piece
            else:
                dateline = _place(piece)
        elif re.search(r"\b[A-Z]{2,}\b", piece) and len(piece.split()) >= 2:
            site = piece  # "CNN Indonesia", "CNBC Indonesia"
        elif piece[0].isupper() and len(piece.split()) <= 3 and all(w[0].isupper() for w in piece.split()):
            dateline = _place(piece)
        else:
            return None
    if site is None and dateline is None:
        return None
    return Lead(site, dateline, m.end())


def _looks_city(piece: str) -> bool:
    return len(piece.split()) <= 3
