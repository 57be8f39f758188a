"""The knowledge files' schema: what a YAML entry may say, checked on load."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

OrgKind = Literal["company", "unit", "brand", "agency", "media", "government", "association"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str | None = None        # where the entry's facts come from (a register, a filing, an encyclopedia page)


class OrgEntry(_Strict):
    name: str
    kind: OrgKind
    country: str | None = None
    parent: str | None = None
    aliases: list[str] = []
    wikidata: str | None = None
    context: list[str] = []          # words one of which must be in the document for a bare alias to count

    @field_validator("aliases", "context", mode="before")
    @classmethod
    def _strs(cls, v):
        return [str(x) for x in (v or [])]


class PlaceEntry(_Strict):
    name: str
    kind: str
    country: str | None = None
    parent: str | None = None
    aliases: list[str] = []
    epithets: list[str] = []
    adjectives: list[str] = []
    wikidata: str | None = None


class Role(_Strict):
    role: str
    org: str | None = None


class PersonEntry(_Strict):
    name: str
    aliases: list[str] = []
    roles: list[Role] = []
    wikidata: str | None = None


class ProductEntry(_Strict):
    name: str
    maker: str
    category: str | None = None
    aliases: list[str] = []
