"""Other outlets the article cites: "dikutip dari Kontan", "Reuters reported on
Monday", "kata dia kepada Bloomberg", and a closing credit "... (Antara)".
Cue words, descriptors and stop words: warta/data/clean/sources.yaml; the names
of known outlets: outlets.yaml and the agencies of sources.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from warta.calendar import day_names
from warta.clean import lines as L
from warta.clean.dates import find_dates
from warta.clean.lexicon import load

_NAME = r"[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3}"
DAY_NAMES = day_names()


def _alt(xs: list[str]) -> str:
    return "|".join(map(re.escape, sorted(xs, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    s = load("sources")
    for k in ("cues", "descriptors", "stop_words", "media_cues", "report_verbs", "agencies"):
        if not isinstance(s.get(k), list):
            raise ValueError(f"sources.yaml: {k!r} must be a list")
    desc = rf"(?:(?i:{_alt(s['descriptors'])})\s+)?"
    return {
        "cue": re.compile(rf"\b(?i:{_alt(s['cues'])})\s+{desc}(?:dari\s+)?(?P<name>{_NAME})"),
        "media": re.compile(rf"\b(?i:{_alt(s['media_cues'])})\s+{desc}(?P<name>{_NAME})"),
        "verb": re.compile(rf"(?P<name>{_NAME})(?:['’]s?)?\s+(?:{_alt(s['report_verbs'])})\b"),
        "cue_known": re.compile(rf"\b(?i:{_alt(s['cues'] + s['media_cues'])})\s+{desc}(?:dari\s+)?(?P<name>(?i:{_alt(sorted(_media_names()))}))(?![\w.])"),
        "cue_domain": re.compile(rf"\b(?i:{_alt(s['cues'] + s['media_cues'])})\s+{desc}(?:dari\s+)?(?P<name>(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z]{{2,}})+)(?![\w-])"),
        "credit": re.compile(rf"[.!?\"”]\s*[(\[/]\s*(?P<name>{_NAME})\s*[)\]]?\s*$"),
    }


def _media_names() -> set[str]:
    return set(load("outlets")["domains"].values()) | set(load("sources")["agencies"])


@lru_cache(maxsize=1)
def known_media() -> dict[str, str]:
    """Lower-cased names of outlets and agencies -> the name as listed."""
    return {n.lower(): n for n in sorted(_media_names(), reverse=True)}


def _clean_name(raw: str, stop: set[str]) -> str:
    ws = []
    for k, w in enumerate(raw.split()):
        if k == 0 and w == "The" and len(raw.split()) > 1:  # "The Korea Times"
            ws.append(w)
            continue
        if w.lower().strip(".,") in stop:
            break
        ws.append(w)
        if w.endswith(".") and len(w) > 3:  # "dikutip dari Kontan.  Menurut ..."
            break
    name = " ".join(ws).rstrip(".,")
    return re.sub(r"['’]s?$", "", name)


def cited_sources(body: str) -> list[str]:
    stop = {w.lower() for w in load("sources")["stop_words"]}
    p, media = _patterns(), known_media()
    found: list[tuple[int, str]] = []
    for m in p["cue"].finditer(body):
        found.append((m.start(), _clean_name(m.group("name"), stop)))
    for m in p["cue_domain"].finditer(body):  # "dilansir dari contoh.org"
        found.append((m.start("name"), re.sub(r"^www\.", "", m.group("name"))))
    for m in p["cue_known"].finditer(body):  # "dilansir detikcom", "melansir antara"
        found.append((m.start("name"), media[m.group("name").lower()]))
    for key in ("media", "verb"):  # only names known to be outlets
        for m in p[key].finditer(body):
            segs = re.split(r"(?<=\.)\s+", m.group("name"))
            name = _longest_known(segs[0] if key == "media" else segs[-1], media)
            if name:
                found.append((m.start("name"), name))
    for para in body.split("\n\n")[-2:]:  # a closing credit: "... itu. (Antara)"
        m = p["credit"].search(para.strip())
        name = _longest_known(m.group("name"), media) if m else None
        if name:
            found.append((len(body), name))
    out = []
    for _, name in sorted(found):
        if name and name.lower() not in stop and not re.fullmatch(DAY_NAMES, name):
            out.append(name)
    out = L.unique(out)  # "Nikkei" inside "Nikkei Asia" is the same citation
    return [x for x in out if not any(y != x and y.lower().startswith(x.lower() + " ") for y in out)]


SOURCE_LINE = re.compile(r"^(?:sumber|source)\s*:\s*(?P<n>[^|]+)", re.I)


def credited_sources(lines: list[str]) -> list[str]:
    """"Sumber: Contoh News", "Source: contoh.org" lines around the article."""
    out = []
    for s in lines:
        m = SOURCE_LINE.match(s.strip())
        if not m:
            continue
        n = m.group("n")
        dates = find_dates(n)
        n = n[: dates[0][0]] if dates else n
        n = re.sub(r"^(?:https?://)?www\.", "", n.strip(" .,-"), flags=re.I)
        ws = n.split()
        if not 1 <= len(ws) <= 5:
            continue
        if re.fullmatch(r"[\w-]+(?:\.[a-z]{2,})+", n) or all(w[0].isupper() or not w[0].isalpha() for w in ws):
            out.append(n)
    return L.unique(out)


def _longest_known(name: str, media: dict[str, str]) -> str | None:
    """The known outlet the run of words ends with: "Japan's Nikkei" -> "Nikkei"."""
    ws = name.split()
    for i in range(len(ws)):
        cand = " ".join(ws[i:]).rstrip(".,")
        cand = re.sub(r"['’]s?$", "", cand)
        if cand.lower() in media:
            return media[cand.lower()] if cand.islower() else cand
    for j in range(len(ws), 0, -1):  # "Bloomberg News bahwa" already cut; "Reuters Breakingviews" -> "Reuters"
        cand = " ".join(ws[:j]).rstrip(".,")
        if cand.lower() in media:
            return cand
    return None


