"""The data dictionary of CONTRIBUTING.md: a formatter of the models' field descriptions.

``test_docs`` fails when a model field has no description (see ``meanings.py``), or when
CONTRIBUTING.md no longer matches what :func:`markdown` generates.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from . import models, parts

RECORDS: dict[str, type[BaseModel]] = {
    "cooperatives.yaml › cooperatives[]": models.Cooperative,
    "federations.yaml › council": models.Council,
    "federations.yaml › council › programmes[]": models.Programme,
    "federations.yaml › council › roadmaps[]": models.Roadmap,
    "federations.yaml › members[]": models.Member,
    "*.yaml › sources[]": parts.Source,
    "*.yaml › organisations[]": models.Organisation,
    "*.yaml › people[]": models.Person,
    "missions.yaml › cooperation": models.Cooperation,
    "missions.yaml › events[]": models.Event,
    "missions.yaml › missions[]": models.Mission,
    "figure (in figures, represents, participants)": parts.Figure,
    "step (in timeline, projects, steps, proximity_milestones)": parts.Step,
    "item (in fields_of_action, strategic_axes, levers…)": parts.Item,
    "affiliation (in affiliations)": models.Affiliation,
}


def undocumented() -> list[str]:
    """Fields of any model that have no description."""
    return sorted(
        {
            name
            for model in (*RECORDS.values(), *models.FILE_MODELS.values())
            for name, info in model.model_fields.items()
            if not info.description
        }
    )


def markdown() -> str:
    """The data dictionary as Markdown tables, one per kind of record."""
    parts: list[str] = []
    for title, model in RECORDS.items():
        properties = model.model_json_schema()["properties"]
        parts += [f"#### {title}", "", "| field | type | required | meaning |", "|---|---|---|---|"]
        for name, info in model.model_fields.items():
            required = "yes" if info.is_required() else ""
            kind = _type_name(properties[name])
            parts.append(f"| `{name}` | {kind} | {required} | {info.description or ''} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def _type_name(schema: dict[str, Any]) -> str:
    """A short reading of a JSON Schema property: text, date, slug, list of step, one of …"""
    options = [o for o in schema.get("anyOf", [schema]) if o.get("type") != "null"]
    if len(options) > 1:
        return " or ".join(_type_name(o) for o in options)
    option = options[0]
    if "$ref" in option:
        return str(option["$ref"]).rsplit("/", 1)[-1].lower()
    if "enum" in option:
        return "one of the listed values"
    if option.get("type") == "array":
        return f"list of {_type_name(option.get('items', {}))}"
    pattern = option.get("pattern", "")
    if pattern.startswith("^[a-z0-9]"):
        return "slug"
    if pattern.startswith("^[0-9]{4}"):
        return "date"
    if option.get("format") == "uri":
        return "URL"
    kind = option.get("type")
    if isinstance(kind, list):
        return "date"
    return {"string": "text", "integer": "integer", "number": "number"}.get(str(kind), str(kind))
