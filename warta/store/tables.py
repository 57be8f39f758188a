"""The store as flat tables for analysis: one row per fact with every argument in its
own column, and the link tables beside it (fact_entities, evidence, documents,
entities).  The CSV and Parquet exports and the library's `Facts.to_pandas()` all
build their rows here, so they have the same columns.

Lists of names are joined by "; " (a name may hold a comma); amounts are a number,
a currency and the written form; the label is the one every interface shows
(warta.store.labels)."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from warta.store import models as M
from warta.store.db import chunks
from warta.store.labels import _capacity, amount_text, fact_label
from warta.store.queries import _kb_info

SEP = "; "
CHUNK = 500      # facts, documents or entities per query: an IN list under every database's limit

# column -> kind (str, int, float, bool): the Parquet schema and the DataFrame's dtypes
FACT_COLUMNS: dict[str, str] = {
    "id": "str", "type": "str", "label": "str", "status": "str", "certainty": "str", "review": "str",
    "confirmed": "bool", "first_seen": "str", "last_seen": "str", "documents": "int", "sources": "int",
    "parties": "str", "party_ids": "str", "purpose": "str",
    "investors": "str", "investor_ids": "str", "target": "str",
    "amount_value": "float", "amount_currency": "str", "amount_text": "str", "amount_approx": "bool",
    "amount_qualifier": "str",
    "maker": "str", "maker_id": "str", "product": "str", "category": "str", "date": "str", "date_written": "str",
    "kind": "str", "name": "str", "owners": "str", "owner_ids": "str", "operators": "str", "operator_ids": "str",
    "location": "str", "location_ids": "str", "area_value": "float", "area_unit": "str", "capacity": "str",
    "count_value": "float", "count_qualifier": "str", "horizon_by": "str",
    "person": "str", "person_id": "str", "role": "str", "org": "str", "org_id": "str",
    "speaker": "str", "speaker_id": "str", "quote": "str",
    "entities": "str", "args": "str",
}
FACT_ENTITY_COLUMNS = {"fact_id": "str", "entity_id": "str", "role": "str", "entity_name": "str", "entity_type": "str"}
EVIDENCE_COLUMNS = {"fact_id": "str", "doc_id": "str", "revision": "int", "sentence": "str", "start": "int", "end": "int",
                    "date": "str", "status": "str", "certainty": "str"}
DOCUMENT_COLUMNS = {"doc_id": "str", "url": "str", "site": "str", "date": "str", "published": "str", "title": "str",
                    "language": "str", "duplicate_of": "str", "revision": "int", "facts": "int"}
ENTITY_COLUMNS = {"id": "str", "type": "str", "name": "str", "aliases": "int", "documents": "int", "facts": "int",
                  "kb": "bool", "kind": "str", "country": "str", "parent": "str"}
TABLES: dict[str, dict[str, str]] = {"facts": FACT_COLUMNS, "fact_entities": FACT_ENTITY_COLUMNS,
                                     "evidence": EVIDENCE_COLUMNS, "documents": DOCUMENT_COLUMNS,
                                     "entities": ENTITY_COLUMNS}


def arrow_schema(columns: dict[str, str]):
    """The Parquet (Arrow) schema of a table's columns."""
    import pyarrow as pa
    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(c, kinds[k]) for c, k in columns.items()])


def frame(rows: list[dict[str, Any]], columns: dict[str, str] = FACT_COLUMNS):
    """Rows as a pandas DataFrame typed as the Parquet export types them (it reads back the same)."""
    import pyarrow as pa
    return pa.Table.from_pylist(rows, schema=arrow_schema(columns)).to_pandas()


def _shown(q, include_rejected: bool):
    return q if include_rejected else q.where(or_(M.Fact.review.is_(None), M.Fact.review != "rejected"))


def _names(v: Any) -> str | None:
    xs = v if isinstance(v, list) else [v] if v else []
    out = SEP.join(str(x) for x in xs if x)
    return out or None


def _num(v: Any) -> float | None:
    try:
        return float(v) if v is not None and not isinstance(v, bool) else None
    except (TypeError, ValueError):
        return None


def _value(v: Any, key: str = "value") -> Any:
    return v.get(key) if isinstance(v, dict) else None


def _ordered_ids(names: Any, links: list[tuple[str, str]]) -> str | None:
    """The ids of the linked entities, in the order the argument names them."""
    xs = [str(x).lower() for x in (names if isinstance(names, list) else [names] if names else [])]
    rank = {n: i for i, n in enumerate(xs)}
    ids = sorted(links, key=lambda e: (rank.get(e[1].lower(), len(xs)), e[1].lower()))
    return SEP.join(dict.fromkeys(eid for eid, _ in ids)) or None


# role in fact_entities -> the arguments naming it
ROLE_ARGS = {"party": ("parties",), "investor": ("investors", "investor"), "maker": ("maker",),
             "owner": ("owners", "owner"), "operator": ("operators",), "location": ("location",), "person": ("person",),
             "org": ("org",), "speaker": ("speaker",)}


def _norm(x: str) -> str:
    return re.sub(r"[\W_]+", "-", x.casefold()).strip("-")


