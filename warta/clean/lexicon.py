"""Loads the cleaning cue words from warta/data/clean once per process."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parents[1] / "data" / "clean"


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    path = DATA / f"{name}.yaml"
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top")
    return data
