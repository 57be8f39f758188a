"""Fact cue lexicons from warta/data/facts, loaded once, as compiled regexes."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from warta import datafiles


def load(name: str) -> dict[str, Any]:
    return datafiles.load(f"facts/{name}.yaml")


@lru_cache(maxsize=None)
def rx(words: tuple[str, ...]) -> re.Pattern:
    """Whole-word, case-insensitive alternation of `words`, longest first."""
    alt = "|".join(re.escape(str(w)) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)


def cue_rx(name: str, key: str = "cues") -> re.Pattern:
    return rx(tuple(load(name)[key]))


def status_of(name: str, text: str, default: str | None = None) -> str | None:
    """The status a fact's text gives, by the lexicon's priority order."""
    data = load(name)
    found = {st for st, words in data["status"].items() if rx(tuple(words)).search(text)}
    for st in data.get("priority", list(data["status"])):
        if st in found:
            return st
    return data.get("default", default)


def kind_of(name: str, text: str) -> list[tuple[int, int, str]]:
    """Every kind cue in `text` as (start, end, kind); a longer cue hides a shorter one inside it."""
    out: list[tuple[int, int, str]] = []
    for kind, words in load(name)["kinds"].items():
        for m in rx(tuple(words)).finditer(text):
            out.append((m.start(), m.end(), kind))
    out.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, str]] = []
    for t in out:
        if all(t[1] <= k[0] or t[0] >= k[1] for k in kept):
            kept.append(t)
    return kept
