"""Finding an entity by name: % and _ are letters, not wildcards, on both backends; an
empty name finds nothing; a broken knowledge base is an error, not an empty answer."""
from __future__ import annotations

import pytest

from warta.store import models as M
from warta.store import queries as Q


def _add(s, eid: str, name: str) -> None:
    s.add(M.Entity(id=eid, type="ORG", name=name, name_lower=name.lower(), kb=False))
    s.flush()
    s.add(M.Alias(entity_id=eid, alias=name, alias_lower=name.lower()))


@pytest.fixture
def names(store):
    with store.session() as s:
        _add(s, "org:100-persen", "100% Persen Energi")
        _add(s, "org:abc", "ABC Kapital")
        _add(s, "org:a-c", "A_C Digital")
        s.commit()
    return store


def test_percent_and_underscore_are_matched_as_written(names):
    with names.session() as s:
        assert [r["name"] for r in Q.suggest(s, "100%")] == ["100% Persen Energi"]
        assert [r["name"] for r in Q.suggest(s, "a_c")] == ["A_C Digital"]        # not "ABC Kapital"
        assert Q.find_entity(s, "a_c dig").name == "A_C Digital"
        assert Q.suggest(s, "%") == []


def test_an_empty_name_finds_no_entity(names):
    with names.session() as s:
        with pytest.raises(Q.NotFound):
            Q.find_entity(s, " ")
        with pytest.raises(Q.NotFound):
            Q.profile(s, "")


def test_a_broken_knowledge_base_is_not_swallowed(names, monkeypatch):
    from warta.kb.base import KBError

    def broken():
        raise KBError("extra.yaml: orgs[3]: name missing")
    monkeypatch.setattr(Q, "load_kb", broken)
    with names.session() as s:
        with pytest.raises(KBError, match="name missing"):
            Q.profile(s, "ABC Kapital")


def test_without_a_compiled_knowledge_base_a_profile_still_reads(names, monkeypatch, tmp_path):
    monkeypatch.setattr(Q, "COMPILED", tmp_path / "absent.json")
    with names.session() as s:
        p = Q.profile(s, "ABC Kapital")
    assert p["name"] == "ABC Kapital" and p["kind"] is None
