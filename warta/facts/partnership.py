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

from warta import datafiles
from warta.facts import partnership_filter
from warta.facts.context import DocView, Hit
from warta.facts.lexicon import cue_rx, load, rx
from warta.facts.parties import acting, is_bystander, is_party
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
    neg, plan = rx(tuple(lx["negations"])), rx(tuple(lx.get("plan_words", [])))
    not_end = rx(tuple(lx.get("not_ended_before", [])))
    for m in rx(tuple(lx["status"]["ended"])).finditer(text):
        before = text[max(0, m.start() - 25): m.start()]
        if not (neg.search(before) or not_end.search(before)):
            return "ended"
    for st in ("negotiating", "exploring"):
        if rx(tuple(lx["status"][st])).search(text):
            return st
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


def _orgs_in(v: DocView, start: int, end: int) -> list[Hit]:
    """The organisations named between `start` and `end`, without the media: an
    organisation the knowledge base knows as no medium stays, even when the page's
    credit line names it as a source ("kata PLN dalam keterangannya")."""
    kb_org = lambda e: e.id in v.media and not e.id.startswith("new:") and (v.kb_entry(e) or {}).get("kind") not in ("media", None)  # noqa: E731
    orgs = [h for h in v.entities_in(start, end, parties_only=False) if h.entity.id not in v.media or kb_org(h.entity)]
    company = rx(tuple(load("partnership")["company_words"]))
    named = [h for h in v.entities_in(start, end, types=("PLACE",), parties_only=False) if h.entity.id.startswith("new:")
             and any(m.end() == len(v.body[:h.start].rstrip()) for m in company.finditer(v.body, max(0, h.start - 20), h.start))]
    return sorted((h for h in orgs + named if not is_bystander(v, h)), key=lambda h: h.start)   # "local company New Yaking": a company, whatever the tagger said


def _same_name(a: str, b: str) -> bool:
    """One name is the other with more words after it ("Huayou Cobalt Company Ltd", "Huayou Cobalt")."""
    a, b = a.lower(), b.lower()
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _unique(hits: list[Hit]) -> list[Hit]:
    seen, out = set(), []
    for h in hits:
        if is_party(h) and h.entity.id not in seen and not any(_same_name(h.entity.name, o.entity.name) for o in out):
            seen.add(h.entity.id)
            out.append(h)
    return out


_T = datafiles.load("thresholds.yaml")["facts"]["partnership"]   # warta/data/thresholds.yaml
REFERENT_BACK = _T["referent_back"]   # sentences back to look for the organisation an anaphor stands for
JOINT_GAP = _T["joint_gap"]   # "merger dua bank yakni A dan B": the first member comes this close after the cue


def _between(v: DocView, s, m) -> list[Hit]:
    """The parties of "kerja sama antara A dan B" / "partnership between A and B":
    the organisations after "antara"/"between" up to the clause's end."""
    lx = load("partnership")
    tail = s.text[m.end():]
    b = re.match(r"\s*(?:yang dilakukan\s+)?(?:antara|between|among|oleh|by)\b", tail, re.I)
    if not b:
        return []
    rest = tail[b.end():]
    stop = rx(tuple(lx["between_stop"])).search(rest)
    brk = re.search(r";|\.(?:\s|$)", rest)
    end = min([len(rest)] + [x.start() for x in (stop, brk) if x])
    at = s.start + m.end() + b.end()
    return _unique(_aliases_out(v, acting(v, _orgs_in(v, at, at + end))))


def _joint(v: DocView, s, m) -> list[Hit]:
    """The members named after a joint cue ("merger antara A, B dan C"), up to the
    clause's end: a stop word ("menjadi", "yang"), a semicolon or a full stop.  A
    comma does not end it: members are listed with commas."""
    tail = s.text[m.end():]
    stop = rx(tuple(load("partnership")["joint_stop"])).search(tail)
    brk = re.search(r";|\.(?:\s|$)", tail)
    end = min([len(tail)] + [x.start() for x in (stop, brk) if x])
    members = _unique(_aliases_out(v, _orgs_in(v, s.start + m.end(), s.start + m.end() + end)))
    if members and members[0].start - (s.start + m.end()) > JOINT_GAP:
        return []   # the cue is not followed by its members ("merger ... dokumen kepada ...")
    return members


