"""Response schemas of the API's list endpoints, published in the OpenAPI description:
every list comes in one envelope, {items, total, next, ...}."""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


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
