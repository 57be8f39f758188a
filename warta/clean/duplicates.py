"""Stage "dedup": a document that nearly repeats one seen before by the same pipeline
names it in `duplicate_of` (MinHash, `warta.clean.dedup`).  A pipeline's stage
instance remembers the documents it saw; the store checks against every stored
article instead (`warta.store.neardup`)."""
from __future__ import annotations

from warta.clean.dedup import NearDuplicates
from warta.model import WorkDoc
from warta.stage import Stage, stage


@stage("dedup", requires=("doc.doc_id", "doc.body"), assigns=("doc.duplicate_of",))
class Dedup(Stage):
    def __init__(self) -> None:
        self.seen = NearDuplicates()

    def __call__(self, wd: WorkDoc) -> WorkDoc:
        wd.doc.duplicate_of = self.seen.check(wd.doc.doc_id, wd.doc.body)
        return wd
