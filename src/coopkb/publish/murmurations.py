"""`coopkb export murmurations DIR`: one Murmurations profile per organisation of the base
(cooperatives, the CQCM and its members, other organisations), for the network's index of the
social and solidarity economy.

A profile follows ``organizations_schema-v1.0.0`` on top of ``default-v2.0.0`` and the index's own
limits (at most 100 tags, each at most 100 bytes of UTF-8). Only what the sources state goes in:
no geolocation without coordinates, a ``primary_url`` only where a website is known, the address
as far as it is known. ``tests/test_open_data.py`` validates every profile against both schemas.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..graph import ORGS, walk_records
from ..reference import COUNTRY_CODES, LEGAL_CATEGORIES
from .folders import write_folder
from .sqlite import ExportError

SCHEMA = "organizations_schema-v1.0.0"
MAX_TAGS = 100
MAX_TAG_BYTES = 100
MAX_NAME = 200  # the schema's limit on a name
# The fields whose values become tags, in this order (category, sector, region first).
TAG_FIELDS = ("legal_category", "sector", "sector_group", "body_kind", "kind", "region")


def profile(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """The Murmurations profile of one organisation record."""
    if len(record["name"]) > MAX_NAME:
        raise ExportError(f"{record['slug']}: name longer than Murmurations' {MAX_NAME} characters")
    out: dict[str, Any] = {"linked_schemas": [SCHEMA], "name": record["name"]}
    nickname = record.get("acronym") or next(iter(record.get("aliases") or []), None)
    if nickname:
        out["nickname"] = nickname
    if record.get("website"):
        out["primary_url"] = record["website"]
    tags = _tags(kind, record)
    if tags:
        out["tags"] = tags
    if record.get("description"):
        out["description"] = record["description"]
    if record.get("purpose"):
        out["mission"] = record["purpose"]
    place = [record.get(k) for k in ("municipality", "region", "country")]
    address = ", ".join(p for p in place if p)
    if address:
        out["full_address"] = address
    if record.get("country") in COUNTRY_CODES:
        out["country_iso_3166"] = COUNTRY_CODES[record["country"]]
    if record.get("municipality") and len(record["municipality"]) <= 100:
        out["locality"] = record["municipality"]
    if record.get("region") and len(record["region"]) <= 100:
        out["region"] = record["region"]
    return out


def _tags(kind: str, record: dict[str, Any]) -> list[str]:
    """Short French tags from the record's category (its full name in the official list: «
    coopérative de solidarité »), sector and region: each at most 100 bytes (a longer value is
    left out rather than cut), each once, at most 100."""
    found: dict[str, None] = {"coopérative": None} if kind == "cooperative" else {}
    for field in TAG_FIELDS:
        value = record.get(field)
        if field == "legal_category" and isinstance(value, str):
            value = LEGAL_CATEGORIES.get(value, value)
        if isinstance(value, str) and value and len(value.encode("utf-8")) <= MAX_TAG_BYTES:
            found[value] = None
    return list(found)[:MAX_TAGS]


def export_murmurations(
    kb: dict[str, Any], directory: Path, overwrite: bool, protected: list[Path]
) -> int:
    """One ``<slug>.json`` profile per organisation in ``directory``; how many were written."""
    texts = {
        f"{found.record['slug']}.json": json.dumps(
            profile(found.kind, found.record), ensure_ascii=False, indent=2
        )
        + "\n"
        for found in walk_records(kb)
        if found.kind in ORGS
    }
    write_folder(directory, texts, overwrite, protected)
    return len(texts)
