"""Processed pages written into the store a batch at a time.  Each kind of row (documents,
entities, aliases, facts, links, evidence) is looked up for the whole batch in one query
and written in one multi-row statement, so a batch of pages costs a fixed number of round
trips however many pages and rows it holds.  Rows another page or another process may
also write (entities, aliases, facts, links) are inserted with ON CONFLICT DO NOTHING, in
key order, so two writers meeting on the same rows wait for each other instead of
deadlocking.  The caller owns the transaction."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from warta.model import Document as DocModel
from warta.store import models as M
from warta.store.db import chunks
from warta.store.judgements import replay
from warta.store.keys import fact_entities, fact_id, merge_key
from warta.store.neardup import mark_many
from warta.store.refresh import refresh_facts


@dataclass
class Page:
    """One processed page to store: `pid` is the hash of its content (warta.store.ingest.page_hash)."""
    pid: str
    doc: DocModel
    source: str | None = None
    url: str | None = None
    removed: list[str] = field(default_factory=list)
    date: str | None = None           # the "date" stage's day (warta.clean.dating); else doc_date
    signature: bytes | None = None    # the "dedup" stage's packed MinHash; else signed here


def doc_date(doc: DocModel) -> str:
    for d in (doc.metadata.published, doc.metadata.published_inferred):
        if d:
            return d[:10]
    return dt.date.today().isoformat()


def page_date(p: Page) -> str:
    """The day a page is filed under: the pipeline's "date" stage's, else its own dates'."""
    return p.date or doc_date(p.doc)


def store_pages(s: Session, dialect: str, pages: list[Page], mark_duplicates: bool = False) -> list[str]:
    """Write the pages with their entities and facts, in order, as if one after the other:
    a page stored already (or earlier in `pages`) is 'unchanged', a new version of a
    stored article is a 'revision', anything else 'stored' (one outcome a page).  With
    `mark_duplicates` a new page's `duplicate_of` is set from the near-duplicate index
    (warta.store.neardup), which also sees the pages before it in the batch."""
    outcomes = ["unchanged"] * len(pages)
    have = existing(s, M.Document.id, sorted({p.pid for p in pages}))
    new: list[Page] = []
    for i, p in enumerate(pages):
        if p.pid not in have:
            have.add(p.pid)
            new.append(p)
            outcomes[i] = "new"
    if not new:
        return outcomes
    revision = _revisions(s, new)
    if mark_duplicates:
        for p, orig in zip(new, mark_many(s, [(p.doc.doc_id, p.doc.body, p.signature) for p in new])):
            p.doc.duplicate_of = orig
    for i, p in enumerate(pages):
        if outcomes[i] == "new":
            outcomes[i] = "revision" if revision[p.pid] > 1 else "stored"
    _write(s, dialect, new, revision)
    return outcomes


def _revisions(s: Session, new: list[Page]) -> dict[str, int]:
    """Each new page's revision: one after the latest stored (or earlier in the batch) of its article."""
    latest: dict[str, int] = {}
    for part in chunks(sorted({p.doc.doc_id for p in new})):
        q = (select(M.Document.doc_id, func.max(M.Document.revision))
             .where(M.Document.doc_id.in_(part)).group_by(M.Document.doc_id))
        latest.update((d, n) for d, n in s.execute(q))
    out = {}
    for p in new:
        latest[p.doc.doc_id] = out[p.pid] = latest.get(p.doc.doc_id, 0) + 1
    return out


