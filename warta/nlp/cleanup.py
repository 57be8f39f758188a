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

from warta import datafiles
from warta.model import MentionSpan

WORD = re.compile(r"\S+")


@lru_cache(maxsize=1)
def _data() -> dict:
    raw = datafiles.load("nlp/mentions.yaml")
    low = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
    return {
        "not_names": low(raw["not_names"]),
        "titles": sorted(low(raw["titles"]), key=lambda s: -len(s.split())),
        "title_set": low(raw["titles"]),
        "stops": low(raw["name_stops"]),
        "title_joiners": low(raw["title_joiners"]),
        "prefixes": sorted(low(raw["known_name_prefixes"]), key=lambda s: -len(s.split())),
        "org_words": low(raw["org_words"]),
        "place_words": sorted(low(raw["place_words"]), key=lambda s: -len(s.split())),
        "facilities": sorted(low(raw["facility_prefixes"]), key=lambda s: -len(s.split())),
        "not_person": low(raw["not_person_words"]),
        "person_cues": low(raw["person_cues"]),
        "title_heads": low(raw["title_heads"]) | {t.split()[0] for t in low(raw["titles"])},
        "currency_words": low(raw["currency_words"]),
        "product_tails": low(raw["product_tails"]),
        "product_context": low(raw["product_context"]),
    }


def title_heads() -> frozenset[str]:
    """First words of job titles (lower case)."""
    return _data()["title_heads"]


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
            small = rest[0][2].lower() in d["title_joiners"]
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
            while ws and ws[0][2].lower() in d["title_joiners"] - {"the"}:
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


CONNECTORS = {"dan", "and", "&", "of", "for", "untuk", "bidang", "urusan", "the", "-"}


def _after_title(start: int, body: str) -> bool:
    """Do the words right before `start` end with a job title ("Direktur Utama"), or
    with a title head followed by its capitalised portfolio ("Direktur Retail dan Niaga",
    "Chief Marketing Officer (CMO)", "Wakil Dubes Amerika Serikat untuk Indonesia")?"""
    d = _data()
    before = body[max(0, start - 90):start]
    low = [w.lower().strip(",.") for w in before.split()[-5:]]
    if any(" ".join(low[i:]) in d["title_set"] for i in range(len(low))):
        return True
    cut = max(before.rfind(c) for c in ".;:\n\"\u201c\u201d")
    words = before[cut + 1:].split()[-8:]
    for i, w in enumerate(reversed(words)):
        if i and w.endswith(","):
            return False   # a comma ends the title's run ("Kantor X, Jakarta Pusat")
        t = w.strip(",")
        if t.lower() in d["title_heads"]:
            return True
        if t.lower() in CONNECTORS or t[:1].isupper() or (t.startswith("(") and t.endswith(")")):
            continue
        return False
    return False


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


CODE = re.compile(r"[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Za-z]{0,3}")


def _sentence_around(m: MentionSpan, body: str) -> str:
    a = max(body.rfind(". ", 0, m.start), body.rfind("\n", 0, m.start), 0)
    ends = [i for i in (body.find(". ", m.end), body.find("\n", m.end)) if i >= 0]
    return body[a:min(ends) if ends else len(body)]


def _product_context(m: MentionSpan, body: str) -> bool:
    words = {w.lower() for w in re.findall(r"\w+", _sentence_around(m, body))}
    return bool(words & _data()["product_context"])


def _maker_plain_model(words: list[str], m: MentionSpan, body: str) -> bool:
    """A known maker and one or two unknown capitalised words in a sentence about
    vehicles or devices ("Hyundai Ioniq", "Alva Cervo")."""
    d = _data()
    if not 2 <= len(words) <= 3 or not _product_context(m, body) or _after_title(m.start, body):
        return False
    hits = [e for e in _known(words[0]) if e["type"] == "ORG" and e.get("kind") in ("company", "brand")]
    tail = words[1:]
    if not hits or not all(w[:1].isupper() and w.isalpha() for w in tail):
        return False
    return not any(w.lower() in d["org_words"] or w.lower() in d["not_person"] or _known(w) for w in tail) \
        and not _known(" ".join(tail))


