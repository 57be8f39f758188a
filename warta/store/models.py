"""The store's tables (SQLAlchemy 2).  The schema itself is created and changed by
the Alembic migrations in warta/store/migrations; a test checks the two agree.

A fact is one row however many articles state it; each statement is an
`evidence` row with its document, sentence, offsets, and the status, certainty
and arguments that article gave, so a status history and conflicting values
are kept with their sources and never overwritten.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)           # content hash of the page
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    url: Mapped[str | None] = mapped_column(String(2000), index=True)
    source: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(40))
    date: Mapped[str | None] = mapped_column(String(10), index=True)        # published, else inferred, date part
    language: Mapped[str | None] = mapped_column(String(8))
    site: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    removed: Mapped[list[Any]] = mapped_column(JSON, default=list)
    duplicate_of: Mapped[str | None] = mapped_column(String(200))
    doc_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (UniqueConstraint("doc_id", "revision", name="uq_documents_doc_revision"),)


class Entity(Base):
    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(500), index=True)
    name_lower: Mapped[str] = mapped_column(String(500), index=True)
    kb: Mapped[bool] = mapped_column(Boolean, default=False)


class Alias(Base):
    __tablename__ = "aliases"
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    alias_lower: Mapped[str] = mapped_column(String(500), primary_key=True)
    alias: Mapped[str] = mapped_column(String(500))
    __table_args__ = (Index("ix_aliases_alias_lower", "alias_lower"),)


class EntityDocument(Base):
    __tablename__ = "entity_documents"
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    mentions: Mapped[int] = mapped_column(Integer, default=1)


class Fact(Base):
    __tablename__ = "facts"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)            # hash of the merge key
    type: Mapped[str] = mapped_column(String(20), index=True)
    key: Mapped[str] = mapped_column(Text)
    args: Mapped[dict[str, Any]] = mapped_column(JSON)                       # the latest statement's arguments
    status: Mapped[str | None] = mapped_column(String(20), index=True)       # the latest statement's status
    certainty: Mapped[str | None] = mapped_column(String(10), index=True)
    first_seen: Mapped[str | None] = mapped_column(String(10), index=True)
    last_seen: Mapped[str | None] = mapped_column(String(10), index=True)
    sources: Mapped[int] = mapped_column(Integer, default=0)
    review: Mapped[str | None] = mapped_column(String(10), index=True)       # an analyst's: confirmed, rejected
    score: Mapped[float | None] = mapped_column(Float)                       # the model's probability: max over statements
    __table_args__ = (Index("ix_facts_type_status", "type", "status"),)   # counts by type and status, read from the index


class FactEntity(Base):
    __tablename__ = "fact_entities"
    fact_id: Mapped[str] = mapped_column(ForeignKey("facts.id"), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    __table_args__ = (Index("ix_fact_entities_entity", "entity_id", "fact_id"),)


class Evidence(Base):
    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    fact_id: Mapped[str] = mapped_column(ForeignKey("facts.id"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[str | None] = mapped_column(String(20))
    certainty: Mapped[str | None] = mapped_column(String(10))
    args: Mapped[dict[str, Any]] = mapped_column(JSON)
    flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    score: Mapped[float | None] = mapped_column(Float)                       # the learned check's, for this statement
    __table_args__ = (UniqueConstraint("fact_id", "document_id", "start", name="uq_evidence_fact_doc_start"),
                      Index("ix_evidence_date", "date"))   # the market's "this week": statements by date


class Failure(Base):
    __tablename__ = "failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(2000))
    stage: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class NearDupSignature(Base):
    """One article's MinHash signature, so a copy ingested another day, or by another
    process, is recognised; `original` is the article it nearly repeats, if any."""
    __tablename__ = "near_dup_signatures"
    doc_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    sig: Mapped[bytes] = mapped_column(LargeBinary)
    original: Mapped[str | None] = mapped_column(String(200))


class NearDupBand(Base):
    """LSH band keys of the signatures: articles sharing a band are candidates."""
    __tablename__ = "near_dup_bands"
    band: Mapped[str] = mapped_column(String(24), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(200), primary_key=True)


class Watch(Base):
    """An entity an analyst follows, in a named watch list."""
    __tablename__ = "watches"
    list_name: Mapped[str] = mapped_column(String(100), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class Judgement(Base):
    """An analyst's decision about a fact or an entity (see warta.store.judgements): kept
    apart from what extraction produced and replayed over it after every ingest."""
    __tablename__ = "judgements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(40))                          # content hash: an import adds it once
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    who: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str] = mapped_column(String(200), index=True)          # a fact id or an entity id
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reason: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("uid", name="uq_judgements_uid"),)
