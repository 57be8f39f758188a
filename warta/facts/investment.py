"""INVESTMENT: an investment cue bound to the amount of its clause and the
organisation that invests it.  Several amounts in one sentence each go to the
organisation named nearest before them; a cue with no amount gives an
investment without one when an investor is named.  An acquisition or stake
purchase ("mengakuisisi 40 persen saham X", "agreed to acquire a stake in X for
...") is an investment by the buyer, its target what the cue is followed by, its
amount found further along the clause than an investment verb's."""
from __future__ import annotations

import re

from warta.facts.context import DocView
from warta.facts.lexicon import load, rx, status_of
from warta.facts.parties import acting, is_party
from warta.model import Fact, Value

TARGET = re.compile(r"^\s*(?:dalam|di|untuk|pada|ke|in|into|for|on)\s+(?P<t>[^,.;]{3,80})", re.I)


def _amount(val: Value) -> dict:
    return {"value": val.value, "currency": val.unit, "approx": bool(val.approx or val.qualifier == "about"),
            "qualifier": val.qualifier}


def _investor(v: DocView, start: int, upto: int):
    """The organisation named last before the amount or cue, in the same sentence."""
    orgs = [h for h in acting(v, v.entities_in(start, upto)) if is_party(h)]
    return orgs[-1] if orgs else None


NEAR = 60          # an amount this close after an investment cue, in its clause, is its amount
NEAR_ACQUISITION = 150   # "acquire an 89% stake in X from Y for IDR37 trillion"


def _acq_target(v: DocView, s, at: int) -> str | None:
    """What an acquisition cue at `at` buys: the first organisation named after it
    in the clause, else the words up to the clause's end."""
    orgs = v.entities_in(at, s.end)
    if orgs and v.body.count(",", at, orgs[0].start) == 0:
        return orgs[0].entity.name
    m = re.match(r"\s*(?P<t>[^,.;]{3,80})", v.body[at:s.end])
    return m.group("t").strip() if m else None


def extract(v: DocView) -> list[Fact]:
    facts: list[Fact] = []
    lx = load("investment")
    cue = rx(tuple(lx["cues"]) + tuple(lx.get("acquisition_cues", [])))
    acq = rx(tuple(lx.get("acquisition_cues", [])))
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
            near = [c for c in cues if c.start() < rel and rel - c.end() < (NEAR_ACQUISITION if acq.fullmatch(c.group()) else NEAR)
                    and not re.search(r";|\.\s", s.text[c.end():rel])] or \
                   [c for c in cues if c.start() > rel and c.start() - (val.end - s.start) < 20]
            if not near or not_inv.search(s.text[max(0, rel - 30): rel]):
                continue
            buy = [c for c in near if acq.fullmatch(c.group()) and c.start() < rel]
            inv = _investor(v, s.start, s.start + buy[-1].start() if buy else val.start)
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
        if acq.fullmatch(c.group()):
            target = _acq_target(v, s, s.start + c.end())
        else:
            tm = TARGET.search(s.text[c.end():])
            target = tm.group("t").strip() if tm else None
        if target:
            facts.append(Fact(type="INVESTMENT", args={"investor": inv.entity.name, "amount": None, "target": target},
                              status=status, evidence=[v.evidence(s)]))
    return _dedupe(facts)


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """An investment without an amount is one fact per investor, and none where
    the same investor's investment has its amount in another sentence."""
    with_amount = {f.args["investor"] for f in facts if f.args.get("amount")}
    seen, out = set(), []
    for f in facts:
        inv = f.args["investor"]
        if f.args.get("amount") is None:
            if inv in with_amount or inv in seen:
                continue
            seen.add(inv)
        out.append(f)
    return out