def _retype(m: MentionSpan, body: str = "") -> MentionSpan:
    if m.source != "model" or m.label == "PRODUCT":
        return m
    d = _data()
    low = m.text.lower().split()
    if not low:
        return m
    label = m.label
    words = m.text.split()
    if len(low) > 1 and not _known(m.text) and _maker_model(words):
        label = "PRODUCT"
    elif len(low) > 1 and low[-1] in d["product_tails"] and not _known(m.text) and words[0][:1].isupper() \
            and not any(w.strip(".,") in d["org_words"] for w in low):
        label = "PRODUCT"
    elif body and not _known(m.text) and (_maker_plain_model(words, m, body)
                                          or (len(words) == 1 and CODE.fullmatch(words[0]) and _product_context(m, body))):
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


DASH = re.compile(r"\s+[-\u2013\u2014]\s+")
RIC = re.compile(r"[A-Z0-9]{1,6}\.[A-Z]{1,2}")


def _split_dashes(m: MentionSpan, body: str) -> list[MentionSpan]:
    """A page fragment the model ran across a spaced dash ("FORTUNE - Anak", "GridOto.com -
    Stasiun ...") is two pieces, each judged on its own."""
    if m.source != "model" or not DASH.search(m.text):
        return [m]
    out, pos = [], 0
    for piece in DASH.split(m.text):
        at = m.text.index(piece, pos)
        pos = at + len(piece)
        if piece.strip():
            out.append(MentionSpan(m.start + at, m.start + at + len(piece), piece, m.label, source=m.source, score=m.score))
    return out


def _lower_words(body: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![\w-])[a-z][a-z-]*[a-z](?![\w-])", body))


def _common(m: MentionSpan, lower: frozenset[str]) -> bool:
    """A name the model found whose words the article also writes in lower case
    ("decacorn", "Batu Bara" beside "batu bara", "Resort Golf") is a common noun; for a
    person, one such word of two is enough ("Bold Moves")."""
    if m.source != "model" or m.entity_id or _known(m.text):
        return False
    ws = [w.strip(",.()").lower() for w in m.text.split()]
    ws = [w for w in ws if w]
    if not ws or any(any(c.isdigit() for c in w) for w in ws):
        return False
    hits = sum(1 for w in ws if w in lower and len(w) > 2)
    if m.label == "PERSON":
        return hits * 2 >= len(ws) and hits > 0
    return hits == len(ws)


def _currency(m: MentionSpan, body: str) -> bool:
    """"dolar AS", "per US$", "dollar Singapura": the country names a currency."""
    if m.label != "PLACE" and not m.text.endswith("$"):
        return False
    prev = body[max(0, m.start - 12):m.start].split()
    return m.text.endswith("$") or bool(prev) and prev[-1].lower() in _data()["currency_words"]


def _drop_ticker(m: MentionSpan) -> MentionSpan:
    """A wire ticker after the name ("Pertamina PERTM.UL", "Chevron CVX.N") is no part of it."""
    ws = m.text.split()
    if len(ws) > 1 and RIC.fullmatch(ws[-1]):
        text = m.text[: m.text.rfind(ws[-1])].rstrip()
        return MentionSpan(m.start, m.start + len(text), text, m.label, source=m.source, score=m.score)
    return m


BYLINE = re.compile(r"(?i)\b(?:reporting|editing|writing|additional reporting|compiled|reported|penulis|reporter|editor|pewarta|penyunting)"
                    r"(?:\s+by)?\s*[:;]?\s*(?:[A-Z][\w.'-]*\s+){0,4}(?:and|dan|,|;)?\s*$")


