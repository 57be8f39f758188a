"""Re-extraction: every row extraction wrote (documents, entities, facts, evidence,
near-duplicate signatures) is dropped and the pages are ingested afresh, as after
a better model; the analysts' judgements are kept and replayed as each document
is stored again, so the graph comes back judged."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, text

from warta.store import models as M
from warta.store.db import Store

# children before parents
EXTRACTED = (M.Evidence, M.FactEntity, M.Fact, M.EntityDocument, M.Alias, M.Entity, M.NearDupBand,
             M.NearDupSignature, M.Document)


def clear_extracted(store: Store) -> None:
    with store.write_lock(), store.session() as s:
        for table in EXTRACTED:
            s.execute(delete(table))
        if store.dialect == "sqlite":
            s.execute(text("DELETE FROM documents_fts"))
        s.commit()


def reextract(store: Store, paths: Iterable[str], progress: bool = False, pipeline=None):
    from warta.store.ingest import ingest
    clear_extracted(store)
    return ingest(store, list(paths), progress=progress, pipeline=pipeline)
