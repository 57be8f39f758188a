"""The writing endpoints' guard: a bearer token, compared in constant time."""
from __future__ import annotations

import hmac

from fastapi import Depends, HTTPException, Request

from warta.settings import Settings


def require_token(settings: Settings):
    def check(request: Request) -> None:
        if not settings.api_token:
            raise HTTPException(403, "writing endpoints are off: set WARTA_API_TOKEN to enable them")
        got = request.headers.get("authorization", "")
        if not hmac.compare_digest(got.encode(), f"Bearer {settings.api_token}".encode()):
            raise HTTPException(401, "a valid bearer token is required")
    return Depends(check)
