"""Browsing the store page by page: facts, entities and documents with facets,
sorting and totals.  The explorer's pages, their .json and .csv, the API's list
endpoints and the CLI all call these functions, so they agree.

Filters are checked here (`FilterError` names the bad value and the choices), and
dates are compared as dates: `since=2024` means from 2024-01-01, `until=2024-03`
up to 2024-03-31."""
from __future__ import annotations

import calendar
import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from difflib import get_close_matches
from typing import Any

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from warta.store import models as M
from warta.store.db import chunks
from warta.store.labels import CERTAINTIES, FACT_TYPES, STATUSES, fact_label, label
from warta.store.queries import MAX_LIMIT, _kb_info, _prefix
from warta.store.tables import FACT_COLUMNS, fact_rows

ENTITY_TYPES = ("ORG", "PERSON", "PLACE", "PRODUCT")
FACT_SORTS = {"last_seen": (M.Fact.last_seen, True), "first_seen": (M.Fact.first_seen, True),
              "sources": (M.Fact.sources, True), "type": (M.Fact.type, False), "status": (M.Fact.status, False)}
ENTITY_SORTS = ("facts", "documents", "name", "last_seen")
DOCUMENT_SORTS = ("date", "title", "site", "facts")
ARTICLE_FACETS_UNDER = 20_000   # language, outlet and country facet counts up to this many facts


class FilterError(ValueError):
    """A filter value the store does not know; the message names it and the choices."""


def _choice(what: str, value: str | None, choices, upper: bool = False) -> str | None:
    if value is None or value == "":
        return None
    v = value.strip().upper() if upper else value.strip().lower()
    if v in choices:
        return v
    near = get_close_matches(v, list(choices), n=1, cutoff=0.6)
    hint = f"; did you mean {near[0]}?" if near else ""
    raise FilterError(f"unknown {what} {value!r}{hint} (choose from {', '.join(choices)})")


DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bound(value: str | None, end: bool = False, what: str = "date") -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first (or, with `end`, the last) day it covers."""
    if value is None or value == "":
        return None
    m = DATE_RE.match(value.strip())
    if not m:
        raise FilterError(f"{what} {value!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    y, mo, d = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    if not 1 <= mo <= 12:
        raise FilterError(f"{what} {value!r} has no month {mo}")
    last = calendar.monthrange(y, mo)[1]
    day = int(d) if d else (last if end else 1)
    if not 1 <= day <= last:
        raise FilterError(f"{what} {value!r} has no day {day}")
    return f"{y:04d}-{mo:02d}-{day:02d}"


@dataclass
class Page:
    items: list[dict]
    total: int
    offset: int
    limit: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    filters: dict[str, Any] = field(default_factory=dict)

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + len(self.items) < self.total else None

    @property
    def prev_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None

    def notice(self, what: str) -> str:
        """"100 of 153 facts (from 1)": what a reader needs to know there is more."""
        if not self.items:
            return f"0 of {self.total} {what}"
        first, last = self.offset + 1, self.offset + len(self.items)
        span = f"{len(self.items)} of {self.total}" if first == 1 else f"{first}–{last} of {self.total}"
        more = f"; --offset {self.next_offset} for the next" if self.next_offset is not None else ""
        return f"{span} {what}{more}"

    def to_dict(self) -> dict:
        return {"items": self.items, "total": self.total, "offset": self.offset, "limit": self.limit,
                "next_offset": self.next_offset, "facets": self.facets, "filters": self.filters}


def _limits(limit: int, offset: int) -> tuple[int, int]:
    if limit < 1:
        raise FilterError(f"limit must be at least 1, not {limit}")
    if offset < 0:
        raise FilterError(f"offset must be 0 or more, not {offset}")
    return min(limit, MAX_LIMIT), offset


def _kb_entities(field_: str, value: str) -> list[str]:
    """Entity ids whose knowledge-base entry has `field_` == value (country, kind)."""
    try:
        from warta.kb.base import load_kb
        kb = load_kb()
        entries = getattr(kb, "entities", None) or {}
    except Exception:
        return []
    v = value.strip().lower()
    return [eid for eid, e in entries.items() if str(e.get(field_) or "").lower() == v]


@dataclass
class FactFilter:
    type: str | None = None
    status: str | None = None
    certainty: str | None = None
    language: str | None = None
    outlet: str | None = None
    country: str | None = None
    entity: str | None = None
    since: str | None = None
    until: str | None = None
    min_sources: int | None = None
    review: str | None = None                # confirmed / unreviewed (an analyst's judgement, issue 17)
    include_rejected: bool = False           # facts analysts rejected are hidden unless asked for

    def checked(self) -> "FactFilter":
        f = FactFilter(**asdict(self))
        f.type = _choice("fact type", self.type, FACT_TYPES, upper=True)
        f.status = _choice("status", self.status, STATUSES)
        f.certainty = _choice("certainty", self.certainty, CERTAINTIES)
        f.since = date_bound(self.since, what="since")
        f.until = date_bound(self.until, end=True, what="until")
        if f.since and f.until and f.since > f.until:
            raise FilterError(f"since {f.since} is after until {f.until}")
        if self.min_sources is not None and self.min_sources < 0:
            raise FilterError(f"min_sources must be 0 or more, not {self.min_sources}")
        for k in ("language", "outlet", "country", "entity"):
            v = getattr(self, k)
            setattr(f, k, v.strip() if isinstance(v, str) and v.strip() else None)
        return f


def _fact_conditions(s: Session, f: FactFilter) -> list:
    F, E, D, FE = M.Fact, M.Evidence, M.Document, M.FactEntity
    cond: list = []
    if not f.include_rejected:
        cond.append(or_(F.review.is_(None), F.review != "rejected"))
    if f.review == "confirmed":
        cond.append(F.review == "confirmed")
    elif f.review == "unreviewed":
        cond.append(F.review.is_(None))
    elif f.review is not None:
        raise FilterError(f"unknown review {f.review!r} (choose from confirmed, unreviewed)")
    if f.type:
        cond.append(F.type == f.type)
    if f.status:
        cond.append(F.status == f.status)
    if f.certainty:
        cond.append(F.certainty == f.certainty)
    if f.since:
        cond.append(F.last_seen >= f.since)
    if f.until:
        cond.append(F.first_seen <= f.until)
    if f.min_sources:
        cond.append(F.sources >= f.min_sources)
    if f.language or f.outlet:
        sub = select(E.id).join(D, D.id == E.document_id).where(E.fact_id == F.id)
        if f.language:
            sub = sub.where(D.language == f.language.lower())
        if f.outlet:
            sub = sub.where(func.lower(D.site) == f.outlet.lower())
        cond.append(exists(sub))
    if f.country:
        ids = _kb_entities("country", f.country)
        cond.append(exists(select(FE.fact_id).where(FE.fact_id == F.id, FE.entity_id.in_(ids or ["-"]))))
    return cond


def _fact_source(s: Session, f: FactFilter):
    """What the facts are read FROM: the facts table, or, filtered by an entity, that
    entity's fact ids joined to it by primary key, so a page, its total and its facets
    read the entity's facts only (a correlated EXISTS would walk the whole table by date)."""
    if not f.entity:
        return M.Fact.__table__
    from warta.store.queries import find_entity
    ids = (select(M.FactEntity.fact_id).where(M.FactEntity.entity_id == find_entity(s, f.entity).id)
           .distinct().subquery("entity_fact_ids"))
    return ids.join(M.Fact.__table__, M.Fact.id == ids.c.fact_id)


def facts(s: Session, filters: FactFilter | None = None, sort: str = "last_seen", limit: int = 50, offset: int = 0,
          facets: bool = True, lang: str = "id") -> Page:
    """One page of facts under the filters, newest first by default, with the total and
    the counts of each facet value under the same filters."""
    f = (filters or FactFilter()).checked()
    limit, offset = _limits(limit, offset)
    desc = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in FACT_SORTS:
        raise FilterError(f"unknown sort {sort!r} (choose from {', '.join(FACT_SORTS)}, '-' before one reverses it)")
    col, default_desc = FACT_SORTS[key]
    cond = _fact_conditions(s, f)
    src = _fact_source(s, f)
    total = s.scalar(select(func.count()).select_from(src).where(*cond))
    order = col.desc() if default_desc != desc else col.asc()
    rows = list(s.scalars(select(M.Fact).select_from(src).where(*cond).order_by(order, M.Fact.last_seen.desc(), M.Fact.id)
                          .limit(limit).offset(offset)))
    items = fact_items(s, rows, lang)
    return Page(items, total, offset, limit, _fact_facets(s, src, cond, lang) if facets else {},
                {k: v for k, v in asdict(f).items() if v not in (None, "")} | {"sort": sort})


