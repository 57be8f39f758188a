"""Metadata from the page head and the article: title, date, authors, editors,
site, dateline, cited sources.  Only the head (before the article) and the
article itself are read: the link lists after it never lend their dates."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from warta.clean import lines as L
from warta.clean.authors import authors, labelled, wire_editors
from warta.clean.dates import find_dates, site_zone
from warta.clean.lead import parse_lead, place
from warta.clean.lexicon import load
from warta.clean.outlets import host_of, resolve_site
from warta.clean.sources import cited_sources, credited_sources, known_media
from warta.clean.text import Cleaned
from warta.clean.title import title
from warta.model import Metadata


def extract_metadata(c: Cleaned, url: str | None = None) -> Metadata:
    published, byline = _published(c.head, url)
    lead = _orient(parse_lead(c.lead_line) if c.lead_line else None, url)
    site, credit = resolve_site(lead.site if lead else None, bool(lead and lead.credit), url,
                                "\n".join(c.head + c.removed) + "\n" + c.body)
    own = {_squash(x) for x in (site, lead.site if lead else None) if x}
    cited = [x for x in L.unique(cited_sources(c.body) + credited_sources(c.head + c.tail)) if _squash(x) not in own]
    if credit and not re.search(r"\d", credit) and credit.lower() not in {s.lower() for s in cited}:
        cited = [credit, *cited]
    last = c.paragraphs[-1] if c.paragraphs else ""
    writers = authors(c.head, byline, c.tail, last, frozenset(known_media()))
    return Metadata(
        title=title(c.head, byline, url),
        published=published,
        published_inferred=None if published else infer_reference_date(c.body),
        authors=writers,
        editors=[e for e in L.unique(c.editors + labelled(c.head + c.removed, "editor_labels") + wire_editors(c.tail, last))
                 if e.lower() not in {w.lower() for w in writers}],
        site=site,
        dateline=_dateline(lead, site, url),
        cited_sources=cited,
        url=url,
    )


def _orient(lead, url: str | None):
    """"CONTOHNEWS, Cibitung -": the piece that is the page's own domain is the site."""
    host = _squash(host_of(url) or "")
    if not (lead and lead.site and lead.dateline and host) or lead.credit:
        return lead
    d, s = _squash(lead.dateline), _squash(lead.site)
    if d and d in host and s not in host:
        return replace(lead, site=lead.dateline, dateline=place(lead.site))
    return lead


def _dateline(lead, site: str | None, url: str | None) -> str | None:
    """The lead's place, unless it is the outlet's own name ("Contoh Post - ...")."""
    if not lead or not lead.dateline:
        return None
    d = _squash(lead.dateline)
    if len(d) <= 2:  # "JT -": an outlet's initials, not a place
        return None
    own = [_squash(x) for x in (site, lead.site, host_of(url)) if x]
    first = _squash(lead.dateline.split()[0])
    if any(d in o or o in d for o in own if o) or (len(lead.dateline.split()) > 1 and len(first) > 4 and any(first in o for o in own)):
        return None
    return lead.dateline


def _squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _published(head: list[str], url: str | None = None) -> tuple[str | None, str | None]:
    """The first date in the page head, and the line that carried it (the byline); a time
    printed without its zone is in the site's (`site_zone`)."""
    zone = site_zone(url)
    for s in head:
        if L.is_caption(s):
            continue
        found = find_dates(s, zone)
        if found:
            return found[0][2], s
    return None, None




def infer_reference_date(body: str) -> str | None:
    """A date the body gives ("dipantau Antara pekan lalu (4/7/2020)"), shifted by the
    relative word before it.  Not the article's published date: a reference for
    resolving "tahun depan" and the like, marked as inferred."""
    rel = load("dates")["relative_days"]
    best = None
    for start, _end, iso in find_dates(body, default_zone=None):
        day = dt.date.fromisoformat(iso[:10])
        before = body[max(0, start - 30): start].lower()
        shift = max((d for w, d in rel.items() if w in before), default=0)
        cand = day + dt.timedelta(days=shift)
        best = cand if best is None or cand > best else best
    return best.isoformat() if best else None
