"""The lead of an article: "BEIJING - ", "Suara.com - ", "Liputan6.com, Jakarta - ",
"Jakarta, CNN Indonesia -- ", "JAKARTA, KOMPAS.com - ", "JAKARTA (Reuters) - ".
It names the site and the dateline; it stays in the body."""
from __future__ import annotations

import re
from dataclasses import dataclass

from warta.clean.lexicon import load

LEAD = re.compile(r"^(?P<head>[^\n]{2,60}?)\s*(?:(?P<dash>--|[-–—])(?:\s+(?=\S)|\s*$)|(?<=[A-Z])(?:--|—)(?=[A-Z]))")
# "JAKARTA. Rencana ...", "KONTAN.CO.ID - JAKARTA. PT ...", "JAKARTA: In a ...": a capitals
# dateline closed by a full stop or a colon
STOP_LEAD = re.compile(r"^(?P<head>(?:[^\n]{2,40}?\s[-–—|,]\s*)?[A-Z][A-Z/ ]{3,30}[A-Z])[.:]\s+(?=[A-Z\"“])")
DOMAIN = re.compile(r"^[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{2,})+$")
PAREN_SITE = re.compile(r"^(?P<place>[A-Z][A-Za-z. ]+?)\s*\((?P<site>[A-Z][\w. ]+)\)$")


@dataclass
class Lead:
    site: str | None
    dateline: str | None
    end: int  # characters of the lead prefix
    credit: bool = False  # the site came in parentheses: "JAKARTA (Reuters) -", a wire credit


def place(s: str) -> str:
    """"JAKARTA" -> "Jakarta", "SINGAPORE/HONG KONG" -> "Singapore/Hong Kong"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize() if m.group(0).isupper() else m.group(0), s)


def parse_lead(line: str) -> Lead | None:
    m = LEAD.match(line)
    lead = _parse_head(m.group("head").strip(), m.end()) if m else None
    if lead and lead.dateline:
        return lead
    if lead and lead.site:  # "Contoh.id – Subang, Jawa Barat – ...": the place after the site
        m2 = LEAD.match(line[lead.end:])
        second = _parse_head(m2.group("head").strip(), lead.end + m2.end()) if m2 else None
        if second and second.dateline and not second.credit:
            return Lead(lead.site, second.dateline, second.end, lead.credit)
    sm = None if _is_caption_start(line) else STOP_LEAD.match(line)
    stopped = _parse_head(re.sub(r"\s[-–—]\s", ", ", sm.group("head")), sm.end()) if sm else None
    if stopped and stopped.dateline:
        return Lead(stopped.site or (lead.site if lead else None), stopped.dateline, stopped.end,
                    stopped.credit or bool(lead and lead.credit and not stopped.site))
    return lead


def _is_caption_start(line: str) -> bool:
    """"ILUSTRASI. Petugas ..." opens a photo caption, not an article."""
    marks = tuple(m for m in load("chrome")["caption_markers"] if not m.startswith("("))
    return line.lower().startswith(marks)


def _parse_head(head: str, end: int) -> Lead | None:
    head = re.sub(r"\s*\|\s*", ", ", head)  # "Contoh | Jakarta -"
    if len(head.split()) > 5:
        return None
    pm = PAREN_SITE.match(head)
    if pm:
        return Lead(pm.group("site").strip(), place(pm.group("place")), end, credit=True)
    site = dateline = None
    credit = False
    for piece in (p.strip() for p in head.split(",")):
        if not piece:
            continue
        paren = re.search(r"\((?P<site>[A-Z][\w. ]+)\)$", piece)
        if paren:  # "March 4 (Reuters)", "Jakarta (ANTARA)"
            site = paren.group("site").strip()
            credit = True
            rest = piece[: paren.start()].strip()
            if rest and rest.isupper():
                dateline = place(rest)
            continue
        if DOMAIN.match(piece):
            site, credit = piece, False
        elif piece.isupper() and re.sub(r"[ /]", "", piece).isalpha():
            if dateline or site is None and len(head.split(",")) > 1 and not _looks_city(piece):
                site = piece
            else:
                dateline = place(piece)
        elif re.search(r"\b[A-Z]{2,}\b", piece) and len(piece.split()) >= 2:
            site = piece  # "CNN Indonesia", "CNBC Indonesia"
        elif piece[0].isupper() and len(piece.split()) <= 3 and all(w[0].isupper() for w in piece.split()):
            if dateline and site is None:  # "Jakarta, Contoh Media -": the second is the site
                site = piece
            else:
                dateline = place(piece)
        else:
            return None
    if site is None and dateline is None:
        return None
    return Lead(site, dateline, end, credit)


def _looks_city(piece: str) -> bool:
    return len(piece.split()) <= 3
