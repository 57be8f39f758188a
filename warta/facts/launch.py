"""LAUNCH_PLAN: a future launch with a date.

Two ways a sentence says it: a maker, a launch cue and a plan word with a date after
the cue ("bertujuan untuk meluncurkan mobil listrik pertama mereka tahun 2024"); or a
named product (a PRODUCT entity), a launch or production cue and a date anywhere in the
sentence ("Januari 2019, Gesits akan mulai diproduksi secara massal"), whose maker is
found as for its PRODUCT fact.  Dates before the article's year are no plans; one fact
per maker and year, and per product and year."""
from __future__ import annotations

import re

from warta.facts.context import DocView
from warta.facts.lexicon import cue_rx, load, rx
from warta.facts.product import _maker, _maker_like, doc_maker, places_of
from warta.model import Fact, Sentence

NAME = r"((?:[A-Z0-9][\w.-]*)(?:\s+[A-Z0-9][\w.-]*){0,3})"


def _year(value: str) -> int | None:
    m = re.match(r"(\d{4})", str(value))
    return int(m.group(1)) if m else None


def _future(v: DocView, date) -> bool:
    y = _year(date.value)
    return y is not None and not (v.ref and y < v.ref.year)


def _ahead(v: DocView, date) -> bool:
    """A date after the article's month: said of a launch, a plan even without a plan word."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?", str(date.value))
    if not m or not v.ref:
        return False
    return (int(m.group(1)), int(m.group(2) or 0)) > (v.ref.year, v.ref.month if m.group(2) else 99)


def _earlier_product(v: DocView, s: Sentence):
    """The product named last in the two sentences before ("... Gesits ... . Produksi
    massalnya pada Januari 2019.")."""
    i = v.sentence_index(s)
    for prev in reversed(v.sentences[max(0, i - 2):i]):
        prods = v.entities_in(prev.start, prev.end, ("PRODUCT",), parties_only=False)
        if prods:
            return prods[-1], prev
    return None


def _earlier_maker(v: DocView, s: Sentence, before: int) -> str | None:
    """The company named last before `before` in the sentence, else in the two before it."""
    hits = [h for h in v.entities_in(s.start, before) if _maker_like(v, h)]
    if hits:
        return hits[-1].entity.name
    i = v.sentence_index(s)
    for prev in reversed(v.sentences[max(0, i - 2):i]):
        hits = [h for h in v.entities_in(prev.start, prev.end) if _maker_like(v, h)]
        if hits:
            return hits[-1].entity.name
    return None


def _passive(v: DocView, s: Sentence, at: int, data: dict) -> tuple[str, str] | None:
    """(maker, product) of "proyek X ... akan diluncurkan": X is what stands before the
    passive cue after a head noun, the maker the company named before it."""
    head = rx(tuple(data["subject_heads"]))
    text = v.body[s.start:at]
    for m in head.finditer(text):
        n = re.match(r"\s+" + NAME, text[m.end():])
        if n:
            start = s.start + m.end() + n.start(1)
            maker = _earlier_maker(v, s, start)
            if maker:
                return maker, n.group(1)
    return None


def extract(v: DocView) -> list[Fact]:
    facts, seen = [], set()
    data = load("launch")
    cue, plan = cue_rx("launch"), rx(tuple(data["plan_words"]))
    product_cue = rx(tuple(data["cues"] + data["product_cues"]))
    drop = {w.lower() for w in data["drop_words"]}
    passive = rx(tuple(data["passive_cues"]))
    space = rx(tuple(data["not_launch_words"]))

    def add(maker: str, product: str | None, date, s) -> None:
        keys = {(maker, _year(date.value)), (product, _year(date.value)) if product else None} - {None}
        if keys & seen:
            return
        seen.update(keys)
        facts.append(Fact(type="LAUNCH_PLAN", args={"maker": maker, "product": product,
                                                    "date": {"value": str(date.value), "as_written": date.extra.get("as_written", date.text)}},
                          status="planned", evidence=[v.evidence(s)], flags=list(date.flags)))

    for s in v.sentences:
        if space.search(s.text):
            continue
        # a named product, a launch or production cue and a date anywhere in the sentence
        m = product_cue.search(s.text)
        prods = v.entities_in(s.start, s.end, ("PRODUCT",), parties_only=False)
        planned = bool(m and plan.search(s.text[: m.start()] + " " + s.text[m.end():]))
        if m and not prods:
            # a production or launch date said after the product, in a sentence of its own
            back = _earlier_product(v, s)
            dates = [d for d in v.values_in(s.start, s.end, ("DATE",)) if _future(v, d) and (planned or _ahead(v, d))]
            if back and dates and not v.entities_in(s.start, s.end):
                p, _ = back
                maker = doc_maker(v, places_of(v, p.entity.id))[2]
                if maker:
                    add(maker, p.entity.name, dates[0], s)
                    continue
        if m and prods and planned:
            dates = [d for d in v.values_in(s.start, s.end, ("DATE",)) if _future(v, d)]
            if dates:
                p = min(prods, key=lambda h: abs(h.start - (s.start + m.start())))
                maker = _maker(v, p, s, v.kb_entry(p.entity) or {})
                if maker:
                    add(maker, p.entity.name, dates[0], s)
                    continue
        # a maker, a launch cue, a plan word and a date after the cue
        m = cue.search(s.text)
        if not m or not plan.search(s.text[: m.start()] + " " + s.text[m.end():]):
            continue
        at = s.start + m.end()
        dates = [d for d in v.values_in(at, s.end, ("DATE",)) if _future(v, d)]
        if not dates:
            continue
        date = dates[0]
        pm = passive.search(s.text)
        if pm and not v.entities_in(s.start, s.start + pm.start(), ("PRODUCT",), parties_only=False):
            found = _passive(v, s, s.start + pm.start(), data)
            if found:
                add(found[0], found[1], date, s)
                continue
        makers = v.entities_in(s.start, s.start + m.start())
        if not makers:
            continue
        prods = v.entities_in(at, date.start, ("PRODUCT",), parties_only=False)
        if prods:
            product = prods[0].entity.name
        else:
            words = [w for w in re.findall(r"[\w-]+", v.body[at:date.start]) if w.lower() not in drop]
            words = [w for w in words if w.lower() not in ("tahun", "pada", "di", "in", "on", "by")]
            product = " ".join(words) or None
        add(makers[-1].entity.name, product, date, s)
    return facts
