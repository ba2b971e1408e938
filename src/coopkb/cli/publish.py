"""`coopkb export …`: the knowledge base for Datasette, spreadsheets and notebooks."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ..files import os_reason
from ..i18n import N_, _
from .session import data_files_of, knowledge_base, state_of
from .terminal import fail, write_err


def shown(path: Path) -> str:
    """A path as a message shows it: control and invisible characters escaped (``\\x1b``)."""
    from ..matching import neutral

    return neutral(str(path))


def named_folder(text: str) -> Path:
    """A FOLDER argument: ``""`` names none (exit 2); ``.`` is the current folder."""
    if not text.strip():
        from .terminal import EXIT_USAGE

        fail(_("an empty value names no folder"), EXIT_USAGE)
    return Path(text)


def _named_file(text: str) -> Path:
    """A FILE argument must name a file, as typed: ``""``, ``.``, ``..`` or a name ending in
    ``/`` (a folder: ``p.txt/`` would otherwise write over ``p.txt``) name none (exit 2)."""
    from ..matching import neutral

    path = Path(text)
    if not text.strip() or text.endswith(("/", os.sep)) or path.name in ("", ".", ".."):
        from .terminal import EXIT_USAGE

        fail(_("{value} is not a file name").format(value=repr(neutral(text))), EXIT_USAGE)
    return path


OverwriteOption = Annotated[
    bool, typer.Option("--overwrite", help=N_("Replace what is already there."))
]


def export_sqlite(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            help=N_("The database file to write."), metavar=N_("FILE"), show_default=False
        ),
    ],
    overwrite: OverwriteOption = False,
    metadata_file: Annotated[
        str | None,
        typer.Option(
            "--metadata",
            help=N_("Where to write Datasette's metadata (default: PATH with .metadata.json)."),
            metavar=N_("<file>"),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write one SQLite database of the whole base, ready for Datasette.

    Example: coopkb export sqlite kb.db && datasette kb.db -m kb.metadata.json
    """
    from ..publish.sqlite import ExportError, write_metadata
    from ..publish.sqlite import export_sqlite as write
    from ..publish.sqlite import metadata as datasette_metadata
    from ..writing import FileSet

    path = _named_file(file)
    metadata = None if metadata_file is None else _named_file(metadata_file)
    state = state_of(ctx)
    kb = knowledge_base(state, evidence=True)
    target = metadata or path.with_name(path.stem + ".metadata.json")
    try:
        with FileSet(overwrite, data_files_of(state)) as files:
            tables = write(kb, path, files)
            sources = kb.get("sources") or []
            write_metadata(target, datasette_metadata(tables, path.stem, sources), files)
            files.commit()
    except ExportError as err:
        fail(str(err))
    except OSError as err:  # a name too long, a folder that vanished…
        fail(_("cannot write {path}: {reason}").format(path=shown(path), reason=os_reason(err)))
    from ..figures import number_text

    rows = sum(t.count for t in tables.tables.values())
    write_err(
        _("wrote {path}: {tables} tables, {rows} rows; metadata in {metadata}").format(
            path=shown(path),
            tables=len([t for t in tables.tables.values() if t.rows]),
            rows=number_text(rows),  # « 1 713 lignes », as the figures group thousands
            metadata=shown(target),
        )
        + "\n"
    )


def export_json(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(help=N_("The JSON file to write."), metavar=N_("FILE"), show_default=False),
    ],
    overwrite: OverwriteOption = False,
) -> None:
    """Write the whole base as one JSON document, with its JSON Schema beside it.

    Example: coopkb export json kb.json
    """
    from ..interrupts import interrupts_deferred
    from ..publish.spreadsheet import export_json as write
    from ..publish.sqlite import ExportError

    with interrupts_deferred():
        from ..validation.schema import knowledge_base_schema

    path = _named_file(file)
    state = state_of(ctx)
    kb = knowledge_base(state, evidence=True)
    try:
        write(kb, path, knowledge_base_schema(), overwrite, data_files_of(state))
    except ExportError as err:
        fail(str(err))
    except OSError as err:  # a name too long, a folder that vanished…
        fail(_("cannot write {path}: {reason}").format(path=shown(path), reason=os_reason(err)))
    write_err(_("wrote {path}").format(path=shown(path)) + "\n")


def export_csv(
    ctx: typer.Context,
    folder: Annotated[
        str,
        typer.Argument(
            help=N_("The folder to write the CSV files in."),
            metavar=N_("FOLDER"),
            show_default=False,
        ),
    ],
    excel: Annotated[
        bool,
        typer.Option("--excel", help=N_("For a French-locale Excel: UTF-8 BOM and ';' separator.")),
    ] = False,
    overwrite: OverwriteOption = False,
) -> None:
    """Write one CSV file per table: records, figures, timeline steps, links.

    Example: coopkb export csv tableaux --excel
    """
    from ..publish.spreadsheet import export_csv as write
    from ..publish.sqlite import ExportError

    directory = named_folder(folder)
    state = state_of(ctx)
    kb = knowledge_base(state, evidence=True)
    try:
        tables = write(kb, directory, excel or state.excel, overwrite, data_files_of(state))
    except ExportError as err:
        fail(str(err))
    except OSError as err:  # a name too long, a folder that vanished…
        fail(
            _("cannot write {path}: {reason}").format(path=shown(directory), reason=os_reason(err))
        )
    count = len([t for t in tables.tables.values() if t.rows])
    write_err(
        _("wrote {count} CSV files in {path}").format(count=count, path=shown(directory)) + "\n"
    )


