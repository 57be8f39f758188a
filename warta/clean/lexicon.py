"""Loads the cleaning cue words from warta/data/clean once per process."""
from __future__ import annotations

from typing import Any

from warta import datafiles


def load(name: str) -> dict[str, Any]:
    return datafiles.load(f"clean/{name}.yaml")
