"""The REST API and the web explorer, built by `create_app(settings)`; nothing
happens at import time.  JSON and HTML views call the same functions of
warta.store.queries; every error has one shape:
{"error": {"code": 404, "message": "...", "detail": ...}}."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from warta.api import routes
from warta.api.auth import require_token  # noqa: F401  (where the routes' guard lives)
from warta.settings import Settings
from warta.store.db import open_store
from warta.store.queries import NotFound
from warta.web import views
from warta.web.errors import error, error_for

MAX_BODY = 5_000_000
PAGE = Annotated[int, Query(ge=1, le=200)]


# sent with every response: no framing, no type sniffing, no referrer, and scripts, styles,
# frames and forms only from the explorer itself (its one inline script and style allowed)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                               "form-action 'self'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


MAX_PATH = 2000   # a name longer than any real one is refused before it reaches the store


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    app = FastAPI(title="Warta", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Business news as a knowledge graph: entities, facts and the sentences behind them.")
    app.state.settings = settings
    app.state.store = None

    def store():
        if app.state.store is None:
            app.state.store = open_store(settings.db_url)
        return app.state.store

    def session() -> Iterator:
        with store().session() as s:
            yield s

    app.state.session_dep = session

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return error_for(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return error_for(request, 422, "invalid request",
                         [{"loc": list(e.get("loc", [])), "msg": e.get("msg")} for e in exc.errors()])

    @app.exception_handler(NotFound)
    async def _missing(request: Request, exc: NotFound):
        return error_for(request, 404, str(exc))

    from warta.store.browse import FilterError

    @app.exception_handler(FilterError)
    async def _bad_filter(_: Request, exc: FilterError):
        return error(400, str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        return error_for(request, 500, "internal error", type(exc).__name__)

    @app.middleware("http")
    async def _limit(request: Request, call_next):
        size = request.headers.get("content-length")
        if size and size.isdigit() and int(size) > MAX_BODY:
            return _secure(error(413, f"request body over {MAX_BODY} bytes"))
        raw = request.scope.get("raw_path", b"").decode("latin-1") + "?" + request.url.query
        if "\x00" in request.url.path or "%00" in raw.lower():
            return _secure(error(400, "a NUL byte in the request"))
        if len(request.url.path) > MAX_PATH:
            return _secure(error(414, f"request path over {MAX_PATH} characters"))
        response = await call_next(request)
        return _secure(response)

    def _secure(response):
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    # bodies are counted as they arrive, so a chunked upload without Content-Length is held
    # to the same limit; CORS only for the origins configured
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])

    # outermost: a cached answer already carries the headers the inner layers added
    from functools import cache

    from warta.api.cache import ResponseCache
    from warta.store.generation import Generation

    @cache
    def tracker() -> Generation:          # made on the first request, when the store opens
        return Generation(store().engine)

    def generation() -> str | None:
        return tracker().current()
    app.add_middleware(ResponseCache, generation=generation, max_stale=settings.api_cache_seconds,
                       state=app.state)

    app.include_router(routes.router(session, settings))
    from warta.api import review_routes
    app.include_router(review_routes.router(session, settings))
    app.include_router(views.router(session))
    from warta.web import docs, explore, feeds
    app.include_router(explore.router(session))
    app.include_router(feeds.router(session))
    docs.mount(app)
    from warta.web import review_views
    app.include_router(review_views.router(session))
    return app


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: a request body past `limit` bytes, however it is sent (a chunked
    upload declares no length), is a 413, and the rest of it is not read."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        seen, started = 0, False

        async def counted():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return msg

        async def watched(msg):
            nonlocal started
            started = started or msg["type"] == "http.response.start"
            await send(msg)
        try:
            await self.app(scope, counted, watched)
        except Exception as exc:  # noqa: BLE001 - _TooLarge, alone or inside an exception group
            if not _is_too_large(exc) or started:
                raise
            resp = error(413, f"request body over {self.limit} bytes")
            for k, v in SECURITY_HEADERS.items():
                resp.headers.setdefault(k, v)
            await resp(scope, receive, send)


def _is_too_large(exc: BaseException) -> bool:
    if isinstance(exc, _TooLarge):
        return True
    return isinstance(exc, BaseExceptionGroup) and any(_is_too_large(e) for e in exc.exceptions)

