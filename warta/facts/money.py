"""Amounts as a fact reads them: one amount with its written forms.

"840 juta dolar AS atau Rp 13,18 triliun" is one amount written twice (the first
is the amount, the conversion its `alt`); "Rp3 triliun sampai Rp4 triliun" is one
range (the low end the amount, at least; the high end its `alt`, at most).  An
exchange rate ("asumsi kurs Rp 14.300/US$") is no amount at all.  The link words
live in warta/data/facts/money.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warta.facts.lexicon import load
from warta.model import Value


@dataclass
class Amount:
    value: Value                 # the amount as written first
    alt: Value | None = None     # its conversion, or the high end of a range
    range: bool = False

    @property
    def start(self) -> int:
        return self.value.start

    @property
    def end(self) -> int:
        return (self.alt or self.value).end

    def as_arg(self) -> dict:
        v = self.value
        qual = "at_least" if self.range else v.qualifier
        return {"value": v.value, "currency": v.unit, "approx": bool(v.approx or v.qualifier == "about"),
                "qualifier": qual}

    def alt_arg(self) -> dict | None:
        a = self.alt
        if a is None:
            return None
        return {"value": a.value, "currency": a.unit, "approx": bool(a.approx or a.qualifier == "about"),
                "qualifier": "at_most" if self.range else a.qualifier}

    def close_to(self, x: float) -> bool:
        vals = [self.value.value] + ([self.alt.value] if self.alt else [])
        return any(abs(float(v) - float(x)) <= 0.01 * max(abs(float(x)), 1) for v in vals)


@lru_cache(maxsize=1)
def _links() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lx = load("money")
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    conv = re.compile(rf"^[\s(),~≈]*(?:(?:{alt(lx['conversion_links'])})[\s(),~≈]*)*$", re.I)
    rng = re.compile(rf"^\s*(?:{alt(lx['range_links'])})\s*$", re.I)
    rate = re.compile(rf"(?:{alt(lx['rate_before'])})\W{{0,3}}$", re.I)
    return conv, rng, rate


def amounts(values: list[Value], body: str) -> list[Amount]:
    """The MONEY values of a stretch of text as amounts: conversions and ranges joined,
    exchange rates left out."""
    conv, rng, rate = _links()
    money = [v for v in values if v.kind == "MONEY" and not rate.search(body[max(0, v.start - 25):v.start])
             and not re.match(r"\s*(?:per|/)\s*(?:US\$|\$|USD|dolar|dollar)", body[v.end:v.end + 12], re.I)]
    out: list[Amount] = []
    i = 0
    while i < len(money):
        a = Amount(money[i])
        if i + 1 < len(money):
            b = money[i + 1]
            gap = body[a.value.end:b.start]
            if len(gap) <= 30 and b.unit != a.value.unit and conv.match(gap):
                a.alt = b
                i += 1
                # "US$ 500 juta atau sekitar Rp 7,34 triliun sampai US$ 1 miliar atau sekitar Rp 14,68 triliun":
                # a range of two amounts, each with its conversion, is one range
                if i + 1 < len(money):
                    c = money[i + 1]
                    if c.unit == a.value.unit and c.value > a.value.value and len(body[b.end:c.start]) <= 12 \
                            and _range_gap(rng, body[b.end:c.start], c):
                        a.alt, a.range = c, True
                        i += 1
                        if i + 1 < len(money) and money[i + 1].unit == b.unit \
                                and conv.match(body[c.end:money[i + 1].start]) and len(body[c.end:money[i + 1].start]) <= 30:
                            i += 1
            elif len(gap) <= 12 and b.unit == a.value.unit and _range_gap(rng, gap, b) and b.value > a.value.value:
                a.alt, a.range = b, True
                i += 1
        out.append(a)
        i += 1
    return out


def _range_gap(rng: re.Pattern, gap: str, high: Value) -> bool:
    """A range's link between its ends; the value may hold the link itself ("sampai US$ 1 miliar", at most)."""
    return bool(rng.match(gap)) or (not gap.strip() and high.qualifier == "at_most")
