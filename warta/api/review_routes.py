"""/api/review/...: the review queue, the judgements made, and making them.  Every
endpoint that writes needs the API token (WARTA_API_TOKEN, as a bearer token):
without a configured token they are off (403), without the right one refused (401).
Who decided is the X-Warta-User header, else "api"."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from warta.settings import Settings

ENTITY_ACTIONS = {"rename": "entity.rename", "type": "entity.type", "merge": "entity.merge", "split": "entity.split",
                  "parent": "entity.parent", "not-entity": "entity.not_entity", "confirm": "entity.confirm"}


class Reason(BaseModel):
    reason: str | None = Field(None, max_length=2000)


class Edit(BaseModel):
    set: dict[str, Any] = Field(..., description="arguments to set: parties, amount, status, certainty, location, ...")
    reason: str | None = Field(None, max_length=2000)


class NewFact(BaseModel):
    type: str = Field(..., max_length=20)
    args: dict[str, Any]
    doc_id: str = Field(..., max_length=200)
    start: int = Field(..., ge=0)
    end: int = Field(..., ge=0)
    status: str | None = Field(None, max_length=20)
    certainty: Literal["asserted", "hedged"] = "asserted"
    reason: str | None = Field(None, max_length=2000)


class EntityChange(BaseModel):
    name: str | None = Field(None, max_length=500, description="rename: the new name")
    type: str | None = Field(None, max_length=16, description="type, split: ORG, PERSON, PLACE or PRODUCT")
    into: str | None = Field(None, max_length=500, description="merge: the entity kept")
    alias: str | None = Field(None, max_length=500, description="split: the surface form split off")
    parent: str | None = Field(None, max_length=500, description="parent: the parent organisation ('' for none)")
    reason: str | None = Field(None, max_length=2000)


def router(session, settings: Settings) -> APIRouter:
    from warta.api.auth import require_token
    from warta.store import judgements as J
    from warta.store.review_queue import queue as review_queue
    from warta.web.errors import error
    r = APIRouter(prefix="/api/review")
    S = Annotated[Session, Depends(session)]
    WRITE = [require_token(settings)]

    def _judge(s: Session, request: Request, action: str, target: str, payload: dict, reason: str | None):
        who = (request.headers.get("x-warta-user") or "api")[:200]
        try:
            j = J.judge(s, action, target, payload, reason=reason, who=who)
        except J.JudgementError as exc:
            s.rollback()
            return error(422, str(exc))
        s.commit()
        return j

    @r.get("/queue")
    def queue(s: S, limit: Annotated[int, Query(ge=1, le=500)] = 50,
              kind: Literal["fact", "entity"] | None = None) -> list[dict]:
        """Unreviewed facts and new entities, most costly first."""
        return review_queue(s, limit=limit, kind=kind)

    @r.get("/judgements")
    def judgements(s: S, target: Annotated[str | None, Query(max_length=200)] = None,
                   limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[dict]:
        return J.listed(s, target=target, limit=limit)

    @r.get("/export", response_class=PlainTextResponse)
    def export(s: S) -> PlainTextResponse:
        """Every judgement as JSON Lines."""
        import io
        buf = io.StringIO()
        J.export_jsonl(s, buf)
        return PlainTextResponse(buf.getvalue(), media_type="application/x-ndjson")

    @r.post("/import", dependencies=WRITE)
    async def import_(request: Request, s: S) -> dict:
        """Judgements as JSON Lines in the body: those not here are added, all are replayed."""
        raw = (await request.body()).decode("utf-8", "replace")
        try:
            added, had = J.import_jsonl(s, raw.splitlines(), "body")
        except J.JudgementError as exc:
            s.rollback()
            return error(422, str(exc))
        s.commit()
        return {"added": added, "present": had}

    @r.post("/facts/{fact_id}/confirm", dependencies=WRITE)
    def confirm(s: S, request: Request, fact_id: str, body: Annotated[Reason | None, Body()] = None):
        return _judge(s, request, "fact.confirm", fact_id, {}, body.reason if body else None)

    @r.post("/facts/{fact_id}/reject", dependencies=WRITE)
    def reject(s: S, request: Request, fact_id: str, body: Reason):
        return _judge(s, request, "fact.reject", fact_id, {}, body.reason)

    @r.post("/facts/{fact_id}/edit", dependencies=WRITE)
    def edit(s: S, request: Request, fact_id: str, body: Edit):
        return _judge(s, request, "fact.edit", fact_id, {"set": body.set}, body.reason)

    @r.post("/facts", dependencies=WRITE)
    def add(s: S, request: Request, body: NewFact):
        payload = body.model_dump(exclude={"reason"})
        return _judge(s, request, "fact.add", "new", payload, body.reason)

    @r.post("/entities/{name}/{action}", dependencies=WRITE)
    def entity(s: S, request: Request, name: str, action: Literal[tuple(ENTITY_ACTIONS)],  # type: ignore[valid-type]
               body: Annotated[EntityChange | None, Body()] = None):
        body = body or EntityChange()
        payload = body.model_dump(exclude={"reason"}, exclude_none=True)
        return _judge(s, request, ENTITY_ACTIONS[action], name, payload, body.reason)

    return r
