"""The parts records are made of: for every field of every kind (and of the sub-records a field
may hold: steps, figures, items, affiliations), which part it is.

A renderer or exporter dispatches on the part, never on a field's name, so a new field, a
reference inside a step or a new kind needs no change in ``show``, the machine formats, CSV,
SQLite, search, the timeline or ``diff``. The table is generated from the models
(``python -m coopkb.validation.graph``) so that queries, which never import Pydantic, read the
same description; ``tests/test_graph.py`` fails when the two differ.

The parts:

- ``scalar``: one value (``type``: string, date, url, integer, number)
- ``list``: a list of scalar values (texts: actions, outlook, aliases…)
- ``reference`` / ``references``: the slug(s) of other records (``targets``: their kinds)
- ``sources``: the ids of the cited sources
- ``mapping`` / ``mappings``: one or a list of sub-records of ``shape`` (step, figure, item,
  affiliation), whose own fields are described under that shape
- ``records``: records of their own, nested (the council's programmes and roadmaps)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from .graph import ORGS


class Scalar(NamedTuple):
    """Marks a text field's type when it is more than text (a model's ``Annotated`` metadata)."""

    type: str


class Part(NamedTuple):
    owner: str  # a kind of record, or the shape of a sub-record (step, figure, item, affiliation)
    field: str
    part: str  # scalar, list, reference, references, sources, mapping, mappings, records
    type: str = "string"  # of a scalar or of a list's items
    targets: tuple[str, ...] = ()  # the kinds a reference may point at
    shape: str = ""  # the sub-record's shape (mapping, mappings) or the nested kind (records)
    required: bool = False


# The shapes of sub-records (the owners of parts that are not kinds).
SHAPES: tuple[str, ...] = ("step", "figure", "item", "affiliation", "source")

# --- generated: do not edit by hand (python -m coopkb.validation.graph) ---
# fmt: off
PARTS: tuple[Part, ...] = (
    Part("council", "slug", "scalar", required=True),
    Part("council", "name", "scalar", required=True),
    Part("council", "aliases", "list"),
    Part("council", "acronym", "scalar", required=True),
    Part("council", "founded", "scalar", type="date", required=True),
    Part("council", "founding_context", "scalar", required=True),
    Part("council", "history", "mappings", shape="step"),
    Part("council", "description", "scalar", required=True),
    Part("council", "activity", "scalar"),
    Part("council", "cooperative_traits", "list"),
    Part("council", "cooperative_difference", "list"),
    Part("council", "collective_action", "list"),
    Part("council", "innovating_in_collective_action", "list"),
    Part("council", "represents", "mappings", shape="figure"),
    Part("council", "network", "list"),
    Part("council", "research_activities", "list"),
    Part("council", "fields_of_action", "mappings", shape="item"),
    Part("council", "strategic_axes", "mappings", shape="item"),
    Part("council", "proximity_milestones", "mappings", shape="step"),
    Part("council", "collective_action_models", "mappings", shape="item"),
    Part("council", "outlook", "list"),
    Part("council", "programmes", "records", shape="programme"),
    Part("council", "roadmaps", "records", shape="roadmap"),
    Part("council", "sources", "sources", targets=("source",), required=True),
    Part("programme", "slug", "scalar", required=True),
    Part("programme", "name", "scalar", required=True),
    Part("programme", "aliases", "list"),
    Part("programme", "start", "scalar", type="date"),
    Part("programme", "end", "scalar", type="date"),
    Part("programme", "funder", "scalar"),
    Part("programme", "description", "scalar"),
    Part("programme", "steps", "mappings", shape="step"),
    Part("programme", "figures", "mappings", shape="figure"),
    Part("programme", "sources", "sources", targets=("source",), required=True),
    Part("roadmap", "slug", "scalar", required=True),
    Part("roadmap", "name", "scalar", required=True),
    Part("roadmap", "aliases", "list"),
    Part("roadmap", "date", "scalar", type="date", required=True),
    Part("roadmap", "description", "scalar"),
    Part("roadmap", "levers", "mappings", shape="item", required=True),
    Part("roadmap", "sources", "sources", targets=("source",), required=True),
    Part("cooperation", "slug", "scalar", required=True),
    Part("cooperation", "name", "scalar", required=True),
    Part("cooperation", "aliases", "list"),
    Part("cooperation", "partners", "references", targets=ORGS, required=True),
    Part("cooperation", "associated_partners", "references", targets=ORGS),
    Part("cooperation", "funding", "scalar", required=True),
    Part("cooperation", "funder", "reference", targets=ORGS, required=True),
    Part("cooperation", "start", "scalar", type="date", required=True),
    Part("cooperation", "end", "scalar", type="date", required=True),
    Part("cooperation", "duration_months", "scalar", type="integer", required=True),
    Part("cooperation", "phases", "scalar", type="integer"),
    Part("cooperation", "origin", "scalar", required=True),
    Part("cooperation", "context", "list"),
    Part("cooperation", "strategic_objectives", "list"),
    Part("cooperation", "specific_objectives", "list"),
    Part("cooperation", "sources", "sources", targets=("source",), required=True),
    Part("cooperative", "slug", "scalar", required=True),
    Part("cooperative", "name", "scalar", required=True),
    Part("cooperative", "aliases", "list"),
    Part("cooperative", "country", "scalar"),
    Part("cooperative", "region", "scalar"),
    Part("cooperative", "mrc", "scalar"),
    Part("cooperative", "municipality", "scalar"),
    Part("cooperative", "locality", "scalar"),
    Part("cooperative", "source_kind", "scalar"),
    Part("cooperative", "legal_category", "scalar"),
    Part("cooperative", "sector", "scalar"),
    Part("cooperative", "project", "reference", targets=("programme", "cooperation")),
    Part("cooperative", "model", "scalar"),
    Part("cooperative", "founded", "scalar", type="date"),
    Part("cooperative", "hosted_by", "reference", targets=ORGS),
    Part("cooperative", "website", "scalar", type="url"),
    Part("cooperative", "description", "scalar"),
    Part("cooperative", "purpose", "scalar"),
    Part("cooperative", "leadership", "list"),
    Part("cooperative", "timeline", "mappings", shape="step"),
    Part("cooperative", "projects", "mappings", shape="step"),
    Part("cooperative", "figures", "mappings", shape="figure"),
    Part("cooperative", "sources", "sources", targets=("source",), required=True),
    Part("member", "slug", "scalar", required=True),
    Part("member", "name", "scalar", required=True),
    Part("member", "aliases", "list"),
    Part("member", "acronym", "scalar"),
    Part("member", "sector_group", "scalar", required=True),
    Part("member", "body_kind", "scalar"),
    Part("member", "member_of", "reference", targets=("council",), required=True),
    Part("member", "description", "scalar"),
    Part("member", "sources", "sources", targets=("source",), required=True),
    Part("mission", "slug", "scalar", required=True),
    Part("mission", "name", "scalar", required=True),
    Part("mission", "aliases", "list"),
    Part("mission", "country", "scalar"),
    Part("mission", "region", "scalar"),
    Part("mission", "mrc", "scalar"),
    Part("mission", "municipality", "scalar"),
    Part("mission", "locality", "scalar"),
    Part("mission", "number", "scalar", type="integer", required=True),
    Part("mission", "cooperation", "reference", targets=("cooperation",), required=True),
    Part("mission", "start", "scalar", type="date", required=True),
    Part("mission", "end", "scalar", type="date"),
    Part("mission", "destination", "scalar", required=True),
    Part("mission", "date_note", "scalar"),
    Part("mission", "status", "scalar"),
    Part("mission", "delegation_from", "references", targets=ORGS),
    Part("mission", "delegation", "references", targets=("person",)),
    Part("mission", "delegation_size", "scalar", type="integer"),
    Part("mission", "delegation_note", "scalar"),
    Part("mission", "visits", "references", targets=ORGS),
    Part("mission", "events", "references", targets=("event",)),
    Part("mission", "activities", "list"),
    Part("mission", "sources", "sources", targets=("source",), required=True),
    Part("event", "slug", "scalar", required=True),
    Part("event", "name", "scalar", required=True),
    Part("event", "aliases", "list"),
    Part("event", "country", "scalar"),
    Part("event", "region", "scalar"),
    Part("event", "mrc", "scalar"),
    Part("event", "municipality", "scalar"),
    Part("event", "locality", "scalar"),
    Part("event", "start", "scalar", type="date", required=True),
    Part("event", "end", "scalar", type="date"),
    Part("event", "date_note", "scalar"),
    Part("event", "organisers", "references", targets=ORGS),
    Part("event", "participants", "mapping", shape="figure"),
    Part("event", "description", "scalar"),
    Part("event", "sources", "sources", targets=("source",), required=True),
    Part("organisation", "slug", "scalar", required=True),
    Part("organisation", "name", "scalar", required=True),
    Part("organisation", "aliases", "list"),
    Part("organisation", "country", "scalar"),
    Part("organisation", "region", "scalar"),
    Part("organisation", "mrc", "scalar"),
    Part("organisation", "municipality", "scalar"),
    Part("organisation", "locality", "scalar"),
    Part("organisation", "kind", "scalar"),
    Part("organisation", "parent", "reference", targets=ORGS),
    Part("organisation", "hosted_by", "reference", targets=ORGS),
    Part("organisation", "founded", "scalar", type="date"),
    Part("organisation", "website", "scalar", type="url"),
    Part("organisation", "description", "scalar"),
    Part("organisation", "sources", "sources", targets=("source",), required=True),
    Part("person", "slug", "scalar", required=True),
    Part("person", "name", "scalar", required=True),
    Part("person", "aliases", "list"),
    Part("person", "affiliations", "mappings", shape="affiliation", required=True),
    Part("person", "description", "scalar"),
    Part("person", "sources", "sources", targets=("source",), required=True),
    Part("step", "event", "scalar", required=True),
    Part("step", "date", "scalar", type="date"),
    Part("step", "end", "scalar", type="date"),
    Part("figure", "label", "scalar", required=True),
    Part("figure", "value", "scalar", type="number", required=True),
    Part("figure", "unit", "scalar"),
    Part("figure", "qualifier", "scalar"),
    Part("figure", "date", "scalar", type="date"),
    Part("item", "number", "scalar", type="integer"),
    Part("item", "name", "scalar", required=True),
    Part("item", "description", "scalar"),
    Part("item", "actions", "list"),
    Part("affiliation", "organisation", "reference", targets=ORGS),
    Part("affiliation", "role", "scalar"),
    Part("affiliation", "date", "scalar", type="date"),
    Part("source", "id", "scalar", required=True),
    Part("source", "title", "scalar", required=True),
    Part("source", "author", "scalar", required=True),
    Part("source", "date", "scalar", type="date"),
    Part("source", "date_note", "scalar"),
    Part("source", "kind", "scalar", required=True),
    Part("source", "document", "scalar", required=True),
    Part("source", "url", "scalar", type="url"),
)
# fmt: on
# --- end of generated part ---

PART_OF: dict[tuple[str, str], Part] = {(p.owner, p.field): p for p in PARTS}
FIELDS_OF: dict[str, tuple[Part, ...]] = {}
for _part in PARTS:
    FIELDS_OF[_part.owner] = (*FIELDS_OF.get(_part.owner, ()), _part)


def part_of(owner: str, field: str) -> Part | None:
    """The part a field is for its owner; None for what no model describes (coopkb's own
    additions: ``type``, ``links``…)."""
    return PART_OF.get((owner, field))


def fields_of_part(owner: str, part: str, shape: str | None = None) -> tuple[str, ...]:
    """The owner's fields that are ``part`` (of ``shape``, when given), in the model's order."""
    return tuple(
        p.field
        for p in FIELDS_OF.get(owner, ())
        if p.part == part and (shape is None or p.shape == shape)
    )


def shapes_in(owners: Iterable[str]) -> tuple[str, ...]:
    """The sub-record shapes the owners' fields hold, each once, in order."""
    found: dict[str, None] = {}
    for owner in owners:
        for p in FIELDS_OF.get(owner, ()):
            if p.part in ("mapping", "mappings"):
                found[p.shape] = None
    return tuple(found)


__all__ = ["ORGS", "PARTS", "Part", "Scalar", "part_of", "fields_of_part", "shapes_in"]
