"""The knowledge base as relational tables: one per kind of record, link tables for lists of
references (with their foreign keys), and tables for figures, timeline steps, list items and
affiliations. Derived from the table of kinds (``kinds.py``) and every field's part
(``parts.py``), so a new field, kind or reference inside a step needs no change here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..graph import walk_records
from ..i18n import N_
from ..kinds import KINDS
from ..parts import FIELDS_OF, part_of
from ..query.records import source_record

TABLE_OF: dict[str, str] = {kind.name: kind.table for kind in KINDS}
_CHUNK = 2_000  # records per part: bounds what an export holds besides the knowledge base
RECORDS = "records"  # every record: the target of references that may point at several kinds
# Each shape of sub-record has a table of its own: one row per sub-record, in order, with the
# record and field holding it (so an empty list is no column of the record's table either).
SHAPE_TABLES: dict[str, tuple[str, str]] = {
    "step": ("timeline", N_("Every dated step: one row per step, in order.")),
    "figure": ("figures", N_("Every figure: value, unit, qualifier, date.")),
    "item": ("items", N_("Levers, axes, fields of action: one row each.")),
    "affiliation": ("affiliations", N_("Who acts for which organisation, as what.")),
    "source": ("sources", N_("The cited documents.")),
}
RECORDS_DESCRIPTION = N_("Every record: its slug, kind and name (the target of references).")
KIND_DESCRIPTION = N_("One row per {kind}.")  # the kind's label fills it in where shown
LINKS_DESCRIPTION = N_("{kind} · {field}: one row per reference, in order.")


def table_description(table: Table) -> str:
    """A table's description in the interface's language."""
    from ..i18n import _
    from ..labels import field_label, kind_label

    kind = table.owner if table.owner in TABLE_OF else None
    return _(table.description).format(
        kind=kind_label(kind) if kind else "", field=field_label(table.field, kind)
    )


@dataclass
class Table:
    name: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    pk: str | None = None
    foreign_keys: list[tuple[str, str]] = field(default_factory=list)  # (column, other table)
    description: str = ""  # English, marked for the catalog (translated where shown)
    count: int = 0  # rows written (an export keeps only the first row of each table)
    # What describes its columns: a kind (its records), a shape (steps, figures…), or, for a
    # link table, the kind and the field holding the references; "" for the records table.
    owner: str = ""
    field: str = ""


@dataclass
class Tables:
    tables: dict[str, Table] = field(default_factory=dict)

    def table(
        self,
        name: str,
        pk: str | None = None,
        description: str = "",
        owner: str = "",
        field: str = "",
    ) -> Table:
        if name not in self.tables:
            self.tables[name] = Table(
                name, pk=pk, description=description, owner=owner, field=field
            )
        return self.tables[name]

    def add(self, table: Table) -> Table:
        """The table of that name, created like ``table`` (its rows are not copied)."""
        return self.table(table.name, table.pk, table.description, table.owner, table.field)


def _target_table(targets: tuple[str, ...]) -> str:
    """The table a reference's slugs are keys of: the target kind's, or every record's."""
    return TABLE_OF[targets[0]] if len(targets) == 1 else RECORDS


def relational(kb: dict[str, Any]) -> Tables:
    """The tables of the whole base, in a stable order."""
    out = Tables()
    for part in relational_parts(kb):
        for table in part.tables.values():
            whole = out.add(table)
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
            everything = part.table(RECORDS, pk="slug", description=RECORDS_DESCRIPTION)
            part.table(TABLE_OF[kind], pk="slug", description=KIND_DESCRIPTION, owner=kind)
            for record in of_kind[start : start + _CHUNK]:
                row = {"slug": record["slug"], "kind": kind, "name": record["name"]}
                everything.rows.append(row)
                _add_record(part, kind, record)
            yield part
    evidence = evidence_part(kb, found)
    if evidence.tables[EVIDENCE].rows:
        yield evidence


EVIDENCE = "evidence"
EVIDENCE_DESCRIPTION = N_(
    "Where each value comes from: one row per value and claim (the source, the place in it and "
    "its words), or the official list a value was taken from."
)


