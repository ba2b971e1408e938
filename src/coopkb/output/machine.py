"""Machine formats: JSON, YAML and CSV of any result, the data unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any


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
