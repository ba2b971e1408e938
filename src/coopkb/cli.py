"""The `coopkb` command: thin Typer commands over query, render and validation.

Only this module reads the environment, prints, and exits. Exit codes: 0 success (an empty
result of a valid filter included), 1 invalid data or an unknown slug/value, 2 usage error,
3 internal error (a bug: please report it). Heavy modules are imported inside the commands that
need them, so each answer costs little beyond its own imports.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from . import __version__

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from .store import DataLocation

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
OUTPUT_FORMATS = ("table", "json", "csv", "yaml", "markdown")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coopkb {__version__}")
        raise typer.Exit()


def _complete_slugs(incomplete: str) -> list[str]:
    try:
        from .query import iter_records

        kb = _knowledge_base(_State(), quiet=True)
    except BaseException:  # completion must never print an error into the shell
        return []
    return [r["slug"] for _, r in iter_records(kb) if r["slug"].startswith(incomplete)]


def _complete_regions(incomplete: str) -> list[str]:
    from .matching import fold
    from .reference import QUEBEC_REGIONS

    return [name for name in QUEBEC_REGIONS.values() if fold(name).startswith(fold(incomplete))]


def _check_format(value: str) -> str:
    if value not in OUTPUT_FORMATS:
        from .matching import did_you_mean

        raise typer.BadParameter(
            f"'{value}' is not one of {', '.join(OUTPUT_FORMATS)}"
            f"{did_you_mean(value, OUTPUT_FORMATS)}"
        )
    return value


DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Data directory (else $COOPKB_DATA_DIR, ./data, bundled).",
        show_default=False,
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Validate the data afresh; skip the cache.")
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format", "-f", help="table, json, csv, yaml or markdown.", callback=_check_format
    ),
]


class _State:
    def __init__(
        self, data_dir: Path | None = None, no_cache: bool = False, verbose: bool = False
    ) -> None:
        self.data_dir, self.no_cache, self.verbose = data_dir, no_cache, verbose


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
    ctx.obj = _State(data_dir, no_cache, verbose)


def _state(ctx: typer.Context, data_dir: Path | None, no_cache: bool) -> _State:
    base = ctx.obj if isinstance(ctx.obj, _State) else _State()
    return _State(data_dir or base.data_dir, no_cache or base.no_cache, base.verbose)


def _location(state: _State) -> DataLocation:
    from .store import locate_data

    return locate_data(state.data_dir, os.environ, Path.cwd())


def _cache_dir(state: _State) -> Path | None:
    if state.no_cache or os.environ.get("COOPKB_NO_CACHE"):
        return None
    if os.environ.get("COOPKB_CACHE_DIR"):
        return Path(os.environ["COOPKB_CACHE_DIR"])
    from platformdirs import user_cache_path

    return user_cache_path("coopkb", appauthor=False)


def _stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _notice(message: str) -> None:
    """An empty result is not an error: say so on stderr, keep stdout clean for pipes."""
    from .render import safe

    sys.stderr.write(safe(message) + "\n")


def _fail(message: str, code: int = EXIT_DATA) -> NoReturn:
    """One `Error: …` message on stderr, never wrapped, never styled, then exit."""
    from .render import safe

    sys.stderr.write(f"Error: {safe(message)}\n")
    raise typer.Exit(code)


def _knowledge_base(
    state: _State, quiet: bool = False, region: str | None = None
) -> dict[str, Any]:
    from .problems import DataError
    from .store import load_knowledge_base

    location = _location(state)
    try:
        cache_dir = _cache_dir(state)
        if not sys.stderr.isatty():
            kb, from_cache = load_knowledge_base(location, cache_dir, region)
        else:  # a large base takes seconds to validate after an edit: show that work goes on
            with _stderr().status(f"Reading {location.path} …"):
                kb, from_cache = load_knowledge_base(location, cache_dir, region)
        # The base lives until the process ends: keep the collector from rescanning it.
        gc.freeze()
    except DataError as err:
        if quiet:
            raise
        shown = "\n".join(f"  {p.file}:{p.line}:{p.column}: {p.message}" for p in err.problems[:5])
        more = f"\n  … and {len(err.problems) - 5} more" if len(err.problems) > 5 else ""
        _fail(
            f"the data in {location.describe()} is invalid "
            f"({len(err.problems)} problem(s)); run `coopkb validate` for the full list:\n"
            f"{shown}{more}"
        )
    if state.verbose:
        cache_state = "off" if cache_dir is None else ("hit" if from_cache else "miss, written")
        sys.stderr.write(f"data: {location.describe()}; cache: {cache_state}\n")
    return kb


def _emit(output: RenderableType | str) -> None:
    if isinstance(output, str):
        sys.stdout.write(output + "\n")
    else:
        _stdout().print(output)


def _unknown(err: Exception) -> NoReturn:
    _fail(str(err))


# --- commands ---------------------------------------------------------------------------------


def list_cooperatives(
    ctx: typer.Context,
    region: Annotated[
        str | None,
        typer.Option(
            help="Administrative region (name or code).", autocompletion=_complete_regions
        ),
    ] = None,
    mrc: Annotated[str | None, typer.Option(help="MRC (official name or source spelling).")] = None,
    municipality: Annotated[str | None, typer.Option(help="Municipality.")] = None,
    kind: Annotated[str | None, typer.Option(help="Legal category, e.g. solidarité, CAE.")] = None,
    model: Annotated[
        str | None,
        typer.Option(help="Collective-action model: organisme du milieu, citoyen, municipal."),
    ] = None,
    country: Annotated[str | None, typer.Option(help="Canada, France…")] = None,
    project: Annotated[str | None, typer.Option(help="Project slug or name.")] = None,
    sector: Annotated[str | None, typer.Option(help="Sector, e.g. santé.")] = None,
    output_format: FormatOption = "table",
    data_dir: DataDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """List cooperatives, filtered; sorted by region then name.

    Example: coopkb list --region Estrie --kind solidarité
    """
    from .query import CooperativeFilter, UnknownValue, find_cooperatives, resolve_region
    from .render import render_view
    from .views import cooperatives_view

    try:  # a region filter lets the cache decode that region's cooperatives only
        official_region = resolve_region(region) if region is not None else None
    except UnknownValue as err:
        _unknown(err)
    kb = _knowledge_base(_state(ctx, data_dir, no_cache), region=official_region)
    wanted = CooperativeFilter(region, mrc, municipality, kind, model, country, project, sector)
    try:
        found = find_cooperatives(kb, wanted)
    except UnknownValue as err:
        _unknown(err)
    if not found and output_format == "table":
        _notice("No cooperatives match these filters.")
        return
    _emit(render_view(cooperatives_view(found), output_format))


def show(
    ctx: typer.Context,
    slug: Annotated[
        str,
        typer.Argument(
            help="Slug of any record (coopkb search finds it).", autocompletion=_complete_slugs
        ),
    ],
    output_format: FormatOption = "table",
    data_dir: DataDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Show one record: its facts, timeline, links and sources.

    Example: coopkb show la-brunante
    """
    from .query import UnknownValue, find_record, links
    from .render import render_record

    kb = _knowledge_base(_state(ctx, data_dir, no_cache))
    try:
        kind, record = find_record(kb, slug)
    except UnknownValue as err:
        _unknown(err)
    by_id = {s["id"]: s for s in kb.get("sources", [])}
    sources = [by_id[s] for s in record.get("sources", []) if s in by_id]
    _emit(render_record(kind, record, links(kb, record["slug"], kind), sources, output_format))


