"""`coopkb export jsonld FILE`: the whole base as schema.org JSON-LD, the form that social and
solidarity economy maps and directories read.

Each record becomes a node named ``urn:coopkb:<slug>`` of the schema.org type its kind maps to
(``TYPES``); each field becomes the property ``PROPERTIES`` maps it to, its value converted by its
part (``parts.py``): a date is a typed literal as precise as the source (``xsd:gYear``,
``xsd:gYearMonth``, ``xsd:date``), a reference is a link to the other node, a figure a
``PropertyValue``, an affiliation a ``Role``; places become a ``PostalAddress``. Cooperatives are
also ESSGLOBAL ``SSEInitiative`` nodes with the ``Cooperative`` legal form (RIPESS's vocabulary,
http://purl.org/essglobal/vocab/). Fields with no fitting schema.org property are listed in
``NOT_PUBLISHED``; ``tests/test_open_data.py`` fails when a field is in neither table, so a new
field is never dropped silently. The ``@context`` is embedded: the file parses offline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..graph import walk_records
from ..parts import FIELDS_OF, part_of
from ..query.records import source_record
from ..reference import COUNTRY_CODES, LEGAL_CATEGORIES
from .about import DESCRIPTION, LICENCE, TITLE

CONTEXT: dict[str, Any] = {
    "@vocab": "https://schema.org/",
    "@language": "fr",  # the base's text is French (names, descriptions)
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "essglobal": "http://purl.org/essglobal/vocab/",
    "legalform": "http://purl.org/essglobal/standard/legal-form/",
    "coopkb": "urn:coopkb:",
}
# The legal form ESSGLOBAL names "Cooperative" (legal-form/L2).
COOPERATIVE_FORM = "legalform:L2"

# The schema.org type of each kind of record.
TYPES: dict[str, str | list[str]] = {
    "council": "Organization",
    "programme": "Project",
    "roadmap": "CreativeWork",
    "cooperation": "Project",
    "cooperative": ["Organization", "essglobal:SSEInitiative"],
    "member": "Organization",
    "mission": "Event",
    "event": "Event",
    "organisation": "Organization",
    "person": "Person",
    "source": "CreativeWork",
}
# The property each field becomes: by name, or by (kind, name) where a kind differs.
PROPERTIES: dict[str, str] = {
    "name": "name",
    "aliases": "alternateName",
    "acronym": "alternateName",
    "description": "description",
    "website": "url",
    "url": "url",
    "founded": "foundingDate",
    "start": "startDate",
    "end": "endDate",
    "date": "datePublished",
    "sources": "isBasedOn",
    "member_of": "memberOf",
    "parent": "parentOrganization",
    "partners": "member",
    "associated_partners": "sponsor",
    "organisers": "organizer",
    "delegation": "attendee",
    "delegation_from": "attendee",
    "events": "subEvent",
    "figures": "additionalProperty",
    "represents": "additionalProperty",
    "participants": "additionalProperty",
    "legal_category": "keywords",
    "sector": "keywords",
    "sector_group": "keywords",
    "body_kind": "keywords",
    "kind": "additionalType",
    "affiliations": "affiliation",
    "author": "creditText",
    "destination": "location",
}
PROPERTIES_OF: dict[tuple[str, str], str] = {
    ("cooperation", "funder"): "funder",
    ("programme", "funder"): "funder",
    ("source", "kind"): "genre",
}
# Fields that stay out of JSON-LD: places (in the address), ranks and counts without a
# schema.org property, and text lists better read in the other exports.
NOT_PUBLISHED: frozenset[str] = frozenset(
    {
        "slug",
        "country",
        "region",
        "mrc",
        "municipality",
        "locality",
        "source_kind",
        "project",
        "model",
        "hosted_by",
        "purpose",
        "leadership",
        "timeline",
        "projects",
        "steps",
        "levers",
        "founding_context",
        "history",
        "activity",
        "cooperative_traits",
        "cooperative_difference",
        "collective_action",
        "innovating_in_collective_action",
        "network",
        "research_activities",
        "fields_of_action",
        "strategic_axes",
        "proximity_milestones",
        "collective_action_models",
        "outlook",
        "programmes",
        "roadmaps",
        "funding",
        "duration_months",
        "phases",
        "origin",
        "context",
        "strategic_objectives",
        "specific_objectives",
        "number",
        "cooperation",
        "date_note",
        "status",
        "delegation_size",
        "delegation_note",
        "visits",
        "activities",
        "document",
        "id",
        "title",
    }
)


def property_of(kind: str, field: str) -> str | None:
    """The schema.org property a field of ``kind`` becomes; None when it is not published."""
    if (kind, field) in PROPERTIES_OF:
        return PROPERTIES_OF[kind, field]
    if field in NOT_PUBLISHED:
        return None
    return PROPERTIES.get(field)


def node_id(slug: str) -> str:
    return f"coopkb:{slug}"


def source_id(identifier: str) -> str:
    return f"coopkb:source:{identifier}"


def jsonld(kb: dict[str, Any]) -> dict[str, Any]:
    """The JSON-LD document of the whole base: a Dataset node, then one node per record."""
    graph: list[dict[str, Any]] = [
        {
            "@id": "coopkb:dataset",
            "@type": "Dataset",
            "name": TITLE,
            "description": DESCRIPTION,
            "inLanguage": "fr-CA",
            "license": LICENCE["path"],
        }
    ]
    for found in walk_records(kb):
        graph.append(record_node(found.kind, found.record))
    for source in kb.get("sources") or []:
        graph.append(record_node("source", source_record(source)))
    return {"@context": CONTEXT, "@graph": graph}


def record_node(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """One record's node (a source shown as a record: its id as slug), without the context."""
    identifier = source_id(record["slug"]) if kind == "source" else node_id(record["slug"])
    node: dict[str, Any] = {"@id": identifier, "@type": TYPES[kind]}
    for field, value in record.items():
        prop = property_of(kind, field)
        if prop is None or value in (None, "", []):
            continue
        converted = _value(kind, field, value)
        if converted is None:
            continue
        if prop in node:  # several fields on one property (aliases and acronym): a list
            before = node[prop] if isinstance(node[prop], list) else [node[prop]]
            extra = converted if isinstance(converted, list) else [converted]
            node[prop] = before + extra
        else:
            node[prop] = converted
    address = _address(record)
    if address and TYPES[kind] == "Event":  # an event takes place; an organisation is based
        place: dict[str, Any] = {"@type": "Place", "address": address}
        where = record.get("locality") or record.get("destination")
        if where:
            place["name"] = where
        node["location"] = place
    elif address:
        node["address"] = address
    if kind == "cooperative":
        node["essglobal:legalForm"] = {"@id": COOPERATIVE_FORM}
    return node