def _cue(v: DocView, s, pattern: re.Pattern):
    """The first cue of `pattern` in sentence `s` that is a deal word: not inside a
    name ("Biro Hubungan Masyarakat dan Kerja Sama", a quoted headline), not an office
    ("Direktur Kerja Sama"), not a scheme ("Kerja Sama Pemerintah dengan Badan Usaha")."""
    lx = load("partnership")
    office = rx(tuple(lx.get("office_before", [])))
    scheme = rx(tuple(lx.get("scheme_after", [])))
    weak, buying = rx(tuple(lx.get("weak_cues", []))), rx(tuple(lx.get("acquisition_words", [])))
    for m in pattern.finditer(s.text):
        a, b = s.start + m.start(), s.start + m.end()
        if weak.fullmatch(m.group(0)) and buying.search(s.text):
            continue   # "kesepakatan untuk mengakuisisi ...": an acquisition, an INVESTMENT unless called a partnership
        if any(h.start <= a and b <= h.end and h.end - h.start > b - a for h in v.hits):
            continue
        before = s.text[max(0, m.start() - 40): m.start()].rstrip()
        if any(o.end() == len(before) for o in office.finditer(before)):
            continue
        if scheme.match(s.text[m.end():].lstrip()):
            continue
        return m
    return None


def _ventures_out(v: DocView, hits: list[Hit]) -> list[Hit]:
    """Without the venture being named ("JV dengan X yaitu Foxconn Indika Motor",
    "perusahaan patungan bernama Y"): the venture is no party to itself."""
    lx = load("partnership")
    named = rx(tuple(lx.get("venture_name_before", [])))
    listed, venture = rx(tuple(lx.get("venture_list_words", []))), rx(tuple(lx.get("venture_words", [])))
    out = []
    appos = re.compile("|".join(re.escape(w) for w in lx.get("venture_appositions", [])) or r"(?!)", re.I)
    for h in hits:
        if appos.match(v.body, h.end):
            continue   # "HLI Green Power, a joint venture led by LGES and Hyundai": the venture itself
        w0 = max(0, h.start - 20)
        before = v.body[w0: h.start].rstrip(" ,(")
        if any(m.end() == len(before) for m in named.finditer(before)):
            continue
        lm = [w0 + m.start() for m in listed.finditer(before) if m.end() == len(before)]
        if lm and venture.search(v.body[max(0, lm[0] - 60): lm[0]]):
            continue
        out.append(h)
    return out


def _aliases_out(v: DocView, hits: list[Hit]) -> list[Hit]:
    """Without a short name in brackets right after a party ("Singapore Telecommunication
    Limited (Singtel)", "Indosat Ooredoo Hutchison (IOH)", also when the tagger left the
    name's last word out: "Institut Teknologi Sepuluh November (ITS)"): the same party twice; and
    without the venture being named, with its short name ("yaitu Foxconn Indika Motor (FIM)")."""
    kept = {id(h) for h in _ventures_out(v, hits)}
    out: list[Hit] = []
    prev: Hit | None = None
    for h in hits:
        bracketed = prev is not None and re.fullmatch(r"(?:\s+[A-Z][\w-]*)?\s*\(\s*", v.body[prev.end:h.start]) and v.body[h.end:h.end + 1] == ")"
        if bracketed:
            if out and out[-1] is prev and prev.entity.id.startswith("new:") and not h.entity.id.startswith("new:"):
                out[-1] = h   # the name the knowledge base knows
            prev = h if id(prev) in kept else prev
            continue
        prev = h
        if id(h) in kept:
            out.append(h)
    return out


def _with_partner(v: DocView, s, m, partner: Hit) -> bool:
    """The cue takes its partner as an object ("bekerja sama dengan X", "menggandeng X",
    "teamed up with X"), so the subject left unsaid is an organisation named before."""
    lx = load("partnership")
    between = v.body[s.start + m.end(): partner.start]
    if rx(tuple(lx.get("both_words", []))).search(s.text[:m.start()]):
        return False   # "kedua perusahaan menandatangani ...", "keduanya": the parties are elsewhere
    if rx(tuple(lx.get("transitive_cues", []))).fullmatch(m.group(0)):
        return len(between) <= 40
    return bool(re.search(r"(?<![\w-])(?:dengan|with|bersama)(?![\w-])", between, re.I)) and len(between) <= 60