def evidence_part(kb: dict[str, Any], found: list[tuple[str, dict[str, Any]]]) -> Tables:
    """The evidence table: every value that has evidence, with what states it."""
    from ..query.evidence import claims_by_record, evidence_rows, official_title

    part = Tables()
    table = part.table(EVIDENCE, description=EVIDENCE_DESCRIPTION, owner=EVIDENCE)
    table.foreign_keys = [("record", RECORDS)]
    by_record = claims_by_record(kb)
    for kind, record in found:
        if kind == "source":
            continue
        for row in evidence_rows(kb, kind, record, by_record):
            official = official_title(row.official) if row.official else None
            for rank, claim in enumerate(row.claims or ({},), 1):
                if not claim and official is None:
                    continue
                table.rows.append(
                    {
                        "record": record["slug"],
                        "path": row.path,
                        "position": rank,
                        "value": row.value
                        if isinstance(row.value, str | int | float)
                        else str(row.value),
                        "source": claim.get("source"),
                        "at": claim.get("at"),
                        "says": claim.get("says"),
                        "official": official,
                    }
                )
    return part


def _add_record(out: Tables, kind: str, record: dict[str, Any]) -> None:
    """The record's row, and its rows in link and sub-record tables, by each field's part."""
    name = TABLE_OF[kind]
    table = out.tables[name]
    row: dict[str, Any] = {}
    for key, value in record.items():
        part = part_of(kind, key)
        what = part.part if part is not None else "scalar"
        if what == "records":  # nested records have rows of their own
            continue
        if what in ("references", "sources"):
            assert part is not None
            target = _target_table(part.targets)
            column = "source" if what == "sources" else key
            links = out.table(f"{name}_{key}", description=LINKS_DESCRIPTION, owner=kind, field=key)
            _links(links, name, column, target, record["slug"], value or [])
        elif what == "reference":
            assert part is not None
            row[key] = value
            target = _target_table(part.targets)
            if (key, target) not in table.foreign_keys:
                table.foreign_keys.append((key, target))
        elif what in ("mapping", "mappings"):
            assert part is not None
            values = [value] if what == "mapping" and value is not None else value or []
            _sub_records(out, part.shape, record["slug"], key, values)
        elif what == "list":
            row[key] = json.dumps(value, ensure_ascii=False) if value else None
        else:
            row[key] = value
    table.rows.append(row)


def _links(
    table: Table, owner: str, column: str, target: str, slug: str, values: list[Any]
) -> None:
    if not table.foreign_keys:
        table.foreign_keys = [(_owner_column(owner), owner), (link_column(column), target)]
    for position, value in enumerate(values, start=1):
        table.rows.append(
            {_owner_column(owner): slug, link_column(column): value, "position": position}
        )


def _owner_column(owner: str) -> str:
    return "record" if owner in (RECORDS,) else f"{owner}_slug"


def link_column(column: str) -> str:
    return f"{column}_slug"


def _sub_records(
    out: Tables, shape: str, slug: str, field_name: str, values: list[dict[str, Any]]
) -> None:
    """Sub-records of one shape (steps, figures, items, affiliations): one row each, their
    columns from the shape's parts (a reference inside one is a foreign key, a list is JSON)."""
    if not values:
        return
    name, description = SHAPE_TABLES[shape]
    table = out.table(name, description=description, owner=shape)
    if not table.foreign_keys:
        table.foreign_keys = [("record", RECORDS)] + [
            (link_column(p.field), _target_table(p.targets))
            for p in FIELDS_OF[shape]
            if p.part == "reference"
        ]
    for position, value in enumerate(values, start=1):
        row: dict[str, Any] = {"record": slug, "field": field_name, "position": position}
        for p in FIELDS_OF[shape]:
            item = value.get(p.field)
            if p.part == "reference":
                row[link_column(p.field)] = item
            elif p.part in ("list", "references", "mappings", "mapping"):
                row[p.field] = json.dumps(item, ensure_ascii=False) if item else None
            else:
                row[p.field] = item
        table.rows.append(row)
