"""The `coopkb` command: thin Typer commands over query, render and validation.

Only this package (cli/) reads the environment, prints, and exits. Exit codes: 0 success (an empty
result of a valid filter included), 1 invalid data or an unknown slug/value, 2 usage error,
3 internal error (a bug: please report it). Heavy modules are imported inside the commands that
need them, so each answer costs little beyond its own imports.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Annotated

import typer

from .. import __version__
from .commands import (
    DataDirOption,
    NoCacheOption,
    federations,
    list_cooperatives,
    missions,
    schema,
    search,
    show,
    stats,
    validate,
)
from .session import EXIT_DATA, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, State

__all__ = ["COMMANDS", "EXIT_DATA", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "app", "main"]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coopkb {__version__}")
        raise typer.Exit()


def _main(
    ctx: typer.Context,
    data_dir: DataDirOption = None,
    no_cache: NoCacheOption = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Say which data directory and cache were used."),
    ] = False,
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = None,
) -> None:
    """A knowledge base of the Quebec cooperative movement (data in French).

    Example: coopkb list --region Estrie
    """
    ctx.obj = State(data_dir, no_cache, verbose)


COMMANDS: dict[str, Callable[..., None]] = {
    "list": list_cooperatives,
    "show": show,
    "missions": missions,
    "federations": federations,
    "search": search,
    "stats": stats,
    "validate": validate,
    "schema": schema,
}


def make_app(only: str | None = None) -> typer.Typer:
    """The Typer application, with every command or just ``only``.

    Click builds every registered command's parameters on each run (about 10 ms for all of
    them), so a run that names its command builds only that one.
    """
    new = typer.Typer(
        name="coopkb",
        help="A knowledge base of the Quebec cooperative movement (data in French).\n\n"
        "Example: coopkb list --region Estrie",
        no_args_is_help=True,
        epilog="Exit codes: 0 success (an empty result too), 1 invalid data or unknown "
        "slug/value, 2 usage error, 3 internal error.",
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    new.callback()(_main)
    for name, function in COMMANDS.items():
        if only is None or name == only:
            new.command(name)(function)
    return new


app = make_app()


def _named_command(args: list[str]) -> str | None:
    """The command a command line names, skipping the global options before it."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--data-dir":
            index += 2
        elif arg.startswith("--data-dir=") or arg in ("--no-cache", "--verbose", "-v"):
            index += 1
        else:
            return arg if arg in COMMANDS else None
    return None


def main() -> None:
    """Console-script entry point: no traceback ever reaches the user."""
    try:
        completing = any(k.endswith("_COMPLETE") for k in os.environ)
        only = None if completing else _named_command(sys.argv[1:])
        (app if only is None else make_app(only))(prog_name="coopkb")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_DATA)
    except Exception as err:  # noqa: BLE001 - last resort, reported as a bug
        sys.stderr.write(
            f"Error: internal error ({type(err).__name__}: {err}); "
            "please report it at the coopkb issue tracker\n"
        )
        sys.exit(EXIT_INTERNAL)
