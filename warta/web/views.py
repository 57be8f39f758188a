"""HTML views of the explorer.  They call the same query functions as the JSON
API; Jinja2 escapes everything the articles say."""

from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from warta.store import queries as Q
from warta.web.network import legend

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.autoescape = True


def web_link(url: object) -> str | None:
    """The url when it is an http(s) address, else None: a stored `javascript:` or
    `data:` url must never become a clickable link (issue 19's stored XSS)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    return u if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in u for c in "\x00\n\r\t") else None


TEMPLATES.env.filters["web_link"] = web_link


def marked_body(body: str, spans: list[dict], focus: str | None) -> Markup:
    """The article with each evidence sentence in one <mark> (several facts may share
    a sentence); every character of the article escaped."""
    groups: dict[tuple[int, int], list[dict]] = {}
    for sp in spans:
        groups.setdefault((sp["start"], sp["end"]), []).append(sp)
    out, pos = [], 0
    for (start, end), sps in sorted(groups.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if start < pos:
            continue
        ids = [sp["fact_id"] for sp in sps]
        anchor = focus if focus in ids else ids[0]
        out.append(escape(body[pos:start]))
        out.append(Markup('<mark class="{}" id="f-{}" data-facts="{}" title="{}">').format(
            "focus" if focus in ids else "", anchor, " ".join(ids), ", ".join(sorted({sp["type"] for sp in sps}))))
        out.append(escape(body[start:end]))
        out.append(Markup("</mark>"))
        pos = end
    out.append(escape(body[pos:]))
    paras = Markup("").join(out).split("\n\n")
    return Markup("").join(Markup("<p>{}</p>").format(Markup(p)) for p in paras)


def fact_label(f: dict, lang: str = "id") -> str:
    """The one label of a fact (warta.store.labels), as every page shows it."""
    from warta.store.labels import fact_label as label
    return label(f, lang)


def router(session) -> APIRouter:
    r = APIRouter(include_in_schema=False)
    S = Annotated[Session, Depends(session)]
    TEMPLATES.env.globals["fact_label"] = fact_label

    @r.get("/", response_class=HTMLResponse)
    def index(request: Request, s: S, q: Annotated[str | None, Query(max_length=100)] = None):
        results = Q.suggest(s, q, 20) if q else []
        docs = Q.search(s, q, 10) if q else []
        if q and len(results) == 1:
            return RedirectResponse(f"/entity/{results[0]['name']}", status_code=303)
        from warta.store.market import overview
        from warta.web.lang import request_lang
        return TEMPLATES.TemplateResponse(request, "index.html", {"q": q, "results": results, "docs": docs,
                                                                  "counts": Q.counts(s),
                                                                  "market": None if q else overview(s, request_lang(request))})

    @r.get("/entity/{name}", response_class=HTMLResponse)
    def entity(request: Request, s: S, name: str, rejected: bool = False):
        p = Q.profile(s, name, include_rejected=rejected)
        from warta.store.market import relationships
        from warta.web.lang import request_lang
        return TEMPLATES.TemplateResponse(request, "entity.html", {"p": p, "legend": legend(),
                                                                   "rels": relationships(s, p["name"], request_lang(request))})

    @r.get("/fact/{fact_id}")
    def fact(s: S, fact_id: str, doc: Annotated[str | None, Query(max_length=200)] = None):
        # the article that supports what is shown: the one asked for, else the latest that
        # gives the fact's current status (not simply the oldest)
        ev = Q.evidence(s, fact_id)
        docs = [e["document"]["doc_id"] for e in ev["evidence"]]
        if not docs:
            raise Q.NotFound(f"fact {fact_id!r} has no evidence left")
        current = [e["document"]["doc_id"] for e in ev["evidence"] if e["status"] == ev["status"]]
        # an independent source rather than a syndicated copy of one, when one gives the status
        heads = {g["doc_id"] for g in ev["independent_sources"]}
        current = [d for d in current if d in heads] or current
        doc = doc if doc in docs else (current[-1] if current else docs[-1])
        return RedirectResponse(f"/document/{doc}?fact={fact_id}#f-{fact_id}", status_code=303)

    @r.get("/document/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, s: S, doc_id: str, fact: Annotated[str | None, Query(max_length=40)] = None,
                 chrome: bool = False):
        d = Q.document(s, doc_id)
        try:    # the fact asked for: its independent sources and their copies beside the article
            ev = Q.evidence(s, fact) if fact else None
        except Q.NotFound:
            ev = None
        return TEMPLATES.TemplateResponse(request, "document.html", {
            "d": d, "body": marked_body(d["body"], d["spans"], fact), "chrome": chrome, "fact": fact, "ev": ev})

    return r
