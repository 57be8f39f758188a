"""Drafts (in the cache, with text) become gold files (in git, offsets only).

A draft, `drafts/<doc_id>.json`, is what an annotator writes: the page's body as
line numbers of the cached text, the title and every evidence sentence or quote
as an exact substring.  `compile_draft` checks each against the cached text and
writes `tests/realset/gold/<doc_id>.gold.json` holding offsets in their place, so
nobody's prose enters the repository; `warta.realset.load` puts the text back.

    python -m warta.realset.compile [DRAFT.json ...]     # all drafts when none given
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from warta.model import FACT_TYPES, STATUS_VALUES, EntityType
from warta.realset.cache import GOLD_DIR, doc_id, drafts_dir, page_path, split_of, text_hash

STATUS = {t: set(v) for t, v in STATUS_VALUES.items() if v}
ENTITY_TYPES = set(EntityType.__args__)  # type: ignore[attr-defined]
META_KEYS = ("published", "authors", "editors", "site", "dateline", "cited_sources")
QUOTE_CLOSERS = ",.;: \u00a0"       # what closes quoted words inside the marks, not part of them
SECTORS = ("ev_battery", "nickel_mining", "energy", "telecom", "ecommerce", "banking_fintech", "ai_datacentre",
           "fmcg_property", "other")
SHAPES = ("flattened", "amp", "hard_wrapped", "wire", "cut")
DEAL_KINDS = ("rumoured", "negotiated", "signed", "cancelled", "denied", "postponed", "none")
KEEP_KEYS = ("url", "query", "language", "outlet", "sector", "shape", "year", "deal_kinds")


class DraftError(ValueError):
    pass


def parse_lines(spec: str | list, n: int) -> list[int]:
    """'0-3,5,7-9' (or a list of ints) -> sorted line numbers, each < n."""
    if isinstance(spec, list):
        out = [int(x) for x in spec]
    else:
        out = []
        for part in str(spec).replace(" ", "").split(","):
            if not part:
                continue
            a, _, b = part.partition("-")
            out.extend(range(int(a), int(b or a) + 1))
    bad = [i for i in out if not 0 <= i < n]
    if bad:
        raise DraftError(f"body_lines {bad} outside the page's {n} lines")
    return sorted(set(out))


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, surrounding spaces trimmed."""
    spans, pos = [], 0
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip())
        spans.append((pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    return spans


def find(hay: str, needle: str, what: str) -> tuple[int, int]:
    if not needle:
        raise DraftError(f"{what}: empty")
    i = hay.find(needle)
    if i < 0:
        # tolerate differences of white space only, and report where
        pat = r"\s+".join(map(re.escape, needle.split()))
        m = re.search(pat, hay)
        if not m:
            raise DraftError(f"{what}: not found in the text: {needle[:80]!r}")
        return m.start(), m.end()
    return i, i + len(needle)


def compile_draft(draft: dict, source: str = "draft") -> dict:
    url = draft.get("url")
    if not url or not draft.get("query"):
        raise DraftError(f"{source}: url and query are required")
    did = doc_id(url)
    p = page_path(did)
    if not p.exists():
        raise DraftError(f"{source}: no cached text {p}")
    raw = p.read_text(encoding="utf-8")
    spans = line_spans(raw)
    lines = [s for s in (spans[i] for i in parse_lines(draft.get("body_lines", ""), len(spans))) if s[1] > s[0]]
    if not lines:
        raise DraftError(f"{source}: body_lines selects no text")
    body = "\n\n".join(raw[a:b] for a, b in lines)
    gold: dict = {"doc_id": did, "split": split_of(url), "sha256": text_hash(raw)}
    gold.update({k: draft[k] for k in KEEP_KEYS if k in draft})
    if gold.get("language") not in ("id", "en"):
        raise DraftError(f"{source}: language must be 'id' or 'en'")
    for key, allowed in (("sector", SECTORS), ("shape", SHAPES)):
        if key in gold and gold[key] not in allowed:
            raise DraftError(f"{source}: {key} {gold[key]!r} is not one of {', '.join(allowed)}")
    bad = sorted(set(gold.get("deal_kinds") or []) - set(DEAL_KINDS))
    if bad:
        raise DraftError(f"{source}: deal_kinds {bad} not among {', '.join(DEAL_KINDS)}")
    meta = {k: (draft.get("metadata") or {}).get(k) for k in META_KEYS}
    for k in ("authors", "editors", "cited_sources"):
        meta[k] = meta[k] or []
    if (draft.get("metadata") or {}).get("published_note"):
        meta["published_note"] = draft["metadata"]["published_note"]
    if draft.get("title"):
        a, b = find(raw, draft["title"], f"{source}: title")
        gold["title_span"] = [a, b]
    gold["metadata"] = meta
    gold["body_spans"] = [list(s) for s in lines]
    ents = []
    for e in draft.get("entities", []):
        if e.get("type") not in ENTITY_TYPES or not e.get("name"):
            raise DraftError(f"{source}: entity {e!r}: needs a type of {sorted(ENTITY_TYPES)} and a name")
        for a in e.get("aliases_in_text", []):
            if a.casefold() not in body.casefold():
                raise DraftError(f"{source}: alias {a!r} of {e['name']!r} is not in the body")
        ents.append({k: e[k] for k in ("type", "name", "aliases_in_text", "alt_names", "optional") if k in e})
    gold["entities"] = ents
    facts = []
    for j, f in enumerate(draft.get("facts", [])):
        where = f"{source}: fact {j} ({f.get('type')})"
        t = f.get("type")
        if t not in FACT_TYPES:
            raise DraftError(f"{where}: unknown type")
        st = f.get("status")
        if t in STATUS and st not in STATUS[t]:
            raise DraftError(f"{where}: status {st!r} not one of {sorted(STATUS[t])}")
        if t in ("ROLE", "QUOTE"):
            f = {**f, "certainty": None}   # as in the seeds: neither has a status nor a certainty
        elif f.get("certainty") not in ("asserted", "hedged"):
            raise DraftError(f"{where}: certainty must be asserted or hedged")
        args = dict(f.get("args") or {})
        if t == "QUOTE" and args.get("text"):
            a, b = find(body, args.pop("text"), f"{where} quote")
            while b > a and body[b - 1] in QUOTE_CLOSERS:      # "Kami siap," kata ... -> Kami siap
                b -= 1
            args["text_span"] = [a, b]
        ev = []
        for s in f.get("evidence") or []:
            a, b = find(body, s, f"{where} evidence")
            ev.append({"start": a, "end": b})
        if not ev:
            raise DraftError(f"{where}: no evidence")
        out = {"type": t, "args": args, "status": st if t in STATUS else None,
               "certainty": f.get("certainty"), "evidence": ev, "flags": f.get("flags") or []}
        if f.get("optional"):
            out["optional"] = True
        facts.append(out)
    gold["facts"] = facts
    gold["annotation"] = draft.get("annotation") or {}
    return gold


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(drafts_dir().glob("*.json"))
    GOLD_DIR.mkdir(parents=True, exist_ok=True)
    bad = 0
    for path in paths:
        try:
            draft = json.loads(path.read_text(encoding="utf-8"))
            gold = compile_draft(draft, str(path))
        except (DraftError, json.JSONDecodeError, ValueError) as e:
            print(f"ERROR {path}: {e}", file=sys.stderr)
            bad += 1
            continue
        out = GOLD_DIR / f"{gold['doc_id']}.gold.json"
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"ok {path.name} -> {out.name} [{gold['split']}] {len(gold['entities'])} entities, {len(gold['facts'])} facts")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
