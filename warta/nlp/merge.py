"""`kb_merge`: the knowledge base's rule spans and the statistical model's entities
made into one set of entities, each side correcting the other.

* A rule span wins where it overlaps a model entity: the base knows the label and
  the entity ("Lotte" is an organisation, not a person) and its full name.
* A model entity that holds exactly one rule span inside a longer name wins over
  it: "PSMS Medan" is a club, not the place "Medan"; "Universitas Kristen
  Indonesia" is not the country.  It does not win when it strings several known
  names together, holds a conjunction or comma (a run-on span such as
  "Hyundai dan LG"), or a lower-case word that is not a name particle
  ("LG Energy Solution on").
Rule spans keep the base's entity id (`ent_id_`); model entities have none.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

KEYS = ("kb_lower", "kb_orth")
JOINERS = {",", ";", "dan", "and", "serta", "atau", "or", "dengan", "with", "/"}
SENTENCE_END = {".", "!", "?", ":", '"', "\u201c", "\u2014", "-"}
PARTICLES = {"de", "of", "the", "van", "von", "der", "del", "bin", "binti", "al", "el", "la", "&", "-", "'", "."}


def _holds_one_name(m: Span, rules: list[Span]) -> bool:
    inside = [r for r in rules if m.start <= r.start and r.end <= m.end]
    if len(inside) != 1:
        return False
    r = inside[0]
    rest = [t for t in m if not (r.start <= t.i < r.end)]
    if any(t.lower_ in JOINERS for t in rest):
        return False
    # the rest must read as part of a name: capitalised words, numbers, or a particle
    # inside the name ("Football Club de Metz"), never a trailing "on" or "di"
    # (a capital at the start of a sentence says nothing: "Pabrikan Negeri Sakura itu")
    edges = {m.start, m.end - 1}
    return all(_name_like(t) or (t.lower_ in PARTICLES and t.i not in edges) for t in rest)


def _name_like(t) -> bool:
    text = t.text
    if text[:1].isdigit() or (len(text) > 1 and text.isupper()):
        return True
    starts = t.i == 0 or t.doc[t.i - 1].text in SENTENCE_END
    return text[:1].isupper() and not starts


@Language.component("kb_merge")
def kb_merge(doc: Doc) -> Doc:
    found = [s for k in KEYS for s in doc.spans.get(k, [])]
    if not found:
        return doc
    rules = filter_spans(found)
    model = list(doc.ents)
    kept = []
    for r in rules:
        holder = [m for m in model if m.start <= r.start and r.end <= m.end and (m.end - m.start) > (r.end - r.start)]
        if holder and _holds_one_name(holder[0], rules):
            continue
        kept.append(r)
    taken = set()
    for r in kept:
        taken.update(range(r.start, r.end))
    ents = kept + [m for m in model if not taken.intersection(range(m.start, m.end))]
    doc.set_ents(sorted(ents, key=lambda s: s.start), default="outside")
    return doc
