"""`encoder_ner`: the fine-tuned encoder as a spaCy component that sets `doc.ents`.

Long texts are cut into windows of at most WINDOW pieces at word boundaries; the
windows of a batch of documents run through the network together."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

WINDOW = 256


from warta.nlp.encoder.torch_tagger import ADAPTER, CONFIG, TorchTagger, tagger  # noqa: E402,F401


def by_length(lengths: list[int], batch: int = 32, pieces: int = 4096, slack: float = 1.2) -> list[list[int]]:
    """Windows grouped by length, so padding stays small: sorted by pieces, a batch
    closes when it would hold `batch` windows or `pieces` padded pieces, or when the
    next window is more than `slack` times (plus 8 pieces) longer than its first."""
    out: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        cur = out[-1] if out else None
        n = lengths[i]
        if cur is None or len(cur) >= batch or n * (len(cur) + 1) > pieces or n > slack * lengths[cur[0]] + 8:
            out.append([i])
        else:
            cur.append(i)
    return out


def tag_words(run, sents: list[list[str]], batch: int = 32) -> list[list[str]]:
    """IOB2 tags for each list of words (windowed, batched by length), `run` a
    TorchTagger or runtime.OnnxTagger."""
    from warta.nlp.encoder.network import decode
    windows: list[tuple[int, int, list[str]]] = []      # (sentence, first word, words)
    lengths: list[int] = []
    for si, words in enumerate(sents):
        start = 0
        while start < len(words):
            ids, first = run.encode(words[start:], WINDOW)
            n = max(len(first), 1)
            windows.append((si, start, words[start:start + n]))
            lengths.append(len(ids))
            start += n
    out = [["O"] * len(w) for w in sents]
    for group in by_length(lengths, batch):
        chunk = [windows[i] for i in group]
        ids, mask, firsts = run.batch([w for _, _, w in chunk], WINDOW + 2)
        scores = run.scores(ids, mask)
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
    def __init__(self, nlp: Language, name: str, model_dir: str, runtime: str = ""):
        self.name, self.model_dir, self.runtime = name, model_dir, runtime or None

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 64):
        from warta.nlp.encoder.runtime import runner
        run = runner(self.model_dir, self.runtime)
        for chunk in minibatch(docs, batch_size):
            toks = [[t.i for t in d if not t.is_space] for d in chunk]
            tags = tag_words(run, [[d[i].text for i in ts] for d, ts in zip(chunk, toks)])
            for d, ts, tg in zip(chunk, toks, tags):
                d.ents = filter_spans(_spans(d, ts, tg))
                yield d


@Language.factory("encoder_ner", default_config={"model_dir": "", "runtime": ""})
def make_encoder_ner(nlp: Language, name: str, model_dir: str, runtime: str) -> EncoderNER:
    """`runtime`: int8, fp32 or torch; empty for WARTA_ENCODER_RUNTIME's choice."""
    return EncoderNER(nlp, name, model_dir, runtime)
