"""INVESTMENT: an investment cue bound to the amount of its clause and the
organisation that invests it.

- One amount with its conversion or a range is one amount (warta.facts.money).
- An amount belongs to an investment when an investment or acquisition cue stands
  before it in its clause (or right after it: "a $2 billion investment"), or when
  it is the price or cost of a project, a facility or a deal the sentence speaks of
  ("pabrik ... senilai US$ 4,5 miliar", "a $4 billion plant", "would cost $2.1
  billion").
- The investor is the organisation named last before the amount or cue, except
  where the sentence says who the money comes from ("menerima investasi dari X",
  "raised ... from X", "diakuisisi oleh X"); a sentence that names no investor
  takes the investor of the investment talked of just before.
- An acquisition or stake purchase ("mengakuisisi 40 persen saham X") is an
  investment by the buyer.
- The status is read first from the words before the cue in its clause ("berencana
  untuk menginvestasikan", "telah berkomitmen untuk"), then from the sentence.
Words in warta/data/facts/investment.yaml."""
from __future__ import annotations

import re

from warta import datafiles
from warta.facts.context import DocView, Hit
from warta.facts.lexicon import load, rx, status_of
from warta.facts.money import Amount, amounts
from warta.facts.parties import acting, is_party
from warta.model import Fact

TARGET = re.compile(r"^\s*(?:dalam|di|untuk|pada|ke|in|into|for|on)\s+(?P<t>[^,.;]{3,80})", re.I)
CLAUSE_BREAK = re.compile(r";|\.\s|\s(?:sementara|sedangkan|while|whereas)\s", re.I)

# distances in characters (warta/data/thresholds.yaml facts.investment)
_T = datafiles.load("thresholds.yaml")["facts"]["investment"]
NEAR = _T["amount_after_cue"]                   # an amount this close after an investment cue, in its clause
NEAR_ACQUISITION = _T["amount_after_acquisition"]
NEAR_BOUND = _T["bound_before_amount"]
NEAR_AFTER = _T["cue_after_amount"]


def _lx() -> dict:
    return load("investment")


def _government(v: DocView, h: Hit) -> bool:
    return (v.kb_entry(h.entity) or {}).get("kind") in ("government",)


def _candidates(v: DocView, start: int, end: int) -> list[Hit]:
    """Organisations that can invest, without a parent named in a longer apposition
    ("PT Pertamina Geothermal Energy, a unit of the state energy company PT Pertamina, ...")."""
    parent = rx(tuple(load("parties")["parent_cues"]))
    out = []
    for h in acting(v, v.entities_in(start, end)):
        if not is_party(h):
            continue
        if out and parent.search(v.body, out[-1].end, h.start) and v.body[out[-1].end:h.start].lstrip().startswith(",") \
                and h.start - out[-1].end < 80:
            continue
        out.append(h)
    return out


def _investor_before(v: DocView, start: int, upto: int) -> Hit | None:
    """The organisation named last before `upto` in the sentence; a government or
    ministry only when no company is named."""
    not_before = re.compile(rf"(?:{rx(tuple(_lx()['not_investor_before'])).pattern})\s+(?:[\w-]+\s+){{0,2}}$", re.I)
    orgs = [h for h in _candidates(v, start, upto) if not not_before.search(v.body[max(start, h.start - 30):h.start])]
    firms = [h for h in orgs if not _government(v, h)]
    return (firms or orgs)[-1] if orgs else None


def _source_after(v: DocView, s, at: int) -> list[Hit]:
    """Who the money comes from, when the sentence says so after `at`: "menerima
    investasi ... dari X dan Y", "raised $X from Y", "led by Y", "diakuisisi oleh Y"."""
    lx = _lx()
    m = rx(tuple(lx["source_preps"])).search(v.body, at, s.end)
    if not m or CLAUSE_BREAK.search(v.body[at:m.start()]) or m.start() - at > 120:
        return []
    out, pos = [], m.end()
    for h in _candidates(v, m.end(), s.end):
        gap = v.body[pos:h.start]
        if len(gap) > 40 or (out and not re.fullmatch(r"[\s,]*(?:dan|and|serta|,)?[\s,]*(?:\(\w+\)\s*)?", gap)):
            break
        out.append(h)
        pos = h.end
    return out


def _status(v: DocView, s, cue_start: int) -> str:
    """The status the words before the cue in its clause give, else the sentence's."""
    lx = _lx()
    text = s.text
    if rx(tuple(lx["status"]["cancelled"])).search(text):
        return "cancelled"
    rel = cue_start - s.start
    left = text[:rel]
    br = list(CLAUSE_BREAK.finditer(left))
    left = left[br[-1].end():] if br else left
    left = left[-80:]
    found = {st for st, words in lx["status"].items() if st != "cancelled" and rx(tuple(words)).search(left)}
    for st in lx["local_priority"]:
        if st in found:
            return st
    return status_of("investment", text)


