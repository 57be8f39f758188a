"""Opening a store: an engine for the URL, the schema brought up to date by the
Alembic migrations, and a session factory.  SQLite runs in WAL mode with
foreign keys on; PostgreSQL may be given a schema (tests isolate themselves so)."""
from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK_KEY = 0x77617274   # "wart": the advisory lock every Warta migration takes


def chunks(xs: list, n: int = 500):
    """`xs` in slices of `n`: an IN list stays under every database's parameter limit."""
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


class StoreError(RuntimeError):
    pass


def normalise_url(url: str) -> str:
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return re.sub(r"^postgres(?:ql)?://", "postgresql+psycopg://", url)
    if "://" not in url:  # a bare path is an SQLite file
        return f"sqlite:///{url}"
    return url


@dataclass
class Store:
    url: str
    schema: str | None = None

    @cached_property
    def engine(self) -> Engine:
        url = normalise_url(self.url)
        if url.startswith("sqlite"):
            eng = create_engine(url, connect_args={"timeout": 30})

            @event.listens_for(eng, "connect")
            def _pragmas(dbapi_conn, _):  # noqa: ANN001
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.execute("PRAGMA cache_size=-65536")      # 64 MB of page cache
                cur.execute("PRAGMA mmap_size=1073741824")   # read through the OS page cache
                cur.execute("PRAGMA temp_store=MEMORY")
                cur.close()
            return eng
        eng = create_engine(url, pool_pre_ping=True)
        # many rows in one INSERT ... VALUES statement, not one statement a row (as the
        # psycopg2 dialect does already): a batch of pages is a few statements
        eng.dialect.use_insertmanyvalues_wo_returning = True
        if self.schema:
            @event.listens_for(eng, "connect")
            def _search_path(dbapi_conn, _):  # noqa: ANN001
                cur = dbapi_conn.cursor()
                cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                cur.execute(f'SET search_path TO "{self.schema}"')
                cur.close()
                dbapi_conn.commit()
        return eng

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        from alembic import command
        from alembic.config import Config
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        # two processes opening a brand-new store at once would both create its tables: the
        # migration runs under a lock (an advisory lock on PostgreSQL, a file lock beside a
        # SQLite file), and the second finds the schema at head and does nothing
        with self._migration_lock(), self.engine.begin() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    @contextmanager
    def _migration_lock(self):
        with self._file_lock("migrate"):
            yield

    @contextmanager
    def write_lock(self):
        """Held while one document is written.  SQLite writes one transaction at a time
        anyway, but pysqlite reads outside the transaction, so two writers could each miss
        the other's near-duplicate; on PostgreSQL the near-duplicate index takes advisory
        locks on its bands instead, and this is a no-op."""
        with self._file_lock("write"):
            yield

    @contextmanager
    def _file_lock(self, what: str):
        path = self.engine.url.database if self.dialect == "sqlite" else None
        if not path or path == ":memory:":
            yield
            return
        import fcntl
        with open(f"{path}.{what}.lock", "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        return sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.sessions()

    def dispose(self) -> None:
        self.engine.dispose()


_OPEN: dict[tuple[str, str | None], Store] = {}


def open_store(url: str, schema: str | None = None, migrate: bool = True) -> Store:
    """The store at `url`, migrated to the current schema (once per process)."""
    key = (url, schema)
    if key not in _OPEN:
        s = Store(url, schema)
        try:
            if migrate:
                s.migrate()
        except Exception as exc:
            raise StoreError(f"cannot open the store at {url}: {type(exc).__name__}: {exc}") from exc
        _OPEN[key] = s
    return _OPEN[key]
