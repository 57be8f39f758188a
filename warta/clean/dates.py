"""Publication dates as Indonesian portals print them.

"Minggu, 15 Oktober 2023 |16:00 WIB", "Senin, 12/06/2023 10:15 WIB",
"12 Juni 2023, 10.15 WIB", "Kamis 5 Jan 2023, 09:00 WIB", "2023-06-12 10:15".
Returns ISO 8601: date-time with the zone's offset when a time is printed
(WIB +07:00 when the zone is missing but the page is Indonesian), else a bare date.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from warta.calendar import months as month_table
from warta.clean.lexicon import load
from warta.clean.outlets import host_of


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    d = load("dates")
    months = "|".join(sorted(month_table(), key=len, reverse=True))
    zones = "|".join(d["zones"])
    time = rf"(?:\s*[|,/\-–—]?\s*(?:pukul\s*)?(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?:[:.](?P<s>\d{{2}})(?!\d))?\s*(?:(?P<z>{zones})(?P<zo>[+-]\d{{1,2}})?)?\b)?"
    named = re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{months})\.?,?\s+(?P<y>(?:19|20)\d{{2}})\b{time}", re.I)
    english = re.compile(rf"\b(?P<m>{months})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d{{2}})\b{time}", re.I)
    numeric = re.compile(rf"\b(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>(?:19|20)\d{{2}})\b{time}")
    iso = re.compile(rf"\b(?P<y>(?:19|20)\d{{2}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?:T)?{time}")
    return named, english, numeric, iso


DEFAULT_ZONE = "+07:00"     # WIB: the zone of a printed time on an Indonesian site


def site_zone(url: str | None) -> str:
    """The offset of a time the site prints without a zone: its country's (by the url's
    country-code domain, warta/data/clean/dates.yaml `country_zones`), else WIB."""
    host = host_of(url) or ""
    return load("dates")["country_zones"].get(host.rsplit(".", 1)[-1], DEFAULT_ZONE) if "." in host else DEFAULT_ZONE


def parse_portal_date(text: str, default_zone: str | None = "+07:00") -> str | None:
    """The first date in `text`, as ISO 8601, or None."""
    found = find_dates(text, default_zone)
    return found[0][2] if found else None


def find_dates(text: str, default_zone: str | None = "+07:00") -> list[tuple[int, int, str]]:
    """Every date in `text` as (start, end, iso), in order."""
    zones = load("dates")["zones"]
    months = month_table()
    out = []
    for pat in _patterns():
        for m in pat.finditer(text):
            g = m.groupdict()
            mon = int(g["m"]) if g["m"].isdigit() else months.get(g["m"].lower().rstrip("."))
            try:
                day = dt.date(int(g["y"]), int(mon), int(g["d"]))
            except (TypeError, ValueError):
                continue
            iso = day.isoformat()
            if g.get("h") is not None and int(g["h"]) < 24 and int(g["mi"]) < 60:
                zone = zones.get((g.get("z") or "").lower(), default_zone)
                if g.get("zo"):
                    zone = f"{g['zo'][0]}{int(g['zo'][1:]):02d}:00"
                sec = g["s"] if g.get("s") and int(g["s"]) < 60 else "00"
                iso = f"{iso}T{int(g['h']):02d}:{g['mi']}:{sec}" + (zone or "")
            if not any(s <= m.start() < e for s, e, _ in out):
                out.append((m.start(), m.end(), iso))
    return sorted(out)
