"""Machine formats: JSON, YAML and CSV of any result, the data unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..graph import REFERENCE_FIELDS


def machine(
    data: Any, output_format: str, names: dict[str, str] | None = None, excel: bool = False
) -> str:
    if output_format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    if output_format == "yaml":
        import yaml  # only this format needs it

        dumped: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        return dumped.rstrip("\n")
    if output_format == "csv":
        return to_csv(data if isinstance(data, list) else [data], names, excel)
    raise ValueError(f"unknown format {output_format!r}")


def to_csv(
    records: Iterable[dict[str, Any]],
    names: dict[str, str] | None = None,
    excel: bool = False,
) -> str:
    """One header row (the field names: stable in every language); nested mappings become
    dotted columns; a reference is followed by a ``…_name`` column with the record's name; lists
    of text join with "; "; lists of steps, figures or items are readable lines in one cell."""
    return csv_text([flatten(record, names or {}) for record in records], excel)


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


_REFERENCES = frozenset(field for fields in REFERENCE_FIELDS.values() for field in fields)


def flatten(record: dict[str, Any], names: dict[str, str], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, names, f"{name}."))
            continue
        if isinstance(value, list):
            if all(not isinstance(v, dict | list) for v in value):
                flat[name] = "; ".join("" if v is None else str(v) for v in value)
            else:
                flat[name] = "\n".join(_cell_text(v, names) for v in value)
        elif value is None:
            flat[name] = ""
        elif isinstance(value, bool):
            flat[name] = "true" if value else "false"
        else:
            flat[name] = str(value)
        if key in _REFERENCES and not prefix and key != "affiliations":
            slugs = value if isinstance(value, list) else [value] if value else []
            if any(s in names for s in slugs):  # a programme's funder is text, not a slug
                flat[f"{name}_name"] = "; ".join(names.get(s, "") for s in slugs)
    return flat


def _cell_text(value: Any, names: dict[str, str]) -> str:
    """A step, figure, item or affiliation as one readable line, the same in every language."""
    if not isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if "event" in value:
        when = (value.get("date") or "") + (f"→{value['end']}" if value.get("end") else "")
        return f"{when}: {value['event']}" if when else value["event"]
    if "value" in value and "label" in value:
        parts = [value.get("qualifier"), value["value"], value.get("unit"), value["label"]]
        line = " ".join(str(p) for p in parts if p is not None and p != "")
        return f"{line} ({value['date']})" if value.get("date") else line
    if "slug" in value:
        return f"{value['name']} [{value['slug']}]"
    if "organisation" in value or "role" in value:
        organisation = value.get("organisation")
        shown = (
            f"{names.get(organisation, organisation)} [{organisation}]" if organisation else None
        )
        return " — ".join(str(p) for p in (shown, value.get("role"), value.get("date")) if p)
    if "name" in value:
        head = f"{value['number']}. {value['name']}" if value.get("number") else value["name"]
        rest = [value.get("description"), *(value.get("actions") or [])]
        return " — ".join([head, *(str(r) for r in rest if r)])
    return json.dumps(value, ensure_ascii=False)
