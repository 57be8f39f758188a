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
rules are sure of (a closed sentence inside the article) is never asked; an unsure line
below the threshold is dropped.  The article is never emptied by the model.

No model file, or WARTA_LINE_FILTER=0: the rules alone decide.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warta import datafiles, logistic
from warta.clean import lines as L
from warta.clean.lead import parse_lead
from warta.clean.lexicon import load
from warta.dataschemas import LogisticModel
from warta.settings import Settings

MODEL = Path(__file__).resolve().parents[1] / "data" / "clean" / "line_filter.json"

FEATURES = ("bias", "rel_pos", "first_kept", "last_kept", "log_words", "short", "prose", "closed", "ellipsis",
            "cap_ratio", "bullet", "question", "reader_words", "link", "cue_words", "repeated", "overlap_line",
            "overlap_head", "prev_removed", "next_removed", "log_gap_next", "after_credit", "ellipsis_near",
            "mid_lead", "kept_share")
DEK_WORDS = 20           # a first line shorter than this may be the dek above the article
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
        self.words = [L.words(s) for s in text]
        self.toks = [{w.casefold() for w in ws} for ws in self.words]
        self.head_toks = [set(_tokens(s)) for s in head if len(L.words(s)) >= 3]
        self.counts: dict[str, int] = {}
        for s in text:
            self.counts[s.casefold()] = self.counts.get(s.casefold(), 0) + 1
        self.credit_at = next((i for i in range(self.first + 1, len(text))
                               if self.first >= 0 and not kept[i] and L.is_label_line(text[i])), len(text))

    def _overlap_line(self, i: int) -> float:
        """How much of line i another (longer, different) line of the page holds."""
        toks, text = self.toks, self.text
        if len(toks[i]) < 3:
            return 0.0
        return max((_containment(toks[i], toks[k]) for k in range(len(text))
                    if k != i and len(toks[k]) >= len(toks[i]) and text[k] != text[i]), default=0.0)

    def _overlap_head(self, i: int) -> float:
        t = self.toks[i]
        return max((_containment(t, h) for h in self.head_toks), default=0.0) if len(t) >= 3 else 0.0

    def _mid_lead(self, i: int) -> bool:
        lead = parse_lead(self.text[i]) if i > self.first >= 0 else None
        return bool(lead and lead.dateline)

    def sure(self, i: int) -> bool:
        """A closed sentence inside the article, said once: the rules' call, the model is
        not asked.  Unsure are the lines kept by shape alone (subheadings, list items,
        unclosed or cut lines), a short first line (a dek?), an unclosed last line, a line
        repeating the head or another line, a teaser's ellipsis, a line after the source
        credit or with a second lead.  The lead line that opens the article is sure.  Cheap tests first: most kept lines stop early."""
        s = self.text[i]
        if i == self.first and parse_lead(s):      # the article's lead ("JAKARTA - ...") the rules found
            return True
        if not L.is_prose(s, self.words[i]) or s.endswith(ELLIPSIS) or self.counts[s.casefold()] > 1 or i > self.credit_at:
            return False
        if (i == self.first and len(self.words[i]) < DEK_WORDS) or (i == self.last and not s.endswith(L.CLOSERS)):
            return False
        return self._overlap_head(i) < 0.5 and not self._mid_lead(i) and self._overlap_line(i) < 0.8

    def line(self, i: int) -> PageLine:
        text, kept = self.text, self.kept
        s = text[i]
        reader, cues = _cues()
        ws = self.words[i]
        low = [w.casefold() for w in ws]
        nxt = next((k for k in self.kept_at if k > i), len(text))
        near = [text[k] for k in (i - 1, i + 1) if 0 <= k < len(text)]
        return PageLine(i, s, kept[i], [
            1.0,
            i / max(1, len(text) - 1),
            float(i == self.first),
            float(i == self.last),
            math.log(1 + len(ws)),
            float(len(ws) < 6),
            float(L.is_prose(s, ws)),
            float(s.endswith(L.CLOSERS)),
            float(s.endswith(ELLIPSIS)),
            L.cap_ratio(s, ws),
            float(bool(BULLET.match(s))),
            float(s.endswith(("?", "!"))),
            min(3, sum(w in reader for w in low)) / 3,
            float(bool(LINK.search(s))),
            min(3, sum(w in cues for w in low)) / 3,
            float(self.counts[s.casefold()] > 1),
            self._overlap_line(i),
            self._overlap_head(i),
            float(i > 0 and not kept[i - 1]),
            float(i + 1 < len(text) and not kept[i + 1]),
            math.log(1 + nxt - i - 1) if nxt < len(text) else 0.0,
            float(i > self.credit_at),
            float(any(x.endswith(ELLIPSIS) for x in near)),
            float(self._mid_lead(i)),
            len(self.kept_at) / len(text),
        ])


@lru_cache(maxsize=1)
def _model() -> dict | None:
    if not MODEL.exists():
        return None
    m = datafiles.read(MODEL, LogisticModel)
    if tuple(m.get("features", ())) != FEATURES:
        raise ValueError(f"{MODEL}: features {m.get('features')} are not this code's {FEATURES}; "
                         "retrain with python -m warta.clean.train_line_filter")
    return m


def dropped(lines: list[str], paragraphs: list[str], head: list[str]) -> set[int]:
    """Positions (in `paragraphs`) of the unsure lines the model takes for chrome."""
    m = _model()
    if m is None or not paragraphs or not Settings.from_env().line_filter:
        return set()
    page = Page(lines, paragraphs, head)
    if len(page.kept_at) != len(paragraphs):  # a paragraph that is not one of the page's lines: leave the page
        return set()
    out = {k for k, i in enumerate(page.kept_at)
           if not page.sure(i) and logistic.probability(m["weights"], page.line(i).features) < m["threshold"]}
    return out if len(out) < len(paragraphs) else set()
