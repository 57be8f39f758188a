"""Train the line check of the cleaning stage (warta/clean/line_filter.py) on the
labelled lines of the real set's train pages and write warta/data/clean/line_filter.json.

    python -m warta.clean.train_line_filter            # train on train, threshold on dev
    python -m warta.clean.train_line_filter --dry-run  # report only

Recipe: every cached page of the split is cleaned by the rules alone; each line
the rules keep is labelled by the page's gold file: article when the gold body
holds it (its `body_spans` are a selection of the page's lines), chrome otherwise
(title, byline, date, menus, captions, lists).  Logistic regression (numpy, L2 on
the weights but not the bias, class-balanced, full-batch gradient descent) on the
kept lines the rules are not sure of (`line_filter.Page.sure`).  The threshold is the
one of a grid with the lowest dev chrome leak among those that keep dev body-line
recall within RECALL_SLACK of the rules' and at or above RECALL_FLOOR (lines scored
as `warta eval` scores them); ties go to the best train recall minus leak.
"""
from __future__ import annotations

import argparse
import json

import numpy as np

from warta import logistic
from warta.clean import line_filter
from warta.clean import lines as L
from warta.clean.reflow import reflow
from warta.clean.text import clean_lines
from warta.read.text import page_from_text
from warta.realset.lines import MIN_CONTAINED, _norm, page_lines
from warta.realset.load import load_set

L2, STEPS, RATE = 3.0, 4000, 0.5
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 19)]
RECALL_FLOOR, RECALL_SLACK = 0.98, 0.003


def _pages(split: str) -> list[dict]:
    """Per page: its raw text, gold body, the rules' paragraphs and the unsure kept lines
    as (position in the paragraphs, features, label)."""
    rs = load_set(split)
    out = []
    for did, raw in sorted(rs.raw.items()):
        gold_body = rs.gold[did].get("body") or ""
        gold = {_norm(p) for p in gold_body.split("\n\n") if _norm(p)}
        flat = " ".join(gold)
        text = reflow(page_from_text(raw, did, source="realset").content)
        c = clean_lines(text, learned=False)
        lines = [L.norm_line(s) for s in text.split("\n")]
        page = line_filter.Page(lines, c.paragraphs, c.head)
        rows = []
        if len(page.kept_at) == len(c.paragraphs):
            for k, i in enumerate(page.kept_at):
                if not page.sure(i):
                    pl = page.line(i)
                    s = _norm(pl.text)
                    rows.append((k, pl.features, float(s in gold or len(s) >= MIN_CONTAINED and s in flat)))
        out.append({"doc_id": did, "raw": raw, "gold": gold_body, "paragraphs": c.paragraphs, "rows": rows})
    return out


def _lines(pages: list[dict], w: np.ndarray | None, th: float) -> dict:
    """Body-line recall and chrome leak of the pages with the model's drops (None: the rules)."""
    tot = [0, 0, 0, 0]
    empty = 0
    for pg in pages:
        drop = set()
        if w is not None:
            drop = {k for k, x, _ in pg["rows"] if logistic.probability(list(w), x) < th}
            if len(drop) >= len(pg["paragraphs"]):
                drop = set()
        body = "\n\n".join(p for k, p in enumerate(pg["paragraphs"]) if k not in drop)
        empty += not body.strip()
        tot = [a + b for a, b in zip(tot, page_lines(pg["raw"], pg["gold"], body))]
    b, bk, o, ok = tot
    return {"body_line_recall": round(bk / b, 4), "chrome_leak": round(ok / o, 4), "body_lines": b,
            "other_lines": o, "empty_bodies": empty}


def _margin(r: dict) -> float:
    return r["body_line_recall"] - r["chrome_leak"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    train, dev = _pages("train"), _pages("dev")
    rows = [(x, y) for pg in train for _, x, y in pg["rows"]]
    X = np.array([x for x, _ in rows])
    y = np.array([y for _, y in rows])
    w = logistic.fit(X, y, STEPS, RATE, L2, balanced=True)
    rules = {"train": _lines(train, None, 0), "dev": _lines(dev, None, 0)}
    floor = max(RECALL_FLOOR, rules["dev"]["body_line_recall"] - RECALL_SLACK)
    ok = [th for th in THRESHOLDS if _lines(dev, w, th)["body_line_recall"] >= floor]
    best = max(ok, key=lambda th: (-_lines(dev, w, th)["chrome_leak"], _margin(_lines(train, w, th)), -th)) if ok else 0.0
    model = {"features": list(line_filter.FEATURES), "weights": [round(float(v), 4) for v in w], "threshold": best,
             "trained_on": "realset:train", "thresholded_on": "realset:dev",
             "examples": {"article": int(y.sum()), "chrome": int(len(y) - y.sum())},
             "recipe": f"python -m warta.clean.train_line_filter (logistic regression on the unsure lines the rules "
                       f"keep, class-balanced, L2 {L2}, {STEPS} steps, rate {RATE}; threshold: lowest dev chrome leak "
                       f"with dev body-line recall >= {floor:.4f}, ties to the best train recall - leak)",
             "lines": {"rules_only": rules,
                       "rules_and_model": {"train": _lines(train, w, best), "dev": _lines(dev, w, best)}}}
    print(json.dumps(model, indent=1))
    for th in THRESHOLDS:
        print(th, _lines(train, w, th), _lines(dev, w, th))
    if not a.dry_run:
        line_filter.MODEL.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
