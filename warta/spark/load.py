"""`warta load DIR --db URL`: the Spark job's Parquet into the store, through the
same per-document write as `warta ingest` (same ids, same dates, same merging, same
idempotence), in the order `warta ingest` would have read the pages: near-duplicates
are matched in the write against everything stored before, so the first copy read is
the original either way."""
from __future__ import annotations

import json
from pathlib import Path

from warta.model import Document

LAST = 2**31     # rows of an older output, without their place in the input, come after


def input_order(row: dict) -> tuple:
    """Where the page was in the job's input: its archive, then its record in it."""
    archive, record = row.get("archive"), row.get("record")
    return (LAST if archive is None else archive, LAST if record is None else record, row["doc_id"], row["page_id"])


def load(out_dir: str | Path, store) -> dict[str, int]:
    import pyarrow.dataset as ds

    from warta.store import models as M
    from warta.store.ingest import record_failure, store_document
    from warta.store.neardup import check_and_register
    out = Path(out_dir)
    if not (out / "documents").exists():
        raise FileNotFoundError(f"{out}: no documents/ table (is this a `warta spark extract` output?)")
    counts = {"stored": 0, "revisions": 0, "unchanged": 0, "failures": 0}
    table = ds.dataset(str(out / "documents"), format="parquet", partitioning="hive").to_table()
    for r in sorted(table.to_pylist(), key=input_order):
        doc = Document.model_validate_json(r["doc_json"])
        with store.session() as s:
            if s.get(M.Document, r["page_id"]) is None:
                doc.duplicate_of = check_and_register(s, doc.doc_id, doc.body, r.get("signature"))
            res = store_document(s, store.dialect, r["page_id"], doc, r["source"], r["url"],
                                 json.loads(r["removed"] or "[]"), r["date"])
            s.commit()
        counts["stored" if res == "stored" else "revisions" if res == "revision" else "unchanged"] += 1
    if (out / "failures").exists():
        for f in ds.dataset(str(out / "failures"), format="parquet").to_table().to_pylist():
            if f["stage"] == "filter":
                continue
            with store.session() as s:
                record_failure(s, f["source"], f["stage"], f["reason"])
                s.commit()
            counts["failures"] += 1
    return counts
