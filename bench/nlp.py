"""The language layer on one core: tokens per second through the nlp stage
(sentences, rules + NER, values) and peak memory, over the bundled examples and
the seeds' pages, cleaned first: one page at a time (`tokens_per_second`), in the
pipeline's batches of 16 pages as `extract` and `ingest` run it
(`batched_tokens_per_second`), and full-length articles alone.
With --runtimes torch,fp32,int8 the transformer NER's runtimes are compared
instead, interleaved in one run (each repeat runs every variant in turn) and
timed in CPU seconds: the batched language layer's tokens per CPU-second, the
ratio to the first variant, and NERGrit test F1 for each (`--student DIR` adds
a shallower student's int8 and torch rows).
usage: python bench/nlp.py [--repeat 20] [--ner cnn|encoder] [--runtimes torch,fp32,int8 [--student DIR]]"""
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
    ap.add_argument("--runtimes", default="", help="compare the encoder's runtimes (comma-separated)")
    ap.add_argument("--student", default="", help="a shallower encoder model directory to add to --runtimes")
    a = ap.parse_args()
    os.environ["WARTA_NER"] = "encoder" if a.runtimes else a.ner
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    import copy

    from warta.nlp.pipeline import get_nlp
    from warta.pipeline import get_stage
    docs = cleaned_docs()
    if a.runtimes:
        return compare(docs, a.runtimes.split(","), a.repeat, a.student)
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


def nergrit_test() -> Path:
    return ROOT.parent / "shared" / "data" / "ner" / "nergrit_indonlu" / "test_preprocess.txt"


def compare(docs, runtimes: list[str], repeat: int, student: str = "") -> None:
    """The encoder's runtimes side by side: one pipeline, its encoder_ner component
    switched between variants; every repeat runs each variant once over all pages.
    The first row is today's path before this change (torch, windows in fixed
    batches of 16 padded to the longest), the baseline of the ratios."""
    import copy
    from functools import partial

    import torch

    from warta.nlp.encoder import component
    from warta.nlp.encoder.runtime import describe, runner
    from warta.nlp.pipeline import encoder_path, get_nlp, load_model
    from warta.nlp.train.evaluate import evaluate
    from warta.pipeline import BATCH, get_stage
    torch.set_num_threads(1)
    teacher = str(encoder_path("id"))
    by_length = component.by_length
    fixed16 = partial(by_length, batch=16, pieces=10**9, slack=1e9)
    variants = [("torch", teacher, "fixed 16")] + [(k, teacher, "by length") for k in runtimes]
    if student:
        variants += [(k, str(Path(student).resolve()), "by length") for k in runtimes if k in ("torch", "int8")]
    comp = get_nlp("id").get_pipe("encoder_ner")
    batch = get_stage("nlp").batch
    tokens = sum(len(get_nlp(d.doc.language or "id").make_doc(d.doc.body)) for d in docs)

    def use(v) -> None:
        comp.runtime, comp.model_dir = v[0], v[1]
        component.by_length = (lambda lengths, _b: fixed16(lengths)) if v[2] == "fixed 16" else by_length

    for v in variants:            # load and warm every variant (export into the cache if needed)
        runner(v[1], v[0])
        use(v)
        batch([copy.copy(d) for d in docs[:BATCH]])
    cpu = dict.fromkeys(variants, 0.0)
    for _ in range(repeat):
        for v in variants:
            use(v)
            wds = [copy.copy(d) for d in docs]
            t0 = time.process_time()
            for i in range(0, len(wds), BATCH):
                batch(wds[i:i + BATCH])
            cpu[v] += time.process_time() - t0
    rows, base = [], None
    test = nergrit_test()
    for v in variants:
        kind, model_dir, batching = v
        tps = tokens * repeat / cpu[v]
        base = base or tps
        layers = json.loads((Path(model_dir) / "encoder.json").read_text(encoding="utf-8")).get("layers", 12)
        row = {"runtime": kind, "model": Path(model_dir).name, "layers": layers, "batching": batching,
               "tokens_per_cpu_second": round(tps), "ratio": round(tps / base, 2)}
        if test.exists():
            use(v)
            nlp = load_model("id", model_dir=Path(model_dir))
            nlp.get_pipe("encoder_ner").runtime = kind
            res = evaluate(test, model=nlp, bootstrap=200)
            row["nergrit_test_f1"] = round(100 * res["overall"]["f1"], 1)
        rows.append(row)
        print(json.dumps(row))
    component.by_length = by_length
    res = {"documents": len(docs), "tokens_per_pass": tokens, "repeat": repeat, "cores": 1, "clock": "process CPU time",
           "interleaved": True, "variants": rows, "onnx_files": describe(teacher),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    print(json.dumps(res, indent=1))
    (ROOT / "bench" / "results" / "nlp-encoder-runtimes.json").write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
