"""The knowledge base as relational tables: one per kind of record, link tables for lists of
references (with their foreign keys), and tables for figures, timeline steps, list items and
affiliations. Derived from the record graph (``graph.REFERENCES``) and the values' shapes, so a
new field needs no change here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..graph import REFERENCES, walk_records
from ..query.records import source_record

TABLE_OF: dict[str, str] = {
    "council": "councils",
    "programme": "programmes",
    "roadmap": "roadmaps",
    "cooperation": "cooperations",
    "cooperative": "cooperatives",
    "member": "members",
    "mission": "missions",
    "event": "events",
    "organisation": "organisations",
    "person": "people",
    "source": "sources",
}
_CHUNK = 2_000  # records per part: bounds what an export holds besides the knowledge base
RECORDS = "records"  # every record: the target of references that may point at several kinds
_NESTED = ("programmes", "roadmaps")  # nested records get tables of their own
# Lists of mappings: each goes to a table of its own (figures, timeline, items, affiliations),
# so an empty one is no column of the record's table either.
_SEPARATE = frozenset(
    {
        "figures",
        "represents",
        "participants",
        "timeline",
        "projects",
        "steps",
        "proximity_milestones",
        "fields_of_action",
        "strategic_axes",
        "collective_action_models",
        "levers",
        "affiliations",
    }
)


@dataclass
class Table:
    name: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    pk: str | None = None
    foreign_keys: list[tuple[str, str]] = field(default_factory=list)  # (column, other table)
    description: str = ""
    count: int = 0  # rows written (an export keeps only the first row of each table)


@dataclass
class Tables:
    tables: dict[str, Table] = field(default_factory=dict)

    def table(self, name: str, pk: str | None = None, description: str = "") -> Table:
        if name not in self.tables:
            self.tables[name] = Table(name, pk=pk, description=description)
        return self.tables[name]


def _target_table(kind: str, path: tuple[str, ...]) -> str:
    for ref in REFERENCES:
        if ref.kind == kind and ref.path == path:
            return TABLE_OF[ref.targets[0]] if len(ref.targets) == 1 else RECORDS
    return RECORDS


def _reference_fields(kind: str) -> dict[str, tuple[str, ...]]:
    return {ref.path[0]: ref.path for ref in REFERENCES if ref.kind == kind}


def relational(kb: dict[str, Any]) -> Tables:
    """The tables of the whole base, in a stable order."""
    out = Tables()
    for part in relational_parts(kb):
        for name, table in part.tables.items():
            whole = out.table(name, pk=table.pk, description=table.description)
            whole.rows += table.rows
            whole.foreign_keys = whole.foreign_keys or table.foreign_keys
    return out


def relational_parts(kb: dict[str, Any]) -> Iterator[Tables]:
    """The tables kind by kind (records of one kind and their links, figures, steps…), so a
    writer can store each part and let it go: at 100,000 cooperatives, holding every row of
    every table at once beside the knowledge base doubles the memory an export needs."""
    sources = [("source", source_record(s)) for s in kb.get("sources") or []]
    found = [*((f.kind, f.record) for f in walk_records(kb)), *sources]
    for kind in TABLE_OF:
        of_kind = [record for record_kind, record in found if record_kind == kind]
        for start in range(0, max(len(of_kind), 1), _CHUNK):
            part = Tables()
            everything = part.table(RECORDS, pk="slug", description="Every record: slug, kind.")
            part.table(TABLE_OF[kind], pk="slug")
            for record in of_kind[start : start + _CHUNK]:
                row = {"slug": record["slug"], "kind": kind, "name": record["name"]}
                everything.rows.append(row)
                _add_record(part, kind, record)
            yield part


def _add_record(out: Tables, kind: str, record: dict[str, Any]) -> None:
    name = TABLE_OF[kind]
    table = out.tables[name]
    references = _reference_fields(kind)
    row: dict[str, Any] = {}
    for key, value in record.items():
        if key in _NESTED and kind == "council" or (key in _SEPARATE and not value):
            continue
        path = references.get(key)
        if key == "sources" and isinstance(value, list):
            _links(out, f"{name}_sources", name, "source", "sources", record["slug"], value)
        elif path is not None and isinstance(value, list) and path[-1] != "organisation":
            target = _target_table(kind, path)
            _links(out, f"{name}_{key}", name, key, target, record["slug"], value)
        elif path is not None and not isinstance(value, list):
            row[key] = value
            target = _target_table(kind, path)
            if (key, target) not in table.foreign_keys:
                table.foreign_keys.append((key, target))
        elif isinstance(value, dict) and "value" in value:
            _figures(out, record["slug"], key, [value])
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            _list_of_mappings(out, kind, record["slug"], key, value)
        elif isinstance(value, list):
            row[key] = json.dumps(value, ensure_ascii=False) if value else None
        else:
            row[key] = value
    table.rows.append(row)


def _links(
    out: Tables, name: str, owner: str, column: str, target: str, slug: str, values: list[Any]
) -> None:
    table = out.table(name, description=f"{owner}.{column}: one row per reference, in order.")
    if not table.foreign_keys:
        table.foreign_keys = [(_owner_column(owner), owner), (_link_column(column), target)]
    for position, value in enumerate(values, start=1):
        table.rows.append(
            {_owner_column(owner): slug, _link_column(column): value, "position": position}
        )


def _owner_column(owner: str) -> str:
    return "record" if owner in (RECORDS,) else f"{owner}_slug"


def _link_column(column: str) -> str:
    return f"{column}_slug"


def _figures(out: Tables, slug: str, field_name: str, figures: list[dict[str, Any]]) -> None:
    table = out.table("figures", description="Every figure: value, unit, qualifier, date.")
    table.foreign_keys = [("record", RECORDS)]
    for position, figure in enumerate(figures, start=1):
        table.rows.append(
            {
                "record": slug,
                "field": field_name,
                "position": position,
                "label": figure.get("label"),
                "value": figure.get("value"),
                "unit": figure.get("unit"),
                "qualifier": figure.get("qualifier"),
                "date": figure.get("date"),
            }
        )


def _list_of_mappings(
    out: Tables, kind: str, slug: str, field_name: str, values: list[dict[str, Any]]
) -> None:
    first = values[0]
    if "value" in first and "label" in first:
        _figures(out, slug, field_name, values)
    elif "event" in first:
        table = out.table("timeline", description="Every dated step: one row per step, in order.")
        table.foreign_keys = [("record", RECORDS)]
        for position, step in enumerate(values, start=1):
            table.rows.append(
                {
                    "record": slug,
                    "field": field_name,
                    "position": position,
                    "date": step.get("date"),
                    "end": step.get("end"),
                    "event": step.get("event"),
                }
            )
    elif "role" in first or "organisation" in first:
        table = out.table("affiliations", description="Who acts for which organisation, as what.")
        table.foreign_keys = [("person_slug", "people"), ("organisation_slug", RECORDS)]
        for position, item in enumerate(values, start=1):
            table.rows.append(
                {
                    "person_slug": slug,
                    "position": position,
                    "organisation_slug": item.get("organisation"),
                    "role": item.get("role"),
                    "date": item.get("date"),
                }
            )
    else:
        table = out.table("items", description="Levers, axes, fields of action: one row each.")
        table.foreign_keys = [("record", RECORDS)]
        for position, item in enumerate(values, start=1):
            actions = item.get("actions") or []
            table.rows.append(
                {
                    "record": slug,
                    "field": field_name,
                    "position": position,
                    "number": item.get("number"),
                    "name": item.get("name"),
                    "description": item.get("description"),
                    "actions": json.dumps(actions, ensure_ascii=False) if actions else None,
                }
            )


def iter_rows(tables: Tables) -> Iterator[tuple[str, dict[str, Any]]]:
    for table in tables.tables.values():
        for row in table.rows:
            yield table.name, row
