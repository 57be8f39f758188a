"""`warta train pretrain` and `warta train ner`: the project's NER recipe.

Indonesian
  * NER data: NERGrit train + IDNer-news-2k train (both cased).  NERP is lowercased:
    as it is, it would teach the model that case carries no signal; `--corpus
    nerp:train` reads it with its case restored (truecase.py), which measured no gain.
  * Model choice: the NERGrit valid split (the corpus the project's bar is set on).
    Test splits are never read here.
  * Multi-task: a part-of-speech tagger shares the token-to-vector layer with the
    NER during training, fed by nlp-id's 33k tagged news sentences
    (warta.nlp.train.rawtext); its proper-noun tags teach what a name looks like.
    The tagger is removed from the saved model: only the shared layer's gain stays.
  * Pretraining (`warta train pretrain`): spaCy's character objective on the words
    of those sentences and of the NER training splits; the weights initialise
    the token-to-vector layer (`--init-tok2vec`).
English: UNER EWT dev + WikiGold, 10 % of it held out for model choice.
spaCy CNN (efficiency architecture, larger hash tables), one thread, fixed seed.
spaCy has no wall-clock limit: training runs in a child process stopped at the
limit; model-best (saved at every evaluation) is what is kept.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warta.nlp.train import corpora
from warta.nlp.train.docbin import to_docbin

MODELS = Path(__file__).resolve().parents[2] / "data" / "models"
RECIPES = {
    "id": {"train": [("nergrit", "train"), ("idner", "train")], "dev": [("nergrit", "dev")], "pos": True},
    "en": {"train": [("uner_ewt", "train"), ("wikigold", "train")], "dev": [], "pos": False},
}
POS_SAMPLE = 12000      # tagged sentences mixed into the training set (of ~33k)
WIDTH, DEPTH, ROWS = 96, 4, [10000, 2000, 5000, 2500]


def config(lang: str, seed: int, tagger: bool, max_steps: int = 40000, averages: bool = True,
           dropout: float = 0.2, hidden: int = 64, width: int = WIDTH, depth: int = DEPTH,
           vectors: str | None = None, chars: int = 0) -> str:
    from spacy.cli.init_config import init_config
    pipes = ["tagger", "ner"] if tagger else ["ner"]
    cfg = init_config(lang=lang, pipeline=pipes, optimize="efficiency", gpu=False, pretraining=True)
    cfg["system"]["seed"] = seed
    t = cfg["training"]
    t["max_steps"], t["max_epochs"], t["patience"] = max_steps, 0, 4000
    t["eval_frequency"], t["dropout"] = 400, dropout
    # averaged parameters: a small corpus makes the raw weights swing by points between evaluations
    t["optimizer"]["use_averages"] = averages
    cfg["components"]["ner"]["model"]["hidden_width"] = hidden
    # only the NER's F1 chooses the model; per-type dictionaries cannot be weighted
    t["score_weights"] = {k: (1.0 if k == "ents_f" else 0.0) for k in t["score_weights"]}
    t["score_weights"]["ents_per_type"] = None
    tv = cfg["components"]["tok2vec"]["model"]
    tv["embed"]["width"] = tv["encode"]["width"] = width
    tv["encode"]["depth"] = depth
    tv["embed"]["rows"] = ROWS
    if chars:   # words as their first and last `chars` characters too (spaCy's CharacterEmbed)
        tv["embed"] = {"@architectures": "spacy.CharacterEmbed.v2", "width": width, "rows": ROWS[0],
                       "nM": 64, "nC": chars, "include_static_vectors": False}
    if vectors:   # static (floret) vectors trained on the raw text: a spaCy model directory
        tv["embed"]["include_static_vectors"] = True
        cfg["paths"]["vectors"] = str(vectors)
        cfg["initialize"]["vectors"] = "${paths.vectors}"
    cfg["pretraining"]["max_epochs"] = 2
    cfg["pretraining"]["corpus"] = "corpora.pretrain"
    return cfg.to_str()


def _run_limited(cmd: list[str], minutes: float, log: Path) -> None:
    env = dict(os.environ, OMP_NUM_THREADS="1")
    with open(log, "w") as fh:
        proc = subprocess.Popen(cmd, env=env, stdout=fh, stderr=subprocess.STDOUT)
        try:
            proc.wait(timeout=minutes * 60)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    if proc.returncode not in (0, -15, -9, None):
        raise RuntimeError(f"{' '.join(cmd[:4])} failed; see {log}")


def pretrain_text(lang: str, path: Path) -> int:
    """The raw text for `spacy pretrain`: nlp-id's sentences + the NER training splits."""
    from warta.nlp.train.rawtext import tagged_sentences
    sents = [w for w, _ in tagged_sentences()] if RECIPES[lang]["pos"] else []
    sents += [w for c, sp in RECIPES[lang]["train"] for w, _ in corpora.load(c, sp)]
    with open(path, "w", encoding="utf-8") as fh:
        for words in sents:
            fh.write(json.dumps({"text": " ".join(words)}) + "\n")
    return len(sents)


