"""Near-duplicate detection: the same story syndicated twice, with other chrome
and small edits, is recognised by MinHash over word shingles (datasketch)."""
from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

TOKEN = re.compile(r"\w+", re.U)
NUM_PERM = 128
SHINGLE = 3


def signature(body: str, num_perm: int = NUM_PERM) -> MinHash:
    toks = TOKEN.findall(body.casefold())
    m = MinHash(num_perm=num_perm, seed=1)
    grams = {" ".join(toks[i:i + SHINGLE]) for i in range(max(1, len(toks) - SHINGLE + 1))}
    for g in grams:
        m.update(g.encode("utf-8"))
    return m


class NearDuplicates:
    """Remembers the documents seen; `check` names an earlier near-duplicate, if any."""

    def __init__(self, threshold: float = 0.8):
        self.lsh = MinHashLSH(threshold=max(0.3, threshold - 0.2), num_perm=NUM_PERM)  # recall first; verified below
        self.threshold = threshold
        self.sigs: dict[str, MinHash] = {}

    def check(self, doc_id: str, body: str) -> str | None:
        if not body.strip():
            return None
        sig = signature(body)
        best, best_j = None, self.threshold
        for other in self.lsh.query(sig):
            j = sig.jaccard(self.sigs[other])
            if other != doc_id and j >= best_j:
                best, best_j = other, j
        if doc_id not in self.sigs:
            self.sigs[doc_id] = sig
            self.lsh.insert(doc_id, sig)
        return best
