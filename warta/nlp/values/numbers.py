"""Numbers as Indonesian and English news write them.

Indonesian: dot thousands, comma decimals ("34.000", "1,5", "Rp15.634,50").
English: comma thousands, dot decimals ("5,000", "31.6").  A lone separator
followed by exactly three digits is a thousands separator in both
("5.000" = 5000 in Indonesian, "5,000" = 5000 in English); otherwise the
language decides.
"""
from __future__ import annotations

import re
from functools import lru_cache

from warta.nlp.values.lexicon import alternation, load

NUM = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
WORD_SEP = re.compile(r"[\s-]+")


@lru_cache(maxsize=1)
def number_words() -> str:
    """A regex for a number in words: one word ("lima", "sebelas") or a compound of
    number words and the words that build on them ("dua puluh lima", "twenty-five")."""
    n = load("numbers")
    w = alternation(n["words"], ignore_case=True)
    c = alternation(n["compound"], ignore_case=True)
    return rf"{w}(?:[\s-]+(?:{c}|{w})(?!\w))*"


def words_value(s: str) -> float | None:
    """The number a phrase of number words says, or None when the words do not make one
    number ("dua tiga": two numbers; "puluh" alone)."""
    n = load("numbers")
    words, compound = n["words"], n["compound"]
    done, last, prev = 0.0, None, None   # prev: the kind of the previous word
    for tok in WORD_SEP.split(s.strip().lower()):
        if tok in compound:
            if last is None or prev == "compound" and compound[tok][0] == "plus":
                return None
            op, k = compound[tok]
            last = last * k if op == "times" else last + k
            prev = "compound"
        elif tok in words:
            v = float(words[tok])
            after_round = last is not None and last >= 20 and last % 10 == 0 and v < last and (v < 10 or last % 100 == 0)
            if last is not None and not (prev == "compound" or after_round):
                return None         # "dua tiga": two numbers, not one
            if last is not None:
                done, last = done + last, v
            else:
                last = v
            prev = "word"
        else:
            return None
    return None if last is None else done + last


def parse_number(s: str, lang: str = "id") -> float | None:
    s = s.strip()
    low = s.lower()
    words = load("numbers")["words"]
    if low in words:
        return float(words[low])
    if re.match(r"[^\W\d_]", low):
        return words_value(low)
    if not re.fullmatch(NUM, s):
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        thou = "." if dec == "," else ","
        return float(s.replace(thou, "").replace(dec, "."))
    sep = "." if dots else "," if commas else None
    if sep is None:
        return float(s)
    parts = s.split(sep)
    if len(parts) > 2 or (len(parts[-1]) == 3 and _thousands_reading(lang, sep)):
        return float(s.replace(sep, ""))
    return float(s.replace(sep, "."))


def _thousands_reading(lang: str, sep: str) -> bool:
    # "5.000" in Indonesian and "5,000" in English are thousands; "1.500" in English is ambiguous: read as 1.5 only
    # when the language's decimal mark is that separator
    return (lang == "id" and sep == ".") or (lang == "en" and sep == ",") or sep == "."


def as_int(v: float) -> int | float:
    return int(round(v)) if abs(v - round(v)) < 1e-6 else v
