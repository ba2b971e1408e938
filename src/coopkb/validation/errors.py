"""Pydantic's validation errors, translated into problems an editor can act on.

Each error is placed on the line and column of the offending value (or of its key, for an unknown
field), and worded for the YAML the editor wrote rather than for Python types.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..matching import did_you_mean, quote
from ..problems import Problem
from .loader import LoadedFile
from .models import FILE_MODELS, KNOWN_FIELDS

_MESSAGES: dict[str, Callable[[str, dict[str, Any]], str]] = {
    "missing": lambda f, e: f"missing required field {f}",
    "extra_forbidden": lambda f, e: f"unknown field {f}{did_you_mean(e['key'], KNOWN_FIELDS)}",
    "string_type": lambda f, e: f"{f} must be text, got {_describe(e['input'])}",
    "int_type": lambda f, e: f"{f} must be a whole number, got {_describe(e['input'])}",
    "float_type": lambda f, e: f"{f} must be a number, got {_describe(e['input'])}",
    "list_type": lambda f, e: f"{f} must be a list, got {_describe(e['input'])}",
    "model_type": lambda f, e: f"{f} must be a mapping of fields, got {_describe(e['input'])}",
    "dict_type": lambda f, e: f"{f} must be a mapping of fields, got {_describe(e['input'])}",
    "too_short": lambda f, e: f"{f} needs at least {e['ctx']['min_length']} item(s)",
    "too_long": lambda f, e: f"{f} holds more than {e['ctx']['max_length']} items",
    "string_too_long": lambda f, e: f"{f} is longer than {e['ctx']['max_length']} characters",
    "greater_than_equal": lambda f, e: f"{f} must be at least {e['ctx']['ge']}",
}


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
        field_name = quote(key)
        error = {**error, "key": key}
        if not loc and error["type"] == "model_type":
            expected = ", ".join(FILE_MODELS[file_name].model_fields)
            message = f"the file must be a mapping with the top-level keys: {expected}"
        elif kind == "number":
            message = f"{field_name} must be a finite number, got {_describe(error['input'])}"
        elif error["type"] in _MESSAGES:
            message = _MESSAGES[error["type"]](field_name, error)
        else:
            message = error["msg"]
        line, column = loaded.position(loc, at_key=error["type"] == "extra_forbidden")
        code = "not-a-number" if kind == "number" else error["type"].replace("_", "-")
        problems.setdefault(
            (line, column, message), Problem(loaded.path, line, column, code, message)
        )
    return list(problems.values())


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


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return (
            f"{str(value).lower()} (YAML reads yes/no/on/off/true/false as booleans: "
            "put the text in quotes)"
        )
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return quote(value)
