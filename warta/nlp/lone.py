"""One-word names the model typed as a place or an organisation and the base does not
know, typed again by the words around them (warta/data/nlp/mentions.yaml):

* a speech verb or an honorific before it ("kata Chew", "menurut Bogi"),
  or a speech verb after it ("Orias berharap"): a PERSON (warta.kb.resolve keeps a lone
  word as a person only where it shortens a name already in the article);
* a PLACE the model guessed stays one where a mention has a place's context: a
  preposition of place or a place word before it ("di Konawe", "PLTA Poso"), or a
  known place beside it ("Kolaka, Sulawesi Tenggara", "Singapura dan Johor");
  without any, and with an organisation's context (a word such as "milik" or "with"
  before it, an organisation beside it in a list, brackets after an organisation's
  name, an inner capital or a dot), it is an organisation ("Pakuwon", "Zenius").
"""
from __future__ import annotations

import re
from functools import lru_cache

from warta import datafiles
from warta.model import MentionSpan
from warta.nlp.cleanup import _data, _known

WORDS = re.compile(r"[\w'.-]+")


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    raw = datafiles.load("nlp/mentions.yaml")
    low = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
    return {"place_before": low(raw["place_cues_before"]), "speech_after": low(raw["speech_after"]),
            "org_before": low(raw["org_cues_before"])}


def _before(body: str, m: MentionSpan) -> str:
    ws = WORDS.findall(body[max(0, m.start - 30):m.start])
    return ws[-1].lower() if ws else ""


def _after(body: str, m: MentionSpan) -> str:
    ws = WORDS.findall(body[m.end:m.end + 30])
    return ws[0].lower() if ws else ""


def _is_place(text: str) -> bool:
    return any(e["type"] == "PLACE" for e in _known(text))


def _place_context(body: str, m: MentionSpan) -> bool:
    if _before(body, m) in _cues()["place_before"]:
        return True
    after = re.match(r"\s*(?:,|dan|and)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})", body[m.end:m.end + 60])
    if after and any(_is_place(" ".join(after.group(1).split()[:k])) for k in (1, 2, 3)):
        return True
    before = re.search(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s*(?:,|dan|and)\s*$", body[max(0, m.start - 60):m.start])
    return bool(before) and any(_is_place(" ".join(before.group(1).split()[-k:])) for k in (1, 2, 3))


def _org_context(body: str, m: MentionSpan, orgs: list[MentionSpan]) -> bool:
    if re.search(r"[a-z][A-Z]|\w\.\w|\d", m.text) or _before(body, m) in _cues()["org_before"]:
        return True
    if body[m.start - 1:m.start] == "(" and any(0 <= m.start - o.end <= 2 for o in orgs):
        return True
    return any(re.fullmatch(r"\s*(?:,|dan|and|&)\s*", body[min(m.end, o.end):max(m.start, o.start)] or "x")
               for o in orgs if o is not m)


def _person_context(body: str, m: MentionSpan) -> bool:
    return _before(body, m) in _data()["person_cues"] or _after(body, m) in _cues()["speech_after"]


def retype_lone_names(body: str, mentions: list[MentionSpan]) -> list[MentionSpan]:
    lone: dict[str, list[MentionSpan]] = {}
    for m in mentions:
        if m.source == "model" and m.label in ("ORG", "PLACE") and not m.entity_id and " " not in m.text.strip() \
                and not _known(m.text):
            lone.setdefault(m.text, []).append(m)
    relabel: dict[str, str] = {}
    orgs = [m for m in mentions if m.label == "ORG"]
    for text, ms in lone.items():
        if any(_person_context(body, m) for m in ms):
            relabel[text] = "PERSON"
        elif all(m.label == "PLACE" for m in ms) and not any(_place_context(body, m) for m in ms) \
                and any(_org_context(body, m, orgs) for m in ms):
            relabel[text] = "ORG"
    return [MentionSpan(m.start, m.end, m.text, relabel[m.text], source=m.source, score=m.score)
            if m.text in relabel and m in lone.get(m.text, []) else m for m in mentions]
