"""ROLE, the fallback for a person no title pattern gave a role: the title phrase written
right beside the name.  Left of it, a run of title words, department words, capitalised
modifiers and organisations ("Direktur Utama PT Bumi Contoh, Budi", "Contoh Corporate
Communication Executive Vice President Budi"); right of it, after a comma or "selaku" /
"sebagai" / "the" / "a", the same run ("Budi, CFO Contoh dan Alphabet").  The run must hold a
title (people.yaml roles) and an organisation the document names; the organisation nearest
the name is the one the title belongs to.
"""
from __future__ import annotations

import re
from functools import lru_cache

from warta import datafiles
from warta.facts.names import alt, lexicon, phrases
from warta.facts.role_orgs import org_name, role_words, title_rx

# "Budi akan tetap menjabat sebagai CEO Contoh", "Budi dari Contoh sebagai CEO Grup"
AS_TITLE = re.compile(rf"(?:\s+(?!(?:{alt(lexicon()['conjunctions'])})\b)[\w-]+){{0,4}}?\s+(?:{phrases(lexicon()['title_verbs'])})"
                      r"\s+(?:the\s+|a\s+|an\s+)?", re.I)
RIGHT_LEAD = re.compile(rf"\s*,?\s*(?:(?:{phrases(lexicon()['apposition_links'])})\s+)?(?:the\s+|a\s+|an\s+)?", re.I)
MAX_TOKENS = datafiles.load("thresholds.yaml")["facts"]["role"]["near_tokens"]   # warta/data/thresholds.yaml


@lru_cache(maxsize=1)
def _free_words() -> frozenset[str]:
    """Lower-case words a title phrase may hold besides its title words."""
    lx = lexicon()
    return frozenset({w.lower() for w in lx["department_words"]} | role_words()
                     | {"of", "at", "for", "with", "the", "as", "’s", "'s", "-", "&", "/", "plt", "plt.", "pth", "pjs"})


def _joiners() -> set[str]:
    return {j.lower() for j in lexicon()["role_joiners"]} | {"dan", "and", "serta", "atau", "or"}


class _Run:
    def __init__(self):
        self.orgs = []
        self.start = self.end = None


def _org_at(r, a: int, b: int):
    for h in r.orgs:
        if h.start < b and a < h.end:
            return h
    return None


def _ok_word(w: str) -> bool:
    core = w.strip("(),;:")
    if not core:
        return True
    if core.lower() in _free_words():
        return True
    return core[:1].isupper() or core[:1].isdigit() and len(core) <= 2


