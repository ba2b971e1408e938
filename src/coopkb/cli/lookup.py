"""Looking things up: one record by any name, search, the timeline, values in use, summaries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..i18n import N_, _, catalog_version
from ..layout import KINDS
from .options import FormatOption, OutputFormat, year_option
from .session import cache_use_of, derived, knowledge_base, show_listing, state_of
from .terminal import EXIT_USAGE, answers, as_text, emit, fail, terminal_width


def _complete_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Slugs for shell completion, from the data a --data-dir typed on the line names."""
    try:
        from ..query.records import iter_records
        from .session import State

        root = ctx.find_root()
        data_dir = root.params.get("data_dir") if root is not None else None
        kb = knowledge_base(State(Path(data_dir) if data_dir else None), quiet=True)
        return [r["slug"] for _k, r in iter_records(kb) if r["slug"].startswith(incomplete)]
    except Exception:  # noqa: BLE001 - completion must never print an error into the shell
        return []


def _kinds(values: list[str] | None) -> tuple[str, ...]:
    from ..labels import kind_label, kind_spellings
    from ..query.filters import resolve

    choices = {k: kind_spellings(k) for k in KINDS}  # `--kind conseil` as `--kind council`
    shown = {k: kind_label(k) for k in KINDS}
    with answers():
        return tuple(resolve("kind of record", v, choices, shown) for v in values or [])


def show(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help=N_("Slug, name, alias, acronym or a unique part of them."),
            metavar=N_("NAME"),
            autocompletion=_complete_names,
            show_default=False,
        ),
    ],
    fields: Annotated[
        str | None, typer.Option("--fields", help=N_("Only these fields, comma-separated."))
    ] = None,
    output_format: FormatOption = OutputFormat.table,
    evidence: Annotated[
        bool,
        typer.Option(
            "--evidence",
            help=N_("Each value with the source, place and words that state it."),
        ),
    ] = False,
) -> None:
    """Show one record: its facts, timeline, links and sources.

    Example: coopkb show brunante --evidence
    """
    from ..query.records import find_record, lookup_blobs

    state = state_of(ctx)
    kb = knowledge_base(state)
    with answers():
        kind, record = find_record(
            kb, name, lambda: derived(state, "lookup", lambda: lookup_blobs(kb))
        )
    chosen = [f.strip() for f in fields.split(",") if f.strip()] if fields else None
    if chosen:
        from ..labels import field_label, field_spellings
        from ..query.filters import resolve

        known: dict[str, list[str]] = {  # `--fields "axes stratégiques"`: labels as typed
            k: field_spellings(k, kind)
            for k in [*record, "sources"]
            if k != "slug"  # the name is asked for as any field (« --fields nom »)
        }
        from ..kinds import KIND

        described = KIND.get(kind)
        spans = [f for f in (described.start, described.end) if f] if described else []
        if any(f in record for f in spans):  # « période », as show prints start and end
            known["period"] = field_spellings("period")
        shown = {k: field_label(k, kind) for k in known}
        with answers():
            chosen = [resolve("field", f, known, shown) for f in chosen]
        chosen = [f for c in chosen for f in (spans if c == "period" else [c])]
    if evidence:
        from ..output.evidence import render_evidence
        from ..query.evidence import evidence_rows
        from ..query.links import names_by_slug
        from ..storage.knowledge import load_evidence_of

        # its record's claims alone, from the cache; else the whole base with its evidence
        claims = load_evidence_of(cache_use_of(state), state.content_key, record["slug"])
        if claims is not None:
            kb = {**kb, "evidence": claims}
        else:
            kb = knowledge_base(state, evidence=True)

        rows = evidence_rows(kb, kind, record)
        if chosen:  # resolved as the record's fields are (« région » is ``region``)
            rows = [r for r in rows if r.field in chosen]
        rendered = render_evidence(
            kind, record, rows, output_format.value, names_by_slug(kb), terminal_width()
        )
        emit(rendered, state.pager)
        return
    emit(_record_output(state, kb, kind, record, output_format.value, chosen), state.pager)


