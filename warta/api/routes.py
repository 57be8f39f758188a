"""JSON endpoints: thin wrappers over warta.store.queries."""

import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from warta.api.auth import require_token
from warta.model import FactType
from warta.settings import Settings
from warta.store import ingest as store_ingest
from warta.store import queries as Q
from warta.store.db import open_store


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

    @r.get("/entities")
    def entities(s: S, q: Annotated[str, Query(min_length=1, max_length=100)], limit: Annotated[int, Query(ge=1, le=50)] = 10) -> list[dict]:
        """Entities whose name or a surface form starts with `q`."""
        return Q.suggest(s, q, limit)

    @r.get("/entities/{name}")
    def entity(s: S, name: str) -> dict:
        return Q.profile(s, name)

    @r.get("/entities/{name}/partners")
    def partners(s: S, name: str) -> dict:
        return Q.partners(s, name)

    @r.get("/entities/{name}/graph")
    def graph(s: S, name: str, depth: Annotated[int, Query(ge=1, le=3)] = 1) -> dict:
        return Q.graph(s, name, depth)

    @r.get("/facts")
    def facts(s: S, type: FactType | None = None, entity: Annotated[str | None, Query(max_length=200)] = None,
              status: Annotated[str | None, Query(max_length=40)] = None,
              certainty: Literal["asserted", "hedged"] | None = None,
              since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
              until: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
              limit: Annotated[int, Query(ge=1, le=200)] = 50, offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> list[dict]:
        return Q.facts(s, type=type, entity=entity, status=status, certainty=certainty, since=since, until=until,
                       limit=limit, offset=offset)

    @r.get("/facts/{fact_id}/evidence")
    def evidence(s: S, fact_id: str) -> dict:
        return Q.evidence(s, fact_id)

    @r.get("/documents/{doc_id}")
    def document(s: S, doc_id: str) -> dict:
        return Q.document(s, doc_id)

    @r.get("/search")
    def search(s: S, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict]:
        return Q.search(s, q, limit)

    @r.get("/failures")
    def failures(s: S, limit: Annotated[int, Query(ge=1, le=200)] = 100) -> list[dict]:
        return Q.failures(s, limit)

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
        cache = getattr(request.app.state, "response_cache", None)
        if cache is not None:      # this worker's own readers see the write at once
            cache.clear()
        return IngestResult(stored=rep.stored, revisions=rep.revisions, unchanged=rep.unchanged, failed=rep.failed,
                            failures=[f.split("/")[-1] for f in rep.failures])

    return r


def _open(request: Request):
    request.app.state.store = open_store(request.app.state.settings.db_url)
    return request.app.state.store
