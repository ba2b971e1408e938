"""`stats` in every format: bar charts in the terminal, a report section in Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where something is drawn: long plain listings skip it
    from rich.console import RenderableType

from ..figures import figure_text
from ..i18n import N_, _
from ..labels import kind_label
from ..query.filters import NOT_GIVEN
from .machine import machine, to_csv
from .tables import md_cell
from .text import text

SECTION_TITLES: dict[str, str] = {
    "totals": N_("records per kind"),
    "cooperatives_per_region": N_("cooperatives per region"),
    "cooperatives_per_kind": N_("cooperatives per legal category"),
    "cooperatives_per_model": N_("cooperatives per model"),
    "cooperatives_per_country": N_("cooperatives per country"),
    "members_per_sector": N_("members per sector"),
    "missions_per_year": N_("missions per year"),
    "missions_per_country": N_("missions per country"),
    "council_figures": N_("CQCM key figures"),
    "evidence_coverage": N_("values by evidence"),
}


def _title(section: str) -> str:
    """A section's title, a heading: capitalised (« Fiches par type »)."""
    title = _(SECTION_TITLES.get(section, section.replace("_", " ")))
    return title[:1].upper() + title[1:]


def _row_label(section: str, label: str) -> str:
    """A row as the interface names it: a kind by its label (« conseil »), the evidence
    counts by their words; the data's own values (regions, sectors) as written."""
    if section == "totals":
        return kind_label(label)
    if label == NOT_GIVEN:
        return _("(not given)")
    return _(label) if section == "evidence_coverage" else label


def render_stats(
    summary: dict[str, Any], output_format: str, excel: bool = False
) -> RenderableType | str:
    if output_format in ("json", "yaml"):
        return machine(summary, output_format)
    if output_format == "csv" and excel:
        return _excel_csv(summary)
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
            lines += [f"### {_title(section)}", "", f"| | {_('count')} |", "|---|---|"]
            lines += [
                f"| {md_cell(_row_label(section, k))} | {v} |" for k, v in summary[section].items()
            ]
            lines.append("")
        if not figures:
            return "\n".join(lines)
        lines += [f"### {_title('council_figures')}", "", f"| {_('record')} | {_('figure')} |"]
        lines.append("|---|---|")
        lines += [f"| {md_cell(f['programme'])} | {md_cell(figure_text(f))} |" for f in figures]
        return "\n".join(lines)
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    for section in sections:
        counts = summary[section]
        table = Table(title=Text(_title(section)), title_justify="left")
        table.add_column("", overflow="fold", max_width=34)
        table.add_column(_("count"), justify="right")
        table.add_column("", no_wrap=True)
        top = max(counts.values(), default=0) or 1
        for label, value in counts.items():
            bar = "█" * max(1, round(24 * value / top)) if value else ""
            table.add_row(
                text(_row_label(section, label)), Text(str(value)), Text(bar, style="cyan")
            )
        parts.append(table)
    if not figures:  # a filtered summary counts cooperatives only
        return Group(*parts)
    figure_table = Table(title=Text(_title("council_figures")), title_justify="left")
    figure_table.add_column(_("record"), overflow="fold", max_width=30)  # the council too
    figure_table.add_column(_("figure"), overflow="fold")
    for f in figures:
        figure_table.add_row(text(f["programme"]), text(figure_text(f)))
    parts.append(figure_table)
    return Group(*parts)


def _excel_csv(summary: dict[str, Any]) -> str:
    """The summary for a French-locale Excel: what the table shows, in the interface's words,
    figures with their units (« financement sur 3 ans », 8 M$), as the listings' --excel does."""
    section, label, value = _("section"), _("label"), _("value")
    rows: list[dict[str, Any]] = [
        {section: _title(name), label: _row_label(name, key), value: count}
        for name, counts in summary.items()
        if isinstance(counts, dict)
        for key, count in counts.items()
    ]
    rows += [
        {section: _title("council_figures"), label: f["programme"], value: figure_text(f)}
        for f in summary.get("council_figures", [])
    ]
    return to_csv(rows, excel=True)
