"""Browsing commands: every kind of record as a filtered listing, with the same formats."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..i18n import N_, _, ngettext
from .options import CountryOption, FormatOption, OutputFormat, RegionOption, YearOption
from .session import knowledge_base, show_listing, state_of
from .terminal import answers


def _complete_regions(incomplete: str) -> list[str]:
    from ..matching import fold
    from ..reference import QUEBEC_REGIONS

    return [name for name in QUEBEC_REGIONS.values() if fold(name).startswith(fold(incomplete))]


def list_cooperatives(
    ctx: typer.Context,
    region: Annotated[
        str | None,
        typer.Option(
            help=N_("Region (name, code or a unique start)."), autocompletion=_complete_regions
        ),
    ] = None,
    mrc: Annotated[
        str | None, typer.Option(help=N_("MRC (official name or source spelling)."))
    ] = None,
    municipality: Annotated[str | None, typer.Option(help=N_("Municipality."))] = None,
    kind: Annotated[
        str | None, typer.Option(help=N_("Legal category, e.g. solidarité, CAE."))
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(help=N_("Collective-action model: organisme du milieu, citoyen, municipal.")),
    ] = None,
    country: CountryOption = None,
    project: Annotated[str | None, typer.Option(help=N_("Project slug or name."))] = None,
    sector: Annotated[str | None, typer.Option(help=N_("Sector, e.g. santé."))] = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """List cooperatives, filtered; sorted by region then name.

    Example: coopkb list --region Estrie --kind solidarité
    """
    from ..output.views import cooperatives_view
    from ..query.filters import CooperativeFilter, find_cooperatives, resolve_region

    state = state_of(ctx)
    with answers():  # a region filter lets the cache decode that region's cooperatives only
        official_region = resolve_region(region) if region is not None else None
        kb = knowledge_base(state, region=official_region)
        wanted = CooperativeFilter(
            official_region, mrc, municipality, kind, model, country, project, sector
        )
        found = find_cooperatives(kb, wanted)
    from ..query.links import names_by_slug

    show_listing(
        state,
        cooperatives_view(found, names_by_slug(kb)),
        output_format.value,
        _("No cooperatives match these filters."),
        kb,
    )


def people(
    ctx: typer.Context,
    organisation: Annotated[
        str | None, typer.Option(help=N_("Keep people of this organisation (slug or name)."))
    ] = None,
    mission: Annotated[
        int | None, typer.Option(help=N_("Keep the delegation of this mission (1–4)."))
    ] = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """List the people the sources name: role, organisation, missions.

    Example: coopkb people --mission 3
    """
    from ..output.views import people_view
    from ..query.filters import find_people, missions_of_person
    from ..query.links import names_by_slug

    state = state_of(ctx)
    kb = knowledge_base(state)
    with answers():
        found = find_people(kb, organisation, mission)
    went = {p["slug"]: missions_of_person(kb, p["slug"]) for p in found}
    view = people_view(found, names_by_slug(kb), went)
    empty = _("No people match these filters.")
    if mission is not None and organisation is None:  # say why a delegation lists no one
        missions: list[dict[str, Any]] = kb.get("missions") or []
        held = next((m for m in missions if m.get("number") == mission), {})
        note = held.get("delegation_note")
        empty = (
            _("The source names no member of the delegation of mission {number} ({note}).")
            if note
            else _("The source names no member of the delegation of mission {number}.")
        ).format(number=mission, note=note)
    show_listing(state, view, output_format.value, empty, kb)


def organisations(
    ctx: typer.Context,
    kind: Annotated[
        str | None, typer.Option(help=N_("Kind: réseau, collectivité, tiers-lieu…"))
    ] = None,
    country: CountryOption = None,
    region: RegionOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """List the organisations that are neither cooperatives nor CQCM members.

    Example: coopkb organisations --country France
    """
    from ..output.views import organisations_view
    from ..query.filters import find_organisations

    state = state_of(ctx)
    kb = knowledge_base(state)
    with answers():
        found = find_organisations(kb, kind, country, region)
    show_listing(
        state,
        organisations_view(found),
        output_format.value,
        _("No organisations match these filters."),
        kb,
    )


def _dated_listing(ctx: typer.Context, kind: str, year: int | None, output_format: str) -> None:
    """Events, programmes or roadmaps overlapping ``year``, in date order."""
    from ..output import views
    from ..query.filters import find_dated

    state = state_of(ctx)
    start = "date" if kind == "roadmap" else "start"
    kb = knowledge_base(state)
    found = find_dated(kb, kind, year, start=start)
    view = {
        "event": views.events_view,
        "programme": views.programmes_view,
        "roadmap": views.roadmaps_view,
    }[kind](found)
    if year is not None:
        empty = {
            "event": _("No events in {year}."),
            "programme": _("No programmes in {year}."),
            "roadmap": _("No roadmaps in {year}."),
        }[kind].format(year=year) + _elsewhere_in(kb, year)
    else:
        empty = _("Nothing of this kind.")
    show_listing(state, view, output_format, empty, kb)


def _elsewhere_in(kb: dict[str, Any], year: int) -> str:
    """Where a year with nothing of one kind has dated facts: a reader asking for the events of
    2013 wants what happened then, which the timeline holds."""
    from ..query.timeline import timeline

    count = len(timeline(kb, year, year))
    if not count:
        return ""
    return " " + ngettext(
        "The timeline holds {count} dated fact of {year}: "
        "run `coopkb timeline --year {year}` to see it.",
        "The timeline holds {count} dated facts of {year}: "
        "run `coopkb timeline --year {year}` to see them.",
        count,
    ).format(count=count, year=year)


def events(
    ctx: typer.Context,
    year: YearOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """List the events (forums, evenings, seminars) in date order.

    Example: coopkb events --year 2017
    """
    _dated_listing(ctx, "event", year, output_format.value)


def programmes(
    ctx: typer.Context,
    year: YearOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """List the CQCM's programmes, projects and studies with their key figures.

    Example: coopkb programmes --format csv
    """
    _dated_listing(ctx, "programme", year, output_format.value)


def roadmaps(
    ctx: typer.Context,
    year: YearOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """List the CQCM's roadmaps with their levers.

    Example: coopkb roadmaps
    """
    _dated_listing(ctx, "roadmap", year, output_format.value)


def missions(
    ctx: typer.Context,
    year: YearOption = None,
    country: CountryOption = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """List the Co-Actions/POLECN missions in date order.

    Example: coopkb missions --year 2017
    """
    from ..output.views import missions_view
    from ..query.filters import find_missions

    state = state_of(ctx)
    kb = knowledge_base(state)
    with answers():
        found = find_missions(kb, year, country)
    if year is not None:
        empty = _("No missions in {year}.").format(year=year)
    else:
        empty = _("No missions match these filters.")
    from ..query.links import names_by_slug

    # the events by name and place: the forum of 2016 and that of 2018 share their name
    events = {e for m in found for e in m.get("events") or []}
    view = missions_view(found, names_by_slug(kb, placed=events))
    show_listing(state, view, output_format.value, empty, kb)


def federations(
    ctx: typer.Context,
    sector: Annotated[str | None, typer.Option(help=N_("Sector group, e.g. travailleurs."))] = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """List the CQCM's members grouped by sector.

    Example: coopkb federations --sector travailleurs
    """
    from ..output.views import members_view
    from ..query.filters import find_members

    state = state_of(ctx)
    kb = knowledge_base(state)
    with answers():
        found = find_members(kb, sector)
    view = members_view(found, grouped=output_format is OutputFormat.table)
    show_listing(state, view, output_format.value, _("No members."), kb)
