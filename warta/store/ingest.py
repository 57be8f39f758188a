"""`warta ingest`: pages through the pipeline into the store, one transaction per batch
of pages (warta.store.write: bulk inserts, one statement per kind of row).  Idempotent:
a page's id is the hash of its content, so a page already stored is skipped before any
NLP runs, and a killed ingest run again finishes what is missing.  A changed page under
the same doc_id is a new revision.  Failures are stored with their stage and reason and
never stop the batch: when a batch cannot be written, its pages are written one by one,
so the page that breaks it fails alone."""
from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from warta.model import Document as DocModel
from warta.model import RawPage, ReadFailure, WorkDoc
from warta.pipeline import STORE_CONFIG, Pipeline, Sink, StageFailure, batches
from warta.store import models as M
from warta.store.db import Store
from warta.store.write import Page, existing, store_pages


def page_hash(raw: RawPage) -> str:
    return hashlib.sha1(f"{raw.doc_id}\x1f{raw.content}".encode("utf-8", "surrogatepass")).hexdigest()[:20]


@dataclass
class IngestReport:
    stored: int = 0
    unchanged: int = 0
    revisions: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    duplicates: int = 0      # stored, and marked as a near-duplicate of an article stored before

    def summary(self) -> str:
        return (f"{self.stored} stored, {self.revisions} new revisions, {self.unchanged} unchanged, "
                f"{self.duplicates} near-duplicates, {self.failed} failed")


# the store's write, declared as the step after the pipeline's last stage: it files the
# document under the "date" stage's day and matches the "dedup" stage's signature against
# every stored article, deciding duplicate_of in the batch's transaction
STORE_WRITE = Sink("store", requires=("doc.body", "date", "signature"), assigns=("doc.duplicate_of",))


def record_failure(s: Session, source: str, stage: str, reason: str) -> None:
    exists = s.scalar(select(M.Failure.id).where(M.Failure.source == source, M.Failure.stage == stage,
                                                  M.Failure.reason == reason))
    if exists is None:
        s.add(M.Failure(source=source, stage=stage, reason=reason))
        s.flush()


def store_document(s: Session, dialect: str, pid: str, doc: DocModel, raw_source: str | None = None,
                   url: str | None = None, removed: list[str] | None = None, date: str | None = None) -> str:
    """Write one processed document with its entities and facts, filed under `date` (the
    pipeline's "date" stage; from the document's own dates when not given).  Returns
    'stored', 'revision' or 'unchanged'.  The caller commits."""
    return store_pages(s, dialect, [Page(pid, doc, raw_source, url, removed or [], date)])[0]


def ingest(store: Store, paths: Iterable[str], progress: bool = False, pipeline: Pipeline | None = None) -> IngestReport:
    from warta.read import read_inputs

    pipe = (pipeline or Pipeline(config=STORE_CONFIG)).feeds(STORE_WRITE)
    rep = IngestReport()
    next_analyze = ANALYZE_FROM
    paths = list(paths)
    items: Iterator = iter(read_inputs(paths))
    if progress:
        items = _progress(items, paths)
    for chunk in batches(items):
        pids = {id(r): page_hash(r) for r in chunk if not isinstance(r, ReadFailure)}
        # the content hash is checked before NLP: a page stored already costs no model time
        with store.session() as s:
            have = existing(s, M.Document.id, pids.values())
        fresh = [r for r in chunk if id(r) in pids and pids[id(r)] not in have]
        done = dict(zip(map(id, fresh), pipe.run_many(fresh))) if fresh else {}
        # a page stored when the batch was checked and gone since is run now
        later = [r for r in chunk if id(r) in pids and id(r) not in done]
        if later:
            with store.session() as s:
                still = existing(s, M.Document.id, [pids[id(r)] for r in later])
            gone = [r for r in later if pids[id(r)] not in still]
            done.update(zip(map(id, gone), pipe.run_many(gone)))
        entries = [(r, pids.get(id(r)), done.get(id(r))) for r in chunk]
        _store_batch(store, entries, rep)
        written = rep.stored + rep.revisions
        if store.dialect == "postgresql" and written >= next_analyze:
            _analyze(store)
            next_analyze = 2 * written
    return rep


