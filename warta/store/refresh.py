"""A stored fact brought up to date from its statements (the evidence rows): written by
ingest after every document and by judgements after every merge or edit."""
from __future__ import annotations

from sqlalchemy import case, func, literal, select, update
from sqlalchemy.orm import Session

from warta.model import STATUS_VALUES
from warta.store import models as M
from warta.store.db import chunks


def refresh_fact(s: Session, row: M.Fact) -> None:
    """The fact as its latest statement gives it; dates and source count over all.  Done in
    SQL, so a fact cited by thousands of articles costs an index lookup, not a load of all."""
    E = M.Evidence
    order = {v: i for i, v in enumerate(STATUS_VALUES.get(row.type, ()))}
    rank = case(order, value=E.status, else_=-1) if order else literal(-1)
    # the latest statement; on one day the furthest status, then a fixed order: never the
    # order in which concurrent ingests happened to write
    latest = s.execute(select(E.status, E.args, E.certainty, E.date).where(E.fact_id == row.id)
                       .order_by(func.coalesce(E.date, "").desc(), rank.desc(), E.document_id.desc(), E.start.desc())
                       .limit(1)).one()
    row.status, row.args = latest.status, latest.args
    first, last, asserted, score = s.execute(
        select(func.min(E.date), func.max(E.date), func.max(case((E.certainty == "asserted", 1), else_=0)),
               func.max(E.score))
        .where(E.fact_id == row.id)).one()
    # the model's score: its most confident statement (one clear article is enough, as for
    # certainty); null when no statement was scored
    row.score = score
    # asserted once any source states it plainly; hedged while every source hedges
    row.certainty = "asserted" if asserted else latest.certainty
    row.first_seen, row.last_seen = first, latest.date if latest.date is not None else last
    # sources are independent articles: revisions of one article and syndicated copies count once
    row.sources = s.scalar(select(func.count(func.distinct(func.coalesce(M.Document.duplicate_of, M.Document.doc_id))))
                           .select_from(E).join(M.Document, M.Document.id == E.document_id).where(E.fact_id == row.id))


def refresh_facts(s: Session, fact_ids: list[str]) -> None:
    """`refresh_fact` for many facts at once, as one UPDATE ... FROM statement for each
    slice of ids: the latest statement of each fact (a window over its evidence) and its
    dates and source count (grouped), computed and written by the database."""
    E, F, D = M.Evidence, M.Fact, M.Document
    whens = [((F.type == t) & (E.status == v), i) for t, vals in STATUS_VALUES.items() for i, v in enumerate(vals)]
    rank = case(*whens, else_=-1) if whens else literal(-1)
    ids = sorted(set(fact_ids))
    for part in chunks(ids):
        ranked = (select(E.fact_id, E.status, E.args, E.certainty, E.date,
                         func.row_number().over(partition_by=E.fact_id,
                                                order_by=(func.coalesce(E.date, "").desc(), rank.desc(),
                                                          E.document_id.desc(), E.start.desc())).label("n"))
                  .join(F, F.id == E.fact_id).where(E.fact_id.in_(part)).subquery("ranked"))
        top = select(ranked).where(ranked.c.n == 1).subquery("top")
        tot = (select(E.fact_id, func.min(E.date).label("first"), func.max(E.date).label("last"),
                      func.max(case((E.certainty == "asserted", 1), else_=0)).label("asserted"),
                      func.max(E.score).label("score"),     # its most confident statement, as refresh_fact
                      func.count(func.distinct(func.coalesce(D.duplicate_of, D.doc_id))).label("sources"))
               .join(D, D.id == E.document_id).where(E.fact_id.in_(part)).group_by(E.fact_id).subquery("tot"))
        s.execute(update(F).where(F.id == top.c.fact_id, tot.c.fact_id == top.c.fact_id)
                  .values(status=top.c.status, args=top.c.args,
                          certainty=case((tot.c.asserted == 1, "asserted"), else_=top.c.certainty),
                          first_seen=tot.c.first, last_seen=func.coalesce(top.c.date, tot.c.last),
                          sources=tot.c.sources, score=tot.c.score)
                  .execution_options(synchronize_session=False))
    # a fact the session holds already is read again when next used
    wanted = set(ids)
    for obj in list(s.identity_map.values()):
        if isinstance(obj, F) and obj.id in wanted:
            s.expire(obj)
