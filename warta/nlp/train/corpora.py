"""The NER corpora under ../shared/data, read and harmonised to one convention.

Labels map to ORG / PERSON / PLACE.  IDNer-news-2k keeps a trailing acronym in
parentheses inside an organisation ("Partai Persatuan Pembangunan (PPP)");
NERGrit does not: the parenthesised tail is cut so both teach one boundary.
IDNer files have CRLF endings and three columns; NERGrit two; UNER has
CoNLL-U-like comment lines and five columns.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from warta.nlp.train.rawtext import tagged_sentences
from warta.nlp.train.truecase import TrueCaser, truecased
from warta.settings import Settings

LABELS = {
    "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "ORG": "ORG",
    "PERSON": "PERSON", "PER": "PERSON",
    "PLACE": "PLACE", "LOC": "PLACE", "LOCATION": "PLACE", "GPE": "PLACE",
    # NERP: people, places, institutions/companies; its events and food are not Warta's labels
    "PPL": "PERSON", "PLC": "PLACE", "IND": "ORG",
}


def shared_dir() -> Path:
    env = Settings.from_env().shared
    if env:
        return env
    here = Path(__file__).resolve()
    for up in here.parents:
        cand = up.parent / "shared"
        if (cand / "data").is_dir():
            return cand
    return Path("../shared").resolve()


CORPORA = {
    "nergrit": {"train": "ner/nergrit_indonlu/train_preprocess.txt", "dev": "ner/nergrit_indonlu/valid_preprocess.txt",
                "test": "ner/nergrit_indonlu/test_preprocess.txt"},
    "nerp": {"train": "ner/nerp_indonlu/train_preprocess.txt", "dev": "ner/nerp_indonlu/valid_preprocess.txt",
             "test": "ner/nerp_indonlu/test_preprocess.txt", "lowercased": True},
    "idner": {"train": "ner/idner_news_2k/train.txt", "dev": "ner/idner_news_2k/dev.txt", "test": "ner/idner_news_2k/test.txt"},
    "uner_ewt": {"train": "ner_en/uner_english/ewt/en_ewt-ud-dev.iob2", "test": "ner_en/uner_english/ewt/en_ewt-ud-test.iob2"},
    "uner_pud": {"test": "ner_en/uner_english/pud/en_pud-ud-test.iob2"},
    "wikigold": {"train": "ner_en/wikigold/wikigold.conll.txt"},
}


def read_conll(path: str | Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences as (words, IOB2 tags with Warta's labels)."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8", newline=None) as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if line.startswith("#") and not words and "\t" not in line[:2]:
                continue
            if not line.strip() or line.startswith("-DOCSTART-"):
                if words:
                    yield words, _harmonise(words, tags)
                words, tags = [], []
                continue
            cols = line.split("\t") if "\t" in line else line.split(" ")
            if len(cols) >= 5 and cols[0].isdigit():      # UNER: id, word, tag, -, -
                word, tag = cols[1], cols[2]
            else:
                word, tag = cols[0], cols[-1]
            words.append(word)
            tags.append(tag.strip())
    if words:
        yield words, _harmonise(words, tags)


def _harmonise(words: list[str], tags: list[str]) -> list[str]:
    out = []
    for t in tags:
        if t in ("O", "") or "-" not in t:
            out.append("O")
            continue
        bio, lab = t.split("-", 1)
        lab = LABELS.get(lab.upper())
        out.append(f"{bio}-{lab}" if lab and bio in ("B", "I") else "O")
    # IOB1 -> IOB2 and repair I- after O
    for i, t in enumerate(out):
        if t.startswith("I-") and (i == 0 or out[i - 1] == "O" or out[i - 1][2:] != t[2:]):
            out[i] = "B-" + t[2:]
    # cut a parenthesised acronym tail from organisation spans
    i = 0
    while i < len(out):
        if out[i].startswith("B-"):
            j = i + 1
            while j < len(out) and out[j] == "I-" + out[i][2:]:
                j += 1
            span = words[i:j]
            if "(" in span and span[-1] == ")" and span.index("(") > 0:
                k = i + span.index("(")
                for m in range(k, j):
                    out[m] = "O"
            i = j
        else:
            i += 1
    return out


def read(corpus: str, split: str) -> list[tuple[list[str], list[str]]]:
    """A split's sentences as the file has them (a lowercased corpus stays lowercased)."""
    rel = CORPORA[corpus].get(split)
    if rel is None:
        return []
    path = shared_dir() / "data" / rel
    if not path.exists():
        raise FileNotFoundError(f"{path}: corpus file missing (is ../shared beside the repository?)")
    return list(read_conll(path))


# cased Indonesian text the true-caser learns word forms from (training splits only)
CASED_REFERENCE = ("nergrit", "idner")


@lru_cache(maxsize=1)
def default_caser() -> TrueCaser:
    sents = [w for w, _ in tagged_sentences()]
    for corpus in CASED_REFERENCE:
        assert not CORPORA[corpus].get("lowercased"), corpus
        sents += [w for w, _ in read(corpus, "train")]
    return TrueCaser(sents)


def load(corpus: str, split: str) -> list[tuple[list[str], list[str]]]:
    """A split's sentences, a lowercased corpus with its case given back (see truecase.py)."""
    sents = read(corpus, split)
    if sents and CORPORA[corpus].get("lowercased"):
        sents = truecased(sents, default_caser())
    return sents
