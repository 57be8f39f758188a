"""Warta: business news in, a knowledge graph analysts can trust out.

The public API (imported on first use, so `import warta` stays fast):

- `warta.extract(text_or_path)` -> `warta.Document`, `warta.extract_many(paths)`;
- `warta.open(db_url)` -> a store with `.partners(name)`, `.facts(...)`, `.entity(name)`;
- the contract's types: `Document`, `Entity`, `Fact`, `Evidence`, `Mention`, `Metadata`.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_PUBLIC = {
    "extract": "warta.library", "extract_many": "warta.library", "open": "warta.library",
    "ExtractError": "warta.library", "NotFound": "warta.library", "WartaStore": "warta.library",
    "Document": "warta.model", "Entity": "warta.model", "Fact": "warta.model", "Evidence": "warta.model",
    "Mention": "warta.model", "Metadata": "warta.model",
}
__all__ = ["__version__", *_PUBLIC]

if TYPE_CHECKING:
    from warta.library import ExtractError, NotFound, WartaStore, extract, extract_many, open  # noqa: F401
    from warta.model import Document, Entity, Evidence, Fact, Mention, Metadata  # noqa: F401


def __getattr__(name: str) -> Any:
    mod = _PUBLIC.get(name)
    if mod is None:
        raise AttributeError(f"module 'warta' has no attribute {name!r}")
    value = getattr(importlib.import_module(mod), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