IMPLICIT_MAX = _T["implicit_max"]   # partners after "dengan" for a subject left unsaid; a longer list is too loose
GROUP_AHEAD = _T["group_ahead"]   # sentences after "dengan empat perusahaan" where the four may be named


def _count(text: str) -> tuple[re.Match | None, int | None]:
    """A group of unnamed partners ("empat perusahaan", "20 companies", "beberapa mitra")
    and its size when the text gives it."""
    lx = load("partnership")
    nums = lx["group_counts"]
    alt = "|".join(re.escape(w) for w in sorted(nums, key=len, reverse=True))
    nouns = "|".join(re.escape(w) for w in sorted(lx["group_nouns"], key=len, reverse=True))
    m = re.search(rf"(?<![\w-])(?P<n>\d+|{alt})\s+(?:\w+\s+)?(?:{nouns})(?![\w-])", text, re.I)
    if not m:
        return None, None
    n = m.group("n").lower()
    return m, int(n) if n.isdigit() else nums.get(n) if isinstance(nums, dict) else None


def _group(v: DocView, s, m, before: list[Hit], after: list[Hit]) -> list[Fact]:
    """An agreement with a group the sentence counts but does not name ("PLN menggandeng
    empat perusahaan ...", "Lima perusahaan menandatangani kerja sama dengan X"), whose
    members the next sentences list ("Keempat perusahaan tersebut yaitu A, B, C dan D"):
    one fact per member with the named side, and the joint one."""
    lx = load("partnership")
    if before and not after:
        gm, want = _count(s.text[m.end():])
        anchor = before[-1]
    elif not before and len(after) == 1:
        gm, want = _count(s.text[:m.start()])
        anchor = after[0]
    else:
        return []
    if gm is None:
        return []
    refs = rx(tuple(lx["group_refs"]))
    i = v.sentence_index(s)
    members: list[Hit] = []
    started, evidence = False, None
    for nxt in v.sentences[i + 1: i + 1 + GROUP_AHEAD]:
        hs = [h for h in _unique(_aliases_out(v, acting(v, _orgs_in(v, nxt.start, nxt.end))))
              if h.entity.id != anchor.entity.id and h.entity.id not in {x.entity.id for x in members}]
        if not started and not (hs and refs.search(nxt.text)):
            continue
        if started and not (hs and (refs.search(nxt.text) or rx(tuple(lx["list_goes_on"])).search(nxt.text))):
            break
        started, evidence = True, evidence or nxt
        members += hs
        if want and len(members) >= want:
            break
    if not members:
        return []
    status = _status(s.text, m.start())
    groups = [[anchor, h] for h in members] + ([[anchor, *members]] if len(members) > 1 else [])
    return [Fact(type="PARTNERSHIP", args={"parties": [h.entity.name for h in g], "purpose": None},
                 status=status, evidence=[v.evidence(s)]) for g in groups]


def _unnamed_partner(v: DocView, s, m) -> bool:
    """The cue's partner is a group no name is given for ("dengan bank-bank besar")."""
    tail = s.text[m.end():]
    w = re.match(r"\s*(?:dengan|with)\b", tail, re.I)
    if not w:
        return False
    end = re.search(r"[,;.]|$", tail[w.end():]).start() + w.end()
    return not _orgs_in(v, s.start + m.end(), s.start + m.end() + end)


def _referent(v: DocView, s, exclude: set[str]) -> Hit | None:
    """The organisation an anaphor before the cue stands for ("Pihaknya menggandeng X",
    "Perseroan akan membentuk JV dengan Y"): the organisation the article names most."""
    i = v.sentence_index(s)
    for prev in reversed(v.sentences[max(0, i - REFERENT_BACK):i]):
        hs = [h for h in _unique(acting(v, _orgs_in(v, prev.start, prev.end))) if h.entity.id not in exclude
              and not any(_same_name(h.entity.name, e.name) for e in v.wd.doc.entities if e.id in exclude)]
        if hs:
            return hs[0]
    counts: dict[str, list[Hit]] = {}
    for h in v.hits:
        if h.entity.type == "ORG" and h.entity.id not in v.media and h.entity.id not in exclude and is_party(h) \
                and not any(_same_name(h.entity.name, e.name) for e in v.wd.doc.entities if e.id in exclude):
            counts.setdefault(h.entity.id, []).append(h)
    if not counts:
        return None
    best = max(counts.values(), key=lambda hs: (len(hs), -hs[0].start))
    return best[0] if len(best) >= 2 else None


