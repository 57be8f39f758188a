"""Rows of a partition: batched through the pipeline, in input order, and a reader
that breaks part-way still gives the rows of the pages it read."""
from __future__ import annotations

from pathlib import Path

import pytest

from warta.model import RawPage, ReadFailure
from warta.read import read_inputs
from warta.spark.rows import page_rows, pages_rows

PAGES = Path(__file__).parents[1] / "regression" / "pages"


def _pages(n: int) -> list[RawPage]:
    return [p for p in read_inputs([str(PAGES)]) if isinstance(p, RawPage)][:n]


def test_rows_in_batches_equal_rows_page_by_page():
    pages = _pages(6)
    items = [pages[0], ReadFailure(source="bad.warc", reason="truncated record"), *pages[1:]]
    one_by_one = [row for item in items for row in page_rows(item, filter_scope=False)]
    batched = list(pages_rows(items, filter_scope=False))
    assert batched == one_by_one
    kinds = [k for k, _ in batched]
    assert kinds.count("document") == 6 and kinds.count("failure") == 1 and "fact" in kinds


def test_a_reader_failing_part_way_keeps_the_pages_read_before_it():
    pages = _pages(3)

    def reader():
        yield from pages
        raise OSError("archive truncated")

    got = []
    with pytest.raises(OSError, match="truncated"):
        for row in pages_rows(reader(), filter_scope=False):
            got.append(row)
    assert [r["source"] for k, r in got if k == "document"] == [p.source for p in pages]
