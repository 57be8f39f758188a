"""Resolution: every entity mention of a document -> one canonical entity.

Order of evidence, strongest first: the knowledge base by name or alias (case-
and legal-form-insensitive; a bare ambiguous alias needs one of its context
words in the article), place descriptors ("Distrik X"), typo matches against
the base, then in-document coreference (short forms, typos of a name already
in the article, pronoun subjects, descriptive phrases).  Names the base does
not know become new entities with stable ids, listed as candidates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from warta.kb.base import KB, common_words, lexicon, load_kb, norm_name, slug
from warta.kb.coref import descriptive_mentions, place_descriptor_mentions, pronoun_mentions, typo_candidates
from warta.kb.fuzzy import typo_match
from warta.model import Entity, Mention, MentionSpan, Metadata, Sentence

ORG_LIKE = {"ORG", "PRODUCT"}


@dataclass
class Cluster:
    key: str                         # KB id or new:<type>:<slug>
    type: str
    name: str
    kb: bool
    country: str | None = None
    spans: list[MentionSpan] = field(default_factory=list)


def strip_legal(name: str) -> str:
    """A new organisation's name without the legal affixes of a cut-off or partial form, as
    analysts write it ("PT Indra Karya (Persero)" -> "Indra Karya", "Abadi Investment Pte"
    -> "Abadi Investment"); a full legal name ending in Tbk or Ltd stays as written (measured
    on realset:train, either way about as many names match; the split wins over both)."""
    lx = lexicon()
    lead, trail = lx["name_legal_prefixes"], lx["name_legal_suffixes"]
    words = name.split()
    if words and words[-1].lower().strip(".,") in lx["name_legal_complete"]:
        return name   # the full legal name as written ("PT Bank X Tbk", "Y Co. Ltd"): a form analysts cite
    while len(words) > 1 and words[0].lower().strip(".,") in lead:
        words = words[1:]
    while len(words) > 1 and (words[-1].lower().strip(".,") in trail
                              or (len(words) > 2 and " ".join(words[-2:]).lower().strip(".,") in trail)):
        words = words[:-2] if " ".join(words[-2:]).lower().strip(".,") in trail else words[:-1]
    out = " ".join(words).rstrip(",. ")
    return out or name


def _camel(text: str) -> bool:
    """"DayOne", "TanahAir": a capital inside a word, after a small letter."""
    return bool(re.search(r"[a-z][A-Z]", text))


def new_id(type_: str, name: str) -> str:
    return f"new:{type_.lower()}:{slug(name)}"


def _typo_ok(text: str) -> bool:
    """A common word ("Sekarang", "Kantor") is never a typo of a name."""
    return norm_name(text) not in common_words()


@lru_cache(maxsize=1)
def _not_entities() -> frozenset[str]:
    return frozenset(s.lower() for s in lexicon()["not_entities"])


def _plausible_name(text: str) -> bool:
    stop = _not_entities()
    t = text.strip()
    model_code = any(c.isupper() or c.isdigit() for c in t[1:]) and " " not in t  # "bZ4X", "iPhone"
    if len(t) < 2 or t.lower() in stop or not (t[0].isupper() or t[0].isdigit() or model_code):
        return False
    if t.split()[0].lower() in stop and len(t.split()) == 1:
        return False
    return not re.fullmatch(r"[\d\W]+", t)


def _whole_word(body: str, start: int, end: int) -> str:
    """The mention widened to the hyphen-joined word it sits in ("COVID" -> "COVID-19")."""
    while start > 1 and body[start - 1] == "-" and body[start - 2].isalnum():
        start -= 2
        while start > 0 and body[start - 1].isalnum():
            start -= 1
    while end + 1 < len(body) and body[end] == "-" and body[end + 1].isalnum():
        end += 2
        while end < len(body) and body[end].isalnum():
            end += 1
    return body[start:end]


class Resolver:
    def __init__(self, kb: KB | None = None):
        self.kb = kb or load_kb()
        self._twin_cache: dict = {}

    # -- single mentions ------------------------------------------------------
    def _kb_entry(self, text: str, label: str, doc_lower: str) -> dict | None:
        cands = self.kb.lookup(text)
        cands = [e for e in cands if not e.get("context") or norm_name(text) == norm_name(e["name"])
                 or any(w in doc_lower for w in e["context"])]
        if not cands:
            return None
        same = [e for e in cands if e["type"] == label]
        return (same or cands)[0]

    def _twin(self, e: dict, body: str) -> dict:
        """A brand the base holds both as an organisation and as its product ("Gesits"):
        the organisation where the article gives the bare name a title or a legal form
        ("Direktur Gesits", "PT Gesits"), the product otherwise."""
        if e["type"] not in ORG_LIKE:
            return e
        twins = {x["type"]: x for x in self.kb.lookup(e["name"]) if x["type"] in ORG_LIKE}
        if len(twins) < 2:
            return e
        key = (e["name"], body)
        if key not in self._twin_cache:
            from warta.nlp.cleanup import title_heads
            heads = "|".join(re.escape(h) for h in sorted(title_heads() | {"pt"}, key=len, reverse=True))
            org = re.search(rf"(?i:\b(?:{heads}))\s+{re.escape(e['name'])}\b(?!\s+[A-Z0-9])", body)
            self._twin_cache = {key: twins["ORG" if org else "PRODUCT"]}
        return self._twin_cache[key]

    def _kb_typo(self, text: str, label: str | None, guessed: str | None = None) -> dict | None:
        """An entry of the base `text` misspells.  A name the model took for a person's is
        no typo of an organisation's or a place's ("Mahendra" is not Mahindra), and a name
        written with an inner capital ("DayOne") is spelt on purpose: no typo of one without."""
        if not _typo_ok(text):
            return None
        for e in self.kb.typo_lookup(text):
            if guessed == "PERSON" and e["type"] in ("ORG", "PLACE"):
                continue
            if _camel(text) and not any(_camel(n) for n in [e["name"], *e.get("aliases", [])]):
                continue
            if label is None or e["type"] == label or (label in ORG_LIKE and e["type"] in ORG_LIKE):
                return e
        return None

    # -- the document -----------------------------------------------------------
    def resolve(self, body: str, mentions: list[MentionSpan], sentences: list[Sentence],
                metadata: Metadata | None = None) -> list[Entity]:
        doc_lower = body.lower()
        clusters: dict[str, Cluster] = {}

        def attach(span: MentionSpan, key: str, type_: str, name: str, kb: bool, country: str | None = None) -> None:
            c = clusters.get(key)
            if c is None:
                c = clusters[key] = Cluster(key, type_, name, kb, country)
            span.entity_id = key
            if all(s.start != span.start or s.end != span.end for s in c.spans):
                c.spans.append(span)

        def attach_kb(span: MentionSpan, e: dict) -> None:
            attach(span, e["id"], e["type"], e["name"], True, e.get("country"))

        pending: list[MentionSpan] = []
        mentions = self._extend_units(body, mentions)
        # 1. the base, by the ruler's id or by name
        for m in mentions:
            e = self.kb.get(m.entity_id) if m.entity_id else None
            if e and e.get("context") and not any(w in doc_lower for w in e["context"]) \
                    and norm_name(m.text) != norm_name(e["name"]):
                e = None
            e = e or self._kb_entry(m.text, m.label, doc_lower)
            if e:
                attach_kb(m, self._twin(e, body))
            else:
                pending.append(m)
        # 2. place descriptors
        taken = [(m.start, m.end) for m in mentions]
        for span, name in place_descriptor_mentions(body, self.kb.place_descriptors, self.kb):
            pending = [p for p in pending if not (span.start <= p.start and p.end <= span.end)]
            for c in clusters.values():  # the ruler may have matched the name inside: the span now covers it
                c.spans = [s for s in c.spans if not (span.start <= s.start and s.end <= span.end and s.text != span.text)]
            e = self._kb_entry(name, "PLACE", doc_lower)
            if e:
                attach_kb(span, e)
            else:
                attach(span, new_id("PLACE", name), "PLACE", name, False)
            taken.append((span.start, span.end))
        # 3. typos of the base, short forms and typos of names already in this article
        cited = {norm_name(n) for n in (metadata.cited_sources if metadata else [])}
        for m in pending:
            if not _plausible_name(m.text) or not _plausible_name(_whole_word(body, m.start, m.end)):
                continue   # ... nor a piece of a hyphenated word that is none ("COVID" of "COVID-19")
            if m.source == "model" and norm_name(m.text) in cited and m.label != "ORG":
                # the model's label is a guess; the article cites this name as an outlet
                m = MentionSpan(m.start, m.end, m.text, "ORG", source=m.source)
            e = self._kb_typo(m.text, None if m.source == "model" else m.label, m.label)
            if e:
                attach_kb(m, self._twin(e, body))
                continue
            c = self._in_document(m, clusters)
            if c:
                attach(m, c.key, c.type, c.name, c.kb, c.country)
            elif m.label == "PERSON" and (len(m.text.split()) < 2 or any(ch.isdigit() for ch in m.text)):
                continue  # a lone word or a code is no person's name unless it shortens one already named
            else:
                attach(m, new_id(m.label, m.text), m.label, m.text, False)
        # 4. capitalised runs nothing covers: typo'd names of this article's entities ("Xioami"),
        #    typos of the base ("Pertamnia"), and ambiguous aliases whose context the article gives
        covered = taken + [(sp.start, sp.end) for c in clusters.values() for sp in c.spans]
        for s, e_, w in typo_candidates(body, covered):
            if any(s < b and a < e_ for a, b in covered):
                continue
            key = norm_name(w)
            hit = None
            if not _typo_ok(w):
                continue
            for c in list(clusters.values()):
                if c.type in ("ORG", "PLACE", "PRODUCT") and any(typo_match(key, norm_name(x)) for x in {c.name, *[sp.text for sp in c.spans]}):
                    hit = c
                    attach(MentionSpan(s, e_, w, c.type, source="coref"), c.key, c.type, c.name, c.kb, c.country)
                    break
            if hit is None:
                e = self._kb_entry(w, "ORG", doc_lower) if any(x.get("context") for x in self.kb.lookup(w)) else None
                e = e or self._kb_typo(w, None)
                if e and e["type"] in ("ORG", "PLACE"):
                    attach_kb(MentionSpan(s, e_, w, e["type"], source="rule"), e)
                else:
                    continue
            covered.append((s, e_))
        self._merge_short_forms(clusters)
        self._short_alias_to_specific(clusters)
        # 5. pronoun subjects, descriptive phrases
        persons = sorted((sp for c in clusters.values() if c.type == "PERSON" for sp in c.spans), key=lambda x: x.start)
        for span, ref in pronoun_mentions(body, sentences, persons):
            c = clusters[ref.entity_id]
            attach(span, c.key, c.type, c.name, c.kb)
        orgs = sorted(((sp.start, c.key, c.country) for c in clusters.values() if c.type == "ORG" for sp in c.spans))
        for span, key in descriptive_mentions(body, self.kb, orgs):
            c = clusters[key]
            attach(span, c.key, c.type, c.name, c.kb, c.country)
        # 6. cited sources named in the article are organisations
        for name in (metadata.cited_sources if metadata else []):
            for mm in re.finditer(rf"\b{re.escape(name)}\b", body):
                if any(sp.start <= mm.start() < sp.end for c in clusters.values() for sp in c.spans):
                    continue
                span = MentionSpan(mm.start(), mm.end(), name, "ORG", source="rule")
                e = self._kb_entry(name, "ORG", doc_lower)
                if e:
                    attach_kb(span, e)
                else:
                    attach(span, new_id("ORG", name), "ORG", name, False)
        return self._entities(clusters)

    def _extend_units(self, body: str, mentions: list[MentionSpan]) -> list[MentionSpan]:
        """"BMW" + "Startup Garage": a known organisation's name continued by capitalised
        words ending in a unit head word names a unit of it, a new organisation."""
        heads = set(lexicon()["unit_heads"])
        out = []
        for m in mentions:
            if m.label == "ORG" and m.source == "rule":
                tail = re.match(r"(?:\s+[A-Z][\w-]*){1,3}", body[m.end:])
                if tail and tail.group(0).split()[-1] in heads:
                    text = body[m.start:m.end + tail.end()]
                    if not self.kb.lookup(text):
                        m = MentionSpan(m.start, m.end + tail.end(), text, "ORG", source="rule")
            out.append(m)
        return out

    def _in_document(self, m: MentionSpan, clusters: dict[str, Cluster]) -> Cluster | None:
        """A name already in this article, as written or with a typo.  The model's label
        is a guess, so a model mention may join an entity of another type."""
        key = norm_name(m.text)
        for c in clusters.values():
            if c.type != m.label and not (m.label in ORG_LIKE and c.type in ORG_LIKE) and m.source != "model":
                continue
            names = {norm_name(c.name), *(norm_name(s.text) for s in c.spans)}
            if key in names or (_typo_ok(m.text) and any(typo_match(key, n) for n in names)):
                return c
        return None

    @staticmethod
    def _short_alias_to_specific(clusters: dict[str, Cluster]) -> None:
        """A known organisation reached only through a one-word short form of its name
        ("LG" for LG Group, "Mitsubishi" for Mitsubishi Corporation), in an article that
        names one organisation more specifically by that word ("LG Energy Solution",
        "Mitsubishi Motors"): the short form is the article's shorthand for that one."""
        for key in [k for k, c in clusters.items() if c.kb and c.type == "ORG"]:
            c = clusters[key]
            forms = {norm_name(sp.text) for sp in c.spans if sp.source != "coref"}
            if len(forms) != 1 or " " in next(iter(forms)) or norm_name(c.name) in forms:
                continue
            word = next(iter(forms))
            longer = [o for o in clusters.values() if o is not c and o.type == "ORG"
                      and norm_name(o.name).startswith(word + " ")]
            if len(longer) != 1:
                continue
            for sp in c.spans:
                sp.entity_id = longer[0].key
                longer[0].spans.append(sp)
            del clusters[key]

    @staticmethod
    def _merge_short_forms(clusters: dict[str, Cluster]) -> None:
        """A new entity whose name is the first words of another's ("Brilliance" /
        "Brilliance Auto") is that entity; so is a surname of a person named in full, and
        a name the model typed by guess that shortens a person or an organisation of
        another type ("Nadella" as a place, "Permata" beside "Bank Permata")."""
        for key in [k for k, c in clusters.items() if not c.kb]:
            c = clusters[key]
            short = norm_name(c.name)
            guessed = all(sp.source == "model" for sp in c.spans)   # the type is the model's guess
            for other in clusters.values():
                if other is c or (other.type != c.type and not (guessed and other.type in ("PERSON", "ORG"))):
                    continue
                long = norm_name(other.name)
                tail = long.endswith(" " + short) and (other.type == "PERSON" or (guessed and other.type != c.type))
                if (long.startswith(short + " ") or tail) and len(short) >= 3:
                    for sp in c.spans:
                        sp.entity_id = other.key
                        other.spans.append(sp)
                    del clusters[key]
                    break

    @staticmethod
    def _entities(clusters: dict[str, Cluster]) -> list[Entity]:
        out = []
        for c in clusters.values():
            spans = sorted(c.spans, key=lambda s: s.start)
            name = c.name
            if not c.kb:  # the best surface form: the longest non-coreference mention
                surf = [s.text for s in spans if s.source != "coref"]
                name = max(surf, key=len) if surf and c.type != "PLACE" else c.name
                if c.type == "ORG":
                    name = strip_legal(name)
            out.append(Entity(id=c.key, type=c.type, name=name, kb=c.kb,
                              mentions=[Mention(text=s.text, start=s.start, end=s.end) for s in spans]))
        return sorted(out, key=lambda e: e.mentions[0].start if e.mentions else 0)
