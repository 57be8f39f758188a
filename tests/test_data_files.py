"""Every knowledge file under warta/data parses, and no word in it became a
boolean or a number by YAML's rules ("no", "on", "off" are words here)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "warta" / "data"
FILES = sorted(DATA.rglob("*.yaml"))
NUMERIC_OK = {"months", "words", "scales", "quarters", "plausible_window", "relative", "relative_days", "compound"}


def _walk(node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _walk(v, (*path, str(k)))
    elif isinstance(node, list):
        for x in node:
            if isinstance(x, bool) or (isinstance(x, (int, float)) and not NUMERIC_OK & set(path)):
                yield path, x
            yield from _walk(x, path)


@pytest.mark.parametrize("path", FILES, ids=[str(f.relative_to(DATA)) for f in FILES])
def test_no_word_became_a_boolean(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    bad = list(_walk(data, ()))
    assert not bad, f"{path}: {bad[:5]} (quote these words)"


# One loader, a schema each (warta.datafiles, warta.dataschemas)

from warta import datafiles  # noqa: E402
from warta.model import STATUS_VALUES  # noqa: E402


def test_every_data_file_has_a_schema_and_passes_it():
    names = datafiles.data_files()
    assert "facts/partnership.yaml" in names and "web/labels.yaml" in names
    for name in names:
        datafiles.load(name)        # raises DataFileError naming the file


def _copy(tmp_path, name, change):
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / Path(name).name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_status_outside_the_contract_is_refused_with_the_file_and_the_place(tmp_path):
    path = _copy(tmp_path, "facts/partnership.yaml", lambda d: d["status"].__setitem__("signed", ["teken"]))
    with pytest.raises(datafiles.DataFileError) as exc:
        datafiles.read(path, datafiles.schema_for("facts/partnership.yaml"))
    msg = str(exc.value)
    assert str(path) in msg and "status" in msg and "'signed'" in msg
    for st in STATUS_VALUES["PARTNERSHIP"]:
        assert st in msg            # the message lists what the contract allows


def test_a_word_that_yaml_read_as_a_boolean_is_refused(tmp_path):
    path = tmp_path / "chrome.yaml"
    path.write_text("exact_lines: [Bagikan, no, Tutup]\n", encoding="utf-8")
    with pytest.raises(datafiles.DataFileError, match=r"chrome\.yaml: exact_lines\.1"):
        datafiles.read(path, datafiles.schema_for("clean/chrome.yaml"))


def test_labels_must_give_each_type_the_contracts_statuses(tmp_path):
    path = _copy(tmp_path, "web/labels.yaml", lambda d: d["statuses_by_type"]["PARTNERSHIP"].remove("ended"))
    with pytest.raises(datafiles.DataFileError, match="differ from the contract"):
        datafiles.read(path, datafiles.schema_for("web/labels.yaml"))


def test_a_broken_file_and_an_undeclared_file_are_named(tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_text("a: [unclosed\n", encoding="utf-8")
    with pytest.raises(datafiles.DataFileError, match=r"x\.yaml: not valid YAML"):
        datafiles.parse(bad)
    with pytest.raises(datafiles.DataFileError, match="no schema is declared"):
        datafiles.schema_for("facts/unheard_of.yaml")
