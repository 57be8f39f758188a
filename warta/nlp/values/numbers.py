"""Numbers as Indonesian and English news write them.

Indonesian: dot thousands, comma decimals ("34.000", "1,5", "Rp15.634,50").
English: comma thousands, dot decimals ("5,000", "31.6").  A lone separator
followed by exactly three digits is a thousands separator in both
("5.000" = 5000 in Indonesian, "5,000" = 5000 in English); otherwise the
language decides.
"""
from __future__ import annotations

import re

from warta.nlp.values.lexicon import load

NUM = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


def parse_number(s: str, lang: str = "id") -> float | None:
    s = s.strip()
    low = s.lower()
    words = load("numbers")["words"]
    if low in words:
        return float(words[low])
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