def _record_output(
    state: Any,
    kb: dict[str, Any],
    kind: str,
    record: dict[str, Any],
    output_format: str,
    chosen: list[str] | None = None,
) -> Any:
    """One record as `show` prints it (also after the hits of a search that points to it)."""
    from ..output.record import render_record
    from ..query.evidence import derived_fields
    from ..query.links import links, names_by_slug

    by_id = {s["id"]: s for s in kb.get("sources", [])}
    sources = [by_id[s] for s in record.get("sources", []) if s in by_id]
    return render_record(
        kind,
        record,
        links(kb, record["slug"], kind),
        sources,
        output_format,
        # read by people, a link says where its record stands; a CSV keeps names as they are
        names_by_slug(kb, placed=_referred(kind, record, output_format)),
        chosen,
        terminal_width(),
        derived_fields(kb, record["slug"]),
        state.excel,
    )


def _referred(kind: str, record: dict[str, Any], output_format: str) -> set[str]:
    """The slugs a record refers to, whose names say where they stand when people read it (a
    table, Markdown); a CSV keeps names as they are."""
    if output_format not in ("table", "markdown"):
        return set()
    from ..graph import references_in

    return {slug for _ref, _loc, slug in references_in(kind, record)}


def search(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(
            help=N_("Words, a number (3000, 3 000) or a date (octobre 2017, 2017-10)."),
            metavar=N_("TEXT"),
            show_default=False,
        ),
    ],
    kind: Annotated[
        list[str] | None, typer.Option("--kind", help=N_("Only records of this kind (repeatable)."))
    ] = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Search every record and source, best matches first.

    Example: coopkb search "octobre 2017"
    """
    from ..matching import quote
    from ..output.views import search_view
    from ..query.search import index_blobs, named_record, quotes_by_record
    from ..query.search import search as run_search

    state = state_of(ctx)
    kinds = _kinds(kind)
    kb = knowledge_base(state)
    # the index holds the fields' labels, in the interface's language: one index per language
    # the sources' words for each record (from the evidence), cached: search never loads it
    quotes = derived(
        state, "quotes", lambda: quotes_by_record(knowledge_base(state, evidence=True))
    )
    blobs = derived(state, f"search-q-{catalog_version()}", lambda: index_blobs(kb, quotes))
    hits = run_search(kb, text, kinds, blobs, quotes)
    partial = None
    fixed: dict[str, str] = {}
    if not hits:
        from ..query.search import closest, corrected_text, corrections

        # a typo first (« koalla » → « koala »): a word no record holds would leave only the
        # records holding the others. The reading is kept when it finds every word, or when
        # the words as typed find nothing at all: a name the base lacks (« Montreal ») beside
        # words it holds is no typo of « montrer »
        read_as = corrections(kb, text, blobs)
        if read_as:
            hits = run_search(kb, corrected_text(text, read_as), kinds, blobs, quotes)
            fixed = read_as if hits else {}
        if not hits:  # a question typed whole: the records holding most of its telling words
            partial = closest(kb, text, kinds, quotes=quotes)
            if read_as:
                # the typo read as the base's word, when that finds more of the words (« URSCOOP
                # CRESS … » found only the mission's date; as « URSCOP », the union itself)
                mended = closest(kb, corrected_text(text, read_as), kinds, quotes=quotes)
                if mended.hits and (not partial.hits or mended.found > partial.found):
                    partial, fixed = mended, read_as
            hits = partial.hits
    view = search_view(hits, text, partial, fixed)
    empty = _("Nothing matches {text}.").format(text=quote(text))
    pointed = named_record(kb, hits, text) if partial is None else None
    if pointed is None or output_format.value not in ("table", "markdown"):
        show_listing(state, view, output_format.value, empty)
        return
    # the search points to one record: its record follows, the `show` one would type next
    from ..output.tables import render_view

    pointed_kind, record = pointed
    heading = _("Its record ({command}):").format(command=f"coopkb show {record['slug']}")
    parts = [
        render_view(view, output_format.value, terminal_width()),
        f"### {heading}" if output_format.value == "markdown" else heading,
        _record_output(state, kb, pointed_kind, record, output_format.value),
    ]
    emit("\n".join(as_text(part) for part in parts).rstrip("\n"), state.pager)


def timeline(
    ctx: typer.Context,
    year: Annotated[int | None, year_option(N_("Only this year."))] = None,
    year_from: Annotated[int | None, year_option(N_("From this year."), "--from")] = None,
    year_to: Annotated[int | None, year_option(N_("Up to this year."), "--to")] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help=N_("Only facts of records of this kind (repeatable).")),
    ] = None,
    region: Annotated[str | None, typer.Option(help=N_("Only records of this region."))] = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Every dated fact of the base in one chronology, oldest first.

    Example: coopkb timeline --from 2016 --to 2018
    """
    from ..output.views import timeline_view
    from ..query.timeline import timeline as chronology

    state = state_of(ctx)
    kinds = _kinds(kind)
    if year is not None and (year_from is not None or year_to is not None):
        fail(_("--year is one year: give it alone, or --from and --to"), EXIT_USAGE)
    first, last = (year, year) if year is not None else (year_from, year_to)
    if first is not None and last is not None and first > last:
        fail(_("--from {first} is after --to {last}").format(first=first, last=last), EXIT_USAGE)
    with answers():
        entries = chronology(knowledge_base(state), first, last, kinds, region)
    show_listing(
        state, timeline_view(entries), output_format.value, _("No dated facts match these filters.")
    )


