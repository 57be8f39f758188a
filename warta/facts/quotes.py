"""QUOTE: words in quotation marks (straight or curly, over several sentences) and
who said them: '"...," ujar Budi', '"...," tambahnya', '"...," the CEO, Jane Roe, said',
'Jane Roe said: "..."', 'Budi mengatakan, "..."'.  A pronoun speaker ("ujarnya",
"kata dia", "she said") is the last person named before the quotation."""
from __future__ import annotations

import re
from functools import lru_cache

from warta.facts.context import DocView
from warta.facts.names import People, alt, firm_hit, lexicon, name_at, name_ending
from warta.model import Evidence, Fact

MARKS = "\"“”„"
_MARK = re.compile(f"[{MARKS}]|’’|''")


@lru_cache(maxsize=1)
def _rx() -> dict[str, re.Pattern]:
    lx = lexicon()
    verbs, before, pron = alt(lx["speech_verbs"]), alt(lx["speech_before"]), alt(lx["pronouns"])
    return {
        # '," ujar Budi' / '," tambahnya' / '," kata dia'
        "after": re.compile(rf"\s*[,.!?]?\s*(?P<verb>(?:{verbs}))(?P<nya>nya)?\b", re.I),
        "pronoun": re.compile(rf"\s*(?:{pron})\b", re.I),
        "epithet": re.compile(rf"\s*(?:{alt(lx['epithets'])})\b", re.I),
        # '," the chairman of X, Jane Roe, said' / '," Toto was quoted as saying'
        "who_verb": re.compile(rf"\s*[,.!?]?\s*(?P<who>[^.!?{MARKS}]{{1,160}}?)\s*,?\s+(?:{alt(lx['quoted_as'])}|{verbs})\b"),
        # 'Jane Roe said: "' / 'Budi mengatakan, "'
        "before": re.compile(rf"(?P<who>[^.!?{MARKS}]{{1,200}}?)\s+(?:{before})\s*[:,]?\s*$", re.I),
        "colon": re.compile(rf"(?P<who>[^.!?{MARKS}]{{1,200}}?)\s*:\s*$"),
        "menurut": re.compile(r"(?:Menurut|According to)\s+(?P<who>[^,]{2,120}),\s*$", re.I),
    }


def _spans(body: str):
    """(open, close) offsets of each quotation, paired within a paragraph; an unclosed one runs to its end."""
    for para in re.finditer(r"[^\n]+", body):
        found = list(_MARK.finditer(para.group(0)))
        marks = [para.start() + m.start() for m in found]
        ends = [para.start() + m.end() for m in found]
        for i in range(0, len(marks) - 1, 2):
            yield ends[i] - 1, ends[i + 1], para.start(), para.end()
        if len(marks) % 2:
            yield marks[-1], para.end(), para.start(), para.end()


