"""For the editors of the data: validate, JSON Schemas, record skeletons."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..files import os_reason
from ..i18n import N_, _, ngettext
from ..problems import Problem
from ..storage.location import DataLocation
from .options import TEXT_REPORT, ReportFormat
from .session import data_files_of, location_of, state_of
from .terminal import EXIT_DATA, EXIT_USAGE, fail, stderr_console, write_err


def validate(
    ctx: typer.Context,
    named: Annotated[
        list[Path] | None,
        typer.Argument(
            help=N_(
                "Data files to report on (cooperatives.yaml, federations.yaml, missions.yaml or "
                "their .evidence.yaml); the whole set they belong to is checked. Default: the "
                "data folder."
            ),
            metavar=N_("FILE"),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help=N_("Report format."), case_sensitive=False),
    ] = TEXT_REPORT,
    documents: Annotated[
        Path | None,
        typer.Option(
            "--documents",
            help=N_(
                "Folder of the sources' texts: check each evidence anchor in its document and "
                "each value against it."
            ),
            metavar=N_("<folder>"),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check every data file and its evidence; report all problems with file:line:column.

    Named files are checked within the data set they belong to, and reported on alone.
    Exit 0 when valid, 1 when not. Example: coopkb validate data/cooperatives.yaml
    """
    from ..interrupts import interrupts_deferred
    from ..storage.knowledge import read_data_files
    from ..storage.location import BUNDLED

    with interrupts_deferred():  # Pydantic builds the models on this first import
        from ..validation.pipeline import CLAIM, STEPS, validate_contents
        from ..validation.reporters import report

    state = state_of(ctx)
    location = _location_of_files(named, state.data_dir) if named else location_of(state)
    err = stderr_console()
    if location.origin == BUNDLED:  # nothing here to check: never let that pass for "valid"
        write_err(
            _(
                "Warning: no data folder here or above {cwd}; checking the copy installed with "
                "coopkb ({path}), not files you are editing. Use --data-dir to name a folder."
            ).format(cwd=Path.cwd(), path=location.path)
            + "\n"
        )
    if documents is not None and not documents.is_dir():
        fail(_("--documents: {path} is not a folder").format(path=documents), EXIT_USAGE)
    contents = read_data_files(location.path)
    if err.is_terminal:  # a large base takes seconds: show each step as it runs
        from rich.progress import Progress

        with Progress(console=err, transient=True) as bar:
            task = bar.add_task(_("validating"), total=len(STEPS))

            def advance(step: str) -> None:
                bar.update(task, description=_(step), completed=STEPS.index(step))

            outcome = validate_contents(
                location.path, location.display, contents, advance, documents
            )
    else:
        outcome = validate_contents(location.path, location.display, contents, None, documents)
    problems = outcome.problems
    elsewhere: list[Problem] = []
    if named:  # report on the files named and what they broke elsewhere; count the rest
        from ..validation.rules import ACROSS_FILES

        wanted = {path.resolve() for path in named}
        resolved = {file: Path(file).resolve() in wanted for file in {p.file for p in problems}}
        here = [p for p in problems if resolved[p.file]]
        caused = [p for p in problems if not resolved[p.file] and p.code in ACROSS_FILES]
        elsewhere = [
            p
            for p in problems
            if not resolved[p.file] and p.code not in ACROSS_FILES and p.severity == "error"
        ]
        problems = here + caused
    findings = report(problems, output_format.value)
    if findings:
        sys.stdout.write(findings + "\n")
    summary_to = sys.stdout.write if output_format == "text" else write_err
    errors = [p for p in problems if p.severity == "error"]  # warnings do not fail
    if elsewhere:
        summary_to(
            ngettext(
                "{count} more problem in the other files of the set: run `coopkb validate` to "
                "see it",
                "{count} more problems in the other files of the set: run `coopkb validate` "
                "to see them",
                len(elsewhere),
            ).format(count=len(elsewhere))
            + "\n"
        )
        if any(p.code == "yaml-syntax" for p in elsewhere):
            # the unreadable file hides records the files named may refer to: their references
            # were not checked, so « 1 more problem » alone read as « these files are fine »
            summary_to(
                _(
                    "A file of the set cannot be parsed: the references of the files named "
                    "were not checked. Fix its syntax, then validate again."
                )
                + "\n"
            )
        if not errors:
            raise typer.Exit(EXIT_DATA)
    if errors:
        warnings = [p for p in problems if p.severity != "error"]
        files = len({p.file for p in problems})
        counted = ngettext("{count} problem", "{count} problems", len(errors)).format(
            count=len(errors)
        )
        if warnings:  # every finding printed is counted (« 3 problems » under 4 lines misled)
            counted = _("{problems} and {warnings}").format(
                problems=counted,
                warnings=ngettext("{count} warning", "{count} warnings", len(warnings)).format(
                    count=len(warnings)
                ),
            )
        in_files = ngettext("in {count} file", "in {count} files", files)
        summary_to(
            _("{problems} {in_files} of {where}").format(
                problems=counted,
                in_files=in_files.format(count=files),
                where=location.describe(),
            )
            + "\n"
        )
        if any(p.code == "yaml-syntax" for p in problems):
            # a file that cannot be parsed hides its records: the references to them, and the
            # rest of that file, are checked only once it can be read
            summary_to(
                _(
                    "A file that cannot be parsed hides its own records: fix its syntax, then "
                    "validate again to see the problems it hides and the references between "
                    "files."
                )
                + "\n"
            )
        raise typer.Exit(EXIT_DATA)
    from ..labels import KIND_PLURALS
    from ..output.views import count_line

    tallied: dict[str, int] = outcome.counts
    if named:  # the records of the files named, not of the files read beside them
        wanted = {path.resolve() for path in named}
        tallied = {}
        for file, kinds in outcome.by_file.items():
            if Path(file).resolve() in wanted:
                for kind, n in kinds.items():
                    tallied[kind] = tallied.get(kind, 0) + n
    counts = ", ".join(
        count_line(n, "{count} evidence claim", "{count} evidence claims")
        if kind == CLAIM
        else count_line(n, *KIND_PLURALS[kind])
        for kind, n in tallied.items()
    )
    others = _files_beside(location.path, named or [])
    if named and not others:
        line = _("valid: {files}: {counts}").format(
            files=", ".join(str(path) for path in named), counts=counts
        )
    elif named:  # say what was named, and that the rest of its set was read for its references
        shown = ", ".join(str(path) for path in named)
        line = ngettext(
            "valid: {files} (and the other file of its folder, read for references): {counts}",
            "valid: {files} (and the other files of its folder, read for references): {counts}",
            others,
        ).format(files=shown, counts=counts)
    else:
        line = _("valid: {files} files in {where}: {counts}").format(
            files=len(outcome.files), where=location.describe(), counts=counts
        )
    summary_to(line + "\n")


