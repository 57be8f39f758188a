"""People in a document for ROLE and QUOTE: the names the NER found and the names the
role and speech patterns point at, short forms resolved to the full name ("Hadi" ->
"Hadi Tjahjanto"), and the last person named before a point (for "ujarnya", "she said")."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from warta.facts.context import DocView
from warta.facts.lexicon import load


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """people.yaml, checked on load by its schema (warta.dataschemas.People): every section
    the extractors read is there, every word a string."""
    return load("people")


def alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def phrases(words) -> str:
    """`alt` for phrases: the words of each may be apart by any white space."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    lx = lexicon()
    words = lx["name_stop"] + lx["pronouns"] + list(lx["minister_short"])
    words += [w for r in lx["roles"] for w in [r, *r.split()]]
    return frozenset(w.lower() for w in words)


_TOKEN = re.compile(r"[A-Z\u00C0-\u024F][\w\u00C0-\u024F'’\-]*\.?|[A-Z]\.")


@lru_cache(maxsize=1)
def _name_rx() -> re.Pattern:
    parts = alt(lexicon()["name_particles"])
    tok = r"(?:[A-Z\u00C0-\u024F][\w\u00C0-\u024F'’\-]*\.?|(?:[A-Z]\.){1,3})"
    return re.compile(rf"{tok}(?:[ \t](?:(?:{parts})[ \t])?{tok}){{0,4}}")


def is_name_token(t: str) -> bool:
    core = t.rstrip(".")
    if t.lower() in stop_words() or core.lower() in stop_words():
        return False
    if core.isupper() and len(core) >= 3:   # an acronym: an organisation ("PLN", "FFI")
        return False
    if re.search(r"[a-z][A-Z]", core):       # a brand's camel case ("GoTo", "LinkAja")
        return False
    return bool(_TOKEN.fullmatch(t))


def name_at(text: str, at: int, maxlen: int = 4) -> tuple[int, int] | None:
    """The person-like name starting at `at` in `text`: capitalised words, not titles or stop words."""
    m = _name_rx().match(text, at)
    if not m:
        return None
    toks = list(re.finditer(r"\S+", m.group(0)))
    parts = set(w.lower() for w in lexicon()["name_particles"])
    end, n = None, 0
    for t in toks:
        w = t.group(0)
        if w.lower() in parts and n:
            continue
        if not is_name_token(w):
            break
        n += 1
        end = at + t.end()
        if n >= maxlen:
            break
    if end is None:
        return None
    while end > at and text[end - 1] == "." and not re.search(r"(?:^|\s)[A-Z]\.$", text[at:end]):
        end -= 1
    return at, end


def name_ending(text: str, end: int, maxlen: int = 4, block=()) -> tuple[int, int] | None:
    """The person-like name ending at `end`: the last capitalised words before it, none of
    them inside a `block` span (an organisation or place the NER found)."""
    toks = list(re.finditer(r"\S+", text[max(0, end - 120):end]))
    off = max(0, end - 120)
    parts = set(w.lower() for w in lexicon()["name_particles"])
    start, n = None, 0
    for t in reversed(toks):
        w = t.group(0)
        if start is not None and ("\n" in text[off + t.end():start] or (w.endswith(".") and len(w) > 2)):
            break       # a name does not run over a line or a sentence's end
        if w.lower() in parts and n:
            continue
        if not is_name_token(w) or any(a < off + t.end() and off + t.start() < b for a, b in block):
            break
        start = off + t.start()
        n += 1
        if n >= maxlen:
            break
    return (start, end) if start is not None else None


@lru_cache(maxsize=1)
def government_words() -> frozenset[str]:
    """Words of the knowledge base's government bodies ("Informatika", "Perekonomian"): never the
    first word of a person's name, though the NER often starts a name with them."""
    from warta.kb.base import load_kb
    out = set()
    for e in load_kb().entities.values():
        if e.get("type") == "ORG" and e.get("kind") == "government":
            for n in [e["name"], *e.get("aliases", [])]:
                out |= {w.lower() for w in n.split() if len(w) > 3 and w[0].isupper()}
    return frozenset(out)


