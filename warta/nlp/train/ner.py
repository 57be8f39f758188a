"""`warta train ner`: the project's NER recipe.

Indonesian: NERGrit train + IDNer-news-2k train (both cased), chosen on their dev
splits; NERP is lowercased and is not used (it would teach the model that case
carries no signal, which hurts cased news).  English: UNER EWT dev + WikiGold.
Test splits are never read here.  spaCy's CNN NER (efficiency config, no
vectors), one thread, a fixed seed.  The best model on dev is copied into
warta/data/models/ner-<lang>.
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
    "id": {"train": [("nergrit", "train"), ("idner", "train")], "dev": [("nergrit", "dev"), ("idner", "dev")]},
    "en": {"train": [("uner_ewt", "train"), ("wikigold", "train")], "dev": []},
}


def _config(lang: str, seed: int, max_steps: int) -> str:
    from spacy.cli.init_config import init_config
    cfg = init_config(lang=lang, pipeline=["ner"], optimize="efficiency", gpu=False)
    cfg["system"]["seed"] = seed
    cfg["training"]["max_steps"] = max_steps
    cfg["training"]["max_epochs"] = 0
    cfg["training"]["patience"] = 3000
    cfg["training"]["eval_frequency"] = 300
    cfg["training"]["dropout"] = 0.2
    cfg["nlp"]["batch_size"] = 256
    return cfg.to_str()


def train(lang: str = "id", minutes: float = 30, seed: int = 0, max_steps: int = 20000, out: Path | None = None) -> dict:
    import spacy

    recipe = RECIPES[lang]
    train_sents = [s for c, sp in recipe["train"] for s in corpora.load(c, sp)]
    dev_sents = [s for c, sp in recipe["dev"] for s in corpora.load(c, sp)]
    rng = random.Random(seed)
    if not dev_sents:  # hold out 10 % of training for model choice
        rng.shuffle(train_sents)
        k = len(train_sents) // 10
        dev_sents, train_sents = train_sents[:k], train_sents[k:]
    work = Path(tempfile.mkdtemp(prefix=f"warta-ner-{lang}-"))
    nlp = spacy.blank(lang)
    n_train = to_docbin(nlp, train_sents, work / "train.spacy")
    n_dev = to_docbin(nlp, dev_sents, work / "dev.spacy")
    (work / "config.cfg").write_text(_config(lang, seed, max_steps), encoding="utf-8")
    t0 = time.time()
    # spaCy has no wall-clock limit: train in a child process and stop it at the limit;
    # model-best (saved at every evaluation) is what is kept
    cmd = [sys.executable, "-m", "spacy", "train", str(work / "config.cfg"), "--output", str(work / "out"),
           "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy")]
    env = dict(os.environ, OMP_NUM_THREADS="1")
    proc = subprocess.Popen(cmd, env=env)
    try:
        proc.wait(timeout=minutes * 60)
    except subprocess.TimeoutExpired:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    best = work / "out" / "model-best"
    if not best.exists():
        raise RuntimeError(f"training produced no model in {work}")
    dest = out or MODELS / f"ner-{lang}"
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(best, dest)
    meta = json.loads((dest / "meta.json").read_text())
    info = {"lang": lang, "seed": seed, "minutes": round((time.time() - t0) / 60, 1),
            "train_sentences": n_train, "dev_sentences": n_dev,
            "train": recipe["train"], "dev": recipe["dev"] or "10% of train held out",
            "dev_scores": {k: v for k, v in (meta.get("performance") or {}).items() if k.startswith("ents")}}
    (dest / "recipe.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return info
