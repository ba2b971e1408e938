"""What every command shares: where the data is, the cache, the knowledge base, and how
results, notices and errors reach the terminal. The CLI package is the only code that reads the
environment, prints or exits.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ..store import DataLocation

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
OUTPUT_FORMATS = ("table", "json", "csv", "yaml", "markdown")


class State:
    def __init__(
        self, data_dir: Path | None = None, no_cache: bool = False, verbose: bool = False
    ) -> None:
        self.data_dir, self.no_cache, self.verbose = data_dir, no_cache, verbose


def state_of(ctx: typer.Context, data_dir: Path | None, no_cache: bool) -> State:
    base = ctx.obj if isinstance(ctx.obj, State) else State()
    return State(data_dir or base.data_dir, no_cache or base.no_cache, base.verbose)


def location_of(state: State) -> DataLocation:
    from ..store import locate_data

    return locate_data(state.data_dir, os.environ, Path.cwd())


def cache_dir_of(state: State) -> Path | None:
    if state.no_cache or os.environ.get("COOPKB_NO_CACHE"):
        return None
    if os.environ.get("COOPKB_CACHE_DIR"):
        return Path(os.environ["COOPKB_CACHE_DIR"])
    from platformdirs import user_cache_path

    return user_cache_path("coopkb", appauthor=False)


def stdout_console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def notice(message: str) -> None:
    """An empty result is not an error: say so on stderr, keep stdout clean for pipes."""
    from ..render import safe

    sys.stderr.write(safe(message) + "\n")


def fail(message: str, code: int = EXIT_DATA) -> NoReturn:
    """One `Error: …` message on stderr, never wrapped, never styled, then exit."""
    from ..render import safe

    sys.stderr.write(f"Error: {safe(message)}\n")
    raise typer.Exit(code)


def knowledge_base(state: State, quiet: bool = False, region: str | None = None) -> dict[str, Any]:
    from ..problems import DataError
    from ..store import load_knowledge_base

    location = location_of(state)
    try:
        cache_dir = cache_dir_of(state)
        if not sys.stderr.isatty():
            kb, from_cache = load_knowledge_base(location, cache_dir, region)
        else:  # a large base takes seconds to validate after an edit: show that work goes on
            with stderr_console().status(f"Reading {location.path} …"):
                kb, from_cache = load_knowledge_base(location, cache_dir, region)
        # The base lives until the process ends: keep the collector from rescanning it.
        gc.freeze()
    except DataError as err:
        if quiet:
            raise
        shown = "\n".join(f"  {p.file}:{p.line}:{p.column}: {p.message}" for p in err.problems[:5])
        more = f"\n  … and {len(err.problems) - 5} more" if len(err.problems) > 5 else ""
        fail(
            f"the data in {location.describe()} is invalid "
            f"({len(err.problems)} problem(s)); run `coopkb validate` for the full list:\n"
            f"{shown}{more}"
        )
    if state.verbose:
        cache_state = "off" if cache_dir is None else ("hit" if from_cache else "miss, written")
        sys.stderr.write(f"data: {location.describe()}; cache: {cache_state}\n")
    return kb


def emit(output: RenderableType | str) -> None:
    if isinstance(output, str):
        sys.stdout.write(output + "\n")
    else:
        stdout_console().print(output)


def unknown(err: Exception) -> NoReturn:
    fail(str(err))


# --- commands ---------------------------------------------------------------------------------