def missions(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option(help="Keep missions overlapping this year.")] = None,
    country: Annotated[str | None, typer.Option(help="Destination country.")] = None,
    output_format: FormatOption = "table",
    data_dir: DataDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """List the Co-Actions/POLECN missions in date order.

    Example: coopkb missions --year 2017
    """
    from .query import UnknownValue, find_missions
    from .render import render_view
    from .views import missions_view

    kb = _knowledge_base(_state(ctx, data_dir, no_cache))
    try:
        found = find_missions(kb, year, country)
    except UnknownValue as err:
        _unknown(err)
    if not found and output_format == "table":
        where = f" in {year}" if year is not None else ""
        _notice(f"no missions{where}{f' to {country}' if country else ''}")
        return
    _emit(render_view(missions_view(found), output_format))


def federations(
    ctx: typer.Context,
    sector: Annotated[str | None, typer.Option(help="Sector group, e.g. travailleurs.")] = None,
    output_format: FormatOption = "table",
    data_dir: DataDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """List the CQCM's members grouped by sector.

    Example: coopkb federations --sector travailleurs
    """
    from .query import UnknownValue, find_members
    from .render import render_view
    from .views import members_view

    kb = _knowledge_base(_state(ctx, data_dir, no_cache))
    try:
        found = find_members(kb, sector)
    except UnknownValue as err:
        _unknown(err)
    _emit(render_view(members_view(found, grouped=output_format == "table"), output_format))


def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to find (case and accents ignored).")],
    output_format: FormatOption = "table",
    data_dir: DataDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Search every record of every file, best matches first.

    Example: coopkb search édouard
    """
    from .query import search as run_search
    from .render import render_view
    from .views import search_view

    kb = _knowledge_base(_state(ctx, data_dir, no_cache))
    hits = run_search(kb, text)
    if not hits and output_format == "table":
        _notice(f"Nothing matches '{text}'.")
        return
    _emit(render_view(search_view(hits, text), output_format))


def stats(
    ctx: typer.Context,
    output_format: FormatOption = "table",
    data_dir: DataDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Summaries for a report: per region, kind, model, sector, year, and key figures.

    Example: coopkb stats --format markdown
    """
    from .query import stats as summarise
    from .render import render_stats

    kb = _knowledge_base(_state(ctx, data_dir, no_cache))
    _emit(render_stats(summarise(kb), output_format))


def validate(
    ctx: typer.Context,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, github, json or sarif.")
    ] = "text",
    data_dir: DataDirOption = None,
) -> None:
    """Check every data file; report all problems with file:line:column.

    Exit 0 when valid, 1 when not. Example: coopkb validate --format github
    """
    from .reporters import FORMATS, report

    if output_format not in FORMATS:
        from .matching import did_you_mean

        raise typer.BadParameter(
            f"'{output_format}' is not one of {', '.join(FORMATS)}"
            f"{did_you_mean(output_format, FORMATS)}",
            param_hint="'--format'",
        )
    state = _state(ctx, data_dir, False)
    location = _location(state)
    err = _stderr()
    from .checks import STEPS, validate_contents
    from .store import read_data_files

    contents = read_data_files(location.path)
    if err.is_terminal:  # a large base takes seconds: show each step as it runs
        from rich.progress import Progress

        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("validating", total=len(STEPS))

            def advance(step: str) -> None:
                bar.update(task, description=step, completed=STEPS.index(step))

            outcome = validate_contents(location.path, str(location.path), contents, advance)
    else:
        outcome = validate_contents(location.path, str(location.path), contents)
    findings = report(outcome.problems, output_format)
    if findings:
        sys.stdout.write(findings + "\n")
    summary_to = sys.stdout if output_format == "text" else sys.stderr
    if outcome.problems:
        files = len({p.file for p in outcome.problems})
        summary_to.write(
            f"{len(outcome.problems)} problem(s) in {files} file(s) of {location.describe()}\n"
        )
        raise typer.Exit(EXIT_DATA)
    from .views import count_line

    plurals = {"person": "people"}
    counts = ", ".join(count_line(n, kind, plurals.get(kind)) for kind, n in outcome.counts.items())
    summary_to.write(f"valid: {len(outcome.files)} files in {location.describe()}: {counts}\n")


def schema(
    name: Annotated[
        str | None,
        typer.Argument(help="cooperatives.yaml, federations.yaml or missions.yaml (default: all)."),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir", help="Write <file>.schema.json files here instead of printing."
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the data files, generated from the models.

    Example: coopkb schema cooperatives.yaml
    """
    import json

    from .schema import json_schemas

    schemas = json_schemas()
    if name is not None:
        key = name if name.endswith(".yaml") else f"{name}.yaml"
        if key not in schemas:
            from .matching import did_you_mean

            _fail(f"unknown data file '{name}'{did_you_mean(name, schemas)}")
        schemas = {key: schemas[key]}
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
        for key, value in schemas.items():
            target = output_dir / key.replace(".yaml", ".schema.json")
            target.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", "utf-8")
        return
    single = next(iter(schemas.values())) if name is not None else schemas
    sys.stdout.write(json.dumps(single, ensure_ascii=False, indent=2) + "\n")


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
        elif arg.startswith("--data-dir=") or arg == "--no-cache":
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
