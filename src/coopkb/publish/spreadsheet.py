"""Spreadsheets and documents: CSV files of every table (French-locale Excel included) and one
JSON document of the whole base for notebooks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..output.machine import csv_text
from ..writing import FileSet
from .folders import write_folder
from .tables import Tables, relational


def export_csv(
    kb: dict[str, Any], directory: Path, excel: bool, overwrite: bool, protected: list[Path]
) -> Tables:
    """One CSV per table in ``directory`` (created), written as one set: all new or all old.

    With ``--overwrite``, the CSV of a table that has become empty is removed with the rest, so
    the folder never mixes two exports."""
    tables = relational(kb)
    end = "\r\n" if excel else "\n"
    texts = {
        f"{t.name}.csv": csv_text(t.rows, excel) + end for t in tables.tables.values() if t.rows
    }
    write_folder(directory, texts, overwrite, protected)
    return tables


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
