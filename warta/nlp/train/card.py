"""Score a trained model on its language's public test splits and keep the
figures beside it (scores.json), where the model card and a test read them.
Run after training; the test splits are read here and nowhere in training."""
from __future__ import annotations

import json
from pathlib import Path

from warta.nlp.train import corpora
from warta.nlp.train.evaluate import evaluate

TEST_SPLITS = {"id": ["nergrit:test", "idner:test"], "en": ["uner_ewt:test", "uner_pud:test"]}


def score(lang: str = "id", model_dir: Path | None = None) -> dict:
    from warta.nlp.pipeline import load_model, model_path
    dest = Path(model_dir or model_path(lang))
    nlp = load_model(lang, model_dir=dest)   # once for every split
    if "encoder_ner" in nlp.pipe_names:      # the reference: PyTorch (int8 ONNX is checked against it)
        nlp.get_pipe("encoder_ner").runtime = "torch"
    out = {"lang": lang, "exact_span": True, "rules": False, "test": {}}
    for split in TEST_SPLITS[lang]:
        corpus, part = split.split(":")
        path = corpora.shared_dir() / "data" / corpora.CORPORA[corpus][part]
        res = evaluate(path, lang=lang, model=nlp)
        out["test"][split] = {"sentences": res["sentences"], **res["overall"],
                              "labels": {k: v["f1"] for k, v in res["labels"].items()}}
    (dest / "scores.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return out
