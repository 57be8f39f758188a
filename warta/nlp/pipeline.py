"""The spaCy pipelines Warta assembles: spaCy's `id` (or `en`) language, the
trained NER model, then the knowledge base's names as two phrase-matching span
rulers, and `kb_merge` (warta/nlp/merge.py), which lets the base correct the
model's labels and the model extend names the base would cut short.

Loaded once per process (`get_nlp`): spaCy's Indonesian tokenizer alone takes
seconds to build.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

MODELS = Path(__file__).resolve().parents[1] / "data" / "models"
LANGS = ("id", "en")


def model_path(lang: str) -> Path:
    return MODELS / f"ner-{lang}"


@lru_cache(maxsize=2)
def get_nlp(lang: str = "id"):
    import spacy
    lang = lang if lang in LANGS else "id"
    path = model_path(lang)
    if (path / "meta.json").exists():
        nlp = spacy.load(path)
        numpy_matmul(nlp)
    else:
        nlp = spacy.blank(lang)
    if os.environ.get("WARTA_NO_RULES") != "1":
        add_kb_rules(nlp, lang)
    return nlp


def numpy_matmul(nlp) -> None:
    """Run the network's matrix products through NumPy's BLAS instead of thinc's bundled
    BLIS: on this kind of CPU OpenBLAS is three to four times faster for the small
    matrices of a CNN over a few sentences (measured in bench/nlp.py); the numbers agree
    to float rounding, so the entities are the same."""
    from thinc.api import Model, NumpyOps
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.components:
        model = getattr(proc, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops


def add_kb_rules(nlp, lang: str) -> None:
    """The knowledge base's names as two phrase-matching span rulers (case-insensitive for
    names of several words, exact for one-word names and their upper/title-case forms, so
    "antara" or "grab" in running text is not an organisation), then `kb_merge`, which
    combines their spans with the statistical model's."""
    import warta.nlp.merge  # noqa: F401  (registers kb_merge)
    try:
        from warta.kb.patterns import ruler_patterns
        pats = list(ruler_patterns(lang))
    except Exception as exc:  # the rule layer is optional; say why it is missing
        raise RuntimeError(f"knowledge-base patterns failed to load: {exc}") from exc
    by_attr: dict[str, list] = {}
    for p in pats:
        by_attr.setdefault(p["attr"], []).append(p)
    for attr in ("LOWER", "ORTH"):
        ruler = nlp.add_pipe("span_ruler", name=f"kb_ruler_{attr.lower()}",
                             config={"spans_key": f"kb_{attr.lower()}", "phrase_matcher_attr": attr,
                                     "annotate_ents": False, "validate": False})
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns([{"label": p["label"], "id": p["id"], "pattern": p["pattern"]}
                                for p in by_attr.get(attr, [])])
    nlp.add_pipe("kb_merge")
