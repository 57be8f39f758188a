"""The schema of every knowledge file under warta/data (read by `warta.datafiles`).

Most files are named word lists, so `Words` accepts any section that is a list of
words; a file declares the sections that are something else.  Where a file speaks
of the contract's fact types, statuses, kinds, certainties or qualifiers, its keys
and values are checked against `warta.model`, the one place those are defined, so a
status the contract does not know cannot hide in a cue list.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from warta.kb.schema import OrgEntry, PersonEntry, PlaceEntry, ProductEntry
from warta.model import (
    FACILITY_KINDS,
    FACT_TYPES,
    INFRASTRUCTURE_KINDS,
    STATUS_VALUES,
    Certainty,
    EntityType,
    FactType,
    Qualifier,
    Status,
)


def _one_of(allowed: Iterable[str], what: str) -> Callable[[str], str]:
    allowed = tuple(allowed)

    def check(v: str) -> str:
        if v not in allowed:
            raise ValueError(f"{v!r} is not a {what} ({', '.join(allowed)})")
        return v
    return check


def _keys(allowed: Iterable[str], what: str) -> Callable[[dict], dict]:
    ok = _one_of(allowed, what)

    def check(d: dict) -> dict:
        for k in d:
            ok(k)
        return d
    return check


def statuses_of(fact_type: str) -> Any:
    """A `{status: [cue words]}` section whose statuses are the contract's for `fact_type`."""
    return Annotated[dict[str, list[str]], AfterValidator(_keys(STATUS_VALUES[fact_type], f"{fact_type} status"))]


def status_list(fact_type: str) -> Any:
    return list[Annotated[str, AfterValidator(_one_of(STATUS_VALUES[fact_type], f"{fact_type} status"))]]


def status_of(fact_type: str) -> Any:
    return Annotated[str, AfterValidator(_one_of(STATUS_VALUES[fact_type], f"{fact_type} status"))]


def kinds_of(kinds: Iterable[str], what: str) -> Any:
    return Annotated[dict[str, list[str]], AfterValidator(_keys(kinds, what))]


Table = dict[str, str]


class Words(BaseModel):
    """A file of named word lists: any section not declared is a list of words (quoted
    where YAML would read a word as a number or a boolean)."""
    model_config = ConfigDict(extra="allow", strict=True)
    __pydantic_extra__: dict[str, list[str]] = Field(init=False)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class CleanDates(Strict):
    zones: Table
    relative_days: dict[str, int]
    published_meta: list[str]
    country_zones: Annotated[dict[str, Annotated[str, Field(pattern=r"^[+-]\d{2}:\d{2}$")]], Field(min_length=1)]


class Outlets(Words):
    subdomain_forms: Table
    domains: Table


class Facility(Words):
    kinds: kinds_of(FACILITY_KINDS, "facility kind")          # type: ignore[valid-type]
    status: statuses_of("FACILITY")                           # type: ignore[valid-type]
    priority: status_list("FACILITY")                         # type: ignore[valid-type]
    default: status_of("FACILITY")                            # type: ignore[valid-type]


class Infrastructure(Words):
    kinds: kinds_of(INFRASTRUCTURE_KINDS, "infrastructure kind")  # type: ignore[valid-type]
    build_only_kinds: list[Annotated[str, AfterValidator(_one_of(INFRASTRUCTURE_KINDS, "infrastructure kind"))]]
    status: statuses_of("INFRASTRUCTURE")                     # type: ignore[valid-type]
    priority: status_list("INFRASTRUCTURE")                   # type: ignore[valid-type]
    default: status_of("INFRASTRUCTURE")                      # type: ignore[valid-type]


class Investment(Words):
    status: statuses_of("INVESTMENT")                         # type: ignore[valid-type]
    priority: status_list("INVESTMENT")                       # type: ignore[valid-type]
    local_priority: status_list("INVESTMENT") = []            # type: ignore[valid-type]
    default: status_of("INVESTMENT")                          # type: ignore[valid-type]


