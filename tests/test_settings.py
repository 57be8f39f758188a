"""Every setting is declared once in warta/settings.py, read from its variable, and
documented in the README's table; no WARTA_ variable is read anywhere else unnamed."""
from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from warta.settings import SettingError, Settings, markdown, table

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_table_is_the_generated_one():
    assert markdown() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_warta_variable_the_code_reads_is_a_setting():
    declared = {name for name, _, _ in table()}
    used: dict[str, str] = {}
    for folder in ("warta", "tests", "bench"):
        for p in (ROOT / folder).rglob("*.py"):
            for name in re.findall(r"\bWARTA_[A-Z_]+\b", p.read_text(encoding="utf-8")):
                used.setdefault(name, str(p.relative_to(ROOT)))
    unknown = {n: where for n, where in used.items() if n not in declared}
    assert unknown == {}, f"WARTA_ variables read but not declared in Settings: {unknown}"
    assert all(h and len(h) > 10 for _, _, h in table())


def test_each_setting_is_read_from_its_variable():
    env = {"WARTA_DB": "sqlite:///x.db", "WARTA_API_TOKEN": "t", "WARTA_MAX_PAGE_BYTES": "1000",
           "WARTA_CORS_ORIGINS": "https://a.example, https://b.example", "WARTA_NER": "Encoder",
           "WARTA_KB_EXTRA": "/a.yaml:/b.yaml", "WARTA_NO_RULES": "1", "WARTA_SHARED": "/s", "WARTA_CACHE": "/c",
           "WARTA_REALSET_CACHE": "/r", "WARTA_TEST_PG": "postgresql+psycopg://pg/t", "WARTA_FUZZ_EXAMPLES": "500", "WARTA_KILL_SEED": "7",
           "WARTA_API_CACHE_SECONDS": "0.5", "WARTA_PARTNERSHIP_FILTER": "0", "WARTA_LINE_FILTER": "0", "WARTA_STATUS_MODEL": "1", "WARTA_USER": "ana",
           "WARTA_ENCODER_RUNTIME": "FP32"}
    s = Settings.from_env(env)
    assert (s.db_url, s.api_token, s.max_page_bytes) == ("sqlite:///x.db", "t", 1000)
    assert s.cors_origins == ("https://a.example", "https://b.example")
    assert s.ner == "encoder" and s.no_rules is True
    assert s.kb_extra == (Path("/a.yaml"), Path("/b.yaml"))
    assert (s.shared, s.cache, s.realset_cache) == (Path("/s"), Path("/c"), Path("/r"))
    assert (s.test_pg, s.fuzz_examples, s.kill_seed) == ("postgresql+psycopg://pg/t", 500, 7)
    assert (s.api_cache_seconds, s.partnership_filter, s.user, s.encoder_runtime) == (0.5, False, "ana", "fp32")
    assert s.line_filter is False
    assert s.status_model is True
    # every declared setting was set above: a new one needs a line here
    assert {f.metadata["env"] for f in fields(Settings) if "env" in f.metadata} == set(env)


def test_defaults_and_overrides():
    s = Settings.from_env({})
    assert s == Settings()
    assert (s.db_url, s.api_token, s.ner, s.no_rules, s.kb_extra) == ("sqlite:///warta.db", None, "cnn", False, ())
    assert Settings.from_env({"WARTA_DB": "sqlite:///env.db"}, db_url="sqlite:///cli.db").db_url == "sqlite:///cli.db"
    assert Settings.from_env({"WARTA_DB": "sqlite:///env.db"}, db_url=None).db_url == "sqlite:///env.db"


@pytest.mark.parametrize("name,value,says", [
    ("WARTA_NER", "bert", "expected one of cnn, encoder"),
    ("WARTA_MAX_PAGE_BYTES", "lots", "expected a whole number"),
    ("WARTA_MAX_PAGE_BYTES", "-5", "above 0"),
    ("WARTA_NO_RULES", "maybe", "expected 1 or 0"),
    ("WARTA_API_CACHE_SECONDS", "soon", "expected a number of seconds"),
    ("WARTA_API_CACHE_SECONDS", "-1", "0 or more"),
])
def test_a_bad_value_names_the_variable(name, value, says):
    with pytest.raises(SettingError, match=re.escape(f"{name}={value!r}") + ".*" + re.escape(says)):
        Settings.from_env({name: value})


def test_the_readers_use_the_settings(monkeypatch, tmp_path):
    from warta.kb.base import _extra_files
    from warta.nlp.pipeline import ner_kind
    from warta.realset.cache import cache_dir
    monkeypatch.setenv("WARTA_NER", "encoder")
    monkeypatch.setenv("WARTA_KB_EXTRA", str(tmp_path / "mine.yaml"))
    monkeypatch.setenv("WARTA_REALSET_CACHE", str(tmp_path))
    assert ner_kind() == "encoder"
    assert _extra_files() == []                      # not made yet by `warta kb add`: nothing to read
    (tmp_path / "mine.yaml").write_text("organisations: []\n", encoding="utf-8")
    assert tmp_path / "mine.yaml" in _extra_files()
    assert cache_dir() == tmp_path
