"""An entity's facts read by aggregate SQL: counts per type, the few facts of each kind a
page lists, the timeline's latest entries, and each listed fact's evidence summarised.
A company cited by thousands of articles has thousands of facts; the profile, the
partners list and its facts page show a few dozen, so only those rows leave the database
(and only their JSON arguments are decoded).

Every query starts from the entity's rows in fact_entities (index (entity_id, fact_id))
and joins facts by primary key.  Written as a filter (`facts.id IN (...)`), a condition on
the fact's type or dates would let SQLite, without table statistics, walk the facts
table by that column's index instead; joined to the entity's ids first, it never does.
Orders that Python compared with `x or ""` compare COALESCE(x, '') here, so a missing
date sorts first on both backends, as before."""
from __future__ import annotations

from collections import defaultdict, namedtuple
from functools import cache
from typing import Any

from sqlalchemy import Select, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from warta.store import models as M
from warta.store.db import chunks

F, FE, E, D = M.Fact, M.FactEntity, M.Evidence, M.Document
LIGHT = (F.id, F.type, F.status, F.certainty, F.first_seen, F.last_seen, F.sources, F.review, F.score)
# the statements below are built once, with parameters: building a subquery's columns
# costs more Python time than the database takes to answer it


def _plain(result) -> list:
    """A result's rows as named tuples: a field of one reads several times faster than a
    Row's, and a profile reads thousands of them."""
    make = _row_type(tuple(result.keys()))._make
    return [make(r) for r in result]


@cache
def _row_type(keys: tuple[str, ...]):
    return namedtuple("Row", keys)


def not_rejected():
    return or_(F.review.is_(None), F.review != "rejected")


def of_entity(eid, *cols) -> Select:
    """SELECT cols FROM (the entity's distinct fact ids) JOIN facts: add WHERE, ORDER BY."""
    ids = select(FE.fact_id).where(FE.entity_id == eid).distinct().subquery("entity_fact_ids")
    return select(*cols).select_from(ids).join(F, F.id == ids.c.fact_id)


def _day(col):
    return func.coalesce(col, "")


def latest_first(q: Select) -> Select:
    """An entity's facts newest first: last seen, then id, both descending."""
    return q.order_by(_day(F.last_seen).desc(), F.id.desc())


@cache
def _profile_facts(include_rejected: bool) -> Select:
    first_day, last_day = _day(F.first_seen), _day(F.last_seen)
    q = of_entity(bindparam("eid"), *LIGHT, F.args,
                  func.row_number().over(partition_by=F.type, order_by=(first_day, F.id)).label("first"),
                  func.row_number().over(order_by=(first_day.desc(), F.id.desc())).label("recent"),
                  func.row_number().over(partition_by=F.type, order_by=(last_day.desc(), F.id.desc())).label("newest"),
                  func.count().over(partition_by=F.type).label("n"))
    if not include_rejected:
        q = q.where(not_rejected())
    r = q.subquery("ranked")
    shown = r.c.first <= bindparam("per_type")
    cols = [r.c[c.key] for c in LIGHT]
    return (select(*cols, case((shown, r.c.args), else_=None).label("args"), r.c.first, r.c.recent, r.c.newest, r.c.n)
            .where(or_(shown, r.c.recent <= bindparam("recent"),
                       and_(r.c.type == "PARTNERSHIP", or_(r.c.sources > 1, r.c.newest <= bindparam("partners"))))))


def profile_facts(s: Session, eid: str, per_type: int, partners: int, recent: int,
                  include_rejected: bool = False) -> list:
    """One pass over the entity's facts, ranked in the database; back come only the rows a
    profile shows, each with its type's count (`n`): the `per_type` first seen of each type
    (`first`, with their arguments; at least the first), the `recent` latest first seen
    (`recent`: the timeline's), the `partners` newest partnerships (`newest`), and the
    partnerships stated more than once (whose status history the timeline gives)."""
    return _plain(s.execute(_profile_facts(include_rejected),
                            {"eid": eid, "per_type": max(per_type, 1), "partners": partners, "recent": recent}))


@cache
def _partnerships(include_rejected: bool) -> Select:
    q = of_entity(bindparam("eid"), *LIGHT).where(F.type == "PARTNERSHIP")
    if not include_rejected:
        q = q.where(not_rejected())
    return latest_first(q).limit(bindparam("limit"))


def partnerships(s: Session, eid: str, limit: int, include_rejected: bool = False) -> list:
    """The entity's `limit` newest partnerships (last seen, then id, descending)."""
    return _plain(s.execute(_partnerships(include_rejected), {"eid": eid, "limit": max(limit, 0)}))


