"""Restore letter case to a lowercased NER corpus (NERP) so it can train a cased model.

NERP is news text like the rest of Warta's input, but lowercased: trained on as it
is, it would teach the model that capitals carry no signal.  Each word gets the
form it most often has *inside a sentence* in cased Indonesian text (nlp-id's
tagged news sentences and the cased NER training splits): "jakarta" becomes
"Jakarta", "kpk" becomes "KPK", "dan" stays "dan".  Words inside an entity span
that were never seen cased get a capital first letter (news writes names that
way); sentence starts are capitalised.  Only training data passes through here.
"""
from __future__ import annotations

from collections import Counter, defaultdict

SENT_END = {".", "!", "?"}
OPENERS = {'"', "'", "(", "“", "‘"}


class TrueCaser:
    def __init__(self, sentences: list[list[str]]):
        forms: dict[str, Counter] = defaultdict(Counter)
        for words in sentences:
            for i, w in enumerate(words):
                if i == 0 or words[i - 1] in SENT_END or words[i - 1] in OPENERS:
                    continue    # a sentence start says nothing about a word's case
                forms[w.lower()][w] += 1
        self.best = {low: c.most_common(1)[0][0] for low, c in forms.items()}
        self.capital = {low: max((f for f in c if f[:1].isupper()), key=c.__getitem__, default=None)
                        for low, c in forms.items()}

    def word(self, w: str, in_entity: bool) -> str:
        low = w.lower()
        if in_entity:
            cap = self.capital.get(low)
            if cap:
                return cap
            return w[:1].upper() + w[1:] if w[:1].isalpha() else w
        return self.best.get(low, w)

    def sentence(self, words: list[str], tags: list[str]) -> list[str]:
        out = [self.word(w, t != "O") for w, t in zip(words, tags)]
        for i, w in enumerate(out):
            start = i == 0 or out[i - 1] in SENT_END or (out[i - 1] in OPENERS and (i == 1 or out[i - 2] in SENT_END))
            if start and w[:1].islower():
                out[i] = w[:1].upper() + w[1:]
        return out


def truecased(sents: list[tuple[list[str], list[str]]], caser: TrueCaser) -> list[tuple[list[str], list[str]]]:
    return [(caser.sentence(w, t), t) for w, t in sents]
