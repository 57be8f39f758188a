"""LAUNCH_PLAN: a launch cue with a plan word and a date ahead ("bertujuan untuk
meluncurkan mobil listrik pertama mereka tahun 2024")."""
from __future__ import annotations

import re

from warta.facts.context import DocView
from warta.facts.lexicon import cue_rx, load, rx
from warta.model import Fact


def _year(value: str) -> int | None:
    m = re.match(r"(\d{4})", str(value))
    return int(m.group(1)) if m else None


def extract(v: DocView) -> list[Fact]:
    facts = []
    cue, plan = cue_rx("launch"), rx(tuple(load("launch")["plan_words"]))
    drop = {w.lower() for w in load("launch")["drop_words"]}
    for s in v.sentences:
        m = cue.search(s.text)
        if not m or not plan.search(s.text[: m.start()] + " " + s.text[m.end():]):
            continue
        at = s.start + m.end()
        dates = [d for d in v.values_in(at, s.end, ("DATE",)) if _year(d.value)]
        if not dates:
            continue
        date = dates[0]
        if v.ref and _year(date.value) < v.ref.year:
            continue
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
        fact = Fact(type="LAUNCH_PLAN", args={"maker": makers[-1].entity.name, "product": product,
                                              "date": {"value": str(date.value), "as_written": date.extra.get("as_written", date.text)}},
                    status="planned", evidence=[v.evidence(s)], flags=list(date.flags))
        facts.append(fact)
    return facts
