"""Scoring as FORMAT.md's scoring section describes it, in agreement with the
founders' ../shared/tools/score.py (a test checks the two agree on the seeds).

Body: token F1 over `\\w+` tokens.  Metadata: title, published date, authors,
editors, site, dateline and cited sources as accuracy over gold documents that
carry them.  Entities: (type, canonical name) pairs per document, with the gold's
names, alt_names and aliases_in_text mapping a prediction to its canonical name.
Facts: type-specific match keys; optional gold counts neither way; status and
certainty as accuracy over matched facts.  Micro-averaged over documents.
"""
from __future__ import annotations

import collections
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from warta.model import FACT_TYPES  # one definition: the contract's

PRONOUNS = {"ia", "dia", "mereka", "he", "she", "they", "it"}


def norm(s: Any) -> str:
    s = unicodedata.normalize("NFKC", str(s or "")).casefold()
    return re.sub(r"[\s\-–_.,]+", " ", s).strip()


def load_pred(path: str | Path) -> dict[str, dict]:
    txt = Path(path).read_text(encoding="utf-8").strip()
    docs = json.loads(txt) if txt.startswith("[") else [json.loads(ln) for ln in txt.splitlines() if ln.strip()]
    return {d.get("doc_id"): d for d in docs}


def load_gold(paths: list[str | Path]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for p in map(Path, paths):
        files = sorted(p.glob("*.gold.json")) if p.is_dir() else [p]
        if not files:
            raise FileNotFoundError(f"{p}: no *.gold.json files")
        for f in files:
            g = json.loads(f.read_text(encoding="utf-8"))
            for d in g if isinstance(g, list) else [g]:
                out[d["doc_id"]] = d
    return out


class Names:
    """Maps any surface or alternative name in a gold document to its canonical name."""

    def __init__(self, gold: dict):
        self.table: dict[str, str] = {}
        for e in gold.get("entities", []):
            for n in [e["name"], *e.get("alt_names", []), *e.get("aliases_in_text", [])]:
                if len(n) <= 120 and n.lower() not in PRONOUNS:
                    self.table.setdefault(norm(n), e["name"])

    def canon(self, name: Any) -> str | None:
        return None if name is None else self.table.get(norm(name), norm(name))

    def many(self, xs: Any) -> set[str]:
        xs = [xs] if isinstance(xs, str) else (xs or [])
        return {self.canon(x) for x in xs if x}


def _value(a: Any) -> Any:
    return a.get("value") if isinstance(a, dict) else a


def _close(a: Any, b: Any) -> bool:
    try:
        return a is not None and b is not None and abs(float(a) - float(b)) <= 0.01 * max(abs(float(b)), 1)
    except (TypeError, ValueError):
        return False


def _year(v: Any) -> str | None:
    m = re.search(r"\d{4}", str(_value(v) or ""))
    return m.group(0) if m else None


def _product_key(s: Any, maker: Any) -> str:
    s, m = norm(s).replace(" ", ""), norm(maker).replace(" ", "")
    return s[len(m):] if m and s.startswith(m) and len(s) > len(m) else s


FACILITY_COMPATIBLE = {"factory": {"factory", "battery_plant"}, "battery_plant": {"factory", "battery_plant"}}


def fact_match(p: dict, g: dict, names: Names, doc_parties: set[str]) -> bool:
    """Does predicted fact p express gold fact g?  One rule per fact type, lenient on form."""
    t = g.get("type")
    if p.get("type") != t:
        return False
    pa, ga = p.get("args") or {}, g.get("args") or {}
    if t == "PARTNERSHIP":
        got = names.many(pa.get("parties"))
        req, opt = names.many(ga.get("parties")), names.many(ga.get("parties_optional"))
        return len(got) >= 2 and ((got <= req | opt and len(got & req) >= 2) or (req <= got <= doc_parties | opt))
    if t == "INVESTMENT":
        inv = names.many(pa.get("investor")) | names.many(pa.get("investors"))
        if not inv & (names.many(ga.get("investor")) | names.many(ga.get("investors"))):
            return False
        pv, gv = _value(pa.get("amount")), _value(ga.get("amount"))
        if gv is None:
            return pv is None
        return any(_close(pv, x) for x in (gv, _value(ga.get("amount_alt"))))
    if t == "PRODUCT":
        if names.canon(pa.get("maker")) != names.canon(ga.get("maker")):
            return False
        a, b = _product_key(pa.get("product"), ga.get("maker")), _product_key(ga.get("product"), ga.get("maker"))
        return bool(a and b) and (a in b or b in a)
    if t == "LAUNCH_PLAN":
        return names.canon(pa.get("maker")) == names.canon(ga.get("maker")) and _year(pa.get("date")) == _year(ga.get("date"))
    if t == "FACILITY":
        if pa.get("kind") not in FACILITY_COMPATIBLE.get(ga.get("kind"), {ga.get("kind")}):
            return False
        return bool(names.many(pa.get("location")) & names.many(ga.get("location")))
    if t == "INFRASTRUCTURE":
        pc, gc = _value(pa.get("count")), _value(ga.get("count"))
        return pa.get("kind") == ga.get("kind") and (pc == gc if pc is None or gc is None else _close(pc, gc))
    if t == "ROLE":
        return (names.canon(pa.get("person")) == names.canon(ga.get("person"))
                and names.canon(pa.get("org")) == names.canon(ga.get("org")))
    if t == "QUOTE":
        return names.canon(pa.get("speaker")) == names.canon(ga.get("speaker"))
    return pa == ga


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _tokens(s: Any) -> collections.Counter:
    return collections.Counter(re.findall(r"\w+", (s or "").casefold()))


def _label(f: dict) -> str:
    keys = ("parties", "investor", "amount", "maker", "product", "kind", "location", "count", "person", "org", "speaker", "date")
    short = {k: v for k, v in (f.get("args") or {}).items() if k in keys}
    return f"{f.get('type')} {json.dumps(short, ensure_ascii=False)[:160]}"


META_LISTS = ("authors", "editors", "cited_sources")
META_STRINGS = ("title", "site", "dateline")


def score(pred: dict[str, dict], gold: dict[str, dict]) -> dict[str, Any]:
    S: collections.Counter = collections.Counter()
    per_type: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    per_entity_type: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    detail: list[str] = []
    for doc_id, g in gold.items():
        p = pred.get(doc_id)
        if p is None:
            detail.append(f"{doc_id}: MISSING from predictions")
            p = {}
        names = Names(g)
        _score_body(g, p, S)
        _score_metadata(doc_id, g, p, S, detail)
        _score_entities(doc_id, g, p, names, S, per_entity_type, detail)
        _score_facts(doc_id, g, p, names, S, per_type, detail)
    ratio = lambda ok, n: S[ok] / S[n] if S[n] else None  # noqa: E731
    return {
        "docs": len(gold),
        "body_f1": prf(S["body_tp"], S["body_fp"], S["body_fn"])[2] if S["body_tp"] + S["body_fn"] else None,
        "title_acc": ratio("title_ok", "title_n"),
        "date_acc": ratio("date_ok", "date_n"),
        "author_acc": ratio("auth_ok", "auth_n"),
        "metadata_acc": {k: ratio(f"m_{k}_ok", f"m_{k}_n") for k in (*META_STRINGS, "published", *META_LISTS)},
        "entity_prf": prf(S["ent_tp"], S["ent_fp"], S["ent_fn"]),
        "fact_prf": prf(S["fact_tp"], S["fact_fp"], S["fact_fn"]),
        "status_acc": ratio("status_ok", "status_n"),
        "certainty_acc": ratio("cert_ok", "cert_n"),
        "fact_f1_by_type": {t: round(prf(c["tp"], c["fp"], c["fn"])[2], 3) for t, c in sorted(per_type.items())},
        "fact_prf_by_type": {t: prf(c["tp"], c["fp"], c["fn"]) for t, c in sorted(per_type.items())},
        "entity_prf_by_type": {t: prf(c["tp"], c["fp"], c["fn"]) for t, c in sorted(per_entity_type.items())},
        "detail": detail,
    }


def _score_body(g: dict, p: dict, S: collections.Counter) -> None:
    if g.get("body"):
        gt, pt = _tokens(g.get("body")), _tokens(p.get("body"))
        ov = sum((gt & pt).values())
        S["body_tp"] += ov
        S["body_fp"] += sum(pt.values()) - ov
        S["body_fn"] += sum(gt.values()) - ov


def _score_metadata(doc_id: str, g: dict, p: dict, S: collections.Counter, detail: list[str]) -> None:
    gm, pm = g.get("metadata") or {}, p.get("metadata") or {}
    # the founders' three, counted only where the gold has a value
    if gm.get("title"):
        S["title_n"] += 1
        S["title_ok"] += norm(gm["title"]) == norm(pm.get("title"))
    if gm.get("published"):
        S["date_n"] += 1
        S["date_ok"] += str(pm.get("published") or "")[:10] == gm["published"][:10]
    if gm.get("authors"):
        S["auth_n"] += 1
        S["auth_ok"] += {norm(a) for a in gm["authors"]} == {norm(a) for a in pm.get("authors") or []}
    # every field over every document, null included: the full metadata report
    checks = {k: norm(gm.get(k)) == norm(pm.get(k)) for k in META_STRINGS}
    checks["published"] = (gm.get("published") or "") == (pm.get("published") or "")
    for k in META_LISTS:
        checks[k] = {norm(a) for a in gm.get(k) or []} == {norm(a) for a in pm.get(k) or []}
    for k, ok in checks.items():
        S[f"m_{k}_n"] += 1
        S[f"m_{k}_ok"] += ok
        if not ok:
            detail.append(f"{doc_id}: metadata {k}: {pm.get(k)!r} != {gm.get(k)!r}")


def _score_entities(doc_id: str, g: dict, p: dict, names: Names, S: collections.Counter,
                    per_type: dict[str, collections.Counter], detail: list[str]) -> None:
    req = {(e["type"], e["name"]) for e in g.get("entities", []) if not e.get("optional")}
    opt = {(e["type"], e["name"]) for e in g.get("entities", []) if e.get("optional")}
    got = {(e.get("type"), names.canon(e.get("name"))) for e in p.get("entities") or []}
    tp, fp, fn = req & got, got - req - opt, req - got
    S["ent_tp"] += len(tp)
    S["ent_fp"] += len(fp)
    S["ent_fn"] += len(fn)
    for key, xs in (("tp", tp), ("fp", fp), ("fn", fn)):
        for t, _ in xs:
            per_type[t][key] += 1
    detail += [f"{doc_id}: entity FP {x}" for x in sorted(fp, key=str)]
    detail += [f"{doc_id}: entity FN {x}" for x in sorted(fn, key=str)]


def _score_facts(doc_id: str, g: dict, p: dict, names: Names, S: collections.Counter,
                 per_type: dict[str, collections.Counter], detail: list[str]) -> None:
    annotated = set(g.get("annotated_types") or FACT_TYPES)
    gfacts = g.get("facts", [])
    doc_parties = set().union(*[names.many(f["args"].get("parties")) for f in gfacts if f["type"] == "PARTNERSHIP"])
    used: set[int] = set()
    for f in p.get("facts") or []:
        if f.get("type") not in annotated:
            continue
        hits = [i for i, gf in enumerate(gfacts) if fact_match(f, gf, names, doc_parties)]
        if not hits:
            S["fact_fp"] += 1
            per_type[f.get("type")]["fp"] += 1
            detail.append(f"{doc_id}: fact FP {_label(f)}")
            continue
        free = [i for i in hits if i not in used]
        if not free:
            continue  # a restatement of a fact already matched
        used.add(free[0])
        gf = gfacts[free[0]]
        if gf.get("optional"):
            continue
        S["fact_tp"] += 1
        per_type[gf["type"]]["tp"] += 1
        for attr, n, ok in (("status", "status_n", "status_ok"), ("certainty", "cert_n", "cert_ok")):
            if gf.get(attr):
                S[n] += 1
                S[ok] += f.get(attr) == gf[attr]
                if f.get(attr) != gf[attr]:
                    detail.append(f"{doc_id}: {attr} of {_label(gf)}: {f.get(attr)} != {gf[attr]}")
    for i, gf in enumerate(gfacts):
        if i not in used and not gf.get("optional"):
            S["fact_fn"] += 1
            per_type[gf["type"]]["fn"] += 1
            detail.append(f"{doc_id}: fact FN {_label(gf)}")


def print_table(res: dict[str, Any], details: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    if details:
        for d in res["detail"]:
            con.print("  " + d, markup=False, highlight=False)
    t = Table(title=f"Warta evaluation over {res['docs']} gold documents")
    t.add_column("measure")
    t.add_column("value", justify="right")
    fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
    t.add_row("body token F1", fmt(res["body_f1"]))
    for k in ("title_acc", "date_acc", "author_acc"):
        t.add_row(k.replace("_", " "), fmt(res[k]))
    for k, v in res["metadata_acc"].items():
        t.add_row(f"metadata {k} (all docs)", fmt(v))
    for k in ("entity_prf", "fact_prf"):
        p, r, f = res[k]
        t.add_row(f"{k.split('_')[0]} P / R / F1", f"{p:.3f} / {r:.3f} / {f:.3f}")
    t.add_row("status accuracy", fmt(res["status_acc"]))
    t.add_row("certainty accuracy", fmt(res["certainty_acc"]))
    for ty, f1 in res["fact_f1_by_type"].items():
        t.add_row(f"  {ty} F1", fmt(f1))
    con.print(t)