def _folder_export(
    ctx: typer.Context, folder: str, write: Callable[[Any, Path, list[Path]], str]
) -> None:
    """Run a folder export: the folder checked, the base loaded, one line said on stderr."""
    from ..publish.sqlite import ExportError

    directory = named_folder(folder)
    state = state_of(ctx)
    kb = knowledge_base(state, evidence=True)
    try:
        said = write(kb, directory, data_files_of(state))
    except ExportError as err:
        fail(str(err))
    except OSError as err:  # a name too long, a folder that vanished…
        fail(
            _("cannot write {path}: {reason}").format(path=shown(directory), reason=os_reason(err))
        )
    write_err(said + "\n")


FolderArgument = Annotated[
    str,
    typer.Argument(
        help=N_("The folder to write the files in."), metavar=N_("FOLDER"), show_default=False
    ),
]


def export_datapackage(
    ctx: typer.Context, folder: FolderArgument, overwrite: OverwriteOption = False
) -> None:
    """Write a Frictionless data package: one CSV per table, the data dictionary, datapackage.json.

    For open-data portals (Données Québec) and any tool that reads the standard.
    Example: coopkb export datapackage donnees && frictionless validate donnees/datapackage.json
    """
    from .. import __version__
    from ..publish.datapackage import export_datapackage as write

    def written(kb: Any, directory: Path, protected: list[Path]) -> str:
        tables = write(kb, directory, overwrite, protected, __version__)
        count = len([t for t in tables.tables.values() if t.rows])
        return _("wrote a data package of {count} tables in {path}").format(
            count=count, path=shown(directory)
        )

    _folder_export(ctx, folder, written)


def export_jsonld(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            help=N_("The JSON-LD file to write."), metavar=N_("FILE"), show_default=False
        ),
    ],
    overwrite: OverwriteOption = False,
) -> None:
    """Write the whole base as schema.org JSON-LD, for maps and directories of the social economy.

    Example: coopkb export jsonld coopkb.jsonld
    """
    from ..publish.jsonld import export_jsonld as write
    from ..publish.sqlite import ExportError

    path = _named_file(file)
    state = state_of(ctx)
    kb = knowledge_base(state, evidence=True)
    try:
        count = write(kb, path, overwrite, data_files_of(state))
    except ExportError as err:
        fail(str(err))
    except OSError as err:  # a name too long, a folder that vanished…
        fail(_("cannot write {path}: {reason}").format(path=shown(path), reason=os_reason(err)))
    write_err(_("wrote {path}: {count} nodes").format(path=shown(path), count=count) + "\n")


def export_murmurations(
    ctx: typer.Context, folder: FolderArgument, overwrite: OverwriteOption = False
) -> None:
    """Write one Murmurations profile per organisation and cooperative, for the network's index.

    Example: coopkb export murmurations profils
    """
    from ..publish.murmurations import export_murmurations as write

    def written(kb: Any, directory: Path, protected: list[Path]) -> str:
        count = write(kb, directory, overwrite, protected)
        return _("wrote {count} profiles in {path}").format(count=count, path=shown(directory))

    _folder_export(ctx, folder, written)


def export_site(
    ctx: typer.Context, folder: FolderArgument, overwrite: OverwriteOption = False
) -> None:
    """Write the website: a page per record, lists, regions, timeline, search, downloads.

    French first, English under en/; a static site any web host serves as is.
    Example: coopkb export site site && python -m http.server -d site
    """
    import datetime

    from .. import __version__
    from ..interrupts import interrupts_deferred
    from ..publish.site import export_site as write
    from ..publish.site.downloads import write_downloads

    with interrupts_deferred():
        from ..validation.schema import json_schemas, knowledge_base_schema

    from ..i18n import in_language

    with in_language("fr"):  # the editors' schemas the site hosts are the repository's (French)
        schemas = json_schemas()
    kb_schema = knowledge_base_schema()
    built = datetime.date.today().isoformat()

    def written(kb: Any, directory: Path, protected: list[Path]) -> str:
        def downloads(staging: Path) -> list[tuple[str, str, str, str]]:
            return write_downloads(kb, staging, schemas, kb_schema, __version__, built)

        pages = write(kb, directory, overwrite, protected, downloads, built)
        return _("wrote a site of {count} pages in {path}").format(
            count=pages, path=shown(directory)
        )

    _folder_export(ctx, folder, written)
