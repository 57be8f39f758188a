"""Article extraction side by side in one run: trafilatura's own `extract` with its
defaults, readability-lxml, and Warta's HTML path (warta.clean.html).

Sets (under ../shared/data/extraction):
- `wcxb`: the article pages of WCXB's development split (CC BY 4.0).  Body: word F1 per
  page as its README defines it (\\w+ tokens, lower-cased, as counters; a page whose
  reference is empty scores 1 only for an empty answer), averaged over pages; title,
  author and date exact (see `same_title`, `same_authors`, `same_date`), a missing value
  right only where the reference has none.
- `scrapinghub`: the 181-page article benchmark, body F1 per page and micro-averaged.

usage: python bench/extraction.py [--set wcxb|scrapinghub|both] [--limit N]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction"


def tokens(s: str | None) -> collections.Counter:
    return collections.Counter(re.findall(r"\w+", (s or "").lower()))


def word_f1(pred: str | None, ref: str) -> float:
    p, r = tokens(pred), tokens(ref)
    if not r:
        return 1.0 if not p else 0.0
    overlap = sum((p & r).values())
    if not overlap:
        return 0.0
    prec, rec = overlap / sum(p.values()), overlap / sum(r.values())
    return 2 * prec * rec / (prec + rec)


def counts(pred: str | None, ref: str) -> tuple[int, int, int]:
    p, g = tokens(pred), tokens(ref)
    tp = sum((p & g).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "")).strip()


def same_title(pred: str | None, gold: str | None) -> bool:
    return _norm(pred).casefold() == _norm(gold).casefold()


def _names(s: str | None) -> set[str]:
    parts = re.split(r"\s*(?:[,;&|]|\band\b|\bdan\b)\s*", _norm(s).casefold())
    return {p for p in parts if p}


def same_authors(pred: str | None, gold: str | None) -> bool:
    return _names(pred) == _names(gold)


def same_date(pred: str | None, gold: str | None) -> bool:
    return (pred or "")[:10] == (gold or "")[:10]


# each system: html -> (body, title, author, date)
def _trafilatura(html: str):
    import trafilatura
    body = trafilatura.extract(html) or ""
    meta = trafilatura.extract_metadata(html)
    return body, meta.title if meta else None, meta.author if meta else None, meta.date if meta else None


def _readability(html: str):
    import lxml.html
    from readability import Document
    d = Document(html)
    try:
        body = lxml.html.fromstring(d.summary()).text_content()
    except Exception:  # noqa: BLE001 - a page it cannot parse scores 0, as an empty answer
        body = ""
    return body, d.short_title() or None, None, None


def _warta(html: str):
    """Warta's clean stage as `warta extract` runs it on an HTML page: the body it stores."""
    from warta.clean.stage import NoArticle, clean
    from warta.model import RawPage
    from warta.pipeline import start
    try:
        wd = clean(start(RawPage(doc_id="bench", source="bench.html", kind="html", content=html)))
    except NoArticle:
        return "", None, None, None
    m = wd.doc.metadata
    return wd.doc.body, m.title, "; ".join(m.authors) or None, m.published


SYSTEMS = {"trafilatura": _trafilatura, "readability-lxml": _readability, "warta": _warta}


def wcxb_pages(limit: int):
    d = DATA / "wcxb" / "dev"
    for g in sorted((d / "ground-truth").glob("*.json"))[: limit or None]:
        gt = json.loads(g.read_text(encoding="utf-8"))["ground_truth"]
        html = gzip.decompress((d / "html" / f"{g.stem}.html.gz").read_bytes()).decode("utf-8", "replace")
        yield g.stem, html, gt.get("main_content") or "", gt.get("title"), gt.get("author"), gt.get("publish_date")


def scrapinghub_pages(limit: int):
    d = DATA / "scrapinghub"
    gold = json.loads((d / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold)[: limit or None]:
        html = gzip.decompress((d / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        yield key, html, gold[key]["articleBody"], None, None, None


def run(pages: list, with_meta: bool) -> dict:
    res = {}
    for name, fn in SYSTEMS.items():
        per, micro, meta = [], [0, 0, 0], collections.Counter()
        t0 = time.perf_counter()
        for _, html, body, title, author, date in pages:
            b, t, a, dt = fn(html)
            per.append(word_f1(b, body))
            micro = [x + y for x, y in zip(micro, counts(b, body))]
            if with_meta:
                meta["title"] += same_title(t, title)
                meta["author"] += same_authors(a, author)
                meta["date"] += same_date(dt, date)
        secs = time.perf_counter() - t0
        tp, fp, fn_ = micro
        r = {"pages": len(pages), "mean_page_f1": round(statistics.mean(per), 4),
             "micro_f1": round(2 * tp / max(1, 2 * tp + fp + fn_), 4),
             "pages_per_second": round(len(pages) / secs, 1)}
        if with_meta:
            r.update({f"{k}_exact": round(meta[k] / len(pages), 4) for k in ("title", "author", "date")})
        res[name] = r
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=["wcxb", "scrapinghub", "both"], default="both")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "extraction.json"))
    a = ap.parse_args()
    sets = ["wcxb", "scrapinghub"] if a.set == "both" else [a.set]
    out = {}
    for s in sets:
        if not (DATA / s).exists():
            sys.exit(f"{DATA / s} is absent")
        pages = list(wcxb_pages(a.limit) if s == "wcxb" else scrapinghub_pages(a.limit))
        out[s] = run(pages, with_meta=s == "wcxb")
        print(f"\n{s}: {len(pages)} pages")
        cols = ["mean_page_f1", "micro_f1", "title_exact", "author_exact", "date_exact", "pages_per_second"]
        print(f"{'system':17}" + "".join(f"{c:>17}" for c in cols))
        for name, r in out[s].items():
            print(f"{name:17}" + "".join(f"{r.get(c, '-')!s:>17}" for c in cols))
    Path(a.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
