"""A learned status decision over the rules' candidates: the extractors and the
clause reading (warta/facts/aspect.py) propose, a small logistic model chooses.

Every type's statuses lie on one scale (aspect.yaml's `stages`: intent, progress,
done, ended), so one softmax model over the stage serves all types and learns from
all their examples; the type's status of that stage follows.  Features: the
fact type, the extractor's stage and the clause reading's, the reading of the
title and lead, the aspect marker nearest before the trigger, negation, cancel or
denial, the trigger's verb class, markers anywhere in the clause and sentence, a
signed document (MoU, nota kesepahaman, penandatanganan), a year after or before
the article's (or words that say so), direct speech, the lead.  Weights in
`warta/data/facts/status_model.json`, trained on realset:train and the regression
set by `python -m warta.facts.train_status_model` (recipe and scores in the file).

Off unless WARTA_STATUS_MODEL=1 (on train and dev it does not yet beat the rules; the
scores are in the model file); without it, or without a model file, the rules' status stands.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from warta import datafiles
from warta.dataschemas import SoftmaxModel
from warta.facts import aspect
from warta.facts.lexicon import load
from warta.settings import Settings

MODEL = Path(__file__).resolve().parents[1] / "data" / "facts" / "status_model.json"
STAGES = ("intent", "progress", "done", "ended")
VERBS = ("talk", "explore", "agree", "commit", "invest", "build", "operate", "launch", "develop", "stop")
TYPES = ("PARTNERSHIP", "INVESTMENT", "PRODUCT", "FACILITY", "INFRASTRUCTURE")
LEAD_CHARS = 400   # the title and this much of the body are the article's lead
FEATURES = (("bias",) + tuple(f"rule={s}" for s in STAGES) + tuple(f"type={t}" for t in TYPES)
            + tuple(f"reading={s}" for s in (*STAGES, "none")) + tuple(f"lead_reading={s}" for s in (*STAGES, "none"))
            + tuple(f"marker={m}" for m in (*aspect.MARKERS, "none")) + ("negated", "negated_future", "cancel", "deny")
            + tuple(f"verb={v}" for v in (*VERBS, "none"))
            + tuple(f"clause_{m}" for m in aspect.MARKERS) + tuple(f"sentence_{m}" for m in aspect.MARKERS)
            + ("other_sentence_future", "other_sentence_perfect", "future_time", "past_time", "signed", "in_quote", "lead")
            + tuple(f"context_{s}" for s in STAGES))
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
NAME_ARGS = ("parties", "investor", "investors", "maker", "owners", "product")
UNPENALISED = 1 + len(STAGES)   # the bias and the rules' stage: a strong L2 leaves the rules' answer


def stage_of(ftype: str, status: str | None) -> str | None:
    return next((st for st, sts in load("aspect")["stages"].get(ftype, {}).items() if status in sts), None)


def status_of(ftype: str, stage: str, rule: str | None) -> str | None:
    """The type's status of `stage`: the rules' when it is one of them, else the first listed."""
    sts = load("aspect")["stages"][ftype].get(stage) or []
    return rule if rule in sts else sts[0] if sts else rule


def _onehot(value: str | None, names: tuple[str, ...]) -> list[float]:
    return [float(value == n) for n in names[:-1]] + [float(value is None)] if names[-1] == "none" else \
        [float(value == n) for n in names]


def names_of(args: dict) -> list[str]:
    """The names a fact is about (its parties, investor, maker, owners, product)."""
    out: list[str] = []
    for k in NAME_ARGS:
        v = args.get(k)
        out += [x for x in (v if isinstance(v, list) else [v]) if isinstance(x, str) and x]
    return out


def _context(ftype: str, names: list[str], sentences: list[str], body: str, year: int | None) -> set[str]:
    """The stages the article's other sentences naming the fact's parties give."""
    low = [n.lower() for n in names]
    own = set(sentences)
    out = set()
    for s in SENTENCE_END.split(body):
        if s in own or not any(n in s.lower() for n in low):
            continue
        st = stage_of(ftype, aspect.status(ftype, aspect.read(ftype, s, year)))
        if st:
            out.add(st)
    return out


def features(ftype: str, rule: str | None, sentences: list[str], starts: list[int], body: str, title: str | None,
             year: int | None, names: list[str] | None = None) -> list[float]:
    first = aspect.read(ftype, sentences[0], year) if sentences else aspect.Reading()
    others = [aspect.read(ftype, s, year) for s in sentences[1:]]
    said = stage_of(ftype, aspect.status(ftype, first))
    lead = stage_of(ftype, aspect.status(ftype, aspect.read(ftype, f"{title or ''}. {body[:LEAD_CHARS]}", year)))
    x = [1.0] + _onehot(stage_of(ftype, rule), STAGES) + _onehot(ftype, TYPES)
    x += _onehot(said, (*STAGES, "none")) + _onehot(lead, (*STAGES, "none")) + _onehot(first.marker, (*aspect.MARKERS, "none"))
    x += [float(first.negated), float(first.negated_future), float(first.ending == "cancel"), float(first.ending == "deny")]
    x += _onehot(first.verb, (*VERBS, "none"))
    x += [float(m in first.clause_markers) for m in aspect.MARKERS] + [float(m in first.sentence_markers) for m in aspect.MARKERS]
    x += [float(any("future" in r.sentence_markers for r in others)), float(any("perfect" in r.sentence_markers for r in others)),
          float(first.future_time), float(first.past_time), float(first.signed or any(r.signed for r in others)),
          float(bool(re.search(r"[“”\"]", " ".join(sentences)))), float(bool(starts) and min(starts) < LEAD_CHARS)]
    ctx = _context(ftype, names or [], sentences, body, year)
    x += [float(s in ctx) for s in STAGES]
    return x


@lru_cache(maxsize=1)
def _model() -> dict | None:
    if not MODEL.exists():
        return None
    m = datafiles.read(MODEL, SoftmaxModel)
    if tuple(m["features"]) != FEATURES or tuple(m["stages"]) != STAGES:
        raise ValueError(f"{MODEL}: features or stages are not this code's; retrain (python -m warta.facts.train_status_model)")
    return m


def probabilities(weights: list[list[float]], x: list[float]) -> list[float]:
    z = [sum(w * v for w, v in zip(row, x)) for row in weights]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    return [v / sum(e) for v in e]


def decide(ftype: str, rule: str | None, sentences: list[str], starts: list[int], body: str, title: str | None,
           year: int | None, names: list[str] | None = None) -> str | None:
    """The model's status, or the rule's when there is no model (or it is switched off) or the type has one status."""
    m = _model()
    if m is None or ftype not in TYPES or not Settings.from_env().status_model:
        return rule
    p = probabilities(m["weights"], features(ftype, rule, sentences, starts, body, title, year, names))
    ranked = sorted(range(len(STAGES)), key=p.__getitem__, reverse=True)
    stage = next((STAGES[i] for i in ranked if load("aspect")["stages"][ftype].get(STAGES[i])), None)
    return status_of(ftype, stage, rule) if stage else rule
