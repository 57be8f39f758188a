"""Stage "nlp": sentences, entity mentions (rules + model) and typed values."""
from __future__ import annotations

from warta.model import MentionSpan, WorkDoc
from warta.nlp.pipeline import get_nlp
from warta.nlp.products import product_mentions
from warta.nlp.sentences import paragraphs, split_sentences
from warta.nlp.values import find_values
from warta.pipeline import stage

LABELS = {"ORG": "ORG", "PERSON": "PERSON", "PLACE": "PLACE", "PRODUCT": "PRODUCT",
          "PER": "PERSON", "LOC": "PLACE", "GPE": "PLACE"}


def mentions(body: str, lang: str = "id") -> tuple[list[MentionSpan], object]:
    nlp = get_nlp(lang)
    pars = paragraphs(body)
    out: list[MentionSpan] = []
    docs = list(nlp.pipe([p for _, p in pars]))
    for (off, _), doc in zip(pars, docs):
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            if not ent.ent_id_ and not any(ch.isupper() or ch.isdigit() for ch in ent.text):
                continue   # the model's all-lower-case "names" are noise in edited news
            out.append(MentionSpan(off + ent.start_char, off + ent.end_char, ent.text, label,
                                   source="rule" if ent.ent_id_ else "model", entity_id=ent.ent_id_ or None))
    for off, par in pars:
        for m in product_mentions(par, off):
            # a model-coded name ("Aito M9") is a product, whatever the statistical model guessed
            clash = [o for o in out if not (m.end <= o.start or m.start >= o.end)]
            if all(o.source == "model" for o in clash):
                out = [o for o in out if o not in clash] + [m]
    return sorted(out, key=lambda m: m.start), docs


@stage("nlp")
def nlp_stage(wd: WorkDoc) -> WorkDoc:
    body, lang = wd.doc.body, wd.doc.language or "id"
    wd.sentences = split_sentences(body)
    wd.mentions, wd.spacy_doc = mentions(body, lang)
    wd.values = find_values(body, wd.reference_date, lang if lang in ("id", "en") else "id")
    # a "name" inside an amount ("US$" or "US" of "US$1,2 miliar") is the amount's sign
    amounts = [(v.start, v.end) for v in wd.values if v.kind in ("MONEY", "QUANTITY", "PERCENT")]
    wd.mentions = [m for m in wd.mentions if not any(a <= m.start and m.end <= b for a, b in amounts)]
    return wd


nlp_stage.warm_up = lambda: (get_nlp("id"), get_nlp("en"))  # type: ignore[attr-defined]
