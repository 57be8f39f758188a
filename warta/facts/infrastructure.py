"""INFRASTRUCTURE: a counted quantity followed by an infrastructure cue
("34.000 unit menara pemancar berbasis 5G", "1.200 SPKLU"), with the place and
the time frame of its sentence."""
from __future__ import annotations

import re

from warta.facts.context import DocView
from warta.facts.lexicon import kind_of, load, rx, status_of
from warta.model import Fact

OWNER_VERBS = re.compile(r"\b(?:membangun|memasang|menyediakan|mengoperasikan|menghadirkan|build|builds|install|installs|operate|operates)\b", re.I)


def extract(v: DocView) -> list[Fact]:
    facts = []
    for s in v.sentences:
        for q in v.values_in(s.start, s.end, ("QUANTITY",)):
            tail = v.body[q.start:min(s.end, q.end + 60)]
            kinds = [k for k in kind_of("infrastructure", tail) if k[0] <= (q.end - q.start) + 12]
            if not kinds:
                continue
            kind = kinds[0][2]
            lx = load("infrastructure")
            if kind in lx["build_only_kinds"] and not rx(tuple(lx["build_cues"])).search(s.text):
                continue    # towers sold or bought as a portfolio are no infrastructure being built
            places = v.entities_in(q.end, s.end, ("PLACE",), parties_only=False) or \
                v.entities_in(s.start, s.end, ("PLACE",), parties_only=False)
            durs = v.values_in(s.start, s.end, ("DURATION",))
            horizon = None
            if durs and isinstance(durs[0].value, dict):
                d = durs[0].value
                horizon = {"years": d.get("years"), "by": d.get("by")}
            owner = None
            om = OWNER_VERBS.search(s.text)
            if om:
                orgs = v.entities_in(s.start, s.start + om.start())
                owner = orgs[-1].entity.name if orgs else None
            facts.append(Fact(type="INFRASTRUCTURE", args={
                "kind": kind, "count": {"value": q.value, "qualifier": q.qualifier},
                "location": places[0].entity.name if places else None, "horizon": horizon, "owner": owner},
                status=status_of("infrastructure", s.text), evidence=[v.evidence(s)]))
    return facts
