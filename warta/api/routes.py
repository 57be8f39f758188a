"""JSON endpoints: thin wrappers over warta.store.queries."""

import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from warta.api.auth import require_token
from warta.api.schemas import DocumentItem, EntityItem, Envelope, FactEvidence, FactItem, FailureItem, SearchItem
from warta.model import FactType
from warta.settings import Settings
from warta.store import browse as B
from warta.store import ingest as store_ingest
from warta.store import queries as Q
from warta.store.db import open_store
from warta.store.labels import STATUSES
from warta.web.explore import envelope, url_with

Status = Literal[STATUSES]  # type: ignore[valid-type]


class IngestResult(BaseModel):
    stored: int
    revisions: int
    unchanged: int
    failed: int
    failures: list[str]


def router(session, settings: Settings) -> APIRouter:
    r = APIRouter(prefix="/api")
    S = Annotated[Session, Depends(session)]

    @r.get("/health")
    def health(s: S) -> dict:
        return {"status": "ok", "counts": Q.counts(s)}

    @r.get("/entities", response_model=Envelope[EntityItem])
    def entities(request: Request, s: S, q: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
                 type: Literal["ORG", "PERSON", "PLACE", "PRODUCT"] | None = None,
                 country: Annotated[str | None, Query(max_length=10)] = None,
                 kind: Annotated[str | None, Query(max_length=40)] = None,
                 min_facts: Annotated[int | None, Query(ge=0, le=100000)] = None,
                 sort: Literal["facts", "-facts", "documents", "-documents", "name", "-name", "last_seen", "-last_seen"] = "facts",
                 limit: Annotated[int, Query(ge=1, le=200)] = 10, offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> dict:
        """Entities (a name or surface form starting with `q`; by type, country, kind), most cited first."""
        f = B.EntityFilter(type=type, country=country, kind=kind, q=q, min_facts=min_facts)
        return envelope(request, B.entities(s, f, sort=sort, limit=limit, offset=offset))

    @r.get("/entities/{name}")
    def entity(s: S, name: str, rejected: bool = False) -> dict:
        """`rejected=1` shows the facts analysts rejected too."""
        return Q.profile(s, name, include_rejected=rejected)

    @r.get("/entities/{name}/partners")
    def partners(s: S, name: str, rejected: bool = False) -> dict:
        return Q.partners(s, name, include_rejected=rejected)

    @r.get("/entities/{name}/graph")
    def graph(s: S, name: str, depth: Annotated[int, Query(ge=1, le=3)] = 1) -> dict:
        return Q.graph(s, name, depth)

    @r.get("/facts", response_model=Envelope[FactItem])
    def facts(request: Request, s: S, type: FactType | None = None, entity: Annotated[str | None, Query(max_length=200)] = None,
              status: Status | None = None,
              certainty: Literal["asserted", "hedged"] | None = None,
              language: Annotated[str | None, Query(max_length=8)] = None,
              outlet: Annotated[str | None, Query(max_length=200)] = None,
              country: Annotated[str | None, Query(max_length=10)] = None,
              since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
              until: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
              min_sources: Annotated[int | None, Query(ge=0, le=100000)] = None,
              sort: Literal["last_seen", "-last_seen", "first_seen", "-first_seen", "sources", "-sources", "type", "-type",
                            "status", "-status"] = "last_seen",
              limit: Annotated[int, Query(ge=1, le=200)] = 50, offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
              review: Literal["confirmed", "unreviewed"] | None = None, rejected: bool = False) -> dict:
        """Facts under the filters (dates as dates: since=2024 is from 2024-01-01), with facet counts; facts analysts
        rejected are left out unless `rejected=1`, `review=confirmed` keeps the confirmed ones only."""
        f = B.FactFilter(type=type, status=status, certainty=certainty, language=language, outlet=outlet, country=country,
                         entity=entity, since=since, until=until, min_sources=min_sources, review=review,
                         include_rejected=rejected)
        return envelope(request, B.facts(s, f, sort=sort, limit=limit, offset=offset))

    @r.get("/documents", response_model=Envelope[DocumentItem])
    def documents(request: Request, s: S, language: Annotated[str | None, Query(max_length=8)] = None,
                  outlet: Annotated[str | None, Query(max_length=200)] = None,
                  since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
                  until: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
                  entity: Annotated[str | None, Query(max_length=200)] = None, duplicates: bool = True,
                  sort: Literal["date", "-date", "title", "-title", "site", "-site", "facts", "-facts"] = "date",
                  limit: Annotated[int, Query(ge=1, le=200)] = 50, offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> dict:
        """The latest revision of each article, newest first."""
        f = B.DocumentFilter(language=language, outlet=outlet, since=since, until=until, entity=entity, duplicates=duplicates)
        return envelope(request, B.documents(s, f, sort=sort, limit=limit, offset=offset))

    @r.get("/facts/{fact_id}/evidence", response_model=FactEvidence)
    def evidence(s: S, fact_id: str) -> dict:
        """Every statement of a fact, its status history and values by source, and its independent sources, each
        with the syndicated copies, near-duplicates and revisions that repeat it."""
        return Q.evidence(s, fact_id)

    @r.get("/documents/{doc_id}")
    def document(s: S, doc_id: str) -> dict:
        return Q.document(s, doc_id)

    @r.get("/search", response_model=Envelope[SearchItem])
    def search(request: Request, s: S, q: Annotated[str, Query(min_length=1, max_length=200)],
               limit: Annotated[int, Query(ge=1, le=200)] = 20, offset: Annotated[int, Query(ge=0, le=199)] = 0) -> dict:
        """Full-text search, best first: `total` articles match; the first 200 can be paged through."""
        items = Q.search(s, q, min(offset + limit, 200))[offset:]
        total = B.search_total(s, q)
        more = offset + len(items) < min(total, 200) and len(items) == limit
        return {"items": items, "total": total, "next": url_with(request, offset=offset + limit) if more else None,
                "offset": offset, "limit": limit, "facets": {}, "filters": {"q": q}}

    @r.get("/failures", response_model=Envelope[FailureItem])
    def failures(request: Request, s: S, limit: Annotated[int, Query(ge=1, le=200)] = 100) -> dict:
        items = Q.failures(s, limit)
        return {"items": items, "total": Q.counts(s)["failures"], "next": None, "offset": 0, "limit": limit,
                "facets": {}, "filters": {}}

    @r.post("/ingest", dependencies=[require_token(settings)], response_model=IngestResult)
    async def ingest(request: Request, doc_id: Annotated[str, Query(min_length=1, max_length=200, pattern=r"^[\w.-]+$")]) -> IngestResult:
        """Ingest one page (text, HTML or JSON Lines in the body). Needs the API token."""
        raw = await request.body()
        ctype = request.headers.get("content-type", "")
        suffix = ".html" if "html" in ctype else ".jsonl" if "json" in ctype else ".txt"
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / f"{doc_id}{suffix}"
            p.write_bytes(raw)
            # the pipeline and the store are blocking work: in a worker thread, so the server
            # answers other requests meanwhile
            store = request.app.state.store or _open(request)
            rep = await run_in_threadpool(store_ingest.ingest, store, [str(p)])
        return IngestResult(stored=rep.stored, revisions=rep.revisions, unchanged=rep.unchanged, failed=rep.failed,
                            failures=[f.split("/")[-1] for f in rep.failures])

    return r


def _open(request: Request):
    request.app.state.store = open_store(request.app.state.settings.db_url)
    return request.app.state.store
