"""An ingest killed with SIGKILL at random points, again and again, then run to its end,
ends identical to an uninterrupted one on SQLite and PostgreSQL: nothing lost, nothing
doubled, the same near-duplicate marks and source counts."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.conftest import EXAMPLES, ROOT
from tests.store.test_concurrency import db_url  # noqa: F401 - the fixture: a fresh SQLite file or PostgreSQL schema

N = 300
KILLS = 3


def _pages(tmp: Path) -> Path:
    d = tmp / "pages"
    d.mkdir()
    src = sorted(p for p in EXAMPLES.glob("*.txt"))
    for i in range(N):
        text_ = src[i % len(src)].read_text(encoding="utf-8")
        (d / f"p{i:03d}.txt").write_text(text_.replace("JAKARTA", f"JAKARTA ({i})", 1) + f"\nCatatan redaksi nomor {i}.\n",
                                         encoding="utf-8")
    return d


def _ingest(pages: Path, url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "warta", "ingest", str(pages)], cwd=ROOT,
                            env=dict(os.environ, WARTA_DB=url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _count(url: str) -> int:
    eng = create_engine(url)
    try:
        with eng.connect() as c:
            return c.execute(text("select count(*) from documents")).scalar()
    except Exception:      # not created yet, or locked for the moment
        return 0
    finally:
        eng.dispose()


def _snapshot(url: str) -> dict:
    eng = create_engine(url)
    with eng.connect() as c:
        out = {t: c.execute(text(f"select count(*) from {t}")).scalar()
               for t in ("documents", "entities", "aliases", "facts", "fact_entities", "evidence", "failures",
                         "near_dup_signatures", "near_dup_bands")}
        out["docs"] = sorted(map(tuple, c.execute(text("select id, doc_id, revision, duplicate_of from documents"))))
        out["facts"] = sorted(map(tuple, c.execute(text("select id, status, certainty, sources from facts"))))
        out["evidence"] = sorted(map(tuple, c.execute(text("select fact_id, document_id, start from evidence"))))
    eng.dispose()
    return out


def test_sigkill_at_random_points_then_rerun_equals_uninterrupted(tmp_path, db_url):  # noqa: F811
    seed = int(os.environ.get("WARTA_KILL_SEED") or time.time())
    rnd = random.Random(seed)
    pages = _pages(tmp_path)
    killed, whole = db_url("killed"), db_url("whole")
    points = sorted(rnd.sample(range(5, N - 20), KILLS))
    for at in points:
        p = _ingest(pages, killed)
        deadline = time.time() + 300
        while _count(killed) < at and p.poll() is None and time.time() < deadline:
            time.sleep(0.02)
        assert p.poll() is None, f"seed {seed}: ingest ended before it could be killed at {at}"
        p.send_signal(signal.SIGKILL)
        p.wait()
    assert 0 < _count(killed) < N, f"seed {seed}"
    assert _ingest(pages, killed).wait() == 0, f"seed {seed}"
    assert _ingest(pages, whole).wait() == 0
    got, want = _snapshot(killed), _snapshot(whole)
    assert got == want, f"seed {seed}: killed at {points}"
    assert want["documents"] == N and any(d[3] for d in want["docs"]), "the pages include near-duplicates"
