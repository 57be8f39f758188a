"""An analyst's questions as library functions; the CLI and the API are thin
layers over these.  Every function takes a Session and returns plain data."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from warta.kb.base import COMPILED, load_kb
from warta.store import entity_facts as EF
from warta.store import models as M
from warta.store.db import chunks
from warta.store.sources import group_sources

MAX_LIMIT = 1000


class NotFound(LookupError):
    pass


def find_entity(s: Session, name: str) -> M.Entity:
    """By canonical name, then any surface form seen, then prefix; case-insensitive."""
    low = name.strip().lower()
    if not low:
        raise NotFound("no entity named by an empty name")
    e = s.scalar(select(M.Entity).where(M.Entity.name_lower == low))
    if e is None:
        e = s.scalar(select(M.Entity).join(M.Alias, M.Alias.entity_id == M.Entity.id)
                     .where(M.Alias.alias_lower == low).order_by(M.Entity.kb.desc()))
    if e is None:
        e = s.scalar(select(M.Entity).where(M.Entity.name_lower.like(_prefix(low), escape="\\")).order_by(func.length(M.Entity.name)))
    if e is None:
        raise NotFound(f"no entity named {name!r}")
    return e


def _prefix(low: str) -> str:
    """A LIKE pattern for names starting with `low`, its % and _ literal (escape character \\,
    which SQLite needs said: it has no default escape)."""
    return low.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def suggest(s: Session, prefix: str, limit: int = 10) -> list[dict]:
    low = prefix.strip().lower()
    if not low:
        return []
    rows = s.execute(select(M.Entity.id, M.Entity.name, M.Entity.type).join(M.Alias, M.Alias.entity_id == M.Entity.id)
                     .where(or_(M.Entity.name_lower.like(_prefix(low), escape="\\"),
                                M.Alias.alias_lower.like(_prefix(low), escape="\\")))
                     .group_by(M.Entity.id, M.Entity.name, M.Entity.type).order_by(M.Entity.name).limit(min(limit, 50))).all()
    return [{"id": r.id, "name": r.name, "type": r.type} for r in rows]


def _fact_dict(f: M.Fact, evidence: list[M.Evidence] | None = None) -> dict[str, Any]:
    d = {"id": f.id, "type": f.type, "args": f.args, "status": f.status, "certainty": f.certainty,
         "first_seen": f.first_seen, "last_seen": f.last_seen, "sources": f.sources, "review": f.review,
         "score": f.score}
    if evidence is not None:
        d["evidence"] = [_evidence_dict(e) for e in evidence]
    return d


def _evidence_dict(e: M.Evidence, doc: M.Document | None = None) -> dict[str, Any]:
    d = {"document_id": e.document_id, "sentence": e.sentence, "start": e.start, "end": e.end, "date": e.date,
         "status": e.status, "certainty": e.certainty, "args": e.args, "flags": e.flags, "score": e.score}
    if doc is not None:
        d["document"] = {"doc_id": doc.doc_id, "title": doc.title, "url": doc.url, "site": doc.site,
                         "published": doc.published, "revision": doc.revision}
    return d


def facts(s: Session, type: str | None = None, entity: str | None = None, status: str | None = None,
          certainty: str | None = None, since: str | None = None, until: str | None = None,
          limit: int = 100, offset: int = 0, include_rejected: bool = False) -> list[dict]:
    limit = min(limit, MAX_LIMIT)
    cond = []
    if type:
        cond.append(M.Fact.type == type.upper())
    if status:
        cond.append(M.Fact.status == status)
    if certainty:
        cond.append(M.Fact.certainty == certainty)
    if since:
        cond.append(M.Fact.last_seen >= since)
    if until:   # an entity's undated facts stay in its list, as they always have
        cond.append((func.coalesce(M.Fact.first_seen, "") if entity else M.Fact.first_seen) <= until)
    if not include_rejected:   # an analyst's rejection hides a fact unless asked for
        cond.append(EF.not_rejected())
    if entity:
        # from the entity's fact ids (never a walk of the whole facts table by date or type),
        # newest first and ties by id descending; only the page asked for is read
        q = EF.latest_first(EF.of_entity(find_entity(s, entity).id, M.Fact).where(*cond))
    else:
        q = select(M.Fact).where(*cond).order_by(M.Fact.last_seen.desc(), M.Fact.id)
    return [_fact_dict(f) for f in s.scalars(q.limit(limit).offset(offset))]


def evidence(s: Session, fact_id: str) -> dict:
    f = s.get(M.Fact, fact_id)
    if f is None:
        raise NotFound(f"no fact {fact_id!r}")
    rows = s.execute(select(M.Evidence, M.Document).join(M.Document, M.Document.id == M.Evidence.document_id)
                     .where(M.Evidence.fact_id == fact_id).order_by(M.Evidence.date, M.Evidence.id)).all()
    d = _fact_dict(f)
    d["evidence"] = [_evidence_dict(e, doc) for e, doc in rows]
    d["status_history"] = _history(rows)
    d["values"] = _values(rows)
    d["independent_sources"] = group_sources(rows)     # each source once, its copies under it
    d["copies"] = sum(len(g["copies"]) for g in d["independent_sources"])
    return d


def _history(rows) -> list[dict]:
    """Each change of status in date order, with the document that reported it."""
    out: list[dict] = []
    for e, doc in rows:
        if not out or out[-1]["status"] != e.status:
            out.append({"status": e.status, "date": e.date, "doc_id": doc.doc_id})
    return out


def _values(rows) -> list[dict]:
    """Amounts and counts as each source gave them: conflicts side by side."""
    seen: dict[str, dict] = {}
    for e, doc in rows:
        for k in ("amount", "count", "area", "date"):
            v = (e.args or {}).get(k)
            if isinstance(v, dict) and v.get("value") is not None:
                key = f"{k}:{v.get('value')}:{v.get('currency') or v.get('unit') or ''}"
                seen.setdefault(key, {"arg": k, "value": v, "sources": []})["sources"].append(doc.doc_id)
    return list(seen.values())


MAX_LISTED = 20   # sources and sentences listed per partner (the latest); the counts give the rest
TIMELINE = 500    # the profile's timeline: its latest entries


def partners(s: Session, name: str, limit: int = 200, include_rejected: bool = False) -> dict:
    e = find_entity(s, name)
    return {"entity": {"id": e.id, "name": e.name, "type": e.type}, "partners": _partners(s, e, limit, include_rejected)}


def _partners(s: Session, e: M.Entity, limit: int, include_rejected: bool, facts: list | None = None) -> list[dict]:
    """The entity's `limit` latest partnerships (or these `facts`, newest first), one row per
    other party, each with its evidence summarised (warta.store.entity_facts)."""
    if facts is None:
        facts = EF.partnerships(s, e.id, limit, include_rejected)
    ids = [f.id for f in facts]
    others: dict[str, set] = defaultdict(set)
    for part in chunks(ids):
        for fid, oid, oname in s.execute(select(M.FactEntity.fact_id, M.Entity.id, M.Entity.name)
                                         .join(M.Entity, M.Entity.id == M.FactEntity.entity_id)
                                         .where(M.FactEntity.fact_id.in_(part), M.FactEntity.entity_id != e.id)):
            others[fid].add((oid, oname))
    summary = EF.evidence_summary(s, ids, MAX_LISTED)
    out = []
    for f in facts:
        ev = summary[f.id]
        for oid, oname in sorted(others.get(f.id, ()), key=lambda x: x[1]):
            out.append({"partner": oname, "partner_id": oid, "fact_id": f.id, "status": f.status,
                        "certainty": f.certainty, "first_seen": f.first_seen, "last_seen": f.last_seen,
                        "review": f.review, "sources": list(ev["sources"]), "source_count": ev["source_count"],
                        "evidence": list(ev["evidence"]), "evidence_count": ev["evidence_count"],
                        "status_history": list(ev["status_history"])})
    return out


def profile(s: Session, name: str, per_type: int = 50, include_rejected: bool = False) -> dict:
    """An entity with its counts, the first `per_type` facts of each type, its latest
    partnerships and timeline: one ranked pass over the entity's facts returns the rows
    shown (warta.store.entity_facts), not every fact."""
    e = find_entity(s, name)
    aliases = sorted(s.scalars(select(M.Alias.alias).where(M.Alias.entity_id == e.id)))
    kb = _kb_info(e.id)
    judged, parent = entity_parent(s, e.id)
    if judged:   # an analyst's parent wins over the knowledge base's
        kb["parent"] = parent
    rows = EF.profile_facts(s, e.id, per_type, per_type, TIMELINE, include_rejected)
    counts: dict[str, int] = {}
    by_type: dict[str, list[dict]] = {}
    for f in sorted((f for f in rows if f.first <= per_type or f.first == 1), key=lambda f: (f.first_seen or "", f.id)):
        counts.setdefault(f.type, f.n)          # types in the order of their first fact
        shown = by_type.setdefault(f.type, [])
        if f.first <= per_type:
            shown.append(_fact_dict(f))
    partnerships = sorted((f for f in rows if f.type == "PARTNERSHIP" and f.newest <= per_type), key=lambda f: f.newest)
    docs = s.scalar(select(func.count()).select_from(M.EntityDocument).where(M.EntityDocument.entity_id == e.id))
    return {"id": e.id, "name": e.name, "type": e.type, "kb": e.kb, "aliases": aliases, **kb,
            "documents": docs, "fact_counts": counts, "facts": by_type,
            "partners": _partners(s, e, per_type, include_rejected, partnerships),
            "timeline": EF.timeline(s, rows, TIMELINE)}


def _kb_info(eid: str) -> dict:
    # a store can be read without the compiled knowledge base; a broken one is an error
    entry = (load_kb().get(eid) or {}) if COMPILED.exists() else {}
    return {"kind": entry.get("kind"), "country": entry.get("country"), "parent": entry.get("parent")}


def document(s: Session, doc_id: str) -> dict:
    d = s.scalar(select(M.Document).where(or_(M.Document.doc_id == doc_id, M.Document.id == doc_id))
                 .order_by(M.Document.revision.desc()))
    if d is None:
        raise NotFound(f"no document {doc_id!r}")
    spans = s.execute(select(M.Evidence.start, M.Evidence.end, M.Evidence.fact_id, M.Fact.type)
                      .join(M.Fact, M.Fact.id == M.Evidence.fact_id)
                      .where(M.Evidence.document_id == d.id, or_(M.Fact.review.is_(None), M.Fact.review != "rejected"))
                      .order_by(M.Evidence.start)).all()
    return {"id": d.id, "doc_id": d.doc_id, "revision": d.revision, "url": d.url, "title": d.title,
            "published": d.published, "site": d.site, "language": d.language, "body": d.body,
            "removed": d.removed, "duplicate_of": d.duplicate_of, "metadata": d.doc_json.get("metadata"),
            "spans": [{"start": r.start, "end": r.end, "fact_id": r.fact_id, "type": r.type} for r in spans]}


def search(s: Session, query: str, limit: int = 20) -> list[dict]:
    limit = min(limit, 200)
    if s.bind.dialect.name == "sqlite":
        fts = " ".join('"' + w.replace('"', "") + '"' for w in query.split() if w.strip())
        if not fts:
            return []
        rows = s.execute(text("SELECT d.doc_id, d.title, d.date, snippet(documents_fts, 2, '[', ']', '…', 12) AS snip "
                              "FROM documents_fts JOIN documents d ON d.id = documents_fts.id "
                              "WHERE documents_fts MATCH :q ORDER BY rank LIMIT :n"), {"q": fts, "n": limit}).all()
    else:
        rows = s.execute(text("SELECT doc_id, title, date, ts_headline('simple', body, websearch_to_tsquery('simple', :q)) AS snip "
                              "FROM documents WHERE to_tsvector('simple', coalesce(title, '') || ' ' || body) "
                              "@@ websearch_to_tsquery('simple', :q) "
                              "ORDER BY ts_rank(to_tsvector('simple', coalesce(title, '') || ' ' || body), "
                              "websearch_to_tsquery('simple', :q)) DESC LIMIT :n"), {"q": query, "n": limit}).all()
    return [{"doc_id": r.doc_id, "title": r.title, "date": r.date, "snippet": r.snip} for r in rows]


def failures(s: Session, limit: int = 100) -> list[dict]:
    return [{"source": f.source, "stage": f.stage, "reason": f.reason, "at": f.at.isoformat()}
            for f in s.scalars(select(M.Failure).order_by(M.Failure.id.desc()).limit(min(limit, MAX_LIMIT)))]


def graph(s: Session, name: str, depth: int = 1, types: tuple[str, ...] = ("PARTNERSHIP", "INVESTMENT")) -> dict:
    """Entities around `name` (up to `depth` hops) and the facts that join them."""
    start = find_entity(s, name)
    nodes = {start.id: start}
    edges: dict[str, dict] = {}
    frontier = {start.id}
    for _ in range(max(1, min(depth, 3))):
        fids = select(M.FactEntity.fact_id).where(M.FactEntity.entity_id.in_(frontier))
        rows = s.execute(select(M.Fact, M.FactEntity.entity_id).join(M.FactEntity, M.FactEntity.fact_id == M.Fact.id)
                         .where(M.Fact.id.in_(fids), M.Fact.type.in_(types),
                                or_(M.Fact.review.is_(None), M.Fact.review != "rejected"))).all()
        members: dict[str, list[str]] = defaultdict(list)
        facts_by_id = {}
        for f, eid in rows:
            members[f.id].append(eid)
            facts_by_id[f.id] = f
        new = set()
        for fid, eids in members.items():
            f = facts_by_id[fid]
            for i, a in enumerate(sorted(set(eids))):
                for b in sorted(set(eids))[i + 1:]:
                    edges[f"{fid}:{a}:{b}"] = {"id": fid, "source": a, "target": b, "type": f.type,
                                               "status": f.status, "certainty": f.certainty, "review": f.review}
            new |= set(eids) - set(nodes)
        for e in s.scalars(select(M.Entity).where(M.Entity.id.in_(new))):
            nodes[e.id] = e
        frontier = new
        if not frontier:
            break
    return {"center": start.id,
            "nodes": [{"id": e.id, "name": e.name, "type": e.type, "kind": _kb_info(e.id)["kind"]} for e in nodes.values()],
            "edges": list(edges.values())}


def counts(s: Session) -> dict[str, int]:
    return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in
            (M.Document, M.Entity, M.Alias, M.EntityDocument, M.Fact, M.FactEntity, M.Evidence, M.Failure)}


def entity_parent(s: Session, eid: str) -> tuple[bool, str | None]:
    """(judged, parent): the analyst's latest word on an entity's parent, if any."""
    j = s.scalar(select(M.Judgement).where(M.Judgement.target == eid, M.Judgement.action == "entity.parent")
                 .order_by(M.Judgement.id.desc()).limit(1))
    return (True, j.payload.get("parent")) if j is not None else (False, None)
