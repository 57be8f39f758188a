"""API latency under load: the entity and partners endpoints, 20 and 100 concurrent
clients, against a store of 10,000 documents, with and without an ingest writing.

The store is built once (bench/.cache/api-10k.db): the bundled examples go through
the pipeline, then each processed document is stored again under 1,000 variants of
its partners' names, so the store holds thousands of entities and one much-cited
company.  `warta serve` runs in a subprocess on 127.0.0.1; clients are asyncio tasks
in this process, or wrk (Debian's package) when it is on PATH: a C client takes less of
the two cores the server shares with it than Python clients do, so it is preferred; the
writer is a `warta ingest` of fresh pages into the same store.
Reports p50/p95/p99 in ms and the count of errors (5xx or failed connections; with wrk,
any non-2xx/3xx answer, socket error or timeout past 10 s).

usage: python bench/api.py [--docs 10000] [--requests 2000] [--seconds 10] [--clients 20,100] [--workers 2]
       [--client wrk|httpx]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"


def build_store(db: Path, n_docs: int) -> str:
    """A store of n_docs documents made from the examples' processed documents."""
    from warta.pipeline import Pipeline
    from warta.read import read_inputs
    from warta.store.db import open_store
    from warta.store.ingest import store_document
    url = f"sqlite:///{db}"
    if db.exists():
        return url
    tmp = db.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    store = open_store(f"sqlite:///{tmp}")
    raws = [r for r in read_inputs([str(ROOT / "examples")]) if not hasattr(r, "reason")]
    docs = [w.doc for w in Pipeline().run_many(raws) if hasattr(w, "doc")]
    for i in range(n_docs):
        base = docs[i % len(docs)]
        v = i // len(docs)
        d = base.model_copy(deep=True)
        d.doc_id = f"{base.doc_id}-v{v}"
        rename = {}
        orgs = [e for e in d.entities if e.type == "ORG"]
        for e in orgs[1:]:                     # the first organisation stays: a much-cited company
            rename[e.name] = f"{e.name} {v}"
            e.name, e.id = rename[e.name], f"{e.id}-v{v}"
        d.facts = [f.model_copy(update={"args": _renamed(f.args, rename)}) for f in d.facts]
        with store.session() as s:
            store_document(s, store.dialect, f"bench{i:06d}", d)
            s.commit()
    store.dispose()
    tmp.rename(db)
    return url


def _renamed(x, m):
    if isinstance(x, str):
        return m.get(x, x)
    if isinstance(x, list):
        return [_renamed(y, m) for y in x]
    if isinstance(x, dict):
        return {k: _renamed(y, m) for k, y in x.items()}
    return x


def busiest_entity(db: Path) -> str:
    """The organisation in the most partnerships: the heaviest profile and partners list."""
    import sqlite3
    with sqlite3.connect(db) as c:
        return c.execute("select e.name from entities e join fact_entities fe on fe.entity_id = e.id "
                         "join facts f on f.id = fe.fact_id where e.type = 'ORG' and f.type = 'PARTNERSHIP' "
                         "group by e.id order by count(*) desc limit 1").fetchone()[0]


async def load(base: str, paths: list[str], clients: int, requests: int) -> dict:
    lat: list[float] = []
    errors = 0
    per = max(1, requests // clients)

    async def client(k: int):
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=30) as c:
            for n in range(per):
                t0 = time.perf_counter()
                try:
                    r = await c.get(paths[(k + n) % len(paths)])
                    if r.status_code >= 500:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                lat.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    wall = time.perf_counter() - t0
    lat.sort()
    q = lambda p: round(lat[min(len(lat) - 1, int(p * len(lat)))], 1)   # noqa: E731
    return {"requests": len(lat), "errors": errors, "rps": round(len(lat) / wall, 1),
            "p50_ms": q(0.5), "p95_ms": q(0.95), "p99_ms": q(0.99)}


WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WARTA {\\"requests\\": %d, \\"errors\\": %d, \\"rps\\": %.1f, \\"p50_ms\\": %.1f, \\"p95_ms\\": %.1f, \\"p99_ms\\": %.1f}\\n",
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def load_wrk(base: str, path: str, clients: int, seconds: int, tmp: Path) -> dict:
    script = tmp / "report.lua"
    script.write_text(WRK_REPORT, encoding="utf-8")
    out = subprocess.run(["wrk", "-t1", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script),
                          base + path], capture_output=True, text=True, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("WARTA "))
    return json.loads(line[len("WARTA "):])


def writer_pages(tmp: Path, n: int = 2000) -> Path:
    d = tmp / "writer"
    d.mkdir(exist_ok=True)
    src = sorted((ROOT / "examples").glob("*.txt"))
    for i in range(n):
        text = src[i % len(src)].read_text(encoding="utf-8")
        (d / f"w{i:04d}.txt").write_text(text.replace("JAKARTA", f"JAKARTA ({time.time_ns()}-{i})", 1), encoding="utf-8")
    return d


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=2000, help="per run, with the httpx client")
    ap.add_argument("--seconds", type=int, default=10, help="per run, with wrk")
    ap.add_argument("--client", choices=["wrk", "httpx"], default="wrk" if shutil.which("wrk") else "httpx")
    ap.add_argument("--clients", default="20,100")
    ap.add_argument("--workers", type=int, default=2, help="`warta serve --workers`")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "api.json"))
    ap.add_argument("--build-only", action="store_true", help="build the cached store and stop")
    a = ap.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    db = CACHE / f"api-{a.docs}.db"
    t0 = time.perf_counter()
    url = build_store(db, a.docs)
    print(f"store of {a.docs} documents ready in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if a.build_only:
        return
    name = busiest_entity(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = subprocess.Popen([sys.executable, "-m", "warta", "serve", "--db", url, "--port", str(port),
                            "--workers", str(a.workers)],
                           stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    from urllib.parse import quote
    paths = {"entity": [f"/api/entities/{quote(name)}", "/api/entities/" + quote(f"{name}")],
             "partners": [f"/api/entities/{quote(name)}/partners"]}
    res: dict = {"docs": a.docs, "entity": name, "workers": a.workers, "client": a.client,
                 "cache_seconds": float(os.environ.get("WARTA_API_CACHE_SECONDS") or 2.0), "runs": []}
    try:
        for _ in range(150):
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        tmp = Path(tempfile.mkdtemp())
        for clients in (int(c) for c in a.clients.split(",")):
            for writing in (False, True):
                w = None
                if writing:
                    w = subprocess.Popen([sys.executable, "-m", "warta", "ingest", str(writer_pages(tmp))],
                                         env=dict(os.environ, WARTA_DB=url), stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)
                    time.sleep(4)      # past its start-up, into its writes
                for ep, ps in paths.items():
                    if a.client == "wrk":
                        r = load_wrk(base, ps[0], clients, a.seconds, tmp)
                    else:
                        r = asyncio.run(load(base, ps, clients, a.requests))
                    r.update(endpoint=ep, clients=clients, writer=writing and w.poll() is None)
                    res["runs"].append(r)
                    print(json.dumps(r), file=sys.stderr)
                if w is not None:
                    w.terminate()
                    w.wait()
        Path(a.out).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
        print(json.dumps(res, indent=1))
    finally:
        srv.terminate()
        srv.wait(timeout=10)


if __name__ == "__main__":
    main()
