"""Store tests run against both backends: SQLite in a temporary file and the
PostgreSQL server of WARTA_TEST_PG (default: the local trust-auth server), each
test session in a fresh schema dropped at the end.  Without a server, the
PostgreSQL cases skip with the reason; under CI they fail instead."""
from __future__ import annotations

import os
import uuid

import pytest

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _pg_url() -> str | None:
    url = os.environ.get("WARTA_TEST_PG", PG_DEFAULT)
    try:
        import psycopg
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=3):
            return url
    except Exception as exc:  # report why below
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {url} is not reachable under CI: {exc}")
        return None


@pytest.fixture(scope="session")
def pg_url():
    return _pg_url()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path, pg_url):
    from warta.store.db import Store
    if request.param == "sqlite":
        s = Store(f"sqlite:///{tmp_path / 'warta.db'}")
        s.migrate()
        yield s
        s.dispose()
        return
    if pg_url is None:
        pytest.skip(f"no PostgreSQL server answers at {os.environ.get('WARTA_TEST_PG', PG_DEFAULT)} (set WARTA_TEST_PG)")
    schema = f"warta_test_{uuid.uuid4().hex[:10]}"
    s = Store(pg_url, schema=schema)
    s.migrate()
    yield s
    from sqlalchemy import text
    s.dispose()
    from sqlalchemy import create_engine
    eng = create_engine(pg_url)
    with eng.begin() as c:
        c.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    eng.dispose()


@pytest.fixture(scope="session")
def pipeline():
    from warta.pipeline import STORE_CONFIG, Pipeline
    p = Pipeline(config=STORE_CONFIG)
    p.warm_up()
    return p
