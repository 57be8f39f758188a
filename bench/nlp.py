"""The language layer on one core: tokens per second through the nlp stage
(sentences, rules + NER, values) and peak memory, over the bundled examples and
the seeds' pages, cleaned first: one page at a time (`tokens_per_second`), in the
pipeline's batches of 16 pages as `extract` and `ingest` run it
(`batched_tokens_per_second`), and full-length articles alone.
usage: python bench/nlp.py [--repeat 20] [--ner cnn|encoder]"""
from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]


def cleaned_docs():
    from warta.model import RawPage
    from warta.pipeline import Pipeline
    from warta.read import read_inputs
    paths = [str(ROOT / "examples"), str(ROOT / "tests" / "regression" / "pages")]
    seeds = ROOT.parent / "shared" / "corpus" / "seeds"
    if seeds.exists():
        paths.append(str(seeds))
    pipe = Pipeline(("clean", "language"))
    return [pipe.run(p) for p in read_inputs(paths) if isinstance(p, RawPage)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--ner", choices=["cnn", "encoder"], default="cnn")
    a = ap.parse_args()
    os.environ["WARTA_NER"] = a.ner
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    import copy

    from warta.nlp.pipeline import get_nlp
    from warta.pipeline import get_stage
    docs = cleaned_docs()
    t0 = time.perf_counter()
    get_nlp("id"), get_nlp("en")
    load = time.perf_counter() - t0
    nlp_stage, resolve = get_stage("nlp"), get_stage("resolve")
    counts = [len(get_nlp(d.doc.language or "id").make_doc(d.doc.body)) for d in docs]
    tokens = sum(counts)
    t_nlp = t_res = 0.0
    for _ in range(a.repeat):
        for d in docs:
            wd = copy.copy(d)
            t0 = time.perf_counter()
            wd = nlp_stage(wd)
            t1 = time.perf_counter()
            resolve(wd)
            t_res += time.perf_counter() - t1
            t_nlp += t1 - t0
    from warta.pipeline import BATCH
    batch = nlp_stage.batch   # the stage contract's batch path
    t_batch = 0.0
    for _ in range(a.repeat):
        wds = [copy.copy(d) for d in docs]
        t0 = time.perf_counter()
        for i in range(0, len(wds), BATCH):
            batch(wds[i:i + BATCH])
        t_batch += time.perf_counter() - t0
    # full-length articles alone (per-document overhead weighs less there)
    longer = [(d, n) for d, n in zip(docs, counts) if n >= 250]
    long_tokens = sum(n for _, n in longer)
    t_long = 0.0
    for _ in range(a.repeat):
        for d, _ in longer:
            wd = copy.copy(d)
            t0 = time.perf_counter()
            nlp_stage(wd)
            t_long += time.perf_counter() - t0
    res = {"documents": len(docs), "tokens_per_pass": tokens, "repeat": a.repeat,
           "long_documents": len(longer), "long_tokens_per_second": round(long_tokens * a.repeat / t_long) if longer else None,
           "tokens_per_second": round(tokens * a.repeat / t_nlp),
           "batched_tokens_per_second": round(tokens * a.repeat / t_batch), "batch_pages": BATCH, "ms_per_doc_nlp": round(1000 * t_nlp / (len(docs) * a.repeat), 2),
           "ms_per_doc_resolve": round(1000 * t_res / (len(docs) * a.repeat), 2),
           "resolve_over_nlp_percent": round(100 * t_res / t_nlp, 1), "pipeline_load_seconds": round(load, 2),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), "cores": 1,
           "ner": a.ner}
    print(json.dumps(res, indent=1))
    name = "nlp.json" if a.ner == "cnn" else f"nlp-{a.ner}.json"
    (ROOT / "bench" / "results" / name).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
