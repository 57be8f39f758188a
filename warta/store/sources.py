"""A fact's evidence grouped by independent source: each original article once, with
its syndicated copies, near-duplicates (documents whose `duplicate_of` names it) and
revisions (the same doc_id stored again) listed under it.  The groups are the ones
warta.store.refresh counts as the fact's `sources`, so the list and the count agree."""
from __future__ import annotations

from collections import defaultdict
from typing import Any


def _doc(doc, sentences: list[str]) -> dict[str, Any]:
    return {"id": doc.id, "doc_id": doc.doc_id, "revision": doc.revision, "site": doc.site, "date": doc.date,
            "published": doc.published, "title": doc.title, "url": doc.url,
            "sentence": sentences[0], "sentences": sentences}


def group_sources(rows) -> list[dict[str, Any]]:
    """(evidence row, document) pairs -> one entry per independent article, earliest first.

    The entry is the article itself when it states the fact (its latest revision), else the
    earliest copy that does; `original` names the article the group stands for either way.
    Every other document of the group is a copy: `relation` is "revision" for another
    revision of the entry's article, "copy" for a syndicated copy or near-duplicate."""
    sentences: dict[str, list[str]] = defaultdict(list)
    docs: dict[str, Any] = {}
    for e, doc in rows:
        docs[doc.id] = doc
        if e.sentence not in sentences[doc.id]:
            sentences[doc.id].append(e.sentence)
    groups: dict[str, list] = defaultdict(list)
    for doc in docs.values():
        groups[doc.duplicate_of or doc.doc_id].append(doc)
    out = []
    for original, members in groups.items():
        own = [d for d in members if d.doc_id == original]
        head = (max(own, key=lambda d: d.revision) if own
                else min(members, key=lambda d: (d.date or "", d.published or "", d.doc_id, d.revision)))
        entry = _doc(head, sentences[head.id])
        entry["original"] = original
        rest = sorted((d for d in members if d.id != head.id), key=lambda d: (d.date or "", d.doc_id, d.revision))
        entry["copies"] = [{**_doc(d, sentences[d.id]), "relation": "revision" if d.doc_id == head.doc_id else "copy"}
                           for d in rest]
        out.append(entry)
    return sorted(out, key=lambda g: (g["date"] or "", g["doc_id"]))
