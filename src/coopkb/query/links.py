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


Links = dict[str, list[tuple[str, Record]]]


def all_links(kb: KB) -> tuple[dict[str, Links], dict[str, Links]]:
    """What :func:`links` gives for every record and every source, in one pass over the base:
    (by record slug, by source id). A page per record would otherwise walk the whole base once
    per record (10,000 cooperatives: 10,000 walks)."""
    by_slug: dict[str, Links] = {}
    by_source: dict[str, Links] = {}
    for kind, record in iter_records(kb):
        for source in dict.fromkeys(record.get("sources") or []):
            by_source.setdefault(source, {}).setdefault("cited by", []).append((kind, record))
        seen: set[tuple[str, str]] = set()
        for reference, _loc, value in references_in(kind, record):
            if (value, reference.link) in seen:
                continue
            seen.add((value, reference.link))
            by_slug.setdefault(value, {}).setdefault(reference.link, []).append((kind, record))
    return by_slug, by_source


def names_by_slug(kb: KB) -> dict[str, str]:
    return {record["slug"]: record["name"] for _, record in iter_records(kb)}
