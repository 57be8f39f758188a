"""Sentences with IOB tags -> spaCy DocBin files for training."""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo


def to_docbin(nlp, sents, path: Path) -> int:
    db = DocBin()
    for words, tags in sents:
        doc = Doc(nlp.vocab, words=words)
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
        db.add(doc)
    db.to_disk(path)
    return len(sents)
