"""Response schemas of the API's list endpoints, published in the OpenAPI description:
every list comes in one envelope, {items, total, next, ...}."""
from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")
SCORE = ("the model's probability that the text states the fact (the PARTNERSHIP check's; the highest over its "
         "statements), null when no model scored it; not part of the FORMAT document")


class Envelope(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="how many match the filters, over all pages")
    next: str | None = Field(description="the next page's url, or null on the last page")
    offset: int
    limit: int
    facets: dict[str, dict[str, int]] = Field(default_factory=dict, description="counts of each facet value under the filters")
    filters: dict[str, Any] = Field(default_factory=dict, description="the filters as understood")


class FactItem(BaseModel):
    id: str
    type: str
    status: str | None
    certainty: str | None
    first_seen: str | None
    last_seen: str | None
    sources: int = Field(description="independent articles stating it (syndicated copies count once)")
    args: dict[str, Any]
    review: str | None = Field(None, description="an analyst's judgement: confirmed (rejected facts are hidden "
                                                 "unless rejected=1)")
    score: float | None = Field(None, description=SCORE)
    label: str = Field(description="what the fact says, in one line")
    type_label: str
    status_label: str
    entities: list[str]
    entity_ids: list[str]
    amount_value: float | None
    amount_currency: str | None
    location: str | None


class EntityItem(BaseModel):
    id: str
    name: str
    type: str
    type_label: str
    kind: str | None
    country: str | None
    parent: str | None
    kb: bool
    facts: int
    documents: int
    last_seen: str | None


class DocumentItem(BaseModel):
    id: str
    doc_id: str
    title: str | None
    date: str | None
    site: str | None
    language: str | None
    url: str | None
    duplicate_of: str | None
    revision: int
    facts: int


class SearchItem(BaseModel):
    doc_id: str
    title: str | None
    date: str | None
    snippet: str | None


class FailureItem(BaseModel):
    source: str
    stage: str
    reason: str
    at: str


class EvidenceDocument(BaseModel):
    doc_id: str
    title: str | None
    url: str | None
    site: str | None
    published: str | None
    revision: int


class EvidenceItem(BaseModel):
    document_id: str
    sentence: str
    start: int
    end: int
    date: str | None
    status: str | None
    certainty: str | None
    args: dict[str, Any]
    flags: list[str]
    score: float | None = Field(None, description="the model's probability for this statement, if scored")
    document: EvidenceDocument


class StatusChange(BaseModel):
    status: str | None
    date: str | None
    doc_id: str


class ValueSeen(BaseModel):
    arg: str = Field(description="amount, count, area or date")
    value: dict[str, Any]
    sources: list[str] = Field(description="the doc_ids that give this value")


class SourceDocument(BaseModel):
    id: str = Field(description="the stored page (one revision): /api/documents/{id} opens this very one")
    doc_id: str
    revision: int
    site: str | None = Field(description="the outlet")
    date: str | None
    published: str | None
    title: str | None
    url: str | None
    sentence: str = Field(description="the first sentence of this article stating the fact")
    sentences: list[str] = Field(description="every sentence of this article stating it")


class SourceCopy(SourceDocument):
    relation: Literal["copy", "revision"] = Field(
        description="copy: a syndicated copy or near-duplicate of the source; revision: the source stored again, changed")


class IndependentSource(SourceDocument):
    original: str = Field(description="the doc_id of the original article the group stands for (this one, unless only "
                                      "its copies state the fact)")
    copies: list[SourceCopy] = Field(description="the same article again: counted once, with this source")


class FactEvidence(BaseModel):
    id: str
    type: str
    args: dict[str, Any]
    status: str | None
    certainty: str | None
    first_seen: str | None
    last_seen: str | None
    sources: int = Field(description="independent articles stating it (syndicated copies and revisions count once): "
                                     "the length of independent_sources")
    review: str | None
    score: float | None = Field(None, description=SCORE)
    evidence: list[EvidenceItem] = Field(description="every statement, by date")
    status_history: list[StatusChange]
    values: list[ValueSeen] = Field(description="amounts, counts, areas and dates as each source gave them")
    independent_sources: list[IndependentSource] = Field(
        description="the evidence grouped: each independent article once, with its copies and revisions under it")
    copies: int = Field(description="how many copies and revisions are listed under the independent sources")
