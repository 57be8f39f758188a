"""PARTNERSHIP: two or more named organisations and a partnership cue in one sentence.

The subject is the organisation named before the cue (or, when none is, the one
right after a leading "Selain ... dengan X," clause); partners are those named
after it.  A negotiation or exploration with a list of candidates ("berdiskusi
dengan A, B, dan C") is one fact per candidate; an agreement with partners
listed after the cue is one fact per pair and one joint fact; an agreement of
parties all named before the cue is one joint fact.  A merger or venture cue
("merger antara A dan B", "patungan A, B dan C") joins the organisations named
right after it.  Names of agreements ("MoU", "HOA") are no party, and a parent
named in apposition ("anak usaha X") gives way to the party beside it.
"""
from __future__ import annotations

import re

from warta.facts.context import DocView, Hit
from warta.facts.lexicon import cue_rx, load, rx, status_of
from warta.facts.parties import acting, is_party
from warta.model import Fact

PURPOSE = re.compile(r"\b(?:untuk|guna|dalam|di bidang|to|for|on)\s+(?P<p>[^,.;]{3,80})", re.I)


def _clause_before(text: str, at: int, width: int) -> str:
    """Up to `width` characters before `at`, from the last clause break on."""
    before = text[max(0, at - width): at]
    return re.split(r"[,;:]", before)[-1]


def _status(text: str, cue_at: int = 0) -> str:
    """The lexicon's status; an agreement cue counts as agreed only where no
    negation ("belum menandatangani": negotiating) or plan word ("akan
    membentuk perusahaan patungan": exploring) stands just before it."""
    lx = load("partnership")
    st = status_of("partnership", text, "agreed")
    if st != "agreed":
        return st or "agreed"
    neg, plan = rx(tuple(lx["negations"])), rx(tuple(lx.get("plan_words", [])))
    kinds = set()
    for m in rx(tuple(lx["status"]["agreed"])).finditer(text):
        if neg.search(text[max(0, m.start() - 25): m.start()]):
            kinds.add("negotiating")
        elif plan.search(_clause_before(text, m.start(), 60)):
            kinds.add("exploring")
        else:
            kinds.add("agreed")
    if not kinds and plan.search(_clause_before(text, cue_at, 60)):
        kinds.add("exploring")   # "berencana kerja sama dengan ..."
    for k in ("agreed", "negotiating", "exploring"):
        if k in kinds:
            return k
    return "agreed"


def _unique(hits: list[Hit]) -> list[Hit]:
    seen, out = set(), []
    for h in hits:
        if is_party(h) and h.entity.id not in seen:
            seen.add(h.entity.id)
            out.append(h)
    return out


JOINT_GAP = 30   # "merger dua bank yakni A dan B": the first member comes this close after the cue


def _joint(v: DocView, s, m) -> list[Hit]:
    """The members named after a joint cue ("merger antara A, B dan C"), up to the
    clause's end: a stop word ("menjadi", "yang"), a semicolon or a full stop.  A
    comma does not end it: members are listed with commas."""
    tail = s.text[m.end():]
    stop = rx(tuple(load("partnership")["joint_stop"])).search(tail)
    brk = re.search(r";|\.(?:\s|$)", tail)
    end = min([len(tail)] + [x.start() for x in (stop, brk) if x])
    members = _unique(v.entities_in(s.start + m.end(), s.start + m.end() + end))
    if members and members[0].start - (s.start + m.end()) > JOINT_GAP:
        return []   # the cue is not followed by its members ("merger ... dokumen kepada ...")
    return members


def extract(v: DocView) -> list[Fact]:
    facts: list[Fact] = []
    cue = cue_rx("partnership")
    joint = cue_rx("partnership", "joint_cues")
    for s in v.sentences:
        jm = joint.search(s.text)
        if jm:
            members = _joint(v, s, jm)
            if len(members) >= 2:
                facts.append(Fact(type="PARTNERSHIP", args={"parties": [h.entity.name for h in members],
                                                            "purpose": jm.group(0).lower() if jm.group(0).lower().startswith(("merg", "pengg")) else None},
                                  status=_status(s.text, jm.start()), evidence=[v.evidence(s)]))
                continue
        m = cue.search(s.text)
        if not m:
            continue
        orgs = _unique(acting(v, v.entities_in(s.start, s.end)))
        if len(orgs) < 2:
            continue
        at = s.start + m.start()
        before = [h for h in orgs if h.start < at]
        after = [h for h in orgs if h.start >= at]
        listed = bool(before and after)
        if listed:
            subject, partners = before[-1], [h for h in after if h.entity.id != before[-1].entity.id]
        else:  # "Selain bekerja sama dengan A, B juga ..." / "A dan B menandatangani ..."
            subject, partners = orgs[0], orgs[1:]
        if not partners:
            continue
        status = _status(s.text, m.start())
        purpose = None
        pm = PURPOSE.search(s.text[m.end():])
        if pm:
            purpose = pm.group("p").strip()
        # partners listed after the cue: one fact per pair (the text rarely tells one
        # signing from several); an agreement also as one joint fact, after the pairs
        pairs = [[subject, p] for p in partners]
        if len(partners) == 1 or status in ("negotiating", "exploring"):
            groups = pairs
        else:
            groups = [*pairs, [subject, *partners]] if listed else [[subject, *partners]]
        for g in groups:
            facts.append(Fact(type="PARTNERSHIP", args={"parties": [h.entity.name for h in g], "purpose": purpose},
                              status=status, evidence=[v.evidence(s)]))
    return facts
