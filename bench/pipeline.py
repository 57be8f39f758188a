"""Whole-pipeline throughput (read -> facts) on one core, and peak memory.

usage: python bench/pipeline.py [PATH ...] [--repeat N] [--json OUT]
Default input: the bundled examples plus ../shared/corpus/seeds when present.
Models load once before timing (as a long batch would); per-stage time is reported.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "pipeline.json"))
    a = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    from warta.model import RawPage
    from warta.pipeline import Pipeline
    from warta.read import read_inputs

    paths = a.paths or [str(ROOT / "examples")] + [str(p) for p in [ROOT.parent / "shared" / "corpus" / "seeds"] if p.exists()]
    pages = [p for p in read_inputs(paths) if isinstance(p, RawPage)]
    if not pages:
        sys.exit("no pages to run on")
    t0 = time.perf_counter()
    pipe = Pipeline()
    pipe.warm_up()
    load_s = time.perf_counter() - t0
    stage_s: dict[str, float] = defaultdict(float)
    n = chars = failed = 0
    t0 = time.perf_counter()
    for _ in range(a.repeat):
        for r in pipe.process(pages):
            if hasattr(r, "timings"):
                n += 1
                chars += len(r.doc.body)
                for k, v in r.timings.items():
                    stage_s[k] += v
            else:
                failed += 1
    wall = time.perf_counter() - t0
    res = {
        "documents": n, "failed": failed, "distinct_pages": len(pages), "repeat": a.repeat,
        "docs_per_second": round(n / wall, 1), "chars_per_second": round(chars / wall),
        "model_load_seconds": round(load_s, 2),
        "ms_per_doc_by_stage": {k: round(1000 * v / max(n, 1), 2) for k, v in stage_s.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "cores": 1,
    }
    print(json.dumps(res, indent=1))
    Path(a.json).parent.mkdir(parents=True, exist_ok=True)
    Path(a.json).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