def candidates(v: DocView) -> list[Fact]:
    """What the rules find, one fact per party set: a restated deal is the same fact."""
    out: list[Fact] = []
    seen: set[frozenset] = set()
    for f in _extract(v):
        key = frozenset(f.args["parties"])
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def extract(v: DocView) -> list[Fact]:
    """The rules' candidates the learned check keeps (partnership_filter)."""
    return partnership_filter.keep(v, candidates(v))


def _extract(v: DocView) -> list[Fact]:
    facts: list[Fact] = []
    cue = cue_rx("partnership")
    joint = cue_rx("partnership", "joint_cues")
    anaphor = cue_rx("partnership", "anaphors")
    supporter = cue_rx("partnership", "supporters")
    besides = re.compile(r"\s*(?:%s)\b" % "|".join(map(re.escape, load("partnership")["besides"])), re.I)
    for s in v.sentences:
        taken: set[str] = set()
        jm = _cue(v, s, joint)
        if jm:
            members = _joint(v, s, jm)
            if len(members) < 2:   # "XL Axiata dan Smartfren resmi merger": members before the cue
                before = _unique(_aliases_out(v, acting(v, _orgs_in(v, s.start, s.start + jm.start()))))
                gap = s.text[before[-1].end - s.start: jm.start()] if before else ""
                if len(before) >= 2 and len(gap) <= JOINT_GAP and not re.search(r"[,;:]", gap):
                    members = before
            if len(members) >= 2:
                facts.append(Fact(type="PARTNERSHIP", args={"parties": [h.entity.name for h in members],
                                                            "purpose": jm.group(0).lower() if jm.group(0).lower().startswith(("merg", "pengg")) else None},
                                  status=_status(s.text, jm.start()), evidence=[v.evidence(s)]))
                taken = {h.entity.id for h in members}
        m = _cue(v, s, cue)
        if not m or (taken and m.start() > jm.start()):
            continue   # a merger's members are its parties; a cue before it may have its own ("A dan B meneken MoU untuk menjajaki penggabungan C dan D")
        members = _between(v, s, m)
        if len(members) >= 2:   # "kerja sama antara A dan B": whoever speaks of it is no party
            facts.append(Fact(type="PARTNERSHIP", args={"parties": [h.entity.name for h in members], "purpose": None},
                              status=_status(s.text, m.start()), evidence=[v.evidence(s)]))
            continue
        orgs = _unique(_aliases_out(v, acting(v, _orgs_in(v, s.start, s.start + jm.start() if taken else s.end))))
        at = s.start + m.start()
        before = [h for h in orgs if h.start < at]
        after = [h for h in orgs if h.start >= at]
        if before and after and supporter.search(s.text[before[-1].end - s.start: m.start()]) \
                and not re.search(r"(?<![\w-])(?:dengan|with)(?![\w-])", v.body[s.start + m.end(): after[0].start], re.I):
            before, orgs = [], after   # "Kementerian X mendukung kerja sama A dan B": the supporter is no party
        group = _group(v, s, m, before, after)
        if group:
            facts += group
            continue
        implicit = 0 < len(after) <= IMPLICIT_MAX and _with_partner(v, s, m, after[0]) and not besides.match(s.text)
        if not before and (anaphor.search(s.text[:m.start()]) or implicit):
            ref = _referent(v, s, {h.entity.id for h in after})
            if ref is not None:
                before, orgs = [ref], [ref, *after]
        if len(orgs) < 2:
            continue
        if not after and len(before) >= 2 and _unnamed_partner(v, s, m):
            continue   # "A dan B mengincar kerja sama dengan bank-bank besar": A and B are no pair
        rel = rx(tuple(load("partnership")["relative_words"])).search(s.text, m.end())
        if rel and after and after[0].start < s.start + rel.start():
            after = [h for h in after if h.start < s.start + rel.start()]   # "menggandeng X yang disebut ... Y": Y describes X
            orgs = [*before, *after]
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
