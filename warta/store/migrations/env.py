"""Alembic environment: runs on the connection the store hands it."""
from __future__ import annotations

from alembic import context

from warta.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    conn = config.attributes.get("connection")
    if conn is None:
        from sqlalchemy import create_engine
        conn = create_engine(config.get_main_option("sqlalchemy.url")).connect()
    context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=conn.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


run()
