"""One record for `show`: a panel of its facts, or the record in a machine format.

In human formats, slugs a record refers to read as "Name [slug]", list items (levers, axes,
actions, steps) are bullets one per line, and dates read naturally in the interface's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..figures import figure_text
from ..graph import REFERENCE_FIELDS
from ..i18n import _
from ..labels import field_label, kind_label
from .dates import human_date, human_period
from .machine import machine, to_csv
from .tables import md_cell
from .text import safe

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

_MIN_VALUE_WIDTH = 30

Linked = dict[str, list[tuple[str, dict[str, Any]]]]


def render_record(
    kind: str,
    record: dict[str, Any],
    linked: Linked,
    sources: list[dict[str, Any]],
    output_format: str,
    names: dict[str, str] | None = None,
    fields: list[str] | None = None,
    width: int = 80,
) -> RenderableType | str:
    """One record; ``fields`` keeps only those fields (in that order)."""
    if fields:
        record = {
            "slug": record["slug"],
            "name": record["name"],
            **{f: record.get(f) for f in fields},
        }
        linked = {k: v for k, v in linked.items() if k in fields}
        sources = sources if "sources" in fields else []
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
    references = REFERENCE_FIELDS.get(kind, frozenset())
    facts = [
        (key, lines_of(_named(value, names or {}) if key in references else value))
        for key, value in _readable_dates(record).items()
        if _shown(key, value)
    ]
    facts += [
        (label, [f"{r['name']} [{r['slug']}]" for _, r in items]) for label, items in linked.items()
    ]
    if sources:
        facts.append(("sources", [_source_line(s) for s in sources]))
    if output_format == "markdown":
        lines = [
            f"### {md_cell(record['name'])} ({kind_label(kind)})",
            "",
            f"`{record['slug']}`",
            "",
        ]
        lines += ["| | |", "|---|---|"]
        lines += [
            f"| {md_cell(field_label(k))} | {'<br>'.join(md_cell(v) for v in vs)} |"
            for k, vs in facts
        ]
        return "\n".join(lines)
    return _panel(kind, record, facts, width)


def _panel(
    kind: str, record: dict[str, Any], facts: list[tuple[str, list[str]]], width: int
) -> Text:
    """The record laid out by hand (Rich's Table costs ~6 ms of imports): the name and the
    slug on lines of their own (a slug is never cut or folded), then a label column and the
    values, wrapped at word boundaries to the width."""
    from rich.cells import cell_len
    from rich.text import Text

    from .tables import _pad

    labels = [safe(field_label(key)) for key, _v in facts]
    label_width = min(max((cell_len(x) for x in labels), default=0), 24)
    value_width = max(_MIN_VALUE_WIDTH, width - label_width - 3)
    out = Text(no_wrap=True, overflow="ignore")
    out.append(safe(record["name"]) + "\n", style="bold")
    out.append(f"{kind_label(kind)} · ", style="dim")
    out.append(record["slug"] + "\n\n")
    for label, (_key, values) in zip(labels, facts, strict=True):
        lines = [piece for value in values for piece in _wrap_item(safe(value), value_width)]
        for index, line in enumerate(lines or [""]):
            head = _pad(label, label_width) if index == 0 else " " * label_width
            out.append(head, style="bold" if index == 0 else None)
            out.append(f"  {line}".rstrip() + "\n")
    out.rstrip()
    return out


def _wrap_item(value: str, width: int) -> list[str]:
    """A value's lines at ``width``; a bullet's continuation lines are indented under its text."""
    from .tables import _wrap

    bullet = len(value) - len(value.lstrip(" •–"))
    pieces = _wrap(value, width)
    if bullet == 0 or len(pieces) == 1:
        return pieces
    rest = _wrap(value[len(pieces[0]) :].strip(), width - bullet)
    return [pieces[0], *(" " * bullet + piece for piece in rest)]


def _readable_dates(record: dict[str, Any]) -> dict[str, Any]:
    """A record's own dates as people read them: start and end become one period."""
    shown: dict[str, Any] = {}
    for key, value in record.items():
        if key == "start" and isinstance(value, str):
            shown["period"] = human_period(value, record.get("end"))
        elif key == "end" and isinstance(record.get("start"), str):
            continue
        elif key in ("date", "founded", "end") and isinstance(value, str):
            shown[key] = human_date(value)
        else:
            shown[key] = value
    return shown


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


def lines_of(value: Any) -> list[str]:
    """The lines a field's value takes in a panel: list items as bullets, one per line."""
    if isinstance(value, list):
        if len(value) == 1 and not isinstance(value[0], dict):
            return [brief(value[0])]
        out: list[str] = []
        for item in value:
            first, *rest = brief(item).split("\n")
            out.append(f"• {first}")
            out += [f"  {line}" for line in rest]
        return out
    return brief(value).split("\n")


def brief(value: Any) -> str:
    """Readable text for a nested value: a step, a figure, an item, an affiliation."""
    if isinstance(value, list):
        return "; ".join(brief(v) for v in value)
    if isinstance(value, bool) or not isinstance(value, dict):
        return "" if value is None else str(value)
    if "slug" in value:  # a nested record (a programme, a roadmap): `coopkb show` it for more
        start, end = value.get("date") or value.get("start"), value.get("end")
        when = human_period(start, end) if start or end else ""
        return f"{value['name']} [{value['slug']}]" + (f" ({when})" if when else "")
    if "event" in value:  # a timeline step
        when = human_period(value.get("date"), value.get("end"))
        return _("{when}: {what}").format(when=when, what=value["event"])
    if "value" in value and "label" in value:  # a figure
        return figure_text(value)
    if "organisation" in value:  # an affiliation
        parts = [
            value["organisation"],
            value.get("role"),
            human_date(value["date"]) if value.get("date") else None,
        ]
        return " — ".join(str(p) for p in parts if p)
    if "name" in value:  # an item: field of action, axis, lever, with its actions one per line
        head = f"{value['number']}. {value['name']}" if value.get("number") else value["name"]
        if value.get("description"):
            head += f" — {value['description']}"
        return "\n".join([head, *(f"  – {action}" for action in value.get("actions") or [])])
    import json

    return json.dumps(value, ensure_ascii=False)


def _source_line(source: dict[str, Any]) -> str:
    when = (
        human_date(source["date"])
        if source.get("date")
        else (source.get("date_note") or _("undated"))
    )
    return f"{source['id']}: {source['title']} — {source['author']} ({when})"
