"""Analysts' judgements on a stored FORMAT document, for the JSON Lines export.  Each
fact is matched to its stored fact by the merge key ingest used: a rejected fact is
left out (unless asked for), a reviewed one carries `review`, an edited one the
analyst's values.  Entities follow merges, renames and type changes, and those
marked not-an-entity leave the document (their names stay in the text)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from warta.model import Fact
from warta.store import models as M
from warta.store.keys import ROLE_ARGS, fact_id, merge_key


@dataclass
class Marks:
    reviews: dict[str, str] = field(default_factory=dict)        # fact id -> confirmed / rejected
    edits: dict[str, dict] = field(default_factory=dict)         # fact id -> {arg: value}
    merged: dict[str, str] = field(default_factory=dict)         # entity id -> the one it was merged into
    gone: set[str] = field(default_factory=set)                  # not entities
    entities: dict[str, tuple[str, str]] = field(default_factory=dict)   # judged entity id -> (name, type)

    @property
    def empty(self) -> bool:
        return not (self.reviews or self.edits or self.merged or self.gone or self.entities)


def marks(s: Session) -> Marks:
    m = Marks(reviews=dict(s.execute(select(M.Fact.id, M.Fact.review).where(M.Fact.review.is_not(None))).all()))
    judged: set[str] = set()
    for j in s.scalars(select(M.Judgement).order_by(M.Judgement.id)):
        if j.action == "fact.edit":
            m.edits.setdefault(j.target, {}).update(j.payload.get("set") or {})
        elif j.action == "entity.merge":
            m.merged[j.target] = j.payload["into"]
            judged.add(j.payload["into"])
        elif j.action == "entity.not_entity":
            m.gone.add(j.target)
        elif j.action in ("entity.rename", "entity.type"):
            judged.add(j.target)
    for eid, name, t in s.execute(select(M.Entity.id, M.Entity.name, M.Entity.type).where(M.Entity.id.in_(sorted(judged)))):
        m.entities[eid] = (name, t)
    return m


def _final(m: Marks, eid: str) -> str:
    seen = set()
    while eid in m.merged and eid not in seen:
        seen.add(eid)
        eid = m.merged[eid]
    return eid


def judged_document(doc: dict[str, Any], m: Marks, include_rejected: bool = False) -> dict[str, Any]:
    if m.empty:
        return doc
    ids = {e["name"]: e["id"] for e in doc.get("entities", [])}
    names: dict[str, str] = {}       # a name in the facts' arguments -> the name it has now
    entities: dict[str, dict] = {}
    for e in doc.get("entities", []):
        eid = _final(m, e["id"])
        if e["id"] in m.gone or eid in m.gone:
            continue
        name, t = m.entities.get(eid, (e["name"] if eid == e["id"] else None, e["type"]))
        name = name or e["name"]
        names[e["name"]] = name
        if eid in entities:          # two entities of the document merged into one
            entities[eid]["mentions"] = entities[eid].get("mentions", []) + e.get("mentions", [])
        else:
            entities[eid] = {**e, "id": eid, "name": name, "type": t}
    facts = []
    for raw in doc.get("facts", []):
        try:
            fid = fact_id(merge_key(Fact.model_validate(raw), ids))
        except Exception:  # a stored document from an older format: shown as it was
            facts.append(raw)
            continue
        state = m.reviews.get(fid)
        if state == "rejected" and not include_rejected:
            continue
        f = {**raw, "args": _renamed(raw.get("args") or {}, names)}
        for k, v in m.edits.get(fid, {}).items():
            if k in ("status", "certainty"):
                f[k] = v
            else:
                f["args"][k] = v
        if state:
            f["review"] = state
        facts.append(f)
    return {**doc, "entities": list(entities.values()), "facts": facts}


def _renamed(args: dict, names: dict[str, str]) -> dict:
    out = dict(args)
    for k in ROLE_ARGS:
        v = out.get(k)
        if isinstance(v, list):
            out[k] = [names.get(x, x) if isinstance(x, str) else x for x in v]
        elif isinstance(v, str):
            out[k] = names.get(v, v)
    return out
