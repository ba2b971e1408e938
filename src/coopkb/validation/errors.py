"""Pydantic's validation errors, translated into problems an editor can act on.

Each error is placed on the line and column of the offending value (or of its key, for an unknown
field), and worded for the YAML the editor wrote rather than for Python types.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import N_, _
from ..labels import labelled_key
from ..matching import did_you_mean, quote
from ..placeholders import is_placeholder, placeholder_message
from ..problems import Problem
from .fields import personal_data_written
from .loader import LoadedFile
from .models import FILE_MODELS, KNOWN_FIELDS

# Pydantic error type -> message template ({field}, {got}, {limit} filled in where shown)
_MESSAGES: dict[str, str] = {
    "missing": N_("missing required field {field}"),
    "extra_forbidden": N_("unknown field {field}"),
    "string_type": N_("{field} must be text, got {got}"),
    "int_type": N_("{field} must be a whole number, got {got}"),
    "float_type": N_("{field} must be a number, got {got}"),
    "list_type": N_("{field} must be a list, got {got}"),
    "model_type": N_("{field} must be a mapping of fields, got {got}"),
    "dict_type": N_("{field} must be a mapping of fields, got {got}"),
    "too_short": N_("{field} needs at least {limit} item(s)"),
    "too_long": N_("{field} holds more than {limit} items"),
    "string_too_long": N_("{field} is longer than {limit} characters"),
    "greater_than_equal": N_("{field} must be at least {limit}"),
}
_LIMITS = ("min_length", "max_length", "ge")


def fields_at(loc: tuple[Any, ...]) -> list[str]:
    """The fields the record or sub-record at ``loc`` may hold (a suggestion for a mistyped
    field comes from its own kind: `courriel` on a cooperative is never "council")."""
    from ..parts import FIELDS_OF

    return [p.field for p in FIELDS_OF.get(owner_at(loc) or "", ())] or sorted(KNOWN_FIELDS)


def _required(loc: tuple[Any, ...], key: str) -> bool:
    """Whether the field ``key`` at ``loc`` must be there (its line cannot be deleted)."""
    from ..parts import part_of

    part = part_of(owner_at(loc[: len(loc) - 1] if isinstance(loc[-1], int) else loc) or "", key)
    return part is not None and part.required


def owner_at(loc: tuple[Any, ...]) -> str | None:
    """The kind or sub-record shape that holds the last field of ``loc``."""
    from ..layout import LIST_SECTIONS, NESTED_SECTIONS, SINGLE_SECTIONS
    from ..parts import part_of

    sections = {**LIST_SECTIONS, **SINGLE_SECTIONS, **NESTED_SECTIONS}
    owner = None
    for step in loc[:-1]:
        if not isinstance(step, str):
            continue
        if owner is None and step in sections:
            owner = sections[step]
        elif owner is not None:
            part = part_of(owner, step)
            if part is not None and part.part in ("mapping", "mappings"):
                owner = part.shape
            elif part is not None and part.part == "records":
                owner = sections.get(step, owner)
    if owner is None and loc and loc[0] == "sources":
        owner = "source"
    return owner


def _message(error_type: str, field_name: str, error: dict[str, Any]) -> str:
    context = error.get("ctx") or {}
    limit = next((context[k] for k in _LIMITS if k in context), "")
    if isinstance(limit, float) and limit.is_integer():  # int | float fields: one message
        limit = int(limit)
    text = _(_MESSAGES[error_type]).format(
        field=field_name, got=_describe(error.get("input")), limit=limit
    )
    if error_type == "extra_forbidden":
        loc = tuple(error.get("loc") or ())
        fields = fields_at(loc)
        labelled = _key_of_label(error["key"], fields, owner_at(loc))
        if labelled is not None:
            # « fondation: » is how show and diff name the field; the file keeps its key
            text += _(": a field's label, not its key; write {key}").format(key=quote(labelled))
        else:
            text += did_you_mean(error["key"], fields)
    return text


def _key_of_label(typed: str, fields: list[str], owner: str | None) -> str | None:
    """The key of the field whose label, French or English, is ``typed`` (« autres noms »,
    « fondation »), case, accents and underscores aside."""
    from ..i18n import in_language
    from ..labels import field_label
    from ..matching import fold

    wanted = fold(typed.replace("_", " ").strip())
    for language in ("fr", "en"):
        with in_language(language):
            for field in fields:
                if fold(field_label(field, owner)) == wanted and field != typed:
                    return field
    return None


def translate(loaded: LoadedFile, errors: list[Any], file_name: str) -> list[Problem]:
    problems: dict[tuple[int, int, str], Problem] = {}
    for error in errors:
        field_hint = (error.get("ctx") or {}).get("field")
        full_loc = (*error["loc"], field_hint) if field_hint else tuple(error["loc"])
        loc = _data_loc(loaded.data, full_loc, error["type"])
        # A number field is a union (int | float): its members' errors say one thing together.
        number_union = error["type"] in ("int_type", "float_type", "finite_number")
        kind = "number" if len(loc) < len(error["loc"]) and number_union else error["type"]
        key = next((str(s) for s in reversed(loc) if isinstance(s, str)), "")
        # an unknown field has no label; a known one is named by its key and its label
        field_name = (
            quote(key) if error["type"] == "extra_forbidden" else labelled_key(key, owner_at(loc))
        )
        error = {**error, "key": key}
        if not loc and error["type"] == "model_type":
            expected = ", ".join(FILE_MODELS[file_name].model_fields)
            message = _("the file must be a mapping with the top-level keys: {keys}").format(
                keys=expected
            )
        elif is_placeholder(error.get("input")) and error["type"] != "extra_forbidden":
            message = placeholder_message(
                error["input"], _required(loc, key), key == "slug", key == "sources"
            )
            kind = "placeholder"
        elif error.get("input") is None and loc and isinstance(loc[-1], int) and key:
            # « - » alone on its line: an item left empty, not a value of the wrong type
            message = _(
                "item {number} of {field} is empty: write its value after the dash, or delete "
                "the line"
            ).format(number=loc[-1] + 1, field=field_name)
            kind = "empty-item"
        elif kind == "number" and (digits := number_as_written(error["input"])):
            message = _(
                "{field} must be a number without spaces, with a point for decimals: "
                "write {digits}, not {got}"
            ).format(field=field_name, digits=digits, got=_describe(error["input"]))
        elif kind == "number":
            message = _("{field} must be a finite number, got {got}").format(
                field=field_name, got=_describe(error["input"])
            )
        elif error["type"] in _MESSAGES:
            message = _message(error["type"], field_name, error)
        else:
            message = error["msg"]
        if error["type"] == "personal-data" and isinstance(error.get("input"), str):
            line, column = loaded.text_position(loc, personal_data_written(error["input"]))
        else:
            line, column = loaded.position(loc, at_key=error["type"] == "extra_forbidden")
        if kind == "empty-item":
            column = _dash_column(loaded.text, line, column)
        code = (
            "not-a-number"
            if kind == "number"
            else kind
            if kind in ("placeholder", "empty-item")
            else error["type"].replace("_", "-")
        )
        problems.setdefault(
            (line, column, message), Problem(loaded.path, line, column, code, message)
        )
    return list(problems.values())


def _dash_column(text: str, line: int, column: int) -> int:
    """An empty item's place is its dash: YAML puts the missing value one past it, where an
    editor sees nothing (« - » alone on line 50 read as 50:8, the dash at 50:7)."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return column
    before = lines[line - 1][: column - 1].rstrip(" ")
    return len(before) if before.endswith("-") else column


