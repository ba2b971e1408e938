"""The data dictionary of CONTRIBUTING.md: a formatter of the models' field descriptions.

``test_docs`` fails when a model field has no description (see ``meanings.py``), or when
CONTRIBUTING.md no longer matches what :func:`markdown` generates
(``python -m coopkb.validation.data_dictionary`` rewrites it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..kinds import KIND, KINDS
from ..parts import PARTS
from . import models


def _titles() -> dict[str, type[BaseModel]]:
    """Each kind's model under where it stands (``federations.yaml › council › programmes[]``),
    then each sub-record shape under the fields holding it; from the tables of kinds and parts."""
    from .graph import SHAPE_MODELS

    holder_of = {p.shape: p.owner for p in PARTS if p.part == "records"}
    out: dict[str, type[BaseModel]] = {}
    for kind in KINDS:
        model = (
            SHAPE_MODELS["source"] if kind.holder == "cited" else models.RECORD_MODELS[kind.name]
        )
        where = kind.files[0] if len(kind.files) == 1 else "*.yaml"
        section = kind.section + ("" if kind.holder == "single" else "[]")
        if kind.holder == "nested":
            section = f"{KIND[holder_of[kind.name]].section} › {section}"
        out[f"{where} › {section}"] = model
    for shape, model in SHAPE_MODELS.items():
        fields = list(dict.fromkeys(p.field for p in PARTS if p.shape == shape))
        if fields:
            out[f"{shape} (in {', '.join(fields)})"] = model
    return out


RECORDS: dict[str, type[BaseModel]] = _titles()


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


def rewrite(path: Path) -> bool:
    """Put the current dictionary between the markers of ``path``; True when it changed."""
    text = path.read_text("utf-8")
    begin, end = "<!-- data-dictionary:start -->\n", "<!-- data-dictionary:end -->"
    head, rest = text.split(begin, 1)
    new = head + begin + markdown() + end + rest.split(end, 1)[1]
    if new != text:
        path.write_text(new, "utf-8")
    return new != text


if __name__ == "__main__":  # pragma: no cover - a maintainer's command, tested through rewrite()
    target = Path.cwd() / "CONTRIBUTING.md"
    print("rewrote" if rewrite(target) else "already current", target)
