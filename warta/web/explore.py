"""The explorer's browse pages (facts, entities, documents), each also as .json and
.csv, the market network's data, the language switch and the Atom feeds.  Every
view calls warta.store.browse / market / watch, the same functions as the API and
the CLI."""

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from warta.store import browse as B
from warta.store import market as K
from warta.store.labels import label, labels, lang_of, sector_label, sectors
from warta.web.lang import LANG_COOKIE, request_lang  # noqa: F401  (the switch's cookie, used below)
from warta.web.views import TEMPLATES

STATIC = Path(__file__).parent / "static"
Str = Annotated[str | None, Query(max_length=200)]
Date = Annotated[str | None, Query(max_length=10)]
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def _context(request: Request) -> dict:
    lang = request_lang(request)
    return {"lang": lang, "L": lambda group, code: label(group, code, lang),
            "sector_label": lambda code: sector_label(code, lang), "url_with": lambda **kw: url_with(request, **kw)}


TEMPLATES.context_processors.append(_context)


def url_with(request: Request, **changes) -> str:
    """This page's url with some parameters changed (None removes one); changing a
    filter goes back to the first page."""
    params = dict(request.query_params)
    if "offset" not in changes:
        params.pop("offset", None)
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    q = urlencode(params)
    return request.url.path + (f"?{q}" if q else "")


def _next_url(request: Request, page: B.Page) -> str | None:
    return url_with(request, offset=page.next_offset) if page.next_offset is not None else None


def envelope(request: Request, page: B.Page) -> dict:
    """The one list envelope: items, total, next (the next page's url, or null), and
    the offset, limit, facets and filters that produced it."""
    d = page.to_dict()
    return {"items": d["items"], "total": d["total"], "next": _next_url(request, page), "offset": d["offset"],
            "limit": d["limit"], "facets": d["facets"], "filters": d["filters"]}


def _respond(request: Request, kind: str, fmt: str, make, template: str, extra: dict | None = None,
             session: Session | None = None):
    try:
        page = make()
        error = None
    except B.FilterError as exc:
        if fmt != "html":
            return JSONResponse({"error": {"code": 400, "message": str(exc), "detail": None}}, status_code=400)
        page, error = B.Page([], 0, 0, 50), str(exc)
    if fmt == "json":
        return JSONResponse(envelope(request, page))
    if fmt == "csv":
        body = (B.facts_csv(session, page.items, request_lang(request)) if kind == "facts" and session is not None
                else B.to_csv(kind, page.items))
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="warta-{kind}.csv"'})
    base = request.url.path
    q = request.url.query
    return TEMPLATES.TemplateResponse(request, template, {
        "page": page, "error": error, "kind": kind, "json_url": f"{base}.json" + (f"?{q}" if q else ""),
        "csv_url": f"{base}.csv" + (f"?{q}" if q else ""), "next_url": _next_url(request, page),
        "prev_url": url_with(request, offset=page.prev_offset) if page.prev_offset is not None else None,
        "params": dict(request.query_params), **(extra or {})}, status_code=400 if error else 200)


def router(session) -> APIRouter:
    r = APIRouter(include_in_schema=False)
    S = Annotated[Session, Depends(session)]

    def facts_view(fmt: str):
        def view(request: Request, s: S, type: Str = None, status: Str = None, certainty: Str = None,
                 language: Str = None, outlet: Str = None, country: Str = None, entity: Str = None,
                 since: Date = None, until: Date = None, min_sources: Annotated[int | None, Query(ge=0, le=100000)] = None,
                 sort: Annotated[str, Query(max_length=20)] = "last_seen", limit: Limit = 50, offset: Offset = 0):
            f = B.FactFilter(type=type, status=status, certainty=certainty, language=language, outlet=outlet,
                             country=country, entity=entity, since=since, until=until, min_sources=min_sources)
            return _respond(request, "facts", fmt, lambda: B.facts(s, f, sort=sort, limit=limit, offset=offset,
                                                                   lang=request_lang(request)),
                            "facts.html", {"types": labels()["types"], "statuses": labels()["statuses"],
                                           "sorts": list(B.FACT_SORTS)}, session=s)
        return view

    def entities_view(fmt: str):
        def view(request: Request, s: S, type: Str = None, country: Str = None, kind: Str = None, q: Str = None,
                 min_facts: Annotated[int | None, Query(ge=0, le=100000)] = None,
                 sort: Annotated[str, Query(max_length=20)] = "facts", limit: Limit = 50, offset: Offset = 0):
            f = B.EntityFilter(type=type, country=country, kind=kind, q=q, min_facts=min_facts)
            return _respond(request, "entities", fmt, lambda: B.entities(s, f, sort=sort, limit=limit, offset=offset,
                                                                         lang=request_lang(request)),
                            "entities.html", {"sorts": list(B.ENTITY_SORTS), "entity_types": B.ENTITY_TYPES})
        return view

    def documents_view(fmt: str):
        def view(request: Request, s: S, language: Str = None, outlet: Str = None, since: Date = None, until: Date = None,
                 entity: Str = None, duplicates: bool = True, sort: Annotated[str, Query(max_length=20)] = "date",
                 limit: Limit = 50, offset: Offset = 0):
            f = B.DocumentFilter(language=language, outlet=outlet, since=since, until=until, entity=entity,
                                 duplicates=duplicates)
            return _respond(request, "documents", fmt, lambda: B.documents(s, f, sort=sort, limit=limit, offset=offset,
                                                                           lang=request_lang(request)),
                            "documents.html", {"sorts": list(B.DOCUMENT_SORTS)})
        return view

    for path, make in (("/facts", facts_view), ("/entities", entities_view), ("/documents", documents_view)):
        r.add_api_route(path, make("html"), methods=["GET"], response_class=HTMLResponse)
        r.add_api_route(f"{path}.json", make("json"), methods=["GET"])
        r.add_api_route(f"{path}.csv", make("csv"), methods=["GET"])

    @r.get("/market/network.json")
    def network(request: Request, s: S, limit: Annotated[int, Query(ge=1, le=2000)] = 400, entity: Str = None):
        lang = request_lang(request)
        data = K.network(s, limit=limit, lang=lang, around=entity)
        data["sectors"] = {code: sector_label(code, lang) for code in [*sectors()["sectors"], "other"]}
        data["statuses"] = {st: label("statuses", st, lang) for st in labels()["statuses_by_type"]["PARTNERSHIP"]
                            + labels()["statuses_by_type"]["INVESTMENT"]}
        return data

    @r.get("/lang/{code}")
    def switch_lang(code: str, next: Annotated[str, Query(max_length=2000)] = "/"):
        target = next if next.startswith("/") and not next.startswith("//") else "/"
        resp = RedirectResponse(target, status_code=303)
        resp.set_cookie(LANG_COOKIE, lang_of(code), max_age=365 * 86400, samesite="lax")
        return resp

    return r
