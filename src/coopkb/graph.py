"""The record graph: which field of which kind of record refers to which kinds, and one walker.

The references are declared once, on the model fields themselves (``RefTo`` in
``validation/models.py``); ``REFERENCES`` below is generated from them by
``python -m coopkb.validation.graph`` so that queries, which never import Pydantic (start-up time
counts), read the same description. ``tests/test_graph.py`` fails when the two differ.
Validation derives its reference checks, ``show`` the display of references and ``links`` the
reverse links from this one table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from .layout import LIST_SECTIONS, NESTED_SECTIONS, SINGLE_SECTIONS


class RefTo(NamedTuple):
    """Marks a text field as the slug of another record: of which kinds, and how the target
    names the link back (``show`` of a person's organisation lists the person under "people")."""

    targets: tuple[str, ...]
    link: str


# Records that can act as an organisation: host, employ, partner, organise, be visited.
ORGS: tuple[str, ...] = ("organisation", "cooperative", "member", "council")


class Reference(NamedTuple):
    kind: str  # the kind of record holding the field
    path: tuple[str, ...]  # the field's path inside the record; "*" stands for any list item
    targets: tuple[str, ...]
    link: str


# --- generated: do not edit by hand (python -m coopkb.validation.graph) ---
# fmt: off
REFERENCES: tuple[Reference, ...] = (
    Reference("cooperation", ("partners", "*"), ORGS, "partner of"),
    Reference("cooperation", ("associated_partners", "*"), ORGS, "associated partner of"),
    Reference("cooperation", ("funder",), ORGS, "funder of"),
    Reference("cooperative", ("project",), ("programme", "cooperation"), "cooperatives"),
    Reference("cooperative", ("hosted_by",), ORGS, "hosts"),
    Reference("member", ("member_of",), ("council",), "members"),
    Reference("mission", ("cooperation",), ("cooperation",), "missions"),
    Reference("mission", ("delegation_from", "*"), ORGS, "sent a delegation on"),
    Reference("mission", ("delegation", "*"), ("person",), "delegation member of"),
    Reference("mission", ("visits", "*"), ORGS, "met during"),
    Reference("mission", ("events", "*"), ("event",), "attended during"),
    Reference("event", ("organisers", "*"), ORGS, "organiser of"),
    Reference("organisation", ("parent",), ORGS, "includes"),
    Reference("organisation", ("hosted_by",), ORGS, "hosts"),
    Reference("person", ("affiliations", "*", "organisation"), ORGS, "people"),
)
# fmt: on
# --- end of generated part ---

# The fields holding references (first step of each path), per kind of record.
REFERENCE_FIELDS: dict[str, frozenset[str]] = {}
for _ref in REFERENCES:
    REFERENCE_FIELDS[_ref.kind] = REFERENCE_FIELDS.get(_ref.kind, frozenset()) | {_ref.path[0]}


class Located(NamedTuple):
    """A record, its kind, and where it stands in its file's data (for positions)."""

    kind: str
    record: dict[str, Any]
    loc: tuple[str | int, ...]


def walk_records(data: Any) -> Iterator[Located]:
    """Every record with a text slug in one file's data or in the whole knowledge base.

    Tolerates any shape (validation walks files that failed their model): what is not a record
    is passed over. Order: single records (the council, then its nested ones), then the lists.
    """
    if not isinstance(data, dict):
        return
    for section, kind in SINGLE_SECTIONS.items():
        item = data.get(section)
        if isinstance(item, dict) and _is_record(item):
            yield Located(kind, item, (section,))
            for nested, nested_kind in NESTED_SECTIONS.items():
                subs = item.get(nested)
                for index, sub in enumerate(subs if isinstance(subs, list) else ()):
                    if isinstance(sub, dict) and _is_record(sub):
                        yield Located(nested_kind, sub, (section, nested, index))
    for section, kind in LIST_SECTIONS.items():
        items = data.get(section)
        for index, item in enumerate(items if isinstance(items, list) else ()):
            if _is_record(item):
                yield Located(kind, item, (section, index))


def _is_record(item: Any) -> bool:
    return isinstance(item, dict) and isinstance(item.get("slug"), str)


def references_in(
    kind: str, record: dict[str, Any]
) -> Iterator[tuple[Reference, tuple[str | int, ...], str]]:
    """Each slug a record refers to: the reference, where it stands in the record, the slug."""
    for reference in REFERENCES:
        if reference.kind == kind:
            for loc, value in walk_path(record, reference.path):
                yield reference, loc, value


def walk_path(data: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if not path:
        if isinstance(data, str):
            yield (), data
        return
    step, rest = path[0], path[1:]
    if step == "*":
        for index, item in enumerate(data if isinstance(data, list) else ()):
            for loc, value in walk_path(item, rest):
                yield (index, *loc), value
    elif isinstance(data, dict) and data.get(step) is not None:
        for loc, value in walk_path(data[step], rest):
            yield (step, *loc), value
