"""Analysts' review states on a stored FORMAT document, for the JSON Lines export:
each fact is matched to its stored fact by the same merge key ingest used; a
rejected fact is left out (unless asked for) and a reviewed one carries `review`."""
from __future__ import annotations

from typing import Any

from warta.model import Fact
from warta.store.keys import fact_id, merge_key


def judged_document(doc: dict[str, Any], reviews: dict[str, str], include_rejected: bool = False) -> dict[str, Any]:
    if not reviews or not doc.get("facts"):
        return doc
    ids = {e["name"]: e["id"] for e in doc.get("entities", [])}
    facts = []
    for raw in doc["facts"]:
        try:
            fid = fact_id(merge_key(Fact.model_validate(raw), ids))
        except Exception:  # a stored document from an older format: shown as it was
            facts.append(raw)
            continue
        state = reviews.get(fid)
        if state == "rejected" and not include_rejected:
            continue
        facts.append({**raw, "review": state} if state else raw)
    return {**doc, "facts": facts}