class _Speaker:
    def __init__(self, v: DocView, people: People):
        self.v, self.people = v, people
        self.block = [(h.start, h.end) for h in v.hits if firm_hit(v, h) and not self._short_name(h)]

    def _short_name(self, h) -> bool:
        """'," kata Ikhsan' where the NER typed "Ikhsan" an organisation: one word of a person's
        full name the document gives ("M Ikhsan Asaad"), unknown to the knowledge base."""
        words = h.text.split()
        return len(words) == 1 and self.v.kb_entry(h.entity) is None and h.entity.type != "PERSON" \
            and any(words[0] in n.split() and n != h.text for n in self.people.full)

    def _trim_org(self, s: int, e: int) -> tuple[int, int] | None:
        """"Perludem Nurul Amalia Salabi": an organisation the NER found at the front is no part of the name."""
        for h in self.v.hits:
            if h.entity.type in ("ORG", "PLACE") and h.start <= s < h.end:
                nxt = re.match(r"\s+", self.v.body[h.end:e])
                if h.end < e and nxt and h.start == s:
                    return h.end + nxt.end(), e
                return s, e
        return s, e

    def _overlaps_org(self, s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in self.block)

    def in_window(self, start: int, end: int, last: bool = False) -> str | None:
        """The person named in body[start:end]: a known name, else the tail of a title phrase."""
        body = self.v.body
        known = [p for p in self.people.spans if start <= p.start and p.end <= end]
        if known:
            p = known[-1] if last else known[0]
            ext = name_ending(body, p.start, 2, self.block)   # "Arif" + "Prabowo": a first name the NER left out
            if ext and ext[1] == p.start and body[ext[0]:p.start].strip() and not self._overlaps_org(*ext) \
                    and not any(h.start == ext[0] and h.entity.type != "PERSON" for h in self.v.hits) \
                    and not any(body[ext[0]:p.start].strip() in org.split() for _, _, org, _ in self.people.titles):
                surface = body[ext[0]:p.end]
                if re.fullmatch(r"[\w.'’\- ]+", surface):
                    return self.people.add(ext[0], p.end, surface)
            return p.name
        pieces = [m for m in re.finditer(r"[^,;()]+", body[start:end])]
        if last:
            pieces = pieces[::-1]
        for m in pieces:
            seg_end = start + m.end()
            seg_end -= len(m.group(0)) - len(m.group(0).rstrip())
            nm = name_ending(body, seg_end, 4, self.block)
            if nm:
                nm = self._trim_org(*nm)
            if nm and nm[0] >= start + m.start() and not self._overlaps_org(*nm):
                return self.people.add(nm[0], nm[1], body[nm[0]:nm[1]])
        return None

    def after(self, qs: int, qe: int, pend: int) -> tuple[str | None, int]:
        """The speaker written after the quotation; a pronoun ("ujarnya") stands for the last
        person named before the quotation opens (a name inside the quoted words is whom the
        speaker talks about, not the speaker)."""
        body, rx = self.v.body, _rx()
        nxt = _MARK.search(body, qe, pend)
        stop = nxt.start() if nxt else pend
        m = rx["after"].match(body, qe, stop)
        if m and m.group("verb")[0].islower():
            rest = m.end()
            if m.group("nya") or m.group("verb").lower().endswith("nya") or rx["pronoun"].match(body, rest, stop):
                return self.people.last_before(qs), rest
            if rx["epithet"].match(body, rest, stop):     # '," kata pria lulusan ITS itu' / '," said the director'
                nick = re.search(r"\b(?:disapa|dipanggil|known as)\s+(?P<n>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)", body[rest:stop])
                if nick:            # '," ujar pria yang akrab disapa Budi': the name the text gives
                    return self.people.resolve(nick.group("n")), rest + nick.end()
                win = self._window(rest, stop)
                return self.people.by_title(body[rest:win], qe) or self.people.last_before(qs), win
            win = self._window(rest, stop)
            who = self.in_window(rest, win) or self.people.by_title(body[rest:win], qe)
            if who:
                return who, win
        m = rx["who_verb"].match(body, qe, stop)
        if m:
            who = m.group("who")
            if rx["pronoun"].fullmatch(who):
                return self.people.last_before(qs), m.end()
            return self.in_window(m.start("who"), m.end("who"), last=True), m.end()
        return None, qe

    def _window(self, start: int, stop: int) -> int:
        """Up to the first lower-case word that is no part of a title (dalam, di, saat ...) or the sentence end."""
        body = self.v.body
        joiners = {j.lower() for j in lexicon()["role_joiners"]} | {w.lower() for w in lexicon()["name_particles"]}
        joiners |= {w.lower() for r in lexicon()["roles"] for w in r.split()} | {"the", "a", "an"}
        for t in re.finditer(r"\S+", body[start:stop]):
            w = t.group(0).strip(",;:")
            if re.search(r"[.!?]$", t.group(0)) and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.", t.group(0)):
                return start + t.end() - 1
            if w and w[0].islower() and w.lower() not in joiners and not w.startswith("("):
                return start + t.start()
        return stop

    def lead_in(self, pstart: int) -> str | None:
        """A quotation that opens its paragraph, after a paragraph ending "Budi mengatakan:"."""
        prev = self.v.body[:pstart].rstrip()
        if not prev.endswith(":"):
            return None
        ps = prev.rfind("\n") + 1
        return self.before(len(prev), ps)

    def before(self, qs: int, pstart: int) -> str | None:
        body, rx = self.v.body, _rx()
        seg_start = max(pstart, qs - 240)
        prefix = body[seg_start:qs]
        ends = [m.end() - 1 for m in re.finditer(rf"(?<![A-Z])[.!?]\s|[{MARKS}]", prefix)]
        cut = ends[-1] if ends else -1
        if cut >= 0:
            seg_start += cut + 1
            prefix = body[seg_start:qs]
        for key in ("menurut", "before", "colon"):
            m = rx[key].search(prefix)
            if m:
                ws, we = seg_start + m.start("who"), seg_start + m.end("who")
                who = body[ws:we].strip()
                last = who.split()[-1] if who.split() else ""
                if rx["pronoun"].fullmatch(who) or (
                        len(who.split()) <= 4 and rx["pronoun"].fullmatch(last)):     # "Lebih jauh, ia menambahkan"
                    return self.people.last_before(ws)
                return self.in_window(ws, we, last=True)
        return None


