"""One loader for every knowledge file under warta/data.

A file is read once per process, parsed (YAML or JSON) and checked against the
schema `warta.dataschemas` declares for it, so a word list that became a number, a
status outside the contract or a misspelt section fails on load with the file's
name and the problem, not later as a silent miss inside an extractor:

    >>> from warta.datafiles import load
    >>> load("facts/partnership.yaml")["status"]["agreed"][:2]
    [...]

`load` returns the plain data (dicts and lists) the schema accepted; callers keep
reading it as before.  `read(path, schema)` does the same for a file outside the
package (a user's knowledge base).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from warta.dataschemas import SCHEMAS

DATA = Path(__file__).resolve().parent / "data"


class DataFileError(ValueError):
    """A data file that cannot be used: the message names the file and the problem."""


def parse(path: Path) -> Any:
    """The file's content: YAML, or JSON for *.json."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    try:
        return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise DataFileError(f"{path}: not valid {'JSON' if path.suffix == '.json' else 'YAML'}: {exc}") from exc


def check(path: Path, data: Any, schema: Any) -> Any:
    """`data` as `schema` accepts it; otherwise a DataFileError naming each problem's place."""
    adapter = schema if isinstance(schema, TypeAdapter) else TypeAdapter(schema)
    try:
        adapter.validate_python(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'top'}: {e['msg']}" for e in exc.errors()[:5])
        more = f" (and {exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
        raise DataFileError(f"{path}: {problems}{more}") from exc
    return data


def read(path: Path, schema: Any = None) -> Any:
    """Parse `path` and check it against `schema` (or the registered schema of a package file)."""
    data = parse(path)
    if schema is None:
        schema = schema_for(_name(path))
    return check(path, data, schema)


def schema_for(name: str) -> Any:
    if name in SCHEMAS:
        return SCHEMAS[name]
    for pattern, schema in SCHEMAS.items():
        if "*" in pattern and Path(name).match(pattern):
            return schema
    raise DataFileError(f"{DATA / name}: no schema is declared for this data file (add one to warta/dataschemas.py)")


def _name(path: Path) -> str:
    try:
        return path.resolve().relative_to(DATA).as_posix()
    except ValueError:
        raise DataFileError(f"{path}: not a package data file, and no schema was given") from None


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The package data file `name` (a path under warta/data, e.g. "clean/chrome.yaml"), checked."""
    return read(DATA / name, schema_for(name))


def data_files() -> list[str]:
    """Every knowledge file under warta/data (model folders hold trained weights, not knowledge)."""
    return sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*")
                  if p.suffix in (".yaml", ".json") and "models" not in p.relative_to(DATA).parts)

