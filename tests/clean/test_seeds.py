"""The founding examples: exact bodies, no chrome, metadata equal to the gold."""
from __future__ import annotations

import json

import pytest

from warta.pipeline import Pipeline
from warta.read import read_inputs

FIELDS = ("title", "published", "authors", "editors", "site", "dateline", "cited_sources")


@pytest.fixture(scope="module")
def cleaned(seeds_dir):
    pipe = Pipeline(("clean", "language"))
    return {r.doc.doc_id: r for r in pipe.process(read_inputs([str(seeds_dir)]))}


def _gold(seeds_dir):
    return {p.name.split(".")[0]: json.loads(p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.gold.json"))}


def test_bodies_equal_the_gold(cleaned, seeds_dir):
    for doc_id, g in _gold(seeds_dir).items():
        assert cleaned[doc_id].doc.body == g["body"]


def test_no_chrome_line_in_any_body(cleaned):
    for r in cleaned.values():
        for line in r.removed:
            if len(line) > 20:
                assert line not in r.doc.body.split("\n\n"), line


def test_metadata_equals_the_gold(cleaned, seeds_dir):
    for doc_id, g in _gold(seeds_dir).items():
        got = cleaned[doc_id].doc.metadata
        for f in FIELDS:
            want = g["metadata"][f]
            value = getattr(got, f)
            assert (sorted(value) if isinstance(value, list) else value) == (sorted(want) if isinstance(want, list) else want), f


def test_language_is_indonesian(cleaned):
    assert {r.doc.language for r in cleaned.values()} == {"id"}
