"""PARTNERSHIP: two or more named organisations and a partnership cue in one sentence.

The subject is the organisation named before the cue (or, when none is, the one
right after a leading "Selain ... dengan X," clause); partners are those named
after it.  A negotiation or exploration with a list of candidates ("berdiskusi
dengan A, B, dan C") is one fact per candidate; an agreement among several
parties is one fact with all of them.
"""
from __future__ import annotations

import re

from warta.facts.context import DocView, Hit
from warta.facts.lexicon import cue_rx, load, rx, status_of
from warta.model import Fact

PURPOSE = re.compile(r"\b(?:untuk|guna|dalam|di bidang|to|for|on)\s+(?P<p>[^,.;]{3,80})", re.I)


def _status(text: str) -> str:
    st = status_of("partnership", text, "agreed")
    neg = load("partnership")["negations"]
    agreed_words = load("partnership")["status"]["agreed"]
    if st == "agreed":
        # "belum menandatangani" is not an agreement yet
        for m in rx(tuple(agreed_words)).finditer(text):
            before = text[max(0, m.start() - 25): m.start()]
            if rx(tuple(neg)).search(before):
                return "negotiating"
    return st or "agreed"


def _unique(hits: list[Hit]) -> list[Hit]:
    seen, out = set(), []
    for h in hits:
        if h.entity.id not in seen:
            seen.add(h.entity.id)
            out.append(h)
    return out


def extract(v: DocView) -> list[Fact]:
    facts: list[Fact] = []
    cue = cue_rx("partnership")
    for s in v.sentences:
        m = cue.search(s.text)
        if not m:
            continue
        orgs = _unique(v.entities_in(s.start, s.end))
        if len(orgs) < 2:
            continue
        at = s.start + m.start()
        before = [h for h in orgs if h.start < at]
        after = [h for h in orgs if h.start >= at]
        if before and after:
            subject, partners = before[-1], [h for h in after if h.entity.id != before[-1].entity.id]
        else:  # "Selain bekerja sama dengan A, B juga ..." / "A dan B menandatangani ..."
            subject, partners = orgs[0], orgs[1:]
        if not partners:
            continue
        status = _status(s.text)
        purpose = None
        pm = PURPOSE.search(s.text[m.end():])
        if pm:
            purpose = pm.group("p").strip()
        groups = [[subject, p] for p in partners] if status in ("negotiating", "exploring") or len(partners) == 1 \
            else [[subject, *partners]]
        for g in groups:
            facts.append(Fact(type="PARTNERSHIP", args={"parties": [h.entity.name for h in g], "purpose": purpose},
                              status=status, evidence=[v.evidence(s)]))
    return facts
