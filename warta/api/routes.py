"""JSON endpoints: thin wrappers over warta.store.queries."""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.orm import Session
from pydantic import BaseModel

from warta.settings import Settings
from warta.store import queries as Q

FactType = Literal["PARTNERSHIP", "INVESTMENT", "PRODUCT", "LAUNCH_PLAN", "FACILITY", "INFRASTRUCTURE", "ROLE", "QUOTE"]


class IngestResult(BaseModel):
    stored: int
    revisions: int
    unchanged: int
    failed: int
    failures: list[str]


def router(session, settings: Settings) -> APIRouter:
    from warta.api.app import require_token
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
    def entity(s: S, name: str, rejected: bool = False) -> dict:
        """`rejected=1` shows the facts analysts rejected too."""
        return Q.profile(s, name, include_rejected=rejected)

    @r.get("/entities/{name}/partners")
    def partners(s: S, name: str, rejected: bool = False) -> dict:
        return Q.partners(s, name, include_rejected=rejected)

    @r.get("/entities/{name}/graph")
    def graph(s: S, name: str, depth: Annotated[int, Query(ge=1, le=3)] = 1) -> dict:
        return Q.graph(s, name, depth)

    @r.get("/facts")
    def facts(s: S, type: FactType | None = None, entity: Annotated[str | None, Query(max_length=200)] = None,
              status: Annotated[str | None, Query(max_length=40)] = None,
              certainty: Literal["asserted", "hedged"] | None = None,
              since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
              until: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
              limit: Annotated[int, Query(ge=1, le=200)] = 50, offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
              rejected: bool = False) -> list[dict]:
        """Facts analysts rejected are left out unless `rejected=1`; each fact carries its `review`."""
        return Q.facts(s, type=type, entity=entity, status=status, certainty=certainty, since=since, until=until,
                       limit=limit, offset=offset, include_rejected=rejected)

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
        import tempfile
        from pathlib import Path

        from warta.store.ingest import ingest as do_ingest
        raw = await request.body()
        ctype = request.headers.get("content-type", "")
        suffix = ".html" if "html" in ctype else ".jsonl" if "json" in ctype else ".txt"
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / f"{doc_id}{suffix}"
            p.write_bytes(raw)
            rep = do_ingest(request.app.state.store or _open(request), [str(p)])
        return IngestResult(stored=rep.stored, revisions=rep.revisions, unchanged=rep.unchanged, failed=rep.failed,
                            failures=[f.split("/")[-1] for f in rep.failures])

    return r


def _open(request: Request):
    from warta.store.db import open_store
    request.app.state.store = open_store(request.app.state.settings.db_url)
    return request.app.state.store
