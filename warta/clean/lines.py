"""What a line of a flattened page is: prose, a headline, a heading, or chrome.

Every test here reads the cue words of warta/data/clean/chrome.yaml; shape tests
(word counts, capitalisation, closing punctuation) are the general part that
works on portals nobody listed.
"""
from __future__ import annotations

import re
from functools import lru_cache

from warta.clean.lexicon import load

WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\d.,]*", re.U)
CLOSERS = ('.', '!', '?', '"', '”', '’', "'", ')', ']', ':', '…')
EDITOR_TAG = re.compile(r"^\(\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5})\s*(?:/\s*[\w.]+)?\s*\)$")
BULLET = re.compile(r"^(?:[•·▪●◦*]|[-–]\s|\d{1,2}[.)]\s)")
AGENCY_TAG = re.compile(r"^\(\s*[a-z]{2,6}(?:\s*/\s*[a-z]{2,6})*\s*\)$")


@lru_cache(maxsize=1)
def _chrome() -> dict:
    c = load("chrome")
    return {
        "headings": {h.lower() for h in c["section_headings"]},
        "prefixes": tuple(p.lower() for p in c["line_prefixes"]),
        "exact": {str(x).lower() for x in c["exact_lines"]},
        "nav": {w.lower() for w in c["nav_words"]},
        "captions": tuple(x.lower() for x in c["caption_markers"]),
        "prompts": tuple(x.lower() for x in c["prompt_phrases"]),
        "boxes": {h.lower() for h in c["box_headings"]},
    }


def norm_line(s: str) -> str:
    return re.sub(r"[ \t\u00a0\u2009\u200b]+", " ", s).strip()


def words(s: str) -> list[str]:
    return WORD.findall(s)


def cap_ratio(s: str, ws: list[str] | None = None) -> float:
    ws = [w for w in (words(s) if ws is None else ws) if w[0].isalpha()]
    if not ws:
        return 0.0
    return sum(w[0].isupper() for w in ws) / len(ws)


def is_heading(s: str) -> bool:
    key = s.lower().rstrip(":").strip()
    return key in _chrome()["headings"]


def is_teaser(s: str) -> bool:
    """A headline or a first sentence cut short by "…": the teaser of another article."""
    return s.rstrip().endswith(("…", "...")) and 4 <= len(words(s)) <= 40


def is_box_heading(s: str) -> bool:
    """"Poin penting", "Key takeaways": the heading of a box of bullets summing up the article."""
    return s.lower().rstrip(":").strip() in _chrome()["boxes"]


def is_prompt(s: str, max_words: int = 40) -> bool:
    """"Yuk follow kami di Google News", "As a subscriber, you can gift ...": a prompt to the reader."""
    low = s.lower()
    return any(p in low for p in _chrome()["prompts"]) and len(words(s)) <= max_words


def is_chrome_line(s: str) -> bool:
    """A line that is chrome wherever it stands."""
    low = s.lower()
    c = _chrome()
    if low in c["exact"] or low.startswith(c["prefixes"]):
        return True
    if is_label_line(s) or is_prompt(s):
        return True
    if is_caption(s):
        return True
    if re.fullmatch(r"(?:[-–—•|·]\s*)+", s):
        return True
    if re.fullmatch(r"(?:https?://|www\.)\S+", s) or re.fullmatch(r"(?:\\[nrt]\s*)+", s):
        return True  # a bare address, or escapes left in the text ("\n\n\n")
    if is_nav(s):
        return True
    return bool(AGENCY_TAG.match(s))


# "..., Rabu (5/6/2024). (Contoh.com/Budi Santoso)" or "... (5/6/2024). ANTARA FOTO/Budi/abc.":
# a dated photo description closed by the photographer's credit
DATED_PHOTO_CREDIT = re.compile(r"\(\d{1,2}/\d{1,2}/\d{2,4}\)\.?\s*\(?[A-Za-z][\w. ]{1,30}/\s*[A-Z][^()]{0,60}\)?\.?\s*$")


# "... aplikasi baru. (Budi Santoso/CONTOH.com)", "... Senin (18/2). Foto: Budi/contoh",
# "• CONTOH/Budi Santoso": a photographer's credit closing a caption
PHOTO_CREDIT_END = re.compile(
    r"\(\s*[A-Z][\w.' ]{1,40}/\s*(?:[A-Z]{2,}[\w.]*|[\w-]+\.(?:com|id|co\.id|net))\s*\)\s*$"
    r"|[.)]\s+(?:Foto|Photo)\s*:\s*[^.:]{2,60}$|^•\s*[A-Z]{2,}[\w.]*/")


def is_caption(s: str) -> bool:
    """A photo or video caption: "... (Foto: Reuters)", "Foto: ..."."""
    low = s.lower()
    marks = _chrome()["captions"]
    if len(s) > 300:
        return False
    if DATED_PHOTO_CREDIT.search(s) or PHOTO_CREDIT_END.search(s):
        return True
    return any(m in low for m in marks if m.startswith("(")) or low.startswith(tuple(m for m in marks if not m.startswith("(")))


@lru_cache(maxsize=1)
def _label_line() -> re.Pattern:
    c = load("chrome")
    labels = "|".join(map(re.escape, sorted(c["author_labels"] + c["editor_labels"] + c["credit_labels"], key=len, reverse=True)))
    return re.compile(rf"^(?:{labels})\s*(?:&\s*\w+\s*)?:", re.I)


def is_label_line(s: str) -> bool:
    """"Editor : X", "Reporter: Y | Editor: Z", "Sumber: Antara": a credit line."""
    return bool(_label_line().match(s)) and len(words(s)) <= 14


def is_nav(s: str) -> bool:
    """A breadcrumb: a few uppercase words, at least one a navigation word."""
    ws = s.replace(">", " ").replace("/", " ").replace("»", " ").split()
    if not 1 <= len(ws) <= 8 or s.upper() != s:
        return False
    return any(w.lower() in _chrome()["nav"] for w in ws)


def editor_tag(s: str) -> str | None:
    """"(Saliki Dwi Saputra )" at the end of an article names its editor."""
    m = EDITOR_TAG.match(s)
    if m and len(m.group(1).split()) >= 2:
        return m.group(1).strip()
    return None


def is_prose(s: str, ws: list[str] | None = None) -> bool:
    """Sentence-shaped: enough words, mostly lowercase, closed by punctuation."""
    ws = words(s) if ws is None else ws
    if len(ws) >= 25:
        return True
    if len(ws) < 6:
        return False
    closed = s.rstrip().endswith(CLOSERS) or s.startswith(('"', '“'))
    if not closed:
        return False
    # names make news sentences capital-heavy; a headline is rarely closed by a full stop
    limit = 0.85 if len(ws) >= 8 else 0.6
    return cap_ratio(s, ws) < limit


def is_headline(s: str) -> bool:
    """Headline-shaped: short, unclosed or Title Case."""
    ws = words(s)
    if not 2 <= len(ws) <= 24 or is_prose(s):
        return False
    return cap_ratio(s) >= 0.5 or not s.rstrip().endswith(CLOSERS)


def unique(xs: list[str]) -> list[str]:
    """Each string once, the first spelling kept, compared case-insensitively."""
    seen, out = set(), []
    for x in xs:
        if x.lower() not in seen:
            seen.add(x.lower())
            out.append(x)
    return out
