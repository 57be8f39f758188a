"""Status as the text's tense and aspect say it: the clause that holds a fact's
trigger, the aspect marker nearest before the trigger, negation in its scope.

The words are grammar, kept in warta/data/facts/aspect.yaml: markers of tense,
aspect and modality (akan, sedang, telah, resmi, batal, membantah ...), negations,
clause breaks, and trigger verbs by class (talk, agree, invest, build, operate ...).
Each fact type says there what a verb class means unmarked, and what a marker or a
negation makes of it.  `read` gives the reading (the learned status model uses its
parts as features); `status` the rules' status from it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from warta.facts.lexicon import load, rx

MARKERS = ("future", "progressive", "perfect", "official", "modal")
ENDING = ("cancel", "deny")
WORD = re.compile(r"[\w-]+")


def _lx() -> dict:
    return load("aspect")


@lru_cache(maxsize=None)
def _clause_break() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(_lx()["clause_words"], key=len, reverse=True))
    return re.compile(rf"[;:“”\"]|,\s*(?=(?:{words})\b)|\s(?=(?:{words})\b)|\s[–—-]\s", re.I)


@dataclass
class Reading:
    verb: str | None = None                 # the trigger's verb class
    trigger: int = 0                        # where the trigger starts in the text
    marker: str | None = None               # the aspect marker nearest before the trigger in its clause
    negated: bool = False                   # a negation reaches the trigger (or its marker)
    negated_future: bool = False            # "tidak akan ...": a plan negated
    ending: str | None = None               # cancel or deny, in the sentence and not in a threat's scope
    clause_markers: set[str] = field(default_factory=set)    # every marker class in the trigger's clause
    sentence_markers: set[str] = field(default_factory=set)  # ... and in the sentence
    verbs: set[str] = field(default_factory=set)             # every verb class the type reads, in the sentence
    future_time: bool = False
    future_year: bool = False               # a year after the article's
    past_time: bool = False
    signed: bool = False
    purpose: bool = False                   # the trigger opens a purpose clause ("untuk membangun")


def _clause(text: str, at: int) -> tuple[int, int]:
    a, b = 0, len(text)
    for m in _clause_break().finditer(text):
        if m.end() <= at:
            a = m.end()
        elif m.start() > at:
            b = m.start()
            break
    return a, b


def _negated_before(text: str, at: int) -> bool:
    """A negation among the `negation_reach` words right before `at`."""
    lx = _lx()
    words = WORD.findall(text[:at])[-int(lx["negation_reach"]):]
    return bool(rx(tuple(lx["negations"])).search(" ".join(words)))


def _absent_before(text: str, at: int) -> bool:
    """The words right before `at` say the thing does not exist ("tidak ada", "no")."""
    lx = _lx()
    words = WORD.findall(text[:at])[-int(lx["negation_reach"]):]
    return bool(rx(tuple(lx["absent"])).search(" ".join(words)))


def _ending(text: str) -> str | None:
    lx = _lx()
    threat = rx(tuple(lx["not_yet"]))
    for kind in ENDING:
        for m in rx(tuple(lx["markers"][kind])).finditer(text):
            words = " ".join(WORD.findall(text[:m.start()])[-int(lx["negation_reach"]):])
            if threat.search(words) or (kind == "cancel" and rx(tuple(lx["negations"])).search(words)):
                continue
            return kind
    return None


def _years(text: str, year: int | None) -> tuple[bool, bool]:
    if year is None:
        return False, False
    ys = [int(y) for y in re.findall(r"(?<!\d)(20\d\d|19\d\d)(?!\d)", text)]
    return any(y > year for y in ys), any(y < year for y in ys)


def read(ftype: str, text: str, year: int | None = None) -> Reading:
    lx = _lx()
    t = lx["types"].get(ftype) or {}
    r = Reading()
    hits = []
    for cls in t.get("verbs", {}):
        for m in rx(tuple(lx["verbs"][cls])).finditer(text):
            hits.append((m.start(), -(m.end() - m.start()), cls))
            r.verbs.add(cls)
    if hits:
        at, _, r.verb = min(hits)
        r.trigger = at
    a, b = _clause(text, r.trigger)
    if r.verb and t.get("purpose"):
        before = text[max(a, r.trigger - 30):r.trigger]
        pm = [m for m in rx(tuple(lx["purpose"])).finditer(before) if len(WORD.findall(before[m.end():])) <= 1]
        if pm:
            r.purpose = True
            a = max(a, r.trigger - len(before) + pm[-1].start())   # the main verb's markers do not reach the purpose
    nearest = None
    for cls in MARKERS:
        pat = rx(tuple(lx["markers"][cls]))
        for m in pat.finditer(text):
            r.sentence_markers.add(cls)
            if a <= m.start() < b:
                r.clause_markers.add(cls)
                if m.end() <= r.trigger and (nearest is None or m.start() > nearest[0]):
                    nearest = (m.start(), cls)
    if nearest:
        r.marker = nearest[1]
        if r.marker in ("future", "modal") and _negated_before(text, nearest[0]):
            r.negated_future = True
    r.negated = bool(r.verb) and (_negated_before(text, r.trigger) or bool(nearest and _negated_before(text, nearest[0])))
    r.ending = _ending(text)
    if r.verb and r.negated and r.ending is None and _absent_before(text, r.trigger):
        r.ending = "deny"   # "tidak ada kesepakatan", "no talks": the thing denied, not pending
    fut, past = _years(text, year)
    r.future_year = fut
    r.future_time = fut or bool(rx(tuple(lx["time_future"])).search(text))
    r.past_time = past or bool(rx(tuple(lx["time_past"])).search(text))
    r.signed = bool(rx(tuple(lx["signed_words"])).search(text))
    return r


def status(ftype: str, r: Reading) -> str | None:
    """The rules' status from a reading, or None when the clause says nothing."""
    t = _lx()["types"].get(ftype) or {}
    st = _status(t, r)
    done = (_lx()["stages"].get(ftype) or {}).get("done") or []
    if st in done and r.future_year and r.marker not in ("perfect", "official") and t.get("future"):
        return t["future"]   # "mulai beroperasi pada 2026" in a 2024 article
    return st


def _status(t: dict, r: Reading) -> str | None:
    if r.ending and t.get("cancel"):
        return t["cancel"]
    if r.negated_future:
        return t.get("negated_future")
    if r.verb is None:
        return None   # a marker with no trigger to scope over says nothing
    if r.negated:
        return (t.get("negated") or {}).get(r.verb) or t["verbs"][r.verb]
    if r.marker in ("future", "modal"):
        return t[r.marker]
    if r.purpose and r.marker is None:
        return t["purpose"]
    if r.marker == "progressive":
        return (t.get("progressive") or {}).get(r.verb) or t["verbs"][r.verb]
    if r.marker in ("perfect", "official"):
        return (t.get("perfect") or {}).get(r.verb) or t["verbs"][r.verb]
    return t["verbs"][r.verb]


def status_of_fact(ftype: str, sentences: list[str], year: int | None = None) -> str | None:
    """The rules' status of a fact told in `sentences`: the first sentence's, or for a
    type that combines (a facility told over several sentences) the weightiest; None
    when the clauses say nothing or the type leaves it to its extractor."""
    if (_lx()["types"].get(ftype) or {}).get("decides", True) is False:
        return None
    said = [st for st in (status(ftype, read(ftype, s, year)) for s in sentences) if st]
    order = (_lx()["types"].get(ftype) or {}).get("combine")
    if not said:
        return None
    return min(said, key=lambda st: order.index(st) if st in order else len(order)) if order else said[0]
