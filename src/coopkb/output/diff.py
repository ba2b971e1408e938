"""`coopkb diff` in its three formats: text (coloured on a terminal), Markdown (a pull-request
comment or GitHub's job summary) and JSON (a list of {slug, kind, change, field, before, after})."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..i18n import _, ngettext
from ..labels import kind_label
from ..matching import spaces_named
from ..parts import part_of
from .machine import sub_record_line
from .tables import md_cell
from .text import safe

if TYPE_CHECKING:
    from rich.console import RenderableType

_STYLES = {"added": "green", "removed": "red", "renamed": "cyan", "changed": "yellow"}
_SIGNS = {"added": "+", "removed": "-", "renamed": "→", "changed": "~"}


def value_text(value: Any, shape: str = "") -> str:
    """A value before or after a change; a sub-record (``shape``: step, figure…) on one line."""
    if value is None:
        return "∅"
    if isinstance(value, dict):
        return sub_record_line(shape, value, {})
    if isinstance(value, list):
        return "; ".join(value_text(v, shape) for v in value) or "[]"
    if isinstance(value, str):  # « La Barberie → La Barberie » says what changed
        return value + spaces_named(value)
    return str(value)


def _shape(change: Any) -> str:
    """The shape of sub-record a changed field holds (``timeline[2]`` of a cooperative: step)."""
    top = (change.field or "").split(".")[0].split("[")[0]
    part = part_of(change.kind, top)
    return part.shape if part is not None else ""


def _groups(changes: Sequence[Any]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    for change in changes:
        groups.setdefault(change.kind, []).append(change)
    return groups


def _summary(changes: Sequence[Any]) -> str:
    records = len({(c.kind, c.slug) for c in changes})
    if not changes:
        return _("No change to the knowledge base.")
    return ngettext("{count} record changed", "{count} records changed", records).format(
        count=records
    )


def _line(change: Any) -> str:
    what = {
        "added": _("added"),
        "removed": _("removed"),
        "renamed": _("renamed"),
        "changed": _("changed"),
    }[change.change]
    if change.change == "renamed":
        return f"{change.before} → {change.after} ({what})"
    if change.change in ("added", "removed"):
        name = change.after if change.change == "added" else change.before
        return f"{change.slug} ({what}): {name}"
    shape = _shape(change)
    before, after = value_text(change.before, shape), value_text(change.after, shape)
    return f"{change.slug}.{change.field}: {before} → {after}"


def render_diff(changes: Sequence[Any], output_format: str) -> RenderableType | str:
    if output_format == "json":
        return json.dumps([c.as_dict() for c in changes], ensure_ascii=False, indent=2)
    groups = _groups(changes)
    if output_format == "markdown":
        lines = [
            f"## {md_cell(_('Changes to the knowledge base'))}",
            "",
            md_cell(_summary(changes)),
        ]
        for kind, items in groups.items():
            count = len({c.slug for c in items})
            lines += ["", f"### {md_cell(kind_label(kind))} ({count})", ""]
            lines += [
                f"| {_('change')} | {_('record')} | {_('field')} | {_('before')} | {_('after')} |"
            ]
            lines.append("|---|---|---|---|---|")
            for c in items:
                lines.append(
                    f"| {_SIGNS[c.change]} {c.change} | `{c.slug}` | {md_cell(c.field or '')} | "
                    f"{md_cell(value_text(c.before, _shape(c)))} | "
                    f"{md_cell(value_text(c.after, _shape(c)))} |"
                )
        return "\n".join(lines)
    from rich.text import Text

    out = Text()
    for kind, items in groups.items():
        count = len({c.slug for c in items})
        out.append(f"{kind_label(kind)} ({count})\n", style="bold")
        for c in items:
            out.append(f"  {_SIGNS[c.change]} ", style=_STYLES[c.change])
            out.append(safe(_line(c)) + "\n")
        out.append("\n")
    out.append(_summary(changes))
    return out
