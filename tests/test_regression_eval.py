"""The evaluation gate: Warta on the project's regression set (tests/regression, formerly the development set),
scored as FORMAT.md says, must stay at or above the pinned floors.  Floors may
only rise: FLOOR_MINIMUMS below is the lowest any floors.json may say."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta import evaluate as ev
from warta.pipeline import Pipeline
from warta.read import read_inputs

HERE = Path(__file__).parent / "regression"
FLOORS = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
FLOOR_MINIMUMS = {"body_f1": 1.0, "entity_f1": 0.99, "fact_f1": 0.99, "status_acc": 0.99, "certainty_acc": 0.97}
GOALS = {"fact_f1": 0.85, "status_acc": 0.9}  # issue 5's targets


@pytest.fixture(scope="module")
def result():
    pipe = Pipeline()
    pred = {r.doc.doc_id: r.doc.model_dump(mode="json") for r in pipe.process(read_inputs([str(HERE / "pages")]))
            if hasattr(r, "doc")}
    return ev.score(pred, ev.load_gold([HERE / "gold"]))


def test_floors_never_drop_below_the_minimums():
    for k, v in FLOOR_MINIMUMS.items():
        assert FLOORS[k] >= v, f"floors.json lowers {k} below {v}"


def test_development_set_meets_the_floors(result):
    got = {"body_f1": result["body_f1"], "entity_f1": result["entity_prf"][2], "fact_f1": result["fact_prf"][2],
           "status_acc": result["status_acc"], "certainty_acc": result["certainty_acc"]}
    misses = "\n".join(result["detail"])
    for k, floor in FLOORS.items():
        assert got[k] >= floor, f"{k} {got[k]:.3f} < floor {floor}\n{misses}"


def test_the_set_covers_every_fact_type_and_status():
    golds = ev.load_gold([HERE / "gold"])
    facts = [f for g in golds.values() for f in g["facts"]]
    assert len(golds) >= 25
    assert {f["type"] for f in facts} >= set(ev.FACT_TYPES)
    assert {f["status"] for f in facts if f["type"] == "PARTNERSHIP"} >= {"exploring", "negotiating", "agreed", "ended"}
    assert {g["language"] for g in golds.values()} == {"id", "en"}
