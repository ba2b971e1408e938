"""Option values converted without Pydantic, so Typer 0.29 costs no more than 0.28 at start-up.

Typer 0.29 converts every parameter's value through a Pydantic ``TypeAdapter`` built on each
run; importing Pydantic and building the adapters took ~120 ms of a `coopkb show` that needs
neither (it reads the cache, never the models). The parameters coopkb declares are all plain
(text, whole numbers, flags, paths, choices, lists of these, or a ``parser=``), so each is given a
converter that does what Typer's adapter would do, before Click parses the line (flags too:
Typer converts a flag whose value is None). Typer's adapter still converts anything else, and
every parameter on a Typer without adapters (0.26–0.28), which converts with Click's types.

This reads Typer's private parts (``type_descriptor``, ``_runtime_param``), checked for before
use: a Typer that changes them gets its own, slower, conversion back, never a wrong one.
``tests/test_startup.py`` fails if Pydantic is imported by a query, whatever Typer is installed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

from typer import _click
from typer._click.exceptions import BadParameter

Convert = Callable[[Any], Any]


class PlainConversion:
    """The runtime converter of one parameter, in the shape Typer 0.29's ``RuntimeParam`` has."""

    def __init__(self, convert: Convert) -> None:
        self.convert = convert

    def coerce(self, value: Any, param: Any, ctx: _click.Context) -> Any:
        many = bool(param.multiple) or param.nargs == -1
        if value is None:
            return () if many else None
        if many and isinstance(value, str):
            raise BadParameter("Value must be an iterable.", ctx=ctx, param=param)
        return self._coerce_value(value, param=param, ctx=ctx)

    def _coerce_value(self, value: Any, param: Any, ctx: _click.Context) -> Any:
        try:
            return self.convert(value)
        except ValueError as err:
            raise BadParameter(str(err), ctx=ctx, param=param) from None


def give_plain_conversions(params: Iterable[_click.Parameter]) -> None:
    """Gives each of these parameters a plain converter where Typer would build an adapter."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue
        try:
            convert = converter(descriptor.annotation, descriptor.parameter_info)
        except (ImportError, AttributeError):  # a Typer whose private parts moved: its own
            convert = None
        if convert is not None:
            param._runtime_param = PlainConversion(convert)  # type: ignore[attr-defined]


def converter(annotation: Any, info: Any) -> Convert | None:
    """The plain converter of an annotation, or None where Typer's own must do it."""
    parser: Convert | None = getattr(info, "parser", None)
    if parser is not None:
        return parser
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        each = converter(item, info)
        return None if each is None else _list_of(each)
    if annotation is str:
        return _text
    if annotation is bool:
        return _flag
    if annotation is int and info.min is None and info.max is None:
        return _whole_number
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice_of(list(annotation), case_sensitive=bool(info.case_sensitive))
    if annotation is Path and info.path_type is None and not info.allow_dash:
        return _path_checked_as(info)
    return None


def _path_checked_as(info: Any) -> Convert:
    """A Path, checked by Typer's own path checks (exists, readable…): given a Path rather than
    text, they run without Pydantic."""
    check = importlib.import_module("typer._param_types").coerce_cli_path

    def convert(value: Any) -> Any:
        return check(value if isinstance(value, Path) else Path(value), info, path_type=Path)

    return convert


def _list_of(each: Convert) -> Convert:
    def convert(value: Any) -> list[Any]:
        items = value if isinstance(value, list | tuple) else [value]
        return [each(item) for item in items]

    return convert


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


_TRUE, _FALSE = {"1", "true", "t", "yes", "y", "on"}, {"", "0", "false", "f", "no", "n", "off"}


def _flag(value: Any) -> bool:
    """A flag's value: a boolean from the line, or text as Pydantic reads it (yes/no, 1/0…)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValueError(f"{value!r} is not a valid boolean.")


def _whole_number(value: Any) -> int:
    """Decimal digits, as Click's and Pydantic's integer types read them (Arabic-Indic and other
    digits that Python's ``int`` accepts are refused, as Pydantic does)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    if text.isascii():
        try:
            return int(text)
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a valid int.")  # Click's words (errors.py translates)


def _choice_of(choices: list[Enum], *, case_sensitive: bool) -> Convert:
    def fold(text: str) -> str:
        return text if case_sensitive else text.casefold()

    def convert(value: Any) -> Enum:
        if isinstance(value, Enum) and value in choices:
            return value
        for choice in choices:
            if fold(str(choice.value)) == fold(str(value)):
                return choice
        names = ", ".join(repr(str(choice.value)) for choice in choices)
        raise ValueError(f"{value!r} is not one of {names}.")

    return convert
