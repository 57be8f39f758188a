"""Near-duplicates against everything stored, not only this run: a syndicated copy ingested
another day, or by another process at the same time, names the article it repeats."""
from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from warta import datafiles
from warta.clean.dedup import band_keys, pack, signature, unpack
from warta.store import models as M

THRESHOLD: float = datafiles.load("thresholds.yaml")["store"]["near_duplicate"]   # warta/data/thresholds.yaml


def check_and_register(s: Session, doc_id: str, body: str, sig_bytes: bytes | None = None,
                       threshold: float = THRESHOLD) -> str | None:
    """The original that `body` nearly repeats (Jaccard of word 3-grams >= threshold), or
    None; the article's signature joins the index in the caller's transaction.  The highest
    similarity wins, a tie goes to the smaller id, and a copy of a copy names the original,
    so the answer depends on what is stored, not on the process or its hashing.  `sig_bytes`
    is the signature the pipeline's "dedup" stage packed (`WorkDoc.signature`); without it
    the body is signed here."""
    if not body.strip():
        return None
    sig = unpack(sig_bytes) if sig_bytes is not None else signature(body)
    bands = sorted(set(band_keys(sig)))
    known = s.get(M.NearDupSignature, doc_id)
    if known is not None:          # a later revision keeps the first revision's answer
        return known.original
    if s.get_bind().dialect.name == "postgresql":
        # a near-duplicate shares a band: whoever writes second waits here for the first to commit
        for b in bands:
            s.execute(text("SELECT pg_advisory_xact_lock(hashtext(:b))"), {"b": b})
    cands = set(s.scalars(select(M.NearDupBand.doc_id).where(M.NearDupBand.band.in_(bands))).all()) - {doc_id}
    best, best_j, original = None, threshold, None
    if cands:
        rows = s.execute(select(M.NearDupSignature.doc_id, M.NearDupSignature.sig, M.NearDupSignature.original)
                         .where(M.NearDupSignature.doc_id.in_(sorted(cands)))).all()
        for other, data, orig in sorted(rows):
            j = sig.jaccard(unpack(data))
            if j > best_j or (best is None and j >= best_j):
                best, best_j, original = other, j, orig or other
    s.add(M.NearDupSignature(doc_id=doc_id, sig=pack(sig), original=original))
    s.add_all(M.NearDupBand(band=b, doc_id=doc_id) for b in bands)
    s.flush()
    return original
