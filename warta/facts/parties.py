"""Who can be a party to a deal: not the name of an agreement, a document or a
meeting ("Nota Kesepahaman", "HOA", "RUPSLB"), and not a parent named in
apposition beside the party that acts ("X, a unit of Y, ...").  Words in
warta/data/facts/parties.yaml."""
from __future__ import annotations

import re

from warta.facts.context import DocView, Hit
from warta.facts.lexicon import load, rx


def is_party(h: Hit) -> bool:
    """False for an entity named like an agreement, a document or a meeting (parties.yaml)."""
    bad = rx(tuple(load("parties")["not_party"]))
    return not (bad.search(h.entity.name) or bad.search(h.text))


LEGAL_FORM = re.compile(r"[\s,()]*(?:PT\.?\s*)?", re.I)   # what may stand between a parent cue and the parent


def acting(v: DocView, hits: list[Hit]) -> list[Hit]:
    """`hits` without the parents named in apposition ("X, a unit of Y, ...")."""
    parent = rx(tuple(load("parties")["parent_cues"]))
    out = []
    for h in hits:
        m = None
        for m in parent.finditer(v.body, max(0, h.start - 30), h.start):  # noqa: B007 - the last match is wanted
            pass
        if m and LEGAL_FORM.fullmatch(v.body[m.end():h.start]):   # the cue stands right before it ("anak usaha PT X")
            continue
        out.append(h)
    return out
