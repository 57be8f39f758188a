"""Fact identity across articles: the merge key of each fact type, built from
entity ids so that "Xiaomi" in one article and "Xioami" in another meet."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from warta import datafiles
from warta.model import Fact

# argument -> role in fact_entities (warta/data/facts/keys.yaml)
ROLE_ARGS: dict[str, str] = datafiles.load("facts/keys.yaml")["roles"]


def _norm(s) -> str:
    s = unicodedata.normalize("NFKC", str(s or "")).casefold()
    return re.sub(r"[\W_]+", " ", s).strip()


def _ids(x, ids: dict[str, str]) -> list[str]:
    xs = x if isinstance(x, list) else [x] if x else []
    return [ids.get(n, "name:" + _norm(n)) for n in xs]


def merge_key(f: Fact, ids: dict[str, str]) -> str:
    """The fact type and the parts warta/data/facts/keys.yaml gives that type, joined by "|"."""
    a = f.args
    parts: list[str] = []
    for p in datafiles.load("facts/keys.yaml")["key_parts"][f.type]:
        if "entities" in p:
            got = [e for arg in p["entities"] for e in _ids(a.get(arg), ids)]
            if p.get("distinct"):
                got = sorted(set(got))
            parts += got[:p["first"]] if p.get("first") else got
        elif "word" in p:
            parts.append(a.get(p["word"]) or "")
        elif p.get("replaced_by") and a.get(p["replaced_by"]):
            parts.append(p["replaced_by"])
        else:
            text = _norm(a.get(p["text"]))
            text = text.replace(" ", "") if p.get("squash") else text
            parts.append(text[:p["limit"]] if p.get("limit") else text)
    return f.type + "|" + "|".join(parts)


def fact_id(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def fact_entities(f: Fact, ids: dict[str, str]) -> list[tuple[str, str]]:
    """(entity id, role) pairs of the entities a fact names, known ones only."""
    out = []
    for arg, role in ROLE_ARGS.items():
        for eid in _ids(f.args.get(arg), ids):
            if not eid.startswith("name:"):
                out.append((eid, role))
    return sorted(set(out))
