"""Listings as tables: Rich tables at 80 columns, a hand-laid layout for long ones, Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where something is drawn: long plain listings skip it
    from rich.console import RenderableType
    from rich.text import Text

from ..i18n import _
from .machine import machine
from .text import safe, text

FORMATS = ("table", "json", "csv", "yaml", "markdown")
# Above this many rows, tables are laid out by hand (see _column_table): Rich's Table is slow.
LARGE_TABLE = 200
# Columns that may wrap in a table; the others keep one line so the names get the room.
# Columns that never wrap (short values); the others wrap at word boundaries.
_NO_WRAP = frozenset(
    {"number", "dates", "size", "met", "count", "kind_label", "date", "when", "period"}
)


class TableView:
    """Rows for people (table, markdown) and the full records for programs (json, csv, yaml)."""

    def __init__(
        self,
        title: str,
        columns: Sequence[tuple[str, str]],  # (row key, header)
        rows: list[dict[str, Any]],
        records: Any,
        footer: str = "",
        groups: list[tuple[str, list[dict[str, Any]]]] | None = None,
    ) -> None:
        self.title, self.columns, self.rows, self.records = title, columns, rows, records
        self.footer, self.groups = footer, groups or []


def render_view(view: TableView, output_format: str, width: int = 80) -> RenderableType | str:
    if output_format == "table":
        rows = sum(len(rows) for _g, rows in view.groups) if view.groups else len(view.rows)
        return _rich_table(view) if rows <= LARGE_TABLE else _column_table(view, width)
    if output_format == "markdown":
        lines = [f"### {md_cell(view.title)}", "", *_md_table(view.columns, view.rows)]
        if view.footer:
            lines += ["", md_cell(view.footer)]
        return "\n".join(lines)
    return machine(view.records, output_format)


def _display_columns(view: TableView) -> tuple[bool, list[tuple[str, str]]]:
    """Whether the slug goes under the name (it does when both are shown), and the columns left."""
    keys = [key for key, _h in view.columns]
    merged = "slug" in keys and "name" in keys
    return merged, [(k, h) for k, h in view.columns if not (merged and k == "slug")]


def _rich_table(view: TableView) -> RenderableType:
    """A table for 80 columns: the slug goes under the name, dimmed, instead of its own column."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    merged, columns = _display_columns(view)
    table = Table(title=Text(safe(view.title)), title_justify="left", box=box.SIMPLE_HEAD)
    all_rows = [r for _g, rows in view.groups for r in rows] if view.groups else view.rows
    slug_width = max((len(str(r.get("slug", ""))) for r in all_rows), default=0)
    for key, header in columns:
        table.add_column(
            _("name · slug") if merged and key == "name" else header,
            overflow="fold",
            no_wrap=key in _NO_WRAP or key == "slug",
            # a slug is never folded: the name column is at least as wide as the longest one
            min_width=slug_width if (merged and key == "name") or key == "slug" else None,
        )

    def cells(row: dict[str, Any]) -> list[Text]:
        out = []
        for key, _header in columns:
            cell = text(row.get(key))
            if merged and key == "name":
                cell.append("\n" + safe(row.get("slug")), style="dim")
            out.append(cell)
        return out

    if view.groups:
        for group_title, rows in view.groups:
            table.add_row(Text(safe(group_title), style="bold"))
            for row in rows:
                table.add_row(*cells(row))
            table.add_section()
    else:
        for row in view.rows:
            table.add_row(*cells(row))
    if view.footer:
        return Group(table, Text(safe(view.footer)))
    return table


def _column_table(view: TableView, width: int = 80) -> str:
    """The same columns as :func:`_rich_table`, laid out by hand for long results.

    Rich measures and wraps every cell of a Table (~0.5 ms a row), which alone would take longer
    than the rest of `coopkb list` over a 10,000-cooperative base; this layout costs a tenth.
    The first column wraps at word boundaries; the others keep one line per value.
    """
    from rich.cells import cell_len

    merged, columns = _display_columns(view)
    headers = [_("name · slug") if merged and k == "name" else h for k, h in columns]
    all_rows = [r for _g, rows in view.groups for r in rows] if view.groups else view.rows

    def cell_lines(row: dict[str, Any], key: str) -> list[str]:
        lines = safe(row.get(key)).split("\n")
        return [*lines, safe(row.get("slug"))] if merged and key == "name" else lines

    table = [[cell_lines(row, k) for k, _h in columns] for row in all_rows]
    widths = [
        max([cell_len(h), *(cell_len(line) for cells in table for line in cells[i])])
        for i, h in enumerate(headers)
    ]
    # Fit the width: the name column keeps room for a whole slug; others give way, widest first.
    slug_width = max((cell_len(safe(r.get("slug"))) for r in all_rows), default=0)
    floors = [min(max(slug_width, 12), 40), *(max(8, cell_len(h)) for h in headers[1:])]
    while 3 + 3 * (len(columns) - 1) + sum(widths) > width:
        shrinkable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i] - floors[i])
        widths[widest] -= 1
    out = [safe(view.title), ""] if view.title else []
    out.append("  " + "   ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)))
    out.append(" " + "─" * (sum(widths) + 3 * (len(columns) - 1) + 2))
    for cells in table:
        parts = [
            [piece for line in cell for piece in _wrap(line, width)]
            for cell, width in zip(cells, widths, strict=True)
        ]
        for line_no in range(max(len(p) for p in parts)):
            texts = [p[line_no] if line_no < len(p) else "" for p in parts]
            out.append(
                "  " + "   ".join(_pad(t, w) for t, w in zip(texts, widths, strict=True)).rstrip()
            )
    if view.footer:
        out += ["", safe(view.footer)]
    return "\n".join(out)


def _pad(text: str, width: int) -> str:
    from rich.cells import cell_len

    return text + " " * max(0, width - cell_len(text))


def _wrap(line: str, width: int) -> list[str]:
    from rich.cells import cell_len

    if len(line) <= width and (line.isascii() or cell_len(line) <= width):
        return [line]
    import textwrap

    return textwrap.wrap(line, width, break_long_words=True, break_on_hyphens=False) or [""]


def md_cell(value: Any) -> str:
    """A Markdown table cell: backslashes and pipes escaped, lines kept as ``<br>``."""
    if isinstance(value, list):
        return "<br>".join(md_cell(v) for v in value)
    text = safe(value).replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("<", "&lt;").replace("\n", "<br>")


def _md_table(columns: Sequence[tuple[str, str]], rows: list[dict[str, Any]]) -> list[str]:
    lines = ["| " + " | ".join(h for _, h in columns) + " |"]
    lines.append("|" + "|".join("---" for _ in columns) + "|")
    for row in rows:
        lines.append("| " + " | ".join(md_cell(row.get(k)) for k, _h in columns) + " |")
    return lines
