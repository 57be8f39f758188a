"""FACILITY: a facility cue (pabrik, pusat inovasi, ...) with where it is, who owns
and operates it, and how large it is.  Sentences that speak of the same kind of
facility in one article are one facility, with every sentence as evidence."""
from __future__ import annotations

import re

from warta.facts.context import DocView, Hit
from warta.facts.lexicon import kind_of, load, rx, status_of
from warta.model import Fact

SPECIFICITY = {"country": 5, "region": 6, "province": 4, "state": 4, "island": 4, "city": 3, "regency": 2,
               "district": 1, "area": 1}


def _rank(v: DocView, h: Hit) -> int:
    e = v.kb_entry(h.entity)
    return SPECIFICITY.get((e or {}).get("kind"), 0)


def _owners(v: DocView, s, cue_end: int) -> list[Hit]:
    """Organisations named right after the cue: "pusat inovasi Alibaba dan BMW Group"."""
    out, pos = [], cue_end
    for h in v.entities_in(cue_end, s.end):
        gap = v.body[pos:h.start]
        if len(gap) > 8 or any(c in gap for c in ",.;"):
            break
        out.append(h)
        pos = h.end
    return out


def extract(v: DocView) -> list[Fact]:
    lx = load("facility")
    op_rx = rx(tuple(lx["operator_cues"]))
    groups: dict[str, dict] = {}
    for s in v.sentences:
        for _start, end, kind in kind_of("facility", s.text):
            g = groups.setdefault(kind, {"sents": [], "owners": [], "operators": [], "places": [], "area": None, "status": None})
            if s not in g["sents"]:
                g["sents"].append(s)
            g["owners"] += _owners(v, s, s.start + end)
            om = op_rx.search(s.text)
            if om:
                g["operators"] += v.entities_in(s.start + om.end(), s.end)
            g["places"] += v.entities_in(s.start, s.end, ("PLACE",), parties_only=False)
            g.setdefault("bound", []).extend(_bound_places(v, s, s.start + end))
            for q in v.values_in(s.start, s.end, ("QUANTITY",)):
                if q.unit in lx["area_units"] and g["area"] is None:
                    g["area"] = {"value": q.value, "unit": q.unit, "qualifier": q.qualifier}
                    if s not in g["sents"]:
                        g["sents"].append(s)
            st = status_of("facility", s.text, None)
            if st != lx["default"]:
                g.setdefault("statuses", set()).add(st)
    facts = []
    for kind, g in groups.items():
        places = []
        for h in sorted(g["places"], key=lambda h: _rank(v, h)):
            if h.entity.name not in places:
                places.append(h.entity.name)
        owners = list(dict.fromkeys(h.entity.name for h in g["owners"]))
        if not places and not owners:
            continue
        operators = list(dict.fromkeys(h.entity.name for h in g["operators"]))
        found = g.get("statuses", set())
        g["status"] = next((st for st in lx["priority"] if st in found), None)
        facts.append(Fact(type="FACILITY", args={
            "kind": kind, "name": None, "owners": owners, "operators": operators, "location": places,
            "area": g["area"], "capacity": None},
            status=g["status"] or lx["default"], evidence=[v.evidence(s) for s in g["sents"]]))
        # "pabrik di Karawang, Pasuruan, dan Bandar Lampung": plants in several towns are several facilities
        bound = list(dict.fromkeys(h.entity.name for h in g.get("bound", []) if _rank(v, h) <= 3))
        if len(bound) > 1:
            first = next((p for p in places if p in bound), bound[0])
            for name in bound:
                if name == first:
                    continue
                facts.append(Fact(type="FACILITY", args={
                    "kind": kind, "name": None, "owners": owners, "operators": operators, "location": [name],
                    "area": None, "capacity": None},
                    status=g["status"] or lx["default"], evidence=[v.evidence(s) for s in g["sents"]]))
    return facts


def _bound_places(v: DocView, s, cue_end: int) -> list[Hit]:
    """Places named right after a facility cue, in its clause: "pabrik di Karawang, Pasuruan, dan Bandar Lampung"."""
    out, pos = [], cue_end
    for h in v.entities_in(cue_end, min(s.end, cue_end + 90), ("PLACE",), parties_only=False):
        gap = v.body[pos:h.start]
        if ";" in gap or ". " in gap or len(gap) > (45 if not out else 12):
            break
        if not out and not re.search(r"\b(?:di|in|at)\s", gap):
            break
        out.append(h)
        pos = h.end
    return out
