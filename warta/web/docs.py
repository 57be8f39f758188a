"""The explorer's static files and /docs served offline: Swagger UI's script and
style come from the swagger-ui-bundle-v2 package (Apache-2.0), never from a CDN."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"


def swagger_dir() -> Path | None:
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return None
    p = Path(str(swagger_ui_path))
    return p if (p / "swagger-ui-bundle.js").exists() else None


def mount(app: FastAPI) -> None:
    sw = swagger_dir()
    if sw is not None:   # before /static, which would otherwise take its paths
        app.mount("/static/swagger", StaticFiles(directory=sw), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if sw is None:
            return HTMLResponse("<p>Swagger UI is not installed (pip install swagger-ui-bundle-v2); "
                                "the API's description is at <a href='/openapi.json'>/openapi.json</a>.</p>", status_code=503)
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="Warta API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger/favicon-32x32.png")
