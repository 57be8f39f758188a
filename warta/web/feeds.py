"""Atom feeds (RFC 4287) of new facts and changes of status: the whole market, one
entity, one watch list; and the /watch page.  Each entry is one step of a deal,
linked to the article that reported it."""

import xml.etree.ElementTree as ET
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from warta.store import market as K
from warta.store import watch as W
from warta.store.labels import FACT_TYPES
from warta.store.queries import find_entity
from warta.web.explore import request_lang
from warta.web.views import TEMPLATES

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50


def entry_title(ev: dict) -> str:
    change = f"{ev['previous_label']} → {ev['status_label']}" if ev["kind"] == "change" else ev["status_label"]
    return " · ".join(x for x in (ev["type_label"], change, ev["label"]) if x)


def atom(base: str, feed_id: str, title: str, path: str, items: list[dict]) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"urn:warta:feed:{feed_id}"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + path)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(items[0]["date"] if items else None)
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "Warta"
    for ev in items:
        e = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(e, f"{{{ATOM}}}id").text = f"urn:warta:fact:{ev['fact_id']}:{ev['date'] or ''}:{ev['status'] or ''}"
        ET.SubElement(e, f"{{{ATOM}}}title").text = entry_title(ev)
        ET.SubElement(e, f"{{{ATOM}}}updated").text = _stamp(ev["date"])
        ET.SubElement(e, f"{{{ATOM}}}link", rel="alternate",
                      href=f"{base}/document/{ev['doc_id']}?fact={ev['fact_id']}#f-{ev['fact_id']}")
        for ent in ev["entities"]:
            ET.SubElement(e, f"{{{ATOM}}}category", term=ent["id"], label=ent["name"])
        ET.SubElement(e, f"{{{ATOM}}}summary").text = f"{ev['sentence']} — {ev['site'] or ev['doc_id']}"
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


def _stamp(day: str | None) -> str:
    return f"{day}T00:00:00Z" if day and len(day) == 10 else "1970-01-01T00:00:00Z"


def _feed(request: Request, feed_id: str, title: str, items: list[dict]) -> Response:
    base = str(request.base_url).rstrip("/")
    return Response(atom(base, feed_id, title, request.url.path, items), media_type="application/atom+xml; charset=utf-8")


def router(session) -> APIRouter:
    r = APIRouter(include_in_schema=False)
    S = Annotated[Session, Depends(session)]

    @r.get("/feeds/market.atom")
    def market_feed(request: Request, s: S):
        return _feed(request, "market", "Warta: pasar", K.events(s, limit=FEED_SIZE, lang=request_lang(request)))

    @r.get("/feeds/entity/{name}.atom")
    def entity_feed(request: Request, s: S, name: str):
        e = find_entity(s, name)
        items = K.events(s, entity_ids=[e.id], types=FACT_TYPES, limit=FEED_SIZE, lang=request_lang(request))
        return _feed(request, f"entity:{e.id}", f"Warta: {e.name}", items)

    @r.get("/feeds/watch/{list_name}.atom")
    def watch_feed(request: Request, s: S, list_name: str):
        ids = W.watched_ids(s, list_name)
        items = K.events(s, entity_ids=ids, types=FACT_TYPES, limit=FEED_SIZE, lang=request_lang(request)) if ids else []
        return _feed(request, f"watch:{list_name}", f"Warta: {list_name}", items)

    @r.get("/watch", response_class=HTMLResponse)
    def watch_page(request: Request, s: S, list: Annotated[str, Query(max_length=100)] = W.DEFAULT_LIST,
                   since: Annotated[str | None, Query(max_length=10)] = None):
        news = W.news(s, list, since=since, lang=request_lang(request))
        return TEMPLATES.TemplateResponse(request, "watch.html", {"news": news, "watched": W.lists(s, list),
                                                                  "all_lists": sorted({w["list"] for w in W.lists(s)})})

    return r
