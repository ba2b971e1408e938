"""The commands: each parses its options, asks query/render/checks, and prints.

Heavy modules are imported inside the command that needs them, so each answer costs little
beyond its own imports.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .session import (
    EXIT_DATA,
    OUTPUT_FORMATS,
    State,
    emit,
    fail,
    knowledge_base,
    location_of,
    notice,
    state_of,
    stderr_console,
    unknown,
)


def _complete_slugs(incomplete: str) -> list[str]:
    try:
        from ..query import iter_records

        kb = knowledge_base(State(), quiet=True)
    except BaseException:  # completion must never print an error into the shell
        return []
    return [r["slug"] for _, r in iter_records(kb) if r["slug"].startswith(incomplete)]


def _complete_regions(incomplete: str) -> list[str]:
    from ..matching import fold
    from ..reference import QUEBEC_REGIONS

    return [name for name in QUEBEC_REGIONS.values() if fold(name).startswith(fold(incomplete))]


def _check_format(value: str) -> str:
    if value not in OUTPUT_FORMATS:
        from ..matching import did_you_mean

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
    from ..query import CooperativeFilter, UnknownValue, find_cooperatives, resolve_region
    from ..render import render_view
    from ..views import cooperatives_view

    try:  # a region filter lets the cache decode that region's cooperatives only
        official_region = resolve_region(region) if region is not None else None
    except UnknownValue as err:
        unknown(err)
    kb = knowledge_base(state_of(ctx, data_dir, no_cache), region=official_region)
    wanted = CooperativeFilter(region, mrc, municipality, kind, model, country, project, sector)
    try:
        found = find_cooperatives(kb, wanted)
    except UnknownValue as err:
        unknown(err)
    if not found and output_format == "table":
        notice("No cooperatives match these filters.")
        return
    emit(render_view(cooperatives_view(found), output_format))


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
    from ..query import UnknownValue, find_record, iter_records, links
    from ..render import render_record

    kb = knowledge_base(state_of(ctx, data_dir, no_cache))
    try:
        kind, record = find_record(kb, slug)
    except UnknownValue as err:
        unknown(err)
    by_id = {s["id"]: s for s in kb.get("sources", [])}
    sources = [by_id[s] for s in record.get("sources", []) if s in by_id]
    names = {r["slug"]: r["name"] for _, r in iter_records(kb)}
    linked = links(kb, record["slug"], kind)
    emit(render_record(kind, record, linked, sources, output_format, names))


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
    from ..query import UnknownValue, find_missions
    from ..render import render_view
    from ..views import missions_view

    kb = knowledge_base(state_of(ctx, data_dir, no_cache))
    try:
        found = find_missions(kb, year, country)
    except UnknownValue as err:
        unknown(err)
    if not found and output_format == "table":
        where = f" in {year}" if year is not None else ""
        notice(f"no missions{where}{f' to {country}' if country else ''}")
        return
    emit(render_view(missions_view(found), output_format))


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
    from ..query import UnknownValue, find_members
    from ..render import render_view
    from ..views import members_view

    kb = knowledge_base(state_of(ctx, data_dir, no_cache))
    try:
        found = find_members(kb, sector)
    except UnknownValue as err:
        unknown(err)
    emit(render_view(members_view(found, grouped=output_format == "table"), output_format))


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
    from ..query import search as run_search
    from ..render import render_view
    from ..views import search_view

    kb = knowledge_base(state_of(ctx, data_dir, no_cache))
    hits = run_search(kb, text)
    if not hits and output_format == "table":
        notice(f"Nothing matches '{text}'.")
        return
    emit(render_view(search_view(hits, text), output_format))


def stats(
    ctx: typer.Context,
    output_format: FormatOption = "table",
    data_dir: DataDirOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Summaries for a report: per region, kind, model, sector, year, and key figures.

    Example: coopkb stats --format markdown
    """
    from ..query import stats as summarise
    from ..render import render_stats

    kb = knowledge_base(state_of(ctx, data_dir, no_cache))
    emit(render_stats(summarise(kb), output_format))


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
    from ..reporters import FORMATS, report

    if output_format not in FORMATS:
        from ..matching import did_you_mean

        raise typer.BadParameter(
            f"'{output_format}' is not one of {', '.join(FORMATS)}"
            f"{did_you_mean(output_format, FORMATS)}",
            param_hint="'--format'",
        )
    state = state_of(ctx, data_dir, False)
    location = location_of(state)
    err = stderr_console()
    from ..checks import STEPS, validate_contents
    from ..store import read_data_files

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
    from ..views import count_line

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

    from ..schema import json_schemas

    schemas = json_schemas()
    if name is not None:
        key = name if name.endswith(".yaml") else f"{name}.yaml"
        if key not in schemas:
            from ..matching import did_you_mean

            fail(f"unknown data file '{name}'{did_you_mean(name, schemas)}")
        schemas = {key: schemas[key]}
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
        for key, value in schemas.items():
            target = output_dir / key.replace(".yaml", ".schema.json")
            target.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", "utf-8")
        return
    single = next(iter(schemas.values())) if name is not None else schemas
    sys.stdout.write(json.dumps(single, ensure_ascii=False, indent=2) + "\n")