def _files_beside(folder: Path, named: list[Path]) -> int:
    """How many of the set's files (data and evidence) were read beside those named."""
    from ..layout import DATA_FILES, EVIDENCE_FILES

    wanted = {path.resolve() for path in named}
    present = [folder / name for name in (*DATA_FILES, *EVIDENCE_FILES.values())]
    return len([f for f in present if f.is_file() and f.resolve() not in wanted])


def _location_of_files(named: list[Path], data_dir: Path | None) -> DataLocation:
    """The data folder that holds every file named (usage error otherwise): ``coopkb validate
    data/cooperatives.yaml`` checks the set it belongs to, as yamllint would check the file."""
    import os

    from ..layout import DATA_FILES, EVIDENCE_FILES
    from ..matching import quote
    from ..storage.location import DataLocation

    known = (*DATA_FILES, *EVIDENCE_FILES.values())
    folders = set()
    for path in named:
        if not path.is_file():
            reason = _("{path} is a folder") if path.is_dir() else _("{path} does not exist")
            fail(reason.format(path=quote(str(path))), EXIT_USAGE)
        if path.name not in known:
            fail(
                _("{path} is not a coopkb data file (one of: {names})").format(
                    path=quote(str(path)), names=", ".join(known)
                ),
                EXIT_USAGE,
            )
        folders.add(path.resolve().parent)
    if len(folders) > 1:
        fail(_("the files named belong to different data folders: name one at a time"), EXIT_USAGE)
    (folder,) = folders
    if data_dir is not None and data_dir.resolve() != folder:
        fail(
            _("--data-dir {folder} does not hold {path}").format(
                folder=quote(str(data_dir)), path=quote(str(named[0]))
            ),
            EXIT_USAGE,
        )
    shown = os.path.relpath(named[0].parent, Path.cwd()) if not named[0].is_absolute() else ""
    return DataLocation(folder, N_("files named"), shown)


