"""``show --evidence``: each value of a record with the source, locator and anchor that state
it, or the official list it comes from; in every output format."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..i18n import _
from ..labels import field_label, kind_label
from ..query.evidence import EvidenceRow, official_title
from .machine import csv_text, machine
from .record import md_heading
from .tables import md_cell
from .text import safe

if TYPE_CHECKING:
    from rich.text import Text


def _value_text(value: Any, names: dict[str, str]) -> str:
    """A value as people read it: a slug by its record's name, a list item by item (« a •
    b », never Python's ``['a', "b"]``)."""
    if isinstance(value, list):
        return " • ".join(_value_text(item, names) for item in value)
    if isinstance(value, str) and value in names:
        return f"{names[value]} [{value}]"
    return str(value)


def _label(row: EvidenceRow, kind: str) -> str:
    """« nom », « chronologie (2) › date »: the field's label, then the rest of the path as a
    reader says it, each item by its number and each sub-field by its label (not
    ``timeline.2.date``)."""
    rest = [part for part in row.path[len(row.field) :].split(".") if part]
    return field_label(row.field, kind) + "".join(
        f" ({part})" if part.isdigit() else f" › {field_label(part)}" for part in rest
    )


def _official_line(list_id: str) -> str:
    """« d'après la liste officielle « Régions… », Institut…, consultée en novembre 2026 »: the
    title quoted alone, its publisher and the month it was read after it, in words."""
    from .. import reference
    from .dates import human_date

    found = reference.OFFICIAL_LISTS.get(list_id)
    if found is None:
        return _("derived from {list}").format(list=list_id)
    template = (
        _("derived from {list}, {publisher}, consulted on {when}")
        if len(found.consulted) == 10  # a day: « consultée le 3 novembre 2026 »
        else _("derived from {list}, {publisher}, consulted {when}")
    )
    return template.format(
        list=found.title, publisher=found.publisher, when=human_date(found.consulted)
    )


def stated_by(row: EvidenceRow, document: str | None = None) -> list[str]:
    """How each claim reads: « cqcm-2014-territoires, « 12 coopératives… » : « La Brunante » »;
    a source's own values (``document``) are stated by the document itself."""
    if document is not None:
        return [_("the document itself ({document})").format(document=document)]
    if row.official is not None:
        return [_official_line(row.official)]
    if not row.claims:
        return [_("no evidence recorded")]
    return [
        _("{source}, {at} — « {says} »").format(
            source=claim.get("source", ""), at=claim.get("at", ""), says=claim.get("says", "")
        )
        for claim in row.claims
    ]


def rows_as_data(rows: list[EvidenceRow]) -> list[dict[str, Any]]:
    """The machine formats' rows: one per value, its claims and official list spelled out."""
    return [
        {
            "path": row.path,
            "value": row.value,
            "claims": list(row.claims),
            "official": official_title(row.official) if row.official else None,
        }
        for row in rows
    ]


def render_evidence(
    kind: str,
    record: dict[str, Any],
    rows: list[EvidenceRow],
    output_format: str,
    names: dict[str, str],
    width: int = 80,
) -> Text | str:
    if output_format in ("json", "yaml"):
        payload: dict[str, Any] = {"slug": record["slug"], "type": kind}
        if kind == "source":  # a source's values are stated by the document itself
            payload["document"] = record.get("document")
        payload["evidence"] = rows_as_data(rows)
        return machine(payload, output_format)
    if output_format == "csv":
        flat = [
            {
                "slug": record["slug"],
                "path": row.path,
                "value": row.value,
                "source": claim.get("source", ""),
                "at": claim.get("at", ""),
                "says": claim.get("says", ""),
                "official": official_title(row.official) if row.official else "",
            }
            for row in rows
            for claim in (row.claims or ({},))
        ]
        return csv_text(flat)
    if output_format == "markdown":
        lines = [
            *md_heading(kind, record),
            f"| {_('field')} | {_('value')} | {_('evidence')} |",
            "|---|---|---|",
        ]
        lines += [
            f"| {md_cell(_label(row, kind))} | {md_cell(_value_text(row.value, names))} | "
            + "<br>".join(md_cell(s) for s in stated_by(row, record.get("document")))
            + " |"
            for row in rows
        ]
        return "\n".join(lines)
    return _panel(kind, record, rows, names, width)


def _panel(
    kind: str, record: dict[str, Any], rows: list[EvidenceRow], names: dict[str, str], width: int
) -> Text:
    from rich.text import Text

    from .tables import _wrap

    out = Text(no_wrap=True, overflow="ignore")
    out.append("\n".join(_wrap(safe(record["name"]), width)) + "\n", style="bold")
    out.append(f"{kind_label(kind)} · ", style="dim")
    out.append(record["slug"] + "\n")
    for row in rows:
        head = (
            f"{safe(_label(row, kind))}\u00a0: " if _is_french() else f"{safe(_label(row, kind))}: "
        )
        out.append("\n")
        for index, piece in enumerate(_wrap(head + safe(_value_text(row.value, names)), width)):
            out.append(piece + "\n", style="bold" if index == 0 else None)
        for statement in stated_by(row, record.get("document")):
            for index, piece in enumerate(_wrap(safe(statement), width - 4)):
                out.append(("  ↳ " if index == 0 else "    ") + piece + "\n", style="dim")
    out.rstrip()
    return out


def _is_french() -> bool:
    from ..i18n import language

    return language() == "fr"
