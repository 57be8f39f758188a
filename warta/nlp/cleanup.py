"""Clean-up of the entity mentions the NER model and the rulers found, driven by
warta/data/nlp/mentions.yaml:

* common nouns and abbreviations ("BUMN", "Nota Kesepahaman", "HPAL") are dropped;
* job titles are stripped from the front of a name ("Dirut PLN" -> "PLN"), a name is
  cut where a title, a weekday or a month follows it ("Jawa Barat Senin"), and a
  mention made of titles alone ("Chief Marketing Officer") is dropped;
* a known organisation followed by a person's name ("Bank Danamon Ani Wijaya")
  becomes two mentions, the organisation and the PERSON;
* generic words before a known name are stripped ("Kantor Komdigi" -> "Komdigi"), and
  a plant kind before a place leaves the place ("PLTP Muara Laboh" -> "Muara Laboh");
* the model's type is corrected by head words ("Bangkok Bank" is an ORG), and a known
  maker followed by a model code is a PRODUCT ("Wuling E100").
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from warta.model import MentionSpan

DATA = Path(__file__).resolve().parents[1] / "data" / "nlp" / "mentions.yaml"
WORD = re.compile(r"\S+")


@lru_cache(maxsize=1)
def _data() -> dict:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    low = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
    return {
        "not_names": low(raw["not_names"]),
        "titles": sorted(low(raw["titles"]), key=lambda s: -len(s.split())),
        "title_set": low(raw["titles"]),
        "stops": low(raw["name_stops"]),
        "prefixes": sorted(low(raw["known_name_prefixes"]), key=lambda s: -len(s.split())),
        "org_words": low(raw["org_words"]),
        "place_words": sorted(low(raw["place_words"]), key=lambda s: -len(s.split())),
        "facilities": sorted(low(raw["facility_prefixes"]), key=lambda s: -len(s.split())),
        "not_person": low(raw["not_person_words"]),
        "person_cues": low(raw["person_cues"]),
    }


def _kb():
    from warta.kb.base import load_kb
    return load_kb()


def _known(text: str) -> list[dict]:
    return _kb().lookup(text) if text.strip() else []


def _words(m: MentionSpan, body: str) -> list[tuple[int, int, str]]:
    return [(m.start + w.start(), m.start + w.end(), w.group(0)) for w in WORD.finditer(body[m.start:m.end])]


def _sub(m: MentionSpan, body: str, ws: list, label: str | None = None, source: str | None = None) -> MentionSpan | None:
    if not ws:
        return None
    s, e = ws[0][0], ws[-1][1]
    text = body[s:e].rstrip(".,;:")
    e = s + len(text)
    if not text:
        return None
    keep_id = m.entity_id if (s, e) == (m.start, m.end) else None
    return MentionSpan(s, e, text, label or m.label, source=source or m.source, entity_id=keep_id, score=m.score)


def _lead(ws: list, phrases: list[str]) -> int:
    """How many leading words make one of `phrases` (longest first), 0 if none."""
    low = [w[2].lower().strip(",.") for w in ws]
    for p in phrases:
        n = len(p.split())
        if n <= len(low) and " ".join(low[:n]) == p:
            return n
    return 0


def is_not_name(text: str) -> bool:
    d = _data()
    t = text.strip().strip(".,;:").lower()
    return t in d["not_names"] or t in d["title_set"]


def _all_titles(ws: list) -> bool:
    d = _data()
    low = " ".join(w[2].lower() for w in ws)
    if low in d["title_set"]:
        return True
    rest = ws
    while rest:
        n = _lead(rest, d["titles"])
        if n == 0:
            small = rest[0][2].lower() in ("of", "and", "&", "dan", "the")
            if not small:
                return False
            n = 1
        rest = rest[n:]
    return True


def _strip(m: MentionSpan, body: str) -> MentionSpan | None:
    d = _data()
    ws = _words(m, body)
    if m.entity_id and not any(ws[i][2].lower() in d["stops"] for i in range(1, len(ws))):
        return m  # the knowledge base's own name
    # leading titles ("Dirut PLN ...", "Head of Public Affairs Shopee ...")
    changed = True
    while changed and len(ws) > 1:
        changed = False
        n = _lead(ws, d["titles"])
        if n and n < len(ws):
            ws = ws[n:]
            while ws and ws[0][2].lower() in ("of", "dan", "and", "&"):
                ws = ws[1:]
            changed = True
    # a weekday, a month, a title after the name: the name ends before it
    for i in range(1, len(ws)):
        title = _lead(ws[i:], d["titles"]) and (m.label != "ORG" or ws[i][2].isupper())
        if ws[i][2].lower().strip(",.") in d["stops"] or title:
            ws = ws[:i]
            break
    # trailing lower-case words are no part of a name ("SPKLU da", "PLTP Lahendong binary plant")
    while len(ws) > 1 and ws[-1][2][:1].islower() and not _model_code(ws[-1][2]) and m.label != "PRODUCT":
        ws = ws[:-1]
    if not ws or _all_titles(ws):
        return None
    # a plant or working area before the place it stands in: the place
    n = _lead(ws, d["facilities"])
    if n and n < len(ws) and not any(ch.isdigit() for w in ws[n:] for ch in w[2]):
        return _sub(m, body, ws[n:], label="PLACE")
    # generic words before a known name
    n = _lead(ws, d["prefixes"])
    if n and n < len(ws):
        rest = " ".join(w[2] for w in ws[n:])
        if _known(rest):
            ws = ws[n:]
    return _sub(m, body, ws)


def _after_title(start: int, body: str) -> bool:
    """Do the words right before `start` end with a job title?"""
    low = [w.lower().strip(",.") for w in body[max(0, start - 60):start].split()[-5:]]
    return any(" ".join(low[i:]) in _data()["title_set"] for i in range(len(low)))


def _split_person(m: MentionSpan, body: str, doc_names: set[str]) -> list[MentionSpan]:
    """A known organisation and, after it, two to four capitalised words that name no
    organisation, after a job title ("Direktur Utama Bank X Ani Wijaya"), or a person the
    base knows: the organisation and a PERSON."""
    from warta.kb.base import norm_name
    d = _data()
    ws = _words(m, body)
    if len(ws) < 3 or m.label not in ("ORG", "PERSON", "PLACE") or _known(m.text):
        return [m]
    titled = _after_title(m.start, body)
    for k in range(len(ws) - 2, 0, -1):
        head, tail = ws[:k], ws[k:]
        if not 2 <= len(tail) <= 4:
            continue
        head_text = " ".join(w[2] for w in head)
        tail_words = [w[2] for w in tail]
        if not all(t[:1].isupper() for t in tail_words) or any(t.lower().strip(".,") in d["org_words"] for t in tail_words):
            continue
        if any(t.isupper() and len(t) > 2 for t in tail_words) or any(ch.isdigit() for t in tail_words for ch in t):
            continue
        tail_text = " ".join(tail_words)
        if _known(tail_text) and all(e["type"] != "PERSON" for e in _known(tail_text)):
            continue
        if not titled and not _known(tail_text):
            continue
        hits = _known(head_text)
        head_label = hits[0]["type"] if hits else ("ORG" if norm_name(head_text) in doc_names else None)
        if head_label not in ("ORG", "PLACE"):
            continue
        a = _sub(m, body, head, label=head_label, source="model")
        b = _sub(m, body, tail, label="PERSON", source="model")
        return [x for x in (a, b) if x]
    return [m]


def _model_code(w: str) -> bool:
    """"E100", "bZ4X", "i3": a word that reads as a model code (not "EP" or "IV": units do)."""
    return any(c.isdigit() for c in w) or bool(re.match(r"[a-z]+[A-Z0-9]", w))


def _maker_model(words: list[str]) -> bool:
    """A known company or brand followed by a model name with a code ("Wuling E100")."""
    for k in range(len(words) - 1, 0, -1):
        hits = [e for e in _known(" ".join(words[:k])) if e["type"] == "ORG" and e.get("kind") in ("company", "brand")]
        if hits:
            tail = words[k:]
            return len(tail) <= 3 and any(_model_code(w) for w in tail) and not any(
                w.lower() in _data()["org_words"] for w in tail)
    return False


def _retype(m: MentionSpan) -> MentionSpan:
    if m.source != "model" or m.label == "PRODUCT":
        return m
    d = _data()
    low = m.text.lower().split()
    if not low:
        return m
    label = m.label
    if len(low) > 1 and not _known(m.text) and _maker_model(m.text.split()):
        label = "PRODUCT"
    elif any(w.strip(".,") in d["org_words"] for w in low) or low[0] == "pt":
        label = "ORG"
    elif len(low) > 1 and (_lead([(0, 0, w) for w in low], d["place_words"]) or low[-1] == "park"):
        label = "PLACE"
    if label == m.label:
        return m
    return MentionSpan(m.start, m.end, m.text, label, source=m.source, entity_id=m.entity_id, score=m.score)


def _person_by_cue(m: MentionSpan, body: str) -> MentionSpan:
    """A name the model typed ORG or PLACE right after a title or a speech verb
    ("Direktur Utama Budi Santoso", "kata Budi Santoso") is a person's."""
    d = _data()
    words = m.text.split()
    if m.source != "model" or m.label not in ("ORG", "PLACE") or not 2 <= len(words) <= 4 or _known(m.text):
        return m
    if any(not w[:1].isupper() or w.isupper() or any(c.isdigit() for c in w) or w.lower() in d["org_words"]
           or w.lower() in d["not_person"] for w in words):
        return m
    if any(e["type"] == "PLACE" for i in range(len(words)) for e in _known(" ".join(words[i:]))):
        return m   # "Kedutaan Besar Amerika Serikat"
    before = body[max(0, m.start - 60):m.start].replace(",", " ").split()[-4:]
    low = [w.lower() for w in before]
    cue = bool(low) and low[-1] in d["person_cues"]
    title = _after_title(m.start, body)
    if not (cue or title):
        return m
    return MentionSpan(m.start, m.end, m.text, "PERSON", source=m.source, score=m.score)


