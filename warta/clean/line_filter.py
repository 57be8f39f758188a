"""A learned second opinion on the lines the cleaning rules keep but are not sure of.

The rules (warta/clean/text.py) find the article's block and drop what is chrome
wherever it stands; what they keep by shape alone is where real pages leak: a dek
above the article, a subheading nobody wrote, the "Share your thoughts" prompts
and truncated related-article teasers under it, a caption repeating the lead.
Each kept line is described by a few features of its shape and its place on the
page (position, length, punctuation, links and cue words, repetition against the
head and the other lines, what the rules did with its neighbours); a logistic
model weighed by `warta/data/clean/line_filter.json` (trained on the labelled
lines of realset:train by `python -m warta.clean.train_line_filter`, recipe and
scores in the file) gives the probability that it is article text.  A line the
rules are sure of (long prose inside the article) is never asked; an unsure line
below the threshold is dropped.  The article is never emptied by the model.

No model file, or WARTA_LINE_FILTER=0: the rules alone decide.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warta.clean import lines as L
from warta.clean.lead import parse_lead
from warta.clean.lexicon import load
from warta.settings import Settings

MODEL = Path(__file__).resolve().parents[1] / "data" / "clean" / "line_filter.json"

FEATURES = ("bias", "rel_pos", "first_kept", "last_kept", "log_words", "short", "prose", "closed", "ellipsis",
            "cap_ratio", "bullet", "question", "reader_words", "link", "cue_words", "repeated", "overlap_line",
            "overlap_head", "prev_removed", "next_removed", "log_gap_next", "after_credit", "ellipsis_near",
            "mid_lead", "kept_share")
SURE_WORDS = 25          # prose this long inside the article is the rules' call alone
ELLIPSIS = ("…", "...")
BULLET = L.BULLET
LINK = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|id|co\.id|net|org)/", re.I)


@dataclass
class PageLine:
    index: int            # among the page's non-empty lines
    text: str
    kept: bool            # the rules kept it in the article
    features: list[float]


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str]]:
    c = load("chrome")
    return frozenset(w.lower() for w in c["reader_words"]), frozenset(w.lower() for w in c["link_cue_words"])


def _tokens(s: str) -> list[str]:
    return [w.casefold() for w in L.words(s)]


def _containment(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a) if a else 0.0


class Page:
    """A cleaned page's non-empty lines, which of them the rules kept, and what the
    features of a line need to know about the others."""

    def __init__(self, lines: list[str], paragraphs: list[str], head: list[str]):
        self.text = text = [s for s in lines if s]
        self.kept = kept = [False] * len(text)
        j = 0
        for p in paragraphs:            # the paragraphs are the page's lines, in order
            while j < len(text) and text[j] != p:
                j += 1
            if j < len(text):
                kept[j] = True
                j += 1
        self.kept_at = [i for i, k in enumerate(kept) if k]
        self.first, self.last = (self.kept_at[0], self.kept_at[-1]) if self.kept_at else (-1, -1)
        self.toks = [set(_tokens(s)) for s in text]
        self.head_toks = [set(_tokens(s)) for s in head if len(L.words(s)) >= 3]
        self.counts: dict[str, int] = {}
        for s in text:
            self.counts[s.casefold()] = self.counts.get(s.casefold(), 0) + 1
        self.credit_at = next((i for i in range(self.first + 1, len(text))
                               if self.first >= 0 and not kept[i] and L.is_label_line(text[i])), len(text))

    def line(self, i: int) -> PageLine:
        text, kept, toks = self.text, self.kept, self.toks
        s = text[i]
        reader, cues = _cues()
        ws = L.words(s)
        low = _tokens(s)
        nxt = next((k for k in self.kept_at if k > i), len(text))
        near = [text[k] for k in (i - 1, i + 1) if 0 <= k < len(text)]
        overlap = max((_containment(toks[i], toks[k]) for k in range(len(text))
                       if k != i and len(toks[k]) >= len(toks[i]) and text[k] != s), default=0.0) \
            if len(toks[i]) >= 3 else 0.0
        lead = parse_lead(s) if i > self.first >= 0 else None
        return PageLine(i, s, kept[i], [
            1.0,
            i / max(1, len(text) - 1),
            float(i == self.first),
            float(i == self.last),
            math.log(1 + len(ws)),
            float(len(ws) < 6),
            float(L.is_prose(s)),
            float(s.endswith(L.CLOSERS)),
            float(s.endswith(ELLIPSIS)),
            L.cap_ratio(s),
            float(bool(BULLET.match(s))),
            float(s.endswith(("?", "!"))),
            min(3, sum(w in reader for w in low)) / 3,
            float(bool(LINK.search(s))),
            min(3, sum(w in cues for w in low)) / 3,
            float(self.counts[s.casefold()] > 1),
            overlap,
            max((_containment(toks[i], h) for h in self.head_toks), default=0.0) if len(toks[i]) >= 3 else 0.0,
            float(i > 0 and not kept[i - 1]),
            float(i + 1 < len(text) and not kept[i + 1]),
            math.log(1 + nxt - i - 1) if nxt < len(text) else 0.0,
            float(i > self.credit_at),
            float(any(x.endswith(ELLIPSIS) for x in near)),
            float(bool(lead and lead.dateline)),
            len(self.kept_at) / len(text),
        ])


def sure(p: PageLine) -> bool:
    """Long prose inside the article: the rules' call, the model is not asked."""
    f = dict(zip(FEATURES, p.features))
    return len(L.words(p.text)) >= SURE_WORDS and L.is_prose(p.text) and not (
        f["first_kept"] or f["last_kept"] or f["repeated"] or f["ellipsis"] or f["after_credit"] or f["mid_lead"])


@lru_cache(maxsize=1)
def _model() -> dict | None:
    if not MODEL.exists():
        return None
    m = json.loads(MODEL.read_text(encoding="utf-8"))
    if tuple(m.get("features", ())) != FEATURES:
        raise ValueError(f"{MODEL}: features {m.get('features')} are not this code's {FEATURES}; "
                         "retrain with python -m warta.clean.train_line_filter")
    return m


def probability(weights: list[float], x: list[float]) -> float:
    z = sum(w * v for w, v in zip(weights, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def dropped(lines: list[str], paragraphs: list[str], head: list[str]) -> set[int]:
    """Positions (in `paragraphs`) of the unsure lines the model takes for chrome."""
    m = _model()
    if m is None or not paragraphs or not Settings.from_env().line_filter:
        return set()
    page = Page(lines, paragraphs, head)
    if len(page.kept_at) != len(paragraphs):  # a paragraph that is not one of the page's lines: leave the page
        return set()
    kept = [page.line(i) for i in page.kept_at]
    out = {k for k, p in enumerate(kept) if not sure(p) and probability(m["weights"], p.features) < m["threshold"]}
    return out if len(out) < len(paragraphs) else set()
