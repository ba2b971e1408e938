"""Turning query results into tables, panels and machine formats.

Data is always shown literally: cells are Rich ``Text`` objects (never parsed as markup), and
control characters, which Rich would pass to the terminal, are replaced in human formats.
Machine formats (json, csv, yaml) carry the data unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where something is drawn: long plain listings skip it
    from rich.console import RenderableType
    from rich.text import Text

FORMATS = ("table", "json", "csv", "yaml", "markdown")
# Above this many rows, tables are laid out by hand (see _column_table): Rich's Table is slow.
LARGE_TABLE = 200
# Columns that may wrap in a table; the others keep one line so the names get the room.
_WRAPPING = frozenset({"name", "match", "destination", "title"})
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(value: Any) -> str:
    """Printable text for a terminal: control and bidi-override characters become U+FFFD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return ", ".join(safe(v) for v in value)
    return _UNSAFE.sub("\ufffd", str(value))


def text(value: Any, style: str = "") -> Text:
    from rich.text import Text

    return Text(safe(value), style=style)


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


def render_view(view: TableView, output_format: str) -> RenderableType | str:
    if output_format == "table":
        rows = sum(len(rows) for _, rows in view.groups) if view.groups else len(view.rows)
        return _rich_table(view) if rows <= LARGE_TABLE else _column_table(view)
    if output_format == "markdown":
        lines = [f"### {_md(view.title)}", "", *_md_table(view.columns, view.rows)]
        if view.footer:
            lines += ["", _md(view.footer)]
        return "\n".join(lines)
    return machine(view.records, output_format)


def machine(data: Any, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    if output_format == "yaml":
        import yaml  # only this format needs it

        dumped: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        return dumped.rstrip("\n")
    if output_format == "csv":
        return to_csv(data if isinstance(data, list) else [data])
    raise ValueError(f"unknown format {output_format!r}")


def to_csv(records: Iterable[dict[str, Any]]) -> str:
    """One header row; nested mappings become dotted columns, lists of text join with '; ',
    lists of mappings are JSON text in one cell."""
    import csv  # only this format needs it
    import io

    flat = [flatten(record) for record in records]
    header: dict[str, None] = {}
    for row in flat:
        header.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(header), lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat)
    return out.getvalue().rstrip("\n")


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            if all(not isinstance(v, dict | list) for v in value):
                flat[name] = "; ".join("" if v is None else str(v) for v in value)
            else:
                flat[name] = json.dumps(value, ensure_ascii=False)
        elif value is None:
            flat[name] = ""
        elif isinstance(value, bool):
            flat[name] = "true" if value else "false"
        else:
            flat[name] = str(value)
    return flat


