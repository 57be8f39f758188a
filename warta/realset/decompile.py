"""A gold file and its cached text back into an editable draft (the inverse of compile).

Drafts live only in the cache, so a new machine has none; the second pass, or a
correction, starts from the gold file:

    python -m warta.realset.decompile [DOC_ID ...]     # every gold file whose text is cached

writes `drafts/<doc_id>.json` (never over an existing draft) that compiles back
to the same gold file.
"""
from __future__ import annotations

import json
import sys

from warta.realset.cache import GOLD_DIR, drafts_dir, read_page
from warta.realset.compile import line_spans

GOLD_ONLY = ("doc_id", "split", "sha256", "title_span", "body_spans", "metadata", "entities", "facts", "annotation")


def decompile(gold: dict, raw: str) -> dict:
    spans = line_spans(raw)
    starts = {a: i for i, (a, b) in enumerate(spans)}
    lines = [starts[a] for a, _ in gold["body_spans"]]
    body = "\n\n".join(raw[a:b] for a, b in gold["body_spans"])
    draft = {k: v for k, v in gold.items() if k not in GOLD_ONLY}
    if gold.get("title_span"):
        a, b = gold["title_span"]
        draft["title"] = raw[a:b]
    draft["body_lines"] = ",".join(map(str, lines))
    draft["metadata"] = gold.get("metadata") or {}
    draft["entities"] = gold.get("entities") or []
    facts = []
    for f in gold.get("facts") or []:
        f = json.loads(json.dumps(f))
        args = f.get("args") or {}
        if "text_span" in args:
            a, b = args.pop("text_span")
            args["text"] = body[a:b]
        f["evidence"] = [body[e["start"]:e["end"]] for e in f.get("evidence") or []]
        facts.append(f)
    draft["facts"] = facts
    draft["annotation"] = gold.get("annotation") or {}
    return draft


def main(argv: list[str]) -> int:
    ids = argv or sorted(p.name.split(".")[0] for p in GOLD_DIR.glob("*.gold.json"))
    drafts_dir().mkdir(parents=True, exist_ok=True)
    bad = 0
    for did in ids:
        raw = read_page(did)
        out = drafts_dir() / f"{did}.json"
        if raw is None:
            print(f"skip {did}: no cached text (warta realset check)", file=sys.stderr)
            bad += 1
            continue
        if out.exists():
            print(f"keep {out}: a draft is already there")
            continue
        gold = json.loads((GOLD_DIR / f"{did}.gold.json").read_text(encoding="utf-8"))
        out.write_text(json.dumps(decompile(gold, raw), ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"ok {did} -> {out}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
