"""The store as a GraphML graph (Gephi, networkx, yEd): one edge per relation that a
fact states, of every fact type, with typed attributes (<key attr.type=...>).

| fact | edge |
| --- | --- |
| PARTNERSHIP | party -> party, each pair (symmetric) |
| INVESTMENT | co-investor -> co-investor (symmetric); a single investor -> the investment |
| FACILITY | owner or operator -> its most specific place |
| INFRASTRUCTURE | owner -> place |
| ROLE | person -> org (the role title on the edge) |
| PRODUCT, LAUNCH_PLAN | maker -> product |
| QUOTE | speaker -> the quote |

Where a fact names only one of its two ends (a factory whose owner the article does
not name, an investment with no counterpart), the other end is a node standing for
the fact itself (id `fact:ID`, its type the fact type, its label the fact's label);
products not known as entities are nodes `product:NAME`, and a party, person or place
that the store links to no entity a node `name:NAME`.  Nodes are the ends of the
edges, entities with their label, type, kind, country and sector."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from warta.store import models as M
from warta.store.db import chunks
from warta.store.labels import sector_of
from warta.store.queries import _kb_info
from warta.store.tables import facts_table

NODE_KEYS = {"label": "string", "type": "string", "kind": "string", "country": "string", "sector": "string",
             "documents": "int", "kb": "boolean"}
EDGE_KEYS = {"fact_id": "string", "type": "string", "label": "string", "status": "string", "certainty": "string",
             "review": "string", "first_seen": "string", "last_seen": "string", "sources": "int", "documents": "int",
             "amount_value": "double", "amount_currency": "string", "amount": "string", "role": "string",
             "sector": "string", "symmetric": "boolean"}
DEAL_TYPES = ("PARTNERSHIP", "INVESTMENT")


def _pairs(ids: list[str], role: str) -> list[tuple[str, str, str | None]]:
    u = sorted(set(ids))
    return [(a, b, role) for i, a in enumerate(u) for b in u[i + 1:]]


def relations(row: dict[str, Any], product_node: str | None = None) -> list[tuple[str, str, str | None]]:
    """(source, target, role) of each edge a fact states, from the ends of its flat row
    (warta.store.tables.fact_rows with `ends`); `fact:ID` stands for the fact where it
    names one end only."""
    t, me = row["type"], f"fact:{row['id']}"
    ends = row["_ends"]

    def ids(role: str) -> list[str]:
        return [e for e, _ in ends.get(role, [])]
    if t == "PARTNERSHIP":
        return _pairs(ids("party"), "party")
    if t == "INVESTMENT":
        inv = sorted(set(ids("investor")))
        return _pairs(inv, "investor") if len(inv) > 1 else [(inv[0], me, "investor")] if inv else []
    if t in ("FACILITY", "INFRASTRUCTURE"):
        subj = [(e, "owner") for e in ids("owner")] + [(e, "operator") for e in ids("operator")]
        place = ids("location")[:1]
        if subj and place:
            return [(e, place[0], r) for e, r in subj]
        if subj:
            return [(e, me, r) for e, r in subj]
        return [(me, place[0], "location")] if place else []
    if t == "ROLE":
        person, org = ids("person")[:1], ids("org")[:1]
        if person and org:
            return [(person[0], org[0], row.get("role"))]
        return [(person[0], me, row.get("role"))] if person else [(me, org[0], row.get("role"))] if org else []
    if t in ("PRODUCT", "LAUNCH_PLAN"):
        maker = ids("maker")[:1]
        return [(maker[0], product_node or me, "maker")] if maker else []
    if t == "QUOTE":
        return [(e, me, "speaker") for e in ids("speaker")[:1]]
    return []


# the type of a node for a name the store knows no entity by, from its role
NAME_TYPES = {"person": "PERSON", "speaker": "PERSON", "location": "PLACE"}


def _norm(x: str) -> str:
    return re.sub(r"\W+", " ", x.casefold()).strip()


def write_graphml(s: Session, fh: IO[str], include_rejected: bool = False, lang: str = "en") -> None:
    products = {_norm(n): eid for eid, n in s.execute(select(M.Entity.id, M.Entity.name).where(M.Entity.type == "PRODUCT"))}
    extra: dict[str, dict[str, Any]] = {}      # nodes that stand for a fact or a product
    edges: list[tuple[str, str, dict[str, Any]]] = []
    sectors: dict[str, Counter] = defaultdict(Counter)
    named: dict[str, dict[str, Any]] = {}     # names the store links to no entity
    for rows in facts_table(s, include_rejected, lang, ends=True):
        for row in rows:
            for role, pairs in row["_ends"].items():
                for eid, name in pairs:
                    if eid.startswith("name:"):
                        named.setdefault(eid, {"label": name, "type": NAME_TYPES.get(role, "ORG"), "kb": False})
            pnode = None
            if row["type"] in ("PRODUCT", "LAUNCH_PLAN") and row.get("product"):
                pnode = products.get(_norm(row["product"])) or f"product:{_norm(row['product'])}"
                if pnode.startswith("product:"):
                    extra.setdefault(pnode, {"label": row["product"], "type": "PRODUCT"})
            sector = sector_of(row.get("purpose"), row.get("target")) if row["type"] in DEAL_TYPES else None
            for i, (a, b, role) in enumerate(relations(row, pnode)):
                for end in (a, b):
                    if end == f"fact:{row['id']}":
                        extra.setdefault(end, {"label": row["label"], "type": row["type"], "kind": row.get("kind")})
                    elif sector:
                        sectors[end][sector] += 1
                edges.append((a, b, {
                    "id": f"{row['id']}:{i}", "fact_id": row["id"], "type": row["type"], "label": row["label"],
                    "status": row["status"], "certainty": row["certainty"], "review": row["review"],
                    "first_seen": row["first_seen"], "last_seen": row["last_seen"], "sources": row["sources"],
                    "documents": row["documents"], "amount_value": row["amount_value"],
                    "amount_currency": row["amount_currency"], "amount": row["amount_text"], "role": role,
                    "sector": sector, "symmetric": row["type"] in DEAL_TYPES and not b.startswith("fact:")}))
    used = {x for a, b, _ in edges for x in (a, b)}
    extra.update({k: v for k, v in named.items() if k in used})
    ends = sorted(used - set(extra))
    nodes: dict[str, dict[str, Any]] = {}
    for part in chunks(ends):
        docs = dict(s.execute(select(M.EntityDocument.entity_id, func.count()).where(M.EntityDocument.entity_id.in_(part))
                              .group_by(M.EntityDocument.entity_id)).all())
        for e in s.scalars(select(M.Entity).where(M.Entity.id.in_(part))):
            kb = _kb_info(e.id)
            top = sectors[e.id].most_common(1)
            nodes[e.id] = {"label": e.name, "type": e.type, "kind": kb["kind"], "country": kb["country"],
                           "sector": top[0][0] if top else None, "documents": docs.get(e.id, 0), "kb": bool(e.kb)}
    nodes.update(extra)
    fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
             'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for prefix, where, keys in (("n", "node", NODE_KEYS), ("e", "edge", EDGE_KEYS)):
        for k, typ in keys.items():
            fh.write(f'<key id="{prefix}_{k}" for="{where}" attr.name="{k}" attr.type="{typ}"/>\n')
    fh.write('<graph id="warta" edgedefault="directed">\n')
    for nid in sorted(nodes):
        fh.write(f"<node id={quoteattr(nid)}>{_data('n', nodes[nid], NODE_KEYS)}</node>\n")
    for a, b, d in edges:
        if a in nodes and b in nodes:
            fh.write(f"<edge id={quoteattr(d['id'])} source={quoteattr(a)} target={quoteattr(b)}>"
                     f"{_data('e', d, EDGE_KEYS)}</edge>\n")
    fh.write("</graph>\n</graphml>\n")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _data(prefix: str, d: dict[str, Any], keys: dict[str, str]) -> str:
    out = []
    for k, typ in keys.items():
        v = d.get(k)
        if v is None or v == "":
            continue
        text = ("true" if v else "false") if typ == "boolean" else repr(float(v)) if typ == "double" else str(v)
        out.append(f'<data key="{prefix}_{k}">{escape(_NOT_XML.sub("", text))}</data>')
    return "".join(out)
