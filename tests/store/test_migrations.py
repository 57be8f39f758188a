"""The Alembic migrations create exactly the schema the models describe."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from warta.store.models import Base


def test_models_and_migrations_agree(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # the full-text table/index is made by raw SQL in the migration, not by the models
    diff = [d for d in diff if "fts" not in str(d)]
    assert diff == []


def test_sqlite_runs_in_wal_mode(tmp_path):
    from sqlalchemy import text

    from warta.store.db import Store
    s = Store(f"sqlite:///{tmp_path / 'w.db'}")
    s.migrate()
    with s.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
