"""Stage "language": Indonesian, English or unknown, from stop-word profiles."""
from __future__ import annotations

import re
from functools import lru_cache

from warta.clean.lexicon import load
from warta.model import WorkDoc
from warta.stage import stage

TOKEN = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset[str]]:
    return {lang: frozenset(ws) for lang, ws in load("languages")["stopwords"].items()}


def detect_language(text: str, min_hits: int = 3) -> str | None:
    toks = TOKEN.findall(text[:5000].lower())
    if not toks:
        return None
    scores = {lang: sum(t in ws for t in toks) for lang, ws in _profiles().items()}
    lang, hits = max(scores.items(), key=lambda kv: kv[1])
    return lang if hits >= min_hits and hits / len(toks) > 0.08 else None


@stage("language", requires=("doc.body",), assigns=("doc.language",))
def language(wd: WorkDoc) -> WorkDoc:
    wd.doc.language = detect_language(wd.doc.body)
    return wd
