"""`coopkb export datapackage DIR`: the base as a Frictionless Data Package (v2), the open
standard Données Québec's tables follow: one UTF-8 CSV per table, the data dictionary as a
resource, and ``datapackage.json`` with each table's Table Schema (types, primary and foreign
keys, what is missing), the licence and the sources.

Built from the relational tables (``tables.py``) and typed from the table of parts: a column's
type is its field's part, never a guess from its name or its values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..i18n import N_, _, in_language, ngettext
from ..kinds import KIND
from ..labels import field_label, kind_label
from ..parts import Part, part_of
from ..validation.meanings import meaning_of
from .about import DESCRIPTION, LICENCE, LICENCE_NOTE, TITLE, source_list
from .folders import write_folder
from .tables import (
    EVIDENCE,
    RECORDS,
    SHAPE_TABLES,
    Table,
    Tables,
    link_column,
    relational,
    table_description,
)

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
TABLE_SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
# A date as precise as the source: a year, a month or a day (ISO 8601).
PARTIAL_DATE = "[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
DICTIONARY = "dictionnaire"  # the data dictionary's resource (and file) name
# What the sources leave unknown is an empty cell (never a guessed value).
MISSING = [""]


def export_datapackage(
    kb: dict[str, Any], directory: Path, overwrite: bool, protected: list[Path], version: str
) -> Tables:
    """Write the package in ``directory`` as one set of files; the tables written."""
    from ..output.machine import csv_text

    tables = relational(kb)
    written = [t for t in tables.tables.values() if t.rows]
    with in_language("fr"):  # titles and descriptions: French, whatever the interface's
        descriptor = package_descriptor(written, kb.get("sources") or [], version)
        dictionary = _dictionary_rows(written)
    texts = {f"{t.name}.csv": csv_text(t.rows) + "\n" for t in written}
    texts[f"{DICTIONARY}.csv"] = csv_text(dictionary) + "\n"
    texts["datapackage.json"] = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    write_folder(directory, texts, overwrite, protected)
    return tables


def package_descriptor(
    tables: list[Table], sources: list[dict[str, Any]], version: str
) -> dict[str, Any]:
    names = {t.name for t in tables}
    resources = [_resource(t, names) for t in tables]
    resources.append(_dictionary_resource())
    return {
        "$schema": PROFILE,
        "name": "coopkb",
        "title": TITLE,
        "description": DESCRIPTION,
        "version": version,
        "homepage": "https://github.com/coopkb/coopkb",
        "licenses": [LICENCE],
        "sources": source_list(sources),
        "keywords": ["coopératives", "Québec", "économie sociale", "CQCM", "mutualité"],
        "coopkb:licenceNote": LICENCE_NOTE,
        "resources": resources,
    }


def _resource(table: Table, names: set[str]) -> dict[str, Any]:
    columns = list(dict.fromkeys(key for row in table.rows for key in row))
    schema: dict[str, Any] = {
        "$schema": TABLE_SCHEMA_PROFILE,
        "fields": [_field(table, column) for column in columns],
        "missingValues": MISSING,
    }
    key = _primary_key(table, columns)
    if key:
        schema["primaryKey"] = key
    foreign = [
        {"fields": [column], "reference": {"resource": other, "fields": ["slug"]}}
        for column, other in table.foreign_keys
        if other in names and column in columns
    ]
    if foreign:
        schema["foreignKeys"] = foreign
    return {
        "$schema": RESOURCE_PROFILE,
        "name": table.name,
        "path": f"{table.name}.csv",
        "type": "table",
        "title": _title(table),
        "description": table_description(table),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _primary_key(table: Table, columns: list[str]) -> list[str]:
    if table.pk is not None:
        return [table.pk]
    if table.owner in SHAPE_TABLES:  # a record's sub-records: by record, field and rank
        return ["record", "field", "position"]
    if table.name == EVIDENCE:  # each claim on a value, ranked
        return ["record", "path", "position"]
    return [c for c in columns if c.endswith("_slug")][:1] + ["position"]


def _title(table: Table) -> str:
    if table.name == RECORDS:
        return _("every record")
    if table.name == EVIDENCE:
        return _("evidence")
    if table.field:
        return f"{kind_label(table.owner)} · {field_label(table.field, table.owner)}"
    if table.owner in SHAPE_TABLES:
        return field_label(SHAPE_TABLES[table.owner][0])
    one, many = KIND[table.owner].counts  # "{count} coopératives" without the count
    return ngettext(one, many, 2).format(count="").strip()


def _field(table: Table, column: str) -> dict[str, Any]:
    """A column's Table Schema field: its type from its part, its French title, its meaning."""
    owner, name = _described(table, column)
    part = part_of(owner, name) if owner else None
    field: dict[str, Any] = {"name": column, **_typed(column, part)}
    field["title"] = field_label(name, owner or None)
    if table.field and not owner and name == "record":  # a link table's owner column
        field["title"] = kind_label(table.owner)
    meaning = meaning_of(owner, name) if owner else _OWN_COLUMNS.get(name)
    if meaning:
        field["description"] = _(meaning)
    if column == table.pk or column == "position":
        field.setdefault("constraints", {})["required"] = True
    return field