def _value(kind: str, field: str, value: Any) -> Any:
    part = part_of(kind, field)
    what = part.part if part is not None else "scalar"
    if what == "reference":
        return {"@id": node_id(value)}
    if what == "references":
        return [{"@id": node_id(v)} for v in value]
    if what == "sources":
        return [{"@id": source_id(v)} for v in value]
    if what in ("mapping", "mappings"):
        assert part is not None
        items = value if isinstance(value, list) else [value]
        return [_sub_record(part.shape, item) for item in items]
    if part is not None and part.type == "date":
        return typed_date(value)
    if field == "legal_category":  # its full name in the official list
        return LEGAL_CATEGORIES.get(value, value)
    if field == "destination":
        return None  # part of the location
    return value


def typed_date(value: str) -> dict[str, str]:
    """A date as precise as the source, typed so that RDF readers know its precision."""
    kind = {4: "xsd:gYear", 7: "xsd:gYearMonth"}.get(len(value), "xsd:date")
    return {"@value": value, "@type": kind}


def _sub_record(shape: str, value: dict[str, Any]) -> dict[str, Any]:
    if shape == "figure":
        node: dict[str, Any] = {"@type": "PropertyValue", "name": value["label"]}
        node["value"] = value["value"]
        if value.get("unit"):
            node["unitText"] = value["unit"]
        if value.get("qualifier"):
            node["valueReference"] = value["qualifier"]
        if value.get("date"):
            node["observationDate"] = typed_date(value["date"])
        return node
    if shape == "affiliation":
        role: dict[str, Any] = {"@type": "Role"}
        if value.get("role"):
            role["roleName"] = value["role"]
        if value.get("date"):
            role["startDate"] = typed_date(value["date"])
        if value.get("organisation"):
            role["affiliation"] = {"@id": node_id(value["organisation"])}
        return role
    # any other shape: its fields by the same tables (a step's date, a reference inside it)
    node = {"@type": "StructuredValue"}
    for part in FIELDS_OF.get(shape, ()):
        item = value.get(part.field)
        if item in (None, "", []):
            continue
        if part.part == "reference":
            node[part.field] = {"@id": node_id(item)}
        elif part.type == "date":
            node[part.field] = typed_date(item)
        else:
            node[part.field] = item
    return node


def _address(record: dict[str, Any]) -> dict[str, Any] | None:
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if record.get("municipality"):
        address["addressLocality"] = record["municipality"]
    if record.get("region"):
        address["addressRegion"] = record["region"]
    country = record.get("country")
    if country:
        address["addressCountry"] = COUNTRY_CODES.get(country, country)
    return address if len(address) > 1 else None


def export_jsonld(kb: dict[str, Any], target: Path, overwrite: bool, protected: list[Path]) -> int:
    """Write the document; the number of nodes."""
    from ..writing import FileSet

    document = jsonld(kb)
    with FileSet(overwrite, protected) as files:
        files.add_text(target, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        files.commit()
    return len(document["@graph"])
