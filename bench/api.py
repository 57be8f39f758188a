"""API throughput and latency: the entity and graph endpoints under a load from a
second process on localhost.  Builds a store from the examples (and the seeds),
starts `warta serve` in a subprocess on 127.0.0.1, then this process sends a
bounded number of requests from a few threads.
usage: python bench/api.py [--requests 600] [--threads 4]
"""
from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=600)
    ap.add_argument("--threads", type=int, default=4)
    a = ap.parse_args()
    db = Path(tempfile.mkdtemp()) / "api.db"
    paths = [str(ROOT / "examples")] + [str(p) for p in [ROOT.parent / "shared" / "corpus" / "seeds"] if p.exists()]
    subprocess.run([sys.executable, "-m", "warta", "ingest", *paths, "--db", f"sqlite:///{db}"], check=False,
                   capture_output=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = subprocess.Popen([sys.executable, "-m", "warta", "serve", "--db", f"sqlite:///{db}", "--port", str(port)],
                           stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        res = {}
        for name, url in {"entity": "/api/entities/Hyundai Motor Company", "graph": "/api/entities/Hyundai Motor Company/graph?depth=2"}.items():
            lat: list[float] = []
            lock = threading.Lock()
            per = a.requests // a.threads

            def worker():
                with httpx.Client(base_url=base, timeout=10) as c:
                    for _ in range(per):
                        t0 = time.perf_counter()
                        r = c.get(url)
                        dt = time.perf_counter() - t0
                        assert r.status_code == 200, r.text[:200]
                        with lock:
                            lat.append(dt * 1000)
            t0 = time.perf_counter()
            ths = [threading.Thread(target=worker) for _ in range(a.threads)]
            for t in ths:
                t.start()
            for t in ths:
                t.join()
            wall = time.perf_counter() - t0
            lat.sort()
            res[name] = {"requests": len(lat), "requests_per_second": round(len(lat) / wall, 1),
                         "median_ms": round(lat[len(lat) // 2], 2), "p95_ms": round(lat[int(0.95 * len(lat)) - 1], 2)}
        print(json.dumps(res, indent=1))
        (ROOT / "bench" / "results" / "api.json").write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    finally:
        srv.terminate()
        srv.wait(timeout=10)


if __name__ == "__main__":
    main()
