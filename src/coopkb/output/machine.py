"""Machine formats: JSON, YAML and CSV of any result, the data unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..figures import figure_text
from ..i18n import colon
from ..parts import FIELDS_OF, part_of


def machine(
    data: Any,
    output_format: str,
    names: dict[str, str] | None = None,
    excel: bool = False,
    kind: str | None = None,
) -> str:
    if output_format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    if output_format == "yaml":
        import yaml  # only this format needs it

        dumped: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        return dumped.rstrip("\n")
    if output_format == "csv":
        return to_csv(data if isinstance(data, list) else [data], names, excel, kind)
    raise ValueError(f"unknown format {output_format!r}")


def to_csv(
    records: Iterable[dict[str, Any]],
    names: dict[str, str] | None = None,
    excel: bool = False,
    kind: str | None = None,
) -> str:
    """One header row (the field names: stable in every language), one row per record of
    ``kind`` (see :func:`flatten`; rows that are no records — search hits, counts — have none:
    their nested mappings become dotted columns).

    With ``excel`` the CSV is for people in a French-locale Excel: the header names the
    columns by their labels and the cells read as the interface writes them (« 2007 : … »,
    « chiffre d'affaires : 960 000 € »)."""
    rows = [flatten(record, names or {}, kind, for_people=excel) for record in records]
    if excel and kind is not None:
        rows = [_labelled(row, kind) for row in rows]
    return csv_text(rows, excel)


def _labelled(row: dict[str, str], kind: str) -> dict[str, str]:
    """A row's columns named by their labels (« région », « projet (nom) »), in the
    interface's language; a column whose label another already took keeps its key."""
    from ..i18n import _
    from ..labels import field_label

    out: dict[str, str] = {}
    for key, value in row.items():
        base = key.removesuffix("_name")
        label = field_label(base, kind)
        if key != base:
            label = _("{field} (name)").format(field=label)
        out[label if label not in out else key] = value
    return out


def csv_text(rows: list[dict[str, Any]], excel: bool = False) -> str:
    """CSV of ``rows`` (header: the union of their keys, in order); with ``excel``, what a
    French-locale Excel opens right by double-click: a UTF-8 BOM, ";" between fields, CRLF."""
    import csv  # only this format needs it
    import io

    header: dict[str, None] = {}
    for row in rows:
        header.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.DictWriter(
        out,
        fieldnames=list(header),
        delimiter=";" if excel else ",",
        lineterminator="\r\n" if excel else "\n",
    )
    writer.writeheader()
    writer.writerows({k: _scalar(v) for k, v in row.items()} for row in rows)
    text = out.getvalue()
    return "\ufeff" + text.rstrip("\r\n") if excel else text.rstrip("\n")


def _scalar(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return neutralised(value)
    return "" if value is None else value


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """A text cell that Excel, LibreOffice or Sheets would run as a formula
    (``=HYPERLINK(…)``, ``+1+1``, ``@SUM(…)``) gets a leading apostrophe, the OWASP way: the
    sheet shows the text, never runs it. Only CSV does this; JSON and SQLite keep the value."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def flatten(
    record: dict[str, Any],
    names: dict[str, str],
    kind: str | None = None,
    prefix: str = "",
    for_people: bool = False,
) -> dict[str, str]:
    """One CSV row of a record of ``kind``, each field as its part says (``parts.py``): a
    reference is followed by a ``…_name`` column; a list of texts joins with "; "; sub-records
    (steps, figures, items, affiliations) are one readable line each in one cell."""
    flat: dict[str, str] = {}
    # A kind's columns are its fields in the model's order, present or not: the same header
    # whatever the query returned.
    described = [p.field for p in FIELDS_OF.get(kind, ())] if kind is not None else []
    for key in dict.fromkeys([*described, *record]):
        value = record.get(key)
        name = f"{prefix}{key}"
        part = part_of(kind, key) if kind is not None else None
        if part is not None and part.part in ("mapping", "mappings", "records"):
            values = value if isinstance(value, list) else [] if value is None else [value]
            flat[name] = "\n".join(
                sub_record_line(part.shape, v, names, for_people) for v in values
            )
            continue
        if isinstance(value, dict):
            flat.update(flatten(value, names, None, f"{name}.", for_people))
            continue
        if isinstance(value, list):
            flat[name] = "; ".join(_plain(v) for v in value)
        else:
            flat[name] = _plain(value)
        if part is not None and part.part in ("reference", "references"):
            slugs = value if isinstance(value, list) else [value] if value else []
            flat[f"{name}_name"] = "; ".join(names.get(s, "") for s in slugs)
    return flat


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# How each shape of sub-record reads on one line: the fields it opens with, in that order;
# any other field (a reference added inside a step) follows, after " — ".
_LEADING: dict[str, tuple[str, ...]] = {
    "step": ("date", "end", "event"),
    "figure": ("qualifier", "value", "unit", "label", "date"),
    "item": ("number", "name"),
    "affiliation": (),
    "source": ("title",),
}


def sub_record_line(shape: str, value: Any, names: dict[str, str], for_people: bool = False) -> str:
    """A step, figure, item, affiliation or nested record as one readable line, the same in
    every language, dispatched on its shape (``parts.py``); ``for_people`` writes steps and
    figures as the interface does (French spacing and numbers)."""
    if not isinstance(value, dict):
        return _plain(value)
    if shape not in _LEADING:  # a nested record of a kind of its own, or nothing described
        if "slug" in value:
            return f"{value.get('name')} [{value['slug']}]"
        return _plain(value)
    head = ""
    if shape == "step":
        when = (value.get("date") or "") + (f"→{value['end']}" if value.get("end") else "")
        sep = colon() if for_people else ":"
        head = f"{when}{sep} {value['event']}" if when else str(value.get("event") or "")
    elif shape == "figure" and for_people:
        head = figure_text(value)
    elif shape == "figure":
        parts = [value.get(k) for k in ("qualifier", "value", "unit", "label")]
        head = " ".join(str(p) for p in parts if p is not None and p != "")
        head = f"{head} ({value['date']})" if value.get("date") else head
    elif shape == "item":
        head = f"{value['number']}. {value['name']}" if value.get("number") else value["name"]
    rest = [
        _shown_part(shape, key, item, names)
        for key, item in value.items()
        if key not in _LEADING[shape] and item not in (None, "", [])
    ]
    return " — ".join(piece for piece in [head, *rest] if piece)


def _shown_part(shape: str, key: str, value: Any, names: dict[str, str]) -> str:
    part = part_of(shape, key)
    if part is not None and part.part in ("reference", "references"):
        slugs = value if isinstance(value, list) else [value]
        return "; ".join(f"{names.get(s, s)} [{s}]" for s in slugs)
    if isinstance(value, list):
        return " — ".join(_plain(v) for v in value)
    return _plain(value)
