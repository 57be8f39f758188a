"""The model's score kept on the fact (issue 17): each statement keeps the PARTNERSHIP
check's probability, the fact the highest of them; the review queue shows the facts the
model was unsure of with their score and puts the least sure first; the FORMAT document
never carries it, on SQLite and PostgreSQL."""
from __future__ import annotations

import json

from tests.conftest import EXAMPLES
from warta.model import Document, Entity, Evidence, Fact, Mention, Metadata
from warta.store import models as M
from warta.store import queries as Q
from warta.store.ingest import ingest, store_document
from warta.store.review_queue import queue

NAMES = {"org:hyundai": "Hyundai", "org:lges": "LG Energy Solution", "org:toyota": "Toyota", "org:pln": "PLN",
         "org:grab": "Grab", "org:telkomsel": "Telkomsel"}


def _doc(doc_id: str, published: str, deals: list[tuple[str, str, float | None]]) -> Document:
    """One article stating each (party, party, score) deal in a sentence of its own."""
    body, ents, facts = "", {}, []
    for a, b, score in deals:
        start = len(body)
        sentence = f"{NAMES[a]} dan {NAMES[b]} menandatangani kesepakatan."
        body += sentence + " "
        for eid in (a, b):
            at = start + sentence.index(NAMES[eid])
            ents.setdefault(eid, Entity(id=eid, type="ORG", name=NAMES[eid], kb=True, mentions=[]))
            ents[eid].mentions.append(Mention(text=NAMES[eid], start=at, end=at + len(NAMES[eid])))
        f = Fact(type="PARTNERSHIP", args={"parties": [NAMES[a], NAMES[b]], "purpose": None}, status="agreed",
                 evidence=[Evidence(sentence=sentence, start=start, end=start + len(sentence))])
        f.set_score(score)
        facts.append(f)
    return Document(doc_id=doc_id, language="id", metadata=Metadata(published=published, title=doc_id),
                    body=body.strip(), entities=list(ents.values()), facts=facts)


def _store(store, *docs):
    with store.session() as s:
        for d in docs:
            store_document(s, store.dialect, f"h-{d.doc_id}", d)
        s.commit()


def _fact(s, a: str, b: str) -> dict:
    [f] = [f for f in Q.facts(s, entity=NAMES[a]) if NAMES[b] in f["args"]["parties"]]
    return f


def test_each_statement_keeps_its_score_and_the_fact_the_highest(store):
    _store(store, _doc("oct", "2024-10-01", [("org:hyundai", "org:lges", 0.58), ("org:toyota", "org:pln", None)]))
    with store.session() as s:
        assert _fact(s, "org:hyundai", "org:lges")["score"] == 0.58
        assert _fact(s, "org:toyota", "org:pln")["score"] is None        # nothing scored it
    _store(store, _doc("jan", "2025-01-15", [("org:hyundai", "org:lges", 0.91)]))
    with store.session() as s:
        f = _fact(s, "org:hyundai", "org:lges")
        assert f["score"] == 0.91 and f["sources"] == 2
        ev = Q.evidence(s, f["id"])
        assert ev["score"] == 0.91
        assert sorted(e["score"] for e in ev["evidence"]) == [0.58, 0.91]
        assert s.get(M.Fact, f["id"]).score == 0.91


def test_the_queue_puts_what_the_model_was_unsure_of_first(store):
    _store(store, _doc("a", "2024-10-01", [("org:hyundai", "org:lges", 0.90)]),
           _doc("b", "2024-10-01", [("org:toyota", "org:pln", 0.56)]),
           _doc("c", "2024-10-01", [("org:grab", "org:telkomsel", 0.70)]),
           _doc("d", "2024-10-01", [("org:hyundai", "org:pln", None)]))
    with store.session() as s:
        items = queue(s, kind="fact")
        by_label = {i["label"]: i for i in items}
        # otherwise alike (one source, asserted, known names): the less sure, the costlier
        assert [i["label"] for i in items[:2]] == ["Toyota + PLN", "Grab + Telkomsel"]
        assert by_label["Toyota + PLN"]["reasons"] == ["single_source", "model_unsure: 0.56"]
        assert by_label["Grab + Telkomsel"]["reasons"] == ["single_source", "model_unsure: 0.70"]
        assert by_label["Hyundai + LG Energy Solution"]["reasons"] == ["single_source"]
        assert by_label["Hyundai + LG Energy Solution"]["cost"] == by_label["Hyundai + PLN"]["cost"]   # sure = unscored
        assert by_label["Toyota + PLN"]["cost"] > by_label["Grab + Telkomsel"]["cost"] > by_label["Hyundai + PLN"]["cost"]
        assert by_label["Toyota + PLN"]["score"] == 0.56


def test_ingest_scores_partnerships_and_the_format_document_has_no_score(store, pipeline, tmp_path):
    ingest(store, [str(EXAMPLES / "okezone_grab_gojek_jajaki.txt")], pipeline=pipeline)
    with store.session() as s:
        facts = Q.facts(s, type="PARTNERSHIP")
        assert facts and all(0.0 < f["score"] <= 1.0 for f in facts)
        assert all(f["score"] is None for f in Q.facts(s, type="ROLE") + Q.facts(s, type="QUOTE"))
        from warta.store.export import export
        docs = [json.loads(x) for x in export(s, "jsonl", tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {k for d in docs for f in d["facts"] for k in f} <= {"type", "args", "status", "certainty", "evidence", "flags"}


def test_the_migration_adds_the_column_and_takes_it_away_keeping_the_rows(store):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from warta.store.db import MIGRATIONS
    _store(store, _doc("oct", "2024-10-01", [("org:hyundai", "org:lges", 0.58)]))

    def to(rev: str, how) -> set[str]:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            how(cfg, rev)
        with store.engine.connect() as conn:
            return {c["name"] for c in inspect(conn).get_columns("facts")} & {c["name"] for c in inspect(conn).get_columns("evidence")}

    assert "score" not in to("0004", command.downgrade)
    assert "score" in to("head", command.upgrade)
    with store.session() as s:        # stored before the column: no score until extracted again
        assert _fact(s, "org:hyundai", "org:lges")["score"] is None and len(Q.evidence(s, _fact(s, "org:hyundai", "org:lges")["id"])["evidence"]) == 1
