"""`coopkb export sqlite`: one SQLite database for Datasette, written with sqlite-utils.

Written to a temporary file beside the target, renamed with its metadata as one set (writing.py):
a failed export leaves no half file and replaces nothing.
Full-text search is the sqlite-utils way (``enable_fts``) with the FTS5 ``unicode61
remove_diacritics 2`` tokenizer, so « edouard » finds « Édouard ». FTS5 knows no French word forms,
so the ``search`` table gives it, for every record of every kind, the forms the base writes of
its words' stems (query/search.py): « jeunes » finds Jeune COOP in Datasette's search box.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from ..files import os_reason
from ..i18n import _
from ..writing import FileSet, WriteError
from .about import DESCRIPTION, LICENCE, TITLE
from .tables import RECORDS, Tables, relational_parts, table_description

FTS_TOKENIZER = "unicode61 remove_diacritics 2"
_SEARCHABLE = ("name", "acronym", "aliases", "description", "purpose", "title")
SEARCH = "search"  # one row per record of every kind: its word forms, searched in French


ExportError = WriteError  # the name the CLI catches: nothing was written, the message says why


def export_sqlite(kb: dict[str, Any], target: Path, files: FileSet) -> Tables:
    """Write the whole base into ``files``' temporary file for ``target`` (renamed on commit).

    A ``-wal`` file beside the target means a program has the database open in WAL mode (or
    crashed with it open): SQLite would apply that old log to the new file, so it is refused.
    """
    import sqlite_utils

    wal = target.with_name(target.name + "-wal")
    if wal.exists():
        raise ExportError(
            _(
                "{path} is open in another program (its {wal} is beside it): close it, "
                "or write to another file"
            ).format(path=target, wal=wal.name)
        )
    temp = files.reserve(target)
    try:
        db = sqlite_utils.Database(temp)
        tables = Tables()  # what was written: names, keys, descriptions, a first row, a count
        with db.conn:
            for part in relational_parts(kb):
                for table in _creation_order(part):
                    if not table.rows:
                        continue
                    db[table.name].insert_all(  # type: ignore[union-attr]
                        table.rows, pk=table.pk, alter=True, batch_size=1000
                    )
                    seen = tables.add(table)
                    seen.foreign_keys = seen.foreign_keys or table.foreign_keys
                    seen.rows = seen.rows or table.rows[:1]
                    seen.count += len(table.rows)
                del part
        _foreign_keys(db, tables)
        for table in tables.tables.values():
            columns = [c for c in _SEARCHABLE if table.rows and c in table.rows[0]]
            if table.pk == "slug" and table.name != RECORDS and columns:
                db[table.name].enable_fts(columns, tokenize=FTS_TOKENIZER)  # type: ignore[union-attr]
        _search_table(db, kb)
        db.conn.close()
    except OSError as err:
        raise ExportError(
            _("cannot write {path}: {reason}").format(path=target, reason=os_reason(err))
        ) from None
    except sqlite3.Error as err:  # a full disk reaches sqlite-utils as sqlite3's own error
        raise ExportError(
            _("cannot write {path}: {reason}").format(path=target, reason=err)
        ) from None
    return tables


def _search_table(db: Any, kb: dict[str, Any]) -> None:
    """The ``search`` table: each record's kind (its French label), slug and name, and the
    French forms of its words; full-text searched on the name and the forms."""
    from ..i18n import in_language
    from ..labels import kind_label
    from ..query.search import shared_word_forms

    with in_language("fr"):
        rows = [
            {
                "slug": record["slug"],
                "kind": kind_label(kind),
                "name": record.get("name") or "",
                "forms": forms,
            }  # fmt: skip
            for kind, record, forms in shared_word_forms(kb)
        ]
    if rows:
        with db.conn:
            db[SEARCH].insert_all(rows, pk="slug", batch_size=1000)
        db[SEARCH].enable_fts(["name", "forms"], tokenize=FTS_TOKENIZER)


def _creation_order(tables: Tables) -> list[Any]:
    """Tables with primary keys first, so foreign keys always point at existing tables."""
    return sorted(tables.tables.values(), key=lambda t: t.pk is None)


def _foreign_keys(db: Any, tables: Tables) -> None:
    wanted = [
        (table.name, column, other, "slug")
        for table in tables.tables.values()
        if table.rows
        for column, other in table.foreign_keys
        if tables.tables.get(other) is not None and tables.tables[other].rows
    ]
    if wanted:
        db.add_foreign_keys(wanted)


def metadata(tables: Tables, database: str, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """Datasette metadata, in French (its readers are): titles, each table's description, each
    column's meaning, the sources, the licence. Link tables (one row per reference) are hidden:
    a reader opens a record's table and follows its links from there."""
    from ..i18n import _, in_language
    from ..validation.meanings import meaning_of

    def columns(table: Any) -> dict[str, str]:
        found: dict[str, str] = {}
        for column in table.rows[0] if table.rows else {}:
            meaning = meaning_of(table.owner, column.removesuffix("_slug")) if table.owner else None
            if meaning:
                found[column] = _(meaning)
        return found

    with in_language("fr"):
        described = {
            table.name: {
                "title": _table_title(table),
                "description": table_description(table),
                "columns": columns(table),
                **({"hidden": True} if table.field else {}),
            }
            for table in tables.tables.values()
        }
        described[SEARCH] = {
            "title": _("search in the whole base"),
            "description": _(
                "One row per record of every kind, to search them all at once: the search "
                "box finds the forms of a word (jeunes finds Jeune COOP) with or without "
                "accents."
            ),
            "columns": {
                "slug": _("The record's identifier, in the table of its kind."),
                "kind": _("The kind of record."),
                "name": _("The record's name."),
                "forms": _("Every form the base writes of the record's words."),
            },
        }
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": LICENCE["title"],
        "license_url": LICENCE["path"],
        "source": "; ".join(f"{s['title']} ({s['author']})" for s in sources),
        "databases": {database: {"tables": described}},
    }


def _table_title(table: Any) -> str:
    """A kind's table by its French plural (« coopératives »), any other by its name."""
    from ..i18n import ngettext
    from ..kinds import KIND

    if table.owner in KIND and not table.field:
        one, many = KIND[table.owner].counts
        return ngettext(one, many, 2).format(count="").strip()
    return str(table.name)


def write_metadata(path: Path, content: dict[str, Any], files: FileSet) -> None:
    files.add_text(path, json.dumps(content, ensure_ascii=False, indent=2) + "\n")
