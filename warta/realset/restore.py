"""Put back one gold document's text on a new machine, checking it against the recorded hash.

    python -m warta.realset.restore --url URL FILE

FILE holds the page's text exactly as the search tool returned it for the gold
file's recorded query (`warta realset queries` lists them).  The text is cached
only when its SHA-256 equals the one in the gold file; otherwise nothing is
written and the command says how the two differ, so a changed page is reported
rather than silently scored.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from warta.realset.cache import GOLD_DIR, doc_id, save_page, text_hash
from warta.realset.save import normalise


def restore(url: str, text: str, gold_dir: Path = GOLD_DIR) -> tuple[bool, str]:
    """(ok, message). Caches `text` for the gold document of `url` when its hash matches."""
    did = doc_id(url)
    gold_path = gold_dir / f"{did}.gold.json"
    if not gold_path.exists():
        return False, f"{url}: no gold file {gold_path.name}; new pages go through warta.realset.save"
    want = json.loads(gold_path.read_text(encoding="utf-8"))["sha256"]
    text = normalise(text)
    got = text_hash(text)
    if got != want:
        return False, (f"{gold_path.name}: the text given ({len(text)} chars, sha256 {got[:12]}) is not the "
                       f"recorded one (sha256 {want[:12]}); not cached")
    save_page(url, text, overwrite=True)
    return True, f"ok {did} restored ({len(text)} chars)"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m warta.realset.restore")
    ap.add_argument("--url", required=True)
    ap.add_argument("file")
    a = ap.parse_args(argv)
    ok, msg = restore(a.url, Path(a.file).read_text(encoding="utf-8"))
    print(msg, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
