"""Query results shaped for display: which columns a listing shows, and its count line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .render import TableView


def count_line(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def cooperatives_view(found: list[dict[str, Any]]) -> TableView:
    rows = [
        {
            **c,
            "kind": c.get("legal_category") or "",
            "place": "\n".join(p for p in (c.get("municipality"), c.get("region")) if p),
        }
        for c in found
    ]
    columns = [
        ("slug", "slug"),
        ("name", "name"),
        ("place", "municipality · region"),
        ("kind", "kind"),
    ]
    return TableView("Cooperatives", columns, rows, found, count_line(len(found), "cooperative"))


def missions_view(found: list[dict[str, Any]]) -> TableView:
    rows = [
        {
            **m,
            "dates": m["start"] + (f"→{m['end'][5:]}" if m.get("end") else ""),
            "size": "" if m.get("delegation_size") is None else m["delegation_size"],
            "met": len(m.get("visits", [])),
        }
        for m in found
    ]
    columns = [
        ("number", "#"),
        ("slug", "slug"),
        ("dates", "dates"),
        ("destination", "destination"),
        ("size", "delegation"),
        ("met", "met"),
    ]
    return TableView("Missions", columns, rows, found, count_line(len(found), "mission"))


def members_view(found: list[dict[str, Any]], grouped: bool) -> TableView:
    """Members under their sector's heading in a table; a sector column elsewhere."""
    columns = [("slug", "slug"), ("name", "name"), ("body_kind", "kind")]
    groups: dict[str, list[dict[str, Any]]] = {}
    for member in found:
        groups.setdefault(member["sector_group"], []).append(member)
    if not grouped:
        columns = [("sector_group", "sector"), *columns]
    return TableView(
        "CQCM members by sector",
        columns,
        found,
        found,
        count_line(len(found), "member"),
        groups=list(groups.items()) if grouped else None,
    )


def search_view(hits: Sequence[Any], text: str) -> TableView:
    records = [
        {
            "slug": h.slug,
            "kind": h.kind,
            "name": h.name,
            "field": h.where,
            "match": h.excerpt,
            "score": h.score,
        }
        for h in hits
    ]
    rows = [
        {**r, "match": f"{r['field'].split('[')[0]}: {_excerpt(r['match'], text)}"} for r in records
    ]
    columns = [("kind", "kind"), ("slug", "slug"), ("name", "name"), ("match", "where: match")]
    return TableView(
        f"Search: {text}", columns, rows, records, count_line(len(hits), "match", "matches")
    )


def _excerpt(value: str, text: str, width: int = 60) -> str:
    """The part of a long text around the first searched word."""
    from .matching import fold

    if len(value) <= width:
        return value
    at = max(fold(value).find(fold(text).split()[0]) if text.split() else 0, 0)
    start = max(0, at - width // 3)
    return ("…" if start else "") + value[start : start + width] + "…"
