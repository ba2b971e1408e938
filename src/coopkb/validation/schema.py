"""JSON Schemas of the data files, generated from the models (for editors and `coopkb schema`).

What an editor reads in the language server's hover and errors is written for them: each
field's title is its label and its description its meaning, in the interface's language (the
schemas in the repository are French: ``coopkb --lang fr schema --output-dir schemas``); an
optional field is its own type with ``null`` beside it, so a wrong value gets one error ("not one
of …"), not "is not of type 'null'" first.
"""

from __future__ import annotations

from typing import Any

from ..i18n import N_, _
from .models import FILE_MODELS

# What the top-level keys of a data file hold (their fields' meanings are the records').
_SECTION_MEANINGS: dict[str, str] = {
    "sources": N_("The documents the records of this file cite, one entry per source (its id)."),
}

SCHEMA_BASE = "https://coopkb.invalid/schemas/"


def json_schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema per data file name, in the files' order; then the evidence files'."""
    schemas: dict[str, dict[str, Any]] = {}
    for name, model in FILE_MODELS.items():
        schema = model.model_json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": SCHEMA_BASE + name.replace(".yaml", ".schema.json"),
            "title": f"coopkb {name}",
            **{k: v for k, v in schema.items() if k != "title"},
        }
        schemas[name] = for_editors(schema)
    from .evidence import evidence_schema

    schemas["evidence.yaml"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + "evidence.schema.json",
        "title": _("coopkb evidence file ({name})").format(name="*.evidence.yaml"),
        **evidence_schema(),
    }
    return schemas


def knowledge_base_schema() -> dict[str, Any]:
    """JSON Schema of the whole knowledge base as `coopkb export json` writes it."""
    from pydantic import create_model

    from ..kinds import KINDS
    from .models import RECORD_MODELS
    from .parts import Source

    # Every section of the whole base, from the table of kinds (nested kinds stay inside).
    sections: dict[str, Any] = {}
    for kind in KINDS:
        model = Source if kind.holder == "cited" else RECORD_MODELS.get(kind.name)
        if kind.holder == "single":
            sections[kind.section] = (model, ...)
        elif kind.holder in ("list", "cited"):
            sections[kind.section] = (list[model], ...)  # type: ignore[valid-type]
    document = create_model("KnowledgeBase", **sections)
    schema: dict[str, Any] = document.model_json_schema(mode="serialization")
    from .evidence import evidence_schema

    claim = evidence_schema()["properties"]["evidence"]["additionalProperties"]["items"]
    schema.setdefault("properties", {})["evidence"] = {
        "type": "object",
        "description": "Where each value comes from: the evidence files' claims.",
        "properties": {
            "files": {"type": "array", "items": {"type": "string"}},
            "claims": {
                "type": "array",
                "items": {
                    **claim,
                    "required": ["record", "of"],
                    "properties": {**claim["properties"], "record": {"type": "string"}},
                },
            },
        },
    }
    schema["properties"]["derived"] = {
        "type": "object",
        "description": "Per record, the fields taken from an official list (field -> list id).",
        "additionalProperties": {"type": "object", "additionalProperties": {"type": "string"}},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + "knowledge-base.schema.json",
        "title": "coopkb knowledge base (coopkb export json)",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def for_editors(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with labels, meanings and single-type optional fields (see the module's
    docstring). Pure: a new dictionary."""
    from ..i18n import language
    from ..kinds import KINDS
    from ..labels import field_label, kind_label
    from .meanings import meaning_of

    owners = {kind.model: kind.name for kind in KINDS}

    def fields(properties: dict[str, Any], owner: str | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field, definition in properties.items():
            written = _single_type(definition)
            written["title"] = _capital(field_label(field, owner))
            meaning = _SECTION_MEANINGS.get(field) if owner is None else None
            meaning = meaning or (meaning_of(owner, field) if owner else None)
            if meaning:
                written["description"] = _(meaning)
            elif isinstance(written.get("description"), str):
                written["description"] = _(written["description"])
            out[field] = written
        return out

    result = dict(schema)
    result["properties"] = fields(schema.get("properties", {}), None)
    definitions = {}
    for name, definition in schema.get("$defs", {}).items():
        owner = owners.get(name, name.lower())
        written = {
            **definition,
            "title": _capital(kind_label(owner))
            if owner in owners.values()
            else _capital(_(_SHAPE_TITLES.get(name, name))),
            "properties": fields(definition.get("properties", {}), owner),
        }
        if language() != "en":  # a model's docstring is English prose for developers
            written.pop("description", None)
        definitions[name] = written
    if definitions:
        result["$defs"] = definitions
    return result


# The sub-records' titles, in the reader's language (« Étape », not "Step").
_SHAPE_TITLES = {
    "Step": N_("step"),
    "Figure": N_("figure"),
    "Item": N_("item"),
    "Affiliation": N_("affiliation"),
    "Source": N_("source"),
}


def _single_type(definition: dict[str, Any]) -> dict[str, Any]:
    """``{anyOf: [X, {type: null}]}`` as X accepting null: ``type: [t, "null"]`` (and ``null``
    among an enum's values)."""
    options = definition.get("anyOf")
    if not isinstance(options, list) or len(options) != 2 or {"type": "null"} not in options:
        return dict(definition)
    (other,) = [o for o in options if o != {"type": "null"}]
    if "type" not in other:  # a reference: kept as a choice
        return dict(definition)
    merged = {k: v for k, v in definition.items() if k != "anyOf"}
    merged.update(other)
    kinds = other["type"] if isinstance(other["type"], list) else [other["type"]]
    merged["type"] = [*kinds, "null"]
    if "enum" in other:
        merged["enum"] = [*other["enum"], None]
    return merged


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]
