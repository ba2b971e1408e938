"""What points at a record, derived from the record graph (``graph.REFERENCES``)."""

from __future__ import annotations

from ..graph import references_in
from . import KB, Record
from .records import iter_records


def links(kb: KB, slug: str, target_kind: str = "") -> dict[str, list[tuple[str, Record]]]:
    """Records referring to ``slug``, grouped by how (the reference's link label: "people",
    "met during"…); for a source, the records citing it ("cited by")."""
    found: dict[str, list[tuple[str, Record]]] = {}
    for kind, record in iter_records(kb):
        if target_kind == "source":
            if slug in (record.get("sources") or []):
                found.setdefault("cited by", []).append((kind, record))
            continue
        for reference, _loc, value in references_in(kind, record):
            if value == slug:
                entries = found.setdefault(reference.link, [])
                if not any(r is record for _, r in entries):
                    entries.append((kind, record))
    return found


def names_by_slug(kb: KB) -> dict[str, str]:
    return {record["slug"]: record["name"] for _, record in iter_records(kb)}
