"""Mention replacement for NER training: copies of the training sentences in which
each entity is swapped for another name of the same label, drawn from the
training split's own mentions and from Warta's knowledge base.

Small NER corpora teach a model to remember names rather than read contexts;
swapped copies make the context carry the label, and the knowledge base's
organisation, place and person names reach the statistical model this way (the
same names also run as rules before it in the pipeline).
"""
from __future__ import annotations

import random
import re

from warta.nlp.train.evaluate import spans

TOKEN = re.compile(r"\w+(?:[-'.]\w+)*\.?|[^\w\s]")


def words_of(name: str) -> list[str]:
    return TOKEN.findall(name)


def corpus_pool(sents: list[tuple[list[str], list[str]]]) -> dict[str, set[tuple[str, ...]]]:
    pool: dict[str, set[tuple[str, ...]]] = {}
    for words, tags in sents:
        for s, e, lab in spans(tags):
            pool.setdefault(lab, set()).add(tuple(words[s:e]))
    return pool


def kb_pool() -> dict[str, set[tuple[str, ...]]]:
    """Names and aliases (not epithets: corpora do not tag them) of the knowledge base."""
    from warta.kb.base import load_kb
    pool: dict[str, set[tuple[str, ...]]] = {}
    for e in load_kb().entities.values():
        lab = e.get("type")
        if lab not in ("ORG", "PERSON", "PLACE"):
            continue
        for n in [e.get("name"), *e.get("aliases", [])]:
            w = words_of(n or "")
            if w and len(w) <= 6:
                pool.setdefault(lab, set()).add(tuple(w))
    return pool


def replaced(sents: list[tuple[list[str], list[str]]], pools: dict[str, list[tuple[str, ...]]],
             copies: int, seed: int = 0) -> list[tuple[list[str], list[str]]]:
    """`copies` swapped variants of every sentence that holds an entity."""
    rng = random.Random(seed)
    out = []
    for words, tags in sents:
        ents = sorted(s for s in spans(tags) if pools.get(s[2]))
        if not ents:
            continue
        for _ in range(copies):
            w2: list[str] = []
            t2: list[str] = []
            i = 0
            for s, e, lab in ents:
                w2 += words[i:s]
                t2 += tags[i:s]
                name = list(rng.choice(pools[lab]))
                w2 += name
                t2 += [f"B-{lab}"] + [f"I-{lab}"] * (len(name) - 1)
                i = e
            w2 += words[i:]
            t2 += tags[i:]
            out.append((w2, t2))
    return out


def augmented(sents: list[tuple[list[str], list[str]]], copies: int, seed: int = 0,
              with_kb: bool = True) -> list[tuple[list[str], list[str]]]:
    pool = corpus_pool(sents)
    if with_kb:
        for lab, names in kb_pool().items():
            pool.setdefault(lab, set()).update(names)
    pools = {lab: sorted(v) for lab, v in pool.items()}
    return replaced(sents, pools, copies, seed)
