"""Composes the stages.  A stage is a function WorkDoc -> WorkDoc, registered by
name where it is defined (`@stage("clean")`); `Pipeline` runs a list of them by
name, times each, and turns a failure into a `StageFailure` naming the stage.

A stage may also offer `fn.batch(list[WorkDoc]) -> list[WorkDoc]`, the same work
for several documents at once (the nlp stage runs the neural network over all
their paragraphs in one pass: much faster for short pages).  `run_many` uses it,
and falls back to one document at a time when a batch fails, so one broken page
still fails alone.

Heavy resources (spaCy pipelines, the knowledge base) are loaded lazily, once
per process, by the modules that own them; building a Pipeline is cheap.
"""
from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from warta.model import Document, RawPage, ReadFailure, WorkDoc

StageFn = Callable[[WorkDoc], WorkDoc]
_STAGES: dict[str, StageFn] = {}

# module that registers each stage; imported on first use so `warta --help` stays fast
_STAGE_MODULES = {
    "clean": "warta.clean.stage",
    "language": "warta.clean.language",
    "nlp": "warta.nlp.stage",
    "resolve": "warta.kb.stage",
    "facts": "warta.facts.stage",
}
DEFAULT_STAGES = ("clean", "language", "nlp", "resolve", "facts")
BATCH = 16      # pages per batch in `process`: past this, larger batches gain little
CLEAN_STAGES = ("clean", "language")


def stage(name: str) -> Callable[[StageFn], StageFn]:
    """Register a stage function under `name`."""
    def deco(fn: StageFn) -> StageFn:
        if name in _STAGES and _STAGES[name] is not fn:
            raise ValueError(f"stage {name!r} registered twice")
        _STAGES[name] = fn
        return fn
    return deco


def get_stage(name: str) -> StageFn:
    if name not in _STAGES:
        mod = _STAGE_MODULES.get(name)
        if mod is None:
            raise KeyError(f"unknown stage {name!r}; known: {sorted(_STAGE_MODULES)}")
        importlib.import_module(mod)
    return _STAGES[name]


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
    def __init__(self, stages: Iterable[str] = DEFAULT_STAGES):
        self.names = tuple(stages)
        self._fns: list[StageFn] | None = None

    @property
    def fns(self) -> list[StageFn]:
        if self._fns is None:
            self._fns = [get_stage(n) for n in self.names]
        return self._fns

    def warm_up(self) -> None:
        """Load every stage's heavy resources now (once per process)."""
        for n, fn in zip(self.names, self.fns):
            warm = getattr(fn, "warm_up", None)
            if warm:
                warm()

    def run(self, raw: RawPage) -> WorkDoc:
        wd = start(raw)
        for name, fn in zip(self.names, self.fns):
            wd = self._step(name, fn, wd)
        return wd

    @staticmethod
    def _step(name: str, fn: StageFn, wd: WorkDoc) -> WorkDoc:
        t0 = time.perf_counter()
        try:
            wd = fn(wd)
        except Exception as exc:  # one document's failure is data, not a crash
            raise StageFailure(wd.raw.source, name, f"{type(exc).__name__}: {exc}") from exc
        wd.timings[name] = time.perf_counter() - t0
        return wd

    def run_many(self, raws: list[RawPage]) -> list[WorkDoc | StageFailure]:
        """`run` for several pages, through each stage's `batch` where it has one; a
        page's failure is its entry in the result, in the pages' order."""
        out: list[WorkDoc | StageFailure] = [start(r) for r in raws]
        for name, fn in zip(self.names, self.fns):
            live = [i for i, w in enumerate(out) if isinstance(w, WorkDoc)]
            batch = getattr(fn, "batch", None)
            if batch is not None and len(live) > 1:
                t0 = time.perf_counter()
                try:
                    done = batch([out[i] for i in live])
                except Exception:   # find the page that broke it: one at a time below
                    done = None
                if done is not None:
                    share = (time.perf_counter() - t0) / len(live)
                    for i, wd in zip(live, done):
                        wd.timings[name] = share
                        out[i] = wd
                    continue
            for i in live:
                try:
                    out[i] = self._step(name, fn, out[i])   # type: ignore[arg-type]
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
