"""ROLE and QUOTE.

ROLE: "<role> <Org>, <Person>," and "<Person>, <role> [dan <role>] <Org>".
QUOTE: a quotation followed by a speech verb and its speaker ("..., tambah Ren X"),
a pronoun speaker resolved by coreference, or "<Person> mengungkapkan bahwa ...".
"""
from __future__ import annotations

import re
from functools import lru_cache

from warta.facts.context import DocView
from warta.facts.lexicon import load
from warta.model import Fact


@lru_cache(maxsize=1)
def _role_rx() -> re.Pattern:
    lx = load("people")
    roles = "|".join(re.escape(r) for r in sorted(lx["roles"], key=len, reverse=True))
    joins = "|".join(re.escape(j) for j in lx["role_joiners"])
    return re.compile(rf"(?:{roles})(?:\s+(?:{joins})\s+(?:{roles}))*", re.I)


def _role_before(v: DocView, s, person) -> tuple[str, object] | None:
    """"CEO Xiaomi, Lei Jun": a role and an organisation right before the person."""
    orgs = [h for h in v.entities_in(s.start, person.start)]
    if not orgs:
        return None
    org = orgs[-1]
    if not re.fullmatch(r"\s*,?\s*", v.body[org.end:person.start]):
        return None
    m = None
    for m in _role_rx().finditer(v.body[s.start:org.start]):
        pass
    if m is None or not re.fullmatch(r"\s*", v.body[s.start + m.end():org.start]):
        return None
    return m.group(0), org


def _role_after(v: DocView, s, person) -> tuple[str, object] | None:
    """"Jochen X, President dan CEO <Org>": a role and an organisation right after the person."""
    m = re.match(r"\s*,\s*", v.body[person.end:s.end])
    if not m:
        return None
    at = person.end + m.end()
    rm = _role_rx().match(v.body, at)
    if not rm:
        return None
    orgs = [h for h in v.entities_in(rm.end(), s.end) if h.start - rm.end() <= 40]
    if not orgs or not re.fullmatch(r"[\s\w-]*", v.body[rm.end():orgs[0].start]):
        return None
    return v.body[at:orgs[0].start].strip(), orgs[0]


def roles(v: DocView) -> list[Fact]:
    facts, seen = [], set()
    for s in v.sentences:
        for p in v.entities_in(s.start, s.end, ("PERSON",), parties_only=False):
            if p.text.lower() in ("ia", "dia", "beliau", "he", "she"):
                continue
            found = _role_before(v, s, p) or _role_after(v, s, p)
            if not found:
                continue
            role, org = found
            key = (p.entity.name, org.entity.name)
            if key in seen:
                continue
            seen.add(key)
            facts.append(Fact(type="ROLE", args={"person": p.entity.name, "role": role.strip(" ,"), "org": org.entity.name},
                              status=None, certainty=None, evidence=[v.evidence(s)]))
    return facts


@lru_cache(maxsize=1)
def _verbs() -> tuple[re.Pattern, re.Pattern]:
    lx = load("people")
    verbs = "|".join(re.escape(w) for w in sorted(lx["speech_verbs"], key=len, reverse=True))
    ind = "|".join(re.escape(w) for w in sorted(lx["indirect_verbs"], key=len, reverse=True))
    direct = re.compile(rf"[\"“](?P<q>[^\"”]{{8,}}?)[,.!?]?[\"”]\s*,?\s*(?:{verbs})\b", re.I)
    indirect = re.compile(rf"\b(?:{ind})\s+(?P<q>[^,.;]{{8,}})", re.I)
    return direct, indirect


def quotes(v: DocView) -> list[Fact]:
    direct, indirect = _verbs()
    facts = []
    for s in v.sentences:
        m = direct.search(s.text)
        if m:
            speakers = v.entities_in(s.start + m.end(), s.end, ("PERSON",), parties_only=False)
            if speakers:
                facts.append(Fact(type="QUOTE", args={"speaker": speakers[0].entity.name, "text": m.group("q").strip()},
                                  status=None, certainty=None, evidence=[v.evidence(s)]))
                continue
        m = indirect.search(s.text)
        if m:
            speakers = v.entities_in(s.start, s.start + m.start(), ("PERSON",), parties_only=False)
            if speakers:
                facts.append(Fact(type="QUOTE", args={"speaker": speakers[-1].entity.name, "text": m.group("q").strip()},
                                  status=None, certainty=None, evidence=[v.evidence(s)]))
    return facts
