"""Store throughput and query latency.

1. Ingest N generated documents (entities and facts built directly, no NLP) into
   SQLite and PostgreSQL: documents per second through the per-document write
   path that `warta ingest` uses.
2. Bulk-load a store of one million facts (the bulk path: plain INSERTs of the
   same rows), then time `entity`, `partners`, `facts` and `facts_page` queries: median
   and p95.  PostgreSQL's tables are vacuumed and analysed after the load, as autovacuum
   would (the test server runs without it).
usage: python bench/store.py [--docs 10000] [--facts 1000000] [--pg URL] [--reuse DIR] [--queries-only]

--reuse DIR keeps the million-fact stores between runs (DIR/query.db, and the schema
`bench_query` in the --pg database): each is built once, and migrated to the current
schema on every run, so an index a new migration adds is measured as a user gets it.
--queries-only skips the ingest rate; the results keep the earlier file's ingest
numbers and say so.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, text

from warta.model import Document, Entity, Evidence, Fact, Mention, Metadata
from warta.store import browse as B
from warta.store import models as M
from warta.store import queries as Q
from warta.store.db import Store
from warta.store.ingest import store_document

ROOT = Path(__file__).resolve().parents[1]
N_ORGS = 5000


def org(i: int) -> tuple[str, str]:
    return f"org:bench-{i}", f"Perusahaan {i}"


def gen_doc(i: int, rng: random.Random) -> Document:
    a, b = rng.randrange(N_ORGS), rng.randrange(N_ORGS)
    (ia, na), (ib, nb) = org(a), org(b)
    body = f"JAKARTA - {na} bekerja sama dengan {nb} untuk membangun pabrik senilai Rp {i} miliar."
    ents = [Entity(id=ia, type="ORG", name=na, kb=False, mentions=[Mention(text=na, start=10, end=10 + len(na))]),
            Entity(id=ib, type="ORG", name=nb, kb=False, mentions=[Mention(text=nb, start=30, end=30 + len(nb))])]
    ev = [Evidence(sentence=body, start=0, end=len(body))]
    facts = [Fact(type="PARTNERSHIP", args={"parties": [na, nb]}, status=rng.choice(["negotiating", "agreed"]),
                  certainty="asserted", evidence=ev),
             Fact(type="INVESTMENT", args={"investor": na, "amount": {"value": i * 1e9, "currency": "IDR"}, "target": None},
                  status="planned", certainty="asserted", evidence=ev)]
    day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
    return Document(doc_id=f"bench-{i}", language="id", body=body, entities=ents, facts=facts,
                    metadata=Metadata(published=day, title=f"Berita {i}"))


def bench_ingest(store: Store, n: int) -> float:
    rng = random.Random(1)
    docs = [gen_doc(i, rng) for i in range(n)]
    t0 = time.perf_counter()
    for i, d in enumerate(docs):
        with store.session() as s:
            store_document(s, store.dialect, f"b{i:08d}", d)
            s.commit()
    return n / (time.perf_counter() - t0)


def bulk_facts(store: Store, n_facts: int) -> None:
    """A million facts with their entities and one evidence row each."""
    rng = random.Random(2)
    with store.engine.begin() as c:
        c.execute(insert(M.Entity), [{"id": org(i)[0], "type": "ORG", "name": org(i)[1], "name_lower": org(i)[1].lower(),
                                      "kb": False} for i in range(N_ORGS)])
        c.execute(insert(M.Alias), [{"entity_id": org(i)[0], "alias_lower": org(i)[1].lower(), "alias": org(i)[1]}
                                    for i in range(N_ORGS)])
        c.execute(insert(M.Document), [{"id": "bulkdoc", "doc_id": "bulk", "revision": 1, "body": "x", "removed": [],
                                        "doc_json": {}, "date": "2024-01-01", "ingested_at": __import__("datetime").datetime(2024, 1, 1)}])
    step = 50_000
    types = ["PARTNERSHIP", "INVESTMENT", "PRODUCT", "FACILITY", "ROLE"]
    for lo in range(0, n_facts, step):
        facts, fes, evs = [], [], []
        for k in range(lo, min(n_facts, lo + step)):
            fid = f"bf{k:012d}"
            t = types[k % len(types)]
            a, b = rng.randrange(N_ORGS), rng.randrange(N_ORGS)
            day = f"20{15 + k % 10}-{1 + k % 12:02d}-{1 + k % 28:02d}"
            facts.append({"id": fid, "type": t, "key": fid, "args": {"parties": [org(a)[1], org(b)[1]]},
                          "status": "agreed", "certainty": "asserted", "first_seen": day, "last_seen": day, "sources": 1})
            fes.append({"fact_id": fid, "entity_id": org(a)[0], "role": "party"})
            if b != a:
                fes.append({"fact_id": fid, "entity_id": org(b)[0], "role": "party"})
            evs.append({"fact_id": fid, "document_id": "bulkdoc", "sentence": "s", "start": k, "end": k + 1, "date": day,
                        "status": "agreed", "certainty": "asserted", "args": {}, "flags": []})
        with store.engine.begin() as c:
            c.execute(insert(M.Fact), facts)
            c.execute(insert(M.FactEntity), fes)
            c.execute(insert(M.Evidence), evs)
    settle(store)


def settle(store: Store) -> None:
    """What autovacuum does to a PostgreSQL table after a million inserts (statistics, and
    the visibility map an index-only scan needs); this test server runs without it."""
    if store.dialect != "postgresql":
        return
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        for table in ("entities", "aliases", "facts", "fact_entities", "evidence", "documents"):
            c.execute(text(f"VACUUM (ANALYZE) {table}"))


def bench_queries(store: Store, reps: int = 60) -> dict:
    rng = random.Random(3)
    out = {}
    for name, fn in {
        "entity": lambda s, o: Q.profile(s, o),
        "partners": lambda s, o: Q.partners(s, o),
        "facts": lambda s, o: Q.facts(s, entity=o, type="PARTNERSHIP", limit=50),
        # the facts page of an entity (/facts?entity=, /api/facts?entity=): 50, the total and the facets
        "facts_page": lambda s, o: B.facts(s, B.FactFilter(entity=o), limit=50),
    }.items():
        times, cpu = [], []
        for _ in range(reps):
            name_ = org(rng.randrange(N_ORGS))[1]
            with store.session() as s:
                t0, c0 = time.perf_counter(), time.process_time()
                fn(s, name_)
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
        times.sort()
        cpu.sort()
        # wall time is what a reader waits, and grows with the machine's load; CPU time is this
        # process's (with SQLite, the database's work too; with PostgreSQL, the client's only)
        out[name] = {"median_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(0.95 * len(times)) - 1], 2),
                     "cpu_median_ms": round(statistics.median(cpu), 2), "cpu_p95_ms": round(cpu[int(0.95 * len(cpu)) - 1], 2)}
    return out


def _complete(store: Store, n_facts: int) -> bool:
    """A kept store holds the whole bulk load (an interrupted one is built again)."""
    try:
        with store.engine.connect() as c:
            return c.execute(text("SELECT count(*) FROM facts")).scalar() == n_facts
    except Exception:
        return False


def _empty(store: Store) -> None:
    if store.schema:
        with store.engine.begin() as c:
            c.execute(text(f'DROP SCHEMA IF EXISTS "{store.schema}" CASCADE'))
        store.dispose()
    else:
        store.dispose()
        path = Path(store.engine.url.database or "")
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)


def query_store(make, n_facts: int, reuse: bool) -> tuple[Store, float | None]:
    """The million-fact store and the seconds its bulk load took (None: a kept one)."""
    st = make("query")
    if reuse and _complete(st, n_facts):
        st.migrate()
        settle(st)
        return st, None
    if reuse:
        _empty(st)
        st = make("query")
    st.migrate()
    t0 = time.perf_counter()
    bulk_facts(st, n_facts)
    return st, round(time.perf_counter() - t0, 1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--pg", default=os.environ.get("WARTA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    ap.add_argument("--reuse", type=Path, default=None, help="keep the million-fact stores in this folder between runs")
    ap.add_argument("--queries-only", action="store_true", help="skip the ingest rate (kept from the earlier results)")
    ap.add_argument("--reps", type=int, default=60, help="timed calls per query")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "store.json")
    a = ap.parse_args()
    earlier = json.loads(a.out.read_text(encoding="utf-8")) if a.out.exists() else {}
    res: dict = {"docs": a.docs, "facts": a.facts, "measured": time.strftime("%Y-%m-%d"),
                 "load_average": [round(x, 1) for x in os.getloadavg()], "cpus": os.cpu_count()}
    tmp = Path(tempfile.mkdtemp())
    if a.reuse:
        a.reuse.mkdir(parents=True, exist_ok=True)
    kept = a.reuse or tmp

    def schema(tag: str) -> str:
        return f"bench_{tag}" if a.reuse and tag == "query" else f"bench_{tag}_{uuid.uuid4().hex[:6]}"
    backends = {"sqlite": lambda tag: Store(f"sqlite:///{(kept if tag == 'query' else tmp) / (tag + '.db')}"),
                "postgresql": lambda tag: Store(a.pg, schema=schema(tag))}
    for name, make in backends.items():
        try:
            st = make("ingest")
            st.migrate()
        except Exception as exc:  # no server: say so in the results
            res[name] = {"skipped": str(exc)[:200]}
            continue
        r: dict = {}
        if a.queries_only:
            old = earlier.get(name, {})
            r["ingest_docs_per_second"] = old.get("ingest_docs_per_second")
            r["ingest_measured"] = old.get("ingest_measured", "an earlier run (not re-run with --queries-only)")
        else:
            r["ingest_docs_per_second"] = round(bench_ingest(st, a.docs), 1)
            r["ingest_measured"] = res["measured"]
        st2, load = query_store(make, a.facts, a.reuse is not None)
        if load is not None:
            r["bulk_load_seconds"], r["bulk_load_measured"] = load, res["measured"]
        else:   # a kept store: its load was timed when it was built
            old = earlier.get(name, {})
            r["bulk_load_seconds"] = old.get("bulk_load_seconds")
            r["bulk_load_measured"] = old.get("bulk_load_measured", "an earlier run (the store was kept with --reuse)")
        r["queries"] = bench_queries(st2, a.reps)
        res[name] = r
        for s in (st, st2):
            if s.schema and not (a.reuse and s is st2):
                with s.engine.begin() as c:
                    c.execute(text(f'DROP SCHEMA "{s.schema}" CASCADE'))
            s.dispose()
        print(name, json.dumps(r), flush=True)
    a.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
