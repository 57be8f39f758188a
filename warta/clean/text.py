"""Flattened page text -> the article and its metadata.

The page is read as lines.  The article is the block that starts at the lead (the
first prose line, preferably one carrying a "KOTA - " or "Site.com - " lead) and
runs until a list-type section heading (Berita Terkait, Terpopuler, ...) or the
page's footer.  Inside that block, chrome lines (Baca Juga links, captions, ads,
prompts, editor tags) are dropped.  The lines before the block are the page head:
title, byline and date come from there, never from the lists after the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from warta.clean import line_filter
from warta.clean import lines as L
from warta.clean.lead import parse_lead

# headings after which the article goes on ("Baca juga" alone on its line, then a link)
INLINE_HEADINGS = {"baca juga", "baca pula", "simak juga", "lihat juga", "read more", "also read"}


@dataclass
class Cleaned:
    paragraphs: list[str]
    head: list[str]                  # lines before the article
    removed: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    lead_line: str | None = None
    tail: list[str] = field(default_factory=list)  # the lines right after the article's last paragraph

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def _lead_index(lines: list[str]) -> int | None:
    """The article's first line: the first prose line with a lead, else the first prose line."""
    prose = [i for i, s in enumerate(lines) if s and L.is_prose(s) and not L.is_chrome_line(s)]
    if not prose:
        return None
    first = next((i for i in prose[:8] if parse_lead(lines[i]) and not L.is_teaser(lines[i])), prose[0])
    # "Jakarta -" or "Makassar, Contoh.com --" alone on the line above the first sentence
    above = next((j for j in range(first - 1, max(-1, first - 3), -1) if lines[j]), None)
    if above is not None and not parse_lead(lines[first]):
        lead = parse_lead(lines[above])
        if lead and lead.end >= len(lines[above]) and len(L.words(lines[above])) <= 5:
            first = above
    # a lead repeated further down was a teaser in the page head: the article starts at the repeat
    again = [i for i in prose if i > first and lines[i] == lines[first]]
    return again[0] if again else first


def clean_lines(text: str, learned: bool = True) -> Cleaned:
    """`learned=False`: the rules alone, without the line check of warta/clean/line_filter.py."""
    lines = [L.norm_line(s) for s in text.split("\n")]
    start = _lead_index(lines)
    if start is None:
        return Cleaned([], [s for s in lines if s], removed=[s for s in lines if s])
    head = [s for s in lines[:start] if s]
    out = Cleaned([], head, removed=list(head), lead_line=lines[start])
    i, n = start, len(lines)
    if _lead_only(lines[start]):
        # "Jakarta -" alone above the first sentence: the lead of that paragraph
        j = next((k for k in range(start + 1, n) if lines[k]), None)
        if j is not None and L.is_prose(lines[j]) and not L.is_chrome_line(lines[j]):
            lines[j] = f"{lines[start]} {lines[j]}"
            out.lead_line = lines[j]
            i = j
    while i < n:
        s = lines[i]
        i += 1
        if not s:
            continue
        if L.is_teaser(s) and (L.is_teaser(next((x for x in lines[i:] if x), "")) or
                               out.removed and L.is_teaser(out.removed[-1])):
            # related articles cut short by "…": a run of teasers ends the article unless
            # long prose follows it
            out.removed.append(s)
            resume = _prose_after_teasers(lines, i)
            if resume is None:
                out.removed += [x for x in lines[i:] if x]
                break
            continue
        if L.is_box_heading(s):
            # a box of key points: its bullets go with it, the article goes on after them
            out.removed.append(s)
            while i < n and (not lines[i] or L.BULLET.match(lines[i])):
                if lines[i]:
                    out.removed.append(lines[i])
                i += 1
            continue
        if L.is_heading(s):
            out.removed.append(s)
            if s.lower().rstrip(": ") in INLINE_HEADINGS:
                # drop the link lines after it; the article goes on at the next prose line
                while i < n and lines[i] and not L.is_prose(lines[i]):
                    out.removed.append(lines[i])
                    i += 1
                continue
            out.removed += [x for x in lines[i:] if x]
            break
        ed = L.editor_tag(s)
        if ed:
            out.editors.append(ed)
            out.removed.append(s)
            continue
        if L.is_chrome_line(s):
            out.removed.append(s)
            continue
        if L.is_prose(s):
            out.paragraphs.append(s)
            continue
        # a short line: a subheading inside the article is kept when prose follows it
        # and it stands alone; runs of headline-shaped lines are link lists
        nxt = next((x for x in lines[i:] if x), "")
        prev_kept = bool(out.paragraphs)
        if prev_kept and nxt and L.is_prose(nxt) and not L.is_headline(nxt) and len(L.words(s)) <= 12 \
                and not _run_of_headlines(lines, i - 1):
            out.paragraphs.append(s)
        elif prev_kept and _is_value_item(s, nxt):
            # a list inside the article: prices, capacities ("Atto 3 Advanced - Rp 390 juta")
            out.paragraphs.append(s)
        elif prev_kept and _in_value_list(s, out.paragraphs[-1], lines[i:]):
            # an item of that list without a value of its own ("Varian Standar"), the list going on
            out.paragraphs.append(s)
        elif prev_kept and (_unclosed_sentence(s) and (not nxt or L.is_prose(nxt)) or not nxt and _page_cut(s)):
            # a sentence left unclosed inside the article, or the page cut mid-sentence
            out.paragraphs.append(s)
        else:
            out.removed.append(s)
            if _run_of_headlines(lines, i - 1):
                after = _prose_after_run(lines, i - 1) if prev_kept else None
                if after is not None:  # a few inline links inside the article: it goes on
                    out.removed += [x for x in lines[i:after] if x]
                    i = after
                    continue
                out.removed += [x for x in lines[i:] if x]
                break
    _drop_trailing_chrome(out, next((x for x in reversed(lines) if x), ""))
    drop = line_filter.dropped(lines, out.paragraphs, out.head) if learned else set()
    if drop:
        out.removed += [p for k, p in enumerate(out.paragraphs) if k in drop]
        out.paragraphs = [p for k, p in enumerate(out.paragraphs) if k not in drop]
    out.tail = _tail(lines, out.paragraphs)
    return out


