"""Scores on the real set with 95 % bootstrap intervals, by language and by type.

The point figures are `warta.evaluate.score` (the founders' scorer); the
intervals resample documents with replacement (1,000 draws, fixed seed).
"""
from __future__ import annotations

import random
from typing import Any

from warta import evaluate as ev

HEADLINE = {
    "fact F1": lambda r: r["fact_prf"][2],
    "entity F1": lambda r: r["entity_prf"][2],
    "status acc": lambda r: r["status_acc"],
    "certainty acc": lambda r: r["certainty_acc"],
    "body F1": lambda r: r["body_f1"],
    "title acc": lambda r: r["title_acc"],
    "date acc": lambda r: r["date_acc"],
    "author acc": lambda r: r["author_acc"],
}


def bootstrap(pred: dict[str, dict], gold: dict[str, dict], draws: int = 1000, seed: int = 13) -> dict[str, tuple]:
    ids = sorted(gold)
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {k: [] for k in HEADLINE}
    for _ in range(draws if ids else 0):
        pick = [rng.choice(ids) for _ in ids]
        # documents drawn twice are scored twice: rename the copies
        g = {f"{d}#{i}": gold[d] for i, d in enumerate(pick)}
        p = {f"{d}#{i}": {**pred.get(d, {}), "doc_id": f"{d}#{i}"} for i, d in enumerate(pick)}
        r = ev.score(p, {k: {**v, "doc_id": k} for k, v in g.items()})
        for k, fn in HEADLINE.items():
            v = fn(r)
            if v is not None:
                samples[k].append(v)
    out = {}
    for k, xs in samples.items():
        xs.sort()
        out[k] = (xs[int(0.025 * len(xs))], xs[min(len(xs) - 1, int(0.975 * len(xs)))]) if xs else (None, None)
    return out


def full_report(pred: dict[str, dict], gold: dict[str, dict], draws: int = 1000,
                raw: dict[str, str] | None = None) -> dict[str, Any]:
    res = ev.score(pred, gold)
    if raw is not None:
        from warta.realset.lines import line_report
        res["lines"] = line_report(pred, gold, raw)
    res["interval95"] = bootstrap(pred, gold, draws)
    by_lang = {}
    for lang in sorted({g.get("language") for g in gold.values()}):
        sub = {d: g for d, g in gold.items() if g.get("language") == lang}
        r = ev.score(pred, sub)
        by_lang[lang] = {"docs": len(sub), "fact_prf": r["fact_prf"], "entity_prf": r["entity_prf"],
                         "status_acc": r["status_acc"], "certainty_acc": r["certainty_acc"],
                         "fact_prf_by_type": r["fact_prf_by_type"], "entity_prf_by_type": r["entity_prf_by_type"]}
    res["by_language"] = by_lang
    return res


def errors(pred: dict[str, dict], gold: dict[str, dict]) -> list[str]:
    """Each miss with the sentence it concerns: gold evidence for misses, predicted evidence for false alarms."""
    res = ev.score(pred, gold)
    lines = []
    for d in res["detail"]:
        did = d.split(":", 1)[0]
        lines.append(d)
        if " fact FN " in d or " fact FP " in d or ("status of" in d) or ("certainty of" in d):
            sent = _sentence_for(d, pred.get(did) or {}, gold.get(did) or {})
            if sent:
                lines.append(f"      « {sent[:300]} »")
    return lines


def _sentence_for(line: str, p: dict, g: dict) -> str | None:
    label = line.split(": ", 1)[1]
    src = p if " fact FP " in line else g
    for f in src.get("facts") or []:
        if ev._label(f) in label:
            for e in f.get("evidence") or []:
                s = e.get("sentence") or (src.get("body") or "")[e.get("start", 0):e.get("end", 0)]
                if s:
                    return s.replace("\n", " ")
    return None


def print_breakdown(res: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    con = Console()
    f3 = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
    t = Table(title="95 % bootstrap intervals (documents resampled)")
    t.add_column("measure")
    t.add_column("interval", justify="right")
    for k, (lo, hi) in res["interval95"].items():
        t.add_row(k, f"{f3(lo)} - {f3(hi)}")
    con.print(t)
    t = Table(title="by type and language: P / R / F1")
    for c in ("what", "all", *res["by_language"]):
        t.add_column(c)
    rows = [("entities " + k, res["entity_prf_by_type"].get(k)) for k in res["entity_prf_by_type"]]
    for k, v in rows:
        t.add_row(k, " / ".join(f3(x) for x in v),
                  *[" / ".join(f3(x) for x in L["entity_prf_by_type"].get(k.split()[-1], (None,) * 3))
                    for L in res["by_language"].values()])
    for ty, v in res["fact_prf_by_type"].items():
        t.add_row(ty, " / ".join(f3(x) for x in v),
                  *[" / ".join(f3(x) for x in L["fact_prf_by_type"].get(ty, (None,) * 3)) for L in res["by_language"].values()])
    t.add_row("entities", " / ".join(f3(x) for x in res["entity_prf"]),
              *[" / ".join(f3(x) for x in L["entity_prf"]) for L in res["by_language"].values()])
    t.add_row("facts", " / ".join(f3(x) for x in res["fact_prf"]),
              *[" / ".join(f3(x) for x in L["fact_prf"]) for L in res["by_language"].values()])
    t.add_row("status acc", f3(res["status_acc"]), *[f3(L["status_acc"]) for L in res["by_language"].values()])
    t.add_row("certainty acc", f3(res["certainty_acc"]), *[f3(L["certainty_acc"]) for L in res["by_language"].values()])
    t.add_row("documents", str(res["docs"]), *[str(L["docs"]) for L in res["by_language"].values()])
    con.print(t)
    if res.get("lines"):
        ln = res["lines"]
        con.print(f"page lines: body-line recall {f3(ln['body_line_recall'])} of {ln['body_lines']}, "
                  f"chrome leak {f3(ln['chrome_leak'])} of {ln['other_lines']}, "
                  f"empty bodies {len(ln['empty_bodies'])}")