def _byline(m: MentionSpan, body: str) -> bool:
    """"Reporting by X; Editing by Y", "Penulis: X": the credit names no one the article is about."""
    line = body[max(body.rfind("\n", 0, m.start) + 1, m.start - 80):m.start]
    return m.label == "PERSON" and bool(BYLINE.search(line))


def _not_a_person(m: MentionSpan) -> MentionSpan:
    """A model PERSON holding a known place or organisation as a word ("JIExpo Kemayoran",
    "Affairs Gojek") names that, not a person: the whole as a place when it ends in the
    place, else the organisation's word alone."""
    if m.source != "model" or m.label != "PERSON" or _known(m.text):
        return m
    ws = [w.strip(",.") for w in m.text.split()]
    if len(ws) < 2:
        return m
    types = [{e["type"] for e in _known(w)} if len(w) >= 4 else set() for w in ws]
    if "PLACE" in types[-1]:
        return MentionSpan(m.start, m.end, m.text, "PLACE", source=m.source, score=m.score)
    orgs = [i for i, t in enumerate(types) if "ORG" in t]
    if not orgs:
        return m
    if orgs[0] == 0:   # "Foxconn Young Liu": the organisation and its person, split below
        return MentionSpan(m.start, m.end, m.text, "ORG", source=m.source, score=m.score)
    word = m.text.split()[orgs[0]].strip(",.")
    at = m.start + m.text.index(word)
    return MentionSpan(at, at + len(word), word, "ORG", source="model", score=m.score)


def _portfolio_cut(m: MentionSpan, body: str) -> MentionSpan:
    """"Menteri Komunikasi dan Informatika Rudiantara" tagged as "Informatika Rudiantara":
    the leading words that end a known ministry's or organisation's name with the words
    before the mention are the title's, not the person's."""
    if m.source != "model" or m.label != "PERSON" or _known(m.text):
        return m
    ws = m.text.split()
    prev = body[max(0, m.start - 80):m.start].split()
    for k in (2, 1):
        if len(ws) - k < 1:
            continue
        head = ws[:k]
        for j in range(1, min(4, len(prev)) + 1):
            phrase = " ".join(prev[-j:] + head)
            if any(e["type"] == "ORG" for x in (phrase, "Kementerian " + phrase) for e in _known(x)):
                rest = m.text[len(" ".join(head)):].lstrip()
                at = m.end - len(rest)
                return MentionSpan(at, m.end, rest, "PERSON", source=m.source, score=m.score)
    return m


def clean_mentions(body: str, mentions: list[MentionSpan], lang: str = "id") -> list[MentionSpan]:
    from warta.kb.base import norm_name
    out: list[MentionSpan] = []
    lower = _lower_words(body)
    mentions = [_drop_ticker(p) for m in mentions for p in _split_dashes(m, body)]
    for m in mentions:
        if m.source == "coref" or m.label == "PRODUCT":
            if not is_not_name(m.text):
                out.append(m)
            continue
        if is_not_name(m.text) or body[m.end:m.end + 1] == "$" or _currency(m, body) or _common(m, lower) \
                or _byline(m, body):
            continue
        m = _portfolio_cut(m, body)
        if m.source == "model" and m.label == "PERSON" and _retype(m).label == "PERSON" and any(
                w.lower() in _data()["not_person"] for w in m.text.split()):
            continue
        if m.source == "model" and m.text.isupper() and len(m.text) <= 6 and not _known(m.text) \
                and _defined_generic(m.text, body):
            continue
        s = _strip(m, body)
        if s is None or is_not_name(s.text):
            continue
        out.append(_not_a_person(s))
    doc_names = {norm_name(m.text) for m in out if m.label == "ORG"}
    split: list[MentionSpan] = []
    for m in out:
        split.extend(_split_person(m, body, doc_names) if not m.entity_id else [m])
    return sorted((_person_by_cue(_retype(m, body), body) for m in split), key=lambda m: m.start)


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
