"""A stored fact brought up to date from its statements (the evidence rows): written by
ingest after every document and by judgements after every merge or edit."""
from __future__ import annotations

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from warta.model import STATUS_VALUES
from warta.store import models as M


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
