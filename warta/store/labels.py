"""What a code is called and what a fact says, in Indonesian or English: one label
per fact, used alike by the explorer, the feeds, the CSV and the CLI.  The words
live in warta/data/web/labels.yaml; the data keeps its codes."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from warta import datafiles

DEFAULT_LANG = "id"


@lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    return datafiles.load("web/labels.yaml")


@lru_cache(maxsize=1)
def sectors() -> dict[str, Any]:
    return datafiles.load("web/sectors.yaml")


def lang_of(code: str | None) -> str:
    return code if code in labels()["languages"] else DEFAULT_LANG


def label(group: str, code: str | None, lang: str = DEFAULT_LANG) -> str:
    """The word for `code` in `group` (types, statuses, certainty, entity_types, kinds,
    words, languages_shown); the code itself when the file does not name it."""
    if code is None:
        return ""
    entry = labels().get(group, {}).get(code)
    return entry.get(lang_of(lang)) or code if isinstance(entry, dict) else str(code)


FACT_TYPES: tuple[str, ...] = tuple(labels()["types"])
STATUSES: tuple[str, ...] = tuple(labels()["statuses"])
CERTAINTIES: tuple[str, ...] = tuple(labels()["certainty"])


def amount_text(am: dict | None, lang: str = DEFAULT_LANG) -> str:
    """"IDR 27 triliun", "USD 200 million": a money value as an analyst reads it."""
    if not isinstance(am, dict) or am.get("value") is None:
        return ""
    v = float(am["value"])
    cur = am.get("currency") or ""
    for step in labels()["scale"]:
        if abs(v) >= step["value"]:
            n = v / step["value"]
            num = f"{n:,.1f}".rstrip("0").rstrip(".") if n < 100 else f"{n:,.0f}"
            if lang_of(lang) == "id":
                num = num.replace(",", " ").replace(".", ",")
            return f"{'~' if am.get('approx') else ''}{cur} {num} {step[lang_of(lang)]}".strip()
    return f"{'~' if am.get('approx') else ''}{cur} {v:,.0f}".strip()


def _names(v: Any) -> str:
    if isinstance(v, list):
        return ", ".join(str(x) for x in v if x)
    return str(v) if v else ""


def _count(c: dict | None) -> str:
    if not isinstance(c, dict) or c.get("value") is None:
        return ""
    v = c["value"]
    return f"{'~' if c.get('qualifier') else ''}{v:,.0f}" if isinstance(v, (int, float)) else str(v)


def fact_label(f: dict, lang: str = DEFAULT_LANG) -> str:
    """One line saying what the fact is: who, what, how much, where (never empty)."""
    return _fact_label(f, lang).strip() or f"{label('types', f.get('type'), lang)} {f.get('id') or ''}".strip()


def _fact_label(f: dict, lang: str) -> str:
    a = f.get("args") or {}
    w = lambda k: label("words", k, lang)  # noqa: E731
    t = f.get("type")
    if t == "PARTNERSHIP":
        head = " + ".join(a.get("parties") or [])
        return f"{head}: {a['purpose']}" if a.get("purpose") else head
    if t == "INVESTMENT":
        who = _names(a.get("investors") or a.get("investor"))
        am = amount_text(a.get("amount"), lang)
        return " — ".join(x for x in (who, am, a.get("target") or "") if x)
    if t in ("PRODUCT", "LAUNCH_PLAN"):
        out = f"{a.get('maker') or ''}: {a.get('product') or ''}".strip(": ")
        if a.get("category"):
            out += f" ({a['category']})"
        d = a.get("date")
        if isinstance(d, dict) and d.get("value"):
            out += f" — {d['value']}"
        return out
    if t == "FACILITY":
        parts = [label("kinds", a.get("kind"), lang)]
        if a.get("name"):
            parts.append(str(a["name"]))
        if a.get("owners"):
            parts.append(f"{w('owner')} {_names(a['owners'])}")
        if a.get("operators"):
            parts.append(f"{w('operator')} {_names(a['operators'])}")
        if a.get("location"):
            parts.append(f"{w('in')} {_names(a['location'])}")
        area = a.get("area")
        if isinstance(area, dict) and area.get("value") is not None:
            parts.append(f"{area['value']:,} {area.get('unit') or ''}".strip())
        cap = a.get("capacity")
        if cap:
            parts.append(f"{w('capacity')} {_capacity(cap)}")
        return ", ".join(p for p in parts if p)
    if t == "INFRASTRUCTURE":
        out = f"{_count(a.get('count'))} {label('kinds', a.get('kind'), lang)}".strip()
        if a.get("location"):
            out += f" {w('in')} {_names(a['location'])}"
        hz = a.get("horizon")
        if isinstance(hz, dict) and hz.get("by"):
            out += f" ({hz['by']})"
        if a.get("owner"):
            out += f", {w('owner')} {_names(a['owner'])}"
        return out
    if t == "ROLE":
        return ", ".join(x for x in (a.get("person"), " ".join(x for x in (a.get("role"), a.get("org")) if x)) if x)
    if t == "QUOTE":
        return f"{a.get('speaker') or ''}: “{a.get('text') or ''}”"
    return f.get("id") or ""


def _capacity(cap: Any) -> str:
    if isinstance(cap, dict):
        return " ".join(str(cap[k]) for k in ("value", "unit") if cap.get(k) is not None)
    return str(cap)


def sector_of(*texts: str | None) -> str:
    """The sector of a deal from the words about it (warta/data/web/sectors.yaml)."""
    blob = " ".join(t for t in texts if t).lower()
    for code in sectors()["sectors"]:
        if _sector_re(code).search(blob):
            return code
    return "other"


@lru_cache(maxsize=None)
def _sector_re(code: str) -> re.Pattern:
    cues = sectors()["sectors"][code]["cues"]
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c.lower()) for c in sorted(cues, key=len, reverse=True)) + r")(?!\w)")


def sector_label(code: str, lang: str = DEFAULT_LANG) -> str:
    s = sectors()["sectors"].get(code) or sectors()["other"]
    return s.get(lang_of(lang)) or code