def fact_items(s: Session, rows: list[M.Fact], lang: str = "id") -> list[dict]:
    """Facts as flat rows: the one label, the entities named, amount and location columns."""
    ents: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    ids = [f.id for f in rows]
    for part in chunks(ids):
        for fid, eid, name, role in s.execute(select(M.FactEntity.fact_id, M.Entity.id, M.Entity.name, M.FactEntity.role)
                                              .join(M.Entity, M.Entity.id == M.FactEntity.entity_id)
                                              .where(M.FactEntity.fact_id.in_(part))):
            ents[fid].append((eid, name, role))
    out = []
    for f in rows:
        d = {"id": f.id, "type": f.type, "status": f.status, "certainty": f.certainty, "first_seen": f.first_seen,
             "last_seen": f.last_seen, "sources": f.sources, "args": f.args, "review": f.review, "score": f.score}
        a = f.args or {}
        am = a.get("amount") if isinstance(a.get("amount"), dict) else {}
        loc = a.get("location")
        d.update({"label": fact_label(d, lang), "type_label": label("types", f.type, lang),
                  "status_label": label("statuses", f.status, lang),
                  "entities": sorted({n for _, n, _ in ents.get(f.id, [])}),
                  "entity_ids": sorted({e for e, _, _ in ents.get(f.id, [])}),
                  "amount_value": am.get("value"), "amount_currency": am.get("currency"),
                  "location": ", ".join(loc) if isinstance(loc, list) else loc})
        out.append(d)
    return out


def _fact_facets(s: Session, source, cond: list, lang: str) -> dict[str, dict[str, int]]:
    F, E, D = M.Fact, M.Evidence, M.Document
    out: dict[str, dict[str, int]] = {}
    for name, col in (("type", F.type), ("status", F.status), ("certainty", F.certainty)):
        out[name] = {k: n for k, n in s.execute(select(col, func.count()).select_from(source).where(*cond).group_by(col)
                                                 .order_by(func.count().desc(), col)).all() if k is not None}
    total = sum(out["type"].values())
    q = select(F.sources, func.count()).select_from(source).where(*cond).group_by(F.sources)
    src: Counter = Counter()
    for n, c in s.execute(q).all():
        src["1" if (n or 0) <= 1 else "2" if n == 2 else "3+"] += c
    out["sources"] = dict(sorted(src.items()))
    if total > ARTICLE_FACETS_UNDER:
        # counting by language, outlet and country reads every statement of every fact:
        # beyond this many facts the page offers them once the filters have narrowed it
        return out
    ids = select(F.id).select_from(source).where(*cond).scalar_subquery() if cond or source is not F.__table__ else None
    for name, col in (("language", D.language), ("outlet", D.site)):
        q = select(col, func.count(func.distinct(E.fact_id))).join(D, D.id == E.document_id)
        if ids is not None:
            q = q.where(E.fact_id.in_(ids))
        out[name] = {k: n for k, n in s.execute(q.group_by(col).order_by(func.count(func.distinct(E.fact_id)).desc())
                                                 .limit(30)).all() if k}
    q = select(M.FactEntity.entity_id, func.count(func.distinct(M.FactEntity.fact_id)))
    if ids is not None:
        q = q.where(M.FactEntity.fact_id.in_(ids))
    by_country: Counter = Counter()
    for eid, n in s.execute(q.group_by(M.FactEntity.entity_id)).all():
        c = _kb_info(eid).get("country")
        if c:
            by_country[c] += n
    out["country"] = dict(by_country.most_common(30))
    return out


@dataclass
class EntityFilter:
    type: str | None = None
    country: str | None = None
    kind: str | None = None
    q: str | None = None
    min_facts: int | None = None

    def checked(self) -> "EntityFilter":
        f = EntityFilter(**asdict(self))
        f.type = _choice("entity type", self.type, ENTITY_TYPES, upper=True)
        for k in ("country", "kind", "q"):
            v = getattr(self, k)
            setattr(f, k, v.strip() if isinstance(v, str) and v.strip() else None)
        if self.min_facts is not None and self.min_facts < 0:
            raise FilterError(f"min_facts must be 0 or more, not {self.min_facts}")
        return f


