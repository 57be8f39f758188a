"""What the encoder reads, in NumPy alone (the ONNX path needs no torch): words to
piece ids with <s> and </s>, padded batches, and the embedded pieces.  The
word-embedding table stays packed (250,037 rows of Q4): rows are unpacked as
pieces are first seen and kept."""
from __future__ import annotations

import numpy as np

from warta.nlp.encoder.tokenize import Pieces
from warta.nlp.encoder.weights import load


class Inputs:
    def __init__(self, path: str | None = None):
        packed = load(path)
        self.packed, self.pieces = packed, Pieces(packed)
        self.H = packed.config["H"]
        self._rows: dict[int, np.ndarray] = {}

    def embed(self, ids: np.ndarray) -> np.ndarray:
        """Word-embedding rows [batch, pieces, H] (float32) for piece ids [batch, pieces]."""
        uniq, inv = np.unique(ids, return_inverse=True)
        new = [int(u) for u in uniq if int(u) not in self._rows]
        if new:
            for u, row in zip(new, self.packed.rows("emb.word", np.array(new), self.H)):
                self._rows[u] = row
        table = np.stack([self._rows[int(u)] for u in uniq])
        return table[inv.reshape(ids.shape)]

    def encode(self, words: list[str], limit: int) -> tuple[list[int], list[int]]:
        """Piece ids with <s> and </s>, and the position of each word's first piece
        (words past `limit` pieces are cut)."""
        ids, first = [self.pieces.bos], []
        for w in words:
            p = self.pieces.word(w) or (self.pieces.unk,)
            if len(ids) + len(p) >= limit:
                break
            first.append(len(ids))
            ids.extend(p)
        ids.append(self.pieces.eos)
        return ids, first

    def batch(self, sents: list[list[str]], limit: int) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
        """Padded piece ids and mask [batch, pieces], and each sentence's first-piece positions."""
        enc = [self.encode(w, limit) for w in sents]
        T = max(len(e) for e, _ in enc)
        ids = np.full((len(enc), T), self.pieces.pad, dtype=np.int64)
        mask = np.zeros((len(enc), T), dtype=bool)
        for i, (e, _) in enumerate(enc):
            ids[i, :len(e)] = e
            mask[i, :len(e)] = True
        return ids, mask, [f for _, f in enc]
