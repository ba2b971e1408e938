"""Where each value of a record comes from: its claims (source, locator, anchor) or the
official list it was taken from. Read by ``show --evidence``, the exports and the website."""

from __future__ import annotations

from typing import Any, NamedTuple

# `show` reads ``derived_fields`` on every call: the official lists and the evidence paths are
# imported where a value is named or an evidence row built, never at start-up.


class EvidenceRow(NamedTuple):
    """One value of a record and what states it."""

    path: str  # as an evidence file writes it: name, timeline.2.date
    field: str  # the record's field holding it (for its label)
    value: Any
    claims: tuple[dict[str, Any], ...]  # each: source, at, says
    official: str | None  # the official list it comes from (its id in reference.py)


def derived_fields(kb: dict[str, Any], slug: str) -> dict[str, str]:
    """The record's fields taken from an official list: field -> the list's id."""
    derived = kb.get("derived") or {}
    found = derived.get(slug)
    return dict(found) if isinstance(found, dict) else {}


def official_list_title(list_id: str) -> str:
    """The list's title alone (« Répertoire des municipalités du Québec »)."""
    from .. import reference

    found = reference.OFFICIAL_LISTS.get(list_id)
    return found.title if found is not None else list_id


def official_title(list_id: str) -> str:
    """The list's title, publisher and when it was read."""
    from .. import reference

    found = reference.OFFICIAL_LISTS.get(list_id)
    return f"{found.title} ({found.publisher}, {found.consulted})" if found else list_id


def has_evidence(kb: dict[str, Any]) -> bool:
    """Whether the base was read with its evidence (``load(..., evidence=True)``)."""
    return isinstance(kb.get("evidence"), dict)


def claims_of(kb: dict[str, Any], slug: str) -> list[dict[str, Any]]:
    evidence = kb.get("evidence") or {}
    return [c for c in evidence.get("claims", []) if c.get("record") == slug]


def claims_by_record(kb: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for claim in (kb.get("evidence") or {}).get("claims", []):
        found.setdefault(claim.get("record"), []).append(claim)
    return found


def evidence_rows(
    kb: dict[str, Any],
    kind: str,
    record: dict[str, Any],
    by_record: dict[str, list[dict[str, Any]]] | None = None,
) -> list[EvidenceRow]:
    """Every value of the record, in the record's order, with what states it."""
    from ..evidence_paths import covers, leaves, parse_path, written_path

    claims = (
        by_record.get(record["slug"], [])
        if by_record is not None
        else claims_of(kb, record["slug"])
    )
    parsed = [
        (claim, [p for p in (parse_path(text) for text in claim.get("of", [])) if p is not None])
        for claim in claims
    ]
    derived = derived_fields(kb, record["slug"])
    rows: list[EvidenceRow] = []
    for path, _owner, _field, value in leaves(kind, record):
        field = str(path[0])
        covering = [c for c, paths in parsed if any(covers(p, path) for p in paths)]
        official = next((c["official"] for c in covering if c.get("official")), None)
        if official is None and field in derived and len(path) == 1:
            official = derived[field]
        stated: tuple[dict[str, Any], ...] = tuple(
            {str(k): c[k] for k in ("source", "at", "says") if k in c}
            for c in covering
            if c.get("source")
        )
        rows.append(EvidenceRow(written_path(path), field, value, stated, official))
    return rows
