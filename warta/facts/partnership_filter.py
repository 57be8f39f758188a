"""A learned check on PARTNERSHIP candidates: the rules propose, a small logistic
model over the candidate's shape says whether it is a deal the text states.

The rules find partnerships with high recall but also pair organisations that only
meet in a sentence (a speaker's employer, an event named like a company, a
regulator).  What tells them apart on real news is mostly how the article treats
the parties: real partners are named again and known to the knowledge base, a
stray name is said once; a deal is usually told in the lead; a quote is weaker
evidence than the writer's own sentence.  Those few features, weighed by
`warta/data/facts/partnership_filter.json` (trained on realset:train by
`python -m warta.facts.train_partnership_filter`, recipe and scores in the file),
give each candidate a probability; below the threshold it is dropped, and the kept
ones carry it (Fact.score) into the store, where the review queue puts the ones the
model was unsure of first.

No model file, or WARTA_PARTNERSHIP_FILTER=0: every candidate is kept.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from warta import datafiles, logistic
from warta.dataschemas import LogisticModel
from warta.facts.context import DocView
from warta.model import Fact
from warta.settings import Settings

MODEL = Path(__file__).resolve().parents[1] / "data" / "facts" / "partnership_filter.json"

FEATURES = ("bias", "log_min_mentions", "new_said_once", "share_new", "two_parties", "four_or_more",
            "lead_sentence", "first_four_sentences", "in_quote", "agreed", "exploring", "long_name")


def features(v: DocView, f: Fact) -> list[float]:
    by_name = {e.name: e for e in v.wd.doc.entities}
    parties = [p for p in f.args.get("parties") or []]
    ents = [by_name.get(p) for p in parties]
    mentions = [len(e.mentions) if e else 1 for e in ents]
    new = [e is None or e.id.startswith("new:") for e in ents]
    start = f.evidence[0].start
    idx = next((i for i, s in enumerate(v.sentences) if s.start == start), 0)
    text = f.evidence[0].sentence
    return [1.0,
            math.log(max(1, min(mentions))),
            float(any(n and m == 1 for n, m in zip(new, mentions))),
            sum(new) / max(1, len(new)),
            float(len(parties) == 2),
            float(len(parties) >= 4),
            float(idx == 0),
            float(idx <= 3),
            float(bool(re.search(r"[“”\"]", text))),
            float(f.status == "agreed"),
            float(f.status == "exploring"),
            float(max((len(p.split()) for p in parties), default=0) >= 4)]


@lru_cache(maxsize=1)
def _model() -> dict | None:
    if not MODEL.exists():
        return None
    m = datafiles.read(MODEL, LogisticModel)
    if tuple(m["features"]) != FEATURES:
        raise ValueError(f"{MODEL}: features {m['features']} are not this code's {FEATURES}; retrain")
    return m


def score(v: DocView, f: Fact) -> float:
    m = _model()
    if m is None:
        return 1.0
    return logistic.probability(m["weights"], features(v, f))


def keep(v: DocView, facts: list[Fact]) -> list[Fact]:
    """The candidates at or above the threshold, each with its probability kept on it
    (Fact.score, stored with the fact for the review queue); with the filter off, all of
    them, still scored."""
    m = _model()
    if m is None:
        return facts
    ps = [score(v, f) for f in facts]
    for f, p in zip(facts, ps):
        f.set_score(p)
    if not Settings.from_env().partnership_filter:
        return facts
    return [f for f, p in zip(facts, ps) if p >= m["threshold"]]   # the exact probability, not the kept rounding
