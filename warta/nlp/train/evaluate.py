"""`warta ner-eval`: exact-span precision, recall and F1 per label on a CoNLL file,
with a bootstrap interval over sentences (the small test splits move by points
on resampling)."""
from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from warta.nlp.train.corpora import read_conll

LABELS = ("ORG", "PERSON", "PLACE")


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, lab = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != lab):
            if start is not None:
                out.add((start, i, lab))
            start, lab = (i, t[2:]) if t != "O" else (None, None)
    return out


def _prf(c: Counter, lab: str | None = None) -> dict:
    k = lambda x: (x, lab) if lab else x  # noqa: E731
    tp, fp, fn = c[k("tp")], c[k("fp")], c[k("fn")]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "support": tp + fn}


def predict(nlp, words: list[str]) -> set[tuple[int, int, str]]:
    from spacy.tokens import Doc
    doc = Doc(nlp.vocab, words=words)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS}


def evaluate(path: str | Path, lang: str = "id", bootstrap: int = 1000, seed: int = 0, rules: bool = False,
             model=None, arch: str | None = None, runtime: str | None = None) -> dict:
    """Scores of the packaged model alone, of the whole rules + model pipeline (`rules`),
    or of `model`: a model directory or a loaded pipeline; `runtime` (int8, fp32,
    torch) for the transformer instead of WARTA_ENCODER_RUNTIME's."""
    from warta.nlp.pipeline import add_kb_rules, get_nlp, load_model
    if model is not None:
        nlp = load_model(lang, model_dir=Path(model)) if isinstance(model, (str, Path)) else model
    elif rules and arch:
        nlp = load_model(lang, kind=arch)
        add_kb_rules(nlp, lang)
    elif rules:
        nlp = get_nlp(lang)
    else:   # not get_nlp: its cached pipeline may hold the rules
        nlp = load_model(lang, kind=arch)
    comp = nlp.get_pipe("encoder_ner") if runtime and "encoder_ner" in nlp.pipe_names else None
    before = comp.runtime if comp else None
    if comp:        # the pipeline may be shared (get_nlp's): its own runtime is put back below
        comp.runtime = runtime
    per_sent = []
    for words, tags in read_conll(path):
        gold, pred = {s for s in spans(tags) if s[2] in LABELS}, predict(nlp, words)
        c = Counter()
        for s in pred & gold:
            c["tp"] += 1
            c[("tp", s[2])] += 1
        for s in pred - gold:
            c["fp"] += 1
            c[("fp", s[2])] += 1
        for s in gold - pred:
            c["fn"] += 1
            c[("fn", s[2])] += 1
        per_sent.append(c)
    if comp:
        comp.runtime = before
    total = sum(per_sent, Counter())
    res = {"file": str(path), "sentences": len(per_sent), "overall": _prf(total),
           "labels": {lab: _prf(total, lab) for lab in LABELS}}
    rng = random.Random(seed)
    f1s = sorted(_prf(sum((rng.choice(per_sent) for _ in per_sent), Counter()))["f1"] for _ in range(bootstrap))
    res["overall"]["f1_95ci"] = [f1s[int(0.025 * bootstrap)], f1s[int(0.975 * bootstrap) - 1]]
    return res
