"""The encoder as a PyTorch module: the packed weights frozen, low-rank adapters
(LoRA) on every projection, trainable layer norms, and a tagging head over the
first piece of each word.  Only what training changes is saved (`adapter`)."""
from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from warta.nlp.encoder.inputs import Inputs
from warta.nlp.encoder.weights import Packed, load

LABELS = ["O", "B-ORG", "I-ORG", "B-PERSON", "I-PERSON", "B-PLACE", "I-PLACE"]
PROJ = {"q": "HH", "k": "HH", "v": "HH", "ao": "HH", "fi": "FH", "fo": "HF"}


class Adapted(nn.Module):
    """y = W x + b + (B A x) * alpha / r, W and b frozen."""

    def __init__(self, w: np.ndarray, b: np.ndarray, rank: int, alpha: float = 16.0):
        super().__init__()
        self.register_buffer("w", torch.from_numpy(w), persistent=False)
        self.register_buffer("b", torch.from_numpy(b), persistent=False)
        self.rank, self.scale = rank, alpha / max(rank, 1)
        if rank:
            self.A = nn.Parameter(torch.randn(rank, w.shape[1]) / math.sqrt(w.shape[1]))
            self.B = nn.Parameter(torch.zeros(w.shape[0], rank))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = nn.functional.linear(x, self.w, self.b)
        if self.rank:
            y = y + (x @ self.A.t()) @ self.B.t() * self.scale
        return y

    def merge(self) -> None:
        """Fold the adapter into the weight (inference: one product instead of three)."""
        if self.rank:
            with torch.no_grad():
                self.w = self.w + self.B @ self.A * self.scale
            self.rank = 0
            del self.A, self.B


def _norm(packed: Packed, name: str, h: int, eps: float) -> nn.LayerNorm:
    ln = nn.LayerNorm(h, eps=eps)
    ln.weight.data = torch.from_numpy(packed.floats(f"{name}.w"))
    ln.bias.data = torch.from_numpy(packed.floats(f"{name}.b"))
    return ln


class Tagger(nn.Module):
    def __init__(self, rank: int = 16, dropout: float = 0.1, path: str | None = None, layers: int | None = None):
        """`layers`: keep only the first ones (a shallower, faster student); all 12 by default."""
        super().__init__()
        packed = load(path)
        self.inputs = Inputs(path)
        self.packed, self.pieces = packed, self.inputs.pieces
        c = packed.config
        self.H, self.NH, self.max_positions = c["H"], c["NH"], c["MAXP"]
        sizes = {"H": c["H"], "F": c["FF"]}
        self.register_buffer("pos", torch.from_numpy(packed.floats("emb.pos").reshape(-1, c["H"])), persistent=False)
        self.register_buffer("typ", torch.from_numpy(packed.floats("emb.type").reshape(-1, c["H"])[0]), persistent=False)
        self.eln = _norm(packed, "emb.ln", c["H"], c["eps"])
        self.layers = nn.ModuleList()
        for i in range(min(layers or c["NL"], c["NL"])):
            layer = nn.Module()
            for name, (o, n) in PROJ.items():
                w = packed.matrix(f"l{i}.{name}.w", sizes[o], sizes[n])
                setattr(layer, name, Adapted(w, packed.floats(f"l{i}.{name}.b"), rank))
            layer.aln = _norm(packed, f"l{i}.aln", c["H"], c["eps"])
            layer.oln = _norm(packed, f"l{i}.oln", c["H"], c["eps"])
            self.layers.append(layer)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(c["H"], len(LABELS))

    def embed(self, ids: np.ndarray) -> torch.Tensor:
        return torch.from_numpy(self.inputs.embed(ids))

    def forward(self, ids: np.ndarray, mask: torch.Tensor) -> torch.Tensor:
        """Tag scores [batch, pieces, labels] for padded piece ids [batch, pieces]."""
        B, T = ids.shape
        hd = self.H // self.NH
        x = self.embed(ids) + self.pos[:T][None] + self.typ
        x = self.drop(self.eln(x))
        pad = (~mask)[:, None, None, :].float() * -1e9
        for L in self.layers:
            q, k, v = (m(x).view(B, T, self.NH, hd).transpose(1, 2) for m in (L.q, L.k, L.v))
            att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hd) + pad, -1)
            x = L.aln(x + self.drop(L.ao((att @ v).transpose(1, 2).reshape(B, T, self.H))))
            x = L.oln(x + self.drop(L.fo(nn.functional.gelu(L.fi(x)))))
        return self.head(self.drop(x))

    def encode(self, words: list[str], limit: int) -> tuple[list[int], list[int]]:
        return self.inputs.encode(words, limit)

    def batch(self, sents: list[list[str]], limit: int) -> tuple[np.ndarray, torch.Tensor, list[list[int]]]:
        ids, mask, firsts = self.inputs.batch(sents, limit)
        return ids, torch.from_numpy(mask), firsts

    def adapter(self) -> dict[str, np.ndarray]:
        return {k: v.detach().numpy().copy() for k, v in self.named_parameters()}

    def load_adapter(self, arrays: dict[str, np.ndarray]) -> None:
        own = dict(self.named_parameters())
        missing = set(own) - set(arrays)
        if missing:
            raise ValueError(f"adapter file lacks {sorted(missing)[:3]}...")
        with torch.no_grad():
            for k, v in arrays.items():
                own[k].copy_(torch.from_numpy(v))


def decode(tags: list[int]) -> list[str]:
    """Tag ids to IOB2 strings, an I- that follows no entity of its type opening one."""
    out: list[str] = []
    for t in tags:
        lab = LABELS[t]
        if lab.startswith("I-") and (not out or out[-1][2:] != lab[2:]):
            lab = "B-" + lab[2:]
        out.append(lab)
    return out