def clean(name: str, others: set[str]) -> str | None:
    """A person name without the titles, acronyms and organisation words the NER left at its
    edges ("Mitratel Teddy Hartoko" -> "Teddy Hartoko", "Budi Santoso Direktur" -> "Budi Santoso")."""
    toks = name.split()
    parts = {w.lower() for w in lexicon()["name_particles"]}
    cut = next((i for i, t in enumerate(toks) if i and not is_name_token(t) and t.lower() not in parts
                and not (i < len(toks) - 1 and re.fullmatch(r"[A-Z]\.?", t))), len(toks))   # "Gideon A Putro"
    toks = toks[:cut]
    while toks and (not is_name_token(toks[0]) or (toks[0].lower() in others and len(toks) > 2)
                    or (toks[0].lower() in government_words() and len(toks) > 1)):
        toks = toks[1:]
    while toks and (toks[-1].lower() in parts or (toks[-1].lower() in others and len(toks) > 2)):
        toks = toks[:-1]
    return " ".join(toks) if toks else None


@dataclass
class Person:
    start: int
    end: int
    name: str


class People:
    """Who the document names, where: NER persons plus names found by cue patterns."""

    def __init__(self, v: DocView):
        self.v = v
        self.full: list[str] = []
        pron = set(lexicon()["pronouns"])
        self.spans: list[Person] = []
        self.confirmed: set[str] = set()
        self.titles: list[tuple[int, str, str, str]] = []   # (where, role, org, person) the ROLE facts found
        # organisation words the NER left at a name's edge; a place no knowledge base knows
        # ("Chew", "Dian" typed PLACE where the text says "kata Chew") is a short name instead
        others = {h.text.lower() for h in v.hits
                  if h.entity.type != "PERSON" and (v.kb_entry(h.entity) or (len(h.entity.mentions) > 1
                                                                            and h.entity.type != "PLACE"))}
        others |= government_words()
        for h in v.hits:
            if h.entity.type == "PERSON" and h.text.lower() not in pron and h.entity.name.lower() not in pron:
                name = clean(h.entity.name, others)
                if not name:
                    continue
                start, end = h.start, h.end
                surface = clean(h.text, others)
                if surface and surface != h.text:
                    # the span of the name itself, without the title the NER swept in
                    # ("Direktur Utama PLN Budi Santoso" -> "Budi Santoso")
                    at = h.text.find(surface)
                    if at >= 0:
                        start, end = h.start + at, h.start + at + len(surface)
                before = self._run_in(start)
                if before is not None and name == clean(h.text, others) and len(name.split()) < 4:
                    start, name = before.start, v.body[before.start:start] + name
                more = self._run_on(end, h.start, name)
                if more is not None and name == clean(h.text, others):
                    end, name = more, name + v.body[end:more]
                self.spans.append(Person(start, end, name))
                if name not in self.full:
                    self.full.append(name)
                if (v.kb_entry(h.entity) or {}).get("type") == "PERSON":
                    self.confirmed.add(name)
        self.spans.sort(key=lambda p: p.start)

    def _run_on(self, end: int, start: int, name: str) -> int | None:
        """Where a name the NER cut short runs on ("Global Susan" + " Wojcicki,"): the end of the
        capitalised name words right after it, up to four words in all, none of them part of
        another entity's mention."""
        body = self.v.body
        n = len(name.split())
        out = None
        for m in re.finditer(r"[ ]([^\s,.;:()]+)", body[end:end + 60]):
            if m.start() != (out - end if out else 0) or n >= 4 or not is_name_token(m.group(1)) \
                    or any(h.start < end + m.end() and end + m.start() < h.end and h.start != start for h in self.v.hits):
                break
            out = end + m.end()
            n += 1
        return out

    def _run_in(self, start: int):
        """A first name the NER took for an organisation of its own right before the name
        ("Afifuddin" + "Suhaeli Kalla"): a one-word name the knowledge base does not know."""
        for h in self.v.hits:
            if h.end == start - 1 and self.v.body[h.end] == " " and h.entity.type != "PERSON" \
                    and self.v.kb_entry(h.entity) is None and len(h.text.split()) == 1 and is_name_token(h.text):
                return h
        return None

    def add(self, start: int, end: int, surface: str) -> str:
        """Record a name found by a pattern; returns its resolved name."""
        name = self.resolve(surface)
        if name == surface and surface not in self.full:
            self.full.append(surface)
        self.confirmed.add(name)
        i = bisect_left([p.start for p in self.spans], start)
        if not any(p.start <= start < p.end for p in self.spans):
            self.spans.insert(i, Person(start, end, name))
        return name

    def drop(self, start: int) -> None:
        """Forget the name a pattern recorded at `start` (it proved part of an organisation)."""
        self.spans = [p for p in self.spans if p.start != start]

    def resolve(self, surface: str) -> str:
        """A one-word reference ("Hadi") to the full name that holds it, one a pattern or the
        knowledge base vouches for first; a longer name stands as written."""
        toks = surface.replace(".", " ").lower().split()
        if len(toks) != 1:
            exact = [n for n in self.full if n.lower() == surface.lower()]
            return exact[0] if exact else surface
        cands = [n for n in self.full if toks[0] in n.replace(".", " ").lower().split() and n != surface]
        if not cands:
            return surface
        return max(cands, key=lambda n: (n in self.confirmed, len(n.split()) <= 4, len(n)))

    def last_before(self, pos: int, floor: int = 0) -> str | None:
        """The last person named before `pos`: one a pattern or the knowledge base vouches for
        if any, else the last the NER found."""
        cands = [p for p in self.spans if floor <= p.start and p.end <= pos]
        sure = [p for p in cands if p.name in self.confirmed]
        pick = sure or cands
        return pick[-1].name if pick else None

    def by_title(self, text: str, pos: int) -> str | None:
        """"kata Direktur Utama PLN" with no name: the person an earlier ROLE gave that title (and
        that organisation, when the text names one)."""
        words = set(re.findall(r"\w+", text.lower()))
        best = None
        for at, role, org, person in self.titles:
            rw = set(re.findall(r"\w+", role.lower()))
            if at < pos and rw and rw <= words | set(re.findall(r"\w+", org.lower())) and (
                    not (words - rw) or set(re.findall(r"\w+", org.lower())) & words):
                best = person
        return best

    def _plausible(self, name: str) -> bool:
        """An NER person no pattern confirms: trusted when named more than once."""
        return sum(p.name == name for p in self.spans) > 1

    def hit_at(self, start: int, end: int) -> Person | None:
        """A known person span inside [start, end)."""
        for p in self.spans:
            if start <= p.start and p.end <= end:
                return p
        return None


def loose_link(v: DocView, h) -> bool:
    """A mention the knowledge base linked by a typo match only ("Wulan" -> "Wuhan")."""
    from warta.kb.base import load_kb, norm_name
    if v.kb_entry(h.entity) is None:
        return False
    return not (norm_name(h.text) == norm_name(h.entity.name)
                or any(e.get("id") == h.entity.id for e in load_kb().lookup(h.text)))


def firm_hit(v: DocView, h) -> bool:
    """An organisation or place mention that stops a name: the NER's organisations and the
    places the knowledge base knows, unless linked by a loose (typo) match ("Wulan" -> "Wuhan"),
    or an unknown organisation named once in name words (perhaps a person the NER mistook)."""
    if h.entity.type == "PERSON":
        return False
    if v.kb_entry(h.entity) is not None:
        return not loose_link(v, h)
    if h.entity.type != "ORG":
        return False
    toks = h.text.split()
    name_like = len(h.entity.mentions) == 1 and 1 <= len(toks) <= 4 and all(is_name_token(t) for t in toks)
    return not name_like
