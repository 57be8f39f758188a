"""`warta load DIR --db URL`: the Spark job's Parquet into the store, through the
same per-document write path as `warta ingest` (same ids, same merging, same
idempotence)."""
from __future__ import annotations

from pathlib import Path

from warta.model import Document


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
    rows = sorted(table.to_pylist(), key=lambda r: (r["doc_id"], r["page_id"]))
    import json
    for r in rows:
        doc = Document.model_validate_json(r["doc_json"])
        with store.session() as s:
            if s.get(M.Document, r["page_id"]) is None:
                doc.duplicate_of = check_and_register(s, doc.doc_id, doc.body) or doc.duplicate_of
            res = store_document(s, store.dialect, r["page_id"], doc, r["source"], r["url"], json.loads(r["removed"] or "[]"))
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
