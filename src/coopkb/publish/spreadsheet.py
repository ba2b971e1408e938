"""Spreadsheets and documents: CSV files of every table (French-locale Excel included) and one
JSON document of the whole base for notebooks."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..i18n import _
from ..output.machine import csv_text
from .sqlite import ExportError
from .tables import Tables, relational


def export_csv(kb: dict[str, Any], directory: Path, excel: bool, overwrite: bool) -> Tables:
    """One CSV per table in ``directory`` (created), each written whole then renamed."""
    tables = relational(kb)
    if directory.exists() and not directory.is_dir():
        raise ExportError(_("{path} is a file, not a folder").format(path=directory))
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(
            _("cannot create {path}: {reason}").format(path=directory, reason=err.strerror or err)
        ) from None
    targets = {t.name: directory / f"{t.name}.csv" for t in tables.tables.values() if t.rows}
    existing = [p.name for p in targets.values() if p.exists()]
    if existing and not overwrite:
        raise ExportError(
            _("{path} already holds {files}… (use --overwrite to replace them)").format(
                path=directory, files=", ".join(existing[:3])
            )
        )
    for name, target in targets.items():
        text = csv_text(tables.tables[name].rows, excel)
        _write_atomically(target, text + ("\r\n" if excel else "\n"))
    return tables


def export_json(kb: dict[str, Any], target: Path, schema: dict[str, Any], overwrite: bool) -> None:
    """The whole base as one JSON document, with its JSON Schema beside it (PATH.schema.json)."""
    if target.exists() and not overwrite:
        raise ExportError(_("{path} exists (use --overwrite to replace it)").format(path=target))
    schema_path = target.with_name(target.stem + ".schema.json")
    document = {"$schema": f"./{schema_path.name}", **kb}
    _write_atomically(target, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    _write_atomically(schema_path, json.dumps(schema, ensure_ascii=False, indent=2) + "\n")


def _write_atomically(target: Path, text: str) -> None:
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise ExportError(
            _("cannot write {path}: {reason}").format(path=target, reason=err.strerror or err)
        ) from None
