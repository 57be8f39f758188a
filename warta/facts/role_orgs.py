"""Organisations near a title, for ROLE: the NER's organisations and places (without the
typo links and the title words it swept into them), an organisation the NER fused with the
name after it ("PLN Budi Santoso"), one the knowledge base knows where the NER saw none, and
an English "of Contoh Group"."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warta.facts.context import DocView, Hit
from warta.facts.names import People, alt, firm_hit, is_name_token, lexicon, loose_link, name_at
from warta.kb.base import load_kb, norm_name


@lru_cache(maxsize=1)
def skip_after_org() -> re.Pattern:
    legal = alt(lexicon()["legal_after"])
    return re.compile(rf"(?:\s*,|\s+(?:{legal})(?![\w])|\.(?=\s+[A-Z])|\s*\(Persero\)|\s*\([^()]{{1,40}}\)|\s*’s|\s*'s)*\s*")


@lru_cache(maxsize=1)
def title_rx() -> re.Pattern:
    words = alt(lexicon()["roles"]).replace("\\ ", r"\s+")     # "Chief  Executive Officer" as printed
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    lx = lexicon()
    return frozenset(w.lower() for r in lx["roles"] for w in r.split()) | {j.lower() for j in lx["role_joiners"]}


@lru_cache(maxsize=1)
def _fillers() -> frozenset[str]:
    """Words between a title and its organisation that belong to neither ("the", "Plt")."""
    return frozenset(w.lower() for w in lexicon()["org_phrase_fillers"])


@dataclass(frozen=True)
class _Org:
    """An organisation known to the knowledge base but not found by the NER where the title names it."""
    id: str
    name: str
    type: str = "ORG"


class OrgFinder:
    def __init__(self, v: DocView, people: People):
        self.v, self.people, self.body = v, people, v.body
        self.kb = load_kb()
        self.by_text = {}
        self.pending: dict[int, tuple[int, str]] = {}   # person names found inside an organisation's span
        for e in v.wd.doc.entities:
            if e.type == "ORG":
                for n in [e.name, *(m.text for m in e.mentions)]:
                    self.by_text.setdefault(norm_name(n), e)
        stop = {w.lower() for w in [*lexicon()["minister_short"], *lexicon()["roles"]]}
        dept = {w.lower() for w in lexicon()["department_words"]}
        self.orgs = [h for h in v.hits if (h.entity.type in ("ORG", "PLACE", "PRODUCT")
                                           or (v.kb_entry(h.entity) or {}).get("type") == "ORG") and h.entity.id not in v.media
                     and h.text.split()[0].lower() not in role_words() and h.text.lower() not in stop
                     and h.text.split()[0].lower() not in dept
                     and not loose_link(v, h)
                     and not any(p.start <= h.start and h.end <= p.end for p in people.spans)]
        self.orgs.sort(key=lambda h: h.start)
        self.orgs = sorted((x for h in self.orgs for x in self._split(h)), key=lambda h: h.start)
        self.block = [(h.start, h.end) for h in self.orgs if isinstance(h.entity, _Org) or firm_hit(v, h)]
        self.kb_block = [(h.start, h.end) for h in self.orgs if isinstance(h.entity, _Org)
                         or (v.kb_entry(h.entity) is not None and not loose_link(v, h))]

    def _known_org(self, text: str):
        e = self.by_text.get(norm_name(text))
        if e is not None:
            return e
        hit = [x for x in self.kb.lookup(text) if x.get("type") == "ORG"]
        return _Org(hit[0]["id"], hit[0]["name"]) if hit else None

    def _split(self, h) -> list:
        """"PLN Budi Santoso" found as one organisation: the known organisation, then a person."""
        toks = list(re.finditer(r"\S+", h.text))
        # "PGE Julfi" + "Hadi": the NER's organisation took the first name, the rest follows it
        tail = name_at(self.body, h.end + 1, 3) if self.body[h.end:h.end + 1] == " " else None
        tail_words = len(self.body[tail[0]:tail[1]].split()) if tail else 0
        end = tail[1] if tail else h.end
        before = self.body[max(0, h.start - 40):h.start].rstrip()
        titled = any(t.end() == len(before) for t in title_rx().finditer(before))
        written = {norm_name(m.text) for m in getattr(h.entity, "mentions", [])}
        for k in range(len(toks) - 1, 0, -1):
            rest = self.body[h.start + toks[k].start():end]
            prefix = norm_name(h.text[:toks[k - 1].end()])
            # "Direktur Utama Oldora Power Israal" where the text writes "Oldora Power" on its own too
            alone = titled and prefix in written and prefix != norm_name(h.text)
            if not all(is_name_token(t.group(0)) for t in toks[k:]) or not (1 if alone else 2) <= len(toks) - k + tail_words <= 4:
                continue
            for j in range(0, k):
                e = self._known_org(h.text[toks[j].start():toks[k - 1].end()])
                if e is not None and (norm_name(e.name) != norm_name(h.text) or alone):
                    self.pending[h.start + toks[k].start()] = (end, rest)
                    if norm_name(e.name) == norm_name(h.text):      # the entity is named with the person in it
                        e = _Org("", h.text[toks[j].start():toks[k - 1].end()])
                    return [Hit(h.start + toks[j].start(), h.start + toks[k - 1].end(), h.text[toks[j].start():toks[k - 1].end()], e)]
        return [h]

    def _last_org(self, org, end: int):
        """"Kepala Biro Humas Kementerian X": the organisation nearest the name, where a unit is
        followed by its parent with only title words between."""
        for h in self.orgs:
            if h.start >= org.end and h.start - org.end <= 60 and h.end <= end:
                gap = self.body[org.end:h.start]
                if re.search(r"\w", gap) and self._gap_ok(org.end, h.start, most=5) and not title_rx().search(gap) \
                        and not self.people.hit_at(org.end, h.start) and (
                        self.v.kb_entry(h.entity) or len(getattr(h.entity, "mentions", [])) > 1):
                    org = h
                    continue
                break
        return org

    def kb_org_after(self, at: int, end: int):
        """An organisation the NER missed: the knowledge base knows a few words after the title,
        or English names it after "of" / "at" ("CEO of Contoh Data Centers")."""
        got = self._kb_org_after(at, end)
        if got is not None:
            return got
        m = re.compile(r"\s+(?:of|at)\s+(?P<o>[A-Z][\w&.\-]*(?:\s+(?:&\s+)?[A-Z][\w&.\-]*){0,4})").match(self.body, at, end)
        dept = {w.lower() for w in lexicon()["department_words"]} | role_words()
        if m and not self.people.hit_at(m.start("o"), m.end("o")) and not dept & {w.lower().strip(".") for w in m.group("o").split()}:
            o = m.group("o").rstrip(".")
            return Hit(m.start("o"), m.start("o") + len(o), o, _Org("", o))
        return None

    def _kb_org_after(self, at: int, end: int):
        toks = list(re.finditer(r"\S+", self.body[at:min(end, at + 80)]))[:6]
        for i in range(len(toks)):
            for j in range(min(len(toks), i + 4), i, -1):
                text = self.body[at + toks[i].start():at + toks[j - 1].end()].strip(",")
                if not text[:1].isupper():
                    continue
                e = self._known_org(text)
                if e is not None and self._gap_ok(at, at + toks[i].start()):
                    return Hit(at + toks[i].start(), at + toks[i].start() + len(text), text, e)
        return None

    def _gap_ok(self, a: int, b: int, caps: bool = True, most: int = 7) -> bool:
        """body[a:b] holds only title words, joiners and (when `caps`) capitalised modifiers."""
        toks = re.findall(r"[^\s]+", self.body[a:b])
        if len(toks) > most:
            return False
        for t in toks:
            w = t.strip("(),")
            if not w or w.lower() in role_words() or w.lower() in _fillers():
                continue
            if caps and w[:1].isupper() and "," not in t[:-1]:
                continue
            return False
        return True

    def org_after(self, at: int, end: int, places: bool = True):
        """The first organisation after a title, with only title words between; a place is
        part of the title ("Direktur Bisnis Regional Kalimantan PLN") where `places` is false
        and an organisation follows it."""
        for i, h in enumerate(self.orgs):
            if h.start < at:
                continue
            if h.start - at > 90 or h.end > end:
                return self.kb_org_after(at, end)
            if not self._gap_ok(at, h.start):
                return self.kb_org_after(at, end)
            if h.entity.type == "PLACE" and not places:
                nxt = next((x for x in self.orgs[i + 1:] if x.start >= h.end), None)
                if nxt is not None and nxt.entity.type != "PLACE" and nxt.end <= end and nxt.start - h.end <= 40 \
                        and self._gap_ok(h.end, nxt.start, most=4):
                    return nxt
            return h
        return self.kb_org_after(at, end)

    def _blocked(self, a: int, b: int) -> bool:
        return any(x < b and a < y for x, y in self.block)

    def _not_kb_org(self, name: str) -> bool:
        return not any(e.get("type") in ("ORG", "PLACE") for e in self.kb.lookup(name))

    def _not_org(self, name: str) -> bool:
        e = self.by_text.get(norm_name(name))
        firm = e is not None and (self.v.kb_entry(e) is not None or len(e.mentions) > 1)
        return not firm and not any(
            e.get("type") in ("ORG", "PLACE") for e in self.kb.lookup(name))


def org_name(r: "OrgFinder", h) -> str:
    """The organisation as the title writes it ("Shopee Indonesia", "Medco", without legal
    affixes): the annotators list every surface form of an entity, while the knowledge base's
    name may be another unit ("Shopee") or spelling; "Contoh Indonesia" where the text writes
    the local unit after the name the NER found.  The entity's own name where the mention is
    a fused or partial span (not a name of its own)."""
    m = re.match(r"\s+Indonesia\b", r.body[h.end:h.end + 12])
    if m and h.entity.type == "ORG" and not h.text.endswith("Indonesia"):
        known = r._known_org(h.text + " Indonesia")
        return known.name if known is not None else h.text + " Indonesia"
    surface = strip_legal(h.text.strip(" ,.’'"))
    name = h.entity.name
    if surface != h.text.strip(" ,.’'") and r.v.kb_entry(h.entity) is not None and norm_name(surface).startswith(norm_name(name)):
        return strip_legal(name)    # "PT Indofood CBP Sukses Makmur Tbk": the legal name of what the knowledge base calls "Indofood CBP"
    around = r.body[max(0, h.start - len(name)):h.end + len(name)].lower()
    if len(name) > len(h.text) and name.lower() in around and h.text.lower() in name.lower():
        return strip_legal(name)    # a part of the name the text writes whole ("ACWA" of "ACWA Power Company")
    if h.entity.type == "ORG" and surface and surface[0].isupper() and surface.lower() not in _weak_surfaces() \
            and (getattr(h.entity, "mentions", None) is None or norm_name(surface) != norm_name(h.entity.name)):
        return surface
    return strip_legal(h.entity.name)


@lru_cache(maxsize=1)
def _weak_surfaces() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()["name_stop"])


@lru_cache(maxsize=1)
def _legal_rx() -> re.Pattern:
    legal = alt(lexicon()["legal_after"])
    return re.compile(rf"^(?:PT\.?|P\.T\.)\s+|(?:,?\s+(?:{legal}|\(Persero\)))+\.?$")


def strip_legal(name: str) -> str:
    """"PT Modern Internasional Tbk" -> "Modern Internasional": the common name, as the gold
    and the knowledge base write organisations."""
    out = _legal_rx().sub("", name).strip()
    return out if len(out) > 1 else name
