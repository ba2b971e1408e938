"""Pydantic types of every record in the knowledge base: the rules a data edit must satisfy.

Per-record rules live here (types, closed vocabularies, date shapes, forbidden text, sizes); a
field that holds another record's slug says so with ``ref_to(kinds…, link=…)``, which is the one
description of the record graph (``graph.py`` is generated from it). Rules that need the whole
knowledge base (unique slugs, resolvable references, places) live in ``rules.py``. No I/O here.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..graph import ORGS, RefTo
from ..kinds import KINDS
from .fields import (
    ActionModel,
    BodyKind,
    LegalCategory,
    Name,
    OrganisationKind,
    PartialDate,
    Ref,
    SectorGroup,
    Slug,
    Text,
    Url,
    many,
    some,
)
from .parts import Figure, Item, Located, Model, Period, Record, Source, Step


class Cooperative(Located):
    source_kind: Text | None = None
    legal_category: LegalCategory | None = None
    sector: Text | None = None
    project: Annotated[Ref, RefTo(("programme", "cooperation"), "cooperatives")] | None = None
    model: ActionModel | None = None
    founded: PartialDate | None = None
    hosted_by: Annotated[Ref, RefTo(ORGS, "hosts")] | None = None
    website: Url | None = None
    description: Text | None = None
    purpose: Text | None = None
    leadership: list[Text] = many()
    timeline: list[Step] = many()
    projects: list[Step] = many()
    figures: list[Figure] = many()
    sources: list[Slug] = some()


class Organisation(Located):
    kind: OrganisationKind | None = None
    parent: Annotated[Ref, RefTo(ORGS, "includes")] | None = None
    hosted_by: Annotated[Ref, RefTo(ORGS, "hosts")] | None = None
    founded: PartialDate | None = None
    website: Url | None = None
    description: Text | None = None
    sources: list[Slug] = some()


class Affiliation(Model):
    organisation: Annotated[Ref, RefTo(ORGS, "people")] | None = None
    role: Text | None = None
    date: PartialDate | None = None


class Person(Record):
    affiliations: list[Affiliation] = some()
    description: Text | None = None
    sources: list[Slug] = some()


class Programme(Record, Period):
    """A programme, project, campaign or study the CQCM runs or commissions."""

    start: PartialDate | None = None
    end: PartialDate | None = None
    funder: Text | None = None
    description: Text | None = None
    steps: list[Step] = many()
    figures: list[Figure] = many()
    sources: list[Slug] = some()


class Roadmap(Record):
    date: PartialDate
    description: Text | None = None
    levers: list[Item] = some()
    sources: list[Slug] = some()


class Council(Record):
    acronym: Name
    founded: PartialDate
    founding_context: Text
    history: list[Step] = many()
    description: Text
    activity: Text | None = None
    cooperative_traits: list[Text] = many()
    cooperative_difference: list[Text] = many()
    collective_action: list[Text] = many()
    innovating_in_collective_action: list[Text] = many()
    represents: list[Figure] = many()
    network: list[Text] = many()
    research_activities: list[Text] = many()
    fields_of_action: list[Item] = many()
    strategic_axes: list[Item] = many()
    proximity_milestones: list[Step] = many()
    collective_action_models: list[Item] = many()
    outlook: list[Text] = many()
    programmes: list[Programme] = many()
    roadmaps: list[Roadmap] = many()
    sources: list[Slug] = some()


class Member(Record):
    acronym: Name | None = None
    sector_group: SectorGroup
    body_kind: BodyKind | None = None
    member_of: Annotated[Ref, RefTo(("council",), "members")]
    description: Text | None = None
    sources: list[Slug] = some()


class Cooperation(Record, Period):
    partners: list[Annotated[Ref, RefTo(ORGS, "partner of")]] = some(2)
    associated_partners: list[Annotated[Ref, RefTo(ORGS, "associated partner of")]] = many()
    funding: Text
    funder: Annotated[Ref, RefTo(ORGS, "funder of")]
    start: PartialDate
    end: PartialDate
    duration_months: int = Field(ge=1)
    phases: int | None = Field(default=None, ge=1)
    origin: Text
    context: list[Text] = many()
    strategic_objectives: list[Text] = many()
    specific_objectives: list[Text] = many()
    sources: list[Slug] = some()


class Event(Located, Period):
    start: PartialDate
    end: PartialDate | None = None
    date_note: Text | None = None
    organisers: list[Annotated[Ref, RefTo(ORGS, "organiser of")]] = many()
    participants: Figure | None = None
    description: Text | None = None
    sources: list[Slug] = some()


class Mission(Located, Period):
    number: int = Field(ge=1)
    cooperation: Annotated[Ref, RefTo(("cooperation",), "missions")]
    start: PartialDate
    end: PartialDate | None = None
    destination: Text
    date_note: Text | None = None
    status: Text | None = None
    delegation_from: list[Annotated[Ref, RefTo(ORGS, "sent a delegation on")]] = many()
    delegation: list[Annotated[Ref, RefTo(("person",), "delegation member of")]] = many()
    delegation_size: int | None = Field(default=None, ge=0)
    delegation_note: Text | None = None
    visits: list[Annotated[Ref, RefTo(ORGS, "met during")]] = many()
    events: list[Annotated[Ref, RefTo(("event",), "attended during")]] = many()
    activities: list[Text] = many()
    sources: list[Slug] = some()


class CooperativesFile(Model):
    sources: list[Source] = many()
    cooperatives: list[Cooperative] = Field(min_length=1)


class FederationsFile(Model):
    sources: list[Source] = many()
    council: Council
    members: list[Member] = some()
    organisations: list[Organisation] = many()
    people: list[Person] = many()
    events: list[Event] = many()


class MissionsFile(Model):
    sources: list[Source] = many()
    cooperation: Cooperation
    organisations: list[Organisation] = many()
    people: list[Person] = many()
    events: list[Event] = many()
    missions: list[Mission] = some()


FILE_MODELS: dict[str, type[Model]] = {
    "cooperatives.yaml": CooperativesFile,
    "federations.yaml": FederationsFile,
    "missions.yaml": MissionsFile,
}

# The model of each kind of record (named in the table of kinds), for the record graph and
# `coopkb new`.
RECORD_MODELS: dict[str, type[Model]] = {
    kind.name: globals()[kind.model] for kind in KINDS if kind.holder != "cited"
}

# Every field name any record may carry, for "unknown field (did you mean …)" hints.
_ALL_MODELS: tuple[type[Model], ...] = (
    *RECORD_MODELS.values(),
    Figure,
    Step,
    Item,
    Source,
    Affiliation,
    *FILE_MODELS.values(),
)
KNOWN_FIELDS: frozenset[str] = frozenset(
    name for model in _ALL_MODELS for name in model.model_fields
)
