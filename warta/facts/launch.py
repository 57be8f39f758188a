"""LAUNCH_PLAN: a future launch with a date.

Two ways a sentence says it: a maker, a launch cue and a plan word with a date after
the cue ("bertujuan untuk meluncurkan mobil listrik pertama mereka tahun 2024"); or a
named product (a PRODUCT entity), a launch or production cue and a date anywhere in the
sentence ("Januari 2019, Gesits akan mulai diproduksi secara massal"), whose maker is
found as for its PRODUCT fact.  Dates before the article's year are no plans; one fact
per maker and year."""
from __future__ import annotations

import re

from warta.facts.context import DocView
from warta.facts.lexicon import cue_rx, load, rx
from warta.facts.product import _maker
from warta.model import Fact


def _year(value: str) -> int | None:
    m = re.match(r"(\d{4})", str(value))
    return int(m.group(1)) if m else None


def _future(v: DocView, date) -> bool:
    y = _year(date.value)
    return y is not None and not (v.ref and y < v.ref.year)


def extract(v: DocView) -> list[Fact]:
    facts, seen = [], set()
    data = load("launch")
    cue, plan = cue_rx("launch"), rx(tuple(data["plan_words"]))
    product_cue = rx(tuple(data["cues"] + data["product_cues"]))
    drop = {w.lower() for w in data["drop_words"]}

    def add(maker: str, product: str | None, date, s) -> None:
        key = (maker, _year(date.value))
        if key in seen:
            return
        seen.add(key)
        facts.append(Fact(type="LAUNCH_PLAN", args={"maker": maker, "product": product,
                                                    "date": {"value": str(date.value), "as_written": date.extra.get("as_written", date.text)}},
                          status="planned", evidence=[v.evidence(s)], flags=list(date.flags)))

    for s in v.sentences:
        # a named product, a launch or production cue and a date anywhere in the sentence
        m = product_cue.search(s.text)
        prods = v.entities_in(s.start, s.end, ("PRODUCT",), parties_only=False)
        if m and prods and plan.search(s.text[: m.start()] + " " + s.text[m.end():]):
            dates = [d for d in v.values_in(s.start, s.end, ("DATE",)) if _future(v, d)]
            if dates:
                p = min(prods, key=lambda h: abs(h.start - (s.start + m.start())))
                maker = _maker(v, p, s, v.kb_entry(p.entity) or {})
                if maker:
                    add(maker, p.entity.name, dates[0], s)
                    continue
        # a maker, a launch cue, a plan word and a date after the cue
        m = cue.search(s.text)
        if not m or not plan.search(s.text[: m.start()] + " " + s.text[m.end():]):
            continue
        at = s.start + m.end()
        dates = [d for d in v.values_in(at, s.end, ("DATE",)) if _future(v, d)]
        if not dates:
            continue
        date = dates[0]
        makers = v.entities_in(s.start, s.start + m.start())
        if not makers:
            continue
        prods = v.entities_in(at, date.start, ("PRODUCT",), parties_only=False)
        if prods:
            product = prods[0].entity.name
        else:
            words = [w for w in re.findall(r"[\w-]+", v.body[at:date.start]) if w.lower() not in drop]
            words = [w for w in words if w.lower() not in ("tahun", "pada", "di", "in", "on", "by")]
            product = " ".join(words) or None
        add(makers[-1].entity.name, product, date, s)
    return facts
