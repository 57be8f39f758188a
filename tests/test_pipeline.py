"""Batches through the pipeline give what one page at a time gives, and one broken
page fails alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from warta.model import RawPage, ReadFailure, WorkDoc
from warta.pipeline import CLEAN_STAGES, DEFAULT_STAGES, STORE_CONFIG, Pipeline, PipelineOrderError, StageFailure, get_stage
from warta.read import read_inputs
from warta.stage import STAGES, Stage, stage

PAGES = Path(__file__).parent / "regression" / "pages"


def _pages() -> list[RawPage]:
    return [p for p in read_inputs([str(PAGES)]) if isinstance(p, RawPage)]


def test_a_batch_gives_the_documents_one_page_at_a_time_gives(monkeypatch):
    pipe = Pipeline()
    pages = _pages()[:12]
    alone = [pipe.run(p).doc.model_dump(mode="json") for p in pages]
    nlp = next(s for s in pipe.stages if s.name == "nlp")
    sizes: list[int] = []
    real_batch = nlp.batch
    monkeypatch.setattr(nlp, "batch", lambda wds: sizes.append(len(wds)) or real_batch(wds))
    together = [r.doc.model_dump(mode="json") for r in pipe.run_many(pages)]
    assert together == alone
    # the batch really went through the nlp stage's batch path, all pages at once
    assert sizes == [len(pages)]
    assert sum(len(d["entities"]) for d in together) > 10


def test_one_broken_page_fails_alone_and_the_order_is_kept(monkeypatch):
    pages = _pages()[:5]
    real = get_stage("nlp")
    target = pages[2].source

    class Broken(Stage):
        name, requires, assigns = real.name, real.requires, real.assigns

        def __call__(self, wd: WorkDoc) -> WorkDoc:
            if wd.raw.source == target:
                raise ValueError("model exploded")
            return real(wd)

        def batch(self, wds: list[WorkDoc]) -> list[WorkDoc]:
            return [self(w) for w in wds]
    pipe = Pipeline([Broken() if n == "nlp" else n for n in DEFAULT_STAGES])
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


def test_every_stage_declares_fields_of_the_work_document():
    assert set(DEFAULT_STAGES) <= set(STAGES)
    for name, cls in STAGES.items():
        assert cls.name == name and cls.assigns, name
    # the default pipelines are in an order their declarations allow
    Pipeline(DEFAULT_STAGES)
    Pipeline(CLEAN_STAGES)


def test_the_store_write_is_fed_by_the_one_pipeline_and_refuses_one_without_dating():
    from warta.store.ingest import STORE_WRITE
    Pipeline(config=STORE_CONFIG).feeds(STORE_WRITE)
    Pipeline(CLEAN_STAGES, config=STORE_CONFIG).feeds(STORE_WRITE)
    with pytest.raises(PipelineOrderError, match="stage 'store' requires date: no stage of this pipeline assigns date"):
        Pipeline([n for n in DEFAULT_STAGES if n != "date"]).feeds(STORE_WRITE)
    with pytest.raises(PipelineOrderError, match="requires signature"):
        Pipeline([n for n in DEFAULT_STAGES if n != "dedup"]).feeds(STORE_WRITE)
    with pytest.raises(TypeError, match="stage 'dedup' does not take the settings"):
        Pipeline(config={"dedup": {"against_what": "store"}})
    with pytest.raises(ValueError, match="against='elsewhere'"):
        Pipeline(config={"dedup": {"against": "elsewhere"}})


def _dated(published=None, inferred=None, hint=None) -> str | None:
    from warta.model import Metadata
    from warta.pipeline import start
    wd = start(RawPage(doc_id="d", source="s", kind="text", content="x", date_hint=hint))
    wd.doc.metadata = Metadata(published=published, published_inferred=inferred)
    return get_stage("date")(wd).date


def test_a_document_is_dated_by_its_page_then_its_body_then_its_container_then_today():
    import datetime as dt
    assert _dated("2024-02-15T10:00:00+07:00", "2024-01-01", "2024-03-01") == "2024-02-15"
    assert _dated(None, "2024-01-01", "2024-03-01") == "2024-01-01"
    assert _dated(None, None, "2024-03-01") == "2024-03-01"
    assert _dated(None, None, "not a date") == dt.date.today().isoformat()


def test_dedup_against_the_store_signs_and_leaves_the_match_to_the_store(tmp_path):
    page = (PAGES / sorted(p.name for p in PAGES.iterdir() if p.suffix == ".txt")[0]).read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    (tmp_path / "b.txt").write_text(page + "\nBaca juga: berita lain\n", encoding="utf-8")
    out = list(Pipeline(CLEAN_STAGES, config=STORE_CONFIG).process(read_inputs([str(tmp_path)])))
    assert [w.doc.duplicate_of for w in out] == [None, None]
    from warta.clean.dedup import pack, signature
    assert all(w.signature == pack(signature(w.doc.body)) for w in out)


def test_a_misordered_pipeline_fails_naming_the_stage_and_the_field():
    with pytest.raises(PipelineOrderError) as err:
        Pipeline(("clean", "language", "resolve", "nlp", "facts"))
    msg = str(err.value)
    assert "stage 'resolve' requires" in msg and "mentions" in msg
    assert "assigned by 'nlp', which comes after it" in msg
    with pytest.raises(PipelineOrderError, match="no stage of this pipeline assigns doc.body"):
        Pipeline(("language",))


def test_an_unknown_stage_or_field_is_refused():
    with pytest.raises(KeyError, match="unknown stage 'nope'"):
        Pipeline(("clean", "nope"))
    with pytest.raises(ValueError, match="unknown field"):
        stage("typo", requires=("doc.bdy",), assigns=("doc.facts",))(lambda wd: wd)
    assert "typo" not in STAGES


def test_the_local_driver_marks_a_copy_within_the_run(tmp_path):
    page = (PAGES / sorted(p.name for p in PAGES.iterdir() if p.suffix == ".txt")[0]).read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    (tmp_path / "b.txt").write_text(page.replace("\n", "\n\n", 3) + "\nBaca juga: berita lain\n", encoding="utf-8")
    pipe = Pipeline(("clean", "language", "dedup"))
    out = [r.doc for r in pipe.process(read_inputs([str(tmp_path)]))]
    assert out[0].duplicate_of is None
    assert out[1].duplicate_of == out[0].doc_id
    # seen again, each keeps the answer it had: the original does not become a copy of its copy
    assert [r.doc.duplicate_of for r in pipe.process(read_inputs([str(tmp_path)]))] == [None, out[0].doc_id]
