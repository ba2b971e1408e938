"""One record for `show`: a panel of its facts, or the record in a machine format.

In human formats, slugs a record refers to read as "Name [slug]", list items (levers, axes,
actions, steps) are bullets one per line, and dates read naturally in the interface's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..figures import figure_text
from ..i18n import _, colon
from ..kinds import KIND
from ..labels import field_label, kind_label
from ..matching import quote
from ..parts import part_of
from ..query.evidence import official_list_title
from ..query.records import place_of
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
    derived: dict[str, str] | None = None,
    excel: bool = False,
) -> RenderableType | str:
    """One record; ``fields`` keeps only those fields (in that order). ``derived`` names the
    fields taken from an official list (field -> the list's id): they say so. ``excel``: a
    CSV for a French-locale Excel, as the listings write it."""
    derived = derived or {}
    if fields:
        record = {
            "slug": record["slug"],
            "name": record["name"],
            **{f: record.get(f) for f in fields},
        }
        linked = {k: v for k, v in linked.items() if k in fields}
        sources = sources if "sources" in fields else []
        derived = {k: v for k, v in (derived or {}).items() if k in fields}
    if output_format in ("json", "yaml"):
        # The record's own fields at the top, as `list` prints them; then what coopkb adds.
        payload = {
            **record,
            "type": kind,
            "links": {label: [r["slug"] for _, r in items] for label, items in linked.items()},
            "source_details": sources,
        }
        if derived:
            payload["derived_from"] = {
                field: official_list_title(list_id) for field, list_id in derived.items()
            }
        return machine(payload, output_format)
    if output_format == "csv":
        shown_kind = kind_label(kind) if excel else kind  # the people's word in Excel
        return to_csv([{**record, "type": shown_kind}], names, excel, kind=kind)
    # A value taken from an official list says so by a mark (« Canada¹ »), and each list is
    # named once, under the facts: the same long note on the country, region and MRC of every
    # record drowned what they hold.
    lists = list(dict.fromkeys(derived[k] for k in record if k in derived))
    facts = [
        (key, _marked(lines_of(kind, key, value, names or {}), derived.get(key), lists))
        for key, value in readable_dates(kind, record).items()
        if _shown(key, value)
    ]
    facts += [
        (label, [_linked_line(kind_of, r, label, record["slug"]) for kind_of, r in items])
        for label, items in linked.items()
    ]
    if lists:
        facts.append(
            (
                "official_lists",
                [
                    _("{mark} from the official list {list}").format(
                        mark=_MARKS[index % len(_MARKS)], list=quote(official_list_title(i))
                    )
                    for index, i in enumerate(lists)
                ],
            )
        )
    if sources:
        facts.append(("sources", [_source_line(s) for s in sources]))
    if output_format == "markdown":
        lines = [*md_heading(kind, record), "| | |", "|---|---|"]
        lines += [
            f"| {md_cell(field_label(k, kind))} | {'<br>'.join(md_cell(v) for v in vs)} |"
            for k, vs in facts
        ]
        return "\n".join(lines)
    return _panel(kind, record, facts, width)


def md_heading(kind: str, record: dict[str, Any]) -> list[str]:
    """A record's Markdown heading: its name and kind, then its slug."""
    return [f"### {md_cell(record['name'])} ({kind_label(kind)})", "", f"`{record['slug']}`", ""]


_MARKS = "¹²³⁴⁵⁶⁷⁸⁹"


def _marked(lines: list[str], list_id: str | None, lists: list[str]) -> list[str]:
    """« Capitale-Nationale¹ », ¹ naming the official list the value was taken from."""
    if list_id is None or not lines:
        return lines
    # glued to the value, as French sets a note call (« Canada¹ », not « Canada ¹ »)
    return [*lines[:-1], f"{lines[-1]}{_MARKS[lists.index(list_id) % len(_MARKS)]}"]


def _linked_line(kind: str, linking: dict[str, Any], link: str, slug: str) -> str:
    """A record pointing at this one, and how when a sub-record says it: « Lysiane Randria
    [lysiane-randria] — chargée de projet »."""
    where = place_of(linking)
    name = f"{linking['name']} ({where})" if where else linking["name"]
    return f"{name} [{linking['slug']}]" + "".join(
        " — " + how for how in how_linked(kind, linking, link, slug)
    )


def how_linked(kind: str, linking: dict[str, Any], link: str, slug: str) -> list[str]:
    """What the sub-records through which ``linking`` points at ``slug`` say besides the slug
    (an affiliation's role and date), one line each."""
    from ..query.links import through

    lines = []
    for sub, held_in in through(kind, linking, link, slug):
        shape = _shape_holding(kind, sub, linking)
        details = [
            human_date(str(value))
            if (p := part_of(shape, field)) and p.type == "date"
            else str(value)
            for field, value in sub.items()
            if field != held_in and isinstance(value, str | int) and value != ""
        ]
        if details:
            lines.append(" — ".join(details))
    return lines


def _shape_holding(kind: str, sub: dict[str, Any], record: dict[str, Any]) -> str:
    """The shape of a sub-record of ``record`` (the part of the field whose list holds it)."""
    for field, value in record.items():
        part = part_of(kind, field)
        if part is not None and part.shape and isinstance(value, list):
            if any(item is sub for item in value):
                return part.shape
    return ""


def _panel(
    kind: str, record: dict[str, Any], facts: list[tuple[str, list[str]]], width: int
) -> Text:
    """The record laid out by hand (Rich's Table costs ~6 ms of imports): the name and the
    slug on lines of their own (a slug is never cut or folded), then a label column and the
    values, wrapped at word boundaries to the width."""
    import textwrap

    from rich.cells import cell_len
    from rich.text import Text

    from .tables import _pad

    labels = [safe(field_label(key, kind)) for key, _v in facts]
    label_width = min(max((cell_len(x) for x in labels), default=0), 24)
    value_width = max(_MIN_VALUE_WIDTH, width - label_width - 3)
    out = Text(no_wrap=True, overflow="ignore")
    # a long name wraps at the width, as the values do (a roadmap's title is 87 characters)
    title = "\n".join(textwrap.wrap(safe(record["name"]), width, break_on_hyphens=False))
    out.append((title or safe(record["name"])) + "\n", style="bold")
    out.append(f"{kind_label(kind)} · ", style="dim")
    out.append(record["slug"] + "\n\n")
    for label, (_key, values) in zip(labels, facts, strict=True):
        lines = [piece for value in values for piece in _wrap_item(safe(value), value_width)]
        # a label longer than its column wraps inside it (« innover en action collective »
        # pushed its values out of line)
        heads = textwrap.wrap(label, label_width, break_on_hyphens=False) or [""]
        for index in range(max(len(lines), len(heads), 1)):
            line = lines[index] if index < len(lines) else ""
            head = heads[index] if index < len(heads) else ""
            out.append(_pad(head, label_width), style="bold" if head else None)
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


def readable_dates(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """A record's own dates as people read them: the start and end of its period (the table of
    kinds names them) become one period; every other date field reads as a date."""
    described = KIND.get(kind)
    start = described.start if described is not None and described.end else None
    end = described.end if described is not None else None
    shown: dict[str, Any] = {}
    for key, value in record.items():
        part = part_of(kind, key)
        if key == start and isinstance(value, str):
            shown["period"] = human_period(value, record.get(end) if end else None)
        elif key == end and start is not None and isinstance(record.get(start), str):
            continue
        elif key == end and start is not None and isinstance(value, str):
            # an end alone is a period too: « jusqu'en 2025 », as the tables' « →2025 »
            shown["period"] = human_period(None, value)
        elif part is not None and part.type == "date" and isinstance(value, str):
            shown[key] = human_date(value)
        else:
            shown[key] = value
    return shown


def _named(slug: Any, names: dict[str, str]) -> str:
    """A reference as people read it: "Name [slug]" (the slug alone when nothing has it)."""
    return f"{names[slug]} [{slug}]" if isinstance(slug, str) and slug in names else str(slug)


def _shown(key: str, value: Any) -> bool:
    return key not in ("name", "slug", "sources") and value not in (None, [], {})


def lines_of(kind: str, key: str, value: Any, names: dict[str, str]) -> list[str]:
    """The lines a field's value takes in a panel, by its part: references by name, list items
    and sub-records as bullets, one per line."""
    part = part_of(kind, key)
    what = part.part if part is not None else ""
    if what in ("reference", "references"):
        value = (
            [_named(v, names) for v in value] if isinstance(value, list) else _named(value, names)
        )
    if isinstance(value, list):
        shape = part.shape if part is not None else ""
        if len(value) == 1 and not isinstance(value[0], dict):
            return [brief(shape, value[0], names)]
        out: list[str] = []
        for item in value:
            first, *rest = brief(shape, item, names).split("\n")
            out.append(f"• {first}")
            out += [f"  {line}" for line in rest]
        return out
    return brief(part.shape if part is not None else "", value, names).split("\n")


def brief(shape: str, value: Any, names: dict[str, str]) -> str:
    """Readable text for a sub-record of ``shape`` (a step, a figure, an item, an affiliation)
    or a nested record (``shape`` is then its kind); the fields no layout below places (a
    reference added inside a step) follow after " — "."""
    if isinstance(value, bool) or not isinstance(value, dict):
        return "" if value is None else str(value)
    placed: tuple[str, ...] = ()
    if shape in KIND:  # a nested record (a programme, a roadmap): `coopkb show` it for more
        start, end = value.get("date") or value.get("start"), value.get("end")
        when = human_period(start, end) if start or end else ""
        return f"{value['name']} [{value['slug']}]" + (f" ({when})" if when else "")
    if shape == "step":
        when = human_period(value.get("date"), value.get("end"))
        head, placed = _("{when}: {what}").format(when=when, what=value["event"]), _STEP
        lines = [head]
    elif shape == "figure":
        lines, placed = [figure_text(value)], _FIGURE
    elif shape == "affiliation":
        organisation = value.get("organisation")
        pieces = [
            _named(organisation, names) if organisation else None,
            value.get("role"),
            human_date(value["date"]) if value.get("date") else None,
        ]
        lines, placed = [" — ".join(str(p) for p in pieces if p)], _AFFILIATION
    elif shape == "item":  # a field of action, axis, lever, with its actions one per line
        head = f"{value['number']}. {value['name']}" if value.get("number") else value["name"]
        if value.get("description"):
            head += f" — {value['description']}"
        lines = [head, *(f"  – {action}" for action in value.get("actions") or [])]
        placed = _ITEM
    else:
        import json

        return json.dumps(value, ensure_ascii=False)
    rest = [
        _other_field(shape, key, item, names)
        for key, item in value.items()
        if key not in placed and item not in (None, "", [])
    ]
    if rest:
        lines[0] = " — ".join([lines[0], *rest])
    return "\n".join(lines)


# The fields each shape's layout above places; any other follows the line.
_STEP = ("date", "end", "event")
_FIGURE = ("qualifier", "value", "unit", "label", "date")
_AFFILIATION = ("organisation", "role", "date")
_ITEM = ("number", "name", "description", "actions")


def _other_field(shape: str, key: str, value: Any, names: dict[str, str]) -> str:
    part = part_of(shape, key)
    if part is not None and part.part in ("reference", "references"):
        slugs = value if isinstance(value, list) else [value]
        return "; ".join(_named(s, names) for s in slugs)
    if part is not None and part.type == "date" and isinstance(value, str):
        return human_date(value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _source_line(source: dict[str, Any]) -> str:
    when = (
        human_date(source["date"])
        if source.get("date")
        else (source.get("date_note") or _("undated"))
    )
    return f"{source['id']}{colon()} {source['title']} — {source['author']} ({when})"
