"""What points at a record, derived from the record graph (``graph.REFERENCES``)."""

from __future__ import annotations

from collections.abc import Collection

from ..graph import REFERENCES, references_in, walk_path
from . import KB, Record
from .records import iter_records, place_of


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


def names_by_slug(kb: KB, placed: Collection[str] = ()) -> dict[str, str]:
    """Each record's name by its slug; the slugs in ``placed`` add where their record stands,
    for people reading a record's links (« Cap Solidaire (Sud-Gironde, Nouvelle-Aquitaine,
    France) »): only those a record refers to, not every record of the base."""
    names: dict[str, str] = {}
    bare = {r["slug"]: r["name"] for _k, r in iter_records(kb)} if placed else {}
    for _kind, record in iter_records(kb):
        slug, name = record["slug"], record["name"]
        where = (place_of(record) or _roles_of(record, bare)) if slug in placed else ""
        names[slug] = f"{name} ({where})" if where else name
    return names


def _roles_of(record: Record, names: dict[str, str]) -> str:
    """Where a person stands: each role with its organisation (« cogérante, Co-Actions »), as
    a mission's delegation needs it read (« qui est venu, et quel était leur rôle »)."""
    from ..i18n import _

    roles: dict[str, list[str]] = {}  # organisation → its roles: one name for two roles
    for affiliation in record.get("affiliations") or []:
        if not isinstance(affiliation, dict):
            continue
        organisation = affiliation.get("organisation")
        held = roles.setdefault(names.get(str(organisation), str(organisation or "")), [])
        if affiliation.get("role"):
            held.append(str(affiliation["role"]))
    said = []
    for organisation, held in roles.items():
        role = ", ".join(held)  # one role, or none (an affiliation may not say it)
        if len(held) > 1:
            role = _("{first} and {second}").format(first=", ".join(held[:-1]), second=held[-1])
        said.append(", ".join(v for v in (role, organisation) if v))
    return "; ".join(v for v in said if v)


def through(kind: str, record: Record, link: str, slug: str) -> list[tuple[Record, str]]:
    """The sub-records of ``record`` through which it points at ``slug`` under ``link``, each
    with the field holding the slug: a person's affiliations with that organisation (their role
    and date say how). Empty for a reference held by the record itself."""
    found: list[tuple[Record, str]] = []
    for reference in REFERENCES:
        if reference.kind != kind or reference.link != link or len(reference.path) < 3:
            continue
        for loc, value in walk_path(record, reference.path):
            if value != slug:
                continue
            holder: object = record
            for step in loc[:-1]:
                holder = holder[step]  # type: ignore[index]
            if isinstance(holder, dict) and all(h is not holder for h, _f in found):
                found.append((holder, reference.path[-1]))
    return found
