"""PRODUCT: a named product (a PRODUCT entity) and its maker, with the status the
article gives it (in development, planned, launched, discontinued).

Every named product the article speaks of is a fact once: analysts list the models a
maker sells as well as the ones it announces.  The sentence is the first one whose
words give a status (warta/data/facts/product.yaml), else the first that names the
product, where the status is `launched` (a named product on sale).  The maker is, in
order: the organisation whose name starts the product's name ("BYD Atto 1"), the
organisation right after it behind "buatan", "besutan", "milik" ("Gesits buatan PT
X"), the maker the knowledge base records when the article names it, the nearest
organisation before the product in its sentence when it is a company
or a brand, the maker the knowledge base records, or the nearest company named in the two
sentences before."""
from __future__ import annotations

import re

from warta.facts.context import DocView, Hit
from warta.facts.lexicon import load, rx, status_of
from warta.kb.base import norm_name
from warta.model import Fact, Sentence
from warta.nlp.products import price_line

MAKER_KINDS = (None, "company", "brand", "unit")


def category(text: str) -> str | None:
    best = None
    for cat, words in load("product")["categories"].items():
        m = rx(tuple(words)).search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), cat)
    return best[1] if best else None


def _maker_like(v: DocView, h: Hit) -> bool:
    """A company or a brand: no agency, ministry, university or outlet makes products."""
    entry = v.kb_entry(h.entity) or {}
    words = {w.lower() for w in h.entity.name.split()}
    return (h.entity.type == "ORG" and entry.get("kind") in MAKER_KINDS and h.entity.id not in v.media
            and not words & {w.lower() for w in load("product")["not_maker_words"]})


def _prefix_maker(v: DocView, p: Hit) -> str | None:
    """The organisation of this article whose name or surface form starts the product's
    name ("BYD" of "BYD Atto 1", "Traveloka" of "Traveloka Eats")."""
    names = [p.entity.name, *(m.text for m in p.entity.mentions)]
    best = None
    for e in v.wd.doc.entities:
        if e.type != "ORG" or e.id in v.media:
            continue
        for form in {e.name, *(m.text for m in e.mentions)}:
            key = norm_name(form)
            if len(key) >= 2 and any(norm_name(n).startswith(key + " ") for n in names):
                if best is None or len(key) > best[0]:
                    best = (len(key), e.name)
    return best[1] if best else None


def _maker_here(v: DocView, p: Hit, s: Sentence, entry: dict) -> str | None:
    """The maker this sentence names for the product, if any."""
    pre = _prefix_maker(v, p)
    if pre:
        return pre
    after = [h for h in v.entities_in(p.end, s.end) if _maker_like(v, h)]
    by = rx(tuple(load("product")["maker_after"]))
    for h in after[:1]:
        if by.fullmatch(re.sub(r"\s*\bPT\.?$", "", v.body[p.end:h.start].strip(" ,"))):
            return h.entity.name
    if entry.get("maker") and any(e.name == entry["maker"] for e in v.wd.doc.entities):
        return entry["maker"]
    before = [h for h in v.entities_in(s.start, p.start) if _maker_like(v, h)]
    return before[-1].entity.name if before else None


def _maker(v: DocView, p: Hit, s: Sentence, entry: dict) -> str | None:
    here = _maker_here(v, p, s, entry)
    if here or entry.get("maker"):
        return here or entry["maker"]
    i = v.sentence_index(s)
    back = 2
    while back < i and price_line(v.sentences[i - back + 1].text):
        back += 1      # a price list: the maker heads it ("Harga Mobil Listrik BYD")
    for prev in reversed(v.sentences[max(0, i - back):i]):
        hits = [h for h in v.entities_in(prev.start, prev.end) if _maker_like(v, h)]
        if hits:
            return hits[-1].entity.name
    return None


def _status(v: DocView, sentences: list[Sentence]) -> str:
    """The weightiest status any sentence naming the product gives (the lexicon's
    priority), `planned` when one puts its production or sale at a date ahead, else
    `launched`."""
    found = {status_of("product", s.text) for s in sentences} - {None}
    for s in sentences:
        if any(d.value and str(d.value)[:4].isdigit() and v.ref and int(str(d.value)[:4]) > v.ref.year
               for d in v.values_in(s.start, s.end, ("DATE",))):
            found.add("planned")
    for st in load("product")["priority"]:
        if st in found:
            return st
    return "launched"


def doc_maker(v: DocView, places: list[tuple[Sentence, Hit]]) -> tuple[Sentence, Hit, str | None]:
    """The sentence, mention and maker of a product from all its places: the first place
    that names its maker, else its first place and the maker found around it."""
    entry = v.kb_entry(places[0][1].entity) or {}
    for s, p in places:
        if mk := _maker_here(v, p, s, entry):
            return s, p, mk
    s, p = places[0]
    return s, p, _maker(v, p, s, entry)


def places_of(v: DocView, entity_id: str) -> list[tuple[Sentence, Hit]]:
    return [(s, p) for s in v.sentences for p in v.entities_in(s.start, s.end, ("PRODUCT",), parties_only=False)
            if p.entity.id == entity_id]


def extract(v: DocView) -> list[Fact]:
    facts, seen = [], set()
    by_product: dict[str, list[tuple[Sentence, Hit]]] = {}
    for s in v.sentences:
        for p in v.entities_in(s.start, s.end, ("PRODUCT",), parties_only=False):
            by_product.setdefault(p.entity.id, []).append((s, p))
    for places in by_product.values():
        entry = v.kb_entry(places[0][1].entity) or {}
        s, p, maker = doc_maker(v, places)
        if not maker or (maker, p.entity.name) in seen:
            continue
        status = _status(v, [x for x, _ in places])
        seen.add((maker, p.entity.name))
        facts.append(Fact(type="PRODUCT", args={"maker": maker, "product": p.entity.name,
                                                "category": category(s.text) or entry.get("category")},
                          status=status, evidence=[v.evidence(s)]))
    return sorted(facts, key=lambda f: f.evidence[0].start)
