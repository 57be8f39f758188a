"""Certainty: a fact is hedged when its sentence reports or doubts it, or when a
hedge sentence elsewhere in the article names one of its parties together with
a word of its fact family ("Belum ada kepastian dengan perusahaan mana X akan
bermitra" covers X's partnership talks).  A denial is no hedge: "X membantah isu
merger dengan Y" states that there is no deal (status ended, certainty asserted),
whatever words of rumour it repeats."""
from __future__ import annotations

from warta.facts import aspect
from warta.facts.lexicon import load, rx
from warta.model import Fact, Sentence


def is_hedged_text(text: str) -> bool:
    return bool(rx(tuple(load("modality")["hedges"])).search(text))


def certainty(fact: Fact, sentence: Sentence, sentences: list[Sentence], party_names: list[str],
              party_surfaces: list[str]) -> str:
    if aspect.read(fact.type, sentence.text).ending == "deny":
        return "asserted"
    if is_hedged_text(sentence.text):
        return "hedged"
    family = load("modality")["family"].get(fact.type)
    if not family:
        return "asserted"
    fam = rx(tuple(family))
    names = [n.lower() for n in party_names + party_surfaces if n]
    i = sentences.index(sentence) if sentence in sentences else -1
    weak = rx(tuple(load("modality").get("weak_modals", []))).search(sentence.text)
    for j, s in enumerate(sentences):
        if s is sentence or not is_hedged_text(s.text):
            continue
        low = s.text.lower()
        party = any(n in low for n in names)
        if weak and j == i - 1 and party:  # "X is reportedly in talks ... X could invest ..."
            return "hedged"
        if fam.search(s.text) and (party or abs(j - i) == 1):  # names a party, or is the very next/previous sentence
            return "hedged"
    return "asserted"
