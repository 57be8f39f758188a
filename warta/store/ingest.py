"""`warta ingest`: pages through the pipeline into the store, one transaction per
document.  Idempotent: a page's id is the hash of its content, so a page already
stored is skipped before any NLP runs, and a killed ingest run again finishes
what is missing.  A changed page under the same doc_id is a new revision.
Failures are stored with their stage and reason and never stop the batch."""
from __future__ import annotations

import datetime as dt
import hashlib
import random
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from warta.model import Document as DocModel
from warta.model import RawPage, ReadFailure, WorkDoc
from warta.pipeline import STORE_CONFIG, Pipeline, Sink, StageFailure, batches
from warta.store import models as M
from warta.store.db import Store, chunks
from warta.store.keys import fact_entities, fact_id, merge_key
from warta.store.neardup import check_and_register
from warta.store.refresh import refresh_fact as _refresh_fact


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
# every stored article, deciding duplicate_of in the document's own transaction
STORE_WRITE = Sink("store", requires=("doc.body", "date", "signature"), assigns=("doc.duplicate_of",))


def _doc_date(doc: DocModel) -> str:
    for d in (doc.metadata.published, doc.metadata.published_inferred):
        if d:
            return d[:10]
    return dt.date.today().isoformat()


def record_failure(s: Session, source: str, stage: str, reason: str) -> None:
    exists = s.scalar(select(M.Failure.id).where(M.Failure.source == source, M.Failure.stage == stage,
                                                  M.Failure.reason == reason))
    if exists is None:
        s.add(M.Failure(source=source, stage=stage, reason=reason))


def store_document(s: Session, dialect: str, pid: str, doc: DocModel, raw_source: str | None = None,
                   url: str | None = None, removed: list[str] | None = None, date: str | None = None) -> str:
    """Write one processed document with its entities and facts, filed under `date` (the
    pipeline's "date" stage; from the document's own dates when not given).  Returns
    'stored', 'revision' or 'unchanged'.  The caller commits."""
    if s.get(M.Document, pid) is not None:
        return "unchanged"
    prev = s.scalar(select(func.max(M.Document.revision)).where(M.Document.doc_id == doc.doc_id)) or 0
    date = date or _doc_date(doc)
    s.add(M.Document(id=pid, doc_id=doc.doc_id, revision=prev + 1, url=url or doc.metadata.url, source=raw_source,
                     title=doc.metadata.title, published=doc.metadata.published, date=date, language=doc.language,
                     site=doc.metadata.site, body=doc.body, removed=removed or [], duplicate_of=doc.duplicate_of,
                     doc_json=doc.model_dump(mode="json")))
    s.flush()
    if dialect == "sqlite":
        s.execute(text("INSERT INTO documents_fts(id, title, body) VALUES (:i, :t, :b)"),
                  {"i": pid, "t": doc.metadata.title or "", "b": doc.body})
    # each kind of row is looked up for the whole document at once and written in one flush
    # per kind (entities before the facts and links that refer to them)
    ids: dict[str, str] = {e.name: e.id for e in doc.entities}
    eids = sorted({e.id for e in doc.entities})
    have_ent = _existing(s, M.Entity.id, M.Entity.id, eids)
    have_alias = {tuple(r) for part in chunks(eids) for r in
                  s.execute(select(M.Alias.entity_id, M.Alias.alias_lower).where(M.Alias.entity_id.in_(part)))}
    seen_doc: set[str] = set()
    for e in doc.entities:
        if e.id not in have_ent:
            s.add(M.Entity(id=e.id, type=e.type, name=e.name, name_lower=e.name.lower(), kb=e.kb))
            have_ent.add(e.id)
    s.flush()
    for e in doc.entities:
        for surface in sorted({e.name, *(m.text for m in e.mentions)}):
            k = (e.id, surface.lower())
            if len(surface) <= 500 and k not in have_alias:
                s.add(M.Alias(entity_id=e.id, alias_lower=k[1], alias=surface))
                have_alias.add(k)
        if e.id not in seen_doc:
            s.add(M.EntityDocument(entity_id=e.id, document_id=pid,
                                   mentions=sum(len(x.mentions) for x in doc.entities if x.id == e.id)))
            seen_doc.add(e.id)
    s.flush()
    keyed = [(f, merge_key(f, ids)) for f in doc.facts]
    fids = sorted({fact_id(k) for _, k in keyed})
    have_fact = _existing(s, M.Fact.id, M.Fact.id, fids)
    for f, key in keyed:
        fid = fact_id(key)
        if fid not in have_fact:
            s.add(M.Fact(id=fid, type=f.type, key=key, args=f.args, status=f.status, certainty=f.certainty,
                         first_seen=date, last_seen=date, sources=0))
            have_fact.add(fid)
    s.flush()
    have_link = {tuple(r) for part in chunks(fids) for r in
                 s.execute(select(M.FactEntity.fact_id, M.FactEntity.entity_id, M.FactEntity.role)
                           .where(M.FactEntity.fact_id.in_(part)))}
    linked_ents = {eid for f, _ in keyed for eid, _ in fact_entities(f, ids)}
    known_ents = have_ent | _existing(s, M.Entity.id, M.Entity.id, sorted(linked_ents - have_ent))
    have_ev: set[tuple] = set()
    for f, key in keyed:
        fid = fact_id(key)
        # every statement links its entities, so the links are the union over all documents,
        # whichever stored the fact first
        for eid, role in sorted(set(fact_entities(f, ids))):
            if (fid, eid, role) not in have_link and eid in known_ents:
                s.add(M.FactEntity(fact_id=fid, entity_id=eid, role=role))
                have_link.add((fid, eid, role))
        for ev in f.evidence:
            if (fid, ev.start) not in have_ev:      # the document is new: no evidence of it is stored yet
                s.add(M.Evidence(fact_id=fid, document_id=pid, sentence=ev.sentence, start=ev.start, end=ev.end,
                                 date=date, status=f.status, certainty=f.certainty, args=f.args, flags=f.flags,
                                 score=f.score))
                have_ev.add((fid, ev.start))
    s.flush()
    rows = {r.id: r for part in chunks(fids) for r in s.scalars(select(M.Fact).where(M.Fact.id.in_(part)))}
    for fid in fids:
        _refresh_fact(s, rows[fid])
    # what analysts decided about these entities and facts holds over what was just extracted
    from warta.store.judgements import replay
    replay(s, entity_ids=set(eids) | linked_ents, fact_ids=fids, doc_ids=[doc.doc_id])
    return "revision" if prev else "stored"