class Partnership(Words):
    status: statuses_of("PARTNERSHIP")                        # type: ignore[valid-type]
    priority: status_list("PARTNERSHIP")                      # type: ignore[valid-type]
    group_counts: dict[str, int | None] = {}   # None: a count word that names no number ("beberapa")


class Product(Words):
    status: statuses_of("PRODUCT")                            # type: ignore[valid-type]
    priority: status_list("PRODUCT")                          # type: ignore[valid-type]
    categories: dict[str, list[str]]


class Modality(Words):
    family: Annotated[dict[str, list[str]], AfterValidator(_keys(FACT_TYPES, "fact type"))]


class People(Words):
    head_equivalents: Table
    ministers: Table
    minister_short: Table
    ministry_aliases: Table
    ministry_names: Table
    minister_en: Table
    home_country: str
    # the word lists the extractors read (any other section is a word list too)
    roles: list[str]
    role_joiners: list[str]
    name_stop: list[str]
    name_particles: list[str]
    pronouns: list[str]
    speech_verbs: list[str]
    speech_before: list[str]
    quoted_as: list[str]
    indirect_verbs: list[str]
    not_after: list[str]
    legal_after: list[str]
    heads_of_state: list[str]
    department_words: list[str]
    place_titles: list[str]
    epithets: list[str]
    org_phrase_fillers: list[str]
    apposition_links: list[str]
    title_verbs: list[str]
    conjunctions: list[str]


class LogisticModel(BaseModel):
    """A small trained model: feature names, one weight each, a threshold, and its recipe."""
    model_config = ConfigDict(extra="allow")
    features: list[str]
    weights: list[float]
    threshold: float = Field(ge=0, le=1)
    trained_on: str
    recipe: str

    @model_validator(mode="after")
    def _one_weight_each(self) -> LogisticModel:
        if len(self.features) != len(self.weights):
            raise ValueError(f"{len(self.features)} features but {len(self.weights)} weights")
        return self


class KBSource(Strict):
    """A knowledge-base source file; each entry's own checks and messages: warta.kb.base."""
    orgs: list[OrgEntry] = []
    people: list[PersonEntry] = []
    places: list[PlaceEntry] = []
    products: list[ProductEntry] = []
    descriptors: list[str] = []
    sources_required: bool = False   # every entry of the file names its source

    model_config = ConfigDict(extra="forbid", strict=False)

    @model_validator(mode="after")
    def _sourced(self) -> KBSource:
        if self.sources_required:
            missing = [e.name for es in (self.orgs, self.people, self.places, self.products) for e in es
                       if not getattr(e, "source", None)]
            if missing:
                raise ValueError(f"sources_required: no source for {', '.join(missing[:5])}")
        return self


class CompiledKB(BaseModel):
    """`warta kb compile`'s output: every entity by id."""
    model_config = ConfigDict(extra="allow")
    version: str
    entities: dict[str, dict[str, Any]]
    place_descriptors: list[str] = []

    @model_validator(mode="after")
    def _typed(self) -> CompiledKB:
        types = EntityType.__args__                          # type: ignore[attr-defined]
        for eid, e in self.entities.items():
            if e.get("id") != eid or e.get("type") not in types or not e.get("name"):
                raise ValueError(f"entity {eid!r} needs its id, a name and a type ({', '.join(types)})")
        return self


class Months(Strict):
    months: dict[str, Annotated[int, Field(ge=1, le=12)]]
    days: list[str]

    @model_validator(mode="after")
    def _lower(self) -> Months:
        upper = [k for k in [*self.months, *self.days] if k != k.lower()]
        if upper:
            raise ValueError(f"month names are written in lower case: {upper[:5]}")
        return self


class ModelUnsure(Strict):
    below: float = Field(gt=0.5, le=1)
    weight: float = Field(ge=0)

    model_config = ConfigDict(extra="forbid", strict=False)


