"""Join the gold files (offsets, in git) with the cached texts into FORMAT gold documents.

`load_set("dev")` returns the gold documents of one split with body, title,
evidence sentences and quote texts put back from the cache, and the list of
documents that could not be (text missing or changed: `check()` reports them).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from warta.realset.cache import GOLD_DIR, SPLITS, page_path, read_page, text_hash


@dataclass
class Problem:
    doc_id: str
    url: str
    query: str
    what: str       # "missing" or "changed"
    path: Path

    def __str__(self) -> str:
        return f"{self.doc_id}: cached text {self.what} ({self.path}); url {self.url}; query {self.query!r}"


@dataclass
class RealSet:
    gold: dict[str, dict] = field(default_factory=dict)      # doc_id -> FORMAT gold document
    raw: dict[str, str] = field(default_factory=dict)        # doc_id -> cached page text
    problems: list[Problem] = field(default_factory=list)


def gold_files(gold_dir: Path = GOLD_DIR) -> list[Path]:
    return sorted(gold_dir.glob("*.gold.json"))


def read_gold(path: Path) -> dict:
    try:
        g = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not valid JSON: {e}") from e
    for k in ("doc_id", "url", "query", "sha256", "body_spans", "split"):
        if k not in g:
            raise ValueError(f"{path}: missing {k!r}")
    return g


def materialise(g: dict, raw: str) -> dict:
    """The FORMAT gold document: offsets replaced by the text they point at."""
    body = "\n\n".join(raw[a:b] for a, b in g["body_spans"])
    meta = dict(g.get("metadata") or {})
    ts = g.get("title_span")
    meta["title"] = raw[ts[0]:ts[1]] if ts else None
    facts = []
    for f in g.get("facts", []):
        f = json.loads(json.dumps(f))
        for ev in f.get("evidence", []):
            ev["sentence"] = body[ev["start"]:ev["end"]]
        span = (f.get("args") or {}).pop("text_span", None)
        if span:
            f["args"]["text"] = body[span[0]:span[1]]
        facts.append(f)
    out = {k: v for k, v in g.items() if k not in ("body_spans", "title_span", "facts", "metadata")}
    out.update(metadata=meta, body=body, facts=facts)
    return out


def load_set(split: str | None = None, gold_dir: Path = GOLD_DIR) -> RealSet:
    """One split ('train', 'dev', 'test') or all of them (None)."""
    if split is not None and split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; one of {', '.join(SPLITS)}")
    rs = RealSet()
    for path in gold_files(gold_dir):
        g = read_gold(path)
        if split and g["split"] != split:
            continue
        raw = read_page(g["doc_id"])
        if raw is None or text_hash(raw) != g["sha256"]:
            rs.problems.append(Problem(g["doc_id"], g["url"], g["query"],
                                       "missing" if raw is None else "changed", page_path(g["doc_id"])))
            continue
        rs.gold[g["doc_id"]] = materialise(g, raw)
        rs.raw[g["doc_id"]] = raw
    return rs


def summary(gold_dir: Path = GOLD_DIR) -> dict:
    """Counts by split, language, outlet and sector over the gold files (no cache needed)."""
    import collections
    c: dict[str, collections.Counter] = {k: collections.Counter() for k in ("split", "language", "outlet", "sector", "shape")}
    n = 0
    for path in gold_files(gold_dir):
        g = read_gold(path)
        n += 1
        for k in c:
            c[k][g.get(k) or "?"] += 1
    return {"documents": n, **{k: dict(v.most_common()) for k, v in c.items()}}
