"""In-document coreference: pronoun subjects, descriptive phrases, place descriptors,
and typo'd names that match an entity already in the same article."""
from __future__ import annotations

import re
from functools import lru_cache

from warta.kb.base import KB, common_words, lexicon, norm_name
from warta.model import MentionSpan, Sentence
from warta.nlp.cleanup import is_not_name

CAP_WORD = re.compile(r"\b[A-Z][a-zA-Z]{3,}(?:\s+[A-Z][a-zA-Z]+){0,2}\b")


@lru_cache(maxsize=1)
def _descriptive_rx() -> re.Pattern:
    lx = lexicon()
    alt = lambda xs: "|".join(re.escape(x) for x in sorted(xs, key=len, reverse=True))  # noqa: E731
    return re.compile(
        rf"\b(?P<phrase>(?i:{alt(lx['descriptor_nouns'])})(?:\s+[\w-]+){{0,3}}?\s+(?i:{alt(lx['origin_markers'])})\s+"
        rf"(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,3}})\s+(?i:{alt(lx['demonstratives'])}))\b")


def descriptive_mentions(body: str, kb: KB, orgs_before: list[tuple[int, str, str | None]]) -> list[tuple[MentionSpan, str]]:
    """"raksasa teknologi asal Negeri X itu" -> the latest org before it whose country is X.
    `orgs_before`: (position, entity key, country) of organisation mentions, in order."""
    out = []
    for m in _descriptive_rx().finditer(body):
        country = kb.by_adjective.get(norm_name(m.group("place")))
        if not country:
            continue
        cands = [key for pos, key, c in orgs_before if pos < m.start() and c == country]
        if cands:
            span = MentionSpan(m.start("phrase"), m.end("phrase"), m.group("phrase"), "ORG", source="coref")
            out.append((span, cands[-1]))
    return out


CONNECTORS = frozenset({"dan", "&", "of", "and"})


def _proper_tail(rest: str) -> str:
    common = common_words()
    words = rest.split()
    i = len(words)
    while i > 0 and words[i - 1].lower() not in common and words[i - 1].lower() not in CONNECTORS:
        i -= 1
    return " ".join(words[i:]) or rest


def place_descriptor_mentions(body: str, descriptors: list[str], kb: KB) -> list[tuple[MentionSpan, str]]:
    """"Distrik Pudong" -> Pudong; "Zona Pengembangan Ekonomi dan Teknologi Jinqiao" -> Jinqiao;
    "Provinsi Jawa Barat" -> West Java: the longest known suffix of the run, else its last word."""
    alt = "|".join(re.escape(d) for d in sorted(descriptors, key=len, reverse=True))
    rx = re.compile(rf"\b(?P<d>{alt.title()}|{alt.upper()})(?P<rest>(?:\s+(?:dan|&|of|and)?\s*[A-Z][\w-]*)+)")
    keep = {d.lower() for d in lexicon().get("descriptors_kept_in_name", [])}
    out = []
    for m in rx.finditer(body):
        words = m.group(0).split()
        rest = m.group("rest").strip()
        if is_not_name(m.group(0)) or is_not_name(rest) or all(is_not_name(w) for w in rest.split()):
            continue   # "Kawasan Ekonomi Khusus": a kind of place, no place
        name = None
        for i in range(1, len(words)):
            cand = " ".join(words[i:])
            if kb.lookup(cand):
                name = cand
                break
        if name is None:
            # an unknown place keeps its descriptor where the name usually does ("Kabupaten X");
            # otherwise the name is the run of proper words at the end of the phrase, after any
            # common nouns that belong to the descriptor ("Zona Pengembangan ... Teknologi X" -> X)
            name = m.group(0) if m.group("d").lower() in keep else _proper_tail(rest)
        out.append((MentionSpan(m.start(), m.end(), m.group(0), "PLACE", source="rule"), name))
    return out


def pronoun_mentions(body: str, sentences: list[Sentence], persons: list[MentionSpan]) -> list[tuple[MentionSpan, MentionSpan]]:
    """A pronoun subject opening a sentence ("Ia menegaskan ...") is the person last named
    in the sentence before it."""
    prons = {p.lower() for p in lexicon()["person_pronouns"]}
    out = []
    for prev, sent in zip(sentences, sentences[1:]):
        first = sent.text.split(" ", 1)[0]
        if first.lower() not in prons:
            continue
        named = [p for p in persons if prev.start <= p.start < prev.end]
        if named:
            out.append((MentionSpan(sent.start, sent.start + len(first), first, "PERSON", source="coref"), named[-1]))
    return out


def typo_candidates(body: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Runs of one to three capitalised words no mention covers, longest first at each
    place: candidates for a typo or context match."""
    out = []
    for m in CAP_WORD.finditer(body):
        words = list(re.finditer(r"[A-Z][a-zA-Z]+", m.group(0)))
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                s, e = m.start() + words[i].start(), m.start() + words[j - 1].end()
                if all(e <= a or s >= b for a, b in taken):
                    out.append((s, e, body[s:e]))
    return out