def _target(v: DocView, s, at: int, acquisition: bool) -> str | None:
    if acquisition:
        orgs = v.entities_in(at, s.end)
        if orgs and v.body.count(",", at, orgs[0].start) == 0:
            return orgs[0].entity.name
        m = re.match(r"\s*(?P<t>[^,.;]{3,80})", v.body[at:s.end])
        return m.group("t").strip() if m else None
    tm = TARGET.search(v.body[at:s.end])
    return tm.group("t").strip() if tm else None


def _fact(investors: list[Hit], amount: Amount | None, target, status, s, v) -> Fact:
    names = list(dict.fromkeys(h.entity.name for h in investors))
    args = {"investor": names[0], "amount": amount.as_arg() if amount else None, "target": target}
    if len(names) > 1:
        args["investors"] = names
    if amount and amount.alt:
        args["amount_alt"] = amount.alt_arg()
    flags = ["range"] if amount and amount.range else []
    return Fact(type="INVESTMENT", args=args, status=status, evidence=[v.evidence(s)], flags=flags)


def extract(v: DocView) -> list[Fact]:
    facts: list[Fact] = []
    lx = _lx()
    inv_rx = rx(tuple(lx["cues"]))
    acq_rx = rx(tuple(lx["acquisition_cues"]))
    passive_rx = rx(tuple(lx["passive_acquisition_cues"]))
    receive_rx = rx(tuple(lx["receive_cues"]))
    bound_rx = rx(tuple(lx["bound_cues"]))
    project_rx = rx(tuple(lx["project_words"]) + tuple(w for ws in load("facility")["kinds"].values() for w in ws))
    not_inv = rx(tuple(lx["not_investment"]))
    partner_rx = rx(tuple(load("partnership")["cues"]))
    anaphor_rx = rx(tuple(lx["investor_anaphors"]))
    last: list[Hit] = []          # the investors of the investment talked of last
    last_i = -10
    for i, s in enumerate(v.sentences):
        cues = [(m, "inv") for m in inv_rx.finditer(s.text)] + [(m, "acq") for m in acq_rx.finditer(s.text)] + \
               [(m, "passive") for m in passive_rx.finditer(s.text)]
        cues.sort(key=lambda c: c[0].start())
        project = project_rx.search(s.text)
        bounds = list(bound_rx.finditer(s.text)) if project or cues else []
        if not cues and not bounds and not project:
            continue
        used = False
        for a in amounts(v.values_in(s.start, s.end, ("MONEY",)), v.body):
            rel, rel_end = a.start - s.start, a.end - s.start
            if not_inv.search(s.text[max(0, rel - 30):rel]):
                continue

            def clause_ok(x: int, y: int, text: str = s.text) -> bool:
                return not CLAUSE_BREAK.search(text[x:y])
            near = [(c, k) for c, k in cues if c.start() < rel and rel - c.end() < (NEAR if k == "inv" else NEAR_ACQUISITION)
                    and clause_ok(c.end(), rel)]
            after = [(c, k) for c, k in cues if c.start() >= rel_end and c.start() - rel_end < NEAR_AFTER and k == "inv"]
            bound = [b for b in bounds if b.start() < rel and rel - b.end() < NEAR_BOUND and clause_ok(b.end(), rel)]
            if not (near or after or bound):
                # "a $4.5bn nickel processing plant": the amount right before a facility or project
                m = project_rx.search(s.text, rel_end, min(len(s.text), rel_end + 40))
                if not (m and re.fullmatch(r"\)?[\s\w-]{0,30}", s.text[rel_end:m.start()])):
                    continue
            if not (near or after) and not_inv.search(s.text[max(0, rel - 60):rel]):
                continue    # "penjualan merchandise regional X sebesar ...": a value, not an investment
            # "investasi TikTok pada marketplace ... sebesar US$1,5 miliar": the investor named right after the noun
            gcue = near[-1][0] if near and near[-1][1] == "inv" else next(
                (c for c, k in reversed(cues) if k == "inv" and c.end() <= rel and rel - c.end() < NEAR_ACQUISITION
                 and clause_ok(c.end(), rel)), None)
            if not (near or after or gcue) and partner_rx.search(s.text):
                continue    # the value of a joint project ("teamed up with X to build ... worth $Y"), no investment stated
            cue, kind = (near[-1] if near else after[0] if after else (None, None))
            cue_at = s.start + (cue.start() if cue is not None else (bound[-1].start() if bound else rel))
            investors: list[Hit] = []
            received = False
            if kind == "passive":
                investors = _source_after(v, s, s.start + cue.end()) or \
                    ([h] if (h := next(iter(_candidates(v, s.start + cue.end(), s.end)), None)) else [])
            elif receive_rx.search(s.text[:rel]) or receive_rx.search(s.text[:cue_at - s.start]):
                # the subject receives the money: the investor is only the source the sentence names
                investors, received = _source_after(v, s, a.end), True
            if not investors and kind == "acq" and (by := _buyer_by(v, s, s.start + cue.end())):
                investors = by
            if not investors and gcue is not None and not received and (g := _genitive(v, s, s.start + gcue.end(), a.start)):
                investors = g
            if not investors and not received:
                # the organisation before the cue (the subject), else the one before the amount
                h = _investor_before(v, s.start, s.start + cue.start()) if cue is not None else None
                if h is None and kind != "acq":
                    h = _investor_before(v, s.start, a.start)
                investors = [h] if h else []
                if h is not None and kind != "acq":
                    # "nilai investasi Antam dan CATL": the organisations named together before it
                    investors = _joint(v, s, h)
            if not investors and last and i - last_i <= 2:
                investors = last
            if not investors and not received and i > 0 and (near or after) and (anaphor_rx.search(s.text[:rel])
                                                                 or not partner_rx.search(v.sentences[i - 1].text)):
                # "These companies will be building houses ... with an investment of US$862 million."; not the
                # value of a joint venture just agreed ("X dan Y menandatangani kesepakatan usaha patungan ...
                # Nilai investasi proyek itu ..."): that is the partnership's
                investors = _candidates(v, v.sentences[i - 1].start, v.sentences[i - 1].end)[:5]
            if not investors:
                continue
            status = _status(v, s, cue_at)
            facts.append(_fact(investors, a, _target(v, s, a.end, False), status, s, v))
            last, last_i = investors, i
            used = True
        if used or not cues:
            continue
        c, kind = cues[0]
        by = _buyer_by(v, s, s.start + c.end()) if kind == "acq" else []
        if by:
            investors = by
        elif kind == "passive":
            investors = _source_after(v, s, s.start + c.end())
        elif receive_rx.search(s.text[:c.start()]):
            investors = _source_after(v, s, s.start + c.end())
        else:
            h = _investor_before(v, s.start, s.start + c.start())
            investors = [h] if h else []
        if not investors or not_inv.search(s.text):
            continue
        target = _target(v, s, s.start + c.end(), kind == "acq")
        if target:
            facts.append(_fact(investors[:1], None, target, _status(v, s, s.start + c.start()), s, v))
            last, last_i = investors[:1], i
    return _dedupe(facts)


