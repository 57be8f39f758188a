"""Batches through the pipeline give what one page at a time gives, and one broken
page fails alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from warta.model import RawPage, ReadFailure, WorkDoc
from warta.pipeline import Pipeline, StageFailure, get_stage
from warta.read import read_inputs

PAGES = Path(__file__).parent / "regression" / "pages"


def _pages() -> list[RawPage]:
    return [p for p in read_inputs([str(PAGES)]) if isinstance(p, RawPage)]


def test_a_batch_gives_the_documents_one_page_at_a_time_gives():
    pipe = Pipeline()
    pages = _pages()[:12]
    alone = [pipe.run(p).doc.model_dump(mode="json") for p in pages]
    together = [r.doc.model_dump(mode="json") for r in pipe.run_many(pages)]
    assert together == alone
    # the batch really went through the nlp stage's batch path, several pages at once
    assert hasattr(get_stage("nlp"), "batch")
    assert sum(len(d["entities"]) for d in together) > 10


def test_one_broken_page_fails_alone_and_the_order_is_kept(monkeypatch):
    pipe = Pipeline()
    pages = _pages()[:5]
    nlp = get_stage("nlp")
    target = pages[2].source

    def broken(wd: WorkDoc) -> WorkDoc:
        if wd.raw.source == target:
            raise ValueError("model exploded")
        return real(wd)
    real = nlp
    broken.batch = lambda wds: [broken(w) for w in wds]   # type: ignore[attr-defined]
    pipe._fns = [broken if fn is nlp else fn for fn in pipe.fns]
    items = [pages[0], ReadFailure(source="x.html", stage="read", reason="unreadable"), *pages[1:]]
    out = list(pipe.process(items, batch=4))
    assert [type(o).__name__ for o in out] == ["WorkDoc", "ReadFailure", "WorkDoc", "StageFailure", "WorkDoc", "WorkDoc"]
    fail = out[3]
    assert isinstance(fail, StageFailure) and fail.source == target and fail.stage == "nlp"
    assert "model exploded" in fail.reason
    assert all(o.doc.entities for o in out if isinstance(o, WorkDoc))


@pytest.mark.parametrize("batch", [1, 3, 64])
def test_process_yields_every_page_once_in_input_order(batch):
    pipe = Pipeline(("clean", "language"))
    pages = _pages()[:7]
    out = list(pipe.process(pages, batch=batch))
    assert [o.raw.source for o in out] == [p.source for p in pages]
