"""What every command shares: where the data is, the cache, the knowledge base, and how results,
notices and errors reach the terminal. The CLI package is the only code that reads the
environment, prints or exits.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from ..i18n import _, ngettext

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ..query import Ambiguous
    from ..storage.knowledge import CacheUse
    from ..storage.location import DataLocation

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
_MIN_WIDTH, _FALLBACK_WIDTH = 40, 80


class State:
    """The global options of one run (set on the app's callback)."""

    def __init__(
        self,
        data_dir: Path | None = None,
        no_cache: bool = False,
        verbose: bool = False,
        pager: bool = True,
        excel: bool = False,
    ) -> None:
        self.data_dir, self.no_cache, self.verbose, self.pager = data_dir, no_cache, verbose, pager
        self.excel = excel


def state_of(ctx: typer.Context) -> State:
    return ctx.obj if isinstance(ctx.obj, State) else State()


def location_of(state: State) -> DataLocation:
    from ..storage.location import locate_data

    return locate_data(state.data_dir, os.environ, Path.cwd())


def cache_use_of(state: State) -> CacheUse | None:
    """Where the cache is and the key of its digests, or None when it is off or unusable."""
    if state.no_cache or os.environ.get("COOPKB_NO_CACHE", "") not in ("", "0"):
        return None
    from ..storage.cache import load_secret
    from ..storage.knowledge import CacheUse

    if os.environ.get("COOPKB_CACHE_DIR"):
        directory = Path(os.environ["COOPKB_CACHE_DIR"])
    else:
        from platformdirs import user_cache_path

        directory = user_cache_path("coopkb", appauthor=False)
    secret = load_secret(_config_dir() / "cache.key")
    return None if secret is None else CacheUse(directory, secret)


def _config_dir() -> Path:
    """The user's configuration directory for coopkb: kept apart from the cache directory."""
    if os.environ.get("COOPKB_CONFIG_DIR"):
        return Path(os.environ["COOPKB_CONFIG_DIR"])
    if sys.platform.startswith("linux") or os.environ.get("XDG_CONFIG_HOME"):
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(base) / "coopkb"
    from platformdirs import user_config_path

    return user_config_path("coopkb", appauthor=False)


def terminal_width() -> int:
    """$COLUMNS when it is a sane number, else the terminal's width, else 80; never below 40."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), _MIN_WIDTH)
    try:
        return max(os.get_terminal_size(sys.stdout.fileno()).columns, _MIN_WIDTH)
    except (OSError, ValueError):
        return _FALLBACK_WIDTH


def stdout_console(width: int | None = None) -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, width=width or terminal_width())


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, width=terminal_width())


def notice(message: str) -> None:
    """An empty result is not an error: say so on stderr, keep stdout clean for pipes."""
    from ..output.text import safe

    write_err(safe(message) + "\n")


def fail(message: str, code: int = EXIT_DATA) -> NoReturn:
    """One ``Error: …`` message on stderr, never wrapped, never styled, then exit."""
    from ..output.text import safe

    write_err(_("Error: {message}").format(message=safe(message)) + "\n")
    raise typer.Exit(code)


def write_err(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()


def knowledge_base(state: State, quiet: bool = False, region: str | None = None) -> dict[str, Any]:
    from ..problems import DataError
    from ..storage.knowledge import load_knowledge_base

    location = location_of(state)
    use = cache_use_of(state)
    try:
        if not sys.stderr.isatty():
            kb, cache_state = load_knowledge_base(location, use, region)
        else:  # a large base takes seconds to validate after an edit: show that work goes on
            with stderr_console().status(_("Reading {path} …").format(path=location.display)):
                kb, cache_state = load_knowledge_base(location, use, region)
        # The base lives until the process ends: keep the collector from rescanning it.
        gc.freeze()
    except DataError as err:
        if quiet:
            raise
        shown = "\n".join(f"  {p.file}:{p.line}:{p.column}: {p.message}" for p in err.problems[:5])
        more = len(err.problems) - 5
        fail(
            ngettext(
                "the data in {where} is invalid ({count} problem); "
                "run `coopkb validate` for the full list:",
                "the data in {where} is invalid ({count} problems); "
                "run `coopkb validate` for the full list:",
                len(err.problems),
            ).format(where=location.describe(), count=len(err.problems))
            + f"\n{shown}"
            + (("\n  " + _("… and {count} more").format(count=more)) if more > 0 else "")
        )
    if state.verbose:
        states = {
            "off": _("off"),
            "hit": _("hit"),
            "miss, written": _("miss, written"),
            "miss, not written": _("miss, not written (the cache directory is not writable)"),
        }
        write_err(
            _("data: {where}; cache: {state}").format(
                where=location.describe(), state=states[cache_state]
            )
            + "\n"
        )
    return kb


def derived(state: State, name: str, compute: Any) -> Any:
    """A structure derived from the knowledge base (an index), cached beside it."""
    from ..storage.knowledge import load_derived

    return load_derived(location_of(state), cache_use_of(state), name, compute)


def emit(output: RenderableType | str, state: State | None = None) -> None:
    """Print a result on stdout; a long one goes through a pager on a terminal (like git)."""
    from rich.text import Text

    if isinstance(output, str):
        text = output + "\n"
    else:
        console = stdout_console()
        # Laid-out text (tables) is never re-wrapped; panels and charts fit the width themselves.
        laid_out = isinstance(output, Text) and output.no_wrap
        with console.capture() as captured:
            console.print(output, crop=False, soft_wrap=bool(laid_out))
        text = captured.get()
    if state is not None and state.pager and _page(text):
        return
    sys.stdout.write(text)
    sys.stdout.flush()


def _page(text: str) -> bool:
    """Show ``text`` through $PAGER (else ``less -FRX``) when it does not fit the terminal."""
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        return False
    try:
        height = os.get_terminal_size(sys.stdout.fileno()).lines
    except OSError:
        return False
    if text.count("\n") < height - 1:
        return False
    import shlex
    import subprocess

    command = os.environ.get("PAGER") or "less -FRX"
    try:
        subprocess.run(shlex.split(command), input=text, text=True, check=False)
    except (OSError, ValueError):
        return False
    return True


def unknown(err: Exception) -> NoReturn:
    fail(str(err))


def ambiguous(err: Ambiguous) -> NoReturn:
    from ..labels import kind_label
    from ..matching import quote
    from ..output.text import safe

    lines = [
        _("{value} matches {count} records; say which one:").format(
            value=quote(str(err.value)), count=len(err.matches)
        )
    ]
    lines += [f"  {r['slug']}  ({kind_label(k)})  {safe(r['name'])}" for k, r in err.matches[:30]]
    if len(err.matches) > 30:
        lines.append("  " + _("… and {count} more").format(count=len(err.matches) - 30))
    fail("\n".join(lines))


class answers:  # noqa: N801 - used as a context manager, reads as prose
    """Turns the query layer's UnknownValue and Ambiguous into one-line errors (exit 1)."""

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: object
    ) -> None:
        from ..query import Ambiguous, UnknownValue

        if isinstance(err, UnknownValue):
            unknown(err)
        if isinstance(err, Ambiguous):
            ambiguous(err)


def show_listing(
    state: State, view: Any, output_format: str, empty: str, kb: dict[str, Any] | None = None
) -> None:
    """A listing in the asked format; an empty table is a notice on stderr (exit 0). In CSV,
    references get the names of the records beside their slugs (from ``kb``)."""
    from ..output.tables import render_view

    if not view.records and output_format == "table":
        notice(empty)
        return
    names = None
    if output_format == "csv" and kb is not None:
        from ..query.links import names_by_slug

        names = names_by_slug(kb)
    emit(render_view(view, output_format, terminal_width(), names, state.excel), state)
