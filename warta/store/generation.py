"""The store's generation: a value that changes whenever anything is committed to it,
read in well under a millisecond, with no table of its own.

- SQLite: `PRAGMA data_version` on one connection kept for the purpose.  SQLite changes
  it whenever another connection (of this process or any other) commits to the file.
- PostgreSQL: the current snapshot (`xmin:xmax:in-progress ids`).  A writing transaction
  gets an id when it starts writing (xmax moves) and leaves the in-progress list when it
  commits or aborts, so every commit changes the text; read-only transactions get no id
  and change nothing.  It is cluster-wide, so a write elsewhere invalidates too: never
  wrong, sometimes more often than needed.

The order that makes a cached answer safe: read the generation, then compute; an answer
stored under generation g saw at least everything committed before g was read.
"""
from __future__ import annotations

import sqlite3
import threading

from sqlalchemy import Engine, text


class Generation:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def current(self) -> str | None:
        """The generation now, or None where it cannot be known (nothing may be cached)."""
        if self.engine.dialect.name == "sqlite":
            return self._sqlite()
        with self.engine.connect() as c:
            return str(c.execute(text("SELECT pg_current_snapshot()::text")).scalar())

    def _sqlite(self) -> str | None:
        with self._lock:
            if self._conn is None:
                path = self.engine.url.database
                if not path or path == ":memory:":
                    # an in-memory store has no second connection to notice: never cache
                    return None
                self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False,
                                             timeout=30)
            return str(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
