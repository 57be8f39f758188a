"""The contract's types (../shared/spec/FORMAT.md) and the pipeline's work document.

`Document` and everything it holds is what Warta emits and stores.  `WorkDoc`
is what travels between pipeline stages: the document being built plus the
intermediate annotations (sentences, mentions, values) that later stages read.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

EntityType = Literal["ORG", "PERSON", "PLACE", "PRODUCT"]
FactType = Literal[
    "PARTNERSHIP", "INVESTMENT", "PRODUCT", "LAUNCH_PLAN",
    "FACILITY", "INFRASTRUCTURE", "ROLE", "QUOTE",
]
FACT_TYPES: tuple[str, ...] = FactType.__args__  # type: ignore[attr-defined]
Certainty = Literal["asserted", "hedged"]
Qualifier = Literal["more_than", "at_least", "at_most", "about"]

STATUS_VALUES: dict[str, tuple[str, ...]] = {
    "PARTNERSHIP": ("exploring", "negotiating", "agreed", "ended"),
    "INVESTMENT": ("planned", "committed", "completed", "cancelled"),
    "PRODUCT": ("in_development", "planned", "launched", "discontinued"),
    "LAUNCH_PLAN": ("planned",),
    "FACILITY": ("planned", "under_construction", "built", "operating"),
    "INFRASTRUCTURE": ("planned", "under_construction", "operating"),
    "ROLE": (),
    "QUOTE": (),
}
# every status of the contract (which type takes which: STATUS_VALUES)
Status = Literal["exploring", "negotiating", "agreed", "ended", "planned", "committed", "completed", "cancelled",
                 "in_development", "launched", "discontinued", "under_construction", "built", "operating"]
FACILITY_KINDS = ("factory", "battery_plant", "power_plant", "innovation_center",
                  "r_and_d_center", "office", "showroom", "data_center", "other")
INFRASTRUCTURE_KINDS = ("ev_charging", "battery_swap", "5g_tower", "road", "other")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    text: str
    start: int = Field(ge=0, description="offset into body, inclusive")
    end: int = Field(ge=0, description="offset into body, exclusive")


class Entity(_Model):
    id: str = Field(description="stable id: the knowledge-base id, or a hash of type and name for a new entity")
    type: EntityType
    name: str = Field(description="canonical name from the knowledge base, or the best surface form")
    mentions: list[Mention] = []
    kb: bool = Field(False, description="true when the knowledge base knows this entity")


class Evidence(_Model):
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Fact(_Model):
    # checked again whenever an extractor sets a field, so no stage can leave a status
    # outside the contract
    model_config = ConfigDict(extra="allow", validate_assignment=True)
    type: FactType
    args: dict[str, Any]
    status: Status | None = Field(None, description="one of the statuses FORMAT.md gives this fact type; "
                                                    "none for ROLE and QUOTE")
    certainty: Certainty | None = "asserted"
    evidence: list[Evidence] = []
    flags: list[str] = []
    # the learned check's probability that the text states this fact (PARTNERSHIP only, see
    # warta.facts.partnership_filter): kept by the store on the fact, never written to the
    # FORMAT document, whose facts carry no score
    _score: float | None = PrivateAttr(default=None)

    @property
    def score(self) -> float | None:
        return self._score

    def set_score(self, p: float | None) -> None:
        self._score = None if p is None else round(float(p), 4)

    @model_validator(mode="after")
    def _status_of_its_type(self) -> "Fact":
        allowed = STATUS_VALUES[self.type]
        if self.status is not None and self.status not in allowed:
            raise ValueError(f"status {self.status!r} is not one of a {self.type} fact's: "
                             f"{', '.join(allowed) or 'none'}")
        return self


class Metadata(_Model):
    title: str | None = None
    published: str | None = Field(None, description="ISO 8601; date-time with the site's offset, or a bare date")
    published_inferred: str | None = Field(
        None, description="a reference date inferred from the body when the page carries none (not the article's date)")
    authors: list[str] = []
    editors: list[str] = []
    site: str | None = None
    dateline: str | None = None
    cited_sources: list[str] = []
    url: str | None = None


class Document(_Model):
    doc_id: str
    language: str | None = None
    metadata: Metadata = Metadata()
    body: str = ""
    entities: list[Entity] = []
    facts: list[Fact] = []
    duplicate_of: str | None = Field(None, description="doc_id of an earlier near-duplicate: in the same batch, or, when stored, any article already in the store")


# --- what travels between stages -------------------------------------------------

@dataclass
class RawPage:
    """One page as a reader found it, before any cleaning."""
    doc_id: str
    source: str                      # file path, "<stdin>", or "archive.warc.gz#offset"
    kind: Literal["text", "html"]
    content: str
    url: str | None = None
    date_hint: str | None = None     # a date the container gives (crawl header, JSONL "date", WARC-Date)


@dataclass
class ReadFailure:
    """A page that could not be read: kept as data, never dropped silently."""
    source: str
    reason: str
    stage: str = "read"


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class MentionSpan:
    """An entity mention found by the language layer, before or after resolution."""
    start: int
    end: int
    text: str
    label: str                       # ORG, PERSON, PLACE, PRODUCT
    source: str = "model"            # model | rule | coref
    entity_id: str | None = None     # filled by kb resolution
    score: float = 1.0


@dataclass
class Value:
    """A typed, normalised value (MONEY, QUANTITY, DATE, DURATION) with its span."""
    kind: Literal["MONEY", "QUANTITY", "DATE", "DURATION", "PERCENT"]
    start: int
    end: int
    text: str
    value: Any                       # number, ISO date string, or {"years": 3, "by": "2023"}
    unit: str | None = None          # currency code for MONEY, unit for QUANTITY
    qualifier: str | None = None
    approx: bool = False
    flags: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class WorkDoc:
    """The document being built, plus what the stages learn on the way."""
    raw: RawPage
    doc: Document
    removed: list[str] = field(default_factory=list)       # chrome lines dropped by cleaning
    date: str | None = None          # the day the document is filed under (ISO date; stage "date")
    signature: bytes | None = None   # MinHash of the body, packed (stage "dedup"; the store matches it)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[MentionSpan] = field(default_factory=list)
    values: list[Value] = field(default_factory=list)
    spacy_doc: Any = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def reference_date(self) -> _dt.date | None:
        """The date relative expressions resolve against: published, inferred, or the container's."""
        for s in (self.doc.metadata.published, self.doc.metadata.published_inferred, self.raw.date_hint):
            if s:
                try:
                    return _dt.date.fromisoformat(s[:10])
                except ValueError:
                    continue
        return None


def json_schema() -> dict[str, Any]:
    return Document.model_json_schema()
