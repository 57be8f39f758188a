"""Stage "dedup": the body's MinHash signature (`warta.clean.dedup`), and the earlier
near-duplicate it repeats, if any, in `duplicate_of`.

Where the match is made is the stage's one setting, `against`:
- "run" (`warta extract`, `warta.extract_many`): against the documents this stage
  instance saw before, in memory;
- "store" (`warta ingest`, the Spark job and `warta load`): the stage only signs the
  body; the store's write matches the signature against every stored article, in the
  document's own transaction (`warta.store.neardup.check_and_register`), so a copy
  ingested another day, or by another process, names its original too.
Either way the stage runs in the same place of the same pipeline
(`warta.pipeline.DEFAULT_STAGES`)."""
from __future__ import annotations

from typing import Literal

from warta.clean.dedup import NearDuplicates, pack, signature
from warta.model import WorkDoc
from warta.stage import Stage, stage

AGAINST = ("run", "store")


@stage("dedup", requires=("doc.doc_id", "doc.body"), assigns=("signature", "doc.duplicate_of"))
class Dedup(Stage):
    def __init__(self, against: Literal["run", "store"] = "run") -> None:
        if against not in AGAINST:
            raise ValueError(f"dedup: against={against!r}; one of {', '.join(AGAINST)}")
        self.against = against
        self.seen = NearDuplicates() if against == "run" else None

    def __call__(self, wd: WorkDoc) -> WorkDoc:
        body = wd.doc.body
        sig = signature(body) if body.strip() else None
        wd.signature = pack(sig) if sig is not None else None
        if self.seen is not None:
            wd.doc.duplicate_of = self.seen.check(wd.doc.doc_id, body, sig)
        return wd