def _display_columns(view: TableView) -> tuple[bool, list[tuple[str, str]]]:
    """Whether the slug goes under the name (it does when both are shown), and the columns left."""
    keys = [key for key, _ in view.columns]
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
    for key, header in columns:
        wraps = key in _WRAPPING
        table.add_column(
            "name · slug" if merged and key == "name" else header,
            overflow="fold" if wraps else "ellipsis",
            no_wrap=not wraps,
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


def _column_table(view: TableView) -> str:
    """The same columns as :func:`_rich_table`, laid out by hand for long results.

    Rich measures and wraps every cell of a Table (~0.5 ms a row), which alone would take longer
    than the rest of `coopkb list` over a 10,000-cooperative base; this layout costs a tenth.
    The first column wraps at word boundaries; the others keep one line per value.
    """
    from rich.cells import cell_len

    merged, columns = _display_columns(view)
    headers = ["name · slug" if merged and k == "name" else h for k, h in columns]
    all_rows = [r for _, rows in view.groups for r in rows] if view.groups else view.rows

    def cell_lines(row: dict[str, Any], key: str) -> list[str]:
        lines = safe(row.get(key)).split("\n")
        return [*lines, safe(row.get("slug"))] if merged and key == "name" else lines

    table = [[cell_lines(row, k) for k, _ in columns] for row in all_rows]
    widths = [
        max([cell_len(h), *(cell_len(line) for cells in table for line in cells[i])])
        for i, h in enumerate(headers)
    ]
    # Fit 80 columns: the name column keeps room for a whole slug; others give way, widest first.
    slug_width = max((cell_len(safe(r.get("slug"))) for r in all_rows), default=0)
    floors = [min(max(slug_width, 12), 40), *(max(8, cell_len(h)) for h in headers[1:])]
    while 3 + 3 * (len(columns) - 1) + sum(widths) > 80:
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


def _md(value: Any) -> str:
    return safe(value).replace("|", "\\|").replace("\n", " ")


def _md_table(columns: Sequence[tuple[str, str]], rows: list[dict[str, Any]]) -> list[str]:
    lines = ["| " + " | ".join(h for _, h in columns) + " |"]
    lines.append("|" + "|".join("---" for _ in columns) + "|")
    for row in rows:
        lines.append("| " + " | ".join(_md(row.get(k)) for k, _ in columns) + " |")
    return lines


# --- one record ---------------------------------------------------------------------------------


def render_record(
    kind: str,
    record: dict[str, Any],
    linked: dict[str, list[tuple[str, dict[str, Any]]]],
    sources: list[dict[str, Any]],
    output_format: str,
    names: dict[str, str] | None = None,
) -> RenderableType | str:
    """One record; in human formats, slugs it refers to read as "Name [slug]" (``names``)."""
    if output_format in ("json", "yaml"):
        # The record's own fields at the top, as `list` prints them; then what coopkb adds.
        payload = {
            **record,
            "type": kind,
            "links": {label: [r["slug"] for _, r in items] for label, items in linked.items()},
            "source_details": sources,
        }
        return machine(payload, output_format)
    if output_format == "csv":
        return to_csv([{**record, "type": kind}])
    from rich.table import Table
    from rich.text import Text

    facts = [
        (key, _named(value, names or {}) if key in REFERENCE_FIELDS else value)
        for key, value in record.items()
        if _shown(key, value)
    ]
    if output_format == "markdown":
        lines = [f"### {_md(record['name'])} ({kind})", "", "| field | value |", "|---|---|"]
        lines += [f"| {key} | {_md(_brief(value))} |" for key, value in facts]
        for label, items in linked.items():
            lines.append(f"| {label} | {_md(', '.join(r['slug'] for _, r in items))} |")
        lines += [f"| source | {_md(_source_line(s))} |" for s in sources]
        return "\n".join(lines)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for key, value in facts:
        grid.add_row(Text(key.replace("_", " ")), _value_text(value))
    for label, items in linked.items():
        grid.add_row(
            Text(label), Text("\n".join(f"{safe(r['name'])} [{r['slug']}]" for _, r in items))
        )
    if sources:
        grid.add_row(Text("sources"), Text("\n".join(safe(_source_line(s)) for s in sources)))
    from rich.panel import Panel  # only `show` draws a panel

    title = Text(f"{safe(record['name'])}  ", style="bold")
    title.append(f"{kind} · {record['slug']}", style="dim")
    return Panel(grid, title=title, title_align="left")


# Fields whose values are slugs of other records (an affiliation's organisation is one too).
REFERENCE_FIELDS = frozenset(
    {
        "delegation",
        "visits",
        "events",
        "delegation_from",
        "cooperation",
        "partners",
        "associated_partners",
        "organisers",
        "member_of",
        "project",
        "hosted_by",
        "parent",
        "funder",
        "affiliations",
    }
)


def _named(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        return f"{names[value]} [{value}]" if value in names else value
    if isinstance(value, list):
        return [_named(item, names) for item in value]
    if isinstance(value, dict) and "organisation" in value:
        return {**value, "organisation": _named(value["organisation"], names)}
    return value


def _shown(key: str, value: Any) -> bool:
    return key not in ("name", "slug", "sources") and value not in (None, [], {})


def _value_text(value: Any) -> Text:
    from rich.text import Text

    return Text(
        safe(_brief(value))
        if not isinstance(value, list)
        else "\n".join(safe(_brief(v)) for v in value)
    )


def _brief(value: Any) -> Any:
    """One readable line for a nested value: a step, a figure, an item, an affiliation."""
    if isinstance(value, list):
        return "; ".join(str(_brief(v)) for v in value)
    if not isinstance(value, dict):
        return value
    if "slug" in value:  # a nested record (a programme, a roadmap): `coopkb show` it for more
        start, end = value.get("date") or value.get("start"), value.get("end")
        when = f"{start or ''}–{end}" if end else (start or "")
        return f"{value['name']} [{value['slug']}]" + (f" ({when})" if when else "")
    if "event" in value:  # a timeline step
        when = value.get("date") or "année inconnue"
        if value.get("end"):
            when = f"{when}–{value['end']}"
        return f"{when} : {value['event']}"
    if "value" in value and "label" in value:  # a figure
        parts = [value.get("qualifier"), _number(value["value"]), value.get("unit"), value["label"]]
        line = " ".join(str(p) for p in parts if p)
        return f"{line} ({value['date']})" if value.get("date") else line
    if "organisation" in value:  # an affiliation
        parts = [value["organisation"], value.get("role"), value.get("date")]
        return " — ".join(str(p) for p in parts if p)
    if "name" in value:  # an item: field of action, axis, lever
        head = f"{value['number']}. {value['name']}" if value.get("number") else value["name"]
        rest = [value.get("description"), *value.get("actions", [])]
        return " — ".join([head, *(r for r in rest if r)])
    return json.dumps(value, ensure_ascii=False)


def _number(value: int | float) -> str:
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    return str(value).replace(".", ",")


def _source_line(source: dict[str, Any]) -> str:
    when = source.get("date") or source.get("date_note") or "non datée"
    return f"{source['id']}: {source['title']} — {source['author']} ({when})"


# --- stats ------------------------------------------------------------------------------------


def render_stats(summary: dict[str, Any], output_format: str) -> RenderableType | str:
    if output_format in ("json", "yaml"):
        return machine(summary, output_format)
    rows = [
        {"section": section, "label": label, "value": value}
        for section, counts in summary.items()
        if isinstance(counts, dict)
        for label, value in counts.items()
    ]
    figures = summary.get("council_figures", [])
    if output_format == "csv":
        rows += [
            {
                "section": "council_figures",
                "label": f"{f['programme']}: {f['label']}",
                "value": f["value"],
            }
            for f in figures
        ]
        return to_csv(rows)
    sections = [s for s, c in summary.items() if isinstance(c, dict)]
    if output_format == "markdown":
        lines: list[str] = []
        for section in sections:
            lines += [f"### {section.replace('_', ' ')}", "", "| | count |", "|---|---|"]
            lines += [f"| {_md(k)} | {v} |" for k, v in summary[section].items()]
            lines.append("")
        lines += ["### council figures", "", "| programme | figure |", "|---|---|"]
        lines += [f"| {_md(f['programme'])} | {_md(_brief(f))} |" for f in figures]
        return "\n".join(lines)
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    for section in sections:
        counts = summary[section]
        table = Table(title=Text(section.replace("_", " ")), title_justify="left")
        table.add_column("", overflow="fold", max_width=34)
        table.add_column("n", justify="right")
        table.add_column("", no_wrap=True)
        top = max(counts.values(), default=0) or 1
        for label, value in counts.items():
            bar = "█" * max(1, round(24 * value / top)) if value else ""
            table.add_row(text(label), Text(str(value)), Text(bar, style="cyan"))
        parts.append(table)
    figure_table = Table(title=Text("CQCM key figures"), title_justify="left")
    figure_table.add_column("programme", overflow="fold", max_width=30)
    figure_table.add_column("figure", overflow="fold")
    for f in figures:
        figure_table.add_row(text(f["programme"]), text(_brief(f)))
    parts.append(figure_table)
    return Group(*parts)
