"""The founding examples end to end, scored by the founders' rules: every entity
and fact of the gold, with its status and certainty, and nothing from the chrome."""
from __future__ import annotations

import pytest

from warta import evaluate as ev
from warta.pipeline import Pipeline
from warta.read import read_inputs


@pytest.fixture(scope="module")
def result(seeds_dir):
    pred = {r.doc.doc_id: r.doc.model_dump(mode="json") for r in Pipeline().process(read_inputs([str(seeds_dir)]))}
    return ev.score(pred, ev.load_gold([seeds_dir])), pred


def test_entities_are_exact(result):
    res, _ = result
    assert res["entity_prf"] == (1.0, 1.0, 1.0), res["detail"]


def test_facts_statuses_and_certainty(result):
    res, _ = result
    assert res["fact_prf"][2] >= 0.95, res["detail"]
    assert res["status_acc"] == 1.0 and res["certainty_acc"] == 1.0, res["detail"]


def test_nothing_from_the_chrome(result):
    _, pred = result
    chrome_names = {"Reuters", "Sri Mulyani", "Purbaya", "Toyota", "Suzuki", "Daihatsu", "Akira Nishino"}
    for d in pred.values():
        assert not chrome_names & {e["name"] for e in d["entities"]}
        for f in d["facts"]:
            assert all(e["sentence"] in d["body"] for e in f["evidence"])


def test_launch_year_is_corrected_and_flagged(result):
    _, pred = result
    plans = [f for d in pred.values() for f in d["facts"] if f["type"] == "LAUNCH_PLAN"]
    assert plans and plans[0]["args"]["date"] == {"value": "2024", "as_written": "2924"}
    assert plans[0]["flags"] == ["implausible_year"]
