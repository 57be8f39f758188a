"""Self-training from an ensemble: several trained NER models (teachers) label the
raw news sentences; a span becomes a training entity when most teachers agree on
it exactly, a token that some teacher called part of a name without agreement is
left unannotated (spaCy learns nothing there), and the rest is "outside".

The student trains on the gold corpora plus these sentences, so the ensemble's
agreement reaches a single model of the same size and speed.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path


def vote(predictions: list[set[tuple[int, int, str]]], need: int) -> tuple[list, set[int]]:
    """The spans at least `need` teachers predicted, non-overlapping (most votes, then
    longest first), and the tokens some teacher marked but no agreed span covers."""
    c = Counter(s for p in predictions for s in p)
    agreed: list[tuple[int, int, str]] = []
    for s, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0][0] - kv[0][1], kv[0])):
        if n >= need and all(s[1] <= o[0] or s[0] >= o[1] for o in agreed):
            agreed.append(s)
    covered = {i for s in agreed for i in range(s[0], s[1])}
    doubtful = {i for s in c for i in range(s[0], s[1])} - covered
    return sorted(agreed), doubtful


def pseudo_docs(vocab, tagged: list[tuple[list[str], list[str]]], teachers: list[str | Path]) -> list:
    """Docs with the POS tags and the teachers' agreed entities (missing where unsure)."""
    import spacy
    from spacy.tokens import Doc, Span
    labels = ("ORG", "PERSON", "PLACE")
    per_teacher = []
    for t in teachers:
        m = spacy.load(t, exclude=["tagger"])
        docs = (Doc(m.vocab, words=w) for w, _ in tagged)
        per_teacher.append([{(e.start, e.end, e.label_) for e in d.ents if e.label_ in labels}
                            for d in m.pipe(docs, batch_size=256)])
    need = len(teachers) // 2 + 1
    out = []
    for k, (words, tags) in enumerate(tagged):
        agreed, doubtful = vote([p[k] for p in per_teacher], need)
        doc = Doc(vocab, words=words, tags=tags)
        ents = [Span(doc, s, e, label=lab) for s, e, lab in agreed]
        missing = [Span(doc, i, i + 1) for i in sorted(doubtful)]
        doc.set_ents(ents, missing=missing, default="outside")
        out.append(doc)
    return out
