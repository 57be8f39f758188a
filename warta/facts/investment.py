"""INVESTMENT: an investment cue bound to the amount of its clause and the
organisation that invests it.  Several amounts in one sentence each go to the
organisation named nearest before them; a cue with no amount gives an
investment without one when an investor is named."""
from __future__ import annotations

import re

from warta.facts.context import DocView
from warta.facts.lexicon import cue_rx, load, rx, status_of
from warta.model import Fact, Value

TARGET = re.compile(r"^\s*(?:dalam|di|untuk|pada|ke|in|into|for|on)\s+(?P<t>[^,.;]{3,80})", re.I)


def _amount(val: Value) -> dict:
    return {"value": val.value, "currency": val.unit, "approx": bool(val.approx or val.qualifier == "about"),
            "qualifier": val.qualifier}


def _investor(v: DocView, start: int, upto: int):
    """The organisation named last before the amount or cue, in the same sentence."""
    orgs = v.entities_in(start, upto)
    return orgs[-1] if orgs else None


def extract(v: DocView) -> list[Fact]:
    facts: list[Fact] = []
    cue = cue_rx("investment")
    not_inv = rx(tuple(load("investment")["not_investment"]))
    for s in v.sentences:
        cues = list(cue.finditer(s.text))
        if not cues:
            continue
        status = status_of("investment", s.text)
        money = v.values_in(s.start, s.end, ("MONEY",))
        used = False
        for val in money:
            rel = val.start - s.start
            near = [c for c in cues if c.start() < rel and rel - c.end() < 60] or \
                   [c for c in cues if c.start() > rel and c.start() - (val.end - s.start) < 20]
            if not near or not_inv.search(s.text[max(0, rel - 30): rel]):
                continue
            inv = _investor(v, s.start, val.start)
            if inv is None:
                continue
            tm = TARGET.search(s.text[val.end - s.start:])
            facts.append(Fact(type="INVESTMENT", args={"investor": inv.entity.name, "amount": _amount(val),
                                                       "target": tm.group("t").strip() if tm else None},
                              status=status, evidence=[v.evidence(s)]))
            used = True
        if used:
            continue
        c = cues[0]
        inv = _investor(v, s.start, s.start + c.start())
        if inv is None or not_inv.search(s.text):
            continue
        tm = TARGET.search(s.text[c.end():])
        target = tm.group("t").strip() if tm else None
        if target:
            facts.append(Fact(type="INVESTMENT", args={"investor": inv.entity.name, "amount": None, "target": target},
                              status=status, evidence=[v.evidence(s)]))
    return facts
