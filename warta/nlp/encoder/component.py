"""`encoder_ner`: the fine-tuned encoder as a spaCy component that sets `doc.ents`.

Long texts are cut into windows of at most WINDOW pieces at word boundaries; the
windows of a batch of documents run through the network together."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

WINDOW = 256
ADAPTER, CONFIG = "adapter.npz", "encoder.json"


@lru_cache(maxsize=2)
def tagger(model_dir: str):
    """The network with the adapter of `model_dir` merged in, ready to tag (once per process)."""
    from warta.nlp.encoder.network import Tagger
    cfg = json.loads((Path(model_dir) / CONFIG).read_text(encoding="utf-8"))
    net = Tagger(rank=cfg["rank"], dropout=0.0)
    with np.load(Path(model_dir) / ADAPTER) as z:
        net.load_adapter({k: z[k] for k in z.files})
    for layer in net.layers:
        for name in ("q", "k", "v", "ao", "fi", "fo"):
            getattr(layer, name).merge()
    net.eval()
    return net


def tag_words(net, sents: list[list[str]], batch: int = 16) -> list[list[str]]:
    """IOB2 tags for each list of words (windowed, batched by length)."""
    import torch

    from warta.nlp.encoder.network import decode
    windows: list[tuple[int, int, list[str]]] = []      # (sentence, first word, words)
    for si, words in enumerate(sents):
        start = 0
        while start < len(words):
            _, first = net.encode(words[start:], WINDOW)
            n = max(len(first), 1)
            windows.append((si, start, words[start:start + n]))
            start += n
    out = [["O"] * len(w) for w in sents]
    order = sorted(range(len(windows)), key=lambda i: len(windows[i][2]))
    for b in range(0, len(order), batch):
        chunk = [windows[i] for i in order[b:b + batch]]
        ids, mask, firsts = net.batch([w for _, _, w in chunk], WINDOW + 2)
        with torch.no_grad():
            scores = net(ids, mask)
        for (si, start, _words), first, sc in zip(chunk, firsts, scores):
            tags = decode(sc[first].argmax(-1).tolist())
            out[si][start:start + len(tags)] = tags
    return out


def _spans(doc: Doc, toks: list[int], tags: list[str]) -> list[Span]:
    spans, i = [], 0
    while i < len(tags):
        if tags[i].startswith("B-"):
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + tags[i][2:]:
                j += 1
            spans.append(Span(doc, toks[i], toks[j - 1] + 1, label=tags[i][2:]))
            i = j
        else:
            i += 1
    return spans


class EncoderNER:
    def __init__(self, nlp: Language, name: str, model_dir: str):
        self.name, self.model_dir = name, model_dir

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 64):
        net = tagger(self.model_dir)
        for chunk in minibatch(docs, batch_size):
            toks = [[t.i for t in d if not t.is_space] for d in chunk]
            tags = tag_words(net, [[d[i].text for i in ts] for d, ts in zip(chunk, toks)])
            for d, ts, tg in zip(chunk, toks, tags):
                d.ents = filter_spans(_spans(d, ts, tg))
                yield d


@Language.factory("encoder_ner", default_config={"model_dir": ""})
def make_encoder_ner(nlp: Language, name: str, model_dir: str) -> EncoderNER:
    return EncoderNER(nlp, name, model_dir)
