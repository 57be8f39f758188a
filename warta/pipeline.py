"""Composes the stages.  A stage (`warta.stage.Stage`) is registered by name where it
is defined, declaring the work-document fields it requires and assigns; `Pipeline`
runs a list of them by name, checks their order from those declarations, times each,
and turns a failure into a `StageFailure` naming the stage.

A stage's `batch(list[WorkDoc])` does the same work for several documents at once (the
nlp stage runs the neural network over all their paragraphs in one pass: much faster
for short pages).  `run_many` uses it, and falls back to one document at a time when a
batch fails, so one broken page still fails alone.

Heavy resources (spaCy pipelines, the knowledge base) are loaded lazily, once per
process, by the modules that own them (or by `warm_up()`); building a Pipeline is cheap.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

import warta.stages  # noqa: F401  (registers every stage)
from warta.model import Document, RawPage, ReadFailure, WorkDoc
from warta.stage import GIVEN, STAGES, Stage

# the one pipeline: `warta extract`, `warta ingest` and the Spark job all run these stages
DEFAULT_STAGES = ("clean", "language", "date", "nlp", "resolve", "facts", "dedup")
CLEAN_STAGES = ("clean", "language", "date", "dedup")
# the stage settings of the drivers that write to the store (`warta ingest`, the Spark job):
# near-duplicates are matched by the store's write against every stored article, not
# within the run (the "dedup" stage only signs the body; see `warta.clean.duplicates`)
STORE_CONFIG: dict[str, dict[str, Any]] = {"dedup": {"against": "store"}}
BATCH = 16      # pages per batch in `process`: past this, larger batches gain little


class PipelineOrderError(ValueError):
    """A stage would read a field no stage before it writes."""


def get_stage(name: str, **settings: Any) -> Stage:
    """A new instance of the stage registered as `name`, made with `settings`."""
    if name not in STAGES:
        raise KeyError(f"unknown stage {name!r}; known: {sorted(STAGES)}")
    try:
        return STAGES[name](**settings)
    except TypeError as exc:
        raise TypeError(f"stage {name!r} does not take the settings {settings}: {exc}") from exc


@dataclass(frozen=True)
class Sink:
    """Where a pipeline's documents go after its last stage (the store's write), declared
    like a stage: the fields it reads and those it decides itself.  `Pipeline.feeds`
    checks a pipeline against it as the stage after its last."""
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...] = ()


def check_order(stages: Sequence[Stage | Sink]) -> None:
    """Raise PipelineOrderError unless every field each stage requires is given or assigned
    by a stage before it."""
    have = set(GIVEN)
    for i, st in enumerate(stages):
        missing = [f for f in st.requires if f not in have]
        if missing:
            later = {f: s.name for s in stages[i + 1:] for f in s.assigns}
            why = "; ".join(f"{f} is assigned by {later[f]!r}, which comes after it" if f in later
                            else f"no stage of this pipeline assigns {f}" for f in missing)
            raise PipelineOrderError(f"stage {st.name!r} requires {', '.join(missing)}: {why} "
                                     f"(pipeline: {' -> '.join(s.name for s in stages)})")
        have |= set(st.assigns)


@dataclass
class StageFailure(Exception):
    source: str
    stage: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.stage} failed: {self.reason}"


def batches(items: Iterable, size: int = BATCH) -> Iterator[list]:
    """`items` in lists of `size`, in order.  When the iterator itself fails part-way
    (a reader breaking inside an archive), the items read before the failure still come
    out as a last list, then the error rises."""
    it = iter(items)
    while True:
        chunk: list = []
        try:
            chunk.extend(islice(it, size))
        except Exception:
            if chunk:
                yield chunk
            raise
        if chunk:
            yield chunk
        if len(chunk) < size:
            return


def start(raw: RawPage) -> WorkDoc:
    return WorkDoc(raw=raw, doc=Document(doc_id=raw.doc_id))


class Pipeline:
    """`stages` by name (or as instances), in order; `config` gives a named stage its
    settings (`{"dedup": {"against": "store"}}`)."""

    def __init__(self, stages: Iterable[str | Stage] = DEFAULT_STAGES,
                 config: Mapping[str, Mapping[str, Any]] | None = None):
        config = config or {}
        self.stages: list[Stage] = [get_stage(s, **config.get(s, {})) if isinstance(s, str) else s for s in stages]
        self.names = tuple(s.name for s in self.stages)
        check_order(self.stages)

    def feeds(self, sink: Sink) -> Pipeline:
        """Raise PipelineOrderError unless this pipeline gives `sink` every field it reads."""
        check_order([*self.stages, sink])
        return self

    def warm_up(self) -> None:
        """Load every stage's heavy resources now (once per process)."""
        for st in self.stages:
            st.warm_up()

    def run(self, raw: RawPage) -> WorkDoc:
        wd = start(raw)
        for st in self.stages:
            wd = self._step(st, wd)
        return wd

    @staticmethod
    def _step(st: Stage, wd: WorkDoc) -> WorkDoc:
        t0 = time.perf_counter()
        try:
            wd = st(wd)
        except Exception as exc:  # one document's failure is data, not a crash
            raise StageFailure(wd.raw.source, st.name, f"{type(exc).__name__}: {exc}") from exc
        wd.timings[st.name] = time.perf_counter() - t0
        return wd

    def run_many(self, raws: list[RawPage]) -> list[WorkDoc | StageFailure]:
        """`run` for several pages, through each stage's `batch` where it has one; a
        page's failure is its entry in the result, in the pages' order."""
        out: list[WorkDoc | StageFailure] = [start(r) for r in raws]
        for st in self.stages:
            live = [i for i, w in enumerate(out) if isinstance(w, WorkDoc)]
            if st.batches() and len(live) > 1:
                t0 = time.perf_counter()
                try:
                    done = st.batch([w for w in out if isinstance(w, WorkDoc)])   # the live ones, in order
                except Exception:   # find the page that broke it: one at a time below
                    done = None
                if done is not None:
                    share = (time.perf_counter() - t0) / len(live)
                    for i, wd in zip(live, done):
                        wd.timings[st.name] = share
                        out[i] = wd
                    continue
            for i in live:
                try:
                    out[i] = self._step(st, out[i])   # type: ignore[arg-type]
                except StageFailure as f:
                    out[i] = f
        return out

    def process(self, items: Iterable[RawPage | ReadFailure], batch: int = BATCH
                ) -> Iterator[WorkDoc | ReadFailure | StageFailure]:
        """Run every page, `batch` at a time, in order; failures are yielded as records
        and the run goes on."""
        for chunk in batches(items, batch):
            pages = [x for x in chunk if not isinstance(x, ReadFailure)]
            done = iter(self.run_many(pages) if pages else [])
            for x in chunk:
                yield x if isinstance(x, ReadFailure) else next(done)
