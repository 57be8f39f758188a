"""An ingest killed with SIGKILL halfway, run again, ends identical to an
uninterrupted one: nothing lost, nothing doubled."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT

N = 24


def _pages(tmp: Path) -> Path:
    d = tmp / "pages"
    d.mkdir()
    src = sorted(p for p in EXAMPLES.glob("*.txt"))
    for i in range(N):
        text = src[i % len(src)].read_text(encoding="utf-8")
        (d / f"p{i:03d}.txt").write_text(text.replace("JAKARTA", f"JAKARTA ({i})", 1) + f"\nCatatan redaksi nomor {i}.\n", encoding="utf-8")
    return d


def _ingest(pages: Path, db: Path) -> subprocess.Popen:
    env = dict(os.environ, WARTA_DB=f"sqlite:///{db}")
    return subprocess.Popen([sys.executable, "-m", "warta", "ingest", str(pages)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as c:
            return c.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _snapshot(db: Path) -> dict:
    with sqlite3.connect(db) as c:
        out = {t: c.execute(f"select count(*) from {t}").fetchone()[0]
               for t in ("documents", "entities", "aliases", "facts", "fact_entities", "evidence", "failures")}
        out["docs"] = sorted(c.execute("select id, doc_id, revision from documents").fetchall())
        out["facts"] = sorted(c.execute("select id, status, certainty, sources from facts").fetchall())
        out["evidence"] = sorted(c.execute("select fact_id, document_id, start from evidence").fetchall())
    return out


def test_sigkill_halfway_then_rerun_equals_uninterrupted(tmp_path):
    pages = _pages(tmp_path)
    killed, whole = tmp_path / "killed.db", tmp_path / "whole.db"
    p = _ingest(pages, killed)
    deadline = time.time() + 240
    while _count(killed) < 4 and p.poll() is None and time.time() < deadline:
        time.sleep(0.2)
    assert p.poll() is None, "ingest finished before it could be killed"
    p.send_signal(signal.SIGKILL)
    p.wait()
    assert 0 < _count(killed) < N
    assert _ingest(pages, killed).wait() == 0
    assert _ingest(pages, whole).wait() == 0
    assert _snapshot(killed) == _snapshot(whole)
    assert _snapshot(whole)["documents"] == N
