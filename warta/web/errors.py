"""Errors as the client asked for them: the explorer's pages answer with an HTML
page, the API (and its schema pages) with the one JSON shape."""
from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse

from warta.web.views import TEMPLATES

JSON_PREFIXES = ("/api/", "/api", "/openapi.json", "/docs", "/redoc")


def error(code: int, message: str, detail: Any = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "detail": detail}}, status_code=code)


def wants_html(request: Request) -> bool:
    path = request.url.path
    return not any(path == p or path.startswith(p.rstrip("/") + "/") for p in JSON_PREFIXES)


def error_for(request: Request, code: int, message: str, detail: Any = None) -> HTMLResponse | JSONResponse:
    if wants_html(request):
        return TEMPLATES.TemplateResponse(request, "error.html", {"code": code, "message": message},
                                          status_code=code)
    return error(code, message, detail)
