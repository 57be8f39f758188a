"""The spaCy pipelines Warta assembles: spaCy's `id` (or `en`) language, the
trained NER model, then the knowledge base's names as two phrase-matching span
rulers, and `kb_merge` (warta/nlp/merge.py), which lets the base correct the
model's labels and the model extend names the base would cut short.

The NER model is spaCy's CNN (`ner-id`, `ner-en`) or, with WARTA_NER=encoder, the
fine-tuned multilingual transformer for Indonesian (`ner-id-encoder`,
warta/nlp/encoder): more accurate, twenty times slower.

Loaded once per process (`get_nlp`): spaCy's Indonesian tokenizer alone takes
seconds to build.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from warta.settings import Settings

MODELS = Path(__file__).resolve().parents[1] / "data" / "models"
LANGS = ("id", "en")
DEFAULT_NER = "cnn"


class ModelMissing(FileNotFoundError):
    """No trained NER model where Warta looks for it: the message names the folder."""


def model_path(lang: str) -> Path:
    return MODELS / f"ner-{lang}"


def encoder_path(lang: str) -> Path:
    return MODELS / f"ner-{lang}-encoder"


def ner_kind() -> str:
    """WARTA_NER: `cnn` (spaCy's CNN, the default: 67 F1 on NERGrit test, ~20,000
    tokens/s) or `encoder` (the fine-tuned multilingual transformer: 78 F1, ~850
    tokens/s, needs the `encoder` extra).  A language with no packaged encoder model
    keeps its CNN."""
    return Settings.from_env().ner


def load_model(lang: str, kind: str | None = None, model_dir: Path | None = None):
    """The statistical part alone: spaCy's tokenizer for `lang` and the NER model
    (`kind` as ner_kind(), or whichever model `model_dir` holds)."""
    import spacy
    if model_dir is not None:
        model_dir = Path(model_dir)
        kind = "encoder" if (model_dir / "encoder.json").exists() else "cnn"
    kind = kind or ner_kind()
    cnn = model_dir if (model_dir is not None and kind == "cnn") else model_path(lang)
    if kind == "encoder":
        enc = model_dir or encoder_path(lang)
        if (enc / "encoder.json").exists():
            import warta.nlp.encoder.component  # noqa: F401  (registers encoder_ner)
            nlp = spacy.load(cnn, exclude=["tok2vec", "ner"]) if (cnn / "meta.json").exists() else spacy.blank(lang)
            nlp.add_pipe("encoder_ner", config={"model_dir": str(enc)})
            return nlp
        if lang == "id":
            from warta.nlp.encoder.weights import EncoderMissing
            raise EncoderMissing(f"{enc}: no encoder model here (make model trains it)")
    if (cnn / "meta.json").exists():
        nlp = spacy.load(cnn)
        numpy_matmul(nlp)
        return nlp
    # never a blank pipeline in its place: it would find no names at all, silently
    raise ModelMissing(f"{cnn}: no NER model here (no meta.json); `make model` trains it")


@lru_cache(maxsize=2)
def get_nlp(lang: str = "id"):
    lang = lang if lang in LANGS else "id"
    nlp = load_model(lang)
    if not Settings.from_env().no_rules:
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
