"""The language of the explorer's labels for one request: ?lang=, else the switch's cookie."""
from __future__ import annotations

from fastapi import Request

from warta.store.labels import lang_of

LANG_COOKIE = "warta_lang"


def request_lang(request: Request) -> str:
    """?lang= for this page, else the switch's cookie, else Indonesian."""
    return lang_of(request.query_params.get("lang") or request.cookies.get(LANG_COOKIE))
