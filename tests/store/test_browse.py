"""Browsing the store as the explorer, the API and the CLI do: filters, facets, totals,
pages, dates compared as dates, the market's events and each relationship's timeline,
watch lists.  The bundled examples are the market (Hyundai negotiates with LG Energy
Solution in Kompas on 2024-03-12 and agrees in Kontan on 2025-01-16)."""
from __future__ import annotations

import csv
import io

import pytest

from tests.conftest import EXAMPLES
from warta.store import browse as B
from warta.store import market as K
from warta.store import watch as W


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    from warta.store.db import open_store
    from warta.store.ingest import ingest
    db = tmp_path_factory.mktemp("browse") / "warta.db"
    store = open_store(f"sqlite:///{db}")
    ingest(store, [str(EXAMPLES)])
    return store


@pytest.fixture
def s(examples_db):
    with examples_db.session() as session:
        yield session


def test_filters_totals_and_pages_agree(s):
    everything = B.facts(s, limit=1000)
    partnerships = [f for f in everything.items if f["type"] == "PARTNERSHIP"]
    page1 = B.facts(s, B.FactFilter(type="partnership"), limit=4)
    page2 = B.facts(s, B.FactFilter(type="PARTNERSHIP"), limit=4, offset=4)
    assert page1.total == len(partnerships) > 4
    assert len(page1.items) == 4 and page1.next_offset == 4 and page2.prev_offset == 0
    assert not {f["id"] for f in page1.items} & {f["id"] for f in page2.items}
    assert page1.notice("facts").startswith(f"4 of {page1.total} facts")
    # the facet counts are the totals a click on them would give
    for status, n in page1.facets["status"].items():
        assert B.facts(s, B.FactFilter(type="PARTNERSHIP", status=status), limit=1).total == n
    assert sum(page1.facets["status"].values()) == page1.total


@pytest.mark.parametrize("filters,message", [
    (dict(type="INVESTMNT"), "did you mean INVESTMENT"),
    (dict(status="agred"), "did you mean agreed"),
    (dict(since="yesterday"), "is not a date"),
    (dict(until="2024-02-30"), "has no day 30"),
    (dict(since="2025", until="2024"), "is after until"),
])
def test_bad_filters_are_named(s, filters, message):
    with pytest.raises(B.FilterError, match=message):
        B.facts(s, B.FactFilter(**filters))


def test_dates_are_compared_as_dates(s):
    # until=2024 covers the whole of 2024: the Hyundai talks of 2024-03-12 are in it
    in_2024 = B.facts(s, B.FactFilter(type="PARTNERSHIP", until="2024", entity="Hyundai Motor Company"))
    assert [f["entities"] for f in in_2024.items] == [["Hyundai Motor Company", "LG Energy Solution"]]
    assert B.facts(s, B.FactFilter(entity="Hyundai Motor Company", until="2024-03-11")).total == 0
    assert B.date_bound("2024-02", end=True) == "2024-02-29" and B.date_bound("2024") == "2024-01-01"


def test_facets_by_language_outlet_country_and_sources(s):
    en = B.facts(s, B.FactFilter(language="en"), limit=1000)
    assert en.total and all(f["id"] for f in en.items)
    kompas = B.facts(s, B.FactFilter(outlet="KOMPAS.com"), limit=1000)
    assert any("LG Energy Solution" in f["entities"] for f in kompas.items)
    korean = B.facts(s, B.FactFilter(country="KR", type="PARTNERSHIP"), limit=1000)
    assert {"Hyundai Motor Company", "LG Energy Solution"} <= {n for f in korean.items for n in f["entities"]}
    twice = B.facts(s, B.FactFilter(min_sources=2), limit=1000)
    assert twice.items and all(f["sources"] >= 2 for f in twice.items)
    assert B.facts(s).facets["sources"].get("2", 0) + B.facts(s).facets["sources"].get("3+", 0) == twice.total


def test_fact_rows_are_flat_and_labelled(s):
    [toyota] = [f for f in B.facts(s, B.FactFilter(type="INVESTMENT"), limit=100).items if f["entities"][:1] == ["Toyota"]
                or "Toyota" in f["entities"]][:1]
    assert toyota["amount_value"] == 27_000_000_000_000 and toyota["amount_currency"] == "IDR"
    assert "IDR 27 triliun" in toyota["label"]
    en = B.facts(s, B.FactFilter(type="INVESTMENT"), limit=100, lang="en").items
    assert any("IDR 27 trillion" in f["label"] for f in en)
    rows = list(csv.DictReader(io.StringIO(B.to_csv("facts", B.facts(s, limit=1000).items))))
    assert len(rows) == B.facts(s).total
    assert any(r["amount_currency"] == "IDR" and r["amount_value"] for r in rows)


def test_sorting(s):
    by_sources = B.facts(s, sort="sources", limit=1000).items
    assert [f["sources"] for f in by_sources] == sorted((f["sources"] for f in by_sources), reverse=True)
    oldest = B.facts(s, sort="-last_seen", limit=3).items
    assert oldest[0]["last_seen"] <= oldest[-1]["last_seen"]
    with pytest.raises(B.FilterError, match="unknown sort"):
        B.facts(s, sort="colour")


