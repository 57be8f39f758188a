"""Train the PARTNERSHIP candidate check (warta/facts/partnership_filter.py) on the
real set's train split and write warta/data/facts/partnership_filter.json.

    python -m warta.facts.train_partnership_filter            # train on train, report dev
    python -m warta.facts.train_partnership_filter --dry-run  # report only

Recipe: the pipeline up to 'resolve' on every cached page of the split; the
partnership rules' candidates (one per party set); a candidate is positive when it
matches a required gold PARTNERSHIP by the scorer's rule, negative when it matches
none, and left out when it matches only optional ones.  Logistic regression (numpy,
L2 on the weights but not the bias, full-batch gradient descent).  The threshold is
the one that gives the best PARTNERSHIP F1 on train, scored as `warta eval` does.
"""
from __future__ import annotations

import argparse
import json

import numpy as np

from warta import evaluate as ev
from warta import logistic
from warta.facts import partnership, partnership_filter
from warta.facts.context import DocView
from warta.pipeline import Pipeline
from warta.read.text import page_from_text
from warta.realset.load import load_set

L2, STEPS, RATE = 1.0, 3000, 1.0
THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 15)]


def _candidates(split: str):
    """[(doc_id, fact, features)], gold"""
    rs = load_set(split)
    pages = [page_from_text(t, d, source=f"realset:{d}", url=rs.gold[d].get("url")) for d, t in sorted(rs.raw.items())]
    pipe = Pipeline(("clean", "language", "nlp", "resolve"))
    out = []
    for i in range(0, len(pages), 16):
        for wd in pipe.run_many(pages[i:i + 16]):
            if not hasattr(wd, "doc"):
                continue
            v = DocView(wd)
            for f in partnership.candidates(v):
                out.append((wd.doc.doc_id, f, partnership_filter.features(v, f)))
    return out, rs.gold


def _label(did: str, f, gold: dict) -> float | None:
    g = gold[did]
    names = ev.Names(g)
    gf = g.get("facts", [])
    dp = set().union(*[names.many(x["args"].get("parties")) for x in gf if x["type"] == "PARTNERSHIP"])
    hits = [x for x in gf if x["type"] == "PARTNERSHIP" and ev.fact_match(f.model_dump(mode="json"), x, names, dp)]
    if hits and all(x.get("optional") for x in hits):
        return None
    return 1.0 if hits else 0.0


def _f1(cands, gold, w: np.ndarray | None, th: float) -> tuple[float, float, float]:
    """PARTNERSHIP P/R/F1 over `gold` with the candidates the model keeps."""
    preds: dict[str, dict] = {d: {"doc_id": d, "facts": [], "entities": []} for d in gold}
    for did, f, x in cands:
        if w is None or logistic.probability(list(w), list(x)) >= th:
            preds[did]["facts"].append(f.model_dump(mode="json"))
    only = {d: {**g, "facts": [x for x in g.get("facts", []) if x["type"] == "PARTNERSHIP"],
                "annotated_types": ["PARTNERSHIP"]} for d, g in gold.items()}
    return tuple(ev.score(preds, only)["fact_prf"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    train, gtrain = _candidates("train")
    dev, gdev = _candidates("dev")
    rows = [(x, _label(d, f, gtrain)) for d, f, x in train]
    X = np.array([x for x, y in rows if y is not None])
    y = np.array([y for x, y in rows if y is not None])
    w = logistic.fit(X, y, STEPS, RATE, L2)
    best = max(THRESHOLDS, key=lambda th: (_f1(train, gtrain, w, th)[2], -th))
    report = {"rules_only": {"train": _f1(train, gtrain, None, 0), "dev": _f1(dev, gdev, None, 0)},
              "rules_and_model": {"train": _f1(train, gtrain, w, best), "dev": _f1(dev, gdev, w, best)}}
    model = {"features": list(partnership_filter.FEATURES), "weights": [round(float(x), 4) for x in w],
             "threshold": best, "trained_on": "realset:train", "examples": {"positive": int(y.sum()), "negative": int(len(y) - y.sum())},
             "recipe": f"python -m warta.facts.train_partnership_filter (logistic regression, L2 {L2}, {STEPS} steps, rate {RATE}; threshold best train F1)",
             "partnership_prf": {k: {s: [round(x, 3) for x in v] for s, v in d.items()} for k, d in report.items()}}
    print(json.dumps(model, indent=1))
    if not a.dry_run:
        partnership_filter.MODEL.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