def entities(s: Session, filters: EntityFilter | None = None, sort: str = "facts", limit: int = 50, offset: int = 0,
             lang: str = "id") -> Page:
    """Entities with how many facts and articles name them, most cited first."""
    f = (filters or EntityFilter()).checked()
    limit, offset = _limits(limit, offset)
    if sort.lstrip("-") not in ENTITY_SORTS:
        raise FilterError(f"unknown sort {sort!r} (choose from {', '.join(ENTITY_SORTS)})")
    En, FE, ED = M.Entity, M.FactEntity, M.EntityDocument
    key, desc = sort.lstrip("-"), not sort.startswith("-")
    # facts per entity from the (entity, fact) index alone; the date of the latest only when
    # sorting by it (it needs the facts table), else for the page shown
    cols = [FE.entity_id.label("eid"), func.count(func.distinct(FE.fact_id)).label("n")]
    nq = select(*cols)
    if key == "last_seen":
        nq = select(*cols, func.max(M.Fact.last_seen).label("last")).join(M.Fact, M.Fact.id == FE.fact_id)
    nfacts = nq.group_by(FE.entity_id).subquery()
    ndocs = select(ED.entity_id.label("eid"), func.count().label("n")).group_by(ED.entity_id).subquery()
    cond: list = []
    if f.type:
        cond.append(En.type == f.type)
    if f.q:
        low = f.q.lower()
        cond.append(or_(En.name_lower.like(_prefix(low)), En.name_lower.like("% " + _prefix(low)),
                        exists(select(M.Alias.entity_id).where(M.Alias.entity_id == En.id,
                                                               M.Alias.alias_lower.like(_prefix(low))))))
    for k in ("country", "kind"):
        v = getattr(f, k)
        if v:
            cond.append(En.id.in_(_kb_entities(k, v) or ["-"]))
    plain = list(cond)
    if f.min_facts:
        cond.append(func.coalesce(nfacts.c.n, 0) >= f.min_facts)
    base = (select(En.id, En.name, En.type, En.kb, func.coalesce(nfacts.c.n, 0).label("facts"),
                   func.coalesce(ndocs.c.n, 0).label("documents"))
            .outerjoin(nfacts, nfacts.c.eid == En.id).outerjoin(ndocs, ndocs.c.eid == En.id).where(*cond))
    if f.min_facts:
        total = s.scalar(select(func.count()).select_from(
            select(En.id).outerjoin(nfacts, nfacts.c.eid == En.id).where(*cond).subquery()))
    else:
        total = s.scalar(select(func.count()).select_from(En).where(*plain))
    col = {"facts": func.coalesce(nfacts.c.n, 0), "documents": func.coalesce(ndocs.c.n, 0), "name": En.name_lower,
           "last_seen": nfacts.c.last if key == "last_seen" else None}[key]
    if key == "name":
        desc = not desc
    rows = s.execute(base.order_by(col.desc() if desc else col.asc(), En.name_lower).limit(limit).offset(offset)).all()
    last: dict[str, str] = {}
    for part in chunks([r.id for r in rows]):
        last.update(s.execute(select(FE.entity_id, func.max(M.Fact.last_seen)).join(M.Fact, M.Fact.id == FE.fact_id)
                              .where(FE.entity_id.in_(part)).group_by(FE.entity_id)).all())
    items = []
    for r in rows:
        kb = _kb_info(r.id)
        items.append({"id": r.id, "name": r.name, "type": r.type, "type_label": label("entity_types", r.type, lang),
                      "kind": kb["kind"], "country": kb["country"], "parent": kb["parent"], "kb": bool(r.kb),
                      "facts": r.facts, "documents": r.documents, "last_seen": last.get(r.id)})
    facet_type = {k: n for k, n in s.execute(select(En.type, func.count()).where(*plain)
                                             .group_by(En.type).order_by(func.count().desc())).all()}
    return Page(items, total, offset, limit, {"type": facet_type},
                {k: v for k, v in asdict(f).items() if v not in (None, "")} | {"sort": sort})


@dataclass
class DocumentFilter:
    language: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    entity: str | None = None
    duplicates: bool = True

    def checked(self) -> "DocumentFilter":
        f = DocumentFilter(**asdict(self))
        f.since = date_bound(self.since, what="since")
        f.until = date_bound(self.until, end=True, what="until")
        for k in ("language", "outlet", "entity"):
            v = getattr(self, k)
            setattr(f, k, v.strip() if isinstance(v, str) and v.strip() else None)
        return f