def _left(r, s, p):
    body = r.body
    toks = list(re.finditer(r"\S+", body[s.start:p.start]))
    run = _Run()
    run.end = p.start
    i, n = len(toks) - 1, 0
    while i >= 0 and n < MAX_TOKENS:
        t = toks[i]
        a, b = s.start + t.start(), s.start + t.end()
        if any(q.start < b and a < q.end for q in r.people.spans):
            break
        h = _org_at(r, a, b)
        if h is not None:
            run.orgs.append(h)
            run.start = h.start
            while i >= 0 and s.start + toks[i].start() >= h.start:
                i -= 1
            n += 1
            continue
        w = t.group(0)
        if n == 0 and w.strip(",").lower() in _joiners():
            return None
        if not _ok_word(w) or (w.endswith((".", ":", ";")) and len(w) > 3 and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{1,3}\.", w)):
            break
        if n and w.endswith(","):
            break       # a list before: "Budi, Direktur X, Ani"
        run.start = a
        i -= 1
        n += 1
    return run if run.start is not None else None


def _right(r, s, p):
    body = r.body
    m = RIGHT_LEAD.match(body, p.end, s.end)
    if not m or (m.end() == p.end) or (not re.search(r",|selaku|sebagai|yang", body[p.end:m.end()], re.I)
                                       and not title_rx().match(body, m.end())):
        m = AS_TITLE.match(body, p.end, s.end)      # "Budi akan tetap menjabat sebagai CEO Contoh"
        if not m or not title_rx().match(body, m.end()) or re.search(r"[,.;:]", body[p.end:m.end()]) \
                or any(p.end <= q.start < m.end() for q in r.people.spans):
            return None
    run = _Run()
    run.start = m.end()
    toks = list(re.finditer(r"\S+", body[m.end():s.end]))
    i, n = 0, 0
    while i < len(toks) and n < MAX_TOKENS:
        t = toks[i]
        a, b = m.end() + t.start(), m.end() + t.end()
        if r.people.hit_at(a, b):
            break
        h = _org_at(r, a, b)
        if h is not None:
            run.orgs.append(h)
            run.end = h.end
            while i < len(toks) and m.end() + toks[i].start() < h.end:
                i += 1
            n += 1
            if body[h.end:h.end + 1] in ",.;":
                break
            continue
        w = t.group(0)
        if not _ok_word(w):
            break
        run.end = a + len(w.rstrip(",.;:"))
        n += 1
        i += 1
        if re.search(r"[,.;:]$", w):
            break
    if run.end is not None and run.orgs:
        # "Pada Acara X, Direktur Contoh Budi": the title is the next name's
        from warta.facts.names import name_at
        from warta.facts.role_orgs import skip_after_org
        k = skip_after_org().match(body, run.end)
        at = k.end() if k else run.end
        if at < s.end and (r.people.hit_at(at, s.end) and r.people.hit_at(at, s.end).start - at <= 1 or name_at(body, at)):
            return None
    return run if run.end is not None else None


def near_roles(r, s, have: set[str]) -> list[tuple[str, str, str, int]]:
    """(person, role, org, where) for the persons of sentence `s` not in `have`."""
    out = []
    lx = lexicon()
    place_titles = {t.lower() for t in lx["place_titles"]}
    for p in r.people.spans:
        if not (s.start <= p.start and p.end <= s.end) or p.name in have:
            continue
        left = _left(r, s, p)
        titled_left = left is not None and bool(title_rx().search(r.body[left.start:left.end]))
        for side, run in (("left", left), ("right", _right(r, s, p))):
            if run is None:
                continue
            if not run.orgs:
                # a title on the name's left ("Kepala Staf X Moeldoko, Bupati Subang Imran"): the
                # phrase on its right is the next person's
                tail = side == "right" and not titled_left
                known = _known_in(r, run.start, run.end) or (_unknown_tail(r, run.start, run.end, s.end) if tail else None)
                if known is None:
                    continue
                run.orgs.append(known)
            text = r.body[run.start:run.end]
            t = title_rx().search(text)
            if not t:
                continue
            title = t.group(0).lower()
            orgs = [h for h in run.orgs if h.entity.type != "PLACE" or title in place_titles]
            orgs = [h for h in orgs if h.entity.type in ("ORG", "PLACE") or (r.v.kb_entry(h.entity) or {}).get("type") == "ORG"]
            if not orgs:
                continue
            h = orgs[0]     # the organisation nearest the name (a left run is collected right to left)
            role = text.replace(h.text, " ").strip(" ,")
            role = re.sub(r"\s+", " ", role)
            out.append((p.name, role or t.group(0), org_name(r, h), p.start))
            have.add(p.name)
            break
    return out


def _known_in(r, a: int, b: int):
    """An organisation the document or the knowledge base knows, written in body[a:b] where the
    NER saw none ("Relation Officer Supreme Energy"): the longest run of capitalised words."""
    from warta.facts.context import Hit
    toks = list(re.finditer(r"[^\s,]+", r.body[a:b]))
    best = None
    for i in range(len(toks)):
        for j in range(min(len(toks), i + 4), i, -1):
            text = r.body[a + toks[i].start():a + toks[j - 1].end()].rstrip(".")
            if not text[:1].isupper() or text.lower() in _free_words():
                continue
            e = r._known_org(text)
            if e is not None and (best is None or len(text) > len(best.text)):
                best = Hit(a + toks[i].start(), a + toks[i].start() + len(text), text, e)
                break
    return best


def _unknown_tail(r, a: int, b: int, send: int):
    """"Gareth Wong, Chief Executive Officer Mitbana, menilai": an organisation neither the NER
    nor the knowledge base knows, written as the capitalised words that close the title phrase
    after the name, up to the comma or the sentence's end."""
    from warta.facts.context import Hit
    from warta.facts.role_orgs import _Org
    if not re.match(r"\s*(?:[,.;]|$)", r.body[b:send]) and b != send:
        return None
    toks = list(re.finditer(r"\S+", r.body[a:b]))
    tail = []
    for t in reversed(toks):
        w = t.group(0).strip(",.;")
        if w.lower() in _free_words() or not (w[:1].isupper() or w[:1].isdigit()) or not re.fullmatch(r"[\w&.\-]+", w):
            break
        tail.insert(0, t)
    if not tail or len(tail) > 4 or len(tail) == len(toks):
        return None
    start, end = a + tail[0].start(), a + tail[-1].end()
    text = r.body[start:end].rstrip(".,")
    if any(h.start < end and start < h.end for h in r.v.hits if h.entity.type == "PLACE"):
        return None
    return Hit(start, start + len(text), text, _Org("", text))