def _data_loc(data: Any, loc: tuple[Any, ...], error_type: str) -> tuple[str | int, ...]:
    """The part of a Pydantic error location that names real places in the data."""
    kept: list[str | int] = []
    for step in loc:
        if isinstance(data, dict) and step in data:
            data = data[step]
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        elif error_type == "missing" and isinstance(data, dict) and isinstance(step, str):
            kept.append(step)
            break
        else:
            break
        kept.append(step)
    return tuple(kept)


_SPACES = re.compile(r"[ \u00a0\u202f]")


def number_as_written(value: Any) -> str:
    """The YAML number an editor meant by a figure typed the way it is printed (« 960 000 »,
    « 2,5 »), so the message can show it; empty when the intent is unclear (« 960,000 » is
    960 in French and 960000 in English) or the text is no number at all."""
    if not isinstance(value, str):
        return ""
    packed = _SPACES.sub("", value.strip())
    if re.fullmatch(r"[0-9]+", packed) and packed != value.strip():
        return packed
    decimal = re.fullmatch(r"([0-9]+),([0-9]{1,2})", packed)
    if decimal:
        return f"{decimal[1]}.{decimal[2]}"
    return ""


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return _(
            "{value} (YAML reads yes/no/on/off/true/false as booleans: put the text in quotes)"
        ).format(value=str(value).lower())
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, int | float):
        return _("the number {value}").format(value=value)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return quote(value)
