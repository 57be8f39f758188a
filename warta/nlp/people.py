"""People named around job titles, after the clean-up of warta/nlp/cleanup.py:

* a name, a job title and an organisation run together in one mention ("Barbara
  Navarro Head of Google", "BCA Chief Executive Jahja Setiaatmadja") are the PERSON
  and the organisation, the title between them belonging to neither;
* a title, an organisation, then capitalised words the model left untagged ("VP
  Corporate Communications Gojek Kristy Nelwan") name a PERSON.

Titles and the words no person's name holds come from warta/data/nlp/mentions.yaml.
"""
from __future__ import annotations

import re

from warta.model import MentionSpan
from warta.nlp.cleanup import _after_title, _data, _known, _lead

NAME_WORD = re.compile(r"[A-Z][a-z][\w'.-]*")
NEXT_NAME = re.compile(r"[ \t]+((?:[A-Z][a-z][\w'-]*\.?)(?:[ \t]+(?:[A-Z][a-z][\w'-]*|[A-Z]\.)){1,3})")
CONNECT = {"of", "for", "at", "di", "dan", "and", "&"}


def _person_shaped(words: list[str]) -> bool:
    """Two to four capitalised words, none an organisation's head word, a title, a word no
    person's name holds, nor a name the base knows as something else."""
    d = _data()
    if not 2 <= len(words) <= 4 or not all(NAME_WORD.fullmatch(w) for w in words):
        return False
    if any(w.lower().strip(".,") in d["org_words"] or w.lower() in d["not_person"]
           or w.lower() in d["title_set"] or w.lower() in d["stops"] for w in words):
        return False
    known = _known(" ".join(words))
    return not known or any(e["type"] == "PERSON" for e in known)


def _span(m: MentionSpan, body: str, a: int, b: int, label: str) -> MentionSpan:
    """The words a..b (character offsets into body) as a mention of `label`."""
    text = body[a:b].rstrip(".,;:")
    return MentionSpan(a, a + len(text), text, label, source=m.source, score=m.score)


def split_title_inside(m: MentionSpan, body: str) -> list[MentionSpan]:
    """A person, a title and an organisation (or the reverse) in one model mention."""
    if m.source != "model" or m.label not in ("ORG", "PERSON", "PLACE") or m.entity_id or _known(m.text):
        return [m]
    d = _data()
    ws = [(m.start + w.start(), m.start + w.end(), w.group(0)) for w in re.finditer(r"\S+", body[m.start:m.end])]
    for i in range(1, len(ws) - 1):
        n = _lead(ws[i:], d["titles"])
        if not n or i + n >= len(ws):
            continue
        j = i + n
        while j < len(ws) - 1:   # the rest of the title: "Chief" + "Executive", "Head" + "of"
            k = _lead(ws[j:], d["titles"]) or int(ws[j][2].lower() in CONNECT or ws[j][2].lower() in d["title_heads"])
            if not k or j + k >= len(ws):
                break
            j += k
        left, right = ws[:i], ws[j:]
        lw, rw = [w[2] for w in left], [w[2] for w in right]
        if _person_shaped(lw):       # "Barbara Navarro Head of Google"
            out = [_span(m, body, left[0][0], left[-1][1], "PERSON")]
            hits = _known(" ".join(rw))
            if hits:
                out.append(_span(m, body, right[0][0], right[-1][1], hits[0]["type"]))
            return out
        if _person_shaped(rw):       # "BCA Chief Executive Jahja Setiaatmadja"
            hits = _known(" ".join(lw))
            out = [_span(m, body, left[0][0], left[-1][1], hits[0]["type"])] if hits else []
            return out + [_span(m, body, right[0][0], right[-1][1], "PERSON")]
    return [m]


def titled_people(body: str, mentions: list[MentionSpan]) -> list[MentionSpan]:
    """PERSON mentions for the capitalised words right after "title + organisation" that
    no mention covers ("kata VP Corporate Communications Gojek Kristy Nelwan")."""
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for m in mentions:
        if m.label != "ORG" or not _after_title(m.start, body):
            continue
        nxt = NEXT_NAME.match(body, m.end)
        if not nxt:
            continue
        a, b = nxt.span(1)
        if any(s < b and a < e for s, e in taken) or not _person_shaped(nxt.group(1).split()):
            continue
        out.append(MentionSpan(a, b, body[a:b], "PERSON", source="model"))
        taken.append((a, b))
    return sorted(mentions + out, key=lambda x: x.start)


def join_split_names(body: str, mentions: list[MentionSpan]) -> list[MentionSpan]:
    """Two model mentions one space apart that together are person-shaped, one of them
    a PERSON ("Sinta" + "Setyaningsih"): the model cut one name in two."""
    out: list[MentionSpan] = []
    for m in sorted(mentions, key=lambda x: x.start):
        prev = out[-1] if out else None
        if prev is not None and prev.source == m.source == "model" and body[prev.end:m.start] == " " \
                and "PERSON" in (prev.label, m.label) and not prev.entity_id and not m.entity_id \
                and not _known(prev.text) and not _known(m.text) \
                and _person_shaped(body[prev.start:m.end].split()):
            out[-1] = MentionSpan(prev.start, m.end, body[prev.start:m.end], "PERSON", source="model", score=prev.score)
            continue
        out.append(m)
    return out
