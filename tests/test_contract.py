"""The contract's types hold what FORMAT.md allows and nothing else; a missing model is
an error naming its folder, never a pipeline that finds no names."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from warta.model import FACT_TYPES, STATUS_VALUES, Fact, FactType, Status


def test_a_status_outside_the_contract_is_refused():
    with pytest.raises(ValidationError, match="status\n  Input should be 'exploring'"):
        Fact(type="PARTNERSHIP", args={}, status="signed")
    with pytest.raises(ValidationError, match="not one of a INVESTMENT fact's"):
        Fact(type="INVESTMENT", args={}, status="agreed")     # a partnership's status, not an investment's
    with pytest.raises(ValidationError, match="ROLE fact's: none"):
        Fact(type="ROLE", args={}, status="planned")
    assert Fact(type="PARTNERSHIP", args={}, status="agreed").status == "agreed"
    assert Fact(type="QUOTE", args={}).status is None


def test_a_stage_cannot_set_a_status_outside_the_contract_later():
    f = Fact(type="FACILITY", args={}, status="planned")
    f.status = "operating"
    with pytest.raises(ValidationError):
        f.status = "launched"


def test_every_status_belongs_to_a_type_and_the_schema_lists_them():
    assert set(Status.__args__) == {s for ss in STATUS_VALUES.values() for s in ss}
    assert set(STATUS_VALUES) == set(FACT_TYPES) == set(FactType.__args__)
    prop = Fact.model_json_schema()["properties"]["status"]
    assert set(prop["anyOf"][0]["enum"]) == set(Status.__args__)


def test_fact_types_are_defined_once():
    import warta.api.routes
    import warta.evaluate
    assert warta.api.routes.FactType is FactType
    assert warta.evaluate.FACT_TYPES is FACT_TYPES


def test_a_missing_model_is_an_error_naming_its_folder(tmp_path, monkeypatch):
    from warta.nlp import pipeline
    monkeypatch.setattr(pipeline, "MODELS", tmp_path)
    with pytest.raises(pipeline.ModelMissing, match=str(tmp_path / "ner-id")):
        pipeline.load_model("id", kind="cnn")
    empty = tmp_path / "mine"
    empty.mkdir()
    with pytest.raises(pipeline.ModelMissing, match="make model"):
        pipeline.load_model("en", model_dir=empty)
