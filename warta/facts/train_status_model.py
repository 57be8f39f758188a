"""Train the status model (warta/facts/status_model.py) and write
warta/data/facts/status_model.json.

    python -m warta.facts.train_status_model            # train, report, write
    python -m warta.facts.train_status_model --dry-run  # report only

Recipe: the pipeline with the rules' statuses (WARTA_STATUS_MODEL=0, every
PARTNERSHIP candidate kept) on every cached page of realset:train and on the
regression set (tests/regression); each predicted fact that matches a required
gold fact with a status, by the scorer's rule, is one example, labelled with the
gold status's stage.  One softmax regression over the stages for all types
(numpy, L2 on every weight but the bias and the rules' stage, full-batch gradient
descent).  The L2 strength is the one with the best status accuracy on
realset:dev; the report gives the rules alone (the clause reading, else the
extractor's cue words) and rules + model on train (in sample and 5-fold cross-validated by document, the honest
estimate), dev and the regression set, overall and by type.
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

from warta import evaluate as ev
from warta.facts import status_model
from warta.facts.status_model import STAGES, TYPES
from warta.pipeline import Pipeline
from warta.read import read_inputs
from warta.read.text import page_from_text
from warta.realset.load import load_set

REGRESSION = Path(__file__).resolve().parents[2] / "tests" / "regression"
L2S = (0.3, 1.0, 3.0, 10.0, 30.0)
STEPS, RATE, FOLDS = 3000, 0.5, 5


def _year(doc: dict) -> int | None:
    d = (doc.get("metadata") or {}).get("date") or ""
    return int(d[:4]) if d[:4].isdigit() else None


def _examples(pred: dict[str, dict], gold: dict[str, dict]) -> list[dict]:
    """One row per predicted fact that matches a required gold fact with a status."""
    out = []
    for did, g in sorted(gold.items()):
        p = pred.get(did)
        if p is None:
            continue
        names = ev.Names(g)
        gf = g.get("facts", [])
        dp = set().union(*[names.many(f["args"].get("parties")) for f in gf if f["type"] == "PARTNERSHIP"])
        used: set[int] = set()
        for f in p.get("facts") or []:
            free = [i for i, x in enumerate(gf) if i not in used and ev.fact_match(f, x, names, dp)]
            if not free:
                continue
            used.add(free[0])
            x = gf[free[0]]
            if x.get("optional") or not x.get("status") or f["type"] not in TYPES:
                continue
            sents, starts = [e["sentence"] for e in f["evidence"]], [e["start"] for e in f["evidence"]]
            title, year = (p.get("metadata") or {}).get("title"), _year(p)
            out.append({"doc": did, "type": f["type"], "rule": f["status"], "gold": x["status"],
                        "stage": STAGES.index(status_model.stage_of(f["type"], x["status"])),
                        "x": status_model.features(f["type"], f["status"], sents, starts, p["body"], title, year,
                                                     status_model.names_of(f["args"]))})
    return out


def _run(pages) -> dict[str, dict]:
    return {r.doc.doc_id: r.doc.model_dump(mode="json") for r in Pipeline().process(pages) if hasattr(r, "doc")}


def collect(split: str) -> list[dict]:
    if split == "regression":
        return _examples(_run(read_inputs([str(REGRESSION / "pages")])), ev.load_gold([REGRESSION / "gold"]))
    rs = load_set(split)
    pages = [page_from_text(t, d, source=f"realset:{d}", url=rs.gold[d].get("url")) for d, t in sorted(rs.raw.items())]
    return _examples(_run(pages), rs.gold)


def fit(rows: list[dict], l2: float) -> np.ndarray:
    X, y = np.array([r["x"] for r in rows]), np.array([r["stage"] for r in rows])
    W = np.zeros((len(STAGES), X.shape[1]))
    Y = np.eye(len(STAGES))[y]
    mask = np.ones_like(W)
    mask[:, :status_model.UNPENALISED] = 0.0
    for _ in range(STEPS):
        Z = X @ W.T
        P = np.exp(Z - Z.max(axis=1, keepdims=True))
        P /= P.sum(axis=1, keepdims=True)
        W -= RATE * ((P - Y).T @ X + l2 * mask * W) / len(y)
    return W


def predict(W: np.ndarray, r: dict) -> str | None:
    allowed = [i for i, s in enumerate(STAGES) if status_model.status_of(r["type"], s, None)]
    z = W @ np.array(r["x"])
    return status_model.status_of(r["type"], STAGES[max(allowed, key=lambda i: z[i])], r["rule"])


def accuracy(rows: list[dict], answer) -> dict:
    def acc(rs):
        return [round(sum(answer(r) == r["gold"] for r in rs) / len(rs), 3) if rs else None, len(rs)]
    return {"all": acc(rows), **{t: acc([r for r in rows if r["type"] == t]) for t in TYPES}}


def cross_validated(train_rows: list[dict], extra: list[dict], l2: float) -> dict:
    """5-fold by document over train, `extra` always in the training folds."""
    docs = sorted({r["doc"] for r in train_rows})
    fold = {d: i % FOLDS for i, d in enumerate(docs)}
    got: dict[int, str | None] = {}
    for k in range(FOLDS):
        W = fit([r for r in train_rows if fold[r["doc"]] != k] + extra, l2)
        got.update({id(r): predict(W, r) for r in train_rows if fold[r["doc"]] == k})
    return accuracy(train_rows, lambda r: got[id(r)])


def _dev_accuracy(rows: list[dict], W: np.ndarray) -> float:
    return accuracy(rows, lambda r: predict(W, r))["all"][0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    os.environ["WARTA_STATUS_MODEL"] = "0"   # the examples carry the rules' status
    os.environ["WARTA_PARTNERSHIP_FILTER"] = "0"
    sets = {s: collect(s) for s in ("train", "dev", "regression")}
    fit_rows = sets["train"] + sets["regression"]
    by_l2 = {l2: _dev_accuracy(sets["dev"], fit(fit_rows, l2)) for l2 in L2S}
    cv_by_l2 = {l2: cross_validated(sets["train"], sets["regression"], l2)["all"][0] for l2 in L2S}
    best = max(L2S, key=lambda l2: (by_l2[l2], l2))
    W = fit(fit_rows, best)
    report = {"rules_only": {s: accuracy(r, lambda r: r["rule"]) for s, r in sets.items()},
              "rules_and_model": {**{s: accuracy(r, lambda r: predict(W, r)) for s, r in sets.items()},
                                  "train_5fold": cross_validated(sets["train"], sets["regression"], best)},
              "dev_by_l2": {str(k): v for k, v in by_l2.items()},
              "train_5fold_by_l2": {str(k): v for k, v in cv_by_l2.items()}}
    out = {"trained_on": "realset:train + tests/regression", "l2": best,
           "recipe": f"python -m warta.facts.train_status_model (softmax regression over stages, L2 chosen on dev from "
                     f"{list(L2S)}, {STEPS} steps, rate {RATE})",
           "status_accuracy": report, "stages": list(STAGES), "features": list(status_model.FEATURES),
           "weights": [[round(float(w), 4) for w in row] for row in W]}
    print(json.dumps({k: v for k, v in out.items() if k not in ("weights", "features")}, indent=1))
    if not a.dry_run:
        status_model.MODEL.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
