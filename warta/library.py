"""Warta as a library: `warta.extract()` and `warta.open()`.

    >>> import warta
    >>> doc = warta.extract("PT Astra International Tbk menandatangani kerja sama ...")
    >>> [f.type for f in doc.facts]
    >>> store = warta.open("sqlite:///warta.db")
    >>> store.partners("Hyundai Motor Company").to_pandas()

`extract` returns the contract's `Document` (warta/model.py, FORMAT.md); the store's
answers are typed objects (below) with `.to_pandas()` when pandas is installed.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from warta.model import Document, RawPage, ReadFailure, WorkDoc

# a string longer than this, or with a line break, is text, never a file name
_MAX_PATH = 4096


class ExtractError(ValueError):
    """A page that could not be read or processed: names the source, the stage and why."""

    def __init__(self, source: str, stage: str, reason: str):
        super().__init__(f"{source}: {stage} failed: {reason}")
        self.source, self.stage, self.reason = source, stage, reason


def _is_path(x: str | os.PathLike) -> bool:
    if isinstance(x, os.PathLike):
        return True
    return len(x) < _MAX_PATH and "\n" not in x and x.strip() == x and bool(x) and os.path.exists(x)


def _text_page(text: str, url: str | None) -> RawPage:
    from warta.read.ids import content_id
    from warta.read.text import looks_like_html, page_from_text
    doc_id = content_id(text)
    if looks_like_html(text):
        return RawPage(doc_id=doc_id, source="<text>", kind="html", content=text, url=url)
    return page_from_text(text, doc_id, "<text>", url=url)


def _documents(items: Iterable[RawPage | ReadFailure], clean_only: bool = False) -> Iterator[Document]:
    from warta.pipeline import CLEAN_STAGES, DEFAULT_STAGES, Pipeline, StageFailure
    for r in Pipeline(CLEAN_STAGES if clean_only else DEFAULT_STAGES).process(items):
        if isinstance(r, WorkDoc):
            yield r.doc
        elif isinstance(r, StageFailure):
            raise ExtractError(r.source, r.stage, r.reason)
        else:
            raise ExtractError(r.source, r.stage, r.reason)


def extract(text_or_path: str | os.PathLike, *, url: str | None = None, clean_only: bool = False) -> Document:
    """One page -> its FORMAT `Document`: body, metadata, entities, facts.

    A `Path`, or a string naming an existing file, is read as a file (text, HTML, or a
    one-page archive); any other string is the page itself (HTML when it looks like it).
    A file holding several pages raises ValueError: `extract_many` reads those."""
    if _is_path(text_or_path):
        path = os.fspath(text_or_path)
        if os.path.isdir(path):
            raise ValueError(f"{path} is a folder: warta.extract_many() reads every page in it")
        docs = list(extract_many([path], clean_only=clean_only))
        if len(docs) != 1:
            raise ValueError(f"{path} holds {len(docs)} pages: warta.extract_many() reads each of them")
        return docs[0]
    if not isinstance(text_or_path, str):
        raise TypeError(f"extract() takes text or a path, not {type(text_or_path).__name__}")
    if not text_or_path.strip():
        raise ValueError("extract() was given empty text")
    return next(_documents([_text_page(text_or_path, url)], clean_only))


def extract_many(paths: Iterable[str | os.PathLike], *, clean_only: bool = False) -> Iterator[Document]:
    """Every page in files, folders and archives (WARC, JSONL), in order, near-duplicates
    marked in `duplicate_of`.  The first page that fails raises ExtractError."""
    from warta.read import read_inputs
    yield from _documents(read_inputs([os.fspath(p) for p in paths]), clean_only)


# --- the store ------------------------------------------------------------------

def _pandas(what: str):
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(f"{what}.to_pandas() needs pandas, which is not installed: "
                          "pip install pandas (or pip install 'warta[pandas]')") from exc
    return pd


def _frame(rows: list[dict[str, Any]], what: str):
    return _pandas(what).DataFrame(rows)


@dataclass(frozen=True)
class EntityRef:
    id: str
    name: str
    type: str


@dataclass(frozen=True)
class Partner:
    """One partnership of an entity with another, as the store has it."""
    partner: str
    partner_id: str
    fact_id: str
    status: str | None
    certainty: str | None
    first_seen: str | None
    last_seen: str | None
    sources: list[str]
    source_count: int
    evidence: list[str]
    evidence_count: int
    status_history: list[dict[str, Any]]
    review: str | None = None          # an analyst's judgement: confirmed (rejected ones are left out)


@dataclass(frozen=True)
class Partners:
    entity: EntityRef
    partners: list[Partner]

    def __iter__(self) -> Iterator[Partner]:
        return iter(self.partners)

    def __len__(self) -> int:
        return len(self.partners)

    def to_pandas(self):
        """One row per partner: partner, status, certainty, first_seen, last_seen, source_count, ..."""
        return _frame([{"entity": self.entity.name, **asdict(p)} for p in self.partners], "Partners")


@dataclass(frozen=True)
class StoredFact:
    """A fact as the store keeps it: merged over every article that reports it."""
    id: str
    type: str
    args: dict[str, Any]
    status: str | None
    certainty: str | None
    first_seen: str | None
    last_seen: str | None
    sources: int


@dataclass(frozen=True)
class Facts:
    facts: list[StoredFact]
    rows: list[dict[str, Any]] = field(default_factory=list, repr=False)   # the flat rows (warta.store.tables)

    def __iter__(self) -> Iterator[StoredFact]:
        return iter(self.facts)

    def __len__(self) -> int:
        return len(self.facts)

    def __getitem__(self, i: int) -> StoredFact:
        return self.facts[i]

    def to_pandas(self):
        """One row per fact with the flat columns of `warta export` (warta.store.tables.FACT_COLUMNS):
        id, type, label, status, certainty, review, confirmed, first/last seen, documents, sources
        (independent), then each argument in its own column (parties, amount_value, amount_currency,
        location, ...)."""
        from warta.store.tables import frame
        _pandas("Facts")
        return frame(self.rows)


@dataclass(frozen=True)
class EntityProfile:
    """An entity with its aliases, knowledge-base details, facts by type and partners."""
    id: str
    name: str
    type: str
    kb: bool
    aliases: list[str]
    kind: str | None
    country: str | None
    parent: str | None
    documents: int
    fact_counts: dict[str, int]
    facts: dict[str, list[StoredFact]]
    partners: list[Partner]
    timeline: list[dict[str, Any]] = field(repr=False, default_factory=list)
    rows: list[dict[str, Any]] = field(repr=False, default_factory=list)    # its facts' flat rows

    def to_pandas(self):
        """The entity's facts, one row each (listed per type, as the profile holds them), with
        an `entity` column and then the flat columns of `warta export` (as Facts.to_pandas)."""
        from warta.store.tables import frame
        _pandas("EntityProfile")
        df = frame(self.rows)
        df.insert(0, "entity", self.name)
        return df


def _fact(d: dict[str, Any]) -> StoredFact:
    return StoredFact(**{k: d[k] for k in StoredFact.__dataclass_fields__})


class NotFound(LookupError):
    """No entity (or fact) by that name in the store."""


class WartaStore:
    """A store opened by `warta.open(url)`; each call reads in its own session."""

    def __init__(self, url: str, migrate: bool = True):
        from warta.store.db import open_store
        self.url = url
        self._store = open_store(url, migrate=migrate)

    def __repr__(self) -> str:
        return f"WartaStore({self.url!r})"

    def _ask(self, fn, *args, **kw):
        from warta.store import queries
        with self._store.session() as s:
            try:
                return fn(queries, s, *args, **kw)
            except queries.NotFound as exc:
                raise NotFound(str(exc)) from exc

    def partners(self, name: str, limit: int = 200) -> Partners:
        """The partnerships of the entity called `name` (canonical name, alias, or prefix)."""
        d = self._ask(lambda q, s: q.partners(s, name, limit=limit))
        return Partners(EntityRef(**d["entity"]), [Partner(**p) for p in d["partners"]])

    def facts(self, type: str | None = None, entity: str | None = None, status: str | None = None,
              certainty: str | None = None, since: str | None = None, until: str | None = None,
              limit: int = 100, offset: int = 0, lang: str = "en") -> Facts:
        """Facts, latest first, filtered like `warta facts` and /api/facts (`lang`: of the labels)."""
        def ask(q, s):
            from warta.store import models as M
            from warta.store.tables import fact_rows
            found = q.facts(s, type=type, entity=entity, status=status, certainty=certainty, since=since, until=until,
                            limit=limit, offset=offset)
            return found, fact_rows(s, [s.get(M.Fact, d["id"]) for d in found], lang)
        found, rows = self._ask(ask)
        return Facts([_fact(d) for d in found], rows)

    def entity(self, name: str) -> EntityProfile:
        """The profile of the entity called `name`."""
        def ask(q, s):
            from warta.store import models as M
            from warta.store.tables import fact_rows
            d = q.profile(s, name)
            ids = [f["id"] for fs in d["facts"].values() for f in fs]
            return d, fact_rows(s, [s.get(M.Fact, i) for i in ids])
        d, rows = self._ask(ask)
        return EntityProfile(
            id=d["id"], name=d["name"], type=d["type"], kb=d["kb"], aliases=d["aliases"], kind=d["kind"],
            country=d["country"], parent=d["parent"], documents=d["documents"], fact_counts=d["fact_counts"],
            facts={t: [_fact(f) for f in fs] for t, fs in d["facts"].items()},
            partners=[Partner(**p) for p in d["partners"]], timeline=d["timeline"], rows=rows)

    def ingest(self, paths: Iterable[str | os.PathLike]):
        """Read, extract and store pages (as `warta ingest`); returns the IngestReport."""
        from warta.store.ingest import ingest
        return ingest(self._store, [os.fspath(p) for p in paths])


def open(db_url: str | None = None, *, migrate: bool = True) -> WartaStore:  # noqa: A001 - the public name
    """The store at `db_url` (default: WARTA_DB, else sqlite:///warta.db), migrated to the current schema."""
    from warta.settings import Settings
    return WartaStore(Settings.from_env(db_url=db_url).db_url, migrate=migrate)


__all__ = ["extract", "extract_many", "open", "ExtractError", "NotFound", "WartaStore", "Partners", "Partner",
           "Facts", "StoredFact", "EntityProfile", "EntityRef"]
