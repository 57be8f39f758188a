"""The knowledge base: YAML files under warta/data/kb, validated, compiled into
one JSON file that loads fast, and indexed by normalised name.

`warta kb compile` rewrites compiled.json; a test fails when it is stale.
Extra user files: any path in WARTA_KB_EXTRA (os.pathsep-separated), else the
user's ~/.config/warta/kb.yaml (where `warta kb add` writes, warta.kb.user), and
an old warta/data/kb/local.yaml, are read too, at load time.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from warta import datafiles
from warta.dataschemas import CompiledKB
from warta.kb.schema import OrgEntry, PersonEntry, PlaceEntry, ProductEntry
from warta.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data" / "kb"
COMPILED = DATA / "compiled.json"
LOCAL = DATA / "local.yaml"
TYPE_OF = {"orgs": "ORG", "places": "PLACE", "people": "PERSON", "products": "PRODUCT"}
SCHEMA = {"orgs": OrgEntry, "places": PlaceEntry, "people": PersonEntry, "products": ProductEntry}


class KBError(ValueError):
    pass


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


@lru_cache(maxsize=1)
def _legal_forms() -> frozenset[str]:
    return frozenset(lexicon()["legal_forms"])


@lru_cache(maxsize=65536)
def norm_name(s: str) -> str:
    """Case-, accent-, punctuation- and legal-form-insensitive key of a name (cached:
    the same names recur in every article)."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = re.sub(r"[\u2019'`]", "", s)
    toks = re.findall(r"[\w&+.]+|\(persero\)", s)
    legal = _legal_forms()
    while len(toks) > 1 and toks[0].strip(".") in legal:
        toks = toks[1:]
    while len(toks) > 1 and (toks[-1] in legal or toks[-1].strip(".") in legal):
        toks = toks[:-1]
    return " ".join(t.strip(".") if t.endswith(".") and t.count(".") == 1 else t for t in toks)


def source_files() -> list[Path]:
    return sorted(p for p in DATA.glob("*.yaml") if p.name not in ("lexicon.yaml", "local.yaml"))


def _read(path: Path) -> dict[str, list[dict]]:
    try:
        data = datafiles.parse(path) or {}
    except datafiles.DataFileError as exc:
        raise KBError(str(exc)) from exc
    out = {}
    sourced = bool(data.pop("sources_required", False))   # a file that says so: every entry names its source
    for key, entries in data.items():
        if key == "descriptors":
            continue
        if key not in SCHEMA:
            raise KBError(f"{path}: unknown section {key!r} (expected one of {sorted(SCHEMA)})")
        checked = []
        for i, e in enumerate(entries or []):
            try:
                checked.append(SCHEMA[key].model_validate(e).model_dump(exclude_defaults=True))
            except Exception as exc:  # pydantic's message names the field
                raise KBError(f"{path}: {key}[{i}] ({(e or {}).get('name')!r}): {exc}") from exc
            if sourced and not checked[-1].get("source"):
                raise KBError(f"{path}: {key}[{i}] ({e.get('name')!r}) has no source (this file requires one per entry)")
        out[key] = checked
    return out


def compile_sources(paths: list[Path] | None = None) -> dict[str, Any]:
    """Every entry with its id and type; duplicate ids are an error."""
    entities: dict[str, dict] = {}
    descriptors: list[str] = []
    for path in paths or source_files():
        raw = datafiles.parse(path) or {}
        descriptors += raw.get("descriptors", [])
        for key, entries in _read(path).items():
            for e in entries:
                eid = f"{TYPE_OF[key].lower()}:{slug(e['name'])}"
                if eid in entities:
                    raise KBError(f"{path}: {e['name']!r} is defined twice (id {eid})")
                entities[eid] = {"id": eid, "type": TYPE_OF[key], **e}
    names = {e["name"] for e in entities.values()}
    for e in entities.values():
        if e.get("parent") and e["parent"] not in names:
            raise KBError(f"{e['id']}: parent {e['parent']!r} is not in the knowledge base")
    digest = hashlib.sha1(json.dumps(entities, sort_keys=True).encode()).hexdigest()[:12]
    return {"version": digest, "entities": entities, "place_descriptors": descriptors}


def write_compiled() -> Path:
    COMPILED.write_text(json.dumps(compile_sources(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return COMPILED


@dataclass
class KB:
    entities: dict[str, dict]
    place_descriptors: list[str]
    by_name: dict[str, list[str]] = field(default_factory=dict)     # normalised name/alias -> ids
    by_epithet: dict[str, str] = field(default_factory=dict)
    by_adjective: dict[str, str] = field(default_factory=dict)      # nationality word -> country code

    def __post_init__(self) -> None:
        for eid, e in self.entities.items():
            for n in [e["name"], *e.get("aliases", [])]:
                ids = self.by_name.setdefault(norm_name(n), [])
                if eid not in ids:
                    ids.append(eid)
            for n in e.get("epithets", []):
                self.by_epithet[norm_name(n)] = eid
            if e.get("kind") == "country":
                for n in [e["name"], *e.get("aliases", []), *e.get("adjectives", []), *e.get("epithets", [])]:
                    self.by_adjective[norm_name(n)] = e["country"]
        self.by_name_of = {e["name"]: eid for eid, e in self.entities.items()}
        self.by_shape: dict[tuple[str, int], list[str]] = {}
        for key in self.by_name:
            if len(key) >= 5:
                self.by_shape.setdefault((key[0], len(key)), []).append(key)
        self._typo_cache: dict[str, str | None] = {}

    def typo_lookup(self, name: str) -> list[dict]:
        """Entries whose name or alias is `name` with one typo (see warta.kb.fuzzy).
        Candidates share the first letter and a length within two; answers are cached."""
        key = norm_name(name)
        if len(key) < 5:
            return []
        if key not in self._typo_cache:
            from warta.kb.fuzzy import typo_match
            hit = None
            for n in range(len(key) - 2, len(key) + 3):
                hit = next((c for c in self.by_shape.get((key[0], n), ()) if typo_match(key, c)), None)
                if hit:
                    break
            if len(self._typo_cache) > 100_000:
                self._typo_cache.clear()
            self._typo_cache[key] = hit
        hit = self._typo_cache[key]
        return [self.entities[i] for i in self.by_name[hit]] if hit else []

    def get(self, eid: str) -> dict | None:
        return self.entities.get(eid)

    def lookup(self, name: str) -> list[dict]:
        key = norm_name(name)
        ids = self.by_name.get(key, [])
        if not ids and key in self.by_epithet:
            ids = [self.by_epithet[key]]
        return [self.entities[i] for i in ids]

    def id_of(self, name: str) -> str | None:
        return self.by_name_of.get(name)


def _extra_files() -> list[Path]:
    extra = [LOCAL] if LOCAL.exists() else []
    named = Settings.from_env().kb_extra
    for p in named:
        if p.expanduser().exists():   # a user file `warta kb add` has not made yet
            extra.append(p.expanduser())
    if not named:   # where `warta kb add` writes by default (warta.kb.user)
        user = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "warta" / "kb.yaml"
        if user.exists():
            extra.append(user)
    return extra


@lru_cache(maxsize=1)
def load_kb() -> KB:
    if not COMPILED.exists():
        raise KBError(f"{COMPILED} is missing: run `warta kb compile`")
    data = datafiles.read(COMPILED, CompiledKB)     # read afresh: `warta kb compile` rewrites it
    entities = dict(data["entities"])
    for path in _extra_files():
        for key, entries in _read(path).items():
            for e in entries:
                entities[f"{TYPE_OF[key].lower()}:{slug(e['name'])}"] = {
                    "id": f"{TYPE_OF[key].lower()}:{slug(e['name'])}", "type": TYPE_OF[key], **e}
    return KB(entities, data.get("place_descriptors", []))


def lexicon() -> dict[str, Any]:
    return _lexicon()


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    return datafiles.load("kb/lexicon.yaml")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common words a typo match must never turn into a name, nor a place descriptor end on."""
    return frozenset(s.lower() for s in lexicon().get("common_words", []))
