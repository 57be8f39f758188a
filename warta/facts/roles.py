"""ROLE: a person, a title and the organisation it belongs to, written in any of the
usual orders:
  title first   "Direktur Retail PLN Budi Santoso", "Chairman of Contoh Group, Jane Roe"
  org first     "Contoh Bank president Jane Roe", "Contoh's chief executive Jane Roe"
  name first    "Jane Roe, CEO of Contoh", "Budi selaku Direktur Utama Contoh"
  ministers     "Menteri Perindustrian Budi" -> the ministry "Kementerian Perindustrian"
                as the knowledge base names it; contractions ("Menkeu") written out first.
"""
from __future__ import annotations

import re
from functools import lru_cache

from warta.facts.context import DocView, Hit
from warta.facts.names import People, alt, is_name_token, lexicon, name_at, name_ending, phrases
from warta.facts.role_near import near_roles
from warta.facts.role_orgs import OrgFinder, _Org, org_name, role_words, skip_after_org, title_rx
from warta.model import Fact

_LINKS = lexicon()["apposition_links"]      # warta/data/facts/people.yaml
CONNECT = re.compile(rf"(?:,\s*(?:the\s+|a\s+|an\s+)?|,?\s+(?:{phrases(_LINKS)})\s+(?:the\s+)?)$", re.I)
STRONG = re.compile(alt({w.split()[0] for w in _LINKS}), re.I)
CONNECT_AHEAD = re.compile(rf"\s*,?\s*(?:{alt(w for w in _LINKS if ' ' not in w)})\b", re.I)


@lru_cache(maxsize=1)
def _minister_en_rx() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:(?:Deputy|Vice)\s+)?(?P<t>{alt(lexicon()['minister_en'])})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _minister_rx() -> re.Pattern:
    lx = lexicon()
    return re.compile(rf"(?<![\w-])(?P<t>{alt(list(lx['minister_short']) + list(lx['ministers']))})(?![\w-])")


