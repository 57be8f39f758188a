"""Shared by the facts tests: the facts of a page made from a few sentences of the
project's own, through the whole pipeline."""
from __future__ import annotations

import pytest

from warta.model import RawPage
from warta.pipeline import Pipeline


@pytest.fixture(scope="module")
def extract():
    pipe = Pipeline(("clean", "language", "nlp", "resolve", "facts"))

    def run(text: str, published: str = "Senin, 3 Juni 2024 10:00 WIB"):
        page = f"Judul Berita Ekonomi Hari Ini\n{published}\n\n{text}\n"
        return pipe.run(RawPage("t", "test", "text", page)).doc.facts
    return run