def _buyer_by(v: DocView, s, at: int) -> list[Hit]:
    """"akuisisi PT Tokopedia oleh TikTok", "the acquisition of X by Y": the buyer named after "oleh" / "by"."""
    m = rx(tuple(_lx()["buyer_preps"])).search(v.body, at, min(s.end, at + 80))
    if not m or CLAUSE_BREAK.search(v.body[at:m.start()]):
        return []
    h = next(iter(_candidates(v, m.end(), min(s.end, m.end() + 40))), None)
    return [h] if h else []


def _genitive(v: DocView, s, at: int, upto: int) -> list[Hit]:
    """"investasi TikTok pada marketplace ... sebesar", "nilai investasi Antam dan CATL": the
    organisations named right after the investment noun, before the amount."""
    first = next(iter(_candidates(v, at, upto)), None)
    if first is None or v.body[at:first.start].strip():
        return []
    out = [first]
    for h in _candidates(v, first.end, upto):
        if not re.fullmatch(r"\s*(?:,|dan|and|serta|&)\s*(?:dan|and)?\s*", v.body[out[-1].end:h.start]):
            break
        out.append(h)
    return out


def _joint(v: DocView, s, h: Hit) -> list[Hit]:
    """`h` with the organisations named just before it and joined to it by "dan" / "and"."""
    out = [h]
    links = "|".join(re.escape(w) for w in sorted(_lx()["joint_links"], key=len, reverse=True))
    cands = _candidates(v, s.start, h.start)
    pos = h.start
    for g in reversed(cands):
        gap = v.body[g.end:pos]
        if not re.fullmatch(rf"[\s()]*(?:\([^)]{{1,20}}\))?(?:[\s()]*(?:{links}))*[\s()]*", gap, re.I):
            break
        out.insert(0, g)
        pos = g.start
    return out


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per investor and amount (the same amount restated in another sentence
    adds its evidence); an investment without an amount is one fact per investor, and
    none where the same investor's investment has its amount."""
    with_amount = {f.args["investor"] for f in facts if f.args.get("amount")}
    seen: set = set()
    out: list[Fact] = []
    for f in facts:
        inv = f.args["investor"]
        amt = f.args.get("amount")
        if amt is None:
            if inv in with_amount or inv in seen:
                continue
            seen.add(inv)
            out.append(f)
            continue
        dup = next((g for g in out if g.args["investor"] == inv and g.args.get("amount")
                    and _same(g.args, amt["value"])), None)
        if dup is not None:
            if f.status == "cancelled":
                dup.status = "cancelled"
            dup.evidence.extend(e for e in f.evidence if e not in dup.evidence)
            continue
        out.append(f)
    return out


def _same(args: dict, x: float) -> bool:
    vals = [args["amount"]["value"]] + ([args["amount_alt"]["value"]] if args.get("amount_alt") else [])
    return any(abs(float(v) - float(x)) <= 0.01 * max(abs(float(x)), 1) for v in vals)
