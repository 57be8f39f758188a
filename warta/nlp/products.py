"""PRODUCT mentions by rule: a model name after a naming cue ("bernama MS11"),
or a known maker followed by a model code ("VinFast VF 5")."""
from __future__ import annotations

import re
from functools import lru_cache

from warta import datafiles
from warta.model import MentionSpan

NAME = r"(?P<name>(?=(?:[\w-]+\s+){0,2}[\w-]*\d)[a-z]?[A-Z0-9][\w-]*(?:\s+[A-Z0-9][\w-]*){0,2}|[A-Z][a-z]+[A-Z][\w-]*)"
LAUNCH_NAME = r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,2})"


@lru_cache(maxsize=1)
def _rx() -> re.Pattern:
    cues = datafiles.load("nlp/products.yaml")["cues"]
    alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\s+{NAME}\b")


@lru_cache(maxsize=1)
def _launch_rx() -> re.Pattern:
    cues = datafiles.load("nlp/products.yaml")["launch_cues"]
    alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\s+{LAUNCH_NAME}\b")


# A price-list line: a model (and trim) name, a dash and a price ("Dolphin Dynamic — Rp 369 juta").
PRICE_LINE = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z0-9][\w-]*(?:[ \t]+[A-Z0-9][\w-]*){0,3})[ \t]*[—–-][ \t]*(?:Rp|US\$|USD|\$|€)[ \t]*\d")


def price_line(text: str) -> bool:
    return bool(PRICE_LINE.match(text))


def _model_part(name: str) -> str:
    """The model of a price-list name without its trim: up to the first part with a digit
    ("Atto 1" of "Atto 1 Dynamic", "M6" of "M6 Superior 7-seater"), else its first word."""
    ws = name.split()
    for i, w in enumerate(ws):
        if any(c.isdigit() for c in w):
            return " ".join(ws[: i + 1])
    return ws[0]


def _model_like(name: str) -> bool:
    """A model name has a code in it: a digit, an all-caps part, or inner capitals."""
    ws = name.split()
    return any(any(c.isdigit() for c in w) or (w.isupper() and len(w) >= 2) or re.match(r"[A-Z][a-z]+[A-Z]", w)
               for w in ws[1:] or ws) and len(ws) <= 3


def product_mentions(text: str, offset: int = 0) -> list[MentionSpan]:
    out = []
    for m in _launch_rx().finditer(text):
        name = m.group("name").rstrip(".,")
        if _model_like(name):
            s = m.start("name")
            out.append(MentionSpan(offset + s, offset + s + len(name), name, "PRODUCT", source="rule"))
    for m in PRICE_LINE.finditer(text):
        name = _model_part(m.group("name"))
        s = m.start("name")
        if not any(o.start <= offset + s < o.end for o in out):
            out.append(MentionSpan(offset + s, offset + s + len(name), name, "PRODUCT", source="rule"))
    for m in _rx().finditer(text):
        if any(o.start <= offset + m.start("name") < o.end for o in out):
            continue
        name = m.group("name").rstrip(".,")
        s = m.start("name")
        out.append(MentionSpan(offset + s, offset + s + len(name), name, "PRODUCT", source="rule"))
    return out
