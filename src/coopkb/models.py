"""Pydantic types of every record in the knowledge base: the rules a data edit must satisfy.

Per-record rules live here (types, closed vocabularies, date shapes, forbidden text); rules that
need the whole knowledge base (unique slugs, resolvable references) live in ``checks.py``.
No I/O here.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .fields import (
    ActionModel,
    BodyKind,
    Country,
    LegalCategory,
    Mrc,
    OrganisationKind,
    PartialDate,
    Qualifier,
    Ref,
    Region,
    SectorGroup,
    Slug,
    Text,
    Url,
    fail,
)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _check_period(start: str | None, end: str | None) -> None:
    if start is not None and end is not None and end < start[: len(end)]:
        raise fail("end-before-start", f"end '{end}' is before start '{start}'", field="end")


class Figure(Model):
    """A number the sources give, with what it counts."""

    label: Text
    value: int | Annotated[float, Field(allow_inf_nan=False)]
    unit: Text | None = None
    qualifier: Qualifier | None = None
    date: PartialDate | None = None


class Step(Model):
    """A dated (or undated: the source gives no year) step of a timeline."""

    event: Text
    date: PartialDate | None = None
    end: PartialDate | None = None

    @model_validator(mode="after")
    def _period(self) -> Step:
        _check_period(self.date, self.end)
        return self


class Item(Model):
    """A named entry of a list: a field of action, a strategic axis, a lever."""

    number: int | None = None
    name: Text
    description: Text | None = None
    actions: list[Text] = Field(default_factory=list)


class Source(Model):
    id: Slug
    title: Text
    author: Text
    date: PartialDate | None = None
    date_note: Text | None = None
    kind: Text
    document: Text
    url: Url | None = None


class Record(Model):
    slug: Slug
    name: Text
    aliases: list[Text] = Field(default_factory=list)


class Located(Record):
    country: Country | None = None
    region: Region | None = None
    mrc: Mrc | None = None
    municipality: Text | None = None
    locality: Text | None = None


class Cooperative(Located):
    source_kind: Text | None = None
    legal_category: LegalCategory | None = None
    sector: Text | None = None
    project: Ref | None = None
    model: ActionModel | None = None
    founded: PartialDate | None = None
    hosted_by: Ref | None = None
    website: Url | None = None
    description: Text | None = None
    purpose: Text | None = None
    leadership: list[Text] = Field(default_factory=list)
    timeline: list[Step] = Field(default_factory=list)
    projects: list[Step] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    sources: list[Ref] = Field(min_length=1)


class Organisation(Located):
    kind: OrganisationKind
    parent: Ref | None = None
    hosted_by: Ref | None = None
    founded: PartialDate | None = None
    website: Url | None = None
    description: Text | None = None
    sources: list[Ref] = Field(min_length=1)


class Affiliation(Model):
    organisation: Ref
    role: Text | None = None
    date: PartialDate | None = None


class Person(Record):
    affiliations: list[Affiliation] = Field(min_length=1)
    description: Text | None = None
    sources: list[Ref] = Field(min_length=1)


class Programme(Record):
    """A programme, project, campaign or study the CQCM runs or commissions."""

    start: PartialDate | None = None
    end: PartialDate | None = None
    funder: Text | None = None
    description: Text | None = None
    steps: list[Step] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    sources: list[Ref] = Field(min_length=1)

    @model_validator(mode="after")
    def _period(self) -> Programme:
        _check_period(self.start, self.end)
        return self


class Roadmap(Record):
    date: PartialDate
    description: Text | None = None
    levers: list[Item] = Field(min_length=1)
    sources: list[Ref] = Field(min_length=1)


class Council(Record):
    acronym: Text
    founded: PartialDate
    founding_context: Text
    description: Text
    represents: list[Figure] = Field(default_factory=list)
    network: list[Text] = Field(default_factory=list)
    research_activities: list[Text] = Field(default_factory=list)
    fields_of_action: list[Item] = Field(default_factory=list)
    strategic_axes: list[Item] = Field(default_factory=list)
    proximity_milestones: list[Step] = Field(default_factory=list)
    collective_action_models: list[Item] = Field(default_factory=list)
    outlook: list[Text] = Field(default_factory=list)
    programmes: list[Programme] = Field(default_factory=list)
    roadmaps: list[Roadmap] = Field(default_factory=list)
    sources: list[Ref] = Field(min_length=1)


class Member(Record):
    acronym: Text | None = None
    sector_group: SectorGroup
    body_kind: BodyKind
    member_of: Ref
    description: Text | None = None
    sources: list[Ref] = Field(min_length=1)


class Cooperation(Record):
    partners: list[Ref] = Field(min_length=2)
    associated_partners: list[Ref] = Field(default_factory=list)
    funding: Text
    funder: Ref
    start: PartialDate
    end: PartialDate
    duration_months: int
    phases: int | None = None
    origin: Text
    context: list[Text] = Field(default_factory=list)
    strategic_objectives: list[Text] = Field(default_factory=list)
    specific_objectives: list[Text] = Field(default_factory=list)
    sources: list[Ref] = Field(min_length=1)

    @model_validator(mode="after")
    def _period(self) -> Cooperation:
        _check_period(self.start, self.end)
        return self


class Event(Located):
    start: PartialDate
    end: PartialDate | None = None
    organisers: list[Ref] = Field(default_factory=list)
    participants: Figure | None = None
    description: Text | None = None
    sources: list[Ref] = Field(min_length=1)

    @model_validator(mode="after")
    def _period(self) -> Event:
        _check_period(self.start, self.end)
        return self


class Mission(Located):
    number: int = Field(ge=1)
    cooperation: Ref
    start: PartialDate
    end: PartialDate | None = None
    destination: Text
    date_note: Text | None = None
    status: Text | None = None
    delegation_from: Ref | None = None
    delegation: list[Ref] = Field(default_factory=list)
    delegation_size: int | None = Field(default=None, ge=0)
    delegation_note: Text | None = None
    visits: list[Ref] = Field(default_factory=list)
    events: list[Ref] = Field(default_factory=list)
    activities: list[Text] = Field(default_factory=list)
    sources: list[Ref] = Field(min_length=1)

    @model_validator(mode="after")
    def _period(self) -> Mission:
        _check_period(self.start, self.end)
        return self


class CooperativesFile(Model):
    sources: list[Source] = Field(default_factory=list)
    cooperatives: list[Cooperative] = Field(min_length=1)


class FederationsFile(Model):
    sources: list[Source] = Field(default_factory=list)
    council: Council
    members: list[Member] = Field(min_length=1)
    organisations: list[Organisation] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)


class MissionsFile(Model):
    sources: list[Source] = Field(default_factory=list)
    cooperation: Cooperation
    organisations: list[Organisation] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    missions: list[Mission] = Field(min_length=1)


FILE_MODELS: dict[str, type[Model]] = {
    "cooperatives.yaml": CooperativesFile,
    "federations.yaml": FederationsFile,
    "missions.yaml": MissionsFile,
}

# Every field name any record may carry, for "unknown field (did you mean …)" hints.
KNOWN_FIELDS: frozenset[str] = frozenset(
    name
    for model in (
        Figure,
        Step,
        Item,
        Source,
        Cooperative,
        Organisation,
        Affiliation,
        Person,
        Programme,
        Roadmap,
        Council,
        Member,
        Cooperation,
        Event,
        Mission,
        CooperativesFile,
        FederationsFile,
        MissionsFile,
    )
    for name in model.model_fields
)