def _write(s: Session, dialect: str, new: list[Page], revision: dict[str, int]) -> None:
    now = M._now()
    dates = {p.pid: page_date(p) for p in new}
    docs = [{"id": p.pid, "doc_id": p.doc.doc_id, "revision": revision[p.pid], "url": p.url or p.doc.metadata.url,
             "source": p.source, "title": p.doc.metadata.title, "published": p.doc.metadata.published,
             "date": dates[p.pid], "language": p.doc.language, "site": p.doc.metadata.site, "body": p.doc.body,
             "removed": p.removed or [], "duplicate_of": p.doc.duplicate_of,
             "doc_json": p.doc.model_dump(mode="json"), "ingested_at": now} for p in new]
    s.execute(insert(_t(M.Document)), docs)
    if dialect == "sqlite":
        s.execute(text("INSERT INTO documents_fts(id, title, body) VALUES (:i, :t, :b)"),
                  [{"i": p.pid, "t": p.doc.metadata.title or "", "b": p.doc.body} for p in new])
    # the first page naming an entity, alias or fact gives its stored row, as one after the other would
    ents: dict[str, dict] = {}
    aliases: dict[tuple[str, str], dict] = {}
    ent_docs: list[dict] = []
    facts: dict[str, dict] = {}
    links: set[tuple[str, str, str]] = set()
    evidence: list[dict] = []
    doc_ids: set[str] = set()
    for p in new:
        doc, pid, date = p.doc, p.pid, dates[p.pid]
        doc_ids.add(doc.doc_id)
        ids: dict[str, str] = {e.name: e.id for e in doc.entities}
        mentions: dict[str, int] = {}
        for e in doc.entities:
            ents.setdefault(e.id, {"id": e.id, "type": e.type, "name": e.name, "name_lower": e.name.lower(), "kb": e.kb})
            for surface in sorted({e.name, *(m.text for m in e.mentions)}):
                if len(surface) <= 500:
                    aliases.setdefault((e.id, surface.lower()),
                                       {"entity_id": e.id, "alias_lower": surface.lower(), "alias": surface})
            mentions[e.id] = mentions.get(e.id, 0) + len(e.mentions)
        ent_docs += [{"entity_id": eid, "document_id": pid, "mentions": n} for eid, n in mentions.items()]
        seen_ev: set[tuple[str, int]] = set()
        for f in doc.facts:
            key = merge_key(f, ids)
            fid = fact_id(key)
            facts.setdefault(fid, {"id": fid, "type": f.type, "key": key, "args": f.args, "status": f.status,
                                   "certainty": f.certainty, "first_seen": date, "last_seen": date, "sources": 0})
            # every statement links its entities, so the links are the union over all documents
            links.update((fid, eid, role) for eid, role in fact_entities(f, ids))
            for ev in f.evidence:
                if (fid, ev.start) not in seen_ev:
                    seen_ev.add((fid, ev.start))
                    evidence.append({"fact_id": fid, "document_id": pid, "sentence": ev.sentence, "start": ev.start,
                                     "end": ev.end, "date": date, "status": f.status, "certainty": f.certainty,
                                     "args": f.args, "flags": f.flags, "score": f.score})
    linked = {eid for _, eid, _ in links}
    known = set(ents) | existing(s, M.Entity.id, sorted(linked - set(ents)))
    _upsert(s, dialect, M.Entity, [ents[k] for k in sorted(ents)])
    _upsert(s, dialect, M.Alias, [aliases[k] for k in sorted(aliases)])
    _insert(s, M.EntityDocument, ent_docs)
    _upsert(s, dialect, M.Fact, [facts[k] for k in sorted(facts)])
    _upsert(s, dialect, M.FactEntity, [{"fact_id": f, "entity_id": e, "role": r}
                                       for f, e, r in sorted(links) if e in known])
    _insert(s, M.Evidence, evidence)
    refresh_facts(s, sorted(facts))
    # what analysts decided about these entities and facts holds over what was just extracted
    replay(s, entity_ids=set(ents) | linked, fact_ids=sorted(facts), doc_ids=sorted(doc_ids))


def _t(model) -> Table:
    return model.__table__


def _insert(s: Session, model, rows: list[dict]) -> None:
    if rows:
        s.execute(insert(_t(model)), rows)


def _upsert(s: Session, dialect: str, model, rows: list[dict]) -> None:
    """Insert the rows not stored yet (by primary key); a stored one is left as it is."""
    if not rows:
        return
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(_t(model))
    for part in chunks(rows, 1000):
        s.execute(ins.on_conflict_do_nothing(), part)


def existing(s: Session, col, values: Iterable) -> set:
    """Which of `values` are already stored in column `col`."""
    out: set = set()
    for part in chunks(sorted(set(values))):
        out.update(s.scalars(select(col).where(col.in_(part))))
    return out
