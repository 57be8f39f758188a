"""Article extraction on the Scrapinghub benchmark (../shared/data/extraction/scrapinghub):
trafilatura's own `extract` with its defaults and Warta's HTML path (trafilatura
plus Warta's clean-up), side by side in one run.

Body F1 uses FORMAT.md's tokenisation (\\w+ tokens, case-folded, as counters);
reported per page (mean) and micro-averaged, with pages per second.
usage: python bench/extraction.py [--limit N]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub"


def tokens(s: str | None) -> collections.Counter:
    return collections.Counter(re.findall(r"\w+", (s or "").casefold()))


def prf(pred: str | None, gold: str) -> tuple[int, int, int]:
    p, g = tokens(pred), tokens(gold)
    tp = sum((p & g).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "extraction.json"))
    a = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is absent")
    import trafilatura

    from warta.clean.html import html_to_page

    gold = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold)[: a.limit or None]:
        f = DATA / "html" / f"{key}.html.gz"
        html = gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
        pages.append((key, html, gold[key]["articleBody"]))
    systems = {
        "trafilatura": lambda h: trafilatura.extract(h),
        "warta": lambda h: html_to_page(h).text,
    }
    res = {}
    for name, fn in systems.items():
        micro = [0, 0, 0]
        per_page = []
        t0 = time.perf_counter()
        for _, html, body in pages:
            tp, fp, fn_ = prf(fn(html), body)
            micro = [micro[0] + tp, micro[1] + fp, micro[2] + fn_]
            per_page.append(f1(tp, fp, fn_))
        secs = time.perf_counter() - t0
        res[name] = {"pages": len(pages), "mean_page_f1": round(sum(per_page) / len(per_page), 4),
                     "micro_f1": round(f1(*micro), 4),
                     "precision": round(micro[0] / max(1, micro[0] + micro[1]), 4),
                     "recall": round(micro[0] / max(1, micro[0] + micro[2]), 4),
                     "pages_per_second": round(len(pages) / secs, 1)}
    print(f"{'system':12} {'pages':>5} {'mean F1':>8} {'micro F1':>8} {'P':>7} {'R':>7} {'pages/s':>8}")
    for name, r in res.items():
        print(f"{name:12} {r['pages']:5} {r['mean_page_f1']:8.4f} {r['micro_f1']:8.4f} {r['precision']:7.4f} {r['recall']:7.4f} {r['pages_per_second']:8.1f}")
    Path(a.json).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
