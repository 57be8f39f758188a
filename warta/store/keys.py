"""Fact identity across articles: the merge key of each fact type, built from
entity ids so that "Xiaomi" in one article and "Xioami" in another meet."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata

from warta.model import Fact

# argument -> role in fact_entities
ROLE_ARGS = {"parties": "party", "investor": "investor", "investors": "investor", "maker": "maker",
             "owners": "owner", "operators": "operator", "location": "location", "person": "person",
             "org": "org", "speaker": "speaker", "owner": "owner"}


def _norm(s) -> str:
    s = unicodedata.normalize("NFKC", str(s or "")).casefold()
    return re.sub(r"[\W_]+", " ", s).strip()


def _ids(x, ids: dict[str, str]) -> list[str]:
    xs = x if isinstance(x, list) else [x] if x else []
    return [ids.get(n, "name:" + _norm(n)) for n in xs]


def merge_key(f: Fact, ids: dict[str, str]) -> str:
    a = f.args
    t = f.type
    if t == "PARTNERSHIP":
        parts = sorted(set(_ids(a.get("parties"), ids)))
    elif t == "INVESTMENT":
        parts = sorted(set(_ids(a.get("investor"), ids) + _ids(a.get("investors"), ids))) + [_norm(a.get("target")) if not a.get("amount") else "amount"]
    elif t == "PRODUCT":
        parts = _ids(a.get("maker"), ids) + [_norm(a.get("product")).replace(" ", "")]
    elif t == "LAUNCH_PLAN":
        parts = _ids(a.get("maker"), ids) + [_norm(a.get("product")).replace(" ", "")]
    elif t == "FACILITY":
        loc = _ids(a.get("location"), ids)
        parts = [a.get("kind") or ""] + sorted(set(_ids(a.get("owners"), ids))) + loc[:1]
    elif t == "INFRASTRUCTURE":
        parts = [a.get("kind") or ""] + _ids(a.get("location"), ids)
    elif t == "ROLE":
        parts = _ids(a.get("person"), ids) + _ids(a.get("org"), ids)
    elif t == "QUOTE":
        parts = _ids(a.get("speaker"), ids) + [_norm(a.get("text"))[:200]]
    else:
        parts = [json.dumps(a, sort_keys=True, ensure_ascii=False)]
    return t + "|" + "|".join(parts)


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