def _evidence(v: DocView, start: int, end: int) -> list[Evidence]:
    out = [Evidence(sentence=s.text, start=s.start, end=s.end) for s in v.sentences if s.start < end and start < s.end]
    return out[:6]


def _speakers_named(v: DocView, sp: "_Speaker") -> None:
    """"Budi Santoso mengatakan, ...": a name right before a speech verb is a speaker the later
    "ujarnya" may stand for."""
    verbs = re.compile(rf"\s(?:{alt(lexicon()['speech_before'])})\b")
    for m in verbs.finditer(v.body):
        if v.body[m.start() - 1:m.start()] in MARKS:
            continue
        nm = name_ending(v.body, m.start(), 4, sp.block)
        if nm and not sp.people.hit_at(nm[0], nm[1] + 1):
            sp.people.add(nm[0], nm[1], v.body[nm[0]:nm[1]])
        elif nm:
            sp.people.confirmed.add(sp.people.hit_at(nm[0], nm[1] + 1).name)
    # "..., said energy ministry official Tri Winarno." where the NER saw no person
    after = re.compile(r"\b(?:said|says|added|told)\s+(?:(?:the\s+)?[a-z][\w-]*\s+){1,4}(?=[A-Z])")
    for m in after.finditer(v.body):
        nm = name_at(v.body, m.end())
        if nm and len(v.body[nm[0]:nm[1]].split()) >= 2 and re.match(r"\s*[.,]", v.body[nm[1]:nm[1] + 2]) \
                and not sp.people.hit_at(nm[0], nm[1] + 1) and not sp._overlaps_org(*nm):
            sp.people.add(nm[0], nm[1], v.body[nm[0]:nm[1]])


def quotes(v: DocView, people: People | None = None) -> list[Fact]:
    people = people or People(v)
    sp = _Speaker(v, people)
    _speakers_named(v, sp)
    facts = []
    prev: tuple[int, str] | None = None     # (paragraph end, speaker) of the last attributed quotation
    for qs, qe, pstart, pend in _spans(v.body):
        inner = v.body[qs + 1:qe - 1 if qe < pend or v.body[qe - 1] in MARKS else qe].strip()
        if len(inner.split()) < 2:
            continue
        who, aend = sp.after(qs, qe, pend)
        astart = qs
        if not who:
            who, aend = sp.before(qs, pstart), qe
        if not who and qs == pstart:
            who = sp.lead_in(pstart)
            astart = max(0, pstart - 2)
        if not who and qs == pstart and v.body[qe:pend].strip() == "" and prev is not None \
                and not v.body[prev[0]:pstart].strip():
            who = prev[1]       # a paragraph that is all quotation goes on with the speaker of the one before
        if not who:
            continue
        prev = (pend, who)
        text = re.sub(rf"[,.!?]?[{MARKS}’']*$", "", inner).strip()
        ev = _evidence(v, astart, max(aend, qe))
        if not ev:
            continue
        facts.append(Fact(type="QUOTE", args={"speaker": who, "text": text}, status=None, certainty=None, evidence=ev))
    return facts
