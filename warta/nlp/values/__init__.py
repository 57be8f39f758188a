"""Value recognisers: text -> typed, normalised values, each with its span.

`find_values(text, ref_date, lang)` returns MONEY, QUANTITY, PERCENT, DATE and
DURATION values (warta.model.Value) sorted by position.  Conventions:
- MONEY: value is the full number, unit the ISO 4217 code; qualifier and approx
  from "sekitar", "lebih dari", "hingga", "sedikitnya", "hampir" and scales like
  "jutaan"; a range keeps its upper bound in extra["max"].
- QUANTITY: value and unit ("m2", "ha", "unit", "point", "MW"...); PERCENT apart.
- DATE: value is an ISO date ("2020-07-04"), a month ("2023-10"), a quarter
  ("2021-Q4"), a half ("2023-H1") or a year ("2024"); extra["as_written"] keeps
  the text; an impossible year is corrected by one digit and flagged
  "implausible_year".
- DURATION: value {"years": 3, "by": "2023"} (or months/weeks/days), "by"
  resolved against the reference date.
"""
from __future__ import annotations

import datetime as dt

from warta.model import Value
from warta.nlp.values.amounts import find_amounts
from warta.nlp.values.dates import find_dates


def find_values(text: str, ref_date: dt.date | None = None, lang: str = "id") -> list[Value]:
    dates = find_dates(text, ref_date, lang)
    amounts = [a for a in find_amounts(text, lang)
               if not any(d.start <= a.start < d.end or a.start <= d.start < a.end for d in dates)]
    return sorted(dates + amounts, key=lambda v: v.start)


__all__ = ["find_values", "find_amounts", "find_dates"]
