"""The fine-tuned encoder as a PyTorch module, with the interface the ONNX runner has:
the reference path, and what the ONNX export starts from."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

ADAPTER, CONFIG = "adapter.npz", "encoder.json"


@lru_cache(maxsize=2)
def tagger(model_dir: str):
    """The network with the adapter of `model_dir` merged in, ready to tag (once per process)."""
    from warta.nlp.encoder.network import Tagger
    cfg = json.loads((Path(model_dir) / CONFIG).read_text(encoding="utf-8"))
    net = Tagger(rank=cfg["rank"], dropout=0.0, layers=cfg.get("layers"))
    with np.load(Path(model_dir) / ADAPTER) as z:
        net.load_adapter({k: z[k] for k in z.files})
    for layer in net.layers:
        for name in ("q", "k", "v", "ao", "fi", "fo"):
            getattr(layer, name).merge()
    net.eval()
    return net


class TorchTagger:
    """The PyTorch module behind the interface the ONNX runner has (`encode`, `batch`, `scores`)."""
    kind = "torch"

    def __init__(self, net):
        self.net = net
        self.encode, self.batch = self.net.inputs.encode, self.net.inputs.batch

    def scores(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import torch
        with torch.no_grad():
            return self.net(ids, torch.from_numpy(mask)).numpy()