@cache
def _status_steps() -> Select:
    """Evidence rows of these facts where the status history takes a step: each fact's
    first statement (`first`) and every later one whose status differs from the one
    before it, in (date, id) order; with the article's doc_id."""
    order = (_day(E.date), E.id)
    inner = (select(E.fact_id, E.id, E.date, E.status, E.document_id,
                    func.row_number().over(partition_by=E.fact_id, order_by=order).label("nth"),
                    func.lag(E.status).over(partition_by=E.fact_id, order_by=order).label("before"))
             .where(E.fact_id.in_(bindparam("ids", expanding=True))).subquery("steps"))
    return (select(inner.c.fact_id, inner.c.id, inner.c.date, inner.c.status, D.doc_id, (inner.c.nth == 1).label("first"))
            .join(D, D.id == inner.c.document_id)
            .where(or_(inner.c.nth == 1, inner.c.status.is_distinct_from(inner.c.before))))


def status_steps(s: Session, fids: list[str]) -> list:
    out: list = []
    for part in chunks(fids):
        out += _plain(s.execute(_status_steps(), {"ids": part}))
    return sorted(out, key=lambda r: (r.date or "", r.id))


def timeline(s: Session, rows: list, limit: int = 500) -> list[dict]:
    """The last `limit` entries of the entity's timeline, from profile_facts' rows: each
    fact on the day it was first seen (a partnership stated by several articles with the
    status it had then), and each later change of a partnership's status."""
    first_status: dict[str, str | None] = {}
    changes = []
    for r in status_steps(s, [f.id for f in rows if f.type == "PARTNERSHIP" and f.sources > 1]):
        if r.first:
            first_status[r.fact_id] = r.status
        else:
            changes.append(r)
    facts = sorted((f for f in rows if f.recent <= limit), key=lambda f: (f.first_seen or "", f.id))
    entries = [{"date": f.first_seen, "type": f.type, "fact_id": f.id,
                "status": first_status.get(f.id, f.status)} for f in facts]
    changes.sort(key=lambda r: (r.date or "", r.fact_id, r.id))
    entries += [{"date": r.date, "type": "STATUS", "fact_id": r.fact_id, "status": r.status} for r in changes[-limit:]]
    return sorted(entries, key=lambda t: (t["date"] or "", t["fact_id"]))[-limit:]


@cache
def _recent_sentences() -> Select:
    back = func.row_number().over(partition_by=E.fact_id, order_by=(_day(E.date).desc(), E.id.desc()))
    recent = (select(E.fact_id, E.id, E.date, E.sentence, back.label("back"),
                     func.count().over(partition_by=E.fact_id).label("n"))
              .where(E.fact_id.in_(bindparam("ids", expanding=True))).subquery("recent"))
    return select(recent).where(recent.c.back <= bindparam("listed"))


@cache
def _first_sources(dialect: str) -> Select:
    pairs = (select(E.fact_id, D.doc_id).join(D, D.id == E.document_id)
             .where(E.fact_id.in_(bindparam("ids", expanding=True))).distinct().subquery("pairs"))
    # doc_ids in the order Python sorts them (by code point), whatever the database's collation
    by_code_point = pairs.c.doc_id.collate("C" if dialect == "postgresql" else "BINARY")
    ranked = select(pairs.c.fact_id, pairs.c.doc_id,
                    func.row_number().over(partition_by=pairs.c.fact_id, order_by=by_code_point).label("nth"),
                    func.count().over(partition_by=pairs.c.fact_id).label("n")).subquery("ranked")
    return (select(ranked.c.fact_id, ranked.c.doc_id, ranked.c.n).where(ranked.c.nth <= bindparam("listed"))
            .order_by(ranked.c.fact_id, ranked.c.nth))


def evidence_summary(s: Session, fids: list[str], listed: int = 20) -> dict[str, dict[str, Any]]:
    """Per fact: how many statements and articles, the last `listed` sentences (in date
    order), the first `listed` articles' doc_ids (sorted), and the status history."""
    out: dict[str, dict[str, Any]] = {f: {"evidence": [], "evidence_count": 0, "sources": [], "source_count": 0,
                                          "status_history": []} for f in fids}
    sentences: dict[str, list] = defaultdict(list)
    for part in chunks(list(fids)):
        for r in s.execute(_recent_sentences(), {"ids": part, "listed": listed}).all():
            sentences[r.fact_id].append(r)
            out[r.fact_id]["evidence_count"] = r.n
        for r in s.execute(_first_sources(s.get_bind().dialect.name), {"ids": part, "listed": listed}).all():
            out[r.fact_id]["sources"].append(r.doc_id)
            out[r.fact_id]["source_count"] = r.n
    for fid, rows in sentences.items():
        out[fid]["evidence"] = [r.sentence for r in sorted(rows, key=lambda r: (r.date or "", r.id))]
    for r in status_steps(s, list(fids)):
        out[r.fact_id]["status_history"].append({"status": r.status, "date": r.date, "doc_id": r.doc_id})
    return out


__all__ = ["LIGHT", "evidence_summary", "latest_first", "not_rejected", "of_entity", "partnerships", "profile_facts",
           "status_steps", "timeline"]
