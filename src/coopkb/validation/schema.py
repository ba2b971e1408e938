"""JSON Schemas of the data files, generated from the models (for editors and `coopkb schema`)."""

from __future__ import annotations

from typing import Any

from .models import FILE_MODELS

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
        schemas[name] = schema
    from .evidence import evidence_schema

    schemas["evidence.yaml"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + "evidence.schema.json",
        "title": "coopkb <file>.evidence.yaml",
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