# The columns the exports add (keys of rows, not fields of records).
_OWN_COLUMNS = {
    "slug": N_("Identifier of the record, unique across the base."),
    "kind": N_("The kind of record (cooperative, member, mission…)."),
    "name": N_("Name as the source writes it."),
    "record": N_("Slug of the record holding this row."),
    "field": N_("The field of the record holding this row."),
    "position": N_("Rank in the record's list, from 1."),
    "path": N_("The value's place in its record: a field, an item from 1 (timeline.2.date)."),
    "value": N_("The value, as the record holds it."),
    "source": N_("Identifier of the source stating the value."),
    "at": N_("Where in the source: its heading, slide or section."),
    "says": N_("The source's own words stating the value (at most 9)."),
    "official": N_("The official list the value was taken from, when no source states it."),
}


def _described(table: Table, column: str) -> tuple[str, str]:
    """The owner and field describing a column: a record's field, a sub-record's field, the
    referring field (in a link table), or none (the columns the export adds)."""
    if table.field:  # a link table: the owner's slug, the referenced slug, the rank
        if column == link_column("source" if table.field == "sources" else table.field):
            return table.owner, table.field
        return "", "record" if column != "position" else column
    if column.endswith("_slug") and part_of(table.owner, column.removesuffix("_slug")):
        return table.owner, column.removesuffix("_slug")
    if part_of(table.owner, column) is None:
        return "", column
    return table.owner, column


def _typed(column: str, part: Part | None) -> dict[str, Any]:
    if column == "position":
        return {"type": "integer", "constraints": {"minimum": 1}}
    if part is None:
        return {"type": "string"}
    if part.part == "list":
        return {"type": "array"}  # a JSON array in the cell
    if part.part == "scalar" and part.type == "date":
        return {"type": "string", "format": "default", "constraints": {"pattern": PARTIAL_DATE}}
    if part.part == "scalar" and part.type in ("integer", "number"):
        return {"type": part.type}
    if part.part == "scalar" and part.type == "url":
        return {"type": "string", "format": "uri"}
    return {"type": "string"}


def _dictionary_resource() -> dict[str, Any]:
    fields = [
        ("table", _("table")),
        ("column", _("column")),
        ("type", _("type")),
        ("title", _("title")),
        ("meaning", _("meaning")),
    ]
    return {
        "$schema": RESOURCE_PROFILE,
        "name": DICTIONARY,
        "path": f"{DICTIONARY}.csv",
        "type": "table",
        "title": _("data dictionary"),
        "description": _("Every column of every table: its type, its title and its meaning."),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "$schema": TABLE_SCHEMA_PROFILE,
            "fields": [{"name": name, "type": "string", "title": title} for name, title in fields],
            "primaryKey": ["table", "column"],
            "missingValues": MISSING,
        },
    }


def _dictionary_rows(tables: list[Table]) -> list[dict[str, Any]]:
    names = {t.name for t in tables}
    rows = []
    for table in tables:
        for field in _resource(table, names)["schema"]["fields"]:
            rows.append(
                {
                    "table": table.name,
                    "column": field["name"],
                    "type": field["type"],
                    "title": field.get("title", ""),
                    "meaning": field.get("description", ""),
                }
            )
    return rows
