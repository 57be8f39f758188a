"""The review queue: unreviewed facts and new entities, most costly first, where
cost is what a wrong answer would cost (weights in warta/data/review.yaml): facts
from one source, hedged, with a changing status or conflicting values between
sources, naming entities the knowledge base does not know, or that the model was
unsure of (its score kept on the fact); new entities seen in many documents."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from warta import datafiles
from warta.store import models as M
from warta.store.db import chunks

VALUE_ARGS = ("amount", "count", "area")


@lru_cache(maxsize=1)
def weights() -> dict:
    return datafiles.load("review.yaml")


def label(f_type: str, args: dict) -> str:
    for k in ("parties", "investor", "investors", "maker", "owners", "kind", "person", "speaker"):
        v = args.get(k)
        if v:
            head = " + ".join(map(str, v)) if isinstance(v, list) else str(v)
            am = args.get("amount")
            if isinstance(am, dict) and am.get("value") is not None:
                head += f" — {am.get('currency') or ''} {am['value']:,.0f}".rstrip()
            if args.get("product"):
                head += f": {args['product']}"
            if f_type == "ROLE" and args.get("role"):
                head += f", {args['role']} {args.get('org') or ''}".rstrip()
            return head
    return f_type


def queue(s: Session, limit: int = 50, kind: str | None = None) -> list[dict]:
    """The most costly unreviewed items first; `kind` is "fact", "entity" or None for both."""
    items = []
    if kind in (None, "fact"):
        items += _facts(s)
    if kind in (None, "entity"):
        items += _entities(s)
    items.sort(key=lambda i: (-i["cost"], i["kind"], i["id"]))
    return items[:max(1, min(limit, 1000))]


def _facts(s: Session) -> list[dict]:
    w = weights()
    why, tw = w["fact_reasons"], w["type_weight"]
    rows = s.execute(select(M.Fact.id, M.Fact.type, M.Fact.args, M.Fact.status, M.Fact.certainty, M.Fact.sources,
                            M.Fact.last_seen, M.Fact.score).where(M.Fact.review.is_(None))).all()
    judged = set(s.scalars(select(M.Judgement.target).where(M.Judgement.action.like("fact.%"))))
    rows = [r for r in rows if r.id not in judged]     # an edited fact has been looked at
    ids = [r.id for r in rows]
    statuses: dict[str, set] = defaultdict(set)
    values: dict[str, set] = defaultdict(set)
    unknown: set[str] = set()
    for part in chunks(ids):
        for fid, status, args in s.execute(select(M.Evidence.fact_id, M.Evidence.status, M.Evidence.args)
                                           .where(M.Evidence.fact_id.in_(part))):
            if status:
                statuses[fid].add(status)
            for k in VALUE_ARGS:
                v = (args or {}).get(k)
                if isinstance(v, dict) and v.get("value") is not None:
                    values[fid].add((k, v.get("value"), v.get("currency") or v.get("unit")))
        unknown.update(s.scalars(select(M.FactEntity.fact_id).join(M.Entity, M.Entity.id == M.FactEntity.entity_id)
                                 .where(M.FactEntity.fact_id.in_(part), M.Entity.kb.is_(False))))
    out = []
    for r in rows:
        reasons = []
        if (r.sources or 0) <= 1:
            reasons.append("single_source")
        if r.certainty == "hedged":
            reasons.append("hedged")
        if len(statuses[r.id]) > 1:
            reasons.append("status_change")
        if len({k for k, _, _ in values[r.id]}) < len(values[r.id]):
            reasons.append("conflict")
        if r.id in unknown:
            reasons.append("unknown_entity")
        unsure = _unsure(r.score, w["model_unsure"])
        cost = tw.get(r.type, 1.0) * (why["base"] + sum(why[x] for x in reasons) + unsure)
        if unsure:
            reasons.append(f"model_unsure: {r.score:.2f}")
        out.append({"kind": "fact", "id": r.id, "type": r.type, "label": label(r.type, r.args or {}),
                    "status": r.status, "certainty": r.certainty, "sources": r.sources, "last_seen": r.last_seen,
                    "score": r.score, "cost": round(cost, 2), "reasons": reasons})
    return out


def _unsure(score: float | None, w: dict) -> float:
    """The cost a doubtful model adds: the full weight at a coin flip (0.5), nothing from
    `below` up, in between in proportion; a lower score (the filter turned off) costs more."""
    if score is None or score >= w["below"]:
        return 0.0
    return w["weight"] * (w["below"] - score) / (w["below"] - 0.5)


def _entities(s: Session) -> list[dict]:
    w = weights()["entities"]
    judged = set(s.scalars(select(M.Judgement.target).where(M.Judgement.action.like("entity.%"))))
    rows = s.execute(select(M.Entity.id, M.Entity.name, M.Entity.type, func.count(M.EntityDocument.document_id))
                     .join(M.EntityDocument, M.EntityDocument.entity_id == M.Entity.id)
                     .where(M.Entity.kb.is_(False)).group_by(M.Entity.id, M.Entity.name, M.Entity.type)).all()
    return [{"kind": "entity", "id": eid, "name": name, "type": t, "label": f"{name} [{t}]", "documents": n,
             "cost": round(w["new_entity_per_document"] * n, 2), "reasons": [f"new_entity_in_{n}_documents"]}
            for eid, name, t, n in rows if n >= w["min_documents"] and eid not in judged]