class Review(Strict):
    fact_reasons: dict[str, float]
    model_unsure: ModelUnsure
    type_weight: dict[FactType, float]
    entities: dict[str, float]

    model_config = ConfigDict(extra="forbid", strict=False)   # an int weight is a float weight


class Topics(Strict):
    topics: list[str]
    languages: list[str]


class Currencies(Strict):
    prefix: Table
    suffix: Table


class ValueDates(Strict):
    relative: dict[str, tuple[str, int]]      # word -> (unit, offset): "kemarin" = (day, -1)
    duration_units: Table
    quarters: dict[str, Annotated[int, Field(ge=1, le=4)]]
    plausible_window: Annotated[list[int], Field(min_length=2, max_length=2)]

    model_config = ConfigDict(extra="forbid", strict=False)   # (unit, offset) pairs are YAML lists


class Numbers(Words):
    words: dict[str, int | float]
    compound: dict[str, tuple[str, int]]
    scales: dict[str, float]
    money_scales: dict[str, float]
    english_scales: dict[str, float]
    qualifiers: dict[str, Qualifier]
    approx_scales: list[str] = []
    approx_qualifiers: list[str] = []

    model_config = ConfigDict(extra="allow", strict=False)    # "compound" pairs are YAML lists


class Units(Strict):
    units: Table


class Label(Strict):
    id: str
    en: str


class Labels(Strict):
    languages: list[str]
    types: dict[FactType, Label]
    statuses_by_type: dict[FactType, list[Status]]
    statuses: dict[Status, Label]
    certainty: dict[Certainty, Label]
    entity_types: dict[EntityType, Label]
    kinds: dict[str, Label]
    languages_shown: dict[str, Label]
    scale: list[dict[str, int | str]]
    words: dict[str, Label]

    @model_validator(mode="after")
    def _as_contract(self) -> Labels:
        for t, sts in self.statuses_by_type.items():
            if tuple(sts) != STATUS_VALUES[t]:
                raise ValueError(f"statuses_by_type.{t}: {sts} differ from the contract's {list(STATUS_VALUES[t])}")
        return self


class Sector(Strict):
    id: str
    en: str
    cues: list[str]


class Sectors(Strict):
    sectors: dict[str, Sector]
    other: Label


class SoftmaxModel(BaseModel):
    """A trained multi-class model: one weight row per class, one weight per feature."""
    model_config = ConfigDict(extra="allow")
    stages: list[str]
    features: list[str]
    weights: list[list[float]]
    trained_on: str
    recipe: str

    @model_validator(mode="after")
    def _shape(self) -> SoftmaxModel:
        if len(self.weights) != len(self.stages) or any(len(r) != len(self.features) for r in self.weights):
            raise ValueError(f"weights must be {len(self.stages)} rows of {len(self.features)}")
        return self


def _statuses_in(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _statuses_in(v)]
    if isinstance(node, list):
        return [s for v in node for s in _statuses_in(v)]
    return []


class Aspect(Words):
    """Tense and aspect words (warta.facts.aspect) and what each reading means per fact type."""
    markers: dict[str, list[str]]
    negation_reach: int = Field(ge=1)
    verbs: dict[str, list[str]]
    types: dict[FactType, dict[str, Any]]
    stages: dict[FactType, dict[str, list[str]]]

    @model_validator(mode="after")
    def _as_contract(self) -> Aspect:
        for t, reading in self.types.items():
            for key in ("verbs", "progressive", "perfect", "negated"):
                unknown = set(reading.get(key) or {}) - set(self.verbs)
                if unknown:
                    raise ValueError(f"types.{t}.{key}: verb classes {sorted(unknown)} are not in `verbs`")
            bad = set(_statuses_in(reading)) - set(STATUS_VALUES[t])
            if bad:
                raise ValueError(f"types.{t}: {sorted(bad)} are not {t} statuses ({', '.join(STATUS_VALUES[t])})")
        for t, stages in self.stages.items():
            bad = set(_statuses_in(stages)) - set(STATUS_VALUES[t])
            if bad:
                raise ValueError(f"stages.{t}: {sorted(bad)} are not {t} statuses")
        return self


