"""Exports for the tools analysts already use: JSON Lines in FORMAT, CSV of facts,
GraphML (Gephi, networkx) of entities and the facts joining them, and Parquet
tables of documents, entities and facts (pandas, DuckDB, Spark)."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy import select
from sqlalchemy.orm import Session

from warta.store import models as M

FORMATS = ("jsonl", "csv", "graphml", "parquet")


def export(s: Session, fmt: str, out: Path, include_rejected: bool = False) -> Path:
    """Facts an analyst rejected are left out unless `include_rejected`; each fact carries
    its review state (confirmed, rejected or empty)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return {"jsonl": _jsonl, "csv": _csv, "graphml": _graphml, "parquet": _parquet}[fmt](s, Path(out), include_rejected)


def _shown(q, include_rejected: bool):
    from sqlalchemy import or_
    return q if include_rejected else q.where(or_(M.Fact.review.is_(None), M.Fact.review != "rejected"))


def _latest_documents(s: Session):
    return s.scalars(select(M.Document).order_by(M.Document.doc_id, M.Document.revision))


def _jsonl(s: Session, out: Path, include_rejected: bool = False) -> Path:
    from warta.store.review_marks import judged_document, marks
    m = marks(s)
    with open(out, "w", encoding="utf-8") as fh:
        for d in _latest_documents(s):
            fh.write(json.dumps(judged_document(d.doc_json, m, include_rejected), ensure_ascii=False) + "\n")
    return out


FACT_COLUMNS = ("id", "type", "status", "certainty", "first_seen", "last_seen", "sources", "args", "review")


def _csv(s: Session, out: Path, include_rejected: bool = False) -> Path:
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(FACT_COLUMNS)
        for f in s.scalars(_shown(select(M.Fact), include_rejected).order_by(M.Fact.id)):
            w.writerow([f.id, f.type, f.status, f.certainty, f.first_seen, f.last_seen, f.sources,
                        json.dumps(f.args, ensure_ascii=False), f.review or ""])
    return out


def _graphml(s: Session, out: Path, include_rejected: bool = False) -> Path:
    ents = {e.id: e for e in s.scalars(select(M.Entity).order_by(M.Entity.id))}
    members: dict[str, list[str]] = {}
    for fe in s.scalars(select(M.FactEntity).order_by(M.FactEntity.fact_id, M.FactEntity.entity_id)):
        members.setdefault(fe.fact_id, []).append(fe.entity_id)
    facts = {f.id: f for f in s.scalars(_shown(select(M.Fact), include_rejected)
                                        .where(M.Fact.type.in_(("PARTNERSHIP", "INVESTMENT"))))}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '<key id="name" for="node" attr.name="name" attr.type="string"/>',
             '<key id="etype" for="node" attr.name="type" attr.type="string"/>',
             '<key id="ftype" for="edge" attr.name="type" attr.type="string"/>',
             '<key id="status" for="edge" attr.name="status" attr.type="string"/>',
             '<key id="certainty" for="edge" attr.name="certainty" attr.type="string"/>',
             '<key id="sources" for="edge" attr.name="sources" attr.type="int"/>',
             '<key id="review" for="edge" attr.name="review" attr.type="string"/>',
             '<graph id="warta" edgedefault="undirected">']
    for e in ents.values():
        lines.append(f'<node id={quoteattr(e.id)}><data key="name">{escape(e.name)}</data><data key="etype">{e.type}</data></node>')
    for fid, f in facts.items():
        eids = sorted(set(members.get(fid, [])) & set(ents))
        for i, a in enumerate(eids):
            for b in eids[i + 1:]:
                lines.append(f'<edge id={quoteattr(fid + ":" + a + ":" + b)} source={quoteattr(a)} target={quoteattr(b)}>'
                             f'<data key="ftype">{f.type}</data><data key="status">{escape(f.status or "")}</data>'
                             f'<data key="certainty">{escape(f.certainty or "")}</data><data key="sources">{f.sources}</data>'
                             f'<data key="review">{escape(f.review or "")}</data></edge>')
    lines += ["</graph>", "</graphml>"]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _parquet(s: Session, out: Path, include_rejected: bool = False) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq
    out.mkdir(parents=True, exist_ok=True)
    docs = list(_latest_documents(s))
    pq.write_table(pa.table({
        "id": [d.id for d in docs], "doc_id": [d.doc_id for d in docs], "revision": [d.revision for d in docs],
        "date": [d.date for d in docs], "title": [d.title for d in docs], "url": [d.url for d in docs],
        "language": [d.language for d in docs], "body": [d.body for d in docs],
        "doc_json": [json.dumps(d.doc_json, ensure_ascii=False) for d in docs]}), out / "documents.parquet")
    ents = list(s.scalars(select(M.Entity).order_by(M.Entity.id)))
    pq.write_table(pa.table({"id": [e.id for e in ents], "type": [e.type for e in ents], "name": [e.name for e in ents],
                             "kb": [e.kb for e in ents]}), out / "entities.parquet")
    fs = list(s.scalars(_shown(select(M.Fact), include_rejected).order_by(M.Fact.id)))
    pq.write_table(pa.table({c: [json.dumps(getattr(f, c), ensure_ascii=False) if c == "args" else getattr(f, c) for f in fs]
                             for c in FACT_COLUMNS}), out / "facts.parquet")
    return out
