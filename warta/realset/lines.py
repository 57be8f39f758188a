"""Page lines kept and leaked: the cleaning stage judged line by line on real pages.

A page's gold body is a selection of its lines (the draft's `body_lines`), so every
non-empty line of the page is either an article line or not (title, byline, date,
menus, captions, link lists: the rest).  A line counts as kept when the predicted
body holds it: as one of its paragraphs, or inside one when the line is long enough
not to match by chance, or joined to the line before or after it (a hard-wrapped page
is re-flowed into longer paragraphs), or when a paragraph holds most of it (a line
whose "date 2024-12-06" or dateline prefix went to the metadata).

- body-line recall: article lines kept / article lines;
- chrome leak: other lines kept / other lines;
- empty bodies: pages whose predicted body is empty (or that failed).
"""
from __future__ import annotations

import re

MIN_CONTAINED = 25


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def page_lines(raw: str, gold_body: str, pred_body: str | None) -> tuple[int, int, int, int]:
    """(article lines, article lines kept, other lines, other lines kept) of one page."""
    gold = {_norm(p) for p in gold_body.split("\n\n") if _norm(p)}
    paras = [_norm(p) for p in (pred_body or "").split("\n\n") if _norm(p)]
    kept_exact, flat = set(paras), " \n ".join(paras)
    body = body_kept = other = other_kept = 0
    lines = [_norm(x) for x in raw.split("\n")]
    lines = [x for x in lines if x]
    for i, s in enumerate(lines):
        # a short line re-flowed into a paragraph is found with its neighbour
        kept = s in kept_exact or (len(s) >= MIN_CONTAINED and s in flat) or \
            (i > 0 and f"{lines[i - 1]} {s}" in flat) or (i + 1 < len(lines) and f"{s} {lines[i + 1]}" in flat) or \
            any(len(p) >= MIN_CONTAINED and p in s and len(p) >= 0.8 * len(s) for p in paras)
        if s in gold:
            body += 1
            body_kept += kept
        else:
            other += 1
            other_kept += kept
    return body, body_kept, other, other_kept


def line_report(pred: dict[str, dict], gold: dict[str, dict], raw: dict[str, str]) -> dict:
    tot = [0, 0, 0, 0]
    empty = []
    for did, g in gold.items():
        body = (pred.get(did) or {}).get("body") or ""
        if not body.strip():
            empty.append(did)
        tot = [a + b for a, b in zip(tot, page_lines(raw[did], g.get("body") or "", body))]
    b, bk, o, ok = tot
    return {"body_lines": b, "body_line_recall": round(bk / b, 4) if b else None,
            "other_lines": o, "chrome_leak": round(ok / o, 4) if o else None, "empty_bodies": empty}