def pretrain(lang: str = "id", epochs: int = 2, minutes: float = 60, seed: int = 0, out: Path | None = None) -> dict:
    """Pretrain the token-to-vector layer for `epochs` passes over the text (stopped at
    `minutes` in any case); returns the path of the last saved weights."""
    work = Path(out or tempfile.mkdtemp(prefix=f"warta-pretrain-{lang}-"))
    work.mkdir(parents=True, exist_ok=True)
    n = pretrain_text(lang, work / "raw.jsonl")
    (work / "config.cfg").write_text(config(lang, seed, tagger=False), encoding="utf-8")
    cmd = [sys.executable, "-m", "spacy", "pretrain", str(work / "config.cfg"), str(work / "weights"),
           "--paths.raw_text", str(work / "raw.jsonl"), "--pretraining.max_epochs", str(epochs)]
    t0 = time.time()
    _run_limited(cmd, minutes, work / "pretrain.log")
    # model0.bin, model1.bin ... one per epoch (model-last.bin repeats the last one)
    saved = sorted((p for p in (work / "weights").glob("model*.bin") if p.stem[5:].isdigit()),
                   key=lambda p: int(p.stem[5:]))
    if not saved:
        raise RuntimeError(f"pretraining saved no weights in {work} within {minutes} minutes")
    return {"weights": str(saved[-1]), "epochs": len(saved), "sentences": n,
            "minutes": round((time.time() - t0) / 60, 1)}


def train(lang: str = "id", minutes: float = 45, seed: int = 0, init_tok2vec: Path | None = None,
          tagger: bool | None = None, augment: int = 0, out: Path | None = None, work: Path | None = None,
          train_corpora: list | None = None, teachers: list | None = None, **options) -> dict:
    """Train; `options` go to `config` (averages, dropout, hidden, width, depth, vectors, chars)."""
    import spacy
    from spacy.tokens import Doc, DocBin

    recipe = dict(RECIPES[lang])
    if train_corpora:
        recipe["train"] = [tuple(c) for c in train_corpora]
    tagger = recipe["pos"] if tagger is None else tagger
    train_sents = [s for c, sp in recipe["train"] for s in corpora.load(c, sp)]
    dev_sents = [s for c, sp in recipe["dev"] for s in corpora.load(c, sp)]
    rng = random.Random(seed)
    if not dev_sents:  # hold out 10 % of training for model choice
        rng.shuffle(train_sents)
        k = len(train_sents) // 10
        dev_sents, train_sents = train_sents[:k], train_sents[k:]
    n_aug = 0
    if augment:
        from warta.nlp.train.augment import augmented
        extra = augmented(train_sents, augment, seed)
        n_aug = len(extra)
        train_sents = train_sents + extra
    work = Path(work or tempfile.mkdtemp(prefix=f"warta-ner-{lang}-"))
    (work / "train").mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank(lang)
    n_train = to_docbin(nlp, train_sents, work / "train" / "ner.spacy")
    n_dev = to_docbin(nlp, dev_sents, work / "dev.spacy")
    n_pos = 0
    if tagger:
        from warta.nlp.train.rawtext import tagged_sentences
        tagged = tagged_sentences()
        random.Random(0).shuffle(tagged)
        if teachers:   # the same sentences, with the teachers' agreed entities as well
            from warta.nlp.train.distill import pseudo_docs
            docs = pseudo_docs(nlp.vocab, tagged[:POS_SAMPLE], teachers)
        else:
            docs = [Doc(nlp.vocab, words=w, tags=t) for w, t in tagged[:POS_SAMPLE]]
        DocBin(docs=docs).to_disk(work / "train" / "pos.spacy")
        n_pos = len(docs)
    (work / "config.cfg").write_text(config(lang, seed, tagger, **options), encoding="utf-8")
    cmd = [sys.executable, "-m", "spacy", "train", str(work / "config.cfg"), "--output", str(work / "out"),
           "--paths.train", str(work / "train"), "--paths.dev", str(work / "dev.spacy")]
    if init_tok2vec:
        cmd += ["--paths.init_tok2vec", str(init_tok2vec)]
    t0 = time.time()
    _run_limited(cmd, minutes, work / "train.log")
    best = work / "out" / "model-best"
    if not best.exists():
        raise RuntimeError(f"training produced no model in {work} (see {work / 'train.log'})")
    model = spacy.load(best)
    if "tagger" in model.pipe_names:
        model.remove_pipe("tagger")     # a training aid only
    dest = Path(out or MODELS / f"ner-{lang}")
    card = (dest / "MODEL_CARD.md").read_text(encoding="utf-8") if (dest / "MODEL_CARD.md").exists() else None
    if dest.exists():
        shutil.rmtree(dest)
    model.to_disk(dest)
    if card is not None:   # the card is rewritten by hand with the new scores (`warta train score`)
        (dest / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    meta = json.loads((best / "meta.json").read_text())
    info = {"lang": lang, "seed": seed, "minutes": round((time.time() - t0) / 60, 1),
            "train_sentences": n_train, "dev_sentences": n_dev, "pos_sentences": n_pos, "augmented_sentences": n_aug,
            "init_tok2vec": Path(init_tok2vec).name if init_tok2vec else None,
            "teachers": [str(t) for t in teachers] if teachers else None,
            "architecture": {"width": WIDTH, "depth": DEPTH, "rows": ROWS}, "options": options,
            "train": recipe["train"], "dev": recipe["dev"] or "10% of train held out",
            "dev_scores": {k: v for k, v in (meta.get("performance") or {}).items() if k.startswith("ents")}}
    (dest / "recipe.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return info
