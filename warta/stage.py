"""The stage contract.  A stage turns a work document into a richer one; it is
registered once, where it is defined, with what it reads and writes:

    @stage("language", requires=("doc.body",), assigns=("doc.language",))
    def language(wd: WorkDoc) -> WorkDoc: ...

or, for a stage with resources to load or a faster way through several documents,
a `Stage` subclass:

    @stage("nlp", requires=("doc.body", "doc.language"), assigns=("sentences", "mentions", ...))
    class Nlp(Stage):
        def __call__(self, wd): ...
        def batch(self, wds): ...        # the same work for several documents at once
        def warm_up(self): ...           # load the models now (once per process)

`requires` and `assigns` name fields of `WorkDoc` ("doc.body", "mentions", ...);
`warta.pipeline.Pipeline` checks from them that every field a stage reads was
written by a stage before it.  The registry is `STAGES`; `warta/stages.py` imports
every module that defines one.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import ClassVar

from warta.model import Document, WorkDoc

# the fields a stage may declare: WorkDoc's own and the document's ("doc.body")
FIELDS: frozenset[str] = frozenset(
    [f.name for f in dataclasses.fields(WorkDoc) if f.name != "doc"] + [f"doc.{n}" for n in Document.model_fields])
# what a new work document holds before any stage ran
GIVEN: frozenset[str] = frozenset({"raw", "doc.doc_id"})


class Stage:
    """One step of the pipeline.  Subclasses set `name`, `requires` and `assigns` (through
    `@stage`) and implement `__call__`; `batch` and `warm_up` have defaults."""
    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, wd: WorkDoc) -> WorkDoc:
        raise NotImplementedError

    def batch(self, wds: list[WorkDoc]) -> list[WorkDoc]:
        """Several documents at once; by default one after the other."""
        return [self(wd) for wd in wds]

    def warm_up(self) -> None:
        """Load heavy resources now rather than on the first document."""

    @classmethod
    def batches(cls) -> bool:
        """Whether this stage has a batch path of its own (worth a batch's failure fallback)."""
        return cls.batch is not Stage.batch

    def __repr__(self) -> str:
        return f"<stage {self.name}: {', '.join(self.requires)} -> {', '.join(self.assigns)}>"


class FunctionStage(Stage):
    """A stage made of one function WorkDoc -> WorkDoc."""
    fn: ClassVar[Callable[[WorkDoc], WorkDoc]]

    def __call__(self, wd: WorkDoc) -> WorkDoc:
        return type(self).fn(wd)


STAGES: dict[str, type[Stage]] = {}


def _check_fields(name: str, what: str, fields: tuple[str, ...]) -> tuple[str, ...]:
    bad = [f for f in fields if f not in FIELDS]
    if bad:
        raise ValueError(f"stage {name!r} {what} unknown field(s) {bad}; a stage names WorkDoc fields: {sorted(FIELDS)}")
    return tuple(fields)


def stage(name: str, requires: tuple[str, ...], assigns: tuple[str, ...]):
    """Register a stage class, or a function WorkDoc -> WorkDoc, under `name`.  A function
    is returned unchanged (it can still be called directly)."""
    req = _check_fields(name, "requires", requires)
    out = _check_fields(name, "assigns", assigns)

    def deco(obj):
        if isinstance(obj, type) and issubclass(obj, Stage):
            cls = obj
        elif callable(obj):
            cls = type(f"{name.title()}Stage", (FunctionStage,),
                       {"fn": staticmethod(obj), "__doc__": obj.__doc__, "__module__": obj.__module__})
        else:
            raise TypeError(f"@stage({name!r}) decorates a Stage subclass or a function, not {obj!r}")
        if name in STAGES and STAGES[name].__qualname__ != cls.__qualname__:
            raise ValueError(f"stage {name!r} registered twice: {STAGES[name].__qualname__} and {cls.__qualname__}")
        cls.name, cls.requires, cls.assigns = name, req, out
        STAGES[name] = cls
        return obj
    return deco
