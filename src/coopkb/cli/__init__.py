"""The `coopkb` command: thin Typer commands over query, output and validation.

Only this package (cli/) reads the environment, prints, and exits. Exit codes: 0 success (an empty
result of a valid filter included), 1 invalid data or an unknown slug/value, 2 usage error,
3 internal error (a bug: please report it). Heavy modules are imported inside the commands that
need them, so each answer costs little beyond its own imports.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..i18n import N_
from .app import (
    GLOBAL_FLAGS,
    GLOBAL_VALUES,
    SECTION_OF,
    CoopkbCommand,
    CoopkbGroup,
    CoopkbSubGroup,
)
from .browse import (
    events,
    federations,
    list_cooperatives,
    missions,
    organisations,
    people,
    programmes,
    roadmaps,
)
from .editing import diff, new, schema, validate
from .lookup import search, show, stats, timeline, values
from .publish import (
    export_csv,
    export_datapackage,
    export_json,
    export_jsonld,
    export_murmurations,
    export_site,
    export_sqlite,
)
from .session import State
from .terminal import EXIT_DATA, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE

__all__ = ["COMMANDS", "EXIT_DATA", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "app", "main"]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coopkb {__version__}")
        raise typer.Exit()


def _main(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help=N_(
                "Data directory (else $COOPKB_DATA_DIR, the nearest data folder from here up, "
                "bundled)."
            ),
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help=N_("Validate the data afresh; skip the cache."))
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help=N_("Say which data directory and cache were used.")),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help=N_("Interface language: fr or en (else $COOPKB_LANG, then the locale)."),
            metavar="<fr|en>",
            show_default=False,
        ),
    ] = None,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help=N_("Never page long output."))
    ] = False,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel", help=N_("CSV for a French-locale Excel: UTF-8 BOM and ';' separator.")
        ),
    ] = False,
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help=N_("Show the version.")),
    ] = None,
) -> None:
    """A knowledge base of the Quebec cooperative movement (data in French).

    Example: coopkb list --region Estrie
    """
    ctx.obj = State(data_dir, no_cache, verbose, pager=not no_pager, excel=excel)


# The commands, by what they are for (the order and groups of --help).
SECTIONS: dict[str, dict[str, Callable[..., None]]] = {
    N_("Browse"): {
        "list": list_cooperatives,
        "missions": missions,
        "federations": federations,
        "people": people,
        "organisations": organisations,
        "events": events,
        "programmes": programmes,
        "roadmaps": roadmaps,
    },
    N_("Look up"): {
        "show": show,
        "search": search,
        "timeline": timeline,
        "values": values,
        "stats": stats,
    },
    N_("Edit and check the data"): {
        "validate": validate,
        "diff": diff,
        "schema": schema,
        "new": new,
    },
}
# Sub-commands of `coopkb export`, in the section "Publish".
EXPORTS: dict[str, Callable[..., None]] = {
    "sqlite": export_sqlite,
    "json": export_json,
    "csv": export_csv,
    "datapackage": export_datapackage,
    "jsonld": export_jsonld,
    "murmurations": export_murmurations,
    "site": export_site,
}
ALIASES = {"organizations": "organisations"}
COMMANDS: dict[str, Callable[..., None]] = {
    name: function for section in SECTIONS.values() for name, function in section.items()
}


def make_app(only: str | None = None) -> typer.Typer:
    """The Typer application, with every command or just ``only``.

    Click builds every registered command's parameters on each run (about 10 ms for all of
    them), so a run that names its command builds only that one.
    """
    new_app = typer.Typer(
        name="coopkb",
        cls=CoopkbGroup,
        help=_main.__doc__,
        no_args_is_help=True,
        epilog=N_(
            "Exit codes: 0 success (an empty result too), 1 invalid data or unknown "
            "slug/value, 2 usage error, 3 internal error."
        ),
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        add_completion=True,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    new_app.callback()(_main)
    for title, section in SECTIONS.items():
        SECTION_OF.update(dict.fromkeys(section, title))
    for name, function in COMMANDS.items():
        if only is None or name == only:
            new_app.command(name, cls=CoopkbCommand)(function)
    for alias, name in ALIASES.items():
        if only is None or alias == only:
            new_app.command(alias, cls=CoopkbCommand, hidden=True)(COMMANDS[name])
    if only is None or only == "export":
        exports = typer.Typer(
            cls=CoopkbSubGroup,
            help=N_("Publish the knowledge base: SQLite for Datasette, JSON, CSV."),
            no_args_is_help=True,
            rich_markup_mode=None,
            context_settings={"help_option_names": ["-h", "--help"]},
        )
        for name, function in EXPORTS.items():
            exports.command(name, cls=CoopkbCommand)(function)
        new_app.add_typer(exports, name="export")
        SECTION_OF["export"] = N_("Publish")
    return new_app


app = make_app()


def _named_command(args: list[str]) -> str | None:
    """The command a command line names, skipping the global options before it."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in GLOBAL_VALUES:
            index += 2
        elif arg.split("=", 1)[0] in GLOBAL_VALUES or arg in GLOBAL_FLAGS:
            index += 1
        else:
            return arg if arg in COMMANDS or arg in ALIASES or arg == "export" else None
    return None


class _ClosedOutput(io.TextIOBase):
    """Standard output when the process was started without one: every write fails as writing
    to a closed descriptor does (EBADF), and is reported as such, after the language is set."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def isatty(self) -> bool:
        return False


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def main() -> None:
    """Console-script entry point: no traceback ever reaches the user."""
    if sys.stderr is None:  # `coopkb list 2>&-`: the answer still goes to stdout
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process
    if sys.stdout is None:  # `coopkb list >&-`: a usage error is still one; writing fails
        sys.stdout = _ClosedOutput()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        if stream is sys.stdout and not _is_terminal(stream):
            # Output to a file or a pipe is data (JSON, CSV…): always UTF-8, never a "?" for
            # an accent, whatever PYTHONIOENCODING or the locale say.
            reconfigure(encoding="utf-8", errors="strict")
        else:  # an ASCII or Latin-1 terminal gets "?" rather than a crash
            reconfigure(errors="replace")
    completing = any(k.endswith("_COMPLETE") for k in os.environ)
    only = None if completing else _named_command(sys.argv[1:])
    (app if only is None else make_app(only))(prog_name="coopkb")
