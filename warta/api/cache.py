"""Answers to GET requests kept per worker and served again while the store is unchanged.

An entity's profile or its partners list is an aggregate over every fact that names it:
tens of milliseconds for a company cited by thousands of articles, which twenty readers
at once turn into seconds.  The same answer is computed once and served from memory as
long as the store's generation (warta.store.generation) is the one it was computed under.
While an ingest writes, the generation changes with every commit; an answer younger than
`max_stale` seconds (WARTA_API_CACHE_SECONDS, default 2; 0 = always fresh) is still served
then, so a busy page is recomputed at most once per that interval per worker, not once
per reader.  Concurrent misses of one URL compute once (the others wait for it).

A request that writes (POST, PUT, PATCH, DELETE) and succeeds empties this worker's cache.
Not cached: anything but GET/HEAD, answers other than 200, requests carrying credentials
(Authorization or Cookie), `/api/health`, and bodies over 2 MB.  Every cached answer has
an ETag; a matching If-None-Match gets 304.  `X-Warta-Cache: hit|stale|miss` says which.
"""
from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool

MAX_ENTRIES = 1024


def _now() -> float:
    return time.monotonic()

MAX_BODY = 2_000_000
SKIP_PATHS = ("/api/health", "/api/review")


@dataclass
class Entry:
    generation: str
    at: float
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class ResponseCache:
    """ASGI middleware; `generation` is a callable giving the store's generation (or None)."""

    def __init__(self, app, generation: Callable[[], str | None], max_stale: float = 2.0, state=None):
        self.app, self.generation, self.max_stale = app, generation, max_stale
        self.entries: OrderedDict[bytes, Entry] = OrderedDict()
        self.locks: dict[bytes, asyncio.Lock] = {}
        if state is not None:      # the app's writing endpoints clear it: their own writes show at once
            state.response_cache = self

    def clear(self) -> None:
        self.entries.clear()

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD"):
            return await self._write(scope, receive, send)
        if not self._cacheable(scope):
            return await self.app(scope, receive, send)
        key = scope["path"].encode() + b"?" + scope.get("query_string", b"") + b"|" + _header(scope, b"accept")
        gen = await run_in_threadpool(self.generation)
        if gen is None:
            return await self.app(scope, receive, send)
        hit = self._lookup(key, gen)
        if hit is None:
            lock = self.locks.setdefault(key, asyncio.Lock())
            async with lock:
                hit = self._lookup(key, gen)
                if hit is None:
                    entry = await self._compute(scope, receive, key, gen)
                    if entry is None:   # not cacheable after all: it was answered as it came
                        return await self.app(scope, receive, send)
                    hit = (entry, b"miss")
            if not lock.locked():
                self.locks.pop(key, None)
        await self._send(scope, send, *hit)

    async def _write(self, scope, receive, send):
        """A request that may write (an ingest, a judgement): once it succeeds, this worker
        forgets its answers, so whoever made the change sees it on the next read."""
        status = 500

        async def watched(msg):
            nonlocal status
            if msg["type"] == "http.response.start":
                status = msg["status"]
            await send(msg)
        try:
            await self.app(scope, receive, watched)
        finally:
            if status < 400:
                self.clear()

    def _cacheable(self, scope) -> bool:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return False
        if scope["path"].startswith(SKIP_PATHS):
            return False
        return not (_header(scope, b"authorization") or _header(scope, b"cookie"))

    def _lookup(self, key: bytes, gen: str):
        e = self.entries.get(key)
        if e is None:
            return None
        if e.generation == gen:
            self.entries.move_to_end(key)
            return e, b"hit"
        if _now() - e.at < self.max_stale:
            return e, b"stale"
        return None

    async def _compute(self, scope, receive, key: bytes, gen: str) -> Entry | None:
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(msg):
            if msg["type"] == "http.response.start":
                start.update(msg)
            elif msg["type"] == "http.response.body":
                chunks.append(msg.get("body", b""))

        t0 = _now()
        await self.app(dict(scope, method="GET"), receive, capture)
        body = b"".join(chunks)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"content-length", b"etag")]
        entry = Entry(gen, t0, start.get("status", 500), headers, body,
                      b'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"')
        if entry.status == 200 and len(body) <= MAX_BODY:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)
        return entry

    async def _send(self, scope, send, e: Entry, how: bytes) -> None:
        status, body = e.status, e.body
        if e.status == 200 and e.etag in _header(scope, b"if-none-match").split(b", "):
            status, body = 304, b""
        headers = [*e.headers, (b"etag", e.etag), (b"x-warta-cache", how)]
        if status != 304:
            headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def _header(scope, name: bytes) -> bytes:
    for k, v in scope.get("headers", []):
        if k.lower() == name:
            return v
    return b""
