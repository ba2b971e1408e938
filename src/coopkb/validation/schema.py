"""JSON Schemas of the data files, generated from the models (for editors and `coopkb schema`)."""

from __future__ import annotations

from typing import Any

from .models import FILE_MODELS

SCHEMA_BASE = "https://coopkb.invalid/schemas/"


def json_schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema per data file name, in the files' order."""
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
    return schemas


def knowledge_base_schema() -> dict[str, Any]:
    """JSON Schema of the whole knowledge base as `coopkb export json` writes it."""
    from pydantic import create_model

    from .models import (
        Cooperation,
        Cooperative,
        Council,
        Event,
        Member,
        Mission,
        Organisation,
        Person,
    )
    from .parts import Source

    document = create_model(
        "KnowledgeBase",
        sources=(list[Source], ...),
        council=(Council, ...),
        cooperation=(Cooperation, ...),
        cooperatives=(list[Cooperative], ...),
        members=(list[Member], ...),
        missions=(list[Mission], ...),
        events=(list[Event], ...),
        organisations=(list[Organisation], ...),
        people=(list[Person], ...),
    )
    schema: dict[str, Any] = document.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + "knowledge-base.schema.json",
        "title": "coopkb knowledge base (coopkb export json)",
        **{k: v for k, v in schema.items() if k != "title"},
    }
