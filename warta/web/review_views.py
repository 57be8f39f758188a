"""The explorer's review page (/review: the queue, worked by keyboard) and the
script behind every review button, served from the package (no CDN)."""

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from sqlalchemy.orm import Session

STATIC = Path(__file__).parent / "static"


def router(session) -> APIRouter:
    from warta.store.review_queue import queue
    from warta.web.views import TEMPLATES
    r = APIRouter(include_in_schema=False)
    S = Annotated[Session, Depends(session)]

    @r.get("/review", response_class=HTMLResponse)
    def review(request: Request, s: S, limit: Annotated[int, Query(ge=1, le=500)] = 100):
        return TEMPLATES.TemplateResponse(request, "review.html", {"items": queue(s, limit=limit)})

    @r.get("/static/review.js")
    def script():
        return FileResponse(STATIC / "review.js", media_type="text/javascript")

    return r