def values(
    ctx: typer.Context,
    field: Annotated[
        str,
        typer.Argument(
            help=N_(
                "region, mrc, municipality, country, kind, model, sector, sector-group, "
                "organisation-kind or body-kind."
            ),
            metavar=N_("FIELD"),
            show_default=False,
        ),
    ],
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """The values in use for a field, with how many records hold each.

    Example: coopkb values region
    """
    from ..labels import field_label
    from ..output.views import values_view
    from ..query.values import FIELDS, values_in_use

    state = state_of(ctx)
    with answers():
        name, counts = values_in_use(knowledge_base(state), field)
    kinds, key = FIELDS[name]
    shown = field_label(key, kinds[0] if len(kinds) == 1 else None)  # « Valeurs de région »
    show_listing(state, values_view(shown, counts), output_format.value, _("No values."))


def stats(
    ctx: typer.Context,
    region: Annotated[
        str | None, typer.Option(help=N_("Count only the cooperatives of this region."))
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(help=N_("Count only the cooperatives of this legal category.")),
    ] = None,
    project: Annotated[
        str | None,
        typer.Option(help=N_("Count only the cooperatives of this project (slug or name).")),
    ] = None,
    country: Annotated[
        str | None, typer.Option(help=N_("Count only the cooperatives of this country."))
    ] = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Summaries for a report: per region, kind, model, sector, year, and key figures.

    The cooperatives' summaries count those the filters keep, as `list` would list them.
    Example: coopkb stats --region Estrie
    """
    from ..output.stats import render_stats
    from ..query.filters import CooperativeFilter, find_cooperatives, resolve_region
    from ..query.stats import stats as summarise

    state = state_of(ctx)
    kb = knowledge_base(state, evidence=True)
    kept = None
    if any(v is not None for v in (region, kind, project, country)):
        with answers():
            official = resolve_region(region) if region is not None else None
            wanted = CooperativeFilter(official, kind=kind, country=country, project=project)
            kept = find_cooperatives(kb, wanted)
    emit(render_stats(summarise(kb, kept), output_format.value, state.excel), state.pager)
