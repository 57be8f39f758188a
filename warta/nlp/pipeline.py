"""The spaCy pipelines Warta assembles: spaCy's `id` (or `en`) language, the
knowledge base's EntityRuler first, then the trained NER model, which keeps
the ruler's spans and fills in the names the base does not know.

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
        nlp = spacy.load(path, exclude=["entity_ruler"])
    else:
        nlp = spacy.blank(lang)
    if os.environ.get("WARTA_NO_RULES") != "1":
        try:
            from warta.kb.patterns import ruler_patterns
            pats = list(ruler_patterns(lang))
        except Exception as exc:  # the rule layer is optional; say why it is missing
            raise RuntimeError(f"knowledge-base patterns failed to load: {exc}") from exc
        before = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe("entity_ruler", before=before, config={"phrase_matcher_attr": None, "overwrite_ents": True})
        by_attr: dict[str, list] = {}
        for p in pats:
            by_attr.setdefault(p["attr"], []).append(p)
        with nlp.select_pipes(enable=[]):
            for attr, ps in by_attr.items():
                ruler.add_patterns([{"label": p["label"], "id": p["id"],
                                     "pattern": [{attr: t.text if attr == "ORTH" else t.lower_} for t in nlp.make_doc(p["pattern"])]}
                                    for p in ps])
    return nlp
