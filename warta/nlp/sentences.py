"""Sentence splitting that survives news text.

A sentence ends at ".", "!" or "?" (and a closing quote after it) followed by
space and an uppercase letter, digit or opening quote, except after an
abbreviation from warta/data/nlp/sentences.yaml ("PT.", "Tbk.", "dll.", "s.d.")
or a single initial, inside a number ("1.500", "12.00"), or inside a quotation
that closes later in the same paragraph (quotes that span sentences stay one).
Never across a paragraph break.
"""
from __future__ import annotations

import re
from functools import lru_cache

from warta import datafiles
from warta.model import Sentence

END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“'‘(]?[A-Za-z0-9\u00C0-\u024F])")
OPEN_Q, CLOSE_Q = "“", "”"


@lru_cache(maxsize=1)
def _abbrev() -> tuple[frozenset[str], frozenset[str]]:
    data = datafiles.load("nlp/sentences.yaml")
    return (frozenset(str(a).lower() for a in data["abbreviations"]),
            frozenset(str(a).lower() for a in data["sentence_final"]))


def _is_abbrev(text: str, dot: int) -> bool:
    m = re.search(r"([\w.]+)$", text[:dot])
    if not m:
        return False
    w = m.group(1).lower().rstrip(".")
    inner, final = _abbrev()
    if w in final:
        nxt = text[dot + 1:].lstrip()[:1]
        return not nxt.isupper()
    return w in inner or (len(w) == 1 and w.isalpha())


def _inside_quote(text: str, pos: int, par_end: int) -> bool:
    before = text[:pos]
    straight = before.count('"') % 2 == 1 and '"' in text[pos:par_end]
    curly = before.count(OPEN_Q) > before.count(CLOSE_Q) and CLOSE_Q in text[pos:par_end]
    return straight or curly


def split_paragraph(text: str, offset: int = 0) -> list[Sentence]:
    out, start = [], 0
    for m in END.finditer(text):
        if m.group(0).startswith(".") and len(m.group(0)) == 1 and _is_abbrev(text, m.start()):
            continue
        if _inside_quote(text, m.start(), len(text)):
            continue
        end = m.end()
        seg = text[start:end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append(Sentence(offset + start + lead, offset + end, seg.strip()))
        start = end
    seg = text[start:]
    if seg.strip():
        lead = len(seg) - len(seg.lstrip())
        out.append(Sentence(offset + start + lead, offset + start + lead + len(seg.strip()), seg.strip()))
    return out


def paragraphs(body: str) -> list[tuple[int, str]]:
    """(offset, text) of each paragraph of a body (paragraphs split by blank lines)."""
    out, pos = [], 0
    for part in re.split(r"(\n\s*\n)", body):
        if part.strip() and not re.fullmatch(r"\n\s*\n", part):
            out.append((pos, part))
        pos += len(part)
    return out


def split_sentences(body: str) -> list[Sentence]:
    return [s for off, par in paragraphs(body) for s in split_paragraph(par, off)]