class KeyPart(Strict):
    entities: list[str] | None = None
    distinct: bool = False
    first: int | None = Field(None, ge=1)
    word: str | None = None
    text: str | None = None
    squash: bool = False
    limit: int | None = Field(None, ge=1)
    replaced_by: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> KeyPart:
        given = [k for k in ("entities", "word", "text") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"a key part takes exactly one of entities, word, text (given: {given or 'none'})")
        return self


class FactKeys(Strict):
    key_parts: dict[FactType, list[KeyPart]]
    roles: Table

    @model_validator(mode="after")
    def _every_type(self) -> FactKeys:
        missing = [t for t in FACT_TYPES if t not in self.key_parts]
        if missing:
            raise ValueError(f"key_parts: no key for {', '.join(missing)}")
        return self


Share = Annotated[float, Field(gt=0, lt=1)]
Count = Annotated[int, Field(ge=1)]


class LanguageThresholds(Strict):
    min_hits: Count
    min_share: Share


class ReflowThresholds(Strict):
    min_lines: Count
    max_width: Count
    min_width: Count
    run_on_share: Share


class TitleThresholds(Strict):
    slug_match: Share
    headline_match: Share
    headline_max_words: Count


class CleanThresholds(Strict):
    language: LanguageThresholds
    reflow: ReflowThresholds
    title: TitleThresholds


class KBThresholds(Strict):
    typo_min_length: Count
    typo_two_edits_from: Count


class InvestmentThresholds(Strict):
    amount_after_cue: Count
    amount_after_acquisition: Count
    bound_before_amount: Count
    cue_after_amount: Count


class PartnershipThresholds(Strict):
    referent_back: Count
    joint_gap: Count
    implicit_max: Count
    group_ahead: Count


class RoleThresholds(Strict):
    near_tokens: Count


class FactThresholds(Strict):
    investment: InvestmentThresholds
    partnership: PartnershipThresholds
    role: RoleThresholds


class StoreThresholds(Strict):
    near_duplicate: Share


class Thresholds(Strict):
    clean: CleanThresholds
    kb: KBThresholds
    facts: FactThresholds
    store: StoreThresholds

    model_config = ConfigDict(extra="forbid", strict=False)   # 1 is a share as well as 1.0


SCHEMAS: dict[str, Any] = {
    "clean/chrome.yaml": Words,
    "clean/dates.yaml": CleanDates,
    "clean/outlets.yaml": Outlets,
    "clean/sources.yaml": Words,
    "facts/aspect.yaml": Aspect,
    "facts/facility.yaml": Facility,
    "facts/infrastructure.yaml": Infrastructure,
    "facts/investment.yaml": Investment,
    "facts/keys.yaml": FactKeys,
    "facts/launch.yaml": Words,
    "facts/modality.yaml": Modality,
    "facts/money.yaml": Words,
    "facts/parties.yaml": Words,
    "facts/partnership.yaml": Partnership,
    "facts/people.yaml": People,
    "facts/product.yaml": Product,
    "facts/status_model.json": SoftmaxModel,
    "facts/*_filter.json": LogisticModel,
    "clean/*_filter.json": LogisticModel,
    "kb/lexicon.yaml": Words,
    "kb/compiled.json": CompiledKB,
    "kb/*.yaml": KBSource,
    "months.yaml": Months,
    "nlp/mentions.yaml": Words,
    "nlp/products.yaml": Words,
    "nlp/sentences.yaml": Words,
    "review.yaml": Review,
    "thresholds.yaml": Thresholds,
    "topics.yaml": Topics,
    "values/currencies.yaml": Currencies,
    "values/dates.yaml": ValueDates,
    "values/numbers.yaml": Numbers,
    "values/units.yaml": Units,
    "web/labels.yaml": Labels,
    "web/sectors.yaml": Sectors,
}
