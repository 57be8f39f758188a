"""A read-only view of a resolved document for the extractors: which entities,
values and sentences lie where."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from warta.kb.base import load_kb
from warta.model import Entity, Evidence, Sentence, Value, WorkDoc


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    entity: Entity


class DocView:
    def __init__(self, wd: WorkDoc):
        self.wd = wd
        self.body = wd.doc.body
        self.sentences: list[Sentence] = wd.sentences
        self.values: list[Value] = wd.values
        self.ref = wd.reference_date
        cited = {c.lower() for c in wd.doc.metadata.cited_sources}
        site = (wd.doc.metadata.site or "").lower()
        kb = load_kb()
        self.media = {e.id for e in wd.doc.entities
                      if e.name.lower() in cited or e.name.lower() == site
                      or (kb.get(e.id) or {}).get("kind") == "media"
                      or any(m.text.lower() in cited for m in e.mentions)}

    @cached_property
    def hits(self) -> list[Hit]:
        """Every mention with its entity, except the lead's dateline and site ("SEOUL - ",
        "Jakarta, CNBC Indonesia - "): where the reporter writes from is no fact's argument."""
        lead_end = self._lead_end()
        out = [Hit(m.start, m.end, m.text, e) for e in self.wd.doc.entities for m in e.mentions if m.start >= lead_end]
        return sorted(out, key=lambda h: h.start)

    def _lead_end(self) -> int:
        from warta.clean.lead import parse_lead
        lead = parse_lead(self.body[:120])
        return lead.end if lead else 0

    def entities_in(self, start: int, end: int, types: tuple[str, ...] = ("ORG",), parties_only: bool = True) -> list[Hit]:
        return [h for h in self.hits if start <= h.start and h.end <= end and h.entity.type in types
                and not (parties_only and h.entity.id in self.media)]

    def values_in(self, start: int, end: int, kinds: tuple[str, ...]) -> list[Value]:
        return [v for v in self.values if start <= v.start and v.end <= end and v.kind in kinds]

    def evidence(self, s: Sentence) -> Evidence:
        return Evidence(sentence=s.text, start=s.start, end=s.end)

    def sentence_index(self, s: Sentence) -> int:
        return self.sentences.index(s)

    def kb_entry(self, e: Entity) -> dict | None:
        return load_kb().get(e.id)
