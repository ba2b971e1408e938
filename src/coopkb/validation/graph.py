"""The record graph derived from the models' ``RefTo`` marks, and the generator of ``graph.py``.

Run ``python -m coopkb.validation.graph`` after adding or changing a field: it rewrites the
generated tables in ``coopkb/graph.py`` (references) and ``coopkb/parts.py`` (every field's part),
and ``tests/test_graph.py`` fails until they are current.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..graph import ORGS, Reference, RefTo
from ..parts import SHAPES, Part, Scalar
from .models import RECORD_MODELS, Affiliation
from .parts import Figure, Item, Source, Step

_BEGIN = "# --- generated: do not edit by hand (python -m coopkb.validation.graph) ---\n"
_END = "# --- end of generated part ---\n"


def derived_references() -> tuple[Reference, ...]:
    """Every reference field of every kind of record, in the models' field order."""
    return tuple(
        Reference(kind, path, mark.targets, mark.link)
        for kind, model in RECORD_MODELS.items()
        for path, mark in _marks(model, ())
    )


def _marks(
    model: type[BaseModel], prefix: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], RefTo]]:
    for name, info in model.model_fields.items():
        yield from _in_type(info.annotation, list(info.metadata), (*prefix, name))


def _in_type(
    annotation: Any, metadata: list[Any], path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], RefTo]]:
    for item in metadata:
        if isinstance(item, RefTo):
            yield path, item
            return
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        yield from _in_type(base, extra, path)
    elif origin in (typing.Union, types.UnionType):
        for option in typing.get_args(annotation):
            yield from _in_type(option, [], path)
    elif origin is list:
        yield from _in_type(typing.get_args(annotation)[0], [], (*path, "*"))
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in RECORD_MODELS.values():  # nested records are walked on their own
            yield from _marks(annotation, path)


# The sub-record models, by the shape name the parts table gives them.
SHAPE_MODELS: dict[str, type[BaseModel]] = {
    "step": Step,
    "figure": Figure,
    "item": Item,
    "affiliation": Affiliation,
    "source": Source,
}
assert tuple(SHAPE_MODELS) == SHAPES, "parts.SHAPES and SHAPE_MODELS name the same shapes"


def derived_parts() -> tuple[Part, ...]:
    """Every field of every kind and sub-record shape, as the part it is, in the models' order."""
    owners = {**RECORD_MODELS, **SHAPE_MODELS}
    return tuple(
        _part_of(owner, name, info.annotation, list(info.metadata), info.is_required())
        for owner, model in owners.items()
        for name, info in model.model_fields.items()
    )


def _part_of(owner: str, name: str, annotation: Any, metadata: list[Any], required: bool) -> Part:
    annotation, metadata = _unwrapped(annotation, metadata)
    mark = next((m for m in metadata if isinstance(m, RefTo)), None)
    if mark is not None:
        return Part(owner, name, "reference", targets=mark.targets, required=required)
    if typing.get_origin(annotation) is list:
        item, item_metadata = _unwrapped(typing.get_args(annotation)[0], [])
        item_mark = next((m for m in item_metadata if isinstance(m, RefTo)), None)
        if item_mark is not None:
            return Part(owner, name, "references", targets=item_mark.targets, required=required)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return _sub_records(owner, name, item, "mappings", required)
        if name == "sources":
            return Part(owner, name, "sources", targets=("source",), required=required)
        return Part(owner, name, "list", _scalar_type(item, item_metadata), required=required)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _sub_records(owner, name, annotation, "mapping", required)
    return Part(owner, name, "scalar", _scalar_type(annotation, metadata), required=required)


def _sub_records(owner: str, name: str, model: type[BaseModel], part: str, required: bool) -> Part:
    for kind, record_model in RECORD_MODELS.items():
        if model is record_model:
            return Part(owner, name, "records", shape=kind, required=required)
    for shape, shape_model in SHAPE_MODELS.items():
        if model is shape_model:
            return Part(owner, name, part, shape=shape, required=required)
    raise TypeError(f"{owner}.{name}: {model.__name__} is neither a kind nor a shape")


def _unwrapped(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """The type without ``Optional`` and ``Annotated``, and the metadata gathered on the way."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            base, *extra = typing.get_args(annotation)
            annotation, metadata = base, [*metadata, *extra]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) == 1:
                annotation = options[0]
            else:  # int | float: a number
                unwrapped = [_unwrapped(a, [])[0] for a in options]
                return (float if float in unwrapped else str), metadata
        else:
            return annotation, metadata


def _scalar_type(annotation: Any, metadata: list[Any]) -> str:
    for item in metadata:
        if isinstance(item, Scalar):
            return item.type
    if annotation is bool:
        return "boolean"
    if annotation is int:
        return "integer"
    if annotation is float:
        return "number"
    return "string"


def generated_parts_source() -> str:
    """The generated part of ``parts.py`` for the current models."""
    lines = [_BEGIN, "# fmt: off\n", "PARTS: tuple[Part, ...] = (\n"]
    for part in derived_parts():
        args = [_literal(part.owner), _literal(part.field), _literal(part.part)]
        if part.type != "string":
            args.append(f"type={_literal(part.type)}")
        if part.targets:
            targets = "ORGS" if part.targets == ORGS else _literal(part.targets)
            args.append(f"targets={targets}")
        if part.shape:
            args.append(f"shape={_literal(part.shape)}")
        if part.required:
            args.append("required=True")
        line = f"    Part({', '.join(args)}),"
        lines.append(line + ("  # noqa: E501" if len(line) > 100 else "") + "\n")
    lines += [")\n", "# fmt: on\n", _END]
    return "".join(lines)


def generated_source() -> str:
    """The generated part of ``graph.py`` for the current models."""
    lines = [_BEGIN, "# fmt: off\n", "REFERENCES: tuple[Reference, ...] = (\n"]
    for ref in derived_references():
        targets = "ORGS" if ref.targets == ORGS else _literal(ref.targets)
        kind, path, link = _literal(ref.kind), _literal(ref.path), _literal(ref.link)
        line = f"    Reference({kind}, {path}, {targets}, {link}),"
        lines.append(line + ("  # noqa: E501" if len(line) > 100 else "") + "\n")
    lines += [")\n", "# fmt: on\n", _END]
    return "".join(lines)


def _literal(value: str | tuple[str, ...]) -> str:
    if isinstance(value, str):
        return '"' + value + '"'
    return "(" + ", ".join(_literal(v) for v in value) + ("," if len(value) == 1 else "") + ")"


def rewrite(path: Path, generated: str | None = None) -> bool:
    """Put the current generated part into ``path`` (``graph.py`` unless ``generated`` says
    otherwise); True when it changed."""
    text = path.read_text("utf-8")
    start, end = text.index(_BEGIN), text.index(_END) + len(_END)
    new = text[:start] + (generated_source() if generated is None else generated) + text[end:]
    if new != text:
        path.write_text(new, "utf-8")
    return new != text


if __name__ == "__main__":  # pragma: no cover - a maintainer's command, tested through rewrite()
    package = Path(__file__).resolve().parent.parent
    for target, generated in (
        (package / "graph.py", generated_source()),
        (package / "parts.py", generated_parts_source()),
    ):
        print("rewrote" if rewrite(target, generated) else "already current", target)
