"""What every command shares: the global options, where the data is, the cache, the knowledge
base, and listings shown in the asked format (through ``terminal.py``). The CLI package is the
only code that reads the environment, prints or exits.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ..i18n import _, ngettext
from .terminal import emit, fail, notice, stderr_console, terminal_width, write_err

if TYPE_CHECKING:
    from ..storage.knowledge import CacheUse
    from ..storage.location import DataLocation


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
        self.content_key: str | None = None  # the key the loaded base was read under


def state_of(ctx: typer.Context) -> State:
    return ctx.obj if isinstance(ctx.obj, State) else State()


def location_of(state: State) -> DataLocation:
    """The data folder a command reads; one named by the user that is no folder is a usage
    error (exit 2), not three missing files."""
    from ..storage.location import locate_data

    location = locate_data(state.data_dir, os.environ, Path.cwd())
    if location.origin in ("--data-dir", "COOPKB_DATA_DIR") and not location.path.is_dir():
        from ..matching import quote
        from .terminal import EXIT_USAGE

        reason = (
            _("{path} is a file, not a folder")
            if location.path.exists()
            else _("{path} does not exist")
        )
        fail(
            _("{origin}: {reason}").format(
                origin=location.origin, reason=reason.format(path=quote(str(location.path)))
            ),
            EXIT_USAGE,
        )
    return location


def data_files_of(state: State) -> list[Path]:
    """The data files a command reads: no export may be written over them."""
    from ..layout import DATA_FILES

    folder = location_of(state).path
    return [folder / name for name in DATA_FILES]


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


def knowledge_base(
    state: State, quiet: bool = False, region: str | None = None, evidence: bool = False
) -> dict[str, Any]:
    from ..problems import DataError
    from ..storage.knowledge import load

    location = location_of(state)
    use = cache_use_of(state)
    try:
        if not sys.stderr.isatty():
            kb, cache_state, state.content_key = load(location, use, region, evidence)
        else:  # a large base takes seconds to validate after an edit: show that work goes on
            with stderr_console().status(_("Reading {path} …").format(path=location.display)):
                kb, cache_state, state.content_key = load(location, use, region, evidence)
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

    return load_derived(state.content_key, cache_use_of(state), name, compute)


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
    emit(render_view(view, output_format, terminal_width(), names, state.excel), state.pager)