def _lead_only(s: str) -> bool:
    lead = parse_lead(s)
    return bool(lead and lead.end >= len(s) and len(L.words(s)) <= 5)


def _prose_after_teasers(lines: list[str], i: int, min_words: int = 20) -> int | None:
    """i when the next two non-empty lines are long prose, not teasers: the article goes on."""
    nxt = [s for s in lines[i:] if s][:2]
    ok = len(nxt) == 2 and all(L.is_prose(s) and not L.is_teaser(s) and len(L.words(s)) >= min_words for s in nxt)
    return i if ok else None


def _tail(lines: list[str], paragraphs: list[str], k: int = 4) -> list[str]:
    """The first k non-empty lines after the article's last paragraph (the reporter's
    credit "(Budi Santoso)", "Penulis: ..." often stands there)."""
    if not paragraphs:
        return []
    last = max((i for i, s in enumerate(lines) if s == paragraphs[-1]), default=None)
    return [s for s in lines[last + 1:] if s][:k] if last is not None else []


def _unclosed_sentence(s: str, min_words: int = 10) -> bool:
    """Sentence-shaped but for its closing stop: many words, mostly lowercase."""
    return len(L.words(s)) >= min_words and L.cap_ratio(s) < 0.4 and not L.is_chrome_line(s)


def _cut_sentence(s: str) -> bool:
    """The page's last line, cut mid-sentence: a name-heavy sentence is still a sentence."""
    lower = [w for w in L.words(s) if w[:1].islower() and len(w) >= 3]
    return len(L.words(s)) >= 8 and len(lower) >= 3 and L.cap_ratio(s) < 0.7 and not L.is_chrome_line(s)


VALUE = re.compile(r"(?:\bRp\s?\d|\bUS\$\s?\d|\$\s?\d|\d[\d.,]*\s?(?:juta|miliar|triliun|ribu|kWh|km|MW|GW|GWh|"
                   r"unit|ton|persen|%|million|billion))", re.I)


def _is_value_item(s: str, nxt: str) -> bool:
    """A short list line carrying a value, or the name line right above one."""
    if L.is_chrome_line(s) or len(L.words(s)) > 14:
        return False
    return bool(VALUE.search(s)) or (bool(nxt) and len(L.words(s)) <= 6 and bool(VALUE.search(nxt))
                                     and len(L.words(nxt)) <= 14)


def _in_value_list(s: str, last: str, rest: list[str], ahead: int = 2) -> bool:
    """A short line between value items: the kept line above is one, and one of the next
    `ahead` lines (separators "-" and "•" skipped) is one too."""
    if L.is_chrome_line(s) or len(L.words(s)) > 8 or not _is_value_item(last, ""):
        return False
    nxt = [x for x in rest if x and x not in ("-", "•")][:ahead + 1]
    return any(_is_value_item(x, y) for x, y in zip(nxt[:ahead], nxt[1:] + [""]))


