"""The user's knowledge base: a YAML file outside the installed package (lost on no
upgrade, writable on a read-only install).  It is the first path of WARTA_KB_EXTRA,
else $XDG_CONFIG_HOME/warta/kb.yaml (~/.config/warta/kb.yaml); `load_kb` reads it
after the compiled knowledge base.  An entry is checked against the schema and the
knowledge base (duplicates, parent) before the file is touched, and the file is
replaced in one step, so a refused or interrupted add leaves it as it was."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from warta.kb.base import TYPE_OF, KBError, _read, load_kb, slug
from warta.settings import Settings

PACKAGE = Path(__file__).resolve().parents[1]     # the installed warta/ folder


def default_path() -> Path:
    extra = [str(p) for p in Settings.from_env().kb_extra]
    if extra:
        return Path(extra[0]).expanduser()
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "warta" / "kb.yaml"


def inside_package(path: Path) -> bool:
    try:
        path.expanduser().resolve().relative_to(PACKAGE)
        return True
    except ValueError:
        return False


def add_entry(section: str, entry: dict, path: Path | None = None) -> Path:
    """Add one entry (validated) to the user's file; returns the file written."""
    from warta.kb.base import SCHEMA
    path = (path or default_path()).expanduser()
    if inside_package(path):
        raise KBError(f"{path} is inside the installed package ({PACKAGE}): the user's knowledge base lives outside it "
                      f"(set WARTA_KB_EXTRA or use --file)")
    if section not in SCHEMA:
        raise KBError(f"unknown section {section!r} (expected one of {sorted(SCHEMA)})")
    try:
        checked = SCHEMA[section].model_validate(entry).model_dump(exclude_defaults=True)
    except Exception as exc:   # pydantic's message names the field
        raise KBError(f"{entry.get('name')!r}: {exc}") from exc
    data = _load(path)
    eid = f"{TYPE_OF[section].lower()}:{slug(checked['name'])}"
    if any(slug(e.get("name", "")) == slug(checked["name"]) for e in data.get(section) or []):
        raise KBError(f"{checked['name']!r} is already in {path}")
    kb = load_kb()
    if kb.get(eid) is not None and not _defined_in(path, eid):
        raise KBError(f"{checked['name']!r} is already in the knowledge base (id {eid}): `warta kb show` it")
    parent = checked.get("parent")
    if parent and kb.id_of(parent) is None and not any(e.get("name") == parent for es in data.values()
                                                        if isinstance(es, list) for e in es):
        raise KBError(f"parent {parent!r} is not in the knowledge base: add it first")
    data.setdefault(section, []).append(checked)
    _write(path, data)
    load_kb.cache_clear()
    return path


def _defined_in(path: Path, eid: str) -> bool:
    return path.exists() and any(f"{TYPE_OF[k].lower()}:{slug(e['name'])}" == eid for k, es in _read(path).items() for e in es)


def _load(path: Path) -> dict:
    if not path.exists():
        return {}
    _read(path)     # a broken file is reported, never overwritten
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".kb-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False)
        _read(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
