"""Near-duplicates against everything stored, not only this run: a syndicated copy ingested
another day, or by another process at the same time, names the article it repeats.  The
signatures and their LSH bands are rows of the store, so a run holds none of them in memory
and a second run sees the first one's articles."""
from __future__ import annotations

import numpy as np
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from warta import datafiles
from warta.clean.dedup import band_keys, pack, signature, unpack
from warta.store import models as M
from warta.store.db import chunks

THRESHOLD: float = datafiles.load("thresholds.yaml")["store"]["near_duplicate"]   # warta/data/thresholds.yaml


def check_and_register(s: Session, doc_id: str, body: str, sig_bytes: bytes | None = None,
                       threshold: float = THRESHOLD) -> str | None:
    """The original that `body` nearly repeats (Jaccard of word 3-grams >= threshold), or
    None; the article's signature joins the index in the caller's transaction.  The highest
    similarity wins, a tie goes to the smaller id, and a copy of a copy names the original,
    so the answer depends on what is stored, not on the process or its hashing.  `sig_bytes`
    is the signature the pipeline's "dedup" stage packed (`WorkDoc.signature`); without it
    the body is signed here."""
    return mark_many(s, [(doc_id, body, sig_bytes)], threshold)[0]


def mark_many(s: Session, articles: list[tuple[str, str, bytes | None]], threshold: float = THRESHOLD) -> list[str | None]:
    """`check_and_register` for each (doc_id, body, packed signature or None) in turn, as if
    one after the other (an article sees those before it in the list), with one lookup of
    the index for them all."""
    sigs = {i: unpack(sb) if sb is not None else signature(body)
            for i, (_, body, sb) in enumerate(articles) if body.strip()}
    bands = {i: sorted(set(band_keys(sig))) for i, sig in sigs.items()}
    every = sorted({b for bs in bands.values() for b in bs})
    if every and s.get_bind().dialect.name == "postgresql":
        # a near-duplicate shares a band: whoever writes second waits here for the first to
        # commit.  The locks are taken in one order by everyone, so two writers never deadlock.
        for part in chunks(every, 2000):
            s.execute(text("SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext(b) AS k "
                           "FROM unnest(CAST(:bands AS text[])) AS b ORDER BY k) AS t"), {"bands": part})
    by_band: dict[str, set[str]] = {}
    for part in chunks(every):
        for band, doc_id in s.execute(select(M.NearDupBand.band, M.NearDupBand.doc_id).where(M.NearDupBand.band.in_(part))):
            by_band.setdefault(band, set()).add(doc_id)
    stored = sorted({d for ds in by_band.values() for d in ds} | {articles[i][0] for i in sigs})
    # signatures compared as their packed values: the share of equal ones is MinHash's Jaccard
    index: dict[str, tuple[np.ndarray, str | None]] = {}
    for part in chunks(stored):
        for doc_id, data, orig in s.execute(select(M.NearDupSignature.doc_id, M.NearDupSignature.sig,
                                                   M.NearDupSignature.original)
                                            .where(M.NearDupSignature.doc_id.in_(part))):
            index[doc_id] = (np.frombuffer(data, dtype="<u8"), orig)
    answers: dict[int, str | None] = {}
    rows, band_rows = [], []
    for i, (doc_id, _, _) in enumerate(articles):
        if i not in sigs:
            answers[i] = None
            continue
        values = np.frombuffer(pack(sigs[i]), dtype="<u8")
        if doc_id in index:            # a later revision keeps the first revision's answer
            answers[i] = index[doc_id][1]
            continue
        cands = {d for b in bands[i] for d in by_band.get(b, ())} & index.keys() - {doc_id}
        best, best_j, original = None, threshold, None
        for other in sorted(cands):
            other_values, orig = index[other]
            j = float(np.count_nonzero(values == other_values)) / len(values)
            if j > best_j or (best is None and j >= best_j):
                best, best_j, original = other, j, orig or other
        answers[i] = original
        index[doc_id] = (values, original)
        for b in bands[i]:
            by_band.setdefault(b, set()).add(doc_id)
        rows.append({"doc_id": doc_id, "sig": values.tobytes(), "original": original})
        band_rows += [{"band": b, "doc_id": doc_id} for b in bands[i]]
    if rows:
        s.execute(M.NearDupSignature.__table__.insert(), rows)
        s.execute(M.NearDupBand.__table__.insert(), band_rows)
    return [answers[i] for i in range(len(articles))]
