"""Every knowledge file under warta/data parses, and no word in it became a
boolean or a number by YAML's rules ("no", "on", "off" are words here)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "warta" / "data"
FILES = sorted(DATA.rglob("*.yaml"))
NUMERIC_OK = {"months", "words", "scales", "quarters", "plausible_window", "relative", "relative_days", "compound"}


def _walk(node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _walk(v, (*path, str(k)))
    elif isinstance(node, list):
        for x in node:
            if isinstance(x, bool) or (isinstance(x, (int, float)) and not NUMERIC_OK & set(path)):
                yield path, x
            yield from _walk(x, path)


@pytest.mark.parametrize("path", FILES, ids=[str(f.relative_to(DATA)) for f in FILES])
def test_no_word_became_a_boolean(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    bad = list(_walk(data, ()))
    assert not bad, f"{path}: {bad[:5]} (quote these words)"
