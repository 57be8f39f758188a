"""The local driver: read inputs, run the pipeline, write FORMAT documents.

The same `Pipeline` serves this driver, `warta ingest` and the Spark driver.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from warta.model import ReadFailure, WorkDoc
from warta.pipeline import CLEAN_STAGES, DEFAULT_STAGES, Pipeline, StageFailure


def failure_line(f: ReadFailure | StageFailure) -> str:
    if isinstance(f, StageFailure):
        return f"warta: {f.source}: {f.stage}: {f.reason}"
    return f"warta: {f.source}: {f.reason}"


def iter_results(paths: Iterable[str], clean_only: bool = False, progress: bool | None = None
                 ) -> Iterator[WorkDoc | ReadFailure | StageFailure]:
    """Every input page through the pipeline; near-duplicates marked; failures as records."""
    from warta.read import read_inputs

    pipe = Pipeline(CLEAN_STAGES if clean_only else DEFAULT_STAGES)
    items = read_inputs(list(paths))
    results = pipe.process(items)
    show = sys.stderr.isatty() if progress is None else progress
    if show:
        results = _with_progress(results)
    yield from results


def _with_progress(results: Iterator) -> Iterator:
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  TextColumn("{task.completed} pages"), TimeElapsedColumn(),
                  transient=True, console=_stderr_console()) as prog:
        task = prog.add_task("extracting", total=None)
        for r in results:
            prog.advance(task)
            yield r


def _stderr_console():
    from rich.console import Console
    return Console(stderr=True)


def extract_documents(paths: Iterable[str], out: IO[str], fmt: str = "jsonl", clean_only: bool = False) -> int:
    """Write each document to `out`; report failures on stderr; return how many failed."""
    ok = failed = 0
    docs = []
    for r in iter_results(paths, clean_only=clean_only):
        if isinstance(r, WorkDoc):
            ok += 1
            if fmt == "jsonl":
                out.write(r.doc.model_dump_json() + "\n")
                out.flush()
            else:
                docs.append(r)
        else:
            failed += 1
            print(failure_line(r), file=sys.stderr)
    if fmt == "json":
        json.dump([d.doc.model_dump(mode="json") for d in docs], out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "pretty":
        from warta.show import print_documents
        print_documents([d.doc for d in docs], out)
    if sys.stderr.isatty() or fmt == "pretty":
        print(f"warta: {ok} documents, {failed} failed", file=sys.stderr)
    return failed
