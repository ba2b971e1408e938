"""The record graph derived from the models' ``RefTo`` marks, and the generator of ``graph.py``.

Run ``python -m coopkb.validation.graph`` after adding or changing a reference field: it rewrites
the generated table in ``coopkb/graph.py`` (``tests/test_graph.py`` fails until it is current).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..graph import ORGS, Reference, RefTo
from .models import RECORD_MODELS

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


def rewrite(path: Path) -> bool:
    """Put the current generated part into ``path``; True when it changed."""
    text = path.read_text("utf-8")
    start, end = text.index(_BEGIN), text.index(_END) + len(_END)
    new = text[:start] + generated_source() + text[end:]
    if new != text:
        path.write_text(new, "utf-8")
    return new != text


if __name__ == "__main__":  # pragma: no cover - a maintainer's command, tested through rewrite()
    target = Path(__file__).resolve().parent.parent / "graph.py"
    print("rewrote" if rewrite(target) else "already current", target)
