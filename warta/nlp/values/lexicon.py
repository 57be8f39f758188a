"""Value words from warta/data/values, loaded once, with the regex pieces built from them."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parents[2] / "data" / "values"


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    with open(DATA / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def alternation(words, flags_ci: bool = True) -> str:
    """A regex alternation of `words`, longest first, matched as whole words."""
    ws = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ws)