def _ends(a: dict[str, Any], ln: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
    """Per role, the (id, name) of each end a fact names, in its arguments' order: the
    entity's id where the store links one, else `name:NAME` (no entity known by that name)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for role, args in ROLE_ARGS.items():
        v = next((a[k] for k in args if a.get(k)), None)
        names = [str(x) for x in (v if isinstance(v, list) else [v] if v else []) if x and _norm(str(x))]
        by_name = {n.lower(): eid for eid, n in ln.get(role, [])}
        ends = [(by_name.get(n.lower()) or f"name:{_norm(n)}", n) for n in names]
        ends += [(eid, n) for eid, n in ln.get(role, []) if eid not in {e for e, _ in ends}]   # renamed or merged since
        if ends:
            out[role] = list(dict(ends).items())
    return out


def fact_rows(s: Session, facts: list[M.Fact], lang: str = "en", ends: bool = False) -> list[dict[str, Any]]:
    """The flat row of each fact (in the order given), with FACT_COLUMNS as keys (and, with
    `ends`, "_ends": the entity ids or names at each role, for the graph)."""
    links: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, set[str]] = defaultdict(set)
    ndocs: dict[str, int] = {}
    ids = [f.id for f in facts]
    for part in chunks(ids):
        for fid, eid, name, role in s.execute(select(M.FactEntity.fact_id, M.Entity.id, M.Entity.name, M.FactEntity.role)
                                              .join(M.Entity, M.Entity.id == M.FactEntity.entity_id)
                                              .where(M.FactEntity.fact_id.in_(part))):
            links[fid][role].append((eid, name))
            names[fid].add(name)
        ndocs.update(s.execute(select(M.Evidence.fact_id, func.count(func.distinct(M.Document.doc_id)))
                               .join(M.Document, M.Document.id == M.Evidence.document_id)
                               .where(M.Evidence.fact_id.in_(part)).group_by(M.Evidence.fact_id)).all())
    rows = [_fact_row(f, links[f.id], names[f.id], ndocs.get(f.id, 0), lang) for f in facts]
    if ends:
        for f, r in zip(facts, rows):
            r["_ends"] = _ends(f.args or {}, links[f.id])
    return rows


def _fact_row(f: M.Fact, ln: dict[str, list[tuple[str, str]]], names: set[str], ndocs: int, lang: str) -> dict[str, Any]:
    a = f.args or {}
    am = a.get("amount") if isinstance(a.get("amount"), dict) else None
    area, count, date, horizon = a.get("area"), a.get("count"), a.get("date"), a.get("horizon")
    investors = a.get("investors") or a.get("investor")
    owners = a.get("owners") or a.get("owner")
    d = {"id": f.id, "type": f.type, "status": f.status, "certainty": f.certainty, "args": a, "review": f.review}
    row: dict[str, Any] = {
        "id": f.id, "type": f.type, "label": fact_label(d, lang), "status": f.status, "certainty": f.certainty,
        "review": f.review, "confirmed": f.review == "confirmed", "first_seen": f.first_seen, "last_seen": f.last_seen,
        "documents": ndocs, "sources": f.sources,
        "parties": _names(a.get("parties")), "party_ids": _ordered_ids(a.get("parties"), ln["party"]),
        "purpose": a.get("purpose"),
        "investors": _names(investors), "investor_ids": _ordered_ids(investors, ln["investor"]), "target": a.get("target"),
        "amount_value": _num(_value(am)), "amount_currency": _value(am, "currency"),
        "amount_text": amount_text(am, lang) or None,
        "amount_approx": bool(_value(am, "approx")), "amount_qualifier": _value(am, "qualifier"),
        "maker": _names(a.get("maker")), "maker_id": _ordered_ids(a.get("maker"), ln["maker"]),
        "product": a.get("product"), "category": a.get("category"),
        "date": _value(date) if isinstance(date, dict) else date, "date_written": _value(date, "as_written"),
        "kind": a.get("kind"), "name": a.get("name"),
        "owners": _names(owners), "owner_ids": _ordered_ids(owners, ln["owner"]),
        "operators": _names(a.get("operators")), "operator_ids": _ordered_ids(a.get("operators"), ln["operator"]),
        "location": _names(a.get("location")), "location_ids": _ordered_ids(a.get("location"), ln["location"]),
        "area_value": _num(_value(area)), "area_unit": _value(area, "unit"),
        "capacity": _capacity(a["capacity"]) if a.get("capacity") else None,
        "count_value": _num(_value(count)), "count_qualifier": _value(count, "qualifier"),
        "horizon_by": str(_value(horizon, "by")) if _value(horizon, "by") is not None else None,
        "person": _names(a.get("person")), "person_id": _ordered_ids(a.get("person"), ln["person"]),
        "role": a.get("role"), "org": _names(a.get("org")), "org_id": _ordered_ids(a.get("org"), ln["org"]),
        "speaker": _names(a.get("speaker")), "speaker_id": _ordered_ids(a.get("speaker"), ln["speaker"]),
        "quote": a.get("text") if f.type == "QUOTE" else None,
        "entities": SEP.join(sorted(names, key=str.lower)) or None,
        "args": json.dumps(a, ensure_ascii=False, sort_keys=True),
    }
    return {k: row[k] for k in FACT_COLUMNS}


def _fact_chunks(s: Session, include_rejected: bool) -> Iterator[list[M.Fact]]:
    """All facts shown, in id order, CHUNK at a time (by key, so a large store is never one query)."""
    last = ""
    while True:
        rows = list(s.scalars(_shown(select(M.Fact), include_rejected).where(M.Fact.id > last)
                              .order_by(M.Fact.id).limit(CHUNK)))
        if not rows:
            return
        yield rows
        last = rows[-1].id


def facts_table(s: Session, include_rejected: bool = False, lang: str = "en", ends: bool = False) -> Iterator[list[dict]]:
    for rows in _fact_chunks(s, include_rejected):
        yield fact_rows(s, rows, lang, ends)


def fact_entities_table(s: Session, include_rejected: bool = False) -> Iterator[list[dict]]:
    FE, En = M.FactEntity, M.Entity
    for rows in _fact_chunks(s, include_rejected):
        q = (select(FE.fact_id, FE.entity_id, FE.role, En.name, En.type).join(En, En.id == FE.entity_id)
             .where(FE.fact_id.in_([f.id for f in rows])).order_by(FE.fact_id, FE.role, FE.entity_id))
        yield [{"fact_id": r[0], "entity_id": r[1], "role": r[2], "entity_name": r[3], "entity_type": r[4]}
               for r in s.execute(q)]


def evidence_table(s: Session, include_rejected: bool = False) -> Iterator[list[dict]]:
    E, D = M.Evidence, M.Document
    for rows in _fact_chunks(s, include_rejected):
        q = (select(E.fact_id, D.doc_id, D.revision, E.sentence, E.start, E.end, E.date, E.status, E.certainty)
             .join(D, D.id == E.document_id).where(E.fact_id.in_([f.id for f in rows]))
             .order_by(E.fact_id, E.date, D.doc_id, E.start))
        yield [dict(zip(EVIDENCE_COLUMNS, r)) for r in s.execute(q)]


def documents_table(s: Session, body: bool = False) -> Iterator[list[dict]]:
    """The latest revision of each article (evidence rows name it by doc_id), with how many facts it states."""
    D, E = M.Document, M.Evidence
    newer = D.__table__.alias("newer")
    latest = ~select(newer.c.id).where(newer.c.doc_id == D.doc_id, newer.c.revision > D.revision).exists()
    last = ""
    while True:
        docs = list(s.scalars(select(D).where(latest, D.doc_id > last).order_by(D.doc_id).limit(CHUNK)))
        if not docs:
            return
        nf = dict(s.execute(select(D.doc_id, func.count(func.distinct(E.fact_id))).join(E, E.document_id == D.id)
                            .where(D.doc_id.in_([d.doc_id for d in docs])).group_by(D.doc_id)).all())
        out = []
        for d in docs:
            r = {"doc_id": d.doc_id, "url": d.url, "site": d.site, "date": d.date, "published": d.published,
                 "title": d.title, "language": d.language, "duplicate_of": d.duplicate_of, "revision": d.revision,
                 "facts": nf.get(d.doc_id, 0)}
            if body:
                r["body"] = d.body
            out.append(r)
        yield out
        last = docs[-1].doc_id


def entities_table(s: Session) -> Iterator[list[dict]]:
    En = M.Entity
    last = ""
    while True:
        ents = list(s.scalars(select(En).where(En.id > last).order_by(En.id).limit(CHUNK)))
        if not ents:
            return
        ids = [e.id for e in ents]
        counts = {}
        for name, col, tbl in (("aliases", M.Alias.entity_id, M.Alias), ("documents", M.EntityDocument.entity_id, M.EntityDocument),
                               ("facts", M.FactEntity.entity_id, M.FactEntity)):
            n = func.count(func.distinct(M.FactEntity.fact_id)) if tbl is M.FactEntity else func.count()
            counts[name] = dict(s.execute(select(col, n).where(col.in_(ids)).group_by(col)).all())
        out = []
        for e in ents:
            kb = _kb_info(e.id)
            out.append({"id": e.id, "type": e.type, "name": e.name, "aliases": counts["aliases"].get(e.id, 0),
                        "documents": counts["documents"].get(e.id, 0), "facts": counts["facts"].get(e.id, 0),
                        "kb": bool(e.kb), "kind": kb["kind"], "country": kb["country"], "parent": kb["parent"]})
        yield out
        last = ents[-1].id


def tables(s: Session, include_rejected: bool = False, lang: str = "en", body: bool = False) -> dict[str, Iterator[list[dict]]]:
    """Each table's rows, a chunk at a time, under its name (TABLES)."""
    return {"facts": facts_table(s, include_rejected, lang), "fact_entities": fact_entities_table(s, include_rejected),
            "evidence": evidence_table(s, include_rejected), "documents": documents_table(s, body),
            "entities": entities_table(s)}
