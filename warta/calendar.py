"""The calendar's words, from one data file (warta/data/months.yaml): the cleaner's
publication dates and the body's date values read the same table."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

MONTHS = Path(__file__).resolve().parent / "data" / "months.yaml"


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Month name or abbreviation (lower case) -> month number."""
    data = yaml.safe_load(MONTHS.read_text(encoding="utf-8"))
    table = data.get("months") if isinstance(data, dict) else None
    if not isinstance(table, dict) or not table:
        raise ValueError(f"{MONTHS}: expected a mapping 'months: {{name: number}}'")
    bad = {k: v for k, v in table.items() if not (isinstance(k, str) and k == k.lower() and v in range(1, 13))}
    if bad:
        raise ValueError(f"{MONTHS}: month names must be lower case and numbers 1-12: {bad}")
    return dict(table)


def month_number(name: str) -> int | None:
    """The month `name` names ("Pebruari", "Agt.", "December"), or None."""
    return months().get(name.lower().rstrip("."))