def _date_line(s: str) -> bool:
    """A short line that is mostly a date ("Rabu, 20 Nov 2024 10:15 WIB")."""
    from warta.clean.dates import find_dates
    found = find_dates(s)
    return bool(found) and len(L.words(s)) <= 10 and sum(b - a for a, b, _ in found) >= 0.5 * len(s)


def _page_cut(s: str) -> bool:
    """The page's last line, cut off mid-sentence by the crawler ("Hal ini pun senada")."""
    low = [w for w in L.words(s) if w[:1].islower() and len(w) >= 3]
    return len(L.words(s)) >= 3 and bool(low) and not s.endswith(L.CLOSERS) and not L.is_chrome_line(s) \
        and L.cap_ratio(s) < 0.75


def _run_of_headlines(lines: list[str], i: int, k: int = 3) -> bool:
    """Are line i and the next non-empty lines a run of k short headline-shaped lines?"""
    got = 0
    for s in lines[i:]:
        if not s or s in ("-", "•"):
            continue
        if L.is_headline(s) or L.is_chrome_line(s):
            got += 1
            if got >= k:
                return True
        else:
            return False
    return False


def _prose_after_run(lines: list[str], i: int, max_run: int = 5, min_words: int = 20) -> int | None:
    """Where the article resumes after a short run of link lines at i: the next two
    lines are long prose (a list at the article's end is followed by teasers or nothing)."""
    j, run = i, 0
    while j < len(lines) and (not lines[j] or not L.is_prose(lines[j])):
        run += bool(lines[j])
        j += 1
        if run > max_run:
            return None
    nxt = [s for s in lines[j:j + 6] if s][:2]
    if len(nxt) == 2 and all(L.is_prose(s) and not L.is_chrome_line(s) and len(L.words(s)) >= min_words for s in nxt):
        return j
    return None


def _drop_trailing_chrome(out: Cleaned, last_line: str = "") -> None:
    while out.paragraphs and not L.is_prose(out.paragraphs[-1]) and not _unclosed_sentence(out.paragraphs[-1]) \
            and not (out.paragraphs[-1] == last_line and _page_cut(out.paragraphs[-1])) \
            and not _is_value_item(out.paragraphs[-1], ""):
        out.removed.append(out.paragraphs.pop())


def clean_extracted(text: str, title: str | None = None) -> Cleaned:
    """Text that an HTML extractor has already cut down to the article (trafilatura):
    the page's chrome is gone, so there is no lead to find and no footer to cut at.
    Lines are judged one at a time: chrome lines and editor tags are dropped, a list
    heading ("Baca Juga", "Berita Terkait") takes the link lines under it with it, and
    everything else - subheadings, short lines, list items of the article - stays."""
    lines = [L.norm_line(s) for s in text.split("\n")]
    out = Cleaned([], [])
    headline = L.norm_line(title or "").casefold()
    i, n = 0, len(lines)
    while i < n:
        s = lines[i]
        i += 1
        if not s:
            continue
        if L.is_heading(s):
            out.removed.append(s)
            while i < n and (not lines[i] or not L.is_prose(lines[i])):
                if lines[i]:
                    out.removed.append(lines[i])
                i += 1
            continue
        ed = L.editor_tag(s)
        if ed:
            out.editors.append(ed)
            out.removed.append(s)
        elif headline and s.casefold() == headline:     # the headline again, above the article
            out.removed.append(s)
        elif not out.paragraphs and not L.is_prose(s) and _date_line(s):
            out.head.append(s)                             # the date above the article: metadata
            out.removed.append(s)
        elif L.is_chrome_line(s):
            out.removed.append(s)
        else:
            out.paragraphs.append(s)
    # a label or two left at the very end ("Tags", "Daftar isi"); list items and text
    # the word rules cannot read (Japanese has no spaces) stay
    while out.paragraphs and len(out.paragraphs[-1].split()) <= 3 and not out.paragraphs[-1].endswith(L.CLOSERS) \
            and len(out.paragraphs[-1]) <= 30:
        out.removed.append(out.paragraphs.pop())
    out.lead_line = next((p for p in out.paragraphs if L.is_prose(p)), None)
    out.tail = _tail(lines, out.paragraphs)
    return out
