"""The store's generation changes with every commit, on both backends, and not with reads."""
from __future__ import annotations

from tests.conftest import EXAMPLES
from warta.store.generation import Generation
from warta.store.ingest import ingest
from warta.store.queries import partners


def test_a_commit_changes_the_generation_and_a_read_does_not(store):
    gen = Generation(store.engine)
    before = gen.current()
    assert before is not None
    ingest(store, [str(EXAMPLES / "kompas_hyundai_lges_negosiasi.txt")])
    written = gen.current()
    assert written != before
    with store.session() as s:
        partners(s, "Hyundai Motor Company")
    if store.dialect == "sqlite":   # PostgreSQL's is cluster-wide: another database's write may move it
        assert gen.current() == written
    gen.close()


def test_an_in_memory_store_has_no_generation():
    from warta.store.db import Store
    s = Store("sqlite://")
    assert Generation(s.engine).current() is None