def clean_mentions(body: str, mentions: list[MentionSpan], lang: str = "id") -> list[MentionSpan]:
    from warta.kb.base import norm_name
    out: list[MentionSpan] = []
    for m in mentions:
        if m.source == "coref" or m.label == "PRODUCT":
            out.append(m)
            continue
        if is_not_name(m.text) or body[m.end:m.end + 1] == "$":
            continue
        if m.source == "model" and m.label == "PERSON" and _retype(m).label == "PERSON" and any(
                w.lower() in _data()["not_person"] for w in m.text.split()):
            continue
        if m.source == "model" and m.text.isupper() and len(m.text) <= 6 and not _known(m.text) \
                and _defined_generic(m.text, body):
            continue
        s = _strip(m, body)
        if s is None or is_not_name(s.text):
            continue
        out.append(s)
    doc_names = {norm_name(m.text) for m in out if m.label == "ORG"}
    split: list[MentionSpan] = []
    for m in out:
        split.extend(_split_person(m, body, doc_names) if not m.entity_id else [m])
    return sorted((_person_by_cue(_retype(m), body) for m in split), key=lambda m: m.start)


def _defined_generic(abbr: str, body: str) -> bool:
    """The article spells the abbreviation out as a common noun: "... (ABBR)" after words
    that are no name (lower-case words or a listed common noun)."""
    for mm in re.finditer(rf"((?:[\w-]+\s+){{1,6}})\({re.escape(abbr)}\)", body):
        words = mm.group(1).split()[-len(abbr) - 1:]
        initials = [w for w in words if w[:1].upper() == w[:1] and w[:1].isalpha()]
        if is_not_name(" ".join(words[-len(abbr):])) or not any(w[:1].isupper() for w in words[-len(abbr):]):
            return True
        if len(initials) < len(abbr) - 1:
            return True
    return False
