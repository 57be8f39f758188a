"""DATE and DURATION values, resolved against the document's reference date."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from warta.calendar import month_number
from warta.calendar import months as month_table
from warta.model import Value
from warta.nlp.values.lexicon import alternation, load
from warta.nlp.values.numbers import number_words, parse_number


@lru_cache(maxsize=1)
def _rx() -> dict[str, re.Pattern]:
    d = load("dates")
    months = alternation(month_table(), ignore_case=True)
    rel = alternation(d["relative"], ignore_case=True)
    dur = alternation(d["duration_units"], ignore_case=True)
    quarters = alternation(d["quarters"], ignore_case=True)
    numw = number_words()
    return {
        "dmy": re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{months})\.?\s+(?P<y>\d{{4}})\b"),
        "mdy": re.compile(rf"\b(?P<m>{months})\.?\s+(?P<d>\d{{1,2}}),\s+(?P<y>\d{{4}})\b"),
        "dm": re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{months})\b(?!\.?\s+\d)"),
        "my": re.compile(rf"\b(?P<m>{months})\s+(?P<y>\d{{4}})\b"),
        "num": re.compile(r"\(?\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b\)?"),
        "quarter": re.compile(rf"\b(?:(?i:kuartal|triwulan|quarter)\s+(?P<q>{quarters})|Q(?P<q2>[1-4]))\s*(?:(?i:tahun)\s+)?(?P<y>\d{{4}})?"),
        "half": re.compile(r"\b(?i:semester|paruh)\s+(?P<h>(?i:pertama|kedua|I|II|1|2))\s*(?:(?i:tahun)\s+)?(?P<y>\d{4})?"),
        "rel": re.compile(rf"\b(?P<r>{rel})\b"),
        "duration": re.compile(rf"\b(?P<pre>(?i:dalam|selama|within|in the next|over the next|in))\s+(?P<n>\d+|{numw})\s+(?P<u>{dur})\b(?P<post>\s+(?i:mendatang|ke depan|lagi|ahead))?"),
        "year": re.compile(r"\b(?P<pre>(?i:tahun|pada|sejak|hingga|akhir|awal|pertengahan|in|by|since|until)\s+)(?P<y>[12]\d{3})\b(?P<post>\s+(?i:mendatang|nanti))?"),
    }


def _window(ref: dt.date) -> tuple[int, int]:
    before, after = load("dates")["plausible_window"]
    return ref.year - before, ref.year + after


def plausible_year(y: int, ref: dt.date) -> tuple[int, bool]:
    """(year, corrected?): an impossible year is corrected by the one-digit change
    that lands nearest the reference year; kept when no such change exists."""
    lo, hi = _window(ref)
    if lo <= y <= hi:
        return y, False
    s = str(y)
    cands = []
    for i in range(len(s)):
        for dgt in "0123456789":
            if dgt != s[i]:
                c = int(s[:i] + dgt + s[i + 1:])
                if lo <= c <= hi and len(str(c)) == 4:
                    cands.append(c)
    if not cands:
        return y, False
    return min(cands, key=lambda c: (abs(c - ref.year), c)), True


def _month_num(m: str) -> int | None:
    return month_number(m)


def find_dates(text: str, ref_date: dt.date | None = None, lang: str = "id") -> list[Value]:
    ref = ref_date or dt.date.today()
    out: list[Value] = []

    def add(v: Value) -> None:
        if all(v.end <= o.start or v.start >= o.end for o in out):
            out.append(v)

    rx = _rx()
    for key in ("num", "dmy", "mdy"):
        for m in rx[key].finditer(text):
            mon = int(m["m"]) if m["m"].isdigit() else _month_num(m["m"])
            try:
                d = dt.date(int(m["y"]), mon or 0, int(m["d"]))
            except ValueError:
                continue
            add(Value("DATE", m.start(), m.end(), m[0], d.isoformat(), extra={"as_written": m[0]}))
    for m in rx["quarter"].finditer(text):
        q = m["q2"] or load("dates")["quarters"].get(m["q"], load("dates")["quarters"].get((m["q"] or "").lower()))
        y = int(m["y"]) if m["y"] else ref.year
        add(Value("DATE", m.start(), m.end(), m[0].rstrip(), f"{y}-Q{q}", extra={"as_written": m[0].rstrip()}))
    for m in rx["half"].finditer(text):
        h = 1 if m["h"].lower() in ("pertama", "i", "1") else 2
        y = int(m["y"]) if m["y"] else ref.year
        add(Value("DATE", m.start(), m.end(), m[0].rstrip(), f"{y}-H{h}", extra={"as_written": m[0].rstrip()}))
    for m in rx["my"].finditer(text):
        add(Value("DATE", m.start(), m.end(), m[0], f"{m['y']}-{_month_num(m['m']):02d}", extra={"as_written": m[0]}))
    for m in rx["dm"].finditer(text):
        mon = _month_num(m["m"])
        try:
            d = dt.date(ref.year, mon or 0, int(m["d"]))
        except ValueError:
            continue
        add(Value("DATE", m.start(), m.end(), m[0], d.isoformat(), extra={"as_written": m[0]}))
    for m in rx["duration"].finditer(text):
        n = parse_number(m["n"], lang)
        if n is None:
            continue
        unit = load("dates")["duration_units"][m["u"].lower()]
        val = {unit: int(n)}
        if unit == "years":
            val["by"] = str(ref.year + int(n))
        elif unit == "months":
            val["by"] = _add_months(ref, int(n)).isoformat()[:7]
        add(Value("DURATION", m.start(), m.end(), m[0], val, extra={"as_written": m[0]}))
    for m in rx["year"].finditer(text):
        y, fixed = plausible_year(int(m["y"]), ref)
        start = m.start("y") if m["pre"].strip().lower() not in ("tahun",) else m.start()
        flags = ["implausible_year"] if fixed else []
        add(Value("DATE", start, m.end("y") if not m["post"] else m.end(), text[start:m.end() if m["post"] else m.end("y")],
                  str(y), flags=flags, extra={"as_written": m["y"]}))
    for m in rx["rel"].finditer(text):
        unit, off = load("dates")["relative"][m["r"].lower()]
        add(Value("DATE", m.start(), m.end(), m[0], _shift(ref, unit, off), extra={"as_written": m[0], "relative": True}))
    return sorted(out, key=lambda v: v.start)


def _add_months(d: dt.date, n: int) -> dt.date:
    y, mo = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, mo + 1, 1)


def _shift(ref: dt.date, unit: str, off: int) -> str:
    if unit == "day":
        return (ref + dt.timedelta(days=off)).isoformat()
    if unit == "week":
        return (ref + dt.timedelta(weeks=off)).isoformat()
    if unit == "month":
        return _add_months(ref, off).isoformat()[:7]
    return str(ref.year + off)