class _Roles(OrgFinder):
    """The role patterns over one document; the organisations come from OrgFinder."""

    def _person_at(self, at: int, end: int) -> tuple[int, int, str] | None:
        m = skip_after_org().match(self.body, at)
        at = m.end() if m else at
        if at in self.pending and self.pending[at][0] <= end:
            pe, surface = self.pending[at]
            return at, pe, self.people.add(at, pe, surface)
        for p in self.people.spans:
            if at <= p.start <= at + 1 and p.end <= end:
                return p.start, p.end, p.name
        nm = name_at(self.body, at)
        if nm and re.match(r"\s+[A-Z(]", self.body[nm[1]:nm[1] + 2]):
            return None     # "Bersama Indonesia (AFPI)": the name ran on into an organisation
        if nm and nm[1] <= end and not self._blocked(*nm) and self._not_org(self.body[nm[0]:nm[1]]):
            return nm[0], nm[1], self.people.add(nm[0], nm[1], self.body[nm[0]:nm[1]])
        return None

    def _person_ending(self, end: int, floor: int, strong: bool = False) -> tuple[int, int, str] | None:
        """The person named right before `end`; where `strong` ("Budi selaku Direktur ..."), a
        name the NER took for an organisation or place it does not know counts as well."""
        for p in reversed(self.people.spans):
            if p.end == end and p.start >= floor:
                return p.start, p.end, p.name
        nm = name_ending(self.body, end, 4, self.block)
        if nm and nm[0] >= floor and self._not_org(self.body[nm[0]:nm[1]]):
            return nm[0], nm[1], self.people.add(nm[0], nm[1], self.body[nm[0]:nm[1]])
        if strong:
            nm = name_ending(self.body, end, 4, self.kb_block)
            if nm and nm[0] >= floor and len(self.body[nm[0]:nm[1]].split()) >= 2 and self._not_kb_org(self.body[nm[0]:nm[1]]):
                return nm[0], nm[1], self.people.add(nm[0], nm[1], self.body[nm[0]:nm[1]])
        return None

    def _ministry(self, ministry: str) -> list[dict]:
        """The ministry's entry: as written where people.yaml keeps the name, else the knowledge base's."""
        lx = lexicon()
        if ministry in lx["ministry_names"]:
            return [{"name": lx["ministry_names"][ministry], "type": "ORG"}]
        ministry = lx["ministry_aliases"].get(ministry, ministry)
        found = [e for e in self.kb.lookup(ministry) if e.get("type") == "ORG"]
        if not found and ministry.startswith("Kementerian Bidang "):
            # "Menteri Bidang Perekonomian": only the coordinating ministries have fields
            return self._ministry(ministry.replace("Kementerian Bidang ", "Kementerian Koordinator Bidang ", 1))
        return found

    def minister_en(self, s) -> list[tuple[str, str, str, int]]:
        """"Coordinating Minister for Economic Affairs Airlangga", "SOE minister Erick Thohir",
        "Budi, Minister of Investment": an English minister's title and the name beside it."""
        out = []
        lx = lexicon()
        table = {k.lower(): v for k, v in lx["minister_en"].items()}
        for m in _minister_en_rx().finditer(self.body, s.start, s.end):
            hit = self._ministry(table[m.group("t").lower()])
            if not hit:
                continue
            p = self._person_at(m.end(), s.end)
            if p is None:
                before = CONNECT.search(self.body, s.start, m.start())
                if before:
                    p = self._person_ending(before.start(), s.start)
            if p is not None:
                out.append((p[2], m.group(0), hit[0]["name"], p[0]))
        return out

    def minister(self, m: re.Match, end: int):
        """"Menteri Perindustrian Budi": the ministry by the knowledge base, and the name after it."""
        lx = lexicon()
        body = self.body
        title = m.group("t")
        full = lx["minister_short"].get(title, title)
        head = next(k for k in sorted(lx["ministers"], key=len, reverse=True) if full.startswith(k))
        words_in_title = full[len(head):].split()
        rest = list(re.finditer(r"\S+", self.body[m.end():end]))
        toks = [t.group(0) for t in rest]
        for k in range(min(len(toks), 7), -1, -1):
            words = words_in_title + [t for t in toks[:k]]
            if not words or any(w.startswith("(") for w in toks[:k]):
                continue
            ministry = " ".join([lx["ministers"][head], *words]).strip(" ,")
            hit = self._ministry(ministry)
            if hit:
                after = m.end() + (rest[k - 1].end() if k else 0)
                roman = re.match(r"\s+(?:I{1,3}|IV|V)(?=[\s,])", self.body[after:end])
                after += roman.end() if roman else 0      # "Wakil Menteri BUMN I, Budi"
                p = self._person_at(after, end)
                k = skip_after_org().match(body, after)      # "Menteri BUMN (BUMN) Republik Indonesia (RI) Budi"
                after = k.end() if k and k.end() <= end else after
                country = next((h for h in self.orgs if h.entity.type == "PLACE" and 0 <= h.start - after <= 2), None)
                if not p and country:      # "Menteri X Indonesia, Budi"
                    p = self._person_at(country.end, end)
                if p:
                    return p, hit[0]["name"], " ".join([head, *words])
                return None
        return self._unknown_ministry(m, head, words_in_title, rest, end)

    def _unknown_ministry(self, m, head, words_in_title, rest, end):
        """"Menteri Riset, Teknologi dan Pendidikan Tinggi, Budi": a ministry the knowledge base does
        not hold, named by the capitalised words of the title up to the comma before the name."""
        lx = lexicon()
        if not head.startswith(("Menteri", "Wakil Menteri")):
            return None
        words = list(words_in_title)
        for t in rest[:8]:
            w = t.group(0)
            core = w.rstrip(",")
            person = self.people.hit_at(m.end() + t.start(), m.end() + t.end() + 60)
            if person is not None and person.start == m.end() + t.start() and len(words) > len(words_in_title) \
                    and words[-1] not in ("dan", "&") and words[0] in ("Bidang", "Urusan"):
                # "Menko Bidang Kemaritiman Luhut": the ministry's field words, then the name
                return (person.start, person.end, person.name), " ".join([lx["ministers"][head], *words]), " ".join([head, *words])
            if not (core[:1].isupper() or core in ("dan", "&")) or self.people.hit_at(m.end() + t.start(), m.end() + t.end()):
                break
            words.append(core)
            if w.endswith(","):
                after = m.end() + t.end()
                p = self._person_at(after, end)
                if p and len(words) >= 1 and words[-1] not in ("dan", "&"):
                    return p, " ".join([lx["ministers"][head], *words]), " ".join([head, *words])
                break
        return None

    def sentence(self, s) -> list[tuple[str, str, str, int]]:
        out = []
        body = self.body
        ministers = {}
        for m in _minister_rx().finditer(body, s.start, s.end):
            got = self.minister(m, s.end)
            if got:
                p, org, role = got
                out.append((p[2], role, org, p[0]))
                ministers[m.start()] = True
        not_after = re.compile(rf"(?:{alt(lexicon()['not_after'])})\s+$", re.I)
        place_titles = {t.lower() for t in lexicon()["place_titles"]}
        last_end = None
        for m in title_rx().finditer(body, s.start, s.end):
            joined, last_end = last_end is not None and not body[last_end:m.start()].strip(), m.end()
            if joined and len(m.group(0).split()) == 1:
                continue    # "Group Chief Executive" + "Officer": one title
            if m.start() in ministers or not_after.search(body, max(s.start, m.start() - 20), m.start()):
                continue
            org = self.org_after(m.end(), s.end, places=m.group(0).lower() in place_titles)
            if org is None or (org.entity.type == "PLACE" and m.group(0).lower() not in place_titles):
                continue
            role = body[m.start():org.start].strip(" ,")
            role = re.sub(r"\s+(?:of|at|di|dari)$", "", role)
            before = CONNECT.search(body, s.start, m.start())
            person = None
            if before:
                person = self._person_ending(before.start(), s.start, strong=bool(STRONG.search(before.group(0))))
            org = self._last_org(org, s.end)
            role = body[m.start():org.start].strip(" ,")
            role = re.sub(r"\s+(?:of|at|di|dari)$", "", role)
            known_after = any(p.start == org.end + 1 for p in self.people.spans)
            after = self._person_at(org.end, s.end)
            if after and CONNECT_AHEAD.match(body, after[1]):
                after = None    # "Budi selaku Direktur X": that name has a title of its own
            if after and person and not known_after and len(after[2].split()) == 1 \
                    and re.match(r"[.,;]|\s*$", body[after[1]:s.end]):
                # "Budi, Group CEO Sinar Mas Land.": the word the NER left out is the organisation's
                org = Hit(org.start, after[1], body[org.start:after[1]], _Org("", body[org.start:after[1]]))
                self.people.drop(after[0])
                after = None
            if after and (person is None or not body[org.end:after[0]].strip(" ").startswith(",")):
                person = after
            if person:
                out.append((person[2], role, org_name(self, org), person[0]))
        for m in _role_org_first(body, s, self):
            out.append(m)
        out += self.minister_en(s)
        out += self.heads_of_state(s)
        return out

    def heads_of_state(self, s) -> list[tuple[str, str, str, int]]:
        """"Presiden Budi" with no country: the country of the person's role in the knowledge base."""
        lx = lexicon()
        out = []
        rx = re.compile(rf"(?<![\w-])(?:{alt(lx['heads_of_state'])}|{alt(w.lower() for w in lx['heads_of_state'])})\s+$")
        for p in self.people.spans:
            if not (s.start <= p.start and p.end <= s.end) or not rx.search(self.body, max(s.start, p.start - 25), p.start):
                continue
            title = rx.search(self.body, max(s.start, p.start - 25), p.start).group(0).strip()
            eq = {k.lower(): v.lower() for k, v in lx["head_equivalents"].items()}
            want = {title.lower(), eq.get(title.lower(), title.lower())}
            for e in self.kb.lookup(p.name):
                if e.get("type") != "PERSON":
                    continue
                for r in e.get("roles", []):
                    if r.get("role", "").lower() in want or any(w in r.get("role", "").lower() for w in want):
                        out.append((e["name"], title, r.get("org") or lx["home_country"], p.start))
        return out


