"""PRODUCT: a named product (a PRODUCT entity) and its maker, with the status the
sentence gives (in development, planned, launched, discontinued)."""
from __future__ import annotations

from warta.facts.context import DocView
from warta.facts.lexicon import load, rx, status_of
from warta.model import Fact


def category(text: str) -> str | None:
    best = None
    for cat, words in load("product")["categories"].items():
        m = rx(tuple(words)).search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), cat)
    return best[1] if best else None


def extract(v: DocView) -> list[Fact]:
    facts, seen = [], set()
    for s in v.sentences:
        for p in v.entities_in(s.start, s.end, ("PRODUCT",), parties_only=False):
            makers = v.entities_in(s.start, p.start)
            entry = v.kb_entry(p.entity) or {}
            maker = makers[-1].entity.name if makers else entry.get("maker")
            if not maker or (maker, p.entity.name) in seen:
                continue
            status = status_of("product", s.text)
            if status is None:
                continue
            seen.add((maker, p.entity.name))
            facts.append(Fact(type="PRODUCT", args={"maker": maker, "product": p.entity.name,
                                                    "category": category(s.text) or entry.get("category")},
                              status=status, evidence=[v.evidence(s)]))
    return facts
