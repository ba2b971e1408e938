"""Listings as tables: Rich tables at 80 columns, a hand-laid layout for long ones, Markdown."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where something is drawn: long plain listings skip it
    from rich.console import RenderableType

from ..i18n import _
from .machine import machine
from .text import safe

# Above this many rows, a table is printed as plain text, without styles (Rich is slow there).
LARGE_TABLE = 200
# Columns that never wrap (short values); the others wrap at word boundaries, a period after
# its arrow (« 2016-09-05→ » over « 2016-09-10 ») when the table would otherwise cut a name.
_NO_WRAP = frozenset({"number", "size", "met", "count", "kind_label", "date"})
_PERIODS = frozenset({"dates", "when", "period"})
_WORD_BREAK = re.compile(r"\s+|(?<=→)")


def _words(text: str) -> list[str]:
    return [w for w in _WORD_BREAK.split(text) if w]


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
        kind: str | None = None,  # the kind of the records, when they are of one kind
    ) -> None:
        self.title, self.columns, self.rows, self.records = title, columns, rows, records
        self.footer, self.groups, self.kind = footer, groups or [], kind


def render_view(
    view: TableView,
    output_format: str,
    width: int = 80,
    names: dict[str, str] | None = None,
    excel: bool = False,
) -> RenderableType | str:
    if output_format == "table":
        rows = sum(len(rows) for _g, rows in view.groups) if view.groups else len(view.rows)
        laid = _laid_out(view, width)
        # Styles (a bold title, dim slugs) cost Rich a measure per line: long listings are plain.
        return _styled(laid) if rows <= LARGE_TABLE else "\n".join(line for line, _s in laid)
    if output_format == "markdown":
        lines = [f"### {md_cell(view.title)}", "", *_md_table(view.columns, view.rows)]
        if view.footer:
            lines += ["", *(md_cell(p) + "  " for p in view.footer.split("\n"))]
            lines[-1] = lines[-1].rstrip()
        return "\n".join(lines)
    if output_format == "csv" and excel and view.kind is None:
        # rows that are no records (search hits, a timeline, counts): what the table shows,
        # under its headers, for the people who open it in Excel
        from .machine import csv_text

        shown = [{header: row.get(key) for key, header in view.columns} for row in view.rows]
        return csv_text(shown, excel=True)
    return machine(view.records, output_format, names, excel, view.kind)


# The columns a slug goes under, in order of preference: the record's name, else the text that
# stands for it (a timeline's « what happened »: a slug column of its own squeezed the text to
# 27 characters at 80 columns).
_SLUG_UNDER = ("name", "what")


def _display_columns(view: TableView) -> tuple[str, list[tuple[str, str]]]:
    """The column the slug goes under (none when no slug is shown), and the columns left."""
    keys = [key for key, _h in view.columns]
    under = next((k for k in _SLUG_UNDER if k in keys), "") if "slug" in keys else ""
    return under, [(k, h) for k, h in view.columns if not (under and k == "slug")]


def _merged_header(key: str, header: str) -> str:
    return _("name · slug") if key == "name" else f"{header} · {_('slug')}"


def _laid_out(view: TableView, width: int) -> list[tuple[str, str]]:
    """The table as (line, style) pairs, fitting ``width`` columns.

    Every column wraps at word boundaries except the slugs, which are never cut: the name column
    (the slug stands on its own line under the name) and a slug column are at least as wide as
    the longest slug. Other columns give way, widest first. Headers wrap too.
    """
    from rich.cells import cell_len

    under, columns = _display_columns(view)
    merged = bool(under)
    headers = [_merged_header(k, h) if merged and k == under else h for k, h in columns]
    groups = view.groups or [("", view.rows)]
    all_rows = [r for _g, rows in groups for r in rows]

    def cell_lines(row: dict[str, Any], key: str) -> list[str]:
        return safe(row.get(key)).split("\n")

    slug_width = max((cell_len(safe(r.get("slug"))) for r in all_rows), default=0)
    # The slug has a line of its own under the name: when only columns that never wrap come
    # before the name, that line may run under the next columns, so the name column need not
    # be as wide as a slug (« recherche-action-proximite-2012-2014 » squeezed the key figures
    # to 15 characters).
    slug_free = False
    widths: list[int] = []
    word_floors = []  # no word of a cell cut (« Nouvelle-Aquitaine » stays whole)
    floors = []  # the last resort: only the header's words kept whole
    for index, (key, _h) in enumerate(columns):
        lines = [line for row in all_rows for line in cell_lines(row, key)]
        if merged and key == under:
            before = columns[:index]
            slug_free = all(k in _NO_WRAP for k, _h in before) and (
                2 + sum(widths) + 3 * index + slug_width <= width
            )
        if merged and key == under and not slug_free:
            lines += [safe(r.get("slug")) for r in all_rows]
        widths.append(max([cell_len(headers[index]), *(cell_len(x) for x in lines)]))
        longest_word = max((cell_len(w) for w in _words(headers[index])), default=1)
        longest_in_cells = max(
            (cell_len(w) for x in [headers[index], *lines] for w in _words(x)), default=1
        )
        if key == "slug" or (merged and key == under and not slug_free):
            floors.append(max(slug_width, 4))
            word_floors.append(max(slug_width, 4, min(longest_in_cells, 24)))
        elif key in _PERIODS:  # a short period stays whole; a long one breaks at its arrow
            floors.append(min(widths[-1], max(longest_in_cells, 11)))
            word_floors.append(floors[-1])
        elif key in _NO_WRAP:
            floors.append(widths[-1])
            word_floors.append(widths[-1])
        else:
            floors.append(min(widths[-1], max(6, min(longest_word, 12))))
            word_floors.append(min(widths[-1], max(6, min(longest_in_cells, 24))))
    # Columns give way, widest first: first down to their longest word, then with two spaces
    # between columns instead of three, and only then cutting words.
    separator = 3
    for limits, sep in ((word_floors, 3), (word_floors, 2), (floors, 2)):
        separator = sep
        gaps = separator * len(columns)
        while gaps + sum(widths) > width:
            shrinkable = [i for i, w in enumerate(widths) if w > limits[i]]
            if not shrinkable:
                break
            widths[max(shrinkable, key=lambda i: widths[i])] -= 1
        if gaps + sum(widths) <= width:
            break
    gaps = separator * len(columns)
    between = " " * separator

    name_index = next((i for i, (k, _h) in enumerate(columns) if k == under), 0)
    name_at = 2 + sum(widths[:name_index]) + separator * name_index  # where the slug line starts

    def row_lines(cells: list[list[str]], style: str) -> list[tuple[str, str]]:
        parts = [
            [piece for line in cell for piece in _wrap(line, w)]
            for cell, w in zip(cells, widths, strict=True)
        ]
        out = []
        for line_no in range(max(len(p) for p in parts)):
            texts = [p[line_no] if line_no < len(p) else "" for p in parts]
            joined = between.join(_pad(t, w) for t, w in zip(texts, widths, strict=True))
            out.append(("  " + joined.rstrip(), style))
        return out

    out: list[tuple[str, str]] = [(safe(view.title), "bold"), ("", "")] if view.title else []
    out += row_lines([[h] for h in headers], "bold")
    out.append((" " + "─" * (sum(widths) + gaps - 1), ""))
    for number, (title, rows) in enumerate(groups):
        if title:
            # Without colour a group's title read as a member with no kind: a blank line before
            # it and its count after it set it apart.
            if number:
                out.append(("", ""))
            out.append((f"  {safe(title)} ({len(rows)})", "bold"))
        for row in rows:
            cells = [cell_lines(row, k) for k, _h in columns]
            out += row_lines(cells, "")
            if merged:
                out.append((" " * name_at + safe(row.get("slug")), "dim"))
    if view.footer:
        import textwrap

        out.append(("", ""))
        for paragraph in safe(view.footer).split("\n"):  # a footer of several lines keeps them
            out += [(line, "") for line in textwrap.wrap(paragraph, width) or [""]]
    return out


def _styled(lines: list[tuple[str, str]]) -> RenderableType:
    from rich.text import Text

    text = Text(no_wrap=True, overflow="ignore")  # laid out already: never re-wrapped
    for index, (line, style) in enumerate(lines):
        text.append(line, style=style or None)
        if index < len(lines) - 1:
            text.append("\n")
    return text


def _pad(text: str, width: int) -> str:
    from rich.cells import cell_len

    return text + " " * max(0, width - cell_len(text))


def _wrap(line: str, width: int) -> list[str]:
    from rich.cells import cell_len

    if len(line) <= width and (line.isascii() or cell_len(line) <= width):
        return [line]
    import textwrap

    if "→" in line and " " not in line:  # a period: it breaks after its arrow
        pieces, lines = [p + "→" for p in line.split("→")[:-1]] + [line.split("→")[-1]], [""]
        for piece in pieces:
            if lines[-1] and cell_len(lines[-1] + piece) > width:
                lines.append("")
            lines[-1] += piece
        return [p for part in lines for p in (textwrap.wrap(part, width) or [""])]
    # a bullet's wrapped lines hang under its text (« – Créer un fonds … » / «   pour que … »)
    bullet = re.match(r"( *(?:[–•-]|\d+\.) )", line)
    hang = " " * len(bullet.group(1)) if bullet and len(bullet.group(1)) < width // 2 else ""
    return textwrap.wrap(
        line, width, break_long_words=True, break_on_hyphens=False, subsequent_indent=hang
    ) or [""]


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
