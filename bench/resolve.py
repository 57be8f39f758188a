"""Entity resolution's cost: the knowledge base's load time, and resolution time as
a share of the language layer's time per document (bench/nlp.py measures both
on the same documents; this script reports the knowledge-base side)."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    t0 = time.perf_counter()
    from warta.kb.base import load_kb
    kb = load_kb()
    load = time.perf_counter() - t0
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "nlp.py"), "--repeat", "5"], capture_output=True, text=True, check=True)
    nlp = json.loads(out.stdout)
    res = {"kb_entities": len(kb.entities), "kb_load_seconds": round(load, 3),
           "ms_per_doc_resolve": nlp["ms_per_doc_resolve"], "ms_per_doc_nlp": nlp["ms_per_doc_nlp"],
           "resolve_over_nlp_percent": nlp["resolve_over_nlp_percent"]}
    print(json.dumps(res, indent=1))
    (ROOT / "bench" / "results" / "resolve.json").write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
