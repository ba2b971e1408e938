"""Pydantic types of every record in the knowledge base: the rules a data edit must satisfy.

Per-record rules live here (types, closed vocabularies, date shapes, forbidden text); rules that
need the whole knowledge base (unique slugs, resolvable references) live in ``checks.py``.
No I/O here.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import reference
from .matching import did_you_mean, fold

# C0 (except tab and newline), DEL, C1, and the bidi embedding/override/isolate characters.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w-])\+?\(?\d{1,4}\)?(?:[ .-]\d{2,4}){3,5}(?![\w-])")
_DIGIT = re.compile(r"\d")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _fail(code: str, message: str, field: str | None = None) -> PydanticCustomError:
    """A validation error with our own code and message; ``field`` names the offending key when
    a record-level rule raises it, so the error points at that key rather than the record."""
    context = {"message": message} if field is None else {"message": message, "field": field}
    return PydanticCustomError(code, "{message}", context)


def _clean_text(value: str) -> str:
    # Fast paths first (this runs for every string of every record): printable text has no
    # control or bidi character, and text without '@' or digits holds no e-mail or phone.
    bad = None if value.isprintable() else _CONTROL.search(value)
    if bad:
        raise _fail(
            "control-character",
            f"text contains the control character U+{ord(bad.group()):04X} at offset {bad.start()}",
        )
    if "@" in value and _EMAIL.search(value):
        raise _fail("personal-data", "e-mail addresses are never stored in coopkb")
    phone = _PHONE.search(value) if _DIGIT.search(value) else None
    if phone and sum(ch.isdigit() for ch in phone.group()) >= 9:
        raise _fail("personal-data", "phone numbers are never stored in coopkb")
    if not value.strip():
        raise _fail("blank-text", "text must not be blank")
    if value != value.strip():
        raise _fail("untrimmed-text", "text must not start or end with spaces")
    return value


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise _fail(
            "bad-slug",
            f"slug '{value}' must be lower-case ASCII kebab-case (letters, digits, single hyphens)",
        )
    return value


def _partial_date(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # an unquoted year in YAML is an integer; it is still a date
    return value


def _check_date(value: str) -> str:
    found = _DATE.fullmatch(value)
    if not found:
        raise _fail("bad-date", f"date '{value}' must be ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = found.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise _fail("bad-date", f"date '{value}' has no month {month}")
    if day is not None:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            raise _fail("bad-date", f"date '{value}' has no day {day} (that month has {last})")
    return value


def _url(value: str) -> str:
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or "." not in host or " " in value:
        raise _fail("bad-url", f"'{value}' is not a well-formed http(s) URL")
    return value


def _closed(name: str, choices: tuple[str, ...] | list[str]) -> AfterValidator:
    def check(value: str) -> str:
        if value in choices:
            return value
        hint = did_you_mean(value, choices)
        raise _fail(f"unknown-{name.replace(' ', '-')}", f"'{value}' is not a known {name}{hint}")

    return AfterValidator(check)


def _region(value: str) -> str:
    for regions in reference.COUNTRIES.values():
        if value in regions.values():
            return value
    official = reference.official_region(value)
    if official:
        message = f"region '{value}' is not the official spelling (did you mean '{official}'?)"
    else:
        hint = did_you_mean(value, reference.QUEBEC_REGIONS.values())
        if not hint:
            hint = did_you_mean(value, reference.FRENCH_REGIONS.values())
        message = f"region '{value}' is not a Quebec administrative region{hint}"
    raise _fail("unknown-region", message)


def _mrc(value: str) -> str:
    if value == reference.OUTSIDE_MRC or value in reference.MRCS:
        return value
    official = reference.official_mrc(value)
    if official:
        raise _fail(
            "mrc-spelling",
            f"MRC '{value}' is not the official spelling "
            f"(did you mean '{official}'? keep the variant in 'aliases')",
        )
    near = [m for m in reference.MRCS if fold(m)[:4] == fold(value)[:4]]
    if near and did_you_mean(value, near):
        raise _fail("mrc-spelling", f"MRC '{value}' looks misspelled{did_you_mean(value, near)}")
    return value  # an MRC the sources have not named yet: accepted as written


def _enum(values: Iterable[str]) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "enum": list(values)})


_SLUG_SCHEMA = WithJsonSchema({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})
_DATE_SCHEMA = WithJsonSchema(
    {"type": ["string", "integer"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
)
_QUALIFIERS = ("plus de", "environ", "au moins", "jusqu'à")
_ALL_REGIONS = (*reference.QUEBEC_REGIONS.values(), *reference.FRENCH_REGIONS.values())

Text = Annotated[str, AfterValidator(_clean_text)]
Slug = Annotated[str, AfterValidator(_slug), _SLUG_SCHEMA]
Ref = Annotated[str, AfterValidator(_slug), _SLUG_SCHEMA]
PartialDate = Annotated[
    str, BeforeValidator(_partial_date), AfterValidator(_check_date), _DATE_SCHEMA
]
Url = Annotated[
    str,
    AfterValidator(_clean_text),
    AfterValidator(_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]
Region = Annotated[str, AfterValidator(_region), _enum(_ALL_REGIONS)]
Mrc = Annotated[str, AfterValidator(_mrc)]
Country = Annotated[str, _closed("country", tuple(reference.COUNTRIES)), _enum(reference.COUNTRIES)]
LegalCategory = Annotated[
    str,
    _closed("legal category", tuple(reference.LEGAL_CATEGORIES)),
    _enum(reference.LEGAL_CATEGORIES),
]
ActionModel = Annotated[
    str,
    _closed("collective-action model", tuple(reference.COLLECTIVE_ACTION_MODELS)),
    _enum(reference.COLLECTIVE_ACTION_MODELS),
]
SectorGroup = Annotated[
    str, _closed("sector group", reference.SECTOR_GROUPS), _enum(reference.SECTOR_GROUPS)
]
BodyKind = Annotated[
    str, _closed("kind of body", reference.BODY_KINDS), _enum(reference.BODY_KINDS)
]
OrganisationKind = Annotated[
    str,
    _closed("kind of organisation", reference.ORGANISATION_KINDS),
    _enum(reference.ORGANISATION_KINDS),
]
Qualifier = Annotated[str, _closed("qualifier", _QUALIFIERS), _enum(_QUALIFIERS)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _check_period(start: str | None, end: str | None) -> None:
    if start is not None and end is not None and end < start[: len(end)]:
        raise _fail("end-before-start", f"end '{end}' is before start '{start}'", field="end")


class Figure(Model):
    """A number the sources give, with what it counts."""

    label: Text
    value: int | float
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
