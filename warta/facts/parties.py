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


def is_bystander(v: DocView, h: Hit) -> bool:
    """A name that is no party whatever the cue: the author of a rule the text cites
    ("Peraturan Menteri ESDM"), or a name the text gives a person's place: a role right
    after it ("X selaku Direktur Utama"), a speech verb right before a name the knowledge
    base does not know ("ujar X"; "kata PLN" stays), or a person of the same name."""
    lx = load("parties")
    after = rx(tuple(lx.get("person_after", [])))
    gap = re.match(r"[\s,]*", v.body[h.end:h.end + 5])
    if after.match(v.body, h.end + (gap.end() if gap else 0)):
        return True
    before = v.body[max(0, h.start - 25): h.start].rstrip()
    if any(m.end() == len(before) for m in rx(tuple(lx.get("document_before", []))).finditer(before)):
        return True   # "Peraturan Menteri ESDM": a rule's author, no party either
    if h.entity.id.startswith("new:") and any(m.end() == len(before) for m in rx(tuple(lx.get("person_before", []))).finditer(before)):
        return True
    return any(e.type == "PERSON" and e.name == h.entity.name for e in v.wd.doc.entities)


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