def _role_org_first(body: str, s, r: _Roles):
    """"Contoh Bank president Jane Roe": an organisation, title words only, then the name."""
    for h in r.orgs:
        if not (s.start <= h.start and h.end <= s.end):
            continue
        i = h.end
        m = re.match(r"(?:’s|'s)?", body[i:])
        i += m.end()
        toks = list(re.finditer(r"\S+", body[i:s.end]))
        n, last, titled = 0, i, False
        for t in toks:
            w = t.group(0)
            core = w.rstrip(",")
            if core.lower() in role_words():
                n += 1
                last = i + t.start() + len(core)
                titled = titled or bool(title_rx().fullmatch(core))
                if core != w:
                    break       # "Contoh's chief financial officer, Jane Roe"
                continue
            break
        joiners = {j.lower() for j in lexicon()["role_joiners"]}
        if not n or n > 6 or not title_rx().search(body[i:last]) or body[i:last].split()[-1].lower() in joiners:
            continue
        p = r._person_at(last, s.end)
        before = CONNECT.search(body, s.start, h.start)
        if not p and before:
            p = r._person_ending(before.start(), s.start)
        if p:
            yield p[2], body[i:last].strip(), org_name(r, h), p[0]


def roles(v: DocView, people: People | None = None) -> list[Fact]:
    people = people or People(v)
    r = _Roles(v, people)
    facts, seen = [], set()
    for s in v.sentences:
        for person, role, org, at in r.sentence(s):
            if not person or person == org or not is_name_token(person.split()[0]) \
                    or not any(len(t.strip(".")) > 1 for t in person.split()):
                continue
            key = (person, org)
            if key in seen:
                continue
            seen.add(key)
            people.titles.append((at, role, org, person))
            facts.append(Fact(type="ROLE", args={"person": person, "role": role, "org": org},
                              status=None, certainty=None, evidence=[v.evidence(s)]))
    have = {f.args["person"] for f in facts}
    for s in v.sentences:
        for person, role, org, at in near_roles(r, s, have):
            if not is_name_token(person.split()[0]) or person == org or (person, org) in seen:
                continue
            seen.add((person, org))
            people.titles.append((at, role, org, person))
            facts.append(Fact(type="ROLE", args={"person": person, "role": role, "org": org},
                              status=None, certainty=None, evidence=[v.evidence(s)]))
    return facts
