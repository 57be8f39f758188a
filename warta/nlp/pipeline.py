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
        nlp = spacy.load(path)
    else:
        nlp = spacy.blank(lang)
    if os.environ.get("WARTA_NO_RULES") != "1":
        try:
            from warta.kb.patterns import ruler_patterns
            pats = list(ruler_patterns(lang))
        except Exception as exc:  # the rule layer is optional; say why it is missing
            raise RuntimeError(f"knowledge-base patterns failed to load: {exc}") from exc
        before = "ner" if "ner" in nlp.pipe_names else None
        # phrase matchers, not token patterns: one case-insensitive ruler for names, then a
        # case-sensitive one for short or all-caps names ("AS" is not "as") where nothing matched yet
        by_attr: dict[str, list] = {}
        for p in pats:
            by_attr.setdefault(p["attr"], []).append(p)
        for attr in ("LOWER", "ORTH"):
            ruler = nlp.add_pipe("entity_ruler", name=f"kb_ruler_{attr.lower()}", before=before,
                                 config={"phrase_matcher_attr": attr, "overwrite_ents": attr == "LOWER"})
            with nlp.select_pipes(enable=[]):
                ruler.add_patterns([{"label": p["label"], "id": p["id"], "pattern": p["pattern"]} for p in by_attr.get(attr, [])])
            if len(ruler):
                # EntityRuler re-counts every pattern on every call to warn about an empty
                # ruler: ~1 ms per paragraph with the base's thousands of names
                ruler._require_patterns = _patterns_present
    return nlp


def _patterns_present() -> None:
    """The ruler's empty-ruler check, answered once at build time."""
