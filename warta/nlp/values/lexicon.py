"""Value words from warta/data/values, loaded once, with the regex pieces built from them."""
from __future__ import annotations

import re
from typing import Any

from warta import datafiles


def load(name: str) -> dict[str, Any]:
    return datafiles.load(f"values/{name}.yaml")


def alternation(words, ignore_case: bool = False) -> str:
    """A regex matching any of `words`, the longest first, written as a trie
    ("jan(?:uari|uary)?" rather than "januari|january|jan"): the engine then tests one
    letter per position instead of every word, which makes the value patterns several
    times faster on a page, and matches exactly what the plain alternation matches.
    With `ignore_case` the words are folded first (so "M" and "million" cannot hide
    each other) and the result is wrapped in (?i:...)."""
    trie: dict = {}
    for w in {str(w).lower() if ignore_case else str(w) for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return f"(?i:{_trie(trie)})" if ignore_case else _trie(trie)


def _trie(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if end else "")
