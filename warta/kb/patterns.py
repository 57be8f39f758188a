"""EntityRuler patterns from the knowledge base: names, aliases, epithets."""
from __future__ import annotations

from functools import lru_cache

from warta.kb.base import load_kb


def _attr(s: str) -> str:
    # short or all-caps names match case-sensitively ("AS" is not "as"); the rest ignore case
    return "ORTH" if len(s) <= 4 or s.isupper() else "LOWER"


@lru_cache(maxsize=4)
def ruler_patterns(lang: str = "id") -> tuple[dict, ...]:
    kb = load_kb()
    out = []
    for eid, e in kb.entities.items():
        names = [e["name"], *e.get("aliases", []), *e.get("epithets", [])]
        for n in names:
            if not n or (e.get("context") and n in e.get("aliases", []) and len(n) <= 5):
                continue  # a bare ambiguous alias needs context: left to the resolver
            if " " not in n.strip():
                # one word: exact case, in the forms a page writes it ("Antara", "ANTARA"), so a
                # common word in running text ("antara", "grab", "meta") is not taken for the name
                for form in dict.fromkeys((n, n.upper(), n[:1].upper() + n[1:])):
                    out.append({"label": e["type"], "pattern": form, "id": eid, "attr": "ORTH"})
                continue
            out.append({"label": e["type"], "pattern": n, "id": eid, "attr": _attr(n)})
    return tuple(out)