def test_entities_and_documents(s):
    orgs = B.entities(s, B.EntityFilter(type="org"), limit=5)
    assert orgs.items[0]["facts"] >= orgs.items[-1]["facts"] and all(e["type"] == "ORG" for e in orgs.items)
    assert orgs.total == orgs.facets["type"]["ORG"]
    assert [e["name"] for e in B.entities(s, B.EntityFilter(q="hyun")).items] == ["Hyundai Motor Company"]
    korean = B.entities(s, B.EntityFilter(country="KR"), limit=100)
    assert "LG Energy Solution" in {e["name"] for e in korean.items}
    docs = B.documents(s, limit=100)
    assert docs.total == len({d["doc_id"] for d in docs.items}) == len(list(EXAMPLES.glob("*.txt"))) + \
        len(list(EXAMPLES.glob("*.html"))) + sum(1 for _ in open(EXAMPLES / "feeds.jsonl", encoding="utf-8") if _.strip())
    assert [d["date"] for d in docs.items] == sorted((d["date"] or "" for d in docs.items), reverse=True)
    hyundai = B.documents(s, B.DocumentFilter(entity="Hyundai Motor Company"))
    assert {d["doc_id"] for d in hyundai.items} >= {"kompas_hyundai_lges_negosiasi", "kontan_hyundai_lges_sepakat"}
    assert B.documents(s, B.DocumentFilter(language="en")).facets["language"] == {"en": B.documents(
        s, B.DocumentFilter(language="en")).total}


def test_the_relationship_timeline_steps_with_their_articles(s):
    rels = K.relationships(s, "Hyundai Motor Company")
    [lges] = [r for r in rels if r["with"] == ["LG Energy Solution"] and r["type"] == "PARTNERSHIP"]
    assert [(st["date"], st["status"], st["doc_id"]) for st in lges["steps"]] == [
        ("2024-03-12", "negotiating", "kompas_hyundai_lges_negosiasi"),
        ("2025-01-16", "agreed", "kontan_hyundai_lges_sepakat")]
    assert lges["steps"][1]["previous"] == "negotiating"


def test_market_events_say_with_whom_what_changed_and_where(s):
    events = K.events(s, limit=100)
    [change] = [e for e in events if e["kind"] == "change" and e["type"] == "PARTNERSHIP"
                and {x["name"] for x in e["entities"]} == {"Hyundai Motor Company", "LG Energy Solution"}]
    assert (change["previous"], change["status"], change["site"], change["date"]) == \
        ("negotiating", "agreed", "KONTAN.CO.ID", "2025-01-16")
    assert [e["date"] for e in events] == sorted((e["date"] for e in events), reverse=True)
    end = K.as_of(s)
    week = K.active(s, 7)
    assert week and all(a["until"] == end for a in week)
    month = {a["name"]: a["facts"] for a in K.active(s, 30, limit=100)}
    assert all(month[a["name"]] >= a["facts"] for a in week)   # a week's facts are in its month
    assert week[0]["facts"] >= week[-1]["facts"]
    net = K.network(s)
    ids = {n["id"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert {e["sector"] for e in net["edges"]} >= {"battery"}


def test_watch_lists_and_their_news(s):
    assert W.add(s, "Hyundai Motor Company")["added"] is True
    assert W.add(s, "hyundai motor company")["added"] is False
    W.add(s, "PLN", "energi")
    assert [(w["list"], w["name"]) for w in W.lists(s)] == [("default", "Hyundai Motor Company"), ("energi", "PLN")]
    news = W.news(s, since="2024-01-01")
    assert news["watching"] == 1
    assert ("2025-01-16", "agreed") in {(e["date"], e["status"]) for e in news["items"]}
    assert all("Hyundai Motor Company" in {x["name"] for x in e["entities"]} for e in news["items"])
    assert W.news(s, since="2025-02-01")["items"] == []
    with pytest.raises(B.FilterError):
        W.news(s, since="yesterday")
    assert W.remove(s, "Hyundai Motor Company")["removed"] is True and W.watched_ids(s) == []


def test_the_same_queries_on_both_backends(store):
    """The browse SQL (subqueries, EXISTS, GROUP BY) runs alike on SQLite and PostgreSQL."""
    from warta.store.ingest import ingest
    ingest(store, [str(EXAMPLES / n) for n in ("kompas_hyundai_lges_negosiasi.txt", "kontan_hyundai_lges_sepakat.txt")])
    with store.session() as s:
        p = B.facts(s, B.FactFilter(type="PARTNERSHIP", language="id", country="KR", until="2025"))
        assert p.total == 1 and p.items[0]["status"] == "agreed" and p.facets["status"] == {"agreed": 1}
        assert B.entities(s, B.EntityFilter(type="ORG", min_facts=1), sort="-name").total >= 2
        assert B.documents(s, B.DocumentFilter(since="2025-01")).total == 1
        assert B.search_total(s, "baterai") >= 1
        [lges] = [r for r in K.relationships(s, "Hyundai Motor Company") if r["with"] == ["LG Energy Solution"] and r["type"] == "PARTNERSHIP"]
        assert [st["status"] for st in lges["steps"]] == ["negotiating", "agreed"]
        W.add(s, "Hyundai Motor Company")
        assert W.news(s, since="2024")["items"]
