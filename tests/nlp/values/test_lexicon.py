"""The value lexicons' trie-shaped alternations match exactly what a plain
longest-first alternation of the same words matches."""
from __future__ import annotations

import re

import pytest

from warta.nlp.values.lexicon import alternation, load


def _plain(words) -> str:
    return "|".join(re.escape(w) for w in sorted({str(w) for w in words}, key=len, reverse=True))


def _lists():
    for name in ("dates", "numbers", "currencies", "units"):
        for key, val in load(name).items():
            if isinstance(val, (list, dict)) and val and all(isinstance(w, (str, int)) for w in val):
                yield f"{name}.{key}", list(val)


@pytest.mark.parametrize("name, words", list(_lists()), ids=lambda x: x if isinstance(x, str) else "")
def test_trie_alternation_matches_what_the_plain_one_matches(name, words):
    ws = [str(w) for w in words]
    text = " ".join(f"{w} {w.upper()} x{w} {w}s ({w}) {w[:-1]}" for w in ws)
    for tmpl, ci in ((r"\b(?:{})\b", False), (r"(?:{})", False), (r"(?i:{})", True), (r"(?<!\w)(?i:{})\s+\d", True)):
        old = re.compile(tmpl.format(_plain(ws)))
        new = re.compile(tmpl.replace("(?i:{})", "{}").format(alternation(ws, ignore_case=ci)))
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], (name, tmpl)


def test_trie_alternation_prefers_the_longest_word():
    rx = re.compile(f"^(?:{alternation(['jan', 'januari', 'lebih', 'lebih dari', 'US$', 'US'])})")
    assert rx.match("januari 2024")[0] == "januari"
    assert rx.match("lebih dari 5")[0] == "lebih dari"
    assert rx.match("US$1,2")[0] == "US$"
    ci = re.compile(f"^{alternation(['M', 'million', 'mn'], ignore_case=True)}")
    assert ci.match("Million")[0] == "Million"     # a one-letter word cannot shadow a longer one
