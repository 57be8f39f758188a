"""Spark throughput: generated archives of N pages (paragraphs of the bundled examples
recombined), run with 1 and with 2 local cores, interleaved (1, 2, then 2, 1, ...) so that
a machine whose load drifts weighs on both alike; pages per second, the speed-up of each
round and the speed-up of the summed times.  The timed part is the job (`extract`), from
its first task to its last write: Python workers start and load their models inside it.

usage: python bench/spark.py [--pages 2000] [--archives 8] [--rounds 2] [--partitions N]
"""
from __future__ import annotations

import argparse
import html
import inspect
import io
import json
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def generate(path: Path, n: int, seed: int = 7) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    rng = random.Random(seed)
    paras = []
    for p in sorted((ROOT / "examples").glob("*.txt")):
        paras += [ln.strip() for ln in p.read_text(encoding="utf-8").split("\n") if len(ln.split()) > 12]
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(n):
            body = rng.sample(paras, k=min(5, len(paras)))
            page = (f"<html><head><title>Berita {i}</title></head><body><nav>Home | Ekonomi</nav><article>"
                    + "".join(f"<p>{html.escape(b)}</p>" for b in body) + "</article><aside>Baca juga: Lainnya</aside></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://contoh.invalid/{path.stem}/{i}", "response",
                                                payload=io.BytesIO(page.encode()), http_headers=headers))


def _stages(sc) -> list[dict]:
    """The application's completed stages, from Spark's own REST API."""
    from urllib.request import urlopen
    with urlopen(f"{sc.uiWebUrl}/api/v1/applications/{sc.applicationId}/stages?status=complete", timeout=30) as r:
        return json.load(r)


def run_once(tmp: Path, cores: int, tag: str, partitions: int | None) -> dict:
    """One timed job.  `slot_use` is the time Spark's task slots were busy over (wall time x
    cores): it shows how much of a speed-up the job's shape allows whatever the machine's
    load (idle slots are waits on skew, the driver or serial steps)."""
    import warta.spark.job as job
    conf = {"spark.ui.enabled": "true", "spark.ui.port": "0", "spark.ui.showConsoleProgress": "false"}
    if "conf" in inspect.signature(job.session).parameters:
        spark = job.session(f"local[{cores}]", conf=conf)
    else:   # an older job (to time it against): its session's settings, and the UI for slot_use
        import sys

        from pyspark.sql import SparkSession
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        b = SparkSession.builder.appName("warta").master(f"local[{cores}]")
        for k, v in {"spark.driver.host": "127.0.0.1", "spark.driver.bindAddress": "127.0.0.1",
                     "spark.sql.shuffle.partitions": "4", "spark.python.worker.reuse": "true", **conf}.items():
            b = b.config(k, v)
        spark = b.getOrCreate()
    try:
        sc = spark.sparkContext
        sc.parallelize([0], 1).count()     # the JVM is up before the clock starts
        before = {s["stageId"] for s in _stages(sc)} if sc.uiWebUrl else set()
        out = tmp / f"out-{tag}"
        t0 = time.perf_counter()
        counts = job.extract(spark, [str(tmp / "in")], out, partitions=partitions)
        secs = time.perf_counter() - t0
        busy = sum(s["executorRunTime"] for s in _stages(sc) if s["stageId"] not in before) / 1000 if sc.uiWebUrl else None
    finally:
        spark.stop()
    shutil.rmtree(tmp / f"out-{tag}", ignore_errors=True)
    return {"cores": cores, "seconds": round(secs, 1), "slot_use": round(busy / (secs * cores), 2) if busy else None,
            "task_seconds": round(busy, 1) if busy else None, "counts": counts}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--archives", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=None, help="default: the job's own choice")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "spark.json"))
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    (tmp / "in").mkdir()
    per = a.pages // a.archives
    for k in range(a.archives):
        generate(tmp / "in" / f"part{k}.warc.gz", per, seed=k)
    import warta.spark.job as job
    runs = []
    for r in range(a.rounds):
        for cores in ((1, 2) if r % 2 == 0 else (2, 1)):
            runs.append({"round": r, **run_once(tmp, cores, f"{r}-{cores}", a.partitions)})
            print(json.dumps(runs[-1]), flush=True)
    pages = per * a.archives
    t = {c: [x["seconds"] for x in runs if x["cores"] == c] for c in (1, 2)}
    per_round = [round(one / two, 2) for one, two in zip(t[1], t[2])]
    res = {"pages": pages, "archives": a.archives, "rounds": a.rounds,
           "partitions": a.partitions or f"job default ({job.PARTITIONS_PER_CORE} per core)",
           "job": inspect.getsourcefile(job), "load_average_1min_at_end": round(os.getloadavg()[0], 2),
           "runs": runs,
           "cores_1": {"seconds": t[1], "pages_per_second": round(pages * len(t[1]) / sum(t[1]), 1)},
           "cores_2": {"seconds": t[2], "pages_per_second": round(pages * len(t[2]) / sum(t[2]), 1)},
           "slot_use_1": [x["slot_use"] for x in runs if x["cores"] == 1],
           "slot_use_2": [x["slot_use"] for x in runs if x["cores"] == 2],
           "speed_up_per_round": per_round,
           "speed_up_median": statistics.median(per_round),
           "speed_up": round(sum(t[1]) / sum(t[2]), 2)}
    print(json.dumps(res, indent=1))
    Path(a.out).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
