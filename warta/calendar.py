"""The calendar's words, from one data file (warta/data/months.yaml): the cleaner's
publication dates and the body's date values read the same table."""
from __future__ import annotations

import re
from functools import lru_cache

from warta import datafiles


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Month name or abbreviation (lower case) -> month number."""
    return dict(datafiles.load("months.yaml")["months"])   # lower-case names, numbers 1-12: its schema


@lru_cache(maxsize=1)
def day_names() -> str:
    """A regex group matching a day name ("Senin", "Jum'at", "Monday"; any case)."""
    days = sorted(datafiles.load("months.yaml")["days"], key=len, reverse=True)
    return "(?i:" + "|".join(re.escape(d) for d in days) + ")"


def month_number(name: str) -> int | None:
    """The month `name` names ("Pebruari", "Agt.", "December"), or None."""
    return months().get(name.lower().rstrip("."))
