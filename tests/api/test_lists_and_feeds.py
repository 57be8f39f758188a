"""The API's lists in one envelope, the explorer's .json and .csv views, the Atom
feeds (parsed as XML) and /docs served without a CDN."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def test_every_list_endpoint_has_one_envelope(client):
    for url in ("/api/facts", "/api/entities", "/api/documents", "/api/search?q=baterai", "/api/failures"):
        body = client.get(url).json()
        assert {"items", "total", "next"} <= set(body), url
        assert body["total"] >= len(body["items"])


def test_next_walks_the_pages_to_the_total(client):
    url, seen = "/api/facts?limit=7&type=PARTNERSHIP", []
    while url:
        body = client.get(url).json()
        seen += [f["id"] for f in body["items"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == body["total"]


def test_bad_filters_are_named(client):
    r = client.get("/facts.json", params={"type": "INVESTMNT"})
    assert r.status_code == 400 and "did you mean INVESTMENT" in r.json()["error"]["message"]
    r = client.get("/api/facts", params={"status": "agred"})
    assert r.status_code == 422


def test_html_json_csv_and_api_give_the_same_rows(client):
    params = {"type": "PARTNERSHIP", "sort": "first_seen", "limit": 100}
    api = client.get("/api/facts", params=params).json()
    page = client.get("/facts.json", params=params).json()
    rows = list(csv.DictReader(io.StringIO(client.get("/facts.csv", params=params).text)))
    html = client.get("/facts", params=params).text
    assert [f["id"] for f in api["items"]] == [f["id"] for f in page["items"]] == [r["id"] for r in rows]
    assert all(f["label"] in html.replace("&amp;", "&") for f in api["items"][:5])
    assert f'<b id="total">{api["total"]}</b>' in html
    # the explorer's CSV is the export's flat facts table: the same columns, the same values
    from warta.store.tables import FACT_COLUMNS
    assert list(rows[0]) == list(FACT_COLUMNS)
    assert [r["label"] for r in rows] == [f["label"] for f in api["items"]]
    assert all(r["parties"] and r["status"] == f["status"] for r, f in zip(rows, api["items"]))


def test_atom_feeds_parse_and_link_the_supporting_article(client):
    market = ET.fromstring(client.get("/feeds/market.atom").content)
    assert market.tag == f"{ATOM}feed" and market.find(f"{ATOM}entry") is not None
    r = client.get("/feeds/entity/Hyundai Motor Company.atom")
    assert r.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(r.content)
    for tag in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{tag}").text
    entries = feed.findall(f"{ATOM}entry")
    agreed = [e for e in entries if "→" in e.find(f"{ATOM}title").text and "LG Energy Solution" in e.find(f"{ATOM}title").text]
    assert agreed and agreed[0].find(f"{ATOM}updated").text == "2025-01-16T00:00:00Z"
    assert "/document/kontan_hyundai_lges_sepakat?" in agreed[0].find(f"{ATOM}link").get("href")
    assert len({e.find(f"{ATOM}id").text for e in entries}) == len(entries)
    empty = ET.fromstring(client.get("/feeds/watch/kosong.atom").content)
    assert empty.findall(f"{ATOM}entry") == []


def test_docs_are_served_from_the_package(client):
    html = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    js = client.get("/static/swagger/swagger-ui-bundle.js")
    assert js.status_code == 200 and "SwaggerUIBundle" in js.text[:5000] + js.text[-5000:]
    assert client.get("/static/swagger/swagger-ui.css").status_code == 200


def test_the_evidence_link_opens_the_article_of_the_status_shown(client):
    [f] = client.get("/api/facts", params={"type": "PARTNERSHIP", "entity": "Hyundai Motor Company"}).json()["items"]
    assert f["status"] == "agreed"
    r = client.get(f"/fact/{f['id']}", follow_redirects=False)
    assert r.headers["location"].startswith("/document/kontan_hyundai_lges_sepakat")
    r = client.get(f"/fact/{f['id']}?doc=kompas_hyundai_lges_negosiasi", follow_redirects=False)
    assert r.headers["location"].startswith("/document/kompas_hyundai_lges_negosiasi")


def test_the_profile_timeline_gives_the_status_of_its_day(client):
    """Hyundai and LG Energy Solution were negotiating on 2024-03-12 and agreed on 2025-01-16."""
    tl = client.get("/api/entities/Hyundai Motor Company").json()["timeline"]
    steps = [(t["date"], t["status"]) for t in tl if t["type"] in ("PARTNERSHIP", "STATUS")]
    assert steps == [("2024-03-12", "negotiating"), ("2025-01-16", "agreed")]
