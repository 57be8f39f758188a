"""A batch of pages written in one transaction keeps what one page at a time gave, on
SQLite and PostgreSQL: a page that cannot be stored fails alone and its neighbours are
stored; a copy of a page earlier in the same batch, or stored by an earlier run, names it
as its original; the same page twice in a batch is stored once; two versions of one
article in a batch are revisions 1 and 2."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DataError

from tests.conftest import EXAMPLES
from warta.store import models as M
from warta.store import queries as Q
from warta.store import write
from warta.store.ingest import ingest

STORY = sorted(EXAMPLES.glob("*.txt"))[0].read_text(encoding="utf-8")


def _page(folder, name: str, text: str):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _docs(store) -> dict[str, tuple]:
    with store.session() as s:
        return {d.doc_id: (d.revision, d.duplicate_of) for d in s.scalars(select(M.Document))}


def test_a_page_that_cannot_be_stored_fails_alone(store, pipeline, tmp_path, monkeypatch):
    pages = tmp_path / "pages"
    for i in range(4):
        _page(pages, f"p{i}.txt", STORY.replace("JAKARTA", f"JAKARTA ({i})", 1) + f"\nCatatan redaksi nomor {i}.\n")
    real = write.page_date

    def broken(p):
        if p.doc.doc_id == "p2":
            raise DataError("INSERT INTO documents ...", {}, ValueError("value out of range"))
        return real(p)
    monkeypatch.setattr(write, "page_date", broken)
    rep = ingest(store, [str(pages)], pipeline=pipeline)
    assert (rep.stored, rep.failed) == (3, 1)
    assert rep.failures == [f"{pages / 'p2.txt'}: store: DataError"]
    assert sorted(_docs(store)) == ["p0", "p1", "p3"]
    with store.session() as s:
        [f] = Q.failures(s)
        assert f["stage"] == "store" and "value out of range" in f["reason"]
    monkeypatch.setattr(write, "page_date", real)
    again = ingest(store, [str(pages)], pipeline=pipeline)       # the failed page is stored when it can be
    assert (again.stored, again.unchanged, again.failed) == (1, 3, 0)


def test_copies_and_revisions_within_one_batch_and_across_runs(store, pipeline, tmp_path):
    copy = STORY.replace("JAKARTA", "JAKARTA (Antara)", 1) + "\nSumber: kantor berita.\n"
    first = _page(tmp_path / "one", "a.txt", STORY)
    _page(first, "b.txt", copy)                     # a near copy, in the same batch
    _page(first, "c.txt", STORY)                    # the same text under another name: a copy too
    rep = ingest(store, [str(first)], pipeline=pipeline)
    assert (rep.stored, rep.failed) == (3, 0)
    assert _docs(store) == {"a": (1, None), "b": (1, "a"), "c": (1, "a")}
    later = _page(tmp_path / "two", "d.txt", copy + "\nDiperbarui.\n")
    _page(later, "a.txt", STORY + "\nRalat: judul diperbarui.\n")
    rep = ingest(store, [str(later), str(first)], pipeline=pipeline)
    assert (rep.stored, rep.revisions, rep.unchanged) == (1, 1, 3)
    docs = _docs(store)
    assert docs["d"] == (1, "a")                     # a second run sees the first run's articles
    assert docs["a"] == (2, None)                    # a revision keeps its article's answer
    with store.session() as s:
        assert Q.document(s, "a")["revision"] == 2


def test_the_same_page_twice_in_a_batch_is_stored_once(store, pipeline, tmp_path):
    pages = _page(tmp_path / "p", "x.txt", STORY)
    rep = ingest(store, [str(pages / "x.txt"), str(pages / "x.txt")], pipeline=pipeline)
    assert (rep.stored, rep.unchanged) == (1, 1)
    with store.session() as s:
        assert s.query(M.Document).count() == 1


def test_a_long_postgresql_ingest_refreshes_the_planners_statistics(store, pipeline, tmp_path, monkeypatch):
    if store.dialect != "postgresql":
        pytest.skip("SQLite plans without table statistics")
    from sqlalchemy import text

    from warta.store import ingest as I
    pages = tmp_path / "pages"
    for i in range(3):
        _page(pages, f"a{i}.txt", STORY.replace("JAKARTA", f"JAKARTA ({i})", 1) + f"\nCatatan nomor {i}.\n")
    monkeypatch.setattr(I, "ANALYZE_FROM", 2)     # as after the first 500 pages of a real run
    calls = []
    real = I._analyze
    monkeypatch.setattr(I, "_analyze", lambda st: (calls.append(1), real(st)))
    rep = ingest(store, [str(pages)], pipeline=pipeline)
    assert rep.stored == 3 and calls == [1]
    with store.session() as s:
        analyzed = s.execute(text("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'facts' "
                                  "AND schemaname = current_schema() AND last_analyze IS NOT NULL")).scalar()
    assert analyzed == 1
