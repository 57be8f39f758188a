"""Exports for the tools analysts already use: JSON Lines in FORMAT; CSV and Parquet
tables with flat columns (facts, fact_entities, evidence, documents, entities: see
warta.store.tables); GraphML of every relation (Gephi, networkx: warta.store.graphml)."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from warta.store import models as M
from warta.store import tables as T
from warta.store.tables import FACT_COLUMNS

FORMATS = ("jsonl", "csv", "graphml", "parquet")


def export(s: Session, fmt: str, out: Path, include_rejected: bool = False, lang: str = "en") -> Path:
    """Facts an analyst rejected are left out unless `include_rejected`; each fact carries
    its review state (confirmed, rejected or empty).  Labels are in `lang` (id or en)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return {"jsonl": _jsonl, "csv": _csv, "graphml": _graphml, "parquet": _parquet}[fmt](s, Path(out), include_rejected, lang)


def _latest_documents(s: Session):
    return s.scalars(select(M.Document).order_by(M.Document.doc_id, M.Document.revision))


def _jsonl(s: Session, out: Path, include_rejected: bool = False, lang: str = "en") -> Path:
    from warta.store.review_marks import judged_document, marks
    m = marks(s)
    with open(out, "w", encoding="utf-8") as fh:
        for d in _latest_documents(s):
            fh.write(json.dumps(judged_document(d.doc_json, m, include_rejected), ensure_ascii=False) + "\n")
    return out


def _cell(v) -> object:
    return "" if v is None else v


def _csv(s: Session, out: Path, include_rejected: bool = False, lang: str = "en") -> Path:
    """`out` ending in .csv: the facts table alone (what `-o -` writes); else a folder with
    one file per table (facts.csv, fact_entities.csv, evidence.csv, documents.csv, entities.csv)."""
    if out.suffix.lower() == ".csv":
        _csv_table(out, FACT_COLUMNS, T.facts_table(s, include_rejected, lang))
        return out
    out.mkdir(parents=True, exist_ok=True)
    for name, chunks in T.tables(s, include_rejected, lang).items():
        _csv_table(out / f"{name}.csv", T.TABLES[name], chunks)
    return out


def _csv_table(path: Path, columns, chunks) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(list(columns))
        for rows in chunks:
            w.writerows([[_cell(r[c]) for c in columns] for r in rows])


def _graphml(s: Session, out: Path, include_rejected: bool = False, lang: str = "en") -> Path:
    from warta.store.graphml import write_graphml
    with open(out, "w", encoding="utf-8") as fh:
        write_graphml(s, fh, include_rejected, lang)
    return out


def _parquet(s: Session, out: Path, include_rejected: bool = False, lang: str = "en") -> Path:
    """A folder with one Parquet file per table, typed columns; documents also carry the body."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    out.mkdir(parents=True, exist_ok=True)
    for name, chunks in T.tables(s, include_rejected, lang, body=True).items():
        cols = dict(T.TABLES[name]) | ({"body": "str"} if name == "documents" else {})
        schema = T.arrow_schema(cols)
        with pq.ParquetWriter(out / f"{name}.parquet", schema) as w:
            wrote = False
            for rows in chunks:
                w.write_table(pa.Table.from_pylist(rows, schema=schema))
                wrote = True
            if not wrote:
                w.write_table(schema.empty_table())
    return out
