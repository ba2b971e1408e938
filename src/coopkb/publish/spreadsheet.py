"""Spreadsheets and documents: CSV files of every table (French-locale Excel included) and one
JSON document of the whole base for notebooks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..files import os_reason
from ..i18n import _
from ..output.machine import csv_text
from ..writing import FileSet
from .sqlite import ExportError
from .tables import Tables, relational


def export_csv(
    kb: dict[str, Any], directory: Path, excel: bool, overwrite: bool, protected: list[Path]
) -> Tables:
    """One CSV per table in ``directory`` (created), written as one set: all new or all old.

    With ``--overwrite``, the CSV of a table that has become empty is removed with the rest, so
    the folder never mixes two exports."""
    tables = relational(kb)
    if directory.is_symlink():
        raise ExportError(
            _("{path} is a symbolic link; coopkb writes no file through a link").format(
                path=directory
            )
        )
    if directory.exists() and not directory.is_dir():
        kind = _("a file") if directory.is_file() else _("a pipe, device or socket")
        raise ExportError(_("{path} is {kind}, not a folder").format(path=directory, kind=kind))
    created = not directory.exists()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(
            _("cannot create {path}: {reason}").format(path=directory, reason=os_reason(err))
        ) from None
    targets = {t.name: directory / f"{t.name}.csv" for t in tables.tables.values() if t.rows}
    existing = [p.name for p in targets.values() if p.exists() or p.is_symlink()]
    if not existing and (directory / MANIFEST).exists():  # an earlier export, all its tables gone
        existing = [MANIFEST]
    if existing and not overwrite:
        raise ExportError(
            _("{path} already holds {files}… (use --overwrite to replace them)").format(
                path=directory, files=", ".join(existing[:3])
            )
        )
    try:
        _write_tables(tables, targets, directory, excel, overwrite, protected)
    except BaseException:
        if created:  # a failed export leaves no empty folder behind
            try:
                directory.rmdir()
            except OSError:
                pass
        raise
    return tables


def _write_tables(
    tables: Tables,
    targets: dict[str, Path],
    directory: Path,
    excel: bool,
    overwrite: bool,
    protected: list[Path],
) -> None:
    with FileSet(overwrite, protected) as files:
        for name, target in targets.items():
            text = csv_text(tables.tables[name].rows, excel)
            files.add_text(target, text + ("\r\n" if excel else "\n"))
        if overwrite:  # the tables of the export replaced that this one no longer has
            for old in _listed(directory / MANIFEST):
                if old not in targets:
                    files.remove(directory / f"{old}.csv")
        files.add_text(directory / MANIFEST, "\n".join(sorted(targets)) + "\n")
        files.commit()


# The tables an export wrote, one name a line: what the next --overwrite may remove.
MANIFEST = ".coopkb-tables"


def _listed(manifest: Path) -> list[str]:
    try:
        text = manifest.read_text("utf-8") if manifest.is_file() else ""
    except (OSError, UnicodeDecodeError):
        return []
    return [n for n in text.split() if n.replace("_", "").replace("-", "").isalnum()]


def export_json(
    kb: dict[str, Any],
    target: Path,
    schema: dict[str, Any],
    overwrite: bool,
    protected: list[Path],
) -> None:
    """The whole base as one JSON document, with its JSON Schema beside it (PATH.schema.json);
    the two are written as one, and an existing schema file is replaced only with --overwrite."""
    schema_path = target.with_name(target.stem + ".schema.json")
    document = {"$schema": f"./{schema_path.name}", **kb}
    with FileSet(overwrite, protected) as files:
        files.add_text(target, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        files.add_text(schema_path, json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
        files.commit()
