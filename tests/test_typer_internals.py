"""Typer's private names coopkb relies on, one test each: a Typer release that moves one fails
here by name, not as a traceback in a user's shell (see the reason in pyproject.toml)."""

from __future__ import annotations

import importlib
from importlib.metadata import version

import pytest


def _typer_version() -> tuple[int, ...]:
    return tuple(int(part) for part in version("typer").split(".")[:2])


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("typer._click", "Context"),
        ("typer._click", "HelpFormatter"),
        ("typer._click", "Parameter"),
        ("typer._click.exceptions", "ClickException"),
        ("typer._click.exceptions", "UsageError"),
        ("typer._click.exceptions", "NoSuchOption"),
        ("typer._click.exceptions", "MissingParameter"),
        ("typer._click.exceptions", "BadParameter"),
        ("typer.core", "TyperCommand"),
        ("typer.core", "TyperGroup"),
    ],
)
def test_the_bundled_click_has_what_coopkb_uses(module: str, name: str) -> None:
    assert hasattr(importlib.import_module(module), name), f"{module}.{name} moved"


def test_the_usage_pieces_and_help_hooks_are_there() -> None:
    from typer import _click

    for hook in ("collect_usage_pieces", "format_help", "parse_args", "get_short_help_str"):
        assert hasattr(_click.Command, hook), hook
    assert hasattr(_click.Parameter, "get_usage_pieces")


def test_the_converters_internals_are_there_on_typer_0_29() -> None:
    """cli/coercion.py reads these on 0.29+ (on 0.26-0.28 Click's types convert)."""
    if _typer_version() < (0, 29):
        pytest.skip("Typer < 0.29 converts with Click's types")
    coerce = importlib.import_module("typer._param_types")
    assert callable(coerce.coerce_cli_path)
    import typer.main

    from coopkb.cli import app

    command = typer.main.get_command(app)
    params = [p for c in getattr(command, "commands", {}).values() for p in c.params]
    assert params and all(hasattr(p, "type_descriptor") for p in params)
    assert all(hasattr(p, "_runtime_param") for p in params)


def test_typer_is_within_the_tested_bound() -> None:
    assert (0, 26) <= _typer_version() < (0, 30), "raise the bound in pyproject.toml first"
