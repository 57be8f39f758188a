"""Near-duplicate detection: the same story syndicated twice, with other chrome
and small edits, is recognised by MinHash over word shingles (datasketch)."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from warta import datafiles

TOKEN = re.compile(r"\w+", re.U)
NUM_PERM = 128
SHINGLE = 3


def signature(body: str, num_perm: int = NUM_PERM) -> MinHash:
    toks = TOKEN.findall(body.casefold())
    m = MinHash(num_perm=num_perm, seed=1)
    grams = {" ".join(toks[i:i + SHINGLE]) for i in range(max(1, len(toks) - SHINGLE + 1))}
    m.update_batch([g.encode("utf-8") for g in grams])   # the same values as one update a gram, 4x faster
    return m


BANDS, ROWS = 32, 4       # LSH bands over the 128 values: candidates from Jaccard about 0.4 up


def pack(sig: MinHash) -> bytes:
    return sig.hashvalues.astype("<u8").tobytes()


@lru_cache(maxsize=1)
def _scheme() -> tuple[dict, np.dtype]:
    """The installed datasketch's hashing scheme and value type, as `signature` makes them."""
    like = MinHash(num_perm=1, seed=1)
    return ({"scheme": like.scheme} if getattr(like, "scheme", None) else {}), like.hashvalues.dtype


def unpack(data: bytes) -> MinHash:
    """The signature `pack` stored, as a MinHash of the same hashing scheme as `signature`'s."""
    extra, dtype = _scheme()
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.frombuffer(data, dtype="<u8").astype(dtype), **extra)


def band_keys(sig: MinHash) -> list[str]:
    """One key per band: two signatures that agree on every value of a band share its key."""
    hv = sig.hashvalues.astype("<u8")
    return [f"{b:02d}" + hashlib.sha1(hv[b * ROWS:(b + 1) * ROWS].tobytes()).hexdigest()[:20] for b in range(BANDS)]


class NearDuplicates:
    """Remembers the documents seen; `check` names an earlier near-duplicate, if any."""

    def __init__(self, threshold: float | None = None):
        threshold = datafiles.load("thresholds.yaml")["store"]["near_duplicate"] if threshold is None else threshold
        self.lsh = MinHashLSH(threshold=max(0.3, threshold - 0.2), num_perm=NUM_PERM)  # recall first; verified below
        self.threshold = threshold
        self.sigs: dict[str, MinHash] = {}
        self.order: dict[str, int] = {}
        self.original: dict[str, str] = {}

    def check(self, doc_id: str, body: str, sig: MinHash | None = None) -> str | None:
        """The earliest-seen original this body nearly repeats, or None.  The answer depends on
        the order documents are seen in, never on hashing: candidates are weighed in the order
        they were first seen, the highest similarity wins and a tie goes to the earlier one,
        and a copy of a copy names the original.  `sig` is the body's signature when the
        caller has it already."""
        if not body.strip():
            return None
        if doc_id in self.sigs:       # seen before: the answer it had then
            return self.original.get(doc_id)
        sig = sig if sig is not None else signature(body)
        best, best_j = None, self.threshold
        for other in sorted(self.lsh.query(sig), key=self.order.__getitem__):
            if other == doc_id:
                continue
            j = sig.jaccard(self.sigs[other])
            if j > best_j or (best is None and j >= best_j):
                best, best_j = other, j
        self.order[doc_id] = len(self.order)
        self.sigs[doc_id] = sig
        self.lsh.insert(doc_id, sig)
        if best is not None:
            self.original[doc_id] = self.original.get(best, best)
        return self.original.get(best, best) if best is not None else None
