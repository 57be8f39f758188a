"""`warta eval` must agree with the founders' ../shared/tools/score.py."""
from __future__ import annotations

import copy
import importlib.util
import json

import pytest

from tests.conftest import SHARED, need
from warta import evaluate as ev


@pytest.fixture(scope="module")
def founders():
    path = need(SHARED / "tools" / "score.py")
    spec = importlib.util.spec_from_file_location("founders_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def gold(seeds_dir):
    return ev.load_gold([seeds_dir])


def _as_prediction(g: dict) -> dict:
    p = copy.deepcopy(g)
    p["entities"] = [{"type": e["type"], "name": e["name"]} for e in g["entities"]]
    return p


def _perturbations(gold: dict) -> dict[str, dict]:
    """Predictions a real system could make: perfect, lossy, noisy, wrong status, empty."""
    perfect = {k: _as_prediction(g) for k, g in gold.items()}
    lossy = copy.deepcopy(perfect)
    for d in lossy.values():
        d["facts"] = d["facts"][1:]
        d["entities"] = d["entities"][:-2]
        d["body"] = d["body"][: len(d["body"]) // 2]
        d["metadata"]["authors"] = []
    noisy = copy.deepcopy(perfect)
    for d in noisy.values():
        d["entities"].append({"type": "ORG", "name": "Perusahaan Rekaan"})
        d["facts"].append({"type": "PARTNERSHIP", "args": {"parties": ["A Corp", "B Corp"]}, "status": "agreed"})
        d["facts"].append(copy.deepcopy(d["facts"][0]))  # a restatement
        for f in d["facts"]:
            if f.get("status"):
                f["status"] = "ended"
            f["certainty"] = "asserted"
    renamed = copy.deepcopy(perfect)
    for d, g in zip(renamed.values(), gold.values()):
        for e, ge in zip(d["entities"], g["entities"]):
            if ge.get("alt_names"):
                e["name"] = ge["alt_names"][0]
    return {"perfect": perfect, "lossy": lossy, "noisy": noisy, "renamed": renamed, "empty": {}}


@pytest.mark.parametrize("case", ["perfect", "lossy", "noisy", "renamed", "empty"])
def test_eval_agrees_with_founders_scorer(case, gold, founders):
    pred = _perturbations(gold)[case]
    ours, theirs = ev.score(pred, gold), founders.score(pred, gold)
    for key in ("body_f1", "title_acc", "date_acc", "author_acc", "status_acc", "certainty_acc", "fact_f1_by_type"):
        assert ours[key] == theirs[key], key
    for key in ("entity_prf", "fact_prf"):
        assert ours[key] == pytest.approx(theirs[key]), key


def test_perfect_prediction_scores_one(gold):
    res = ev.score(_perturbations(gold)["perfect"], gold)
    assert res["body_f1"] == 1.0
    assert res["entity_prf"][2] == 1.0 and res["fact_prf"][2] == 1.0
    assert all(v == 1.0 for v in res["metadata_acc"].values())


def test_eval_cli_json(tmp_path, gold, seeds_dir):
    from typer.testing import CliRunner

    from warta.cli import app
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(d) for d in _perturbations(gold)["lossy"].values()), encoding="utf-8")
    out = CliRunner().invoke(app, ["eval", str(pred), "--gold", str(seeds_dir), "--format", "json"])
    assert out.exit_code == 0, out.output
    res = json.loads(out.output)
    assert 0 < res["fact_prf"][2] < 1 and res["author_acc"] == 0.0
