"""The market at a glance, from the store: each deal's steps (a new deal, then each
change of status, with the article that reported it), the latest of them across
the market, the most active companies over the last week and month, counts by type
and status, and the whole deal network with each edge's sector, country and dates.

"This week" and "this month" end on the latest article date in the store, so an
archive of old news still has a market to show."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from warta.store import models as M
from warta.store.db import chunks
from warta.store.entity_facts import latest_first, of_entity
from warta.store.labels import fact_label, label, labels, sector_of
from warta.store.queries import _kb_info, find_entity

DEAL_TYPES = ("PARTNERSHIP", "INVESTMENT", "FACILITY", "INFRASTRUCTURE", "PRODUCT", "LAUNCH_PLAN")
NETWORK_TYPES = ("PARTNERSHIP", "INVESTMENT")

# facts analysts rejected (issue 17) are left out of the market map, the network and timelines
NOT_REJECTED = or_(M.Fact.review.is_(None), M.Fact.review != "rejected")


def as_of(s: Session) -> str | None:
    """The latest article date in the store: the end of "this week"."""
    return s.scalar(select(func.max(M.Evidence.date)))


def _days_before(day: str, n: int) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=n)).isoformat()


def _evidence(s: Session, fids: list[str]) -> dict[str, list[dict]]:
    """Each fact's statements in date order, with the article's outlet and title."""
    E, D = M.Evidence, M.Document
    out: dict[str, list[dict]] = defaultdict(list)
    for part in chunks(fids):
        for r in s.execute(select(E.id, E.fact_id, E.date, E.status, E.certainty, E.sentence, D.doc_id, D.site, D.title, D.url)
                           .join(D, D.id == E.document_id).where(E.fact_id.in_(part))
                           .order_by(E.date, E.id)).all():
            out[r.fact_id].append(r._asdict())
    return out


def steps(evs: list[dict]) -> list[dict]:
    """A deal's history as its steps: the first statement, then each change of status;
    a step keeps the article that first reported it, and names the others that repeat it."""
    out: list[dict] = []
    for e in evs:
        if out and out[-1]["status"] == e["status"]:
            if e["doc_id"] not in out[-1]["also"] and e["doc_id"] != out[-1]["doc_id"]:
                out[-1]["also"].append(e["doc_id"])
            continue
        out.append({"date": e["date"], "status": e["status"], "previous": out[-1]["status"] if out else None,
                    "certainty": e["certainty"], "doc_id": e["doc_id"], "site": e["site"], "title": e["title"],
                    "sentence": e["sentence"], "also": []})
    return out


def _members(s: Session, fids: list[str]) -> dict[str, list[tuple[str, str, str]]]:
    out: dict[str, list] = defaultdict(list)
    for part in chunks(fids):
        for fid, eid, name, etype in s.execute(select(M.FactEntity.fact_id, M.Entity.id, M.Entity.name, M.Entity.type)
                                               .join(M.Entity, M.Entity.id == M.FactEntity.entity_id)
                                               .where(M.FactEntity.fact_id.in_(part))):
            if (eid, name, etype) not in out[fid]:
                out[fid].append((eid, name, etype))
    return out


def _fact_dict(f: M.Fact) -> dict:
    return {"id": f.id, "type": f.type, "status": f.status, "certainty": f.certainty, "args": f.args,
            "first_seen": f.first_seen, "last_seen": f.last_seen, "sources": f.sources}


def events(s: Session, entity_ids: list[str] | None = None, since: str | None = None, until: str | None = None,
           types: tuple[str, ...] = DEAL_TYPES, limit: int = 20, lang: str = "id") -> list[dict]:
    """New deals and changes of status, newest first: what happened, with whom, what
    changed, and the article that said so."""
    q = select(M.Fact).where(M.Fact.type.in_(types), NOT_REJECTED)
    if entity_ids is not None:
        q = q.where(M.Fact.id.in_(select(M.FactEntity.fact_id).where(M.FactEntity.entity_id.in_(entity_ids or ["-"]))))
    if since:
        q = q.where(M.Fact.last_seen >= since)
    if until:
        q = q.where(M.Fact.first_seen <= until)
    facts = list(s.scalars(q.order_by(M.Fact.last_seen.desc(), M.Fact.id).limit(max(limit * 4, 50))))
    fids = [f.id for f in facts]
    evs, members = _evidence(s, fids), _members(s, fids)
    out = []
    for f in facts:
        fd = _fact_dict(f)
        for st in steps(evs.get(f.id, [])):
            if (since and (st["date"] or "") < since) or (until and (st["date"] or "") > until):
                continue
            out.append({**st, "fact_id": f.id, "type": f.type, "label": fact_label(fd, lang),
                        "type_label": label("types", f.type, lang), "status_label": label("statuses", st["status"], lang),
                        "previous_label": label("statuses", st["previous"], lang),
                        "kind": "change" if st["previous"] is not None else "new",
                        "entities": [{"id": e, "name": n} for e, n, _ in members.get(f.id, [])]})
    out.sort(key=lambda e: (e["date"] or "", e["fact_id"]), reverse=True)
    return out[:limit]


def active(s: Session, days: int, end: str | None = None, limit: int = 8) -> list[dict]:
    """Organisations named by the most facts stated in the `days` up to `end`."""
    end = end or as_of(s)
    if not end:
        return []
    start = _days_before(end, days - 1)
    E, FE, En = M.Evidence, M.FactEntity, M.Entity
    # the statements of the period first, through the date index, then their organisations
    # (two lookups: joined, SQLite would start from every organisation instead)
    docs_of: dict[str, set] = defaultdict(set)
    for fid, did in s.execute(select(E.fact_id, E.document_id).where(E.date >= start, E.date <= end)):
        docs_of[fid].add(did)
    facts_of: dict[str, set] = defaultdict(set)
    for part in chunks(sorted(docs_of)):
        for fid, eid in s.execute(select(FE.fact_id, FE.entity_id).where(FE.fact_id.in_(part))):
            facts_of[eid].add(fid)
    names: dict[str, str] = {}
    for part in chunks(sorted(facts_of)):
        names.update(s.execute(select(En.id, En.name).where(En.id.in_(part), En.type == "ORG")).all())
    ranked = sorted(((eid, fids) for eid, fids in facts_of.items() if eid in names),
                    key=lambda kv: (-len(kv[1]), names[kv[0]]))[:limit]
    return [{"id": eid, "name": names[eid], "facts": len(fids), "documents": len(set().union(*(docs_of[f] for f in fids))),
             "since": start, "until": end} for eid, fids in ranked]


def counts_by_type_status(s: Session, lang: str = "id") -> list[dict]:
    rows = s.execute(select(M.Fact.type, M.Fact.status, func.count()).where(NOT_REJECTED)
                     .group_by(M.Fact.type, M.Fact.status)).all()
    by_type: dict[str, dict] = {}
    for t, st, n in rows:
        d = by_type.setdefault(t, {"type": t, "type_label": label("types", t, lang), "total": 0, "statuses": []})
        d["total"] += n
        if st:
            d["statuses"].append({"status": st, "label": label("statuses", st, lang), "count": n})
    for d in by_type.values():
        d["statuses"].sort(key=lambda x: -x["count"])
    order = {t: i for i, t in enumerate(labels()["types"])}   # deals first, as the labels file lists them
    return sorted(by_type.values(), key=lambda d: order.get(d["type"], len(order)))


def network(s: Session, limit: int = 400, lang: str = "id", around: str | None = None) -> dict:
    """Every partnership and investment as edges between the entities it names (the
    latest `limit` facts), each with its status, dates and sector; nodes with kind and
    country from the knowledge base.  With `around`, only the deals within two hops of
    that entity."""
    q = select(M.Fact).where(M.Fact.type.in_(NETWORK_TYPES), NOT_REJECTED)
    if around:
        from warta.store.queries import graph
        q = q.where(M.Fact.id.in_(sorted({e["id"] for e in graph(s, around, 2)["edges"]}) or ["-"]))
    facts = list(s.scalars(q.order_by(M.Fact.last_seen.desc(), M.Fact.id).limit(limit)))
    fids = [f.id for f in facts]
    members = _members(s, fids)
    first_sentence: dict[str, str] = {}
    for part in chunks(fids):
        for fid, sent in s.execute(select(M.Evidence.fact_id, func.min(M.Evidence.sentence))
                                   .where(M.Evidence.fact_id.in_(part)).group_by(M.Evidence.fact_id)):
            first_sentence[fid] = sent
    nodes: dict[str, dict] = {}
    edges = []
    sectors_of: dict[str, Counter] = defaultdict(Counter)
    for f in facts:
        a = f.args or {}
        sector = sector_of(a.get("purpose"), a.get("target"), first_sentence.get(f.id))
        ms = sorted(members.get(f.id, []))
        for eid, name, etype in ms:
            if eid not in nodes:
                kb = _kb_info(eid)
                nodes[eid] = {"id": eid, "name": name, "type": etype, "kind": kb["kind"], "country": kb["country"],
                              "degree": 0}
            sectors_of[eid][sector] += 1
        label_ = fact_label(_fact_dict(f), lang)
        for i, (a_, _, _) in enumerate(ms):
            for b_, _, _ in ms[i + 1:]:
                nodes[a_]["degree"] += 1
                nodes[b_]["degree"] += 1
                edges.append({"id": f.id, "source": a_, "target": b_, "type": f.type, "status": f.status,
                              "status_label": label("statuses", f.status, lang), "certainty": f.certainty,
                              "first_seen": f.first_seen, "last_seen": f.last_seen, "sector": sector, "label": label_})
    for eid, n in nodes.items():
        n["sector"] = sectors_of[eid].most_common(1)[0][0] if sectors_of[eid] else "other"
    return {"nodes": list(nodes.values()), "edges": edges}


def overview(s: Session, lang: str = "id") -> dict[str, Any]:
    """Everything the home page shows."""
    end = as_of(s)
    return {"as_of": end, "events": events(s, limit=12, lang=lang), "week": active(s, 7, end), "month": active(s, 30, end),
            "by_type": counts_by_type_status(s, lang)}


RELATION_TYPES = ("PARTNERSHIP", "INVESTMENT", "FACILITY", "INFRASTRUCTURE", "PRODUCT", "LAUNCH_PLAN")


def relationships(s: Session, name: str, lang: str = "id", limit: int = 100) -> list[dict]:
    """An entity's deals as timelines, one per counterpart (the other parties, or the
    thing built or made): facts with the same counterpart are merged, and a step that
    several facts repeat is shown once.  Each step names the article that supports it."""
    e = find_entity(s, name)
    # the latest `limit` of the entity's deals, chosen by the database (warta.store.entity_facts)
    facts = list(s.scalars(latest_first(of_entity(e.id, M.Fact).where(M.Fact.type.in_(RELATION_TYPES), NOT_REJECTED))
                           .limit(limit)))
    ids = [f.id for f in facts]
    evs, members = _evidence(s, ids), _members(s, ids)
    groups: dict[tuple, dict] = {}
    for f in facts:
        fd = _fact_dict(f)
        others = tuple(sorted((n for eid, n, _ in members.get(f.id, []) if eid != e.id)))
        key = (f.type, others) if f.type in ("PARTNERSHIP", "INVESTMENT") and others else (f.type, f.id)
        g = groups.setdefault(key, {"type": f.type, "type_label": label("types", f.type, lang), "with": list(others),
                                    "with_ids": [eid for eid, _, _ in members.get(f.id, []) if eid != e.id],
                                    "facts": [], "steps": [], "status": f.status, "last_seen": f.last_seen})
        g["facts"].append({"id": f.id, "label": fact_label(fd, lang), "status": f.status, "sources": f.sources})
        for st in steps(evs.get(f.id, [])):
            st = {**st, "fact_id": f.id, "status_label": label("statuses", st["status"], lang)}
            dup = next((x for x in g["steps"] if x["date"] == st["date"] and x["status"] == st["status"]), None)
            if dup is None:
                g["steps"].append(st)
            elif st["doc_id"] != dup["doc_id"] and st["doc_id"] not in dup["also"]:
                dup["also"].append(st["doc_id"])
        if (f.last_seen or "") > (g["last_seen"] or ""):
            g["status"], g["last_seen"] = f.status, f.last_seen
    out = []
    for g in groups.values():
        g["steps"].sort(key=lambda x: (x["date"] or "", x["fact_id"]))
        # a merged timeline repeats a status when two facts give it on different days: keep the first
        merged: list[dict] = []
        for st in g["steps"]:
            if merged and merged[-1]["status"] == st["status"]:
                merged[-1]["also"] += [d for d in [st["doc_id"], *st["also"]] if d not in merged[-1]["also"]]
                continue
            merged.append({**st, "previous": merged[-1]["status"] if merged else None})
        g["steps"] = merged
        g["status_label"] = label("statuses", g["status"], lang)
        out.append(g)
    out.sort(key=lambda g: (g["last_seen"] or "", g["type"]), reverse=True)
    return out