def documents(s: Session, filters: DocumentFilter | None = None, sort: str = "date", limit: int = 50, offset: int = 0,
              lang: str = "id") -> Page:
    """The latest revision of each stored article, newest first, with its fact count."""
    f = (filters or DocumentFilter()).checked()
    limit, offset = _limits(limit, offset)
    if sort.lstrip("-") not in DOCUMENT_SORTS:
        raise FilterError(f"unknown sort {sort!r} (choose from {', '.join(DOCUMENT_SORTS)})")
    D, E = M.Document, M.Evidence
    newer = M.Document.__table__.alias("newer")
    cond: list = [~exists(select(newer.c.id).where(newer.c.doc_id == D.doc_id, newer.c.revision > D.revision))]
    if f.language:
        cond.append(D.language == f.language.lower())
    if f.outlet:
        cond.append(func.lower(D.site) == f.outlet.lower())
    if f.since:
        cond.append(D.date >= f.since)
    if f.until:
        cond.append(D.date <= f.until)
    if not f.duplicates:
        cond.append(D.duplicate_of.is_(None))
    if f.entity:
        from warta.store.queries import find_entity
        eid = find_entity(s, f.entity).id
        cond.append(exists(select(M.EntityDocument.document_id).where(M.EntityDocument.document_id == D.id,
                                                                      M.EntityDocument.entity_id == eid)))
    nf = select(E.document_id.label("did"), func.count(func.distinct(E.fact_id)).label("n")).group_by(E.document_id).subquery()
    total = s.scalar(select(func.count()).select_from(D).where(*cond))
    key, desc = sort.lstrip("-"), not sort.startswith("-")
    col = {"date": D.date, "title": D.title, "site": D.site, "facts": func.coalesce(nf.c.n, 0)}[key]
    if key in ("title", "site"):
        desc = not desc
    rows = s.execute(select(D.id, D.doc_id, D.title, D.date, D.site, D.language, D.url, D.duplicate_of, D.revision,
                            func.coalesce(nf.c.n, 0).label("facts"))
                     .outerjoin(nf, nf.c.did == D.id).where(*cond)
                     .order_by(col.desc() if desc else col.asc(), D.doc_id).limit(limit).offset(offset)).all()
    items = [{"id": r.id, "doc_id": r.doc_id, "title": r.title, "date": r.date, "site": r.site, "language": r.language,
              "url": r.url, "duplicate_of": r.duplicate_of, "revision": r.revision, "facts": r.facts} for r in rows]
    facets = {}
    for name, col in (("language", D.language), ("outlet", D.site)):
        facets[name] = {k: n for k, n in s.execute(select(col, func.count()).where(*cond).group_by(col)
                                                    .order_by(func.count().desc()).limit(30)).all() if k}
    return Page(items, total, offset, limit, facets,
                {k: v for k, v in asdict(f).items() if v not in (None, "", True)} | {"sort": sort})


CSV_COLUMNS = {
    "facts": ["id", "type", "status", "certainty", "label", "entities", "amount_value", "amount_currency", "location",
              "first_seen", "last_seen", "sources"],
    "entities": ["id", "name", "type", "kind", "country", "parent", "facts", "documents", "last_seen"],
    "documents": ["doc_id", "title", "date", "site", "language", "url", "duplicate_of", "revision", "facts"],
}


def to_csv(kind: str, items: list[dict]) -> str:
    """A page as CSV with flat columns (lists joined by '; ')."""
    buf = io.StringIO()
    w = csv.writer(buf)
    cols = CSV_COLUMNS[kind]
    w.writerow(cols)
    for it in items:
        w.writerow(["; ".join(map(str, it[c])) if isinstance(it.get(c), list) else ("" if it.get(c) is None else it[c])
                    for c in cols])
    return buf.getvalue()


def facts_csv(s: Session, items: list[dict], lang: str = "en") -> str:
    """A page of facts as CSV with the export's flat columns (warta.store.tables), in the
    page's order: the explorer's `.csv` link and `warta export` give the same table."""
    ids = [it["id"] for it in items]
    by_id = {f.id: f for part in chunks(ids) for f in s.scalars(select(M.Fact).where(M.Fact.id.in_(part)))}
    rows = fact_rows(s, [by_id[i] for i in ids if i in by_id], lang=lang)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(FACT_COLUMNS), extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


__all__ = ["FilterError", "Page", "FactFilter", "EntityFilter", "DocumentFilter", "facts", "entities", "documents",
           "to_csv", "facts_csv", "date_bound"]


def search_total(s: Session, query: str) -> int:
    """How many articles a full-text search matches (queries.search returns the best few)."""
    from sqlalchemy import text
    if s.bind.dialect.name == "sqlite":
        fts = " ".join('"' + w.replace('"', "") + '"' for w in query.split() if w.strip())
        if not fts:
            return 0
        return s.scalar(text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q"), {"q": fts}) or 0
    return s.scalar(text("SELECT count(*) FROM documents WHERE to_tsvector('simple', coalesce(title, '') || ' ' || body) "
                         "@@ websearch_to_tsquery('simple', :q)"), {"q": query}) or 0
