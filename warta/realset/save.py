"""Put one page's text into the cache under its id.

    python -m warta.realset.save --url URL --query QUERY FILE

FILE holds the page's text exactly as the search tool returned it (its excerpt,
newlines as line breaks).  Prints the doc id, split, hash and the numbered lines
that a draft's `body_lines` refers to.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from warta.realset.cache import doc_id, drafts_dir, save_page, split_of, text_hash


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m warta.realset.save")
    ap.add_argument("--url", required=True)
    ap.add_argument("--query", required=True)
    ap.add_argument("--annotator", required=True, help="who annotates it (pass 1); another annotator's page is refused")
    ap.add_argument("--force", action="store_true", help="replace a different cached text")
    ap.add_argument("file")
    a = ap.parse_args(argv)
    text = normalise(Path(a.file).read_text(encoding="utf-8"))
    stub = drafts_dir() / f"{doc_id(a.url)}.json"
    if stub.exists():
        owner = json.loads(stub.read_text(encoding="utf-8")).get("annotation", {}).get("pass1")
        if owner and owner != a.annotator:
            print(f"ERROR {a.url}: already taken by {owner}; choose another article", file=sys.stderr)
            return 1
    try:
        did, path = save_page(a.url, text, overwrite=a.force)
    except FileExistsError as e:
        print(f"ERROR {e}", file=sys.stderr)
        return 1
    if not stub.exists():
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(json.dumps({"url": a.url, "query": a.query, "annotation": {"pass1": a.annotator}},
                                   ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{did} split={split_of(a.url)} sha256={text_hash(text)[:16]} -> {path}")
    for i, line in enumerate(text.split("\n")):
        print(f"{i:3d}| {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