ANALYZE_FROM = 500    # pages written in a run before PostgreSQL's statistics are first refreshed
INGEST_TABLES = ("documents", "entities", "aliases", "entity_documents", "facts", "fact_entities", "evidence",
                 "near_dup_signatures", "near_dup_bands")


def _analyze(store: Store) -> None:
    """Refresh PostgreSQL's table statistics whenever a run has doubled what it wrote: a
    long ingest into a young store otherwise plans its look-ups for the empty tables it
    started with (autovacuum may be late, or off), and each batch costs more than the last."""
    with store.engine.connect() as c:
        c.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
            "ANALYZE " + ", ".join(INGEST_TABLES))


Entry = tuple  # (the page or its read failure, its content hash, its pipeline result or None if stored)


def _store_batch(store: Store, entries: list[Entry], rep: IngestReport) -> None:
    """The batch in one transaction; if it cannot be written, page by page, so a page that
    fails to store fails alone."""
    try:
        outcomes = _with_retry(store, lambda s: _write_entries(s, store.dialect, entries))
    except SQLAlchemyError:
        for e in entries:
            _store_one(store, e, rep)
        return
    for e, outcome in zip(entries, outcomes):
        _count(rep, e, outcome)


def _store_one(store: Store, e: Entry, rep: IngestReport) -> None:
    try:
        [outcome] = _with_retry(store, lambda s: _write_entries(s, store.dialect, [e]))
    except SQLAlchemyError as exc:     # one page's store error is that page's failure, not the batch's
        raw = e[0]
        with store.session() as s:
            record_failure(s, raw.source, "store", f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
            s.commit()
        rep.failed += 1
        rep.failures.append(f"{raw.source}: store: {type(exc).__name__}")
        return
    _count(rep, e, outcome)


def _write_entries(s: Session, dialect: str, entries: list[Entry]) -> list[str]:
    """Failures recorded, pages stored (near-duplicates marked against the store and the
    pages before them): 'failed', 'stored', 'revision' or 'unchanged' for each entry."""
    out = ["unchanged"] * len(entries)
    pages: list[Page] = []
    where: list[int] = []
    for i, (raw, pid, result) in enumerate(entries):
        if isinstance(raw, ReadFailure):
            record_failure(s, raw.source, raw.stage, raw.reason)
            out[i] = "failed"
        elif isinstance(result, StageFailure):
            record_failure(s, result.source, result.stage, result.reason)
            out[i] = "failed"
        elif isinstance(result, WorkDoc):
            pages.append(Page(pid, result.doc, raw.source, raw.url, result.removed, result.date, result.signature))
            where.append(i)
    for i, outcome in zip(where, store_pages(s, dialect, pages, mark_duplicates=True)):
        out[i] = outcome
    return out


def _count(rep: IngestReport, e: Entry, outcome: str) -> None:
    raw, _, result = e
    if outcome == "failed":
        rep.failed += 1
        rep.failures.append(f"{raw.source}: {raw.reason}" if isinstance(raw, ReadFailure) else str(result))
    else:
        rep.stored += outcome == "stored"
        rep.revisions += outcome == "revision"
        rep.unchanged += outcome == "unchanged"
        rep.duplicates += outcome in ("stored", "revision") and isinstance(result, WorkDoc) \
            and result.doc.duplicate_of is not None


RETRIES = 6


def _with_retry(store: Store, write) -> list[str]:
    """`write(session)` in one transaction, committed.  Another ingest writing the same
    entity, alias, fact or page at the same moment makes this transaction fail on a unique
    key (or, on SQLite, find the database locked; on PostgreSQL, rarely, deadlock): it is
    rolled back and run again, and then sees the other writer's rows and adds only what is
    missing."""
    for attempt in range(RETRIES):
        with store.write_lock(), store.session() as s:
            try:
                out = write(s)
                s.commit()
                return out
            except (IntegrityError, OperationalError) as exc:
                s.rollback()
                if attempt == RETRIES - 1 or not _transient(exc):
                    raise
        time.sleep(random.uniform(0.02, 0.1) * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


def _transient(exc: Exception) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    msg = str(exc).lower()
    return any(w in msg for w in ("locked", "busy", "deadlock", "could not serialize"))


def _progress(items: Iterator, paths: list[str]) -> Iterator:
    from warta.store.progress import bar
    return bar(items, paths)