def schema(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            help=N_("cooperatives.yaml, federations.yaml or missions.yaml (default: all)."),
            metavar=N_("FILE"),
            show_default=False,
        ),
    ] = None,
    output_folder: Annotated[
        str | None,
        typer.Option(
            "--output-dir",
            help=N_("Write <file>.schema.json files here instead of printing."),
            metavar=N_("<folder>"),
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the data files, generated from the models.

    Example: coopkb schema cooperatives.yaml
    """
    import json

    from ..interrupts import interrupts_deferred

    with interrupts_deferred():
        from ..validation.schema import json_schemas

    schemas = json_schemas()
    if name is not None:
        from ..matching import did_you_mean, quote

        key = name if name.endswith(".yaml") else f"{name}.yaml"
        if key not in schemas:
            fail(
                _("unknown data file {name}").format(name=quote(name)) + did_you_mean(name, schemas)
            )
        schemas = {key: schemas[key]}
    if output_folder is not None:
        from ..writing import FileSet, WriteError
        from .publish import named_folder, shown

        output_dir = named_folder(output_folder)

        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            fail(
                _("cannot write the schemas to {path}: {reason}").format(
                    path=output_dir, reason=os_reason(err)
                )
            )
        try:  # the editors' schemas are regenerated in place: replacing them is the point
            with FileSet(overwrite=True, protected=data_files_of(state_of(ctx))) as files:
                written = []
                for key, value in schemas.items():
                    target = output_dir / key.replace(".yaml", ".schema.json")
                    replaced = target.exists()
                    files.add_text(target, json.dumps(value, ensure_ascii=False, indent=2) + "\n")
                    written.append((target, replaced))
                files.commit()
        except WriteError as err:
            fail(str(err))
        for target, replaced in written:  # said, since an existing schema is replaced
            message = _("replaced {path}") if replaced else _("wrote {path}")
            write_err(message.format(path=shown(target)) + "\n")
        return
    single = next(iter(schemas.values())) if name is not None else schemas
    sys.stdout.write(json.dumps(single, ensure_ascii=False, indent=2) + "\n")


def new(
    kind: Annotated[
        str,
        typer.Argument(
            help=N_("cooperative, person, organisation, event, mission, member, programme…"),
            metavar=N_("KIND"),
            show_default=False,
        ),
    ],
    slug: Annotated[str | None, typer.Option(help=N_("The new record's slug."))] = None,
    name: Annotated[str | None, typer.Option(help=N_("The new record's name."))] = None,
) -> None:
    """Print a commented skeleton of a new record, to paste into a data file and fill in.

    It never writes into the data files. Example: coopkb new cooperative --slug ma-coop
    """
    from pydantic_core import PydanticCustomError

    from ..interrupts import interrupts_deferred
    from ..labels import kind_label, kind_spellings
    from ..output.text import safe
    from ..query import UnknownValue
    from ..query.filters import resolve

    with interrupts_deferred():
        from ..validation.fields import check_one_line_text, check_slug
        from ..validation.skeleton import KINDS, skeleton
    from .terminal import EXIT_USAGE

    try:
        if slug is not None:
            check_slug(slug)
        if name is not None:
            check_one_line_text(name)
    except PydanticCustomError as err:  # what validate would say of the pasted record
        fail(safe(err.message()), EXIT_USAGE)
    try:
        chosen = resolve(  # `new conseil` as `new council`
            "kind of record",
            kind,
            {k: kind_spellings(k) for k in KINDS},
            {k: kind_label(k) for k in KINDS},
        )
        text = skeleton(chosen, slug, name)
    except (UnknownValue, ValueError) as err:
        fail(str(err))
    sys.stdout.write(text)


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def diff(
    ctx: typer.Context,
    base: Annotated[
        str | None,
        typer.Argument(
            help=N_("Base revision (default: the merge base with the remote's default branch)."),
            metavar=N_("BASE"),
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(
            help=N_("Head revision (default: the working tree)."),
            metavar=N_("HEAD"),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help=N_("Output format."), case_sensitive=False)
    ] = DiffFormat.text,
) -> None:
    """Say what a change does to the knowledge base: records added, removed, renamed, changed.

    A side that does not validate is compared as it reads, and said so. Exit 0 whatever the
    changes, 1 when the head does not validate, 2 on a bad revision.
    Example: coopkb diff origin/main --format markdown
    """
    from ..interrupts import interrupts_deferred
    from ..layout import DATA_FILES
    from ..output.diff import render_diff
    from ..review.changes import compare, line_changes
    from ..review.git import RevisionError, contents_at, default_base, repository_of
    from ..storage.knowledge import read_data_files
    from ..storage.location import BUNDLED

    with interrupts_deferred():
        from ..validation.pipeline import readable_base, validate_contents
    from .terminal import EXIT_USAGE, emit

    state = state_of(ctx)
    location = location_of(state)
    if location.origin == BUNDLED:
        fail(
            _(
                "no data folder here or above {cwd}: diff compares the data of a git checkout; "
                "run it inside one, or name its data folder with --data-dir"
            ).format(cwd=Path.cwd()),
            EXIT_USAGE,
        )
    try:
        if head is not None and not head.strip():
            raise RevisionError(_("an empty revision names nothing; leave it out for the default"))
        repo, prefix = repository_of(location.path)
        if base is None:
            base_rev, note = default_base(repo)
            if note:
                write_err(_("Note: {note}").format(note=note) + "\n")
        else:
            base_rev = base
        sides = {base_rev: contents_at(repo, prefix, base_rev)}
        head_rev = head or _("working tree")
        sides[head_rev] = (
            contents_at(repo, prefix, head) if head else read_data_files(location.path)
        )
    except RevisionError as err:
        fail(str(err), EXIT_USAGE)
    outcomes = []
    for revision, contents in sides.items():
        shown = location.display if revision == head_rev and not head else f"{revision}:{prefix}"
        outcomes.append((revision, validate_contents(location.path, shown, contents)))
    kbs = []
    head_invalid = False
    unread: list[tuple[str, str]] = []
    notes: list[str] = []  # said on stderr, and in the Markdown (a job summary keeps them)
    for index, (revision, outcome) in enumerate(outcomes):
        if outcome.knowledge_base is not None:
            kbs.append(outcome.knowledge_base)
            continue
        unread += [
            (revision, name) for name in DATA_FILES if not isinstance(outcome.read.get(name), dict)
        ]
        # what can be read is compared; the side's problems are said, never hidden
        other = outcomes[1 - index][1].read if len(outcomes) > 1 else {}
        kbs.append(readable_base(outcome.read, other))
        head_invalid = head_invalid or index == len(outcomes) - 1
        problems = outcome.problems
        first = problems[0]
        note = ngettext(
            "Note: the data at {revision} does not validate ({count} problem). The first: "
            "{where} — {message}. It is compared as it reads.",
            "Note: the data at {revision} does not validate ({count} problems). The first: "
            "{where} — {message}. It is compared as it reads.",
            len(problems),
        ).format(
            revision=revision,
            count=len(problems),
            where=f"{first.file}:{first.line}:{first.column}",
            message=first.message,
        )
        notes.append(note)
        write_err(note + "\n")
    # a file a side cannot parse hides its records' changes: its lines show them as text
    lines_of = {
        name: line_changes(sides[base_rev].get(name), sides[head_rev].get(name))
        for name in dict.fromkeys(name for _revision, name in unread)
    }
    rendered = render_diff(compare(kbs[0], kbs[-1]), output_format.value, unread, notes, lines_of)
    emit(rendered, state.pager)
    if head_invalid:  # the change leaves the data invalid: the job says so
        raise typer.Exit(EXIT_DATA)
