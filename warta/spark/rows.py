"""What one page becomes as table rows: the document (with its whole FORMAT JSON),
its entities and facts, or a failure with its stage and reason.  Shared by the
Spark job and by `warta load`, so both agree on every field."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from warta import datafiles
from warta.model import RawPage, ReadFailure, WorkDoc
from warta.pipeline import STORE_CONFIG, Pipeline, StageFailure, batches


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    """`warta ingest`'s pipeline, once per Python worker process (models load once per
    worker, and workers are reused): the same stages, dating and signing included, for the
    same store write, which `warta load` makes."""
    from warta.store.ingest import STORE_WRITE
    p = Pipeline(config=STORE_CONFIG).feeds(STORE_WRITE)
    p.warm_up()
    return p


@lru_cache(maxsize=1)
def _topic_rx() -> re.Pattern:
    words = datafiles.load("topics.yaml")["topics"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.I)


def in_scope(raw: RawPage) -> bool:
    """A cheap test on the raw page before any NLP: does it speak of Warta's topics?"""
    return bool(_topic_rx().search(raw.content[:200_000]))


def page_rows(item: RawPage | ReadFailure, filter_scope: bool = True) -> list[tuple[str, dict]]:
    """("document" | "entity" | "fact" | "failure", row) pairs for one page."""
    return next(iter(batch_rows([item], filter_scope)))


def pages_rows(items: Iterable[RawPage | ReadFailure], filter_scope: bool = True) -> Iterator[tuple[str, dict]]:
    """The rows of every page, pages going through the pipeline in batches (the
    network runs faster over several pages at once).  When reading fails part-way,
    the pages read before the failure still give their rows, then the error rises."""
    for chunk in batches(items):
        for rows in batch_rows(chunk, filter_scope):
            yield from rows


def batch_rows(items: list[RawPage | ReadFailure], filter_scope: bool = True) -> list[list[tuple[str, dict]]]:
    """The rows of each page of `items`, in order."""
    out: list[list[tuple[str, dict]] | None] = []
    todo: list[tuple[int, RawPage]] = []
    for item in items:
        if isinstance(item, ReadFailure):
            out.append([("failure", {"source": item.source, "stage": item.stage, "reason": item.reason})])
        elif filter_scope and not in_scope(item):
            out.append([("failure", {"source": item.source, "stage": "filter", "reason": "out of scope: no topic word"})])
        else:
            todo.append((len(out), item))
            out.append(None)
    results = pipeline().run_many([item for _, item in todo]) if todo else []
    for (i, item), res in zip(todo, results):
        out[i] = _result_rows(item, res, filter_scope)
    return out  # type: ignore[return-value]


def _result_rows(item: RawPage, res: WorkDoc | StageFailure, filter_scope: bool) -> list[tuple[str, dict]]:
    from warta.store.ingest import page_hash
    if isinstance(res, StageFailure):
        return [("failure", {"source": res.source, "stage": res.stage, "reason": res.reason})]
    wd = res
    if filter_scope and wd.doc.language not in ("id", "en"):
        return [("failure", {"source": item.source, "stage": "filter", "reason": f"language {wd.doc.language!r} out of scope"})]
    day = wd.date
    d = wd.doc
    rows = [("document", {"page_id": page_hash(item), "doc_id": d.doc_id, "date": day, "url": item.url, "source": item.source,
                          "language": d.language, "title": d.metadata.title, "body": d.body,
                          "removed": json.dumps(wd.removed, ensure_ascii=False), "doc_json": d.model_dump_json(),
                          "signature": wd.signature})]
    rows += [("entity", {"doc_id": d.doc_id, "date": day, "id": e.id, "type": e.type, "name": e.name, "mentions": len(e.mentions)})
             for e in d.entities]
    rows += [("fact", {"doc_id": d.doc_id, "date": day, "type": f.type, "status": f.status, "certainty": f.certainty,
                       "args": json.dumps(f.args, ensure_ascii=False)}) for f in d.facts]
    return rows
