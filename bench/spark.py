"""Spark throughput: a generated archive of N pages (paragraphs of the bundled
examples recombined), run with 1 and with 2 local cores; pages per second,
speed-up and per-core rate.  usage: python bench/spark.py [--pages 2000]"""
from __future__ import annotations

import argparse
import html
import io
import json
import random
import shutil
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
            w.write_record(w.create_warc_record(f"https://contoh.invalid/{i}", "response",
                                                payload=io.BytesIO(page.encode()), http_headers=headers))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--archives", type=int, default=8)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    per = a.pages // a.archives
    for k in range(a.archives):
        generate(tmp / f"part{k}.warc.gz", per, seed=k)
    from warta.spark.job import extract, session
    res = {"pages": per * a.archives, "archives": a.archives}
    for cores in (1, 2):
        spark = session(f"local[{cores}]")
        out = tmp / f"out{cores}"
        t0 = time.perf_counter()
        counts = extract(spark, [str(tmp)], out, partitions=a.archives)
        secs = time.perf_counter() - t0
        spark.stop()
        res[f"cores_{cores}"] = {"seconds": round(secs, 1), "pages_per_second": round(res["pages"] / secs, 1),
                                 "per_core_pages_per_second": round(res["pages"] / secs / cores, 1), "counts": counts}
    res["speed_up"] = round(res["cores_1"]["seconds"] / res["cores_2"]["seconds"], 2)
    print(json.dumps(res, indent=1))
    (ROOT / "bench" / "results" / "spark.json").write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
