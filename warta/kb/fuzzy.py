"""Typo tolerance with guards.

A name matches another when their normalised forms are one edit apart
(transpositions count as one: "Xioami" ~ "Xiaomi") for names of 5 to 9
characters, two edits from 10 characters; they must share the first letter,
and names under 5 characters never match by typo ("Meta" is not "Neta",
"LG" is not "LX").  In names of several words, each word differs by one edit at
most and a short word not at all.
"""
from __future__ import annotations

from rapidfuzz.distance import OSA

from warta import datafiles

_T = datafiles.load("thresholds.yaml")["kb"]
MIN_LEN = _T["typo_min_length"]
TWO_EDITS = _T["typo_two_edits_from"]


def max_edits(n: int) -> int:
    return 0 if n < MIN_LEN else 1 if n < TWO_EDITS else 2


def typo_match(a: str, b: str) -> bool:
    """Are normalised names a and b the same name with a typo?"""
    if a == b:
        return True
    if not a or not b or a[0] != b[0]:
        return False
    k = max_edits(min(len(a), len(b)))
    if k == 0 or abs(len(a) - len(b)) > k:
        return False
    if any(ch.isdigit() for ch in a + b) and [c for c in a if c.isdigit()] != [c for c in b if c.isdigit()]:
        return False  # "VF 5" and "VF 6" are two models, not a typo
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb) > 1 and not all(x == y or _word_typo(x, y) for x, y in zip(wa, wb)):
        return False  # a typo sits inside one word: "Jakarta Pusat" is not "Jakarta Post"
    return OSA.distance(a, b, score_cutoff=k) <= k


def _word_typo(x: str, y: str) -> bool:
    return min(len(x), len(y)) >= MIN_LEN - 1 and OSA.distance(x, y, score_cutoff=1) <= 1
