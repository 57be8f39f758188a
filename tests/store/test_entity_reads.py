"""An entity's profile, partners and facts page read by aggregate queries: what they show
of an entity with more facts than a page lists (counts of all of them, the first of each
type, the newest partnerships, the timeline's latest entries, a page with its total),
with analysts' rejections applied, on SQLite and on PostgreSQL."""
from __future__ import annotations

from sqlalchemy import update

from warta.model import Document, Entity, Evidence, Fact, Mention, Metadata
from warta.store import browse as B
from warta.store import models as M
from warta.store import queries as Q
from warta.store.ingest import store_document

NAMES = {"a": "Alfa Daya", "b": "Bumi Karya", "c": "Cahaya Logam", "d": "Dharma Niaga", "e": "Eka Tambang"}


def _doc(doc_id: str, day: str, partner: str, status: str, invest: bool = False) -> Document:
    a, p = NAMES["a"], NAMES[partner]
    body = f"JAKARTA - {a} dan {p} menjalin kerja sama."
    ents = [Entity(id="org:a", type="ORG", name=a, kb=False, mentions=[Mention(text=a, start=10, end=10 + len(a))]),
            Entity(id=f"org:{partner}", type="ORG", name=p, kb=False,
                   mentions=[Mention(text=p, start=14 + len(a), end=14 + len(a) + len(p))])]
    ev = [Evidence(sentence=body, start=0, end=len(body))]
    facts = [Fact(type="PARTNERSHIP", args={"parties": [a, p]}, status=status, certainty="asserted", evidence=ev)]
    if invest:   # an investment in the partner (one fact per target)
        facts.append(Fact(type="INVESTMENT", args={"investor": a, "target": p}, status="planned", certainty="asserted",
                          evidence=ev))
    return Document(doc_id=doc_id, language="id", body=body, entities=ents, facts=facts,
                    metadata=Metadata(published=day, title=doc_id))


def _fill(store) -> None:
    """Alfa Daya: four partnerships (B negotiating in 2020, agreed in 2024: an old deal whose
    latest step is recent; E's rejected by an analyst) and three investments, in B, C and D."""
    docs = [_doc("b1", "2020-01-05", "b", "negotiating", True), _doc("c1", "2021-02-01", "c", "agreed", True),
            _doc("d1", "2022-03-01", "d", "negotiating", True), _doc("d2", "2022-06-01", "d", "negotiating"),
            _doc("e1", "2023-04-01", "e", "agreed"), _doc("b2", "2024-05-01", "b", "agreed")]
    with store.session() as s:
        for i, d in enumerate(docs):
            store_document(s, store.dialect, f"h{i}", d)
        s.commit()
        e_fact = next(f for f in Q.partners(s, "Eka Tambang")["partners"])["fact_id"]
        s.execute(update(M.Fact).where(M.Fact.id == e_fact).values(review="rejected"))
        s.commit()


def test_the_profile_counts_every_fact_and_lists_the_first_of_each_type(store):
    _fill(store)
    with store.session() as s:
        p = Q.profile(s, "Alfa Daya", per_type=2)
        assert p["fact_counts"] == {"INVESTMENT": 3, "PARTNERSHIP": 3}      # E's, rejected, left out
        assert [f["first_seen"] for f in p["facts"]["PARTNERSHIP"]] == ["2020-01-05", "2021-02-01"]
        assert [f["args"]["target"] for f in p["facts"]["INVESTMENT"]] == ["Bumi Karya", "Cahaya Logam"]
        # the two newest partnerships, newest first; B's (first seen 2020) was seen again in 2024
        assert [(r["partner"], r["status"]) for r in p["partners"]] == [("Bumi Karya", "agreed"), ("Dharma Niaga", "negotiating")]
        [b] = [r for r in p["partners"] if r["partner"] == "Bumi Karya"]
        assert [h["status"] for h in b["status_history"]] == ["negotiating", "agreed"]
        assert b["sources"] == ["b1", "b2"] and b["source_count"] == 2 and b["evidence_count"] == 2
        with_rejected = Q.profile(s, "Alfa Daya", per_type=2, include_rejected=True)
        assert with_rejected["fact_counts"]["PARTNERSHIP"] == 4


def test_the_timeline_keeps_its_latest_entries_with_an_old_deals_new_step(store, monkeypatch):
    _fill(store)
    with store.session() as s:
        full = Q.profile(s, "Alfa Daya")["timeline"]
        assert [(t["date"], t["type"], t["status"]) for t in full if t["type"] in ("PARTNERSHIP", "STATUS")] == [
            ("2020-01-05", "PARTNERSHIP", "negotiating"), ("2021-02-01", "PARTNERSHIP", "agreed"),
            ("2022-03-01", "PARTNERSHIP", "negotiating"), ("2024-05-01", "STATUS", "agreed")]
        monkeypatch.setattr(Q, "TIMELINE", 2)
        last = Q.profile(s, "Alfa Daya")["timeline"]
        assert last == full[-2:] and last[-1]["type"] == "STATUS"


def test_an_entitys_facts_page_is_the_whole_list_narrowed_to_it(store):
    _fill(store)
    with store.session() as s:
        everything = B.facts(s, limit=1000).items
        mine = [f for f in everything if "org:a" in f["entity_ids"]]
        page = B.facts(s, B.FactFilter(entity="Alfa Daya"), limit=2, offset=2)
        assert page.total == len(mine) == 6 and page.items == mine[2:4] and page.next_offset == 4
        assert page.facets["type"] == {"INVESTMENT": 3, "PARTNERSHIP": 3}
        assert B.facts(s, B.FactFilter(entity="Cahaya Logam")).total == len([f for f in everything if "org:c" in f["entity_ids"]])
        partnerships = B.facts(s, B.FactFilter(entity="Alfa Daya", type="partnership"), limit=10)
        assert partnerships.total == 3 and partnerships.facets["status"] == {"agreed": 2, "negotiating": 1}
        assert B.facts(s, B.FactFilter(entity="Alfa Daya", type="partnership", include_rejected=True)).total == 4
        assert [f["last_seen"] for f in Q.facts(s, entity="Alfa Daya", type="PARTNERSHIP", limit=2, offset=1)] == \
            ["2022-06-01", "2021-02-01"]