def _existing(s: Session, col, key, values: list) -> set:
    """Which of `values` are already stored in column `col`."""
    out: set = set()
    for part in chunks(values):
        out.update(s.scalars(select(col).where(key.in_(part))))
    return out


def ingest(store: Store, paths: Iterable[str], progress: bool = False, pipeline: Pipeline | None = None) -> IngestReport:
    from warta.read import read_inputs

    pipe = (pipeline or Pipeline(config=STORE_CONFIG)).feeds(STORE_WRITE)
    rep = IngestReport()
    paths = list(paths)
    items: Iterator = iter(read_inputs(paths))
    if progress:
        items = _progress(items, paths)
    for chunk in batches(items):
        # the content hash is checked before NLP: a page stored already costs no model time
        with store.session() as s:
            fresh = [r for r in chunk if not isinstance(r, ReadFailure) and s.get(M.Document, page_hash(r)) is None]
        done = dict(zip(map(id, fresh), pipe.run_many(fresh))) if fresh else {}
        for raw in chunk:
            _ingest_one(store, pipe, raw, done.get(id(raw)), rep)
    return rep


def _ingest_one(store: Store, pipe: Pipeline, raw, result, rep: IngestReport) -> None:
    """Store one page (in input order) with its pipeline result, in its own transaction."""
    with store.session() as s:
        if isinstance(raw, ReadFailure):
            record_failure(s, raw.source, raw.stage, raw.reason)
            s.commit()
            rep.failed += 1
            rep.failures.append(f"{raw.source}: {raw.reason}")
            return
        pid = page_hash(raw)
        if s.get(M.Document, pid) is not None:   # also a copy of a page stored earlier in this batch
            rep.unchanged += 1
            return
        if result is None:   # stored when the batch was checked, gone since: run it now
            try:
                result = pipe.run(raw)
            except StageFailure as exc:
                result = exc
        if isinstance(result, StageFailure):
            record_failure(s, result.source, result.stage, result.reason)
            s.commit()
            rep.failed += 1
            rep.failures.append(str(result))
            return
    wd: WorkDoc = result
    try:
        outcome = _store_with_retry(store, pid, wd, raw)
    except SQLAlchemyError as exc:     # one page's store error is that page's failure, not the batch's
        with store.session() as s:
            record_failure(s, raw.source, "store", f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
            s.commit()
        rep.failed += 1
        rep.failures.append(f"{raw.source}: store: {type(exc).__name__}")
        return
    rep.stored += outcome == "stored"
    rep.revisions += outcome == "revision"
    rep.unchanged += outcome == "unchanged"
    rep.duplicates += outcome != "unchanged" and wd.doc.duplicate_of is not None


RETRIES = 6


def _store_with_retry(store: Store, pid: str, wd: WorkDoc, raw: RawPage) -> str:
    """Write one document in one transaction.  Another ingest writing the same entity, alias,
    fact or page at the same moment makes this transaction fail on a unique key (or, on
    SQLite, find the database locked): it is rolled back and run again, and then sees the
    other writer's rows and adds only what is missing."""
    for attempt in range(RETRIES):
        with store.write_lock(), store.session() as s:
            try:
                if s.get(M.Document, pid) is None:
                    wd.doc.duplicate_of = check_and_register(s, wd.doc.doc_id, wd.doc.body, wd.signature)
                outcome = store_document(s, store.dialect, pid, wd.doc, raw.source, raw.url, wd.removed, wd.date)
                s.commit()
                return outcome
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
